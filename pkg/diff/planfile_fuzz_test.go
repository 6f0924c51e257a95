package diff

import (
	"strings"
	"testing"
)

// FuzzReadPlan: any input is read or refused with a message naming the
// file, never a panic; what is read holds together (every need's person
// and activity exist, its goal is above its level).
func FuzzReadPlan(f *testing.F) {
	f.Add(planJSON)
	f.Add(strings.Replace(planJSON, `"route": "course", "activity": 0}`, `"route": "course", "activity": 4}`, 1))
	f.Add(`{"schema_version": 1, "framework": {"id": "x"}, "needs": [], "joint": [], "colleagues": [], "runs": []}`)
	f.Add(`{"schema_version": 1, "needs": [{"name": "A", "level": 1e400}]}`)
	f.Add(`{"needs": [[[[[[[[[[]]]]]]]]]]}`)
	f.Add("{\"schema_version\": 1,\n \"needs\": [\n {\"name\": \"\\u00e6\", \"competence\": \"1\", \"level\": 0, \"goal\": 1, \"expected\": 1, \"route\": \"unmet\"}]")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		p, err := ReadPlan("plan.json", strings.NewReader(text))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "plan.json") {
				t.Fatalf("error without the file: %v", err)
			}
			return
		}
		lists := map[string]int{RouteJoint: len(p.Joint), RouteColleague: len(p.Pairs), RouteCourse: len(p.Runs)}
		for k, n := range p.Needs {
			if n.Person < 0 || n.Person >= len(p.Persons) || n.Level >= n.Goal || n.Level < 0 || n.Expected < n.Level {
				t.Fatalf("need %d: %+v", k, n)
			}
			if size, ok := lists[n.Route]; ok && (n.Activity < 0 || n.Activity >= size) || !ok && n.Activity != -1 {
				t.Fatalf("need %d: activity %d of %s", k, n.Activity, n.Route)
			}
		}
		for _, j := range p.Joint {
			if j.Lead < 0 || j.Lead >= len(p.Persons) {
				t.Fatalf("joint %+v", j)
			}
		}
	})
}
