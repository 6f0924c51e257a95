package plan

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/roster"
)

// relisted returns r with its persons renamed and listed in another order,
// each keeping their place as read in Seq — what pseudonymisation does.
func relisted(r *rand.Rand, ros *roster.Roster) *roster.Roster {
	out := *ros
	out.Persons = slices.Clone(ros.Persons)
	for i := range out.Persons {
		p := &out.Persons[i]
		p.Seq = int32(i)
		p.Name, p.ID = fmt.Sprint("X-", 1000-i), fmt.Sprint("X-", 1000-i)
	}
	r.Shuffle(len(out.Persons), func(i, j int) { out.Persons[i], out.Persons[j] = out.Persons[j], out.Persons[i] })
	return &out
}

// describe writes plan p with every person as their place in the roster
// as read (Seq when relisted, else the index), so that a plan and the plan
// of the relisted roster describe alike when they are the same plan.
func describe(p *Plan, relisted bool) string {
	who := func(q int32) int {
		if relisted {
			return int(p.Before.People[q].Seq)
		}
		return int(q)
	}
	var b strings.Builder
	for _, n := range p.Needs {
		fmt.Fprintf(&b, "need %d %d %d→%d src%d prio%d hole%d route%d act%d exp%d\n",
			who(n.Person), n.Leaf, n.Level, n.Goal, n.Sources, n.Priority, n.Hole, n.Route, n.Activity, n.Expected)
	}
	for _, j := range p.Joint {
		fmt.Fprintf(&b, "joint %d %q lead %d reach %d teachers %d needs %v\n", j.Leaf, j.Team, who(j.Lead), j.Reach, j.Teachers, j.Needs)
	}
	for _, x := range p.Pairs {
		fmt.Fprintf(&b, "pair %d teaches %d: %v\n", who(x.Colleague), who(x.Learner), x.Needs)
	}
	for _, r := range p.Runs {
		var ps []int
		for _, q := range r.Persons {
			ps = append(ps, who(q))
		}
		fmt.Fprintf(&b, "run %s/%d %v %v cost %d\n", r.Course.ID, r.No, ps, r.Needs, r.Cost)
	}
	for _, u := range p.Unmet {
		fmt.Fprintf(&b, "unmet %d %v %d\n", u.Leaf, u.Needs, u.Levels)
	}
	for _, a := range p.Assessments {
		var ps []int
		for _, q := range a.Persons {
			ps = append(ps, who(q))
		}
		slices.Sort(ps)
		fmt.Fprintf(&b, "assess %d %v %v\n", a.Leaf, ps, a.Hole)
	}
	for _, res := range []*analysis.Result{p.Before, p.After} {
		fmt.Fprintf(&b, "%+v\n", res.Summary)
		for _, h := range res.Holes {
			var ps []int
			for _, q := range h.People {
				ps = append(ps, who(q))
			}
			slices.Sort(ps)
			fmt.Fprintf(&b, "hole %v %v %d %v", h.Kind, h.Node.ID, h.Effort, ps)
			if h.Profile != nil {
				for _, c := range h.Profile.Candidates {
					fmt.Fprintf(&b, " candidate %d/%d", who(c.Person), c.Effort)
				}
			}
			b.WriteByte('\n')
		}
	}
	fmt.Fprintf(&b, "cost %d deferred %d\n", p.Cost, p.DeferredCost)
	return b.String()
}

// TestRelistedIsSamePlan: renaming the persons and listing them in another
// order, as pseudonymisation does, gives the same plan: every choice
// between equals follows the roster's order as read, never the names or
// the order listed.
func TestRelistedIsSamePlan(t *testing.T) {
	fw := mini(t)
	r := rand.New(rand.NewPCG(7, 11))
	for it := range 300 {
		ros, cat, s, o := randomCase(r, fw)
		p, err := Make(fw, ros, s, cat, o)
		if err != nil {
			t.Fatal(err)
		}
		q, err := Make(fw, relisted(r, ros), s, cat, o)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := describe(p, false), describe(q, true); a != b {
			t.Fatalf("instance %d: the relisted roster gives another plan\nas read:\n%s\nrelisted:\n%s", it, a, b)
		}
	}
}
