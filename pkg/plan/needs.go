package plan

import (
	"cmp"
	"slices"

	"github.com/huller/huller/pkg/analysis"
)

// builder holds what the phases of a plan share.
type builder struct {
	p       *Plan
	res     *analysis.Result
	nLeaves int
	// at[p*nLeaves+l] is the index in p.Needs of person p's need on leaf
	// l, -1 for none (while needs are collected: before sorting).
	at []int32
	// assess[l] are the persons to assess on leaf l; hole[l] marks an
	// unassessed hole.
	assess [][]int32
	hole   []bool
	// teach[l] are the persons at the teaching level of leaf l (see
	// teachers), once teachDone[l].
	teach     [][]int32
	teachDone []bool
}

func newBuilder(p *Plan) *builder {
	res := p.Before
	b := &builder{p: p, res: res, nLeaves: len(res.Framework.Leaves)}
	b.at = make([]int32, len(res.People)*b.nLeaves)
	for i := range b.at {
		b.at[i] = -1
	}
	b.assess = make([][]int32, b.nLeaves)
	b.hole = make([]bool, b.nLeaves)
	return b
}

// level returns person q's level on leaf l.
func (b *builder) level(q, l int) int8 { return b.res.Levels[q*b.nLeaves+l] }

// need adds or raises person q's need on leaf l to goal, with its source
// and profile (-1), and returns its index.
func (b *builder) need(q, l int, goal int8, src Source, profile int32) int32 {
	i := b.at[q*b.nLeaves+l]
	if i < 0 {
		i = int32(len(b.p.Needs))
		b.at[q*b.nLeaves+l] = i
		b.p.Needs = append(b.p.Needs, Need{Person: int32(q), Leaf: int32(l), Level: b.level(q, l), Goal: goal,
			Profile: -1, Priority: PriorityOwn, Hole: -1, Activity: -1})
	}
	n := &b.p.Needs[i]
	n.Goal = max(n.Goal, goal)
	n.Sources |= src
	if profile >= 0 && n.Profile < 0 {
		n.Profile = profile
	}
	n.Expected = n.Level
	return i
}

// link marks need i as helping close hole h (an index of Before.Holes).
func (b *builder) link(i int32, h int) {
	n := &b.p.Needs[i]
	if n.Hole < 0 || int32(h) < n.Hole {
		n.Hole = int32(h)
		n.Priority = int8(b.res.Holes[h].Tier)
	}
}

// toAssess adds person q to the persons to assess on leaf l (repeats are
// dropped when the needs are collected).
func (b *builder) toAssess(q, l int) {
	if ps := b.assess[l]; len(ps) == 0 || ps[len(ps)-1] != int32(q) {
		b.assess[l] = append(ps, int32(q))
	}
}

// needs collects every person's needs, links them to the holes they help
// close, adds the needs the holes call for (second holders, specialists),
// lists what must be assessed first, and sorts the needs by priority.
func (b *builder) needs() {
	res := b.res
	for q := range res.People {
		per := &res.People[q]
		for _, g := range per.Gaps {
			b.need(q, int(g.Leaf), g.Required, FromBasis, -1)
		}
		for _, g := range per.ProfileGaps {
			b.need(q, int(g.Leaf), g.Required, FromProfile, b.profileOf(int(g.Leaf)))
		}
		for l := range res.Framework.BasisLeaves {
			if res.Required(q, l) > 0 && b.level(q, l) < 0 {
				b.toAssess(q, l)
			}
		}
		for _, j := range per.Expected {
			for _, n := range res.Framework.Profiles[j].Leaves {
				if b.level(q, n.Leaf) < 0 {
					b.toAssess(q, n.Leaf)
				}
			}
		}
	}
	for h := range res.Holes {
		b.holeNeeds(h)
	}
	b.sort()
	for l, ps := range b.assess {
		if len(ps) > 0 {
			slices.Sort(ps)
			ps = slices.Compact(ps)
			b.p.Assessments = append(b.p.Assessments, Assessment{Leaf: int32(l), Persons: ps, Hole: b.hole[l]})
		}
	}
}

// profileOf returns the profile index of a profile leaf, -1 for a basis
// leaf.
func (b *builder) profileOf(l int) int32 {
	fw := b.res.Framework
	prof := fw.Leaves[l].Profile
	for j, p := range fw.Profiles {
		if p == prof {
			return int32(j)
		}
	}
	return -1
}

// holeNeeds links the needs hole h concerns and adds those it calls for.
func (b *builder) holeNeeds(h int) {
	res := b.res
	hole := res.Holes[h]
	switch hole.Kind {
	case analysis.KindBasis:
		l := hole.Node.Leaf
		for _, q := range hole.People {
			if i := b.at[int(q)*b.nLeaves+l]; i >= 0 {
				b.link(i, h)
			}
		}
	case analysis.KindUnassessed:
		b.hole[hole.Node.Leaf] = true
		for _, q := range hole.People {
			b.toAssess(int(q), hole.Node.Leaf)
		}
	case analysis.KindSinglePoint:
		b.secondHolder(h)
	case analysis.KindProfile:
		b.profileHole(h)
	}
}

// secondHolder adds, for a competence only one person holds, a need of the
// colleague closest to the target: the highest level below it, one who
// already has a need on it first, then in roster order.
func (b *builder) secondHolder(h int) {
	res := b.res
	hole := res.Holes[h]
	l := hole.Node.Leaf
	T := res.Targets[l]
	best, bestL, bestHas := -1, int8(-1), false
	for q := range res.People {
		L := b.level(q, l)
		if int32(q) == hole.People[0] || L < 0 || L >= T {
			continue
		}
		has := b.at[q*b.nLeaves+l] >= 0
		if L > bestL || L == bestL && (has && !bestHas || has == bestHas && res.ComparePlace(q, best) < 0) {
			best, bestL, bestHas = q, L, has
		}
	}
	if best >= 0 {
		b.link(b.need(best, l, T, FromKeyPerson, -1), h)
	}
}

// profileHole links the gaps of those expected to hold the profile who do
// not fit it, adds the needs of the candidates cheapest to bring to fit it
// while the profile would still have too few specialists, and lists those
// expected but not assessed for assessment.
func (b *builder) profileHole(h int) {
	res := b.res
	hole := res.Holes[h]
	ph := hole.Profile
	j := b.profileIndex(hole)
	prof := res.Framework.Profiles[j]
	for _, q := range hole.People {
		for _, n := range prof.Leaves {
			if i := b.at[int(q)*b.nLeaves+n.Leaf]; i >= 0 {
				b.link(i, h)
			}
		}
	}
	for _, q := range ph.NotAssessed {
		for _, n := range prof.Leaves {
			b.toAssess(int(q), n.Leaf)
		}
	}
	missing := int(ph.Specialists) - int(ph.FittingAll) - len(hole.People)
	for _, c := range ph.Candidates {
		if missing <= 0 {
			break
		}
		if slices.Contains(hole.People, c.Person) {
			continue
		}
		b.specialist(int(c.Person), j, h)
		missing--
	}
}

// profileIndex returns the index of a profile hole's profile.
func (b *builder) profileIndex(h analysis.Hole) int32 {
	for j, p := range b.res.Framework.Profiles {
		if p == h.Node {
			return int32(j)
		}
	}
	return -1
}

// specialist adds the needs that bring person q to fit profile j: the
// leaves below the target with the smallest shortfall, as many as q lacks;
// leaves q was not assessed on are to be assessed instead.
func (b *builder) specialist(q int, j int32, h int) {
	res := b.res
	prof := res.Framework.Profiles[j]
	k := res.Profiles[j].Need - res.AtTarget(q, int(j))
	type short struct {
		leaf int
		d    int
	}
	var below []short
	for _, n := range prof.Leaves {
		L, T := b.level(q, n.Leaf), res.Targets[n.Leaf]
		switch {
		case L < 0:
			b.toAssess(q, n.Leaf)
		case L < T:
			below = append(below, short{n.Leaf, int(T - L)})
		}
	}
	slices.SortStableFunc(below, func(x, y short) int { return cmp.Compare(x.d, y.d) })
	for _, s := range below[:min(max(k, 0), len(below))] {
		b.link(b.need(q, s.leaf, res.Targets[s.leaf], FromSpecialist, j), h)
	}
}

// sort orders the needs by priority, the rank of their hole (none last),
// the larger gap, roster order and framework order, and drops the index.
func (b *builder) sort() {
	slices.SortFunc(b.p.Needs, func(x, y Need) int {
		if c := cmp.Compare(x.Priority, y.Priority); c != 0 {
			return c
		}
		if c := cmp.Compare(uint32(x.Hole), uint32(y.Hole)); c != 0 { // -1 sorts last
			return c
		}
		if c := cmp.Compare(y.Gap(), x.Gap()); c != 0 {
			return c
		}
		if c := b.res.ComparePlace(int(x.Person), int(y.Person)); c != 0 {
			return c
		}
		return cmp.Compare(x.Leaf, y.Leaf)
	})
	b.at = nil
}
