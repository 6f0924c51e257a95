package risk

import (
	"slices"

	"github.com/huller/huller/pkg/analysis"
)

// State is what a unit's figures make of every node: the figures and the
// finding on each leaf and profile. Nodes are numbered like
// analysis.Result.Findings: the leaves (indexed like Framework.Leaves),
// then the profiles (len(Leaves)+j).
type State struct {
	Figures  analysis.Figures
	Findings []analysis.Finding
}

// stateOf returns the state of the whole unit with figures f (which it
// keeps).
func stateOf(res *analysis.Result, f analysis.Figures) State {
	return State{Figures: f, Findings: res.Findings(&f, true, nil)}
}

// clone returns a copy of the figures that shares nothing with f.
func clone(f analysis.Figures) analysis.Figures {
	return analysis.Figures{Summary: f.Summary, Leaves: slices.Clone(f.Leaves), Profiles: slices.Clone(f.Profiles)}
}

// Snapshot is one node in one state: its finding and figures (Leaf for a
// leaf, Profile for a profile).
type Snapshot struct {
	Finding analysis.Finding
	Leaf    analysis.LeafStat
	Profile analysis.ProfileStat
}

// snapshot returns node i of s.
func (s *State) snapshot(i int) Snapshot {
	out := Snapshot{Finding: s.Findings[i]}
	if nl := len(s.Figures.Leaves); i < nl {
		out.Leaf = s.Figures.Leaves[i]
	} else {
		out.Profile = s.Figures.Profiles[i-nl]
	}
	return out
}

// Holders returns, for a leaf, the persons at the target level; for a
// profile, the persons who fit it.
func (n Snapshot) Holders(profile bool) int32 {
	if profile {
		return n.Profile.Fitting
	}
	return n.Leaf.Holders
}

// fraction is a figure a finding is measured by, num/den, compared exactly.
type fraction struct{ num, den int64 }

// less reports whether x < y.
func (x fraction) less(y fraction) bool { return x.num*y.den < y.num*x.den }

// measure returns the figure by which a finding on a node gets worse or
// better while it keeps its tier: the coverage of a basis hole (lower is
// worse), the persons who fit a profile with too few specialists, the
// share of the expected and assessed who fit a profile still developing.
// ok is false for the other findings (a single point, an unassessed
// competence, a profile no one expected fits, a profile not assessed),
// which are what they are.
func (n Snapshot) measure() (fraction, bool) {
	switch n.Finding {
	case analysis.Finding{Kind: analysis.KindBasis, Tier: analysis.TierCannotDeliver}:
		return fraction{int64(n.Leaf.Met), int64(n.Leaf.Assessed)}, true
	case analysis.Finding{Kind: analysis.KindProfile, Tier: analysis.TierFragile}:
		return fraction{int64(n.Profile.Fitting), 1}, true
	case analysis.Finding{Kind: analysis.KindProfile, Tier: analysis.TierDeveloping}:
		return fraction{int64(n.Profile.ExpectedFitting), int64(n.Profile.ExpectedAssessed)}, true
	}
	return fraction{}, false
}

// rank orders tiers by importance, no finding last.
func rank(t analysis.Tier) int {
	if t == 0 {
		return int(analysis.TierDeveloping) + 1
	}
	return int(t)
}

// Delta is how a node changed from one state (Before) to another (After).
type Delta struct {
	Node          int
	Before, After Snapshot
	// Opened: a finding more important than before, or one where there
	// was none. Worsened: the same finding, its figure worse (see
	// Snapshot.measure). Unheld: someone held the node before (a leaf at
	// the target level, a profile fitted) and no one does after.
	Opened, Worsened, Unheld bool
	// Closed: no finding any more. Eased: a less important finding.
	// Improved: the same finding, its figure better.
	Closed, Eased, Improved bool
}

// Weakened reports whether the node is worse off: a finding opened or
// worsened, or no one holds it any more.
func (d Delta) Weakened() bool { return d.Opened || d.Worsened || d.Unheld }

// Relieved reports whether a finding closed, eased or improved (and the
// node is not weakened otherwise).
func (d Delta) Relieved() bool { return !d.Weakened() && (d.Closed || d.Eased || d.Improved) }

// compare returns how node i changed from a to b; profile says it is a
// profile.
func compare(a, b Snapshot, i int, profile bool) Delta {
	d := Delta{Node: i, Before: a, After: b}
	ra, rb := rank(a.Finding.Tier), rank(b.Finding.Tier)
	switch {
	case rb < ra:
		d.Opened = true
	case rb > ra && b.Finding.Tier == 0:
		d.Closed = true
	case rb > ra:
		d.Eased = true
	default:
		if ma, ok := a.measure(); ok {
			mb, _ := b.measure()
			d.Worsened, d.Improved = mb.less(ma), ma.less(mb)
		}
	}
	d.Unheld = a.Holders(profile) > 0 && b.Holders(profile) == 0
	return d
}

// deltas returns the nodes that changed from a to b, in node order.
func deltas(a, b *State) []Delta {
	var out []Delta
	nl := len(a.Figures.Leaves)
	for i := range a.Findings {
		d := compare(a.snapshot(i), b.snapshot(i), i, i >= nl)
		if d.Weakened() || d.Closed || d.Eased || d.Improved || !sameCounts(d.Before, d.After) {
			out = append(out, d)
		}
	}
	return out
}

// sameCounts reports whether two snapshots of a node have the same finding
// and counts (the figures' unexported parts, which name persons by index,
// are left out).
func sameCounts(a, b Snapshot) bool {
	x, y := a.Leaf, b.Leaf
	return a.Finding == b.Finding && a.Profile == b.Profile &&
		x.Required == y.Required && x.Assessed == y.Assessed && x.Met == y.Met && x.GapSum == y.GapSum &&
		x.ReqSum == y.ReqSum && x.Holders == y.Holders && x.Teachers == y.Teachers
}
