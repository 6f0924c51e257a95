package plan

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
)

// optimum finds by exhaustive search the course enrolments that meet the
// most needs, and among those the cheapest: every subset of each course's
// candidates (persons with a need it can meet), split into as few runs as
// its capacity allows, each run at least its minimum.
func optimum(p *Plan, cat *catalog.Catalog) (covered int, cost int64) {
	type cand struct {
		person int32
		needs  []int
	}
	cands := make([][]cand, len(cat.Courses))
	for c, cr := range cat.Courses {
		at := map[int32]int{}
		for i, n := range p.Needs {
			e, ok := cr.Effect(int(n.Leaf))
			if !ok || e.From > int(n.Level) || e.To < int(n.Goal) {
				continue
			}
			k, seen := at[n.Person]
			if !seen {
				k = len(cands[c])
				at[n.Person] = k
				cands[c] = append(cands[c], cand{person: n.Person})
			}
			cands[c][k].needs = append(cands[c][k].needs, i)
		}
	}
	best, bestCost := -1, int64(math.MaxInt64)
	met := make([]int, len(p.Needs))
	var walk func(c int, cov int, cost int64)
	walk = func(c int, cov int, cost int64) {
		if c == len(cat.Courses) {
			if cov > best || cov == best && cost < bestCost {
				best, bestCost = cov, cost
			}
			return
		}
		cr := cat.Courses[c]
		cs := cands[c]
		for mask := 0; mask < 1<<len(cs); mask++ {
			n := 0
			for k := range cs {
				if mask&(1<<k) != 0 {
					n++
				}
			}
			runs := 0
			if n > 0 {
				runs = 1
				if cr.Capacity > 0 {
					runs = (n + cr.Capacity - 1) / cr.Capacity
				}
				if n < runs*cr.Min {
					continue
				}
			}
			add := 0
			for k, cd := range cs {
				if mask&(1<<k) == 0 {
					continue
				}
				for _, i := range cd.needs {
					if met[i] == 0 {
						add++
					}
					met[i]++
				}
			}
			walk(c+1, cov+add, cost+int64(runs)*cr.Cost.Run+int64(n)*cr.Cost.Participant)
			for k, cd := range cs {
				if mask&(1<<k) != 0 {
					for _, i := range cd.needs {
						met[i]--
					}
				}
			}
		}
	}
	walk(0, 0, 0)
	return best, bestCost
}

// TestGreedyAgainstOptimum measures, on random small instances where only
// courses meet needs, how far the greedy course choice is from the optimum
// of an exhaustive search: it never meets more needs than the optimum
// (which would mean the search is wrong), and it stays within the gap the
// README documents.
func TestGreedyAgainstOptimum(t *testing.T) {
	fw := mini(t)
	r := rand.New(rand.NewPCG(7, 11))
	var n, same, fewer int
	var ratioSum, worst float64
	for range 300 {
		ros, cat := randomInstance(r, fw, 2+r.IntN(5), 1+r.IntN(3))
		o := DefaultOptions()
		o.Joint, o.Mentoring = false, false
		p, err := Make(fw, ros, analysis.DefaultSettings(), cat, o)
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, p)
		cov, cost := optimum(p, cat)
		got := p.Counts().Course
		if got > cov {
			t.Fatalf("greedy meets %d needs, the optimum %d", got, cov)
		}
		n++
		switch {
		case got < cov:
			fewer++
		case p.Cost == cost:
			same++
			ratioSum++
		default:
			ratio := float64(p.Cost) / float64(cost)
			if cost == 0 {
				ratio = math.Inf(1)
			}
			ratioSum += ratio
			worst = max(worst, ratio)
		}
	}
	mean := ratioSum / float64(n-fewer)
	t.Logf("%d instances: greedy optimal in %d, meets fewer needs in %d; cost ÷ optimum over the rest: mean %.3f, worst %.3f",
		n, same, fewer, mean, worst)
	// measured: optimal in 290 of 300, fewer needs in 5 (the optimum
	// enrols a person whose need another course meets, to reach a run's
	// minimum; the greedy never does), mean 1.003, worst 1.36
	if same < n*9/10 || fewer > n/20 || mean > 1.05 {
		t.Errorf("the greedy is further from the optimum than documented")
	}
}
