package analysis

import (
	"cmp"
	"math"
	"slices"

	"github.com/huller/huller/pkg/framework"
)

// Kind is the kind of a hole. The order of the constants is the order of
// kinds among holes of equal severity.
type Kind uint8

// The kinds of holes.
const (
	// KindBasis: a basis leaf whose team coverage is below the threshold.
	KindBasis Kind = iota
	// KindUnassessed: a required basis leaf no one it is required of was
	// assessed on.
	KindUnassessed
	// KindProfile: a profile with fewer fitting persons than MinSpecialists.
	KindProfile
	// KindAssignment: a person assigned to a profile they do not fit.
	KindAssignment
	// KindSinglePoint: a leaf exactly one person holds at L ≥ T.
	KindSinglePoint
)

var kindNames = [...]string{"basis", "unassessed", "profile", "assignment", "single-point"}

// Kinds lists every kind in tie order.
var Kinds = []Kind{KindBasis, KindUnassessed, KindProfile, KindAssignment, KindSinglePoint}

// String returns the kind's name as used in JSON: basis, unassessed,
// profile, assignment or single-point.
func (k Kind) String() string {
	if int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// Hole is a finding about a group of persons. Its Severity counts
// person-levels: the level steps persons would have to gain to close it.
type Hole struct {
	// Node is the leaf (basis, unassessed, single-point) or the profile
	// (profile, assignment) concerned.
	Node     *framework.Node
	Severity int
	// Coverage is the team coverage of a basis hole (HasCoverage).
	Coverage float64
	// Fit is the person's fit of an assignment hole.
	Fit         float64
	Kind        Kind
	HasCoverage bool
	// People are the persons concerned (indices of Result.People, in
	// roster order): basis — the persons with a gap on the leaf;
	// unassessed — the persons it is required of; profile — the persons who
	// fit (fewer than MinSpecialists); assignment — the person; single-point
	// — the one holder.
	People []int32

	order int32 // the node's place in the framework
}

// finish merges the group figures and finds the holes.
func (a *analyzer) finish() {
	res := a.res
	if !a.s.ByTeam {
		res.Summary, res.Leaves, res.Profiles = a.summaries[0], a.leaves, a.profiles
		res.Holes = a.holes(nil, res.Leaves, res.Profiles)
		return
	}
	res.Leaves, res.Profiles = a.newLeafStats(), append([]ProfileStat(nil), res.Profiles...)
	for g := range a.teams {
		sum := a.summaries[g]
		res.Summary.Persons += sum.Persons
		res.Summary.PeopleWithGaps += sum.PeopleWithGaps
		addBasis(&res.Summary.Basis, sum.Basis)
		mergeLeaves(res.Leaves, a.leaves[g*a.nLeaves:(g+1)*a.nLeaves])
		for j, ps := range a.profiles[g*a.nProf : (g+1)*a.nProf] {
			res.Profiles[j].Fitting += ps.Fitting
			res.Profiles[j].Assigned += ps.Assigned
			res.Profiles[j].AssignedFitting += ps.AssignedFitting
		}
	}
	res.Holes = a.holes(nil, res.Leaves, res.Profiles)

	// Teams in name order ("" last), members in roster order.
	order := make([]int32, len(a.teams))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		nx, ny := a.teams[x], a.teams[y]
		if (nx == "") != (ny == "") {
			if nx == "" {
				return 1
			}
			return -1
		}
		return cmp.Compare(nx, ny)
	})
	pos := make([]int32, len(order))
	res.Teams = make([]Team, len(order))
	for i, g := range order {
		pos[g] = int32(i)
		res.Teams[i] = Team{
			Name:     a.teams[g],
			Summary:  a.summaries[g],
			Leaves:   a.leaves[int(g)*a.nLeaves : (int(g)+1)*a.nLeaves],
			Profiles: a.profiles[int(g)*a.nProf : (int(g)+1)*a.nProf],
			Members:  make([]int32, 0, a.summaries[g].Persons),
		}
	}
	for pi := range res.People {
		p := &res.People[pi]
		p.Team = pos[p.Team]
		t := &res.Teams[p.Team]
		t.Members = append(t.Members, int32(pi))
	}
	for i := range res.Teams {
		t := &res.Teams[i]
		// Single-point holders were recorded by person index: still valid.
		t.Holes = a.holes(t.Members, t.Leaves, t.Profiles)
	}
}

// mergeLeaves adds the figures of src to dst.
func mergeLeaves(dst, src []LeafStat) {
	for l := range dst {
		d, s := &dst[l], src[l]
		d.Required += s.Required
		d.Assessed += s.Assessed
		d.Met += s.Met
		d.GapSum += s.GapSum
		d.ReqSum += s.ReqSum
		if s.Holders > 0 && (d.Holders == 0 || s.holder < d.holder) {
			d.holder = s.holder
		}
		d.Holders += s.Holders
		d.below = max(d.below, s.below)
	}
}

// group is the set of persons a list of holes is about: members, or every
// person when members is nil.
type group struct {
	a       *analyzer
	members []int32
}

func (g group) each(f func(p int)) {
	if g.members == nil {
		for p := range g.a.res.People {
			f(p)
		}
		return
	}
	for _, p := range g.members {
		f(int(p))
	}
}

// holes finds and ranks the holes of a group with figures st and ps.
func (a *analyzer) holes(members []int32, st []LeafStat, ps []ProfileStat) []Hole {
	res, g := a.res, group{a, members}
	var out []Hole
	for l := 0; l < a.nBasis; l++ {
		s := st[l]
		switch c, ok := s.Coverage(); {
		case s.Required > 0 && s.Assessed == 0:
			// as if every one of them were at the scale's lowest level
			sev := int(s.ReqSum) - int(s.Required)*int(a.minLevel)
			out = append(out, Hole{Kind: KindUnassessed, Node: a.fw.Leaves[l], Severity: sev,
				People: a.collect(g, func(p int) bool { return res.Required(p, l) > 0 })})
		case ok && c < a.s.Coverage:
			out = append(out, Hole{Kind: KindBasis, Node: a.fw.Leaves[l], Severity: int(s.GapSum),
				Coverage: c, HasCoverage: true,
				People: a.collect(g, func(p int) bool {
					L := res.Level(p, l)
					return L >= 0 && int(L) < res.Required(p, l)
				})})
		}
	}
	for j := range ps {
		if int(ps[j].Fitting) < a.s.MinSpecialists {
			out = append(out, Hole{Kind: KindProfile, Node: a.fw.Profiles[j],
				Severity: a.profileSeverity(g, j, ps[j]),
				People:   a.collect(g, func(p int) bool { return res.Fits(p, j) })})
		}
	}
	out = a.assignments(g, out)
	// single-point holes: one person slab for all of them
	var one []int32
	for l := range st {
		if st[l].Holders == 1 {
			one = append(one, st[l].holder)
		}
	}
	k := 0
	for l := range st {
		if s := st[l]; s.Holders == 1 {
			best := max(s.below, a.minLevel)
			out = append(out, Hole{Kind: KindSinglePoint, Node: a.fw.Leaves[l],
				Severity: int(res.Targets[l]) - int(best), People: one[k : k+1 : k+1]})
			k++
		}
	}
	for i := range out {
		out[i].order = a.order(out[i].Node)
	}
	return rank(out)
}

// assignments appends a hole for every member assigned a profile they do
// not fit.
func (a *analyzer) assignments(g group, out []Hole) []Hole {
	res := a.res
	type pj struct{ p, j int32 }
	var found []pj
	g.each(func(p int) {
		for _, j := range res.People[p].Assigned {
			if !res.Fits(p, int(j)) {
				found = append(found, pj{int32(p), j})
			}
		}
	})
	people := make([]int32, len(found))
	out = slices.Grow(out, len(found))
	for i, f := range found {
		people[i] = f.p
		out = append(out, Hole{Kind: KindAssignment, Node: a.fw.Profiles[f.j],
			Severity: a.cost(int(f.p), int(f.j)), Fit: res.Fit(int(f.p), int(f.j)),
			People: people[i : i+1 : i+1]})
	}
	return out
}

// collect returns the members for which keep is true, in roster order.
func (a *analyzer) collect(g group, keep func(p int) bool) []int32 {
	out := []int32{}
	g.each(func(p int) {
		if keep(p) {
			out = append(out, int32(p))
		}
	})
	return out
}

// cost returns the person-levels person p lacks to fit profile j: the sum of
// the smallest shortfalls T − L over the leaves below T that p must raise
// (an unassessed leaf counts from the lowest level of the scale).
func (a *analyzer) cost(p, j int) int {
	res := a.res
	k := res.Profiles[j].Need - int(res.Reach[p*a.nProf+j])
	if k <= 0 {
		return 0
	}
	var buf [32]int
	short := buf[:0]
	for _, n := range a.fw.Profiles[j].Leaves {
		L, T := res.Level(p, n.Leaf), res.Targets[n.Leaf]
		if L < T {
			short = append(short, int(T)-int(max(L, a.minLevel)))
		}
	}
	slices.Sort(short)
	sum := 0
	for _, d := range short[:min(k, len(short))] {
		sum += d
	}
	return sum
}

// profileSeverity returns the person-levels needed for the group to reach
// MinSpecialists fitting persons on profile j: the cheapest costs among the
// members who do not fit, and for each person missing beyond the group's
// size, the cost of a newcomer unassessed on every leaf.
func (a *analyzer) profileSeverity(g group, j int, ps ProfileStat) int {
	missing := a.s.MinSpecialists - int(ps.Fitting)
	var costs []int
	g.each(func(p int) {
		if !a.res.Fits(p, j) {
			costs = append(costs, a.cost(p, j))
		}
	})
	slices.Sort(costs)
	sev := 0
	for i := 0; i < missing; i++ {
		if i < len(costs) {
			sev += costs[i]
		} else {
			sev += ps.Need * (ps.Target - int(a.minLevel))
		}
	}
	return sev
}

// order returns the place of a leaf or profile in the framework: leaves by
// their index, profiles after all leaves.
func (a *analyzer) order(n *framework.Node) int32 {
	if n.Leaf >= 0 {
		return int32(n.Leaf)
	}
	for j, p := range a.fw.Profiles {
		if p == n {
			return int32(a.nLeaves + j)
		}
	}
	return int32(a.nLeaves + a.nProf)
}

// rank sorts holes by severity (highest first), then kind (in the order of
// Kinds), then the node's place in the framework, then the first person
// concerned in roster order. No two holes share kind, node and first
// person, so the order is total. It sorts small keys rather than the holes.
func rank(h []Hole) []Hole {
	type key struct{ a, b uint64 }
	keys := make([]key, len(h))
	for i, x := range h {
		sev := uint64(min(max(x.Severity, 0), math.MaxUint32))
		keys[i] = key{
			a: (math.MaxUint32-sev)<<32 | uint64(x.Kind)<<28 | uint64(x.order)&(1<<28-1),
			b: uint64(uint32(first(x.People)+1))<<32 | uint64(i),
		}
	}
	slices.SortFunc(keys, func(x, y key) int {
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})
	out := make([]Hole, len(h))
	for i, k := range keys {
		out[i] = h[uint32(k.b)]
	}
	return out
}

func first(p []int32) int32 {
	if len(p) == 0 {
		return -1
	}
	return p[0]
}
