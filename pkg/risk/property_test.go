package risk

import (
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// TestWithoutEachPersonIsExact: for random rosters and every person, the
// unit's state without that person computed incrementally (Without) equals
// the state of an analysis of the roster with that row deleted, and the
// exposure counts are those of the comparisons with those analyses.
func TestWithoutEachPersonIsExact(t *testing.T) {
	fws := []*framework.Framework{small(t), builtin(t, "fagligheder-fase3")}
	for seed := range uint64(150) {
		r := rand.New(rand.NewPCG(seed, 15))
		fw := fws[seed%2]
		ro := randomRoster(r, fw, 2+r.IntN(16))
		s := randomSettings(r, fw)
		res := analyze(t, fw, ro, s)
		rep := assess(t, res, Options{})
		full := Full(res)
		opens := make([]int32, len(full.Findings))
		worsens := make([]int32, len(full.Findings))
		for p := range res.People {
			inc := Without(res, []int32{int32(p)})
			ref := analyze(t, fw, minus(ro, p), s)
			if want := Full(ref); !sameState(inc, want) {
				t.Fatalf("seed %d: without person %d:\nincremental %+v\nanalysis    %+v", seed, p, countsOf(inc), countsOf(want))
			}
			for _, d := range deltas(&full, &inc) {
				switch {
				case d.Opened || d.Unheld:
					opens[d.Node]++
				case d.Worsened:
					worsens[d.Node]++
				}
			}
		}
		for i, n := range rep.Nodes {
			if n.Opens != opens[i] || n.Worsens != worsens[i] {
				t.Errorf("seed %d: node %d opens %d worsens %d, the analyses say %d and %d", seed, i, n.Opens, n.Worsens, opens[i], worsens[i])
			}
			if (n.Opens+n.Worsens > 0) != (n.Depth == 1) {
				t.Errorf("seed %d: node %d weakened by %d single absences, depth %d", seed, i, n.Opens+n.Worsens, n.Depth)
			}
		}
	}
}

// TestDepthIsTheFewestAbsences: on small random rosters, every set of
// absences is analysed; a node's Depth is the size of the smallest set
// that weakens it (0 when none does).
func TestDepthIsTheFewestAbsences(t *testing.T) {
	fws := []*framework.Framework{small(t), builtin(t, "fagligheder-fase3")}
	for seed := range uint64(120) {
		r := rand.New(rand.NewPCG(seed, 16))
		fw := fws[seed%2]
		n := 2 + r.IntN(6)
		ro := randomRoster(r, fw, n)
		s := randomSettings(r, fw)
		res := analyze(t, fw, ro, s)
		rep := assess(t, res, Options{})
		full := Full(res)
		fewest := make([]int, len(full.Findings))
		for set := uint(1); set < 1<<n; set++ {
			var drop []int
			for p := range n {
				if set&(1<<p) != 0 {
					drop = append(drop, p)
				}
			}
			after := Full(analyze(t, fw, minus(ro, drop...), s))
			k := bits.OnesCount(set)
			for _, d := range deltas(&full, &after) {
				if d.Weakened() && (fewest[d.Node] == 0 || k < fewest[d.Node]) {
					fewest[d.Node] = k
				}
			}
		}
		for i, nd := range rep.Nodes {
			if int(nd.Depth) != fewest[i] {
				t.Errorf("seed %d: node %d (%v now, %+v %+v): depth %d by %s, fewest absences %d",
					seed, i, nd.Now.Finding, nd.Now.Leaf, nd.Now.Profile, nd.Depth, nd.Path, fewest[i])
			}
		}
	}
}

// TestNewcomerIsExact: the unit's state with a newcomer of every role and
// profile, computed from the figures, equals that of an analysis of the
// roster with the newcomer's row added.
func TestNewcomerIsExact(t *testing.T) {
	fws := []*framework.Framework{small(t), builtin(t, "fagligheder-fase3")}
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 17))
		fw := fws[seed%2]
		ro := randomRoster(r, fw, 1+r.IntN(10))
		s := randomSettings(r, fw)
		res := analyze(t, fw, ro, s)
		a := newAssessor(res, Options{})
		roles, err := a.hireRoles()
		if err != nil {
			t.Fatal(err)
		}
		roles = append(roles, hireRole{"", a.defaultLevels()})
		work := State{Figures: clone(a.full.Figures)}
		for _, hr := range roles {
			for prof := -1; prof < len(fw.Profiles); prof++ {
				h := a.measure(&work, hr, prof)
				ref := analyze(t, fw, withNewcomer(ro, h, res), s)
				if want := Full(ref); !sameState(work, want) {
					t.Fatalf("seed %d: newcomer %q × %d:\nfigures  %+v\nanalysis %+v", seed, hr.id, prof, countsOf(work), countsOf(want))
				}
			}
		}
	}
}

// withNewcomer returns ro with a row for a newcomer meeting h (a roster of
// any columns: the newcomer's levels go to the leaves' own columns, which
// randomRoster always has).
func withNewcomer(ro *roster.Roster, h Hire, res *analysis.Result) *roster.Roster {
	out := *ro
	out.Persons = append([]roster.Person{}, ro.Persons...)
	level := map[*framework.Node]int8{}
	fw := res.Framework
	for _, lv := range append(append([]Level{}, h.Levels...), h.ProfileLevels...) {
		level[fw.Leaves[lv.Leaf]] = lv.Level
	}
	p := roster.Person{Row: 1000, Name: "Newcomer", ID: "NEW", Role: h.Role, Profiles: []string{}, Team: res.Settings.Team}
	if h.Profile >= 0 {
		p.Profiles = []string{fw.Profiles[h.Profile].ID}
	}
	p.Scores = make([]int8, len(ro.Columns))
	for c, n := range ro.Columns {
		p.Scores[c] = u
		if L, ok := level[n]; ok {
			p.Scores[c] = L
		}
	}
	out.Persons = append(out.Persons, p)
	return &out
}
