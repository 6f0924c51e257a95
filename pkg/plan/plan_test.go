package plan

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// miniYAML is a framework of three basis competences (a, b, c) and a
// profile p of two (p1, p2); role r requires a at 3, b and c at 2; the
// target is 3, and with no teaching level on the scale a colleague can
// teach from the target up.
const miniYAML = `id: mini
title: Mini
language: en
scale:
  - {level: 0, label: None}
  - {level: 1, label: Basic}
  - {level: 2, label: Independent}
  - {level: 3, label: Specialist}
  - {level: 4, label: Expert}
defaults: {required: 2, target: 3, fit: 0.75}
basis:
  - id: g
    name: G
    items:
      - {id: a, name: A}
      - {id: b, name: B}
      - {id: c, name: C}
profiles:
  - id: p
    name: P
    items:
      - {id: p1, name: P1}
      - {id: p2, name: P2}
roles:
  - id: r
    name: R
    requires: {a: 3, b: 2, c: 2}
`

func mini(t testing.TB) *framework.Framework {
	t.Helper()
	fw, err := framework.Parse("mini.yaml", []byte(miniYAML))
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// person is a roster row: name, team and levels of a, b, c, p1, p2 (-1
// not assessed); profiles nil (the role's: none).
type person struct {
	name, team string
	levels     [5]int8
}

func miniRoster(fw *framework.Framework, ps []person) *roster.Roster {
	r := &roster.Roster{Source: "mini.csv", Columns: fw.Leaves}
	for i, p := range ps {
		r.Persons = append(r.Persons, roster.Person{Row: i + 2, Name: p.name, ID: fmt.Sprintf("E%d", i+1), Role: "r",
			Team: p.team, Scores: slices.Clone(p.levels[:])})
	}
	return r
}

// course makes a checked catalog course.
func course(id string, form catalog.Form, pp, run int64, capacity, minimum int, effects ...catalog.LeafEffect) *catalog.Course {
	return &catalog.Course{ID: id, Name: framework.Text{"en": id}, Form: form, Activity: catalog.ActCourse,
		Cost: catalog.Cost{Participant: pp, Run: run}, Capacity: capacity, Min: max(minimum, 1), Leaves: effects}
}

func leaf(fw *framework.Framework, id string, from, to int) catalog.LeafEffect {
	return catalog.LeafEffect{Leaf: fw.Node(id).Leaf, From: from, To: to}
}

func settings() analysis.Settings {
	s := analysis.DefaultSettings()
	s.MinSpecialists = 0 // no profile holes unless a test asks
	return s
}

func make_(t *testing.T, fw *framework.Framework, ps []person, s analysis.Settings, cat *catalog.Catalog, o Options) *Plan {
	t.Helper()
	p, err := Make(fw, miniRoster(fw, ps), s, cat, o)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, p)
	return p
}

// names returns the names of persons.
func names(p *Plan, persons []int32) string {
	var out []string
	for _, q := range persons {
		out = append(out, p.Before.People[q].Name)
	}
	return strings.Join(out, ",")
}

func needNames(p *Plan, needs []int32) string {
	var out []string
	for _, i := range needs {
		out = append(out, p.Before.People[p.Needs[i].Person].Name)
	}
	return strings.Join(out, ",")
}

// TestSharedNeedBecomesJoint: six persons lack a (goal 3), one colleague at
// 4 can teach it: 6 ≥ 4 and 6 > 1 teacher, so one joint activity of the
// unit led by her, reaching min(4 − 1, 3) = 3. Three persons lacking c
// (fewer than 4) go to a colleague instead.
func TestSharedNeedBecomesJoint(t *testing.T) {
	fw := mini(t)
	ps := []person{
		{"Ann", "X", [5]int8{4, 2, 4, -1, -1}},
		{"Bo", "X", [5]int8{1, 2, 1, -1, -1}},
		{"Cy", "X", [5]int8{2, 2, 1, -1, -1}},
		{"Di", "Y", [5]int8{1, 2, 1, -1, -1}},
		{"Ed", "Y", [5]int8{2, 2, 2, -1, -1}},
		{"Fi", "Y", [5]int8{2, 2, 2, -1, -1}},
		{"Gu", "Y", [5]int8{1, 2, 2, -1, -1}},
	}
	p := make_(t, fw, ps, settings(), nil, DefaultOptions())
	if len(p.Joint) != 1 {
		t.Fatalf("joint activities %+v", p.Joint)
	}
	j := p.Joint[0]
	if fw.Leaves[j.Leaf].ID != "a" || !j.Unit || names(p, []int32{j.Lead}) != "Ann" || j.Reach != 3 || j.Teachers != 1 ||
		needNames(p, j.Needs) != "Bo,Di,Gu,Cy,Ed,Fi" {
		t.Errorf("joint %+v: lead %s, participants %s", j, names(p, []int32{j.Lead}), needNames(p, j.Needs))
	}
	for _, i := range j.Needs {
		if n := p.Needs[i]; n.Route != RouteJoint || n.Expected != 3 || n.Priority != int8(analysis.TierCannotDeliver) {
			t.Errorf("need %+v", n)
		}
	}
	// c: Bo, Cy, Di lack it (3 < 4): Ann teaches them, one to one
	if len(p.Pairs) != 3 {
		t.Fatalf("pairs %+v", p.Pairs)
	}
	for _, pr := range p.Pairs {
		if names(p, []int32{pr.Colleague}) != "Ann" || len(pr.Needs) != 1 || fw.Leaves[p.Needs[pr.Needs[0]].Leaf].ID != "c" {
			t.Errorf("pair %+v", pr)
		}
	}
	// after: a and c met by everyone; Ann is now the only one at the
	// target on c (a key person), which the basis hole on c hid before
	if len(p.After.Holes) != 1 || p.After.Holes[0].Kind != analysis.KindSinglePoint || p.After.Holes[0].Node.ID != "c" ||
		p.After.Summary.Basis.GapSum != 0 {
		t.Errorf("after: holes %+v, gap sum %d", p.After.Holes, p.After.Summary.Basis.GapSum)
	}
}

// TestTeamJoint: no unit-wide activity (5 lacking, 5 teachers), but team X
// has 4 lacking and no teacher of its own: a joint activity for team X, led
// by the highest-level colleague of another team.
func TestTeamJoint(t *testing.T) {
	fw := mini(t)
	ps := []person{
		{"T1", "Y", [5]int8{3, 2, 3, -1, -1}},
		{"T2", "Y", [5]int8{4, 2, 3, -1, -1}},
		{"T3", "Y", [5]int8{3, 2, 3, -1, -1}},
		{"T4", "Y", [5]int8{3, 2, 3, -1, -1}},
		{"T5", "Y", [5]int8{3, 2, 3, -1, -1}},
		{"X1", "X", [5]int8{2, 2, 2, -1, -1}},
		{"X2", "X", [5]int8{2, 2, 2, -1, -1}},
		{"X3", "X", [5]int8{2, 2, 2, -1, -1}},
		{"X4", "X", [5]int8{2, 2, 2, -1, -1}},
		{"Y1", "Y", [5]int8{2, 2, 2, -1, -1}},
	}
	p := make_(t, fw, ps, settings(), nil, DefaultOptions())
	if len(p.Joint) != 1 {
		t.Fatalf("joint activities %+v", p.Joint)
	}
	j := p.Joint[0]
	if j.Unit || j.Team != "X" || names(p, []int32{j.Lead}) != "T2" || j.Teachers != 0 || needNames(p, j.Needs) != "X1,X2,X3,X4" {
		t.Errorf("joint %+v: lead %s, participants %s", j, names(p, []int32{j.Lead}), needNames(p, j.Needs))
	}
	// Y1's need on a (goal 3) needs a colleague at 4: T2, who also leads
	if n := p.Needs[p.PersonNeeds(9)[0]]; n.Route != RouteColleague || names(p, []int32{p.Pairs[n.Activity].Colleague}) != "T2" {
		t.Errorf("Y1: %+v", n)
	}
}

// TestColleagueCapped: a colleague of the learner's own team first, at
// most MaxMentees learners each; a goal the colleague cannot bring the
// learner to (min(level − 1, target) below it) goes to one who can.
func TestColleagueCapped(t *testing.T) {
	fw := mini(t)
	ps := []person{
		{"Tx", "X", [5]int8{3, 3, 3, -1, -1}}, // teaches b and c up to 2
		{"Ty", "Y", [5]int8{4, 4, 3, -1, -1}}, // teaches a and b up to 3
		{"L1", "X", [5]int8{3, 1, 2, -1, -1}},
		{"L2", "X", [5]int8{3, 1, 2, -1, -1}},
		{"L3", "X", [5]int8{2, 1, 2, -1, -1}},
	}
	o := DefaultOptions()
	o.MaxMentees = 2
	p := make_(t, fw, ps, settings(), nil, o)
	got := map[string]string{}
	for _, pr := range p.Pairs {
		for _, i := range pr.Needs {
			got[p.Before.People[pr.Learner].Name+" "+fw.Leaves[p.Needs[i].Leaf].ID] = p.Before.People[pr.Colleague].Name
		}
	}
	// needs in priority order: L3's a (gap 1, hole of a? 1 of 5 lacks a:
	// 80 %, no hole), then b (3 of 5 lack it: a hole) for L1, L2, L3
	want := map[string]string{"L1 b": "Tx", "L2 b": "Tx", "L3 b": "Ty", "L3 a": "Ty"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pairs %v, want %v", got, want)
	}
	for _, pr := range p.Pairs {
		if pr.Colleague == pr.Learner {
			t.Errorf("%s is their own colleague", names(p, []int32{pr.Learner}))
		}
	}
}

// TestCapacitySplitsRuns: five persons need c; the course takes three a
// run: two runs, of three and two, each paying the run's cost.
func TestCapacitySplitsRuns(t *testing.T) {
	fw := mini(t)
	var ps []person
	for i := range 5 {
		ps = append(ps, person{fmt.Sprint("P", i+1), "X", [5]int8{3, 2, 1, -1, -1}})
	}
	cat := &catalog.Catalog{Courses: []*catalog.Course{course("cc", catalog.FormIndividual, 100, 1000, 3, 2, leaf(fw, "c", 0, 2))}}
	o := DefaultOptions()
	o.Joint, o.Mentoring = false, false
	p := make_(t, fw, ps, settings(), cat, o)
	if len(p.Runs) != 2 || len(p.Runs[0].Persons) != 3 || len(p.Runs[1].Persons) != 2 || p.Runs[1].No != 2 {
		t.Fatalf("runs %+v", p.Runs)
	}
	if p.Cost != 2*1000+5*100 || p.Runs[0].Cost != 1300 || p.Runs[1].Cost != 1200 {
		t.Errorf("cost %d, runs %d and %d", p.Cost, p.Runs[0].Cost, p.Runs[1].Cost)
	}
}

// TestMinCancelsRun: the cheap course needs three participants a run, but
// only two need it: it does not run, and both take the dearer course.
func TestMinCancelsRun(t *testing.T) {
	fw := mini(t)
	ps := []person{
		{"P1", "X", [5]int8{3, 2, 1, -1, -1}},
		{"P2", "X", [5]int8{3, 2, 1, -1, -1}},
		{"P3", "X", [5]int8{3, 2, 2, -1, -1}},
		{"P4", "X", [5]int8{3, 2, 2, -1, -1}},
	}
	cheap := course("cheap", catalog.FormWorkplace, 0, 500, 10, 3, leaf(fw, "c", 0, 2))
	dear := course("dear", catalog.FormIndividual, 900, 0, 0, 1, leaf(fw, "c", 0, 3))
	o := DefaultOptions()
	o.Joint, o.Mentoring = false, false
	p := make_(t, fw, ps, settings(), &catalog.Catalog{Courses: []*catalog.Course{cheap, dear}}, o)
	if len(p.Runs) != 1 || p.Runs[0].Course != dear || names(p, p.Runs[0].Persons) != "P1,P2" || p.Cost != 1800 {
		t.Fatalf("runs %+v", p.Runs)
	}
	// with a third person in need, the cheap run takes place for all three
	ps[2].levels[2] = 1
	p = make_(t, fw, ps, settings(), &catalog.Catalog{Courses: []*catalog.Course{cheap, dear}}, o)
	if len(p.Runs) != 1 || p.Runs[0].Course != cheap || len(p.Runs[0].Persons) != 3 || p.Cost != 500 {
		t.Fatalf("runs %+v", p.Runs)
	}
}

// TestBudgetDefers: the four needs on a help close a hole (priority 1); the
// one on c is the person's own (priority 5). A budget of 4,500 buys the
// course on a for four (4,000) and defers c, whose course (1,000) does not
// fit in the 500 left.
func TestBudgetDefers(t *testing.T) {
	fw := mini(t)
	ps := []person{
		{"P1", "X", [5]int8{1, 2, 2, -1, -1}},
		{"P2", "X", [5]int8{1, 2, 2, -1, -1}},
		{"P3", "X", [5]int8{1, 2, 2, -1, -1}},
		{"P4", "X", [5]int8{1, 2, 2, -1, -1}},
		{"P5", "X", [5]int8{3, 2, 1, -1, -1}},
	}
	cat := &catalog.Catalog{Courses: []*catalog.Course{
		course("ca", catalog.FormIndividual, 1000, 0, 0, 1, leaf(fw, "a", 0, 3)),
		course("cc", catalog.FormIndividual, 1000, 0, 0, 1, leaf(fw, "c", 0, 3)),
	}}
	o := DefaultOptions()
	o.Joint, o.Mentoring, o.Budget = false, false, 4500
	p := make_(t, fw, ps, settings(), cat, o)
	c := p.Counts()
	if c.Course != 4 || c.Deferred != 1 || p.Cost != 4000 || p.DeferredCost != 1000 {
		t.Fatalf("counts %+v, cost %d, deferred cost %d", c, p.Cost, p.DeferredCost)
	}
	n := p.Needs[len(p.Needs)-1]
	if n.Priority != PriorityOwn || n.Route != RouteDeferred || fw.Leaves[n.Leaf].ID != "c" || n.Expected != n.Level {
		t.Errorf("last need %+v", n)
	}
	// a budget too small for priority 1 defers everything after it
	o.Budget = 2500
	p = make_(t, fw, ps, settings(), cat, o)
	if c := p.Counts(); c.Course != 2 || c.Deferred != 3 || p.Cost != 2000 || p.DeferredCost != 3000 {
		t.Errorf("counts %+v, cost %d, deferred cost %d", c, p.Cost, p.DeferredCost)
	}
}

// TestFromKeepsBeginnersOff: the advanced course needs level 2: the
// beginner (1) takes the basic course, the other the advanced one.
func TestFromKeepsBeginnersOff(t *testing.T) {
	fw := mini(t)
	ps := []person{
		{"Beg", "X", [5]int8{1, 2, 2, -1, -1}},
		{"Mid", "X", [5]int8{2, 2, 2, -1, -1}},
		{"Top", "X", [5]int8{3, 2, 2, -1, -1}},
		{"Top2", "X", [5]int8{3, 2, 2, -1, -1}},
		{"Top3", "X", [5]int8{3, 2, 2, -1, -1}},
	}
	adv := course("adv", catalog.FormIndividual, 100, 0, 0, 1, leaf(fw, "a", 2, 3))
	basic := course("basic", catalog.FormIndividual, 900, 0, 0, 1, leaf(fw, "a", 0, 3))
	o := DefaultOptions()
	o.Joint, o.Mentoring = false, false
	p := make_(t, fw, ps, settings(), &catalog.Catalog{Courses: []*catalog.Course{adv, basic}}, o)
	got := map[string]string{}
	for _, r := range p.Runs {
		got[r.Course.ID] = names(p, r.Persons)
	}
	if got["adv"] != "Mid" || got["basic"] != "Beg" || p.Cost != 1000 {
		t.Errorf("runs %v, cost %d", got, p.Cost)
	}
}

// TestKeyPersonAndSpecialists: b is held by one person (a key person): the
// colleague closest to the target gets a need to become a second holder.
// Profile p needs one specialist and nobody fits: the cheapest candidate
// gets the needs that make them fit.
func TestKeyPersonAndSpecialists(t *testing.T) {
	fw := mini(t)
	ps := []person{
		{"Key", "X", [5]int8{3, 3, 2, 1, 1}},
		{"Near", "X", [5]int8{3, 2, 2, 2, 1}},
		{"Far", "X", [5]int8{3, 2, 2, 1, 0}},
		{"Cand", "X", [5]int8{3, 2, 2, 3, 2}},
	}
	s := settings()
	s.MinSpecialists = 1
	o := DefaultOptions()
	o.Joint, o.Mentoring = false, false
	p := make_(t, fw, ps, s, nil, o)
	var got []string
	for _, n := range p.Needs {
		got = append(got, fmt.Sprintf("%s %s %d→%d %v p%d", p.Before.People[n.Person].Name, fw.Leaves[n.Leaf].ID, n.Level, n.Goal, n.Sources, n.Priority))
	}
	// the profile hole (nobody fits p, nobody is expected to: too few
	// specialists, priority 2) ranks first: Cand lacks one leaf (p2: 2 → 3),
	// the cheapest. Then the key persons, b (Key) and p1 (Cand): the
	// closest to the target (2) is Near on both (on b, Near, Far and Cand
	// are all at 2: roster order decides).
	want := []string{"Cand p2 2→3 8 p2", "Near b 2→3 4 p2", "Near p1 2→3 4 p2"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("needs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// nothing meets them: all are unmet, on the wish list
	if len(p.Unmet) != 3 || p.Counts().Unmet != 3 {
		t.Errorf("unmet %+v", p.Unmet)
	}
}

// TestAssessments: required or expected competences nobody assessed are
// to be assessed, not planned; nobody assessed on c is a hole.
func TestAssessments(t *testing.T) {
	fw := mini(t)
	ps := []person{
		{"P1", "X", [5]int8{3, 2, -1, -1, -1}},
		{"P2", "X", [5]int8{-1, 2, -1, -1, -1}},
	}
	p := make_(t, fw, ps, settings(), nil, DefaultOptions())
	var got []string
	for _, a := range p.Assessments {
		got = append(got, fmt.Sprintf("%s %s %v", fw.Leaves[a.Leaf].ID, names(p, a.Persons), a.Hole))
	}
	if want := "a P2 false; c P1,P2 true"; strings.Join(got, "; ") != want {
		t.Errorf("assessments %q, want %q", strings.Join(got, "; "), want)
	}
	if len(p.Needs) != 0 {
		t.Errorf("needs %+v", p.Needs)
	}
}

// TestProjection: a course raises its participants on every competence it
// develops where they meet `from`, to its level; the after analysis is of
// the projected roster.
func TestProjection(t *testing.T) {
	fw := mini(t)
	ps := []person{
		{"P1", "X", [5]int8{3, 1, 2, 0, -1}},
		{"P2", "X", [5]int8{3, 2, 2, 2, 1}},
		{"P3", "X", [5]int8{3, 2, 2, 2, 1}},
		{"P4", "X", [5]int8{3, 2, 2, 2, 1}},
		{"P5", "X", [5]int8{3, 2, 2, 2, 1}},
	}
	cr := course("both", catalog.FormIndividual, 10, 0, 0, 1, leaf(fw, "b", 0, 3), leaf(fw, "p1", 1, 3), leaf(fw, "p2", 1, 3))
	o := DefaultOptions()
	o.Joint, o.Mentoring = false, false
	p := make_(t, fw, ps, settings(), &catalog.Catalog{Courses: []*catalog.Course{cr}}, o)
	if len(p.Runs) != 1 || names(p, p.Runs[0].Persons) != "P1" {
		t.Fatalf("runs %+v", p.Runs)
	}
	got := p.Projected.Persons[0].Scores
	// b raised to 3; p1 from 0 is below `from` 1: kept; p2 unassessed: kept
	if want := []int8{3, 3, 2, 0, -1}; !slices.Equal(got, want) {
		t.Errorf("projected %v, want %v", got, want)
	}
	if p.Needs[0].Expected != 3 || p.After.Summary.Basis.GapSum != 0 {
		t.Errorf("need %+v, after gap sum %d", p.Needs[0], p.After.Summary.Basis.GapSum)
	}
}

func TestOptionsRefused(t *testing.T) {
	fw := mini(t)
	r := miniRoster(fw, []person{{"P", "", [5]int8{3, 2, 2, -1, -1}}})
	for _, o := range []Options{{JointMin: 1}, {JointMin: 4, Mentoring: true}, {JointMin: 4, Budget: -2}} {
		if _, err := Make(fw, r, settings(), nil, o); err == nil {
			t.Errorf("options %+v accepted", o)
		}
	}
}
