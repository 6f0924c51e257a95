package risk

// Bench is how deep the unit's bench is on a leaf or a profile: who holds
// it and who could get there soon.
type Bench struct {
	// Leaves: AtTarget persons at the target level or above (the holders),
	// Teachers at the teaching level, OneBelowTarget exactly one level
	// below the target. Basis leaves also: Required persons it is required
	// of, MeetRequired of them at their required level or above,
	// OneBelowRequired exactly one level below it.
	AtTarget, Teachers, OneBelowTarget       int32
	Required, MeetRequired, OneBelowRequired int32
	// Profiles: Fitting persons who fit it, OneShort persons assessed on it
	// who do not fit and hold exactly one of its competences too few at
	// the target level; Expected persons expected to hold it, of whom
	// ExpectedFitting fit and ExpectedOneShort are one competence short.
	Fitting, OneShort                           int32
	Expected, ExpectedFitting, ExpectedOneShort int32
}

// benches fills every node's bench in one pass over the persons.
func (a *assessor) benches() {
	res, fw := a.res, a.res.Framework
	nl := len(fw.Leaves)
	for l := range nl {
		s := a.full.Figures.Leaves[l]
		b := &a.nodes[l].Bench
		b.AtTarget, b.Teachers = s.Holders, s.Teachers
		if l < a.nBasis {
			b.Required, b.MeetRequired = s.Required, s.Met
		}
	}
	for j := range fw.Profiles {
		ps := a.full.Figures.Profiles[j]
		b := &a.nodes[nl+j].Bench
		b.Fitting, b.Expected, b.ExpectedFitting = ps.Fitting, ps.Expected, ps.ExpectedFitting
	}
	for p := range res.People {
		for l := range nl {
			L := res.Level(p, l)
			if L < 0 {
				continue
			}
			b := &a.nodes[l].Bench
			if int(L) == int(res.Targets[l])-1 {
				b.OneBelowTarget++
			}
			if R := res.Required(p, l); R > 0 && int(L) == R-1 {
				b.OneBelowRequired++
			}
		}
		for j := range fw.Profiles {
			if !a.oneShort(p, j) {
				continue
			}
			b := &a.nodes[nl+j].Bench
			b.OneShort++
			if res.IsExpected(p, j) {
				b.ExpectedOneShort++
			}
		}
	}
}

// oneShort reports whether person p, assessed on profile j and not fitting
// it, holds exactly one of its competences too few at the target level.
func (a *assessor) oneShort(p, j int) bool {
	res := a.res
	return res.ProfileAssessed(p, j) > 0 && !res.Fits(p, j) &&
		res.AtTarget(p, j) == a.full.Figures.Profiles[j].Need-1
}
