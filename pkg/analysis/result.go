package analysis

import "iter"

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

// Fits reports whether person p fits profile j (fit ≥ the threshold).
func (r *Result) Fits(p, j int) bool {
	return int(r.Reach[p*len(r.Framework.Profiles)+j]) >= r.Profiles[j].Need
}

// IsAssigned reports whether profile j is assigned to person p.
func (r *Result) IsAssigned(p, j int) bool {
	for _, a := range r.People[p].Assigned {
		if int(a) == j {
			return true
		}
	}
	return false
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
// profile j (empty unless j is assigned to p).
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
	n := 0
	for _, l := range r.Framework.Profiles[j].Leaves {
		if r.Level(p, l.Leaf) < 0 {
			n++
		}
	}
	return n
}

// Holders returns the persons (indices of People) with L ≥ T on leaf, in
// roster order: who could share the competence.
func (r *Result) Holders(leaf int) []int32 {
	var out []int32
	n, t := len(r.Framework.Leaves), r.Targets[leaf]
	for p := range r.People {
		if r.Levels[p*n+leaf] >= t {
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

// HasHoles reports whether the analysis found any hole, for the whole group
// or (with ByTeam) any team.
func (r *Result) HasHoles() bool {
	if len(r.Holes) > 0 {
		return true
	}
	for _, t := range r.Teams {
		if len(t.Holes) > 0 {
			return true
		}
	}
	return false
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
