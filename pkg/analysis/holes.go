package analysis

import (
	"cmp"
	"math"
	"slices"

	"github.com/huller/huller/pkg/framework"
)

// Kind is the kind of a hole.
type Kind uint8

// The kinds of holes, in the order they are ranked within a tier.
const (
	// KindProfile: a profile too few fit, or that those expected to hold
	// it do not (yet) fit; one hole per profile.
	KindProfile Kind = iota
	// KindBasis: a basis leaf whose coverage is below the threshold.
	KindBasis
	// KindSinglePoint: a leaf exactly one person holds at L ≥ T.
	KindSinglePoint
	// KindUnassessed: a required basis leaf no one it is required of was
	// assessed on.
	KindUnassessed
)

var kindNames = [...]string{"profile", "basis", "single-point", "unassessed"}

// Kinds lists every kind in ranking order.
var Kinds = []Kind{KindProfile, KindBasis, KindSinglePoint, KindUnassessed}

// String returns the kind's name as used in JSON: profile, basis,
// single-point or unassessed.
func (k Kind) String() string {
	if int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// Tier says how much a hole matters to the unit; holes are ranked by tier
// first.
type Tier uint8

// The tiers, most important first.
const (
	// TierCannotDeliver: the unit cannot deliver — a profile that none of
	// those expected to hold it fits, a basis competence whose coverage is
	// below the threshold.
	TierCannotDeliver Tier = iota + 1
	// TierFragile: it depends on too few — a profile with fewer specialists
	// than needed, a competence only one person holds.
	TierFragile
	// TierUnknown: nobody knows — no one it is required or expected of was
	// assessed on it.
	TierUnknown
	// TierDeveloping: some of those expected to hold a profile do not fit
	// it yet.
	TierDeveloping
)

var tierNames = [...]string{"", "cannot-deliver", "fragile", "unknown", "developing"}

// Tiers lists the tiers, most important first.
var Tiers = []Tier{TierCannotDeliver, TierFragile, TierUnknown, TierDeveloping}

// String returns the tier's name as used in JSON.
func (t Tier) String() string {
	if t == 0 || int(t) >= len(tierNames) {
		return "unknown"
	}
	return tierNames[t]
}

// Hole is a finding about a group of persons.
type Hole struct {
	// Node is the leaf (basis, unassessed, single-point) or the profile
	// (profile) concerned.
	Node *framework.Node
	Kind Kind
	Tier Tier
	// Effort counts person-levels: the level steps persons would have to
	// gain to close the hole (for unassessed: at most that many).
	Effort int
	// Coverage is the team coverage of a basis hole (HasCoverage): Met of
	// Assessed persons meet their required level.
	Coverage      float64
	HasCoverage   bool
	Met, Assessed int32
	// People are the persons concerned (indices of Result.People, in
	// roster order): basis — those with a gap on the leaf; unassessed —
	// those it is required of; single-point — the one holder; profile —
	// those expected to hold it who were assessed on it and do not fit.
	People []int32
	// Roles are, for a basis hole, the roles whose required level the
	// persons with a gap miss, most gaps first.
	Roles []RoleNeed
	// Holders and Teachers count, for a basis or single-point hole, the
	// persons of the group at the target level and at the teaching level.
	Holders, Teachers int32
	// Profile holds the details of a profile hole.
	Profile *ProfileHole

	order int32 // the node's place in the framework
}

// RoleNeed is a role's share of a basis hole: the role's required level on
// the leaf and how many of its persons have a gap there.
type RoleNeed struct {
	Role  int32 // index of Result.Roles
	Level int8
	Gaps  int32
}

// ProfileHole are the figures of a profile hole.
type ProfileHole struct {
	// Expected counts the persons expected to hold the profile; of them,
	// ExpectedByRole through their role (not the roster's profiles
	// column), Assessed were assessed on at least one of its leaves, and
	// Fitting fit it.
	Expected, ExpectedByRole, Assessed, Fitting int32
	// NotAssessed are the expected persons assessed on none of its leaves.
	NotAssessed []int32
	// FittingAll counts everyone in the group who fits, expected or not;
	// Specialists is how many should.
	FittingAll, Specialists int32
	// Bottlenecks are the profile's leaves most often below the target
	// among the persons concerned (at most three, most often first).
	Bottlenecks []Bottleneck
	// Candidates are the persons closest to fitting it: assessed on it,
	// not fitting, least effort first (at most three).
	Candidates []Candidate
}

// Bottleneck is a leaf that keeps persons from fitting a profile.
type Bottleneck struct {
	Leaf    int32 // index of Framework.Leaves
	Below   int32 // persons concerned below the target on it
	Holders int32 // persons of the group at the target level
}

// Candidate is a person who could come to fit a profile, and the
// person-levels it would take.
type Candidate struct {
	Person int32
	Effort int
}

// holes finds and ranks the holes of a group (members, nil for everyone)
// with figures f. The whole unit (whole) is measured against every
// profile's number of specialists; a team or role only against the
// profiles its members are expected to hold.
func (a *analyzer) holes(members []int32, f Figures, whole bool) []Hole {
	relevant := a.relevantProfiles(members, f, whole)
	out := a.basisHoles(members, f.Leaves)
	for j := range f.Profiles {
		if relevant[j] {
			if h, ok := a.profileHole(members, j, f, whole); ok {
				out = append(out, h)
			}
		}
	}
	out = a.singlePoints(f.Leaves, relevant, out)
	for i := range out {
		out[i].order = a.order(out[i].Node)
	}
	return rank(out)
}

// relevantProfiles returns the profiles a group's holes may be about: for
// the whole unit, those expected of someone, held by someone or needing
// specialists; for a team or role, those expected of or held by a member.
func (a *analyzer) relevantProfiles(members []int32, f Figures, whole bool) []bool {
	out := make([]bool, a.nProf)
	for j, ps := range f.Profiles {
		out[j] = ps.Expected > 0 || ps.Fitting > 0 || whole && ps.Specialists > 0
	}
	return out
}

// basisHoles returns the group's basis holes (coverage below the
// threshold) and unassessed holes (nobody assessed).
func (a *analyzer) basisHoles(members []int32, st []LeafStat) []Hole {
	res := a.res
	var out []Hole
	for l := 0; l < a.nBasis; l++ {
		s := st[l]
		kind, hole := a.basisKind(s)
		switch {
		case hole && kind == KindUnassessed:
			// as if every one of them were at the scale's lowest level
			out = append(out, Hole{Kind: KindUnassessed, Tier: TierUnknown, Node: a.fw.Leaves[l],
				Effort: int(s.ReqSum) - int(s.Required)*int(a.minLevel),
				People: a.collect(members, func(p int) bool { return res.Required(p, l) > 0 })})
		case hole:
			c, _ := s.Coverage()
			h := Hole{Kind: KindBasis, Tier: TierCannotDeliver, Node: a.fw.Leaves[l], Effort: int(s.GapSum),
				Coverage: c, HasCoverage: true, Met: s.Met, Assessed: s.Assessed, Holders: s.Holders, Teachers: s.Teachers,
				People: a.collect(members, func(p int) bool {
					L := res.Level(p, l)
					return L >= 0 && int(L) < res.Required(p, l)
				})}
			h.Roles = a.roleNeeds(h.People, l)
			out = append(out, h)
		}
	}
	return out
}

// roleNeeds returns the roles of the persons with a gap on leaf l, with
// the role's required level, most gaps first, then in the order of Roles.
func (a *analyzer) roleNeeds(people []int32, l int) []RoleNeed {
	res := a.res
	count := map[int32]int32{}
	for _, p := range people {
		count[res.People[p].Role]++
	}
	out := make([]RoleNeed, 0, len(count))
	for r, n := range count {
		out = append(out, RoleNeed{Role: r, Level: res.Roles[r].Required[l], Gaps: n})
	}
	slices.SortFunc(out, func(x, y RoleNeed) int {
		if c := cmp.Compare(y.Gaps, x.Gaps); c != 0 {
			return c
		}
		return cmp.Compare(x.Role, y.Role)
	})
	return out
}

// singlePoints appends a hole for each leaf exactly one person of the group
// holds at L ≥ T, unless it is already a basis hole; profile leaves only of
// relevant profiles.
func (a *analyzer) singlePoints(st []LeafStat, relevant []bool, out []Hole) []Hole {
	basis := map[int]bool{}
	for _, h := range out {
		if h.Kind == KindBasis {
			basis[h.Node.Leaf] = true
		}
	}
	for l, s := range st {
		if basis[l] || !a.singlePoint(l, s, relevant) {
			continue
		}
		best := max(s.below, a.minLevel)
		out = append(out, Hole{Kind: KindSinglePoint, Tier: TierFragile, Node: a.fw.Leaves[l],
			Effort: int(a.res.Targets[l]) - int(best), People: []int32{s.holder},
			Holders: 1, Teachers: s.Teachers})
	}
	return out
}

// collect returns the members for which keep is true, in roster order.
func (a *analyzer) collect(members []int32, keep func(p int) bool) []int32 {
	out := []int32{}
	a.each(members, func(p int) {
		if keep(p) {
			out = append(out, int32(p))
		}
	})
	return out
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

// rank sorts holes by tier, then kind (in the order of Kinds), then effort
// (highest first), then the node's place in the framework, then the first
// person concerned in roster order. No two holes share kind, node and
// group, so the order is total. It sorts small keys rather than the holes.
func rank(h []Hole) []Hole {
	type key struct{ a, b uint64 }
	keys := make([]key, len(h))
	for i, x := range h {
		effort := uint64(min(max(x.Effort, 0), math.MaxUint32))
		keys[i] = key{
			a: uint64(x.Tier)<<60 | uint64(x.Kind)<<56 | (math.MaxUint32-effort)<<24 | uint64(x.order)&(1<<24-1),
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

// CountTier counts the holes of tier t.
func CountTier(holes []Hole, t Tier) int {
	n := 0
	for _, h := range holes {
		if h.Tier == t {
			n++
		}
	}
	return n
}
