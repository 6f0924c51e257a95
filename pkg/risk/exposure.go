package risk

import (
	"sort"

	"github.com/huller/huller/pkg/analysis"
)

// Exposure is how a leaf or a profile stands up to absences: whether the
// absence of any one person would weaken it, how many persons' absence
// would, and the fewest absences that would. It says nothing of who.
type Exposure struct {
	// Now is the node in the whole unit.
	Now Snapshot
	// Opens counts the persons whose absence alone opens a finding on the
	// node (or a more important one) or leaves no one holding it; Worsens
	// counts those whose absence alone worsens its finding (see Delta).
	Opens, Worsens int32
	// Then is the node after the worst of those single absences (the most
	// important finding, then the worst figure, then the fewest holders);
	// the zero Snapshot when Opens and Worsens are 0.
	Then Snapshot
	// Depth is the smallest number of absences that weakens the node (1
	// when Opens or Worsens is not 0); 0 when no absences can. Path says
	// how those absences weaken it.
	Depth int32
	Path  Path
}

// Path is how a number of absences weakens a node.
type Path uint8

// The paths, in the order they are preferred when two need as many
// absences.
const (
	PathNone        Path = iota
	PathBelow            // a basis competence's coverage falls below the threshold
	PathNoneFits         // none of those expected to hold a profile fits it
	PathWorsen           // its finding gets worse (one absence)
	PathTooFew           // fewer fit a profile than its specialists
	PathUnheld           // no one holds it (a leaf at the target, a profile fitted)
	PathSingle           // only one holds it at the target level
	PathUnassessed       // no one it is required of is assessed on it
	PathNotAssessed      // none of those expected to hold a profile is assessed on it
	PathDeveloping       // some of those expected to hold a profile do not fit it
)

var pathNames = [...]string{"", "below-threshold", "none-fits", "worsens", "too-few", "unheld", "single-point",
	"unassessed", "profile-not-assessed", "developing"}

// String returns the path's name as used in JSON.
func (p Path) String() string {
	if int(p) >= len(pathNames) {
		return ""
	}
	return pathNames[p]
}

// worse reports whether x is a worse state of a node than y: a more
// important finding, else a worse figure, else fewer holders.
func worse(x, y Snapshot, profile bool) bool {
	rx, ry := rank(x.Finding.Tier), rank(y.Finding.Tier)
	if rx != ry {
		return rx < ry
	}
	if mx, ok := x.measure(); ok {
		my, _ := y.measure()
		if mx.less(my) || my.less(mx) {
			return mx.less(my)
		}
	}
	return x.Holders(profile) < y.Holders(profile)
}

// exposures computes every node's exposure: for each person, the unit's
// figures without that person's (one subtraction, O(leaves + profiles)),
// their findings and the comparison with the whole unit.
func (a *assessor) exposures() {
	res, full := a.res, &a.full
	nl := len(full.Figures.Leaves)
	a.nodes = make([]Node, len(full.Findings))
	for i := range a.nodes {
		a.nodes[i].Exposure.Now = full.snapshot(i)
	}
	// A node whose finding stays the same and is not measured by a figure
	// changes only when its last holder goes: checked without a Delta.
	measured := make([]bool, len(a.nodes))
	for i := range a.nodes {
		_, measured[i] = a.nodes[i].Now.measure()
	}
	work := State{Figures: clone(full.Figures)}
	for p := range res.People {
		work.Figures.Summary = full.Figures.Summary
		copy(work.Figures.Leaves, full.Figures.Leaves)
		copy(work.Figures.Profiles, full.Figures.Profiles)
		one := res.FiguresOf([]int32{int32(p)})
		work.Figures.Add(&one, -1)
		work.Findings = res.Findings(&work.Figures, true, work.Findings)
		for i := range a.nodes {
			e := &a.nodes[i].Exposure
			if work.Findings[i] == e.Now.Finding && !measured[i] && !a.lastHolder(&work, i, e.Now) {
				continue
			}
			d := compare(e.Now, work.snapshot(i), i, i >= nl)
			switch {
			case d.Opened || d.Unheld:
				e.Opens++
			case d.Worsened:
				e.Worsens++
			default:
				continue
			}
			if e.Opens+e.Worsens == 1 || worse(d.After, e.Then, i >= nl) {
				e.Then = d.After
			}
		}
	}
	relevant := a.relevant()
	for i := range a.nodes {
		e := &a.nodes[i].Exposure
		if i < nl {
			e.Depth, e.Path = a.leafDepth(i, e.Now, relevant)
		} else {
			e.Depth, e.Path = a.profileDepth(i-nl, e.Now)
		}
	}
}

// lastHolder reports whether node i, held in the unit (now), is held by
// no one in work.
func (a *assessor) lastHolder(work *State, i int, now Snapshot) bool {
	if nl := len(work.Figures.Leaves); i >= nl {
		return now.Profile.Fitting > 0 && work.Figures.Profiles[i-nl].Fitting == 0
	}
	return now.Leaf.Holders > 0 && work.Figures.Leaves[i].Holders == 0
}

// relevant returns, per profile, whether the unit's holes may concern it:
// someone is expected to hold it, someone fits it, or it needs
// specialists.
func (a *assessor) relevant() []bool {
	out := make([]bool, len(a.full.Figures.Profiles))
	for j, ps := range a.full.Figures.Profiles {
		out[j] = ps.Expected > 0 || ps.Fitting > 0 || ps.Specialists > 0
	}
	return out
}

// depth keeps the path that needs fewest absences; on a tie, the one
// listed first.
type depth struct {
	k    int32
	path Path
}

func (d *depth) try(k int32, p Path) {
	if k > 0 && (d.k == 0 || k < d.k || k == d.k && p < d.path) {
		d.k, d.path = k, p
	}
}

// leafDepth returns the fewest absences that weaken leaf l, from its
// figures: every such set of absences either lowers a basis coverage below
// the threshold (the absence of persons who meet their requirement),
// worsens it (one of them), leaves no holder (all holders), leaves one
// holder (all but one), or leaves no one it is required of assessed (all
// those assessed), whichever applies to the leaf's finding now.
func (a *assessor) leafDepth(l int, now Snapshot, relevant []bool) (int32, Path) {
	s, t0 := now.Leaf, rank(now.Finding.Tier)
	var d depth
	basis := l < a.nBasis
	if basis && t0 > int(analysis.TierCannotDeliver) {
		d.try(belowDepth(s.Met, s.Assessed, a.res.Settings.Coverage), PathBelow)
	}
	if now.Finding.Kind == analysis.KindBasis && now.Finding.Tier == analysis.TierCannotDeliver && s.Met >= 1 && s.Met < s.Assessed {
		d.try(1, PathWorsen)
	}
	d.try(s.Holders, PathUnheld)
	if t0 > int(analysis.TierFragile) && s.Holders >= 2 && (basis || relevant[a.profOf[l]]) {
		d.try(s.Holders-1, PathSingle)
	}
	if basis && t0 > int(analysis.TierUnknown) && s.Assessed >= 1 && s.Required > s.Assessed {
		d.try(s.Assessed, PathUnassessed)
	}
	return d.k, d.path
}

// belowDepth returns the fewest of met persons whose absence brings met
// of assessed below the coverage threshold c, with someone assessed
// left (the coverage falls as they leave); 0 when none does.
func belowDepth(met, assessed int32, c float64) int32 {
	below := func(k int32) bool {
		return assessed-k > 0 && float64(met-k)/float64(assessed-k) < c
	}
	if met >= assessed || !below(met) {
		return 0
	}
	return 1 + int32(sort.Search(int(met), func(i int) bool { return below(int32(i) + 1) }))
}

// profileDepth returns the fewest absences that weaken profile j: those of
// every expected person who fits it (when an expected and assessed person
// who does not fit stays), one person who fits it (when its finding is
// measured by them), enough fitting persons to fall below its specialists,
// every fitting person, every expected person assessed on it (when an
// expected person not assessed stays), or enough expected persons who fit
// without being assessed to leave fewer fitting than assessed.
func (a *assessor) profileDepth(j int, now Snapshot) (int32, Path) {
	ps, t0, c := now.Profile, rank(now.Finding.Tier), a.cats[j]
	var d depth
	if t0 > int(analysis.TierCannotDeliver) && c.eaNotF >= 1 {
		d.try(ps.ExpectedFitting, PathNoneFits)
	}
	if now.Finding.Tier == analysis.TierFragile && ps.Fitting >= 1 ||
		now.Finding.Tier == analysis.TierDeveloping && ps.ExpectedFitting >= 1 {
		d.try(1, PathWorsen)
	}
	if t0 > int(analysis.TierFragile) && ps.Specialists >= 1 && int(ps.Fitting) >= ps.Specialists {
		d.try(ps.Fitting-int32(ps.Specialists)+1, PathTooFew)
	}
	d.try(ps.Fitting, PathUnheld)
	if t0 > int(analysis.TierUnknown) && ps.ExpectedAssessed >= 1 && ps.Expected > ps.ExpectedAssessed {
		d.try(ps.ExpectedAssessed, PathNotAssessed)
	}
	if t0 > int(analysis.TierDeveloping) && c.eaNotF >= 1 && c.eNotAF >= c.eaNotF {
		d.try(c.eNotAF-c.eaNotF+1, PathDeveloping)
	}
	return d.k, d.path
}

// profileCats counts the persons expected to hold a profile by whether
// they were assessed on it and fit it.
type profileCats struct {
	eaNotF int32 // assessed, not fitting
	eNotAF int32 // fitting without being assessed (a profile anyone fits)
}

func (a *assessor) countCats() {
	res := a.res
	a.cats = make([]profileCats, len(res.Framework.Profiles))
	for p := range res.People {
		for _, j := range res.People[p].Expected {
			assessed, fits := res.ProfileAssessed(p, int(j)) > 0, res.Fits(p, int(j))
			switch {
			case assessed && !fits:
				a.cats[j].eaNotF++
			case !assessed && fits:
				a.cats[j].eNotAF++
			}
		}
	}
}
