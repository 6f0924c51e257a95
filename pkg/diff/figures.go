package diff

import (
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
)

// LeafChange is a basis competence's team coverage before and after.
type LeafChange struct {
	// Before and After are the leaf's indices in each side's framework, -1
	// on a side whose framework lacks it.
	Before, After int32
	// OldRules is the leaf's figures after under Before's rules, when the
	// rules changed (Result.OldRules).
	OldRules *analysis.LeafStat
}

// LeafNode returns the competence (After's, else Before's).
func (r *Result) LeafNode(lc LeafChange) *framework.Node {
	if lc.After >= 0 {
		return r.After.Framework.Leaves[lc.After]
	}
	return r.Before.Framework.Leaves[lc.Before]
}

// Stat returns the leaf's figures on a side (0 Before, 1 After); ok is
// false on a side whose framework lacks it.
func (r *Result) Stat(lc LeafChange, side int) (analysis.LeafStat, bool) {
	if side == 0 {
		if lc.Before < 0 {
			return analysis.LeafStat{}, false
		}
		return r.Before.Leaves[lc.Before], true
	}
	if lc.After < 0 {
		return analysis.LeafStat{}, false
	}
	return r.After.Leaves[lc.After], true
}

// leaves lists the basis competences of Before's framework, then those
// only After's has.
func (c *comparer) leaves() {
	r := c.res
	old := r.oldRules
	for l := range r.Before.Framework.BasisLeaves {
		lc := LeafChange{Before: int32(l), After: r.leafMap[l]}
		if old != nil {
			s := old.Leaves[l]
			lc.OldRules = &s
		}
		r.Leaves = append(r.Leaves, lc)
	}
	for k, n := range r.After.Framework.BasisLeaves {
		if m := r.Before.Framework.Node(n.ID); m == nil || m.Leaf < 0 || m.Area != n.Area {
			r.Leaves = append(r.Leaves, LeafChange{Before: -1, After: int32(k)})
		}
	}
}

// ProfileChange is a profile's figures before and after.
type ProfileChange struct {
	// Before and After are the profile's indices in each side's framework,
	// -1 on a side whose framework lacks it.
	Before, After int32
}

// Covered reports whether a profile is covered in an analysis: at least
// as many persons fit it as it needs specialists, and at least one.
func Covered(res *analysis.Result, j int) bool {
	ps := res.Profiles[j]
	return int(ps.Fitting) >= max(ps.Specialists, 1)
}

// ProfilesCovered counts the covered profiles of an analysis.
func ProfilesCovered(res *analysis.Result) int {
	n := 0
	for j := range res.Framework.Profiles {
		if Covered(res, j) {
			n++
		}
	}
	return n
}

// profiles lists the profiles of Before's framework, then those only
// After's has.
func (c *comparer) profiles() {
	r := c.res
	for j := range r.Before.Framework.Profiles {
		r.Profiles = append(r.Profiles, ProfileChange{Before: int32(j), After: r.profMap[j]})
	}
	for k, p := range r.After.Framework.Profiles {
		if profileIndex(r.Before.Framework, p.ID) < 0 {
			r.Profiles = append(r.Profiles, ProfileChange{Before: -1, After: int32(k)})
		}
	}
}

// Tally are the counts a summary of a comparison gives.
type Tally struct {
	// Holes counts the holes by status (indexed by HoleStatus); Worse and
	// Better the persisting or changed-kind holes whose figure got worse or
	// better.
	Holes         [len(statusNames)]int
	Worse, Better int
	// Assessments counts the persons on both sides by whether they were
	// assessed again (indexed by Assessment).
	Assessments [len(assessmentNames)]int
	// OtherAssessor counts the persons on both sides with levels a
	// different assessor gave, OtherLevels those levels.
	OtherAssessor, OtherLevels int
}

// Tally counts the holes by status and the persons on both sides by
// assessment.
func (r *Result) Tally() Tally {
	var t Tally
	for _, h := range r.Holes {
		t.Holes[h.Status]++
		if h.Status == Persisting || h.Status == ChangedKind {
			if h.Worse() {
				t.Worse++
			} else if h.Better() {
				t.Better++
			}
		}
	}
	for _, p := range r.People {
		if p.Joined() || p.Left() {
			continue
		}
		t.Assessments[p.Assessment]++
		k := 0
		for _, lc := range p.Levels {
			if lc.OtherAssessor {
				k++
			}
		}
		if k > 0 {
			t.OtherAssessor++
			t.OtherLevels += k
		}
	}
	return t
}

// Dated reports whether any person on both sides has assessment dates on
// both sides.
func (t Tally) Dated() bool {
	return t.Assessments[Reassessed]+t.Assessments[CarriedOver]+t.Assessments[Earlier] > 0
}
