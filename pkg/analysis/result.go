package analysis

import (
	"cmp"
	"iter"
	"slices"
)

// Level returns person p's level on leaf (roster.Unassessed when none).
func (r *Result) Level(p, leaf int) int8 {
	return r.Levels[p*len(r.Framework.Leaves)+leaf]
}

// Required returns R for person p on leaf: 0 for a profile leaf.
func (r *Result) Required(p, leaf int) int {
	if leaf >= len(r.Framework.BasisLeaves) {
		return 0
	}
	return int(r.Roles[r.People[p].Role].Required[leaf])
}

// Fit returns fit(p, P) for person p and profile j: the share of the
// profile's leaves at L ≥ T.
func (r *Result) Fit(p, j int) float64 {
	n := len(r.Framework.Profiles[j].Leaves)
	if n == 0 {
		return 0
	}
	return float64(r.Reach[p*len(r.Framework.Profiles)+j]) / float64(n)
}

// Fits reports whether person p fits profile j: at least the profile's
// Need of its leaves at L ≥ T. A person assessed on none of its leaves
// never fits it.
func (r *Result) Fits(p, j int) bool {
	return int(r.Reach[p*len(r.Framework.Profiles)+j]) >= r.needs[j]
}

// ProfileAssessed returns how many of profile j's leaves person p was
// assessed on.
func (r *Result) ProfileAssessed(p, j int) int {
	return int(r.Assessed[p*len(r.Framework.Profiles)+j])
}

// AtTarget returns how many of profile j's leaves person p holds at the
// target level: the "k" of "k of n".
func (r *Result) AtTarget(p, j int) int {
	return int(r.Reach[p*len(r.Framework.Profiles)+j])
}

// IsExpected reports whether profile j is expected of person p.
func (r *Result) IsExpected(p, j int) bool {
	return slices.Contains(r.People[p].Expected, int32(j))
}

// Best returns person p's best-fitting profiles (all profiles sharing the
// highest fit, in framework order) and that fit; none when the highest fit
// is 0.
func (r *Result) Best(p int) (profiles []int, fit float64) {
	for j := range r.Framework.Profiles {
		f := r.Fit(p, j)
		switch {
		case f <= 0 || f < fit:
		case f > fit:
			profiles, fit = append(profiles[:0], j), f
		default:
			profiles = append(profiles, j)
		}
	}
	return profiles, fit
}

// ProfileGapsIn returns the part of person p's ProfileGaps that lies in
// profile j (empty unless j is expected of p).
func (r *Result) ProfileGapsIn(p, j int) []Gap {
	gaps := r.People[p].ProfileGaps
	prof := r.Framework.Profiles[j]
	lo := 0
	for lo < len(gaps) && r.Framework.Leaves[gaps[lo].Leaf].Profile != prof {
		lo++
	}
	hi := lo
	for hi < len(gaps) && r.Framework.Leaves[gaps[hi].Leaf].Profile == prof {
		hi++
	}
	return gaps[lo:hi:hi]
}

// ProfileNotAssessed returns how many of profile j's leaves person p was not
// assessed on.
func (r *Result) ProfileNotAssessed(p, j int) int {
	return len(r.Framework.Profiles[j].Leaves) - r.ProfileAssessed(p, j)
}

// ComparePlace orders persons p and q (indices of People) by their place in
// the roster as read (roster.Person.Seq), then by their place listed. Every
// choice between equals goes by it, so that the roster listed in another
// order, as pseudonymisation lists it, gives the same choices.
func (r *Result) ComparePlace(p, q int) int {
	if c := cmp.Compare(r.People[p].Seq, r.People[q].Seq); c != 0 {
		return c
	}
	return cmp.Compare(p, q)
}

// Holders returns the persons (indices of People) with L ≥ T on leaf, in
// roster order.
func (r *Result) Holders(leaf int) []int32 { return r.atLeast(leaf, r.Targets[leaf]) }

// Teachers returns the persons (indices of People) at the teaching level
// of leaf or above, in roster order: who could teach it to colleagues.
func (r *Result) Teachers(leaf int) []int32 { return r.atLeast(leaf, r.Teach[leaf]) }

func (r *Result) atLeast(leaf int, level int8) []int32 {
	var out []int32
	n := len(r.Framework.Leaves)
	for p := range r.People {
		if r.Levels[p*n+leaf] >= level {
			out = append(out, int32(p))
		}
	}
	return out
}

// ListedPeople yields the persons to list: those matching Settings.Person,
// else all.
func (r *Result) ListedPeople() iter.Seq2[int, *Person] {
	return func(yield func(int, *Person) bool) {
		if r.Listed == nil {
			for i := range r.People {
				if !yield(i, &r.People[i]) {
					return
				}
			}
			return
		}
		for _, i := range r.Listed {
			if !yield(int(i), &r.People[i]) {
				return
			}
		}
	}
}

// HasHoles reports whether the analysis found any hole, for the whole unit
// or for a team (Settings.ByTeam) or role (Settings.ByRole) shown.
func (r *Result) HasHoles() bool {
	if len(r.Holes) > 0 {
		return true
	}
	for _, g := range r.shownGroups() {
		if len(g.Holes) > 0 {
			return true
		}
	}
	return false
}

// shownGroups returns the teams and roles Settings asks to show.
func (r *Result) shownGroups() []Group {
	var out []Group
	if r.Settings.ByTeam {
		out = append(out, r.Teams...)
	}
	if r.Settings.ByRole {
		out = append(out, r.RoleGroups...)
	}
	return out
}

// HasGaps reports whether any listed person has a basis gap.
func (r *Result) HasGaps() bool {
	for _, p := range r.ListedPeople() {
		if len(p.Gaps) > 0 {
			return true
		}
	}
	return false
}

// AllWarnings returns every problem that did not stop the run: the
// roster's warnings (hidden rows, ignored columns, competences no column
// covers, …), then the analysis's (an unknown role or profile id).
func (r *Result) AllWarnings() []string {
	var out []string
	if r.Roster != nil {
		for _, w := range r.Roster.Warnings {
			out = append(out, w.String())
		}
	}
	return append(out, r.Warnings...)
}
