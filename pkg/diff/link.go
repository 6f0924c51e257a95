package diff

import "slices"

// Ident is a person as matching sees them: a name and an id ("" for none).
type Ident struct{ Name, ID string }

// NameMatches returns the persons Compare matches by name, as pairs of
// indices of before and after, in the order of after: once the persons of
// the same id are paired, a person without an id on either side is paired
// with the person of the same name (case and spacing ignored) when that
// name is left unmatched exactly once on each side. Compare finds a plan's
// persons in the old mapping by the same rule.
//
// A command that replaces the persons by pseudonyms, which derive from the
// id and else the name, gives each such pair one identity first, so that
// the pseudonymised rosters match as the named ones do.
func NameMatches(before, after []Ident) [][2]int {
	ids := [2]map[string]bool{{}, {}}
	for k, side := range [2][]Ident{before, after} {
		for _, p := range side {
			if p.ID != "" {
				ids[k][p.ID] = true
			}
		}
	}
	type cands struct{ before, after []int }
	names := map[string]*cands{}
	for j, p := range before {
		if p.ID != "" && ids[1][p.ID] {
			continue // matched by id
		}
		k := NormName(p.Name)
		if names[k] == nil {
			names[k] = &cands{}
		}
		names[k].before = append(names[k].before, j)
	}
	for i, p := range after {
		if p.ID != "" && ids[0][p.ID] {
			continue
		}
		if x := names[NormName(p.Name)]; x != nil {
			x.after = append(x.after, i)
		}
	}
	var out [][2]int
	for _, x := range names {
		if len(x.before) != 1 || len(x.after) != 1 {
			continue
		}
		j, i := x.before[0], x.after[0]
		if before[j].ID != "" && after[i].ID != "" {
			continue // two ids: two persons
		}
		out = append(out, [2]int{j, i})
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[1] - b[1] })
	return out
}
