package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/plan"
	"github.com/huller/huller/pkg/roster"
)

// demoCatalog develops 1.1 at the workplace and 2.1 and the employer
// profile on individual courses.
func demoCatalog(fw *framework.Framework) *catalog.Catalog {
	eff := func(id string, from, to int) catalog.LeafEffect {
		return catalog.LeafEffect{Leaf: fw.Node(id).Leaf, From: from, To: to}
	}
	return &catalog.Catalog{ID: "demo", Framework: "demo", Language: "da", Currency: "DKK", File: "kat.yaml", Courses: []*catalog.Course{
		{ID: "samarbejde", Name: framework.Text{"da": "Samarbejde i praksis", "en": "Cooperation in practice"}, Form: catalog.FormWorkplace,
			Activity: catalog.ActJointCourse, Goals: []catalog.LearningGoal{catalog.GoalMethods}, Cost: catalog.Cost{Run: 12000},
			Capacity: 10, Min: 2, Leaves: []catalog.LeafEffect{eff("1.1", 0, 3)}},
		{ID: "jura", Name: framework.Text{"da": "Lovgivning", "en": "Legislation"}, Form: catalog.FormIndividual,
			Activity: catalog.ActCourse, Goals: []catalog.LearningGoal{catalog.GoalKnowledge}, Cost: catalog.Cost{Participant: 4500},
			Min: 1, Leaves: []catalog.LeafEffect{eff("2.1", 1, 3)}},
		{ID: "virk", Name: framework.Text{"da": "Virksomhedskontakt", "en": "Employer contact"}, Form: catalog.FormBlended,
			Activity: catalog.ActCourse, Goals: []catalog.LearningGoal{catalog.GoalMethods, catalog.GoalRole}, Cost: catalog.Cost{Participant: 2500, Run: 1000},
			Capacity: 2, Min: 1, Leaves: []catalog.LeafEffect{eff("v1", 0, 3), eff("v4", 0, 3)}},
	}}
}

func demoPlan(t testing.TB, edit func(*analysis.Settings), o plan.Options) *plan.Plan {
	t.Helper()
	fw := demoFramework(t)
	s := analysis.DefaultSettings()
	if edit != nil {
		edit(&s)
	}
	p, err := plan.Make(fw, demoRoster(t, fw), s, demoCatalog(fw), o)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPlanGolden pins every format of the demo plan.
func TestPlanGolden(t *testing.T) {
	p := demoPlan(t, nil, plan.DefaultOptions())
	for _, tt := range []struct {
		format, lang, file string
	}{
		{FormatJSON, "en", "plan.json"},
		{FormatCSV, "en", "plan.csv"},
		{FormatMarkdown, "da", "plan-da.md"},
		{FormatTable, "en", "plan.txt"},
	} {
		var b bytes.Buffer
		if err := RenderPlan(&b, tt.format, p, Options{Lang: tt.lang, Width: 80}); err != nil {
			t.Fatal(err)
		}
		golden(t, tt.file, b.Bytes())
	}
	var b bytes.Buffer
	if err := ProjectedCSV(&b, p); err != nil {
		t.Fatal(err)
	}
	golden(t, "plan-projected.csv", b.Bytes())
}

// TestPlanJSONShape: the plan's before and after are objects of exactly
// the shape of the analysis contract's summary.
func TestPlanJSONShape(t *testing.T) {
	p := demoPlan(t, nil, plan.DefaultOptions())
	var pb, ab bytes.Buffer
	if err := PlanJSON(&pb, p, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := JSON(&ab, p.Before, Options{}); err != nil {
		t.Fatal(err)
	}
	var pj, aj map[string]json.RawMessage
	if err := json.Unmarshal(pb.Bytes(), &pj); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(ab.Bytes(), &aj); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(compact(t, pj["before"]), compact(t, aj["summary"])) {
		t.Errorf("before %s\nsummary %s", pj["before"], aj["summary"])
	}
	keys := func(raw json.RawMessage) string {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		return fmt.Sprint(len(ks))
	}
	if keys(pj["after"]) != keys(aj["summary"]) {
		t.Errorf("after %s has another shape than %s", pj["after"], aj["summary"])
	}
}

func compact(t *testing.T, raw json.RawMessage) []byte {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPersonPlanShowsNoOneElse: with a person filter, no output names
// another person except as one who would teach them.
func TestPersonPlanShowsNoOneElse(t *testing.T) {
	p := demoPlan(t, func(s *analysis.Settings) { s.Person = "Søren Sørensen" }, plan.DefaultOptions())
	teachers := map[string]bool{}
	for _, n := range p.Needs {
		if n.Person != p.Before.Listed[0] {
			continue
		}
		switch n.Route {
		case plan.RouteJoint:
			teachers[p.Before.People[p.Joint[n.Activity].Lead].Name] = true
		case plan.RouteColleague:
			teachers[p.Before.People[p.Pairs[n.Activity].Colleague].Name] = true
		}
	}
	for _, format := range Formats() {
		var b bytes.Buffer
		if err := RenderPlan(&b, format, p, Options{Lang: "en", Width: 200}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.Contains(out, "Søren Sørensen") {
			t.Errorf("%s: the person's own plan is missing:\n%s", format, out)
		}
		for _, per := range p.Before.People {
			if per.Name == "Søren Sørensen" || teachers[per.Name] {
				continue
			}
			for _, s := range []string{per.Name, jsonQuoted(per.Name)} {
				if strings.Contains(out, s) {
					t.Errorf("%s: names %q:\n%s", format, per.Name, out)
				}
			}
		}
	}
}

func jsonQuoted(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

// TestProjectedReproducesAfter: on random rosters and catalogs, the
// projected roster written as CSV, read back as a roster and analysed with
// the same settings gives exactly the plan's "after": the same summary and
// the same holes, as the JSON contract writes them.
func TestProjectedReproducesAfter(t *testing.T) {
	fw := demoFramework(t)
	r := rand.New(rand.NewPCG(3, 5))
	for it := range 150 {
		ros := randomDemoRoster(r, fw, 2+r.IntN(25))
		cat := demoCatalog(fw)
		s := analysis.DefaultSettings()
		s.MinSpecialists = r.IntN(3) - 1
		s.Coverage = []float64{0.5, 0.8, 1}[r.IntN(3)]
		o := plan.DefaultOptions()
		o.Joint, o.Mentoring = r.IntN(3) > 0, r.IntN(3) > 0
		o.JointMin = 2 + r.IntN(3)
		if r.IntN(3) == 0 {
			o.Budget = int64(r.IntN(40) * 1000)
		}
		p, err := plan.Make(fw, ros, s, cat, o)
		if err != nil {
			t.Fatal(err)
		}
		var csvb bytes.Buffer
		if err := ProjectedCSV(&csvb, p); err != nil {
			t.Fatal(err)
		}
		back, err := roster.Read(roster.Source{Name: "projected.csv", R: bytes.NewReader(csvb.Bytes())}, fw, roster.Options{})
		if err != nil {
			t.Fatalf("instance %d: %v\n%s", it, err, csvb.String())
		}
		again, err := analysis.Analyze(fw, back, s)
		if err != nil {
			t.Fatal(err)
		}
		want := afterJSON(t, p.After)
		if got := afterJSON(t, again); got != want {
			t.Fatalf("instance %d: analysed again\n%s\nthe plan's after\n%s", it, got, want)
		}
	}
}

func afterJSON(t *testing.T, res *analysis.Result) string {
	var holes []jHole
	for _, h := range res.Holes {
		holes = append(holes, jsonHole(res, h))
	}
	b, err := json.Marshal(struct {
		S jSummary
		H []jHole
	}{jsonSummary(res.Summary, res.Holes), holes})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// randomDemoRoster draws persons of the demo framework with random roles,
// teams, profiles (none, a list, or "none") and levels.
func randomDemoRoster(r *rand.Rand, fw *framework.Framework, n int) *roster.Roster {
	ros := &roster.Roster{Source: "random.csv"}
	ros.Columns = fw.Leaves
	roles := []string{"konsulent", "admin", ""}
	teams := []string{"Nord", "Syd", ""}
	for i := range n {
		p := roster.Person{Row: i + 2, Name: fmt.Sprintf("P%02d =x", i), ID: fmt.Sprint("E", i), Role: roles[r.IntN(3)], Team: teams[r.IntN(3)]}
		switch r.IntN(4) {
		case 0:
			p.Profiles = []string{}
		case 1:
			p.Profiles = []string{"virk"}
		case 2:
			p.Profiles = []string{"koord", "virk"}
		}
		for range fw.Leaves {
			p.Scores = append(p.Scores, int8(r.IntN(6)-1))
		}
		ros.Persons = append(ros.Persons, p)
	}
	return ros
}
