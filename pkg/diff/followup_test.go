package diff

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A plan made from planOldCSV, and the mapping a year on. Every outcome
// has a need:
//
//	Ann 1.1 1 → 2, joint:      2 a year on, reassessed    met
//	Bo  1.1 1 → 2, joint:      1, reassessed              not yet
//	Cy  2.1 0 → 2, colleague:  1, reassessed              partly
//	Di  2.1 1 → 2, course:     2, the same date           carried over
//	Ed  2.2 1 → 2, course:     Ed left                    left
//	Fi  1.2 1 → 2, unmet:      blank a year on            not assessed
//	Gus 1.1 1 → 2, joint:      not in the old mapping     not found
//	Hal 2.2 1 → 3, deferred:   3 (matched by name)        met
const (
	planOldCSV = `id;name;role;assessed;1.1;1.2;2.1;2.2;p.1;p.2
E1;Ann;konsulent;2026-01-10;1;3;3;3;3;3
E2;Bo;konsulent;2026-01-10;1;3;3;3;3;3
E3;Cy;konsulent;2026-01-10;3;3;0;3;3;3
E4;Di;konsulent;2026-01-10;3;3;1;3;3;3
E5;Ed;konsulent;2026-01-10;3;3;3;1;3;3
E6;Fi;konsulent;2026-01-10;3;1;3;3;3;3
E8;Hal;konsulent;2026-01-10;3;3;3;1;3;3
E9;Ida;konsulent;2026-01-10;4;4;4;4;4;4
`
	planNewCSV = `id;name;role;assessed;1.1;1.2;2.1;2.2;p.1;p.2
E1;Ann;konsulent;2027-01-10;2;3;3;3;3;3
E2;Bo;konsulent;2027-01-10;1;3;3;3;3;3
E3;Cy;konsulent;2027-01-10;3;3;1;3;3;3
E4;Di;konsulent;2026-01-10;3;3;2;3;3;3
E6;Fi;konsulent;2027-01-10;3;;3;3;3;3
E8;Hal;konsulent;2027-01-10;3;3;3;3;3;3
E9;Ida;konsulent;2027-01-10;4;4;4;4;4;4
`
	planJSON = `{
  "schema_version": 1,
  "framework": {"id": "mini", "title": "Mini"},
  "roster": {"file": "2026.csv", "sheet": "", "persons": 8, "analysed": 8, "listed": 8},
  "totals": {"needs": 8},
  "needs": [
    {"name": "Ann", "id": "E1", "competence": "1.1", "level": 1, "goal": 2, "expected": 2, "priority": 1, "hole": null, "sources": ["basis"], "route": "joint", "activity": 0, "learning_goals": []},
    {"name": "Bo", "id": "E2", "competence": "1.1", "level": 1, "goal": 2, "expected": 2, "priority": 1, "route": "joint", "activity": 0},
    {"name": "Cy", "id": "E3", "competence": "2.1", "level": 0, "goal": 2, "expected": 2, "priority": 1, "route": "colleague", "activity": 0},
    {"name": "Di", "id": "E4", "competence": "2.1", "level": 1, "goal": 2, "expected": 3, "priority": 1, "route": "course", "activity": 0},
    {"name": "Ed", "id": "E5", "competence": "2.2", "level": 1, "goal": 2, "expected": 3, "priority": 2, "route": "course", "activity": 0},
    {"name": "Fi", "id": "E6", "competence": "1.2", "level": 1, "goal": 2, "expected": 1, "priority": 2, "route": "unmet", "activity": null},
    {"name": "Gus", "id": "E7", "competence": "1.1", "level": 1, "goal": 2, "expected": 2, "priority": 5, "route": "joint", "activity": 0},
    {"name": "hal", "id": "", "competence": "2.2", "level": 1, "goal": 3, "expected": 1, "priority": 5, "route": "deferred", "activity": null}
  ],
  "joint": [{"competence": "1.1", "team": null, "lead": {"name": "Ida", "id": "E9"}, "reach": 3, "participants": []}],
  "colleagues": [{"colleague": {"name": "Ida", "id": "E9"}, "learner": {"name": "Cy", "id": "E3"}, "competences": ["2.1"]}],
  "runs": [{"course": "jura", "run": 1, "kind": "course", "cost": 9000, "participants": []}],
  "unmet": [],
  "warnings": []
}
`
)

func readPlan(t testing.TB, text string) *SavedPlan {
	t.Helper()
	p, err := ReadPlan("plan.json", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func followUp(t *testing.T, plan, oldCSV, newCSV string) (*Result, error) {
	t.Helper()
	fw := mini(t)
	return Compare(input(fw, readRoster(t, fw, "2026.csv", oldCSV)), input(fw, readRoster(t, fw, "2027.csv", newCSV)),
		Options{Plan: readPlan(t, plan)})
}

func TestFollowUpOutcomes(t *testing.T) {
	res, err := followUp(t, planJSON, planOldCSV, planNewCSV)
	if err != nil {
		t.Fatal(err)
	}
	f := res.Plan
	var got []string
	for k, n := range f.Plan.Needs {
		nf := f.Needs[k]
		got = append(got, fmt.Sprintf("%s %s: %d/%d -> %d %s %s", f.Plan.Persons[n.Person].Name, n.Competence, n.Level, nf.Old, nf.New, nf.Assessment, nf.Outcome))
	}
	want := []string{
		"Ann 1.1: 1/1 -> 2 reassessed met",
		"Bo 1.1: 1/1 -> 1 reassessed not-yet",
		"Cy 2.1: 0/0 -> 1 reassessed partly",
		"Di 2.1: 1/1 -> 2 carried-over carried-over",
		"Ed 2.2: 1/1 -> -1 undated left",
		"Fi 1.2: 1/1 -> -1 reassessed not-assessed",
		"Gus 1.1: 1/-1 -> -1 undated not-found",
		"hal 2.2: 1/1 -> 3 reassessed met",
	}
	if !slices.Equal(got, want) {
		t.Errorf("outcomes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f.ByName != 1 || f.LevelsDiffer != 0 {
		t.Errorf("matched by name %d, levels differ %d; want 1, 0", f.ByName, f.LevelsDiffer)
	}
	counts := func(c Counts) string {
		return fmt.Sprintf("%d met, %d partly, %d not yet, %d carried over, %d not assessed, %d left, %d not found", c[PlanMet], c[PlanPartly],
			c[PlanNotYet], c[PlanCarriedOver], c[PlanNotAssessed], c[PlanLeft], c[PlanNotFound])
	}
	for _, tt := range []struct{ what, got, want string }{
		{"totals", counts(f.Totals()), "2 met, 1 partly, 1 not yet, 1 carried over, 1 not assessed, 1 left, 1 not found"},
		{"joint", counts(f.Route(RouteJoint)), "1 met, 0 partly, 1 not yet, 0 carried over, 0 not assessed, 0 left, 1 not found"},
		{"joint activity 0", counts(f.Activity(RouteJoint, 0)), "1 met, 0 partly, 1 not yet, 0 carried over, 0 not assessed, 0 left, 1 not found"},
		{"colleague", counts(f.Route(RouteColleague)), "0 met, 1 partly, 0 not yet, 0 carried over, 0 not assessed, 0 left, 0 not found"},
		{"course run 0", counts(f.Activity(RouteCourse, 0)), "0 met, 0 partly, 0 not yet, 1 carried over, 0 not assessed, 1 left, 0 not found"},
		{"outside the activities", counts(f.Route("")), "1 met, 0 partly, 0 not yet, 0 carried over, 1 not assessed, 0 left, 0 not found"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %s; want %s", tt.what, tt.got, tt.want)
		}
	}
	if j := f.Totals().Judged(); j != 4 {
		t.Errorf("judged %d, want 4", j)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "1 of the 8 persons of plan.json are not in 2026.csv (matched by id, else by name): Gus (E7)") {
		t.Errorf("warnings %q", res.Warnings)
	}
	persons := f.PlanPersons()
	if len(persons) != 8 || f.Plan.Persons[persons[0]].Name != "Ann" || !slices.Equal(f.PersonNeeds(persons[2]), []int{2}) {
		t.Errorf("persons %v", persons)
	}
	if ida := slices.Index(f.Plan.Persons, PlanPerson{"Ida", "E9"}); ida < 0 || f.Before[ida] != 7 || f.After[ida] != 6 {
		t.Errorf("the lead Ida is not matched: %d", ida)
	}
}

// TestFollowUpLevelsDiffer: a plan whose levels are not the old
// mapping's is followed up from its own levels, with a warning.
func TestFollowUpLevelsDiffer(t *testing.T) {
	old := strings.Replace(planOldCSV, "E3;Cy;konsulent;2026-01-10;3;3;0;", "E3;Cy;konsulent;2026-01-10;3;3;1;", 1)
	res, err := followUp(t, planJSON, old, planNewCSV)
	if err != nil {
		t.Fatal(err)
	}
	if res.Plan.LevelsDiffer != 1 || res.Plan.Needs[2].Outcome != PlanPartly {
		t.Errorf("levels differ %d, Cy %s; want 1, partly (from the plan's 0)", res.Plan.LevelsDiffer, res.Plan.Needs[2].Outcome)
	}
	if !slices.ContainsFunc(res.Warnings, func(w string) bool {
		return strings.Contains(w, "the levels of 1 of the 8 needs of plan.json differ from 2026.csv (Cy (E3), 2.1: 0 in the plan, 1 in 2026.csv)")
	}) {
		t.Errorf("warnings %q", res.Warnings)
	}
}

// TestFollowUpRefused: a plan of another framework, of another roster, or
// naming a competence the framework lacks is refused.
func TestFollowUpRefused(t *testing.T) {
	tests := []struct {
		name, plan, err string
		mismatch        bool
	}{
		{"another framework", strings.Replace(planJSON, `"id": "mini"`, `"id": "lkb-2006"`, 1),
			"plan.json was made against framework lkb-2006, and the mappings are measured against mini", true},
		{"another roster", strings.NewReplacer(`"id": "E`, `"id": "X`, `"name": "hal"`, `"name": "Nobody"`).Replace(planJSON),
			"none of the 8 persons of plan.json is in 2026.csv (matched by id, else by name): the plan was made from another roster", true},
		{"an unknown competence", strings.Replace(planJSON, `"competence": "1.2"`, `"competence": "1.9"`, 1),
			`plan.json:12:5: need 6: "1.9" is no competence of mini`, false},
	}
	for _, tt := range tests {
		_, err := followUp(t, tt.plan, planOldCSV, planNewCSV)
		if err == nil || !strings.Contains(err.Error(), tt.err) || errors.Is(err, ErrPlanMismatch) != tt.mismatch {
			t.Errorf("%s: %v; want %q", tt.name, err, tt.err)
		}
	}
}

// TestReadPlan: what a plan holds, as huller plan writes it.
func TestReadPlan(t *testing.T) {
	p := readPlan(t, planJSON)
	if p.Framework != "mini" || p.Roster != "2026.csv" || p.Analysed != 8 || p.Listed != 8 || len(p.Needs) != 8 ||
		len(p.Joint) != 1 || len(p.Pairs) != 1 || len(p.Runs) != 1 {
		t.Fatalf("plan %+v", p)
	}
	if n := p.Needs[3]; n.Competence != "2.1" || n.Level != 1 || n.Goal != 2 || n.Expected != 3 || n.Route != RouteCourse || n.Activity != 0 || n.Line != 10 || n.Col != 5 {
		t.Errorf("need 4: %+v", n)
	}
	if n := p.Needs[5]; n.Route != RouteUnmet || n.Activity != -1 {
		t.Errorf("need 6: %+v", n)
	}
	if j := p.Joint[0]; j.Competence != "1.1" || j.Team != "" || p.Persons[j.Lead] != (PlanPerson{"Ida", "E9"}) {
		t.Errorf("joint %+v", j)
	}
	if r := p.Runs[0]; r.Course != "jura" || r.No != 1 || r.Cost != 9000 {
		t.Errorf("run %+v", r)
	}
	if pp := p.Pairs[0]; p.Persons[pp.Learner].Name != "Cy" || !slices.Equal(pp.Competences, []string{"2.1"}) {
		t.Errorf("pair %+v", pp)
	}
}

// TestReadPlanErrors: a broken or foreign file is refused with its place.
func TestReadPlanErrors(t *testing.T) {
	cut := func(s, from string) string { return s[:strings.Index(s, from)] }
	tests := []struct{ name, text, err string }{
		{"empty", "  \n", "plan.json: the file is empty; it is not a plan written by 'huller plan --format json'"},
		{"an array", "[1]", "plan.json:1:1: a plan is a JSON object"},
		{"not JSON", "{\n  \"schema_version\": 1,,\n}", "plan.json:2:23: not valid JSON: invalid character ','"},
		{"cut off", cut(planJSON, `"joint"`), "the file ends too early: it is cut off"},
		{"newer", strings.Replace(planJSON, `"schema_version": 1`, `"schema_version": 2`, 1),
			"plan.json:2:21: schema_version 2: this huller reads plans of schema_version 1 (made by a newer huller: update huller to read it)"},
		{"an analysis", `{"schema_version": 1, "framework": {"id": "mini"}, "summary": {}, "holes": []}`,
			`plan.json: it has no "needs": it is not a plan written by 'huller plan --format json'`},
		{"a wrong type", strings.Replace(planJSON, `"level": 1, "goal": 2, "expected": 2, "priority": 1, "route": "joint"`, `"level": "one", "goal": 2, "expected": 2, "priority": 1, "route": "joint"`, 1),
			"plan.json:8:62: level is a JSON string, not a whole number"},
		{"a route", strings.Replace(planJSON, `"route": "unmet"`, `"route": "bus"`, 1),
			`plan.json:12:5: need 6: route "bus" is not one of joint, colleague, course, deferred, unmet`},
		{"no activity", strings.Replace(planJSON, `"route": "course", "activity": 0}`, `"route": "course", "activity": null}`, 1),
			"plan.json:10:5: need 4 goes by course but names no activity (an index from 0)"},
		{"an activity not there", strings.Replace(planJSON, `"route": "course", "activity": 0}`, `"route": "course", "activity": 4}`, 1),
			`plan.json:10:5: need 4: course run 4 is not in "runs" (1 there)`},
		{"another competence", strings.Replace(planJSON, `"competence": "1.1", "team"`, `"competence": "2.2", "team"`, 1),
			"plan.json:7:5: need 1: its joint activity 0 is on 2.2, not on 1.1"},
		{"another learner", strings.Replace(planJSON, `"learner": {"name": "Cy", "id": "E3"}`, `"learner": {"name": "Bo", "id": "E2"}`, 1),
			"plan.json:9:5: need 3: its colleague pair 0 is for Bo, not for Cy"},
		{"goal below level", strings.Replace(planJSON, `"level": 0, "goal": 2`, `"level": 2, "goal": 2`, 1),
			"plan.json:9:5: need 3: level 2 and goal 2: a need's goal is above its level, both from 0 to 100"},
		{"no name", strings.Replace(planJSON, `"name": "Bo", "id": "E2"`, `"name": "", "id": ""`, 1),
			"plan.json:8:5: need 2 has neither a name nor an id"},
		{"twice", strings.Replace(planJSON, `"unmet": [],`, `"runs": [],`, 1), `plan.json:19:3: "runs" appears twice`},
		{"more after it", planJSON + "{}", "plan.json:22:1: more follows the plan's closing brace"},
		{"needs not a list", strings.Replace(planJSON, `"totals": {"needs": 8},`, `"needs": 8,`, 1), `plan.json:5:12: "needs" is a list ([…]) in a plan`},
	}
	for _, tt := range tests {
		_, err := ReadPlan("plan.json", strings.NewReader(tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%s: %v\nwant %q", tt.name, err, tt.err)
			continue
		}
		var h interface{ Hint() string }
		if !errors.As(err, &h) || !strings.Contains(h.Hint(), "huller plan") {
			t.Errorf("%s: no hint", tt.name)
		}
	}
}

// TestReadPlanLimits: a plan larger than the limits is refused before it
// costs more.
func TestReadPlanLimits(t *testing.T) {
	defer func(n int) { maxPlanFile = n }(maxPlanFile)
	maxPlanFile = len(planJSON) - 1
	if _, err := ReadPlan("plan.json", strings.NewReader(planJSON)); err == nil || !strings.Contains(err.Error(), "the plan is larger than") {
		t.Errorf("a file over the limit: %v", err)
	}
	maxPlanFile = len(planJSON)
	readPlan(t, planJSON)
	defer func(n int) { maxPlanNeeds = n }(maxPlanNeeds)
	maxPlanNeeds = 7
	if _, err := ReadPlan("plan.json", strings.NewReader(planJSON)); err == nil || !strings.Contains(err.Error(), `plan.json:14:5: "needs" has more than 7 entries`) {
		t.Errorf("needs over the limit: %v", err)
	}
}
