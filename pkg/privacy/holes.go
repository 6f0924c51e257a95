package privacy

import (
	"cmp"
	"slices"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
)

// HoleKind is the kind of a hole of an aggregate report.
type HoleKind uint8

// The kinds, in the order they are ranked within a tier.
const (
	// HoleProfile: a profile too few fit, or that those expected to hold
	// it do not (yet) fit.
	HoleProfile HoleKind = iota
	// HoleBasis: a basis competence covered below the threshold.
	HoleBasis
	// HoleFew: a competence that at least one but fewer than Min persons
	// hold at the target level ("depends on very few people"); it takes
	// the place of the leader's single-point hole, which says that exactly
	// one person holds it.
	HoleFew
	// HoleUnassessed: a basis competence no one it is required of was
	// assessed on.
	HoleUnassessed
)

var holeKindNames = [...]string{"profile", "basis", "few-holders", "unassessed"}

// String returns the kind's name as used in JSON.
func (k HoleKind) String() string {
	if int(k) >= len(holeKindNames) {
		return "unknown"
	}
	return holeKindNames[k]
}

// Hole is a finding about a group in an aggregate report: what and how
// important, with figures that may be shown, and never a person.
type Hole struct {
	// Node is the leaf or (HoleProfile) the profile.
	Node *framework.Node
	Kind HoleKind
	Tier analysis.Tier
	// Coverage is a basis hole's coverage (the figure of the group's leaf).
	Coverage Figure
	// People counts the persons concerned: for a basis hole those assessed
	// below their required level; for the unit's profile holes those
	// expected, assessed and not fitting; for the unit's unassessed holes
	// those it is required of. Not shown otherwise.
	People Figure
	// Profile are the group's figures of a profile hole's profile.
	Profile *Profile
	// Bottlenecks are the competences that most keep persons from fitting
	// a profile (without counts).
	Bottlenecks []*framework.Node

	effort    int
	hasEffort bool
	order     int
}

// Effort returns the levels to raise to close the hole, given for the
// unit's holes whose persons concerned are shown, and for a profile hole
// only when some are concerned (else it is the few nearest candidates').
func (h Hole) Effort() (int, bool) {
	if !h.hasEffort || !h.People.shown {
		return 0, false
	}
	return h.effort, true
}

// holes returns the holes of group g (none for a small group) from the
// analysis' holes of its persons: basis, profile and unassessed holes with
// their shown figures; single points are replaced by the competences held
// by at least one and fewer than Min persons. whole says g is the unit.
func (rep *Report) holes(res *analysis.Result, g *Group, from []analysis.Hole, whole bool) []Hole {
	if g.Small {
		return nil
	}
	fw := rep.Framework
	var out []Hole
	basis := map[int]bool{}
	for _, h := range from {
		x := Hole{Node: h.Node, Tier: h.Tier, effort: h.Effort}
		switch h.Kind {
		case analysis.KindBasis:
			basis[h.Node.Leaf] = true
			x.Kind = HoleBasis
			x.Coverage = g.Leaves[h.Node.Leaf].Coverage
			x.People = x.Coverage.rest()
			x.hasEffort = whole
		case analysis.KindProfile:
			j := profileIndex(fw, h.Node)
			x.Kind, x.Profile = HoleProfile, &g.Profiles[j]
			if whole {
				x.People = Figure{k: len(h.People), n: int(h.Profile.Expected), persons: g.Persons.k, kind: count}
				x.People.shown = x.People.safe(rep.Min)
				// with none concerned, the effort is that of the nearest
				// candidates: a few persons' levels
				x.hasEffort = x.People.k > 0
			}
			for _, b := range h.Profile.Bottlenecks {
				x.Bottlenecks = append(x.Bottlenecks, fw.Leaves[b.Leaf])
			}
		case analysis.KindUnassessed:
			x.Kind = HoleUnassessed
			if whole {
				x.People = Figure{k: len(h.People), n: g.Persons.k, persons: g.Persons.k, kind: count}
				x.People.shown = x.People.safe(rep.Min)
				x.hasEffort = true
			}
		default: // single points: below
			continue
		}
		out = append(out, x)
	}
	out = append(out, rep.fewHolders(g, basis, whole)...)
	for i := range out {
		out[i].order = order(fw, out[i].Node)
	}
	slices.SortFunc(out, func(a, b Hole) int {
		return cmp.Or(cmp.Compare(a.Tier, b.Tier), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.order, b.order))
	})
	return out
}

// fewHolders returns a hole for each leaf that at least one and fewer than
// Min persons of g hold at the target level: a basis leaf that is not a
// basis hole of g, a profile leaf of a profile g's holes may be about (one
// expected of or fitted by someone of g; for the unit also one needing
// specialists).
func (rep *Report) fewHolders(g *Group, basis map[int]bool, whole bool) []Hole {
	fw := rep.Framework
	var out []Hole
	for l, lf := range g.Leaves {
		if !small(lf.Holders.k, rep.Min) || basis[l] {
			continue
		}
		if n := fw.Leaves[l]; n.Profile != nil {
			p := g.Profiles[profileIndex(fw, n.Profile)]
			if p.Expected.k == 0 && p.Fitting.k == 0 && !(whole && p.Specialists > 0) {
				continue
			}
		}
		out = append(out, Hole{Node: fw.Leaves[l], Kind: HoleFew, Tier: analysis.TierFragile})
	}
	return out
}

// profileIndex returns the index of profile node n.
func profileIndex(fw *framework.Framework, n *framework.Node) int {
	for j, p := range fw.Profiles {
		if p == n {
			return j
		}
	}
	return -1
}

// order returns the place of a leaf or profile in the framework: leaves by
// their index, profiles after all leaves.
func order(fw *framework.Framework, n *framework.Node) int {
	if n.Leaf >= 0 {
		return n.Leaf
	}
	return len(fw.Leaves) + profileIndex(fw, n)
}
