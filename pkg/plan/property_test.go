package plan

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// checkInvariants checks what every plan must satisfy.
func checkInvariants(t *testing.T, p *Plan) {
	t.Helper()
	res := p.Before
	fw := p.Framework
	seen := make([]int, len(p.Needs))
	for i, n := range p.Needs {
		if n.Level < 0 || n.Goal <= n.Level {
			t.Fatalf("need %d %+v: not a need", i, n)
		}
		switch n.Route {
		case RouteDeferred, RouteUnmet:
			if n.Activity != -1 || n.Expected != n.Level {
				t.Fatalf("need %d %+v: not served, yet an activity or expected level", i, n)
			}
		case RouteJoint, RouteColleague, RouteCourse:
			if n.Expected < n.Goal {
				t.Fatalf("need %d %+v: served below its goal", i, n)
			}
		default:
			t.Fatalf("need %d %+v: no route", i, n)
		}
		if i > 0 {
			m := p.Needs[i-1]
			if m.Priority > n.Priority || m.Priority == n.Priority && uint32(m.Hole) > uint32(n.Hole) {
				t.Fatalf("needs %d and %d out of priority order", i-1, i)
			}
		}
	}
	leading := map[int32]bool{}
	for k, j := range p.Joint {
		if leading[j.Lead] {
			t.Fatalf("joint %d: %d leads two", k, j.Lead)
		}
		leading[j.Lead] = true
		L := res.Level(int(j.Lead), int(j.Leaf))
		if L < res.Teach[j.Leaf] || j.Reach != min(L-1, res.Targets[j.Leaf]) || len(j.Needs) < p.Options.JointMin || len(j.Needs) <= j.Teachers {
			t.Fatalf("joint %d %+v: lead at %d", k, j, L)
		}
		for _, i := range j.Needs {
			n := p.Needs[i]
			if n.Route != RouteJoint || n.Activity != int32(k) || n.Leaf != j.Leaf || n.Person == j.Lead || n.Goal > j.Reach ||
				!j.Unit && res.People[n.Person].Person.Team != j.Team {
				t.Fatalf("joint %d: need %+v", k, n)
			}
			seen[i]++
		}
	}
	learners := map[int32]int{}
	pairs := map[[2]int32]bool{}
	for k, pr := range p.Pairs {
		if pr.Colleague == pr.Learner || len(pr.Needs) == 0 || pairs[[2]int32{pr.Colleague, pr.Learner}] {
			t.Fatalf("pair %d %+v", k, pr)
		}
		pairs[[2]int32{pr.Colleague, pr.Learner}] = true
		learners[pr.Colleague]++
		for _, i := range pr.Needs {
			n := p.Needs[i]
			L := res.Level(int(pr.Colleague), int(n.Leaf))
			if n.Route != RouteColleague || n.Activity != int32(k) || n.Person != pr.Learner || L < res.Teach[n.Leaf] ||
				min(L-1, res.Targets[n.Leaf]) < n.Goal {
				t.Fatalf("pair %d: need %+v, colleague at %d", k, n, L)
			}
			seen[i]++
		}
	}
	for q, k := range learners {
		if k > p.Options.MaxMentees {
			t.Fatalf("colleague %d has %d learners", q, k)
		}
	}
	var cost int64
	for k, r := range p.Runs {
		cr := r.Course
		if len(r.Persons) == 0 || len(r.Persons) < cr.Min || cr.Capacity > 0 && len(r.Persons) > cr.Capacity || r.Cost != cr.Cost.Of(len(r.Persons)) {
			t.Fatalf("run %d of %s: %d persons, cost %d", k, cr.ID, len(r.Persons), r.Cost)
		}
		cost += r.Cost
		served := map[int32]bool{}
		for _, i := range r.Needs {
			n := p.Needs[i]
			e, ok := cr.Effect(int(n.Leaf))
			if n.Route != RouteCourse || n.Activity != int32(k) || !ok || e.From > int(n.Level) || e.To < int(n.Goal) || !slices.Contains(r.Persons, n.Person) {
				t.Fatalf("run %d of %s: need %+v", k, cr.ID, n)
			}
			served[n.Person] = true
			seen[i]++
		}
		for _, q := range r.Persons {
			if !served[q] {
				t.Fatalf("run %d of %s: person %d is enrolled for no need", k, cr.ID, q)
			}
		}
	}
	if cost != p.Cost {
		t.Fatalf("runs cost %d, plan says %d", cost, p.Cost)
	}
	if p.Options.Budget != NoBudget && p.Cost > p.Options.Budget {
		t.Fatalf("cost %d over the budget %d", p.Cost, p.Options.Budget)
	}
	for _, u := range p.Unmet {
		levels := 0
		for _, i := range u.Needs {
			n := p.Needs[i]
			if n.Route != RouteUnmet || n.Leaf != u.Leaf {
				t.Fatalf("unmet %s: need %+v", fw.Leaves[u.Leaf].ID, n)
			}
			levels += n.Gap()
			seen[i]++
		}
		if levels != u.Levels {
			t.Fatalf("unmet %s: levels %d, sum %d", fw.Leaves[u.Leaf].ID, u.Levels, levels)
		}
	}
	for i, k := range seen {
		want := 1
		if p.Needs[i].Route == RouteDeferred {
			want = 0
		}
		if k != want {
			t.Fatalf("need %d %+v is listed %d times", i, p.Needs[i], k)
		}
	}
	// the after figures are those of the projected roster
	again, err := analysis.Analyze(fw, p.Projected, p.Before.Settings)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(again.Summary) != fmt.Sprint(p.After.Summary) || len(again.Holes) != len(p.After.Holes) {
		t.Fatalf("after %+v, again %+v", p.After.Summary, again.Summary)
	}
}

// randomFramework returns the mini framework.
func randomInstance(r *rand.Rand, fw *framework.Framework, persons, courses int) (*roster.Roster, *catalog.Catalog) {
	teams := []string{"X", "Y", "Z", ""}
	var ps []person
	for i := range persons {
		var lv [5]int8
		for l := range lv {
			lv[l] = int8(r.IntN(6) - 1) // -1 … 4
		}
		ps = append(ps, person{fmt.Sprint("P", i), teams[r.IntN(len(teams))], lv})
	}
	ros := miniRoster(fw, ps)
	for i := range ros.Persons {
		switch r.IntN(3) {
		case 0:
			ros.Persons[i].Profiles = []string{"p"}
		case 1:
			ros.Persons[i].Profiles = []string{}
		}
	}
	cat := &catalog.Catalog{}
	forms := []catalog.Form{catalog.FormIndividual, catalog.FormWorkplace}
	for c := range courses {
		var eff []catalog.LeafEffect
		for l := range fw.Leaves {
			if r.IntN(3) == 0 {
				from := r.IntN(3)
				eff = append(eff, catalog.LeafEffect{Leaf: l, From: from, To: from + 1 + r.IntN(4-from)})
			}
		}
		if len(eff) == 0 {
			eff = append(eff, catalog.LeafEffect{Leaf: r.IntN(len(fw.Leaves)), From: 0, To: 3})
		}
		capacity := 0
		if r.IntN(2) == 0 {
			capacity = 1 + r.IntN(4)
		}
		minimum := 1 + r.IntN(3)
		if capacity > 0 {
			minimum = min(minimum, capacity)
		}
		cat.Courses = append(cat.Courses, course(fmt.Sprint("c", c), forms[r.IntN(2)], int64(r.IntN(5)*100), int64(r.IntN(4)*500),
			capacity, minimum, eff...))
	}
	return ros, cat
}

// randomCase is a random instance with random settings and options.
func randomCase(r *rand.Rand, fw *framework.Framework) (*roster.Roster, *catalog.Catalog, analysis.Settings, Options) {
	ros, cat := randomInstance(r, fw, 2+r.IntN(14), r.IntN(5))
	s := analysis.DefaultSettings()
	s.MinSpecialists = r.IntN(3) - 1
	o := DefaultOptions()
	o.Joint, o.Mentoring = r.IntN(2) == 0, r.IntN(2) == 0
	o.JointMin = 2 + r.IntN(3)
	o.MaxMentees = 1 + r.IntN(3)
	if r.IntN(2) == 0 {
		o.Budget = int64(r.IntN(30) * 100)
	}
	return ros, cat, s, o
}

// TestProperties: on random rosters and catalogs, with every combination
// of options, every plan satisfies the invariants (checkInvariants).
func TestProperties(t *testing.T) {
	fw := mini(t)
	r := rand.New(rand.NewPCG(1, 2))
	for it := range 400 {
		ros, cat, s, o := randomCase(r, fw)
		p, err := Make(fw, ros, s, cat, o)
		if err != nil {
			t.Fatalf("instance %d: %v", it, err)
		}
		t.Run(fmt.Sprint(it), func(t *testing.T) { checkInvariants(t, p) })
	}
}
