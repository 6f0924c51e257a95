package analysis

import (
	"cmp"
	"slices"
)

// maxListed is how many bottlenecks and candidates a profile hole lists.
const maxListed = 3

// profileHole returns the hole of profile j in a group, if it has one, of
// the tier profileTier says.
func (a *analyzer) profileHole(members []int32, j int, f Figures, whole bool) (Hole, bool) {
	ps := f.Profiles[j]
	tier := profileTier(ps, whole)
	if tier == 0 {
		return Hole{}, false
	}
	res := a.res
	ph := &ProfileHole{Expected: ps.Expected, ExpectedByRole: ps.ExpectedByRole, Assessed: ps.ExpectedAssessed,
		Fitting: ps.ExpectedFitting, FittingAll: ps.Fitting, Specialists: int32(ps.Specialists)}
	h := Hole{Kind: KindProfile, Tier: tier, Node: a.fw.Profiles[j], Profile: ph, People: []int32{}}
	a.each(members, func(p int) {
		switch {
		case !res.IsExpected(p, j):
		case res.Assessed[p*a.nProf+j] == 0:
			ph.NotAssessed = append(ph.NotAssessed, int32(p))
		case !res.Fits(p, j):
			h.People = append(h.People, int32(p))
		}
	})
	ph.Candidates = a.candidates(members, j)
	concerned := h.People
	if len(concerned) == 0 { // nobody expected: what keeps the candidates from fitting
		for _, c := range ph.Candidates {
			concerned = append(concerned, c.Person)
		}
	}
	ph.Bottlenecks = a.bottlenecks(concerned, j, f.Leaves)
	h.Effort = a.profileEffort(h, j, ps)
	return h, true
}

// profileEffort returns the person-levels a profile hole needs: every
// expected person who was assessed and does not fit brought to fit it, then,
// while fewer than its specialists would fit, the cheapest candidates not
// expected to hold it and, beyond them, newcomers; for a hole of unknowns,
// the levels the expected would need from the scale's lowest level.
func (a *analyzer) profileEffort(h Hole, j int, ps ProfileStat) int {
	if h.Tier == TierUnknown {
		return int(ps.Expected) * ps.Need * (ps.Target - int(a.minLevel))
	}
	effort := 0
	for _, p := range h.People {
		effort += a.cost(int(p), j)
	}
	missing := ps.Specialists - int(ps.Fitting) - len(h.People)
	for _, c := range h.Profile.Candidates {
		if missing <= 0 {
			break
		}
		if !slices.Contains(h.People, c.Person) {
			effort += c.Effort
			missing--
		}
	}
	return effort + max(missing, 0)*ps.Need*(ps.Target-int(a.minLevel))
}

// cost returns the person-levels person p lacks to fit profile j: the sum of
// the smallest shortfalls T − L over the leaves below T that p must raise
// (an unassessed leaf counts from the lowest level of the scale).
func (a *analyzer) cost(p, j int) int {
	res := a.res
	k := a.profStats[j].Need - int(res.Reach[p*a.nProf+j])
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

// candidates returns the persons of a group closest to fitting profile j:
// assessed on at least one of its leaves, not fitting, least effort first,
// then those expected to hold it, then in roster order (ComparePlace).
func (a *analyzer) candidates(members []int32, j int) []Candidate {
	res := a.res
	// the maxListed best, kept in order as the members go by: least effort
	// first, the expected before the others, then the members' order; work
	// in proportion to the members, memory to maxListed
	type ranked struct {
		c          Candidate
		unexpected bool
	}
	var best []ranked
	less := func(x, y ranked) bool {
		if x.c.Effort != y.c.Effort {
			return x.c.Effort < y.c.Effort
		}
		if x.unexpected != y.unexpected {
			return !x.unexpected
		}
		return res.ComparePlace(int(x.c.Person), int(y.c.Person)) < 0
	}
	a.each(members, func(p int) {
		if res.Assessed[p*a.nProf+j] == 0 || res.Fits(p, j) {
			return
		}
		r := ranked{Candidate{Person: int32(p), Effort: a.cost(p, j)}, false}
		if len(best) == maxListed && !less(r, best[maxListed-1]) {
			return // no better than the last listed: the effort is the cheap test
		}
		r.unexpected = !res.IsExpected(p, j)
		i := len(best)
		for i > 0 && less(r, best[i-1]) {
			i--
		}
		if i == maxListed {
			return
		}
		best = slices.Insert(best, i, r)
		best = best[:min(len(best), maxListed)]
	})
	out := make([]Candidate, len(best))
	for i, r := range best {
		out[i] = r.c
	}
	return out
}

// bottlenecks returns the leaves of profile j on which most of people are
// assessed below the target, with the group's holders of each.
func (a *analyzer) bottlenecks(people []int32, j int, st []LeafStat) []Bottleneck {
	res := a.res
	var out []Bottleneck
	for _, n := range a.fw.Profiles[j].Leaves {
		b := Bottleneck{Leaf: int32(n.Leaf), Holders: st[n.Leaf].Holders}
		for _, p := range people {
			if L := res.Level(int(p), n.Leaf); L >= 0 && L < res.Targets[n.Leaf] {
				b.Below++
			}
		}
		if b.Below > 0 {
			out = append(out, b)
		}
	}
	slices.SortStableFunc(out, func(x, y Bottleneck) int { return cmp.Compare(y.Below, x.Below) })
	return out[:min(len(out), maxListed)]
}
