package diff_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/rostertest"
	"github.com/huller/huller/pkg/plan"
	"github.com/huller/huller/pkg/render"
	"github.com/huller/huller/pkg/roster"
)

func fase3(t testing.TB) *framework.Framework {
	t.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load("fagligheder-fase3")
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// savedPlan makes the plan of ros with cat as huller plan does, writes its
// JSON and reads it back.
func savedPlan(t testing.TB, fw *framework.Framework, ros *roster.Roster, cat *catalog.Catalog) *diff.SavedPlan {
	t.Helper()
	p, err := plan.Make(fw, ros, analysis.DefaultSettings(), cat, plan.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := render.PlanJSON(&b, p, render.Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	sp, err := diff.ReadPlan("plan.json", &b)
	if err != nil {
		t.Fatal(err)
	}
	if len(sp.Needs) != len(p.Needs) || len(sp.Joint) != len(p.Joint) || len(sp.Pairs) != len(p.Pairs) || len(sp.Runs) != len(p.Runs) {
		t.Fatalf("read back %d needs, %d joint, %d pairs, %d runs; the plan has %d, %d, %d, %d",
			len(sp.Needs), len(sp.Joint), len(sp.Pairs), len(sp.Runs), len(p.Needs), len(p.Joint), len(p.Pairs), len(p.Runs))
	}
	return sp
}

func read(t testing.TB, fw *framework.Framework, name string, data []byte) *roster.Roster {
	t.Helper()
	r, err := roster.Read(roster.Source{Name: name, R: bytes.NewReader(data)}, fw, roster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func counts(c diff.Counts) string {
	return fmt.Sprintf("%d: %d met, %d partly, %d not yet, %d carried over, %d not assessed, %d left, %d not found", c.Needs(),
		c[diff.PlanMet], c[diff.PlanPartly], c[diff.PlanNotYet], c[diff.PlanCarriedOver], c[diff.PlanNotAssessed], c[diff.PlanLeft], c[diff.PlanNotFound])
}

// TestExamplePlanFollowUp: the plan huller makes from the example's first
// mapping, followed up in the mapping a year on. The writing workshop on
// 4.6, the case reviews on 3.3 and the coordination course of 2027 are
// the plan's joint activities on 4.6 and 3.3 and its run of
// koordination-aktionslaering; the colleague pairs did not happen.
func TestExamplePlanFollowUp(t *testing.T) {
	fw := fase3(t)
	cat, diags := catalog.Parse(examples.CatalogName, examples.Catalog)
	if diags = append(diags, catalog.Check(cat, fw)...); len(diags.Errors()) > 0 {
		t.Fatal(diags)
	}
	old := read(t, fw, examples.Mapping2026Name, examples.Mapping2026)
	sp := savedPlan(t, fw, old, cat)
	in := func(r *roster.Roster) diff.Input {
		return diff.Input{Framework: fw, Roster: r, Settings: analysis.DefaultSettings()}
	}
	res, err := diff.Compare(in(old), in(read(t, fw, examples.Mapping2027Name, examples.Mapping2027)), diff.Options{Plan: sp})
	if err != nil {
		t.Fatal(err)
	}
	f := res.Plan
	if len(res.Warnings) > 0 || f.LevelsDiffer > 0 {
		t.Errorf("warnings %q, levels differ %d", res.Warnings, f.LevelsDiffer)
	}
	activity := func(route, key string) diff.Counts {
		for i := range sp.Joint {
			if route == diff.RouteJoint && sp.Joint[i].Competence == key {
				return f.Activity(route, i)
			}
		}
		for i := range sp.Runs {
			if route == diff.RouteCourse && sp.Runs[i].Course == key {
				return f.Activity(route, i)
			}
		}
		t.Fatalf("no %s activity %s", route, key)
		return diff.Counts{}
	}
	for _, tt := range []struct{ what, got, want string }{
		{"every need", counts(f.Totals()), "175: 22 met, 8 partly, 105 not yet, 19 carried over, 1 not assessed, 20 left, 0 not found"},
		{"joint activities", counts(f.Route(diff.RouteJoint)), "51: 17 met, 5 partly, 17 not yet, 9 carried over, 0 not assessed, 3 left, 0 not found"},
		{"the joint activity on 4.6", counts(activity(diff.RouteJoint, "4.6")), "24: 13 met, 5 partly, 3 not yet, 3 carried over, 0 not assessed, 0 left, 0 not found"},
		{"the joint activity on 3.3", counts(activity(diff.RouteJoint, "3.3")), "13: 4 met, 0 partly, 7 not yet, 1 carried over, 0 not assessed, 1 left, 0 not found"},
		{"the coordination course", counts(activity(diff.RouteCourse, "koordination-aktionslaering")), "12: 5 met, 2 partly, 4 not yet, 0 carried over, 0 not assessed, 1 left, 0 not found"},
		{"colleagues", counts(f.Route(diff.RouteColleague)), "92: 0 met, 0 partly, 68 not yet, 10 carried over, 0 not assessed, 14 left, 0 not found"},
		{"outside the activities", counts(f.Route("")), "6: 0 met, 1 partly, 4 not yet, 0 carried over, 1 not assessed, 0 left, 0 not found"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %s\n  want %s", tt.what, tt.got, tt.want)
		}
	}
}

// TestFollowUpOwnPlan: a roster compared with itself shows none of its
// plan's development: each need not yet, or carried over where the roster
// dates its assessments; none left or not found.
func TestFollowUpOwnPlan(t *testing.T) {
	fw := fase3(t)
	r := rand.New(rand.NewPCG(7, 7))
	for i := range 20 {
		ros := rostertest.Generate(fw, 5+r.IntN(60), 1+r.IntN(4), uint64(i))
		if i%2 == 1 {
			for k := range ros.Persons {
				ros.Persons[k].Assessed = roster.Date(20000 + k)
			}
		}
		sp := savedPlan(t, fw, ros, nil)
		in := diff.Input{Framework: fw, Roster: ros, Settings: analysis.DefaultSettings()}
		res, err := diff.Compare(in, in, diff.Options{Plan: sp})
		if err != nil {
			t.Fatal(err)
		}
		c := res.Plan.Totals()
		want := diff.PlanNotYet
		if i%2 == 1 {
			want = diff.PlanCarriedOver
		}
		if c[want] != c.Needs() || res.Plan.LevelsDiffer != 0 {
			t.Fatalf("roster %d (dated %v): %s, levels differ %d", i, i%2 == 1, counts(c), res.Plan.LevelsDiffer)
		}
		if strings.Join(res.Warnings, "") != "" {
			t.Fatalf("roster %d: warnings %q", i, res.Warnings)
		}
	}
}

// BenchmarkReadPlan10k reads the plan of a generated roster of 10,000
// persons × 53 competences with the example catalog (about 77,000 needs,
// 22 MB), and follows it up in the same roster.
func BenchmarkReadPlan10k(b *testing.B) {
	fw := fase3(b)
	cat, diags := catalog.Parse(examples.CatalogName, examples.Catalog)
	if diags = append(diags, catalog.Check(cat, fw)...); len(diags.Errors()) > 0 {
		b.Fatal(diags)
	}
	ros := rostertest.Generate(fw, 10_000, 20, 1)
	p, err := plan.Make(fw, ros, analysis.DefaultSettings(), cat, plan.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	var data bytes.Buffer
	if err := render.PlanJSON(&data, p, render.Options{Lang: "en"}); err != nil {
		b.Fatal(err)
	}
	in := diff.Input{Framework: fw, Roster: ros, Settings: analysis.DefaultSettings()}
	b.Run("read", func(b *testing.B) {
		b.SetBytes(int64(data.Len()))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := diff.ReadPlan("plan.json", bytes.NewReader(data.Bytes())); err != nil {
				b.Fatal(err)
			}
		}
	})
	sp, err := diff.ReadPlan("plan.json", bytes.NewReader(data.Bytes()))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("compare", func(b *testing.B) {
		for b.Loop() {
			if _, err := diff.Compare(in, in, diff.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("compare-with-plan", func(b *testing.B) {
		for b.Loop() {
			if _, err := diff.Compare(in, in, diff.Options{Plan: sp}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
