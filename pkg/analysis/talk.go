package analysis

import (
	"cmp"
	"slices"
)

// Talk is one person's own material for a development talk: strengths
// first, then development needs and a few suggested focus items with the
// colleagues who could help. It holds nothing of any other person but the
// names of those who could help.
type Talk struct {
	Person int32
	// Strengths are the competences the person holds at the target level or
	// above, those at the teaching level first, then in framework order.
	Strengths []Strength
	// Fits are the profiles the person fits (framework order).
	Fits []int32
	// Needs are the person's development needs: basis gaps against the
	// role's required level, then gaps in the expected profiles against the
	// target, in framework order.
	Needs []Need
	// NotAssessed are the basis leaves required of the person but not
	// assessed; ProfilesNotAssessed the expected profiles the person was
	// assessed on none of.
	NotAssessed         []int32
	ProfilesNotAssessed []int32
	// Focus are at most three needs to agree on first (see Result.Talk).
	Focus []Focus
}

// Strength is a competence the person holds at the target level or above.
type Strength struct {
	Leaf    int32
	Level   int8
	Teaches bool // at the teaching level: could teach colleagues
}

// Need is a competence below the person's required (basis) or target
// (expected profile) level.
type Need struct {
	Gap
	Profile int32 // the expected profile of a profile gap; -1 for a basis gap
}

// Focus is a need suggested as a focus for the talk, with the colleagues at
// the teaching level who could help (the person's own team first).
type Focus struct {
	Need
	// UnitHole reports that the competence is also a hole of the unit (a
	// basis hole, or a bottleneck of a profile hole).
	UnitHole bool
	Helpers  []int32
}

// maxFocus and maxHelpers bound a talk's suggestions: a development talk
// agrees on two or three goals.
const (
	maxFocus   = 3
	maxHelpers = 3
)

// Talk returns the talk material of person p. The focus items are the
// needs that are also holes of the unit first, then the largest gaps, then
// in framework order.
func (r *Result) Talk(p int) Talk {
	per := &r.People[p]
	t := Talk{Person: int32(p)}
	for l := range r.Framework.Leaves {
		if L := r.Level(p, l); L >= 0 && L >= r.Targets[l] {
			t.Strengths = append(t.Strengths, Strength{Leaf: int32(l), Level: L, Teaches: L >= r.Teach[l]})
		}
	}
	slices.SortStableFunc(t.Strengths, func(x, y Strength) int {
		if x.Teaches != y.Teaches {
			if x.Teaches {
				return -1
			}
			return 1
		}
		return 0
	})
	for j := range r.Framework.Profiles {
		if r.Fits(p, j) {
			t.Fits = append(t.Fits, int32(j))
		}
	}
	for _, g := range per.Gaps {
		t.Needs = append(t.Needs, Need{Gap: g, Profile: -1})
	}
	for _, g := range per.ProfileGaps {
		t.Needs = append(t.Needs, Need{Gap: g, Profile: int32(r.profileOf(int(g.Leaf)))})
	}
	for l := range r.Framework.BasisLeaves {
		if r.Required(p, l) > 0 && r.Level(p, l) < 0 {
			t.NotAssessed = append(t.NotAssessed, int32(l))
		}
	}
	for _, j := range per.Expected {
		if r.ProfileAssessed(p, int(j)) == 0 {
			t.ProfilesNotAssessed = append(t.ProfilesNotAssessed, j)
		}
	}
	t.Focus = r.focus(p, t.Needs)
	return t
}

// focus picks the focus items among needs.
func (r *Result) focus(p int, needs []Need) []Focus {
	holes := r.holeLeaves()
	items := make([]Focus, len(needs))
	for i, n := range needs {
		items[i] = Focus{Need: n, UnitHole: holes[n.Leaf]}
	}
	slices.SortStableFunc(items, func(x, y Focus) int {
		if x.UnitHole != y.UnitHole {
			if x.UnitHole {
				return -1
			}
			return 1
		}
		return cmp.Compare(y.Size(), x.Size())
	})
	items = items[:min(len(items), maxFocus)]
	for i := range items {
		items[i].Helpers = r.helpers(p, int(items[i].Leaf))
	}
	return items
}

// holeLeaves returns the leaves that are holes of the unit: basis holes and
// the bottlenecks of profile holes.
func (r *Result) holeLeaves() map[int32]bool {
	out := map[int32]bool{}
	for _, h := range r.Holes {
		switch {
		case h.Kind == KindBasis:
			out[int32(h.Node.Leaf)] = true
		case h.Profile != nil:
			for _, b := range h.Profile.Bottlenecks {
				out[b.Leaf] = true
			}
		}
	}
	return out
}

// helpers returns at most maxHelpers colleagues of person p at the
// teaching level of leaf: p's own team first, then in roster order
// (ComparePlace).
func (r *Result) helpers(p, leaf int) []int32 {
	team := r.People[p].Person.Team
	var same, other []int32
	teachers := r.Teachers(leaf)
	slices.SortFunc(teachers, func(x, y int32) int { return r.ComparePlace(int(x), int(y)) })
	for _, q := range teachers {
		switch {
		case int(q) == p:
		case r.People[q].Person.Team == team:
			same = append(same, q)
		default:
			other = append(other, q)
		}
	}
	out := append(same, other...)
	return out[:min(len(out), maxHelpers)]
}

// profileOf returns the profile index of a profile leaf, -1 for a basis
// leaf.
func (r *Result) profileOf(leaf int) int {
	prof := r.Framework.Leaves[leaf].Profile
	for j, p := range r.Framework.Profiles {
		if p == prof {
			return j
		}
	}
	return -1
}
