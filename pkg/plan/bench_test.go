package plan

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/rostertest"
)

// genCatalog draws n courses over fw's leaves: each develops 1–4 leaves
// (a third of them a whole group), from 0–2 to 3 or 4, with the prices,
// sizes and forms of a real catalog.
func genCatalog(fw *framework.Framework, n int, seed uint64) *catalog.Catalog {
	r := rand.New(rand.NewPCG(seed, 99))
	cat := &catalog.Catalog{ID: "gen", Framework: fw.ID, Language: "da", Currency: "DKK"}
	for c := range n {
		cr := &catalog.Course{ID: fmt.Sprintf("k%03d", c), Name: framework.Text{"da": fmt.Sprintf("Kursus %d", c)},
			Provider: "P", Form: catalog.Forms[r.IntN(len(catalog.Forms))], Activity: catalog.Activities[r.IntN(len(catalog.Activities))],
			Goals: []catalog.LearningGoal{catalog.LearningGoals[r.IntN(3)]}, Min: 1}
		if cr.Form == catalog.FormWorkplace {
			cr.Cost.Run, cr.Capacity, cr.Min = int64(20000+r.IntN(40)*1000), 8+r.IntN(12), 3+r.IntN(4)
		} else {
			cr.Cost.Participant = int64(500 + r.IntN(100)*100)
			if r.IntN(2) == 0 {
				cr.Capacity = 10 + r.IntN(20)
			}
		}
		for range 1 + r.IntN(4) {
			from := r.IntN(3)
			to := 3 + r.IntN(2)
			var nodes []*framework.Node
			if r.IntN(3) == 0 {
				nodes = fw.Basis[r.IntN(len(fw.Basis))].Leaves
			} else {
				nodes = []*framework.Node{fw.Leaves[r.IntN(len(fw.Leaves))]}
			}
			for _, l := range nodes {
				if _, dup := cr.Effect(l.Leaf); !dup {
					cr.Leaves = append(cr.Leaves, catalog.LeafEffect{Leaf: l.Leaf, From: from, To: to})
					sortLeaves(cr.Leaves)
				}
			}
		}
		cat.Courses = append(cat.Courses, cr)
	}
	return cat
}

func sortLeaves(ls []catalog.LeafEffect) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j].Leaf < ls[j-1].Leaf; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

func benchPlan(b *testing.B, persons, courses int, budget int64, coursesOnly bool) {
	fw, err := framework.NewLoader(frameworks.FS).Load("fagligheder-fase3")
	if err != nil {
		b.Fatal(err)
	}
	ros := rostertest.Generate(fw, persons, 20, 1)
	cat := genCatalog(fw, courses, 1)
	o := DefaultOptions()
	o.Budget = budget
	o.Joint, o.Mentoring = !coursesOnly, !coursesOnly
	b.ReportAllocs()
	b.ResetTimer()
	var p *Plan
	for b.Loop() {
		if p, err = Make(fw, ros, analysis.DefaultSettings(), cat, o); err != nil {
			b.Fatal(err)
		}
	}
	c := p.Counts()
	b.ReportMetric(float64(c.Needs), "needs")
	b.ReportMetric(float64(len(p.Runs)), "runs")
	b.ReportMetric(float64(c.Unmet), "unmet")
}

func BenchmarkPlan1kx100(b *testing.B)             { benchPlan(b, 1_000, 100, NoBudget, false) }
func BenchmarkPlan10kx100(b *testing.B)            { benchPlan(b, 10_000, 100, NoBudget, false) }
func BenchmarkPlan10kx100Budget(b *testing.B)      { benchPlan(b, 10_000, 100, 2_000_000, false) }
func BenchmarkPlan10kx100CoursesOnly(b *testing.B) { benchPlan(b, 10_000, 100, NoBudget, true) }
func BenchmarkPlan10kx100CoursesBudget(b *testing.B) {
	benchPlan(b, 10_000, 100, 2_000_000, true)
}
