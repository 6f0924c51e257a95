package plan

import (
	"bytes"
	"testing"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// TestExample: the example roster with the example catalog gives a plan
// that closes most of the unit's holes, mostly inside the job centre.
func TestExample(t *testing.T) {
	fw, err := framework.NewLoader(frameworks.FS).Load("fagligheder-fase3")
	if err != nil {
		t.Fatal(err)
	}
	ros, err := roster.Read(roster.Source{Name: examples.RosterName, R: bytes.NewReader(examples.Roster)}, fw, roster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cat, diags := catalog.Parse(examples.CatalogName, examples.Catalog)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if d := catalog.Check(cat, fw); len(d) > 0 {
		t.Fatal(d)
	}
	if n := len(cat.Courses); n < 20 || n > 30 {
		t.Errorf("%d courses; the example has 20–30", n)
	}
	forms, acts, goals := map[catalog.Form]bool{}, map[catalog.Activity]bool{}, map[catalog.LearningGoal]bool{}
	for _, c := range cat.Courses {
		forms[c.Form], acts[c.Activity] = true, true
		for _, g := range c.Goals {
			goals[g] = true
		}
	}
	if len(forms) != len(catalog.Forms) || len(acts) != len(catalog.Activities) || len(goals) != len(catalog.LearningGoals) {
		t.Errorf("the example lacks a form, activity or learning goal: %v %v %v", forms, acts, goals)
	}
	p, err := Make(fw, ros, analysis.DefaultSettings(), cat, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, p)
	c := p.Counts()
	closed := 0
	for i := range p.Before.Holes {
		if _, open := p.HoleAfter(i); !open {
			closed++
		}
	}
	t.Logf("needs %+v, cost %d, holes %d → %d (%d closed), %d joint, %d pairs, %d runs",
		c, p.Cost, len(p.Before.Holes), len(p.After.Holes), closed, len(p.Joint), len(p.Pairs), len(p.Runs))
	if 2*closed <= len(p.Before.Holes) || c.Unmet*10 > c.Needs || c.Joint+c.Colleague < c.Course {
		t.Errorf("the example plan does not close most holes mostly inside the unit")
	}
}
