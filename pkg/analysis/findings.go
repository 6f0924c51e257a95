package analysis

// What-if analyses (a person away, a newcomer added) reuse the one analysis
// of the unit: the figures of a group are sums over its persons, so the
// figures of the group without (or with) some persons are the group's
// figures minus (plus) theirs, and the findings follow from the figures
// alone by the rules of Analyze.

// Finding is what a group's figures make of one leaf or profile: the kind
// and tier of its most important hole, without the persons and the effort.
// The zero Finding (Tier 0) is no hole.
type Finding struct {
	Kind Kind
	Tier Tier
}

// Findings returns the finding on every leaf (indexed like
// Framework.Leaves), followed by the finding on every profile (index
// len(Framework.Leaves)+j), of a group with figures f: the kinds and tiers
// Analyze gives that group's holes. A leaf with two holes (a single point
// on a leaf no one it is required of was assessed on) gets the more
// important. whole says that f are figures of the whole unit (Result.Holes)
// rather than of a team or a role (Group.Holes). The result is appended to
// dst[:0].
func (r *Result) Findings(f *Figures, whole bool, dst []Finding) []Finding {
	a := r.an
	out := append(dst[:0], make([]Finding, a.nLeaves+a.nProf)...)
	relevant := a.relevantProfiles(nil, *f, whole)
	for l := range f.Leaves {
		s := f.Leaves[l]
		var kind Kind
		hole := false
		if l < a.nBasis {
			kind, hole = a.basisKind(s)
		}
		switch {
		case hole && kind == KindBasis:
			out[l] = Finding{KindBasis, TierCannotDeliver}
		case a.singlePoint(l, s, relevant):
			out[l] = Finding{KindSinglePoint, TierFragile}
		case hole:
			out[l] = Finding{KindUnassessed, TierUnknown}
		}
	}
	for j, ps := range f.Profiles {
		if t := profileTier(ps, whole); relevant[j] && t != 0 {
			out[a.nLeaves+j] = Finding{KindProfile, t}
		}
	}
	return out
}

// FiguresOf returns the figures of the persons members (indices of People;
// nil for everyone), computed as Analyze computes those of the unit, a team
// or a role.
func (r *Result) FiguresOf(members []int32) Figures {
	return r.an.figures(members)
}

// Add adds to f, the figures of a group, the figures g of other persons
// (sign 1), or takes away (sign -1) the figures g of persons counted in f:
// every count of f is then that of the group with, or without, them. The
// profiles' target, need and specialists stay f's. (Which person a single
// point names and the next best level, needed only for the holes' persons
// and effort, are not kept: figures changed by Add are for Findings.)
func (f *Figures) Add(g *Figures, sign int32) {
	s, d := &f.Summary, g.Summary
	s.Persons += int(sign) * d.Persons
	s.PeopleWithGaps += int(sign) * d.PeopleWithGaps
	s.Basis.Required += sign * d.Basis.Required
	s.Basis.Met += sign * d.Basis.Met
	s.Basis.NotAssessed += sign * d.Basis.NotAssessed
	s.Basis.GapSum += sign * d.Basis.GapSum
	for l := range f.Leaves {
		x, y := &f.Leaves[l], &g.Leaves[l]
		x.Required += sign * y.Required
		x.Assessed += sign * y.Assessed
		x.Met += sign * y.Met
		x.GapSum += sign * y.GapSum
		x.ReqSum += sign * y.ReqSum
		x.Holders += sign * y.Holders
		x.Teachers += sign * y.Teachers
	}
	for j := range f.Profiles {
		x, y := &f.Profiles[j], &g.Profiles[j]
		x.Fitting += sign * y.Fitting
		x.Expected += sign * y.Expected
		x.ExpectedByRole += sign * y.ExpectedByRole
		x.ExpectedAssessed += sign * y.ExpectedAssessed
		x.ExpectedFitting += sign * y.ExpectedFitting
	}
}

// basisKind returns the hole a basis leaf with figures s is, if any:
// unassessed when no one it is required of was assessed, basis when its
// coverage is below the threshold.
func (a *analyzer) basisKind(s LeafStat) (Kind, bool) {
	switch c, ok := s.Coverage(); {
	case s.Required > 0 && s.Assessed == 0:
		return KindUnassessed, true
	case ok && c < a.s.Coverage:
		return KindBasis, true
	}
	return 0, false
}

// singlePoint reports whether exactly one person holds leaf l at the target
// level, on a basis leaf or a leaf of a relevant profile (a basis hole on
// the leaf takes precedence).
func (a *analyzer) singlePoint(l int, s LeafStat, relevant []bool) bool {
	return s.Holders == 1 && (l < a.nBasis || relevant[a.profOf[l]])
}

// profileTier returns the tier of the hole a profile with figures ps is,
// 0 when none:
//   - none of those expected to hold it who were assessed fits it:
//     TierCannotDeliver;
//   - else fewer fit it than its number of specialists (in a team or role,
//     only when a member is expected to hold it): TierFragile;
//   - else some are expected to hold it but none of them was assessed on
//     it: TierUnknown;
//   - else some of those expected and assessed do not fit it yet:
//     TierDeveloping.
func profileTier(ps ProfileStat, whole bool) Tier {
	switch {
	case ps.ExpectedAssessed > 0 && ps.ExpectedFitting == 0:
		return TierCannotDeliver
	case int(ps.Fitting) < ps.Specialists && (whole || ps.Expected > 0):
		return TierFragile
	case ps.Expected > 0 && ps.ExpectedAssessed == 0:
		return TierUnknown
	case ps.ExpectedFitting < ps.ExpectedAssessed:
		return TierDeveloping
	}
	return 0
}
