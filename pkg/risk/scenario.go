package risk

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/internal/hint"
	"github.com/huller/huller/pkg/internal/suggest"
	"github.com/huller/huller/pkg/roster"
)

// Scenario is the unit without some persons — a known departure, a leave,
// a team moving away — compared with the whole unit.
type Scenario struct {
	// Before is the analysis of the whole unit, After that of the unit
	// without the persons Away (indices of Before.People, ascending).
	Before, After *analysis.Result
	Away          []int32
	// Changes are the nodes (leaves, then profiles) whose finding or
	// figures differ, in node order.
	Changes []Delta
}

// Compare compares after, the analysis of the unit of before without the
// persons away, with before.
func Compare(before, after *analysis.Result, away []int32) *Scenario {
	a, b := Full(before), Full(after)
	return &Scenario{Before: before, After: after, Away: away, Changes: deltas(&a, &b)}
}

// RosterWithout returns a copy of the roster analysed in res without the
// rows of the persons away (indices of res.People); the persons' data are
// shared, not copied.
func RosterWithout(res *analysis.Result, away []int32) *roster.Roster {
	drop := make(map[*roster.Person]bool, len(away))
	for _, p := range away {
		drop[res.People[p].Person] = true
	}
	out := *res.Roster
	out.Persons = make([]roster.Person, 0, len(res.Roster.Persons)-len(away))
	for i := range res.Roster.Persons {
		if !drop[&res.Roster.Persons[i]] {
			out.Persons = append(out.Persons, res.Roster.Persons[i])
		}
	}
	return &out
}

// maxSuggestions is how many close names an unknown name gets.
const maxSuggestions = 5

// Match returns the persons of the unit analysed in res that names (ids or
// names, as a leader types them) designate, ascending. A name matches the
// person whose id it equals; else the persons whose name it equals,
// ignoring case and surrounding spaces, which must be one. Empty names are
// skipped and a person named twice counts once. The error lists every name
// that matches no one (with close names as a hint) or several persons, and
// refuses to leave the unit empty.
func Match(res *analysis.Result, names []string) ([]int32, error) {
	byID := map[string]int32{}
	byName := map[string][]int32{}
	for i := range res.People {
		p := res.People[i].Person
		if p.ID != "" {
			byID[p.ID] = int32(i)
		}
		key := strings.ToLower(strings.TrimSpace(p.Name))
		byName[key] = append(byName[key], int32(i))
	}
	var out []int32
	var problems, hints []string
	given := 0
	for _, raw := range names {
		name := strings.TrimSpace(raw)
		if name == "" {
			continue
		}
		given++
		if i, ok := byID[name]; ok {
			out = append(out, i)
			continue
		}
		switch m := byName[strings.ToLower(name)]; len(m) {
		case 1:
			out = append(out, m[0])
		case 0:
			problems = append(problems, fmt.Sprintf("no person with id or name %q in %s", name, unitName(res)))
			if c := closeNames(res, name); len(c) > 0 && len(hints) < 3 {
				hints = append(hints, fmt.Sprintf("close to %q: %s", name, strings.Join(c, ", ")))
			}
		default:
			var ids []string
			for _, i := range m {
				ids = append(ids, personLabel(res, i))
			}
			problems = append(problems, fmt.Sprintf("%q names %d persons (%s): give the id", name, len(m), strings.Join(ids, "; ")))
		}
	}
	switch {
	case given == 0:
		return nil, hint.With(fmt.Errorf("--without names no one"), "give names or ids, separated by commas")
	case len(problems) > 0:
		fix := "give names or ids separated by commas, as in the roster"
		if len(hints) > 0 {
			fix = strings.Join(hints, "; ")
		}
		return nil, hint.With(fmt.Errorf("--without: %s", strings.Join(problems, "\n")), "%s", fix)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == len(res.People) {
		return nil, fmt.Errorf("--without names all %d persons of %s: no one would be left to analyse", len(out), unitName(res))
	}
	return out, nil
}

// unitName says what was analysed: the roster, or a team of it.
func unitName(res *analysis.Result) string {
	if res.Settings.Team != "" {
		return fmt.Sprintf("team %q of %s", res.Settings.Team, res.Roster.Source)
	}
	return res.Roster.Source
}

// personLabel is "Name (id)", or the name alone.
func personLabel(res *analysis.Result, i int32) string {
	p := res.People[i].Person
	if p.ID != "" {
		return p.Name + " (" + p.ID + ")"
	}
	return p.Name
}

// maxQuery is the longest name closeNames compares (edit distance is
// quadratic in the length).
const maxQuery = 100

// closeNames returns up to maxSuggestions persons whose name or id is
// close to name: first those whose name contains it as a word or starts
// with it, then by edit distance (at most a quarter of its length, at
// least 1).
func closeNames(res *analysis.Result, name string) []string {
	q := strings.ToLower(name)
	if utf8.RuneCountInString(q) > maxQuery {
		return nil
	}
	limit := max(1, utf8.RuneCountInString(q)/4)
	type cand struct {
		i int32
		d int
	}
	var cs []cand
	for i := range res.People {
		p := res.People[i].Person
		n := strings.ToLower(strings.TrimSpace(p.Name))
		d := -1
		switch {
		case strings.HasPrefix(n, q) || slices.Contains(strings.Fields(n), q):
			d = 0
		default:
			for _, s := range []string{n, strings.ToLower(p.ID)} {
				if s == "" || abs(utf8.RuneCountInString(s)-utf8.RuneCountInString(q)) > limit {
					continue
				}
				if e := suggest.Distance(q, s); e <= limit && (d < 0 || e < d) {
					d = e
				}
			}
		}
		if d >= 0 {
			cs = append(cs, cand{int32(i), d})
		}
	}
	slices.SortStableFunc(cs, func(x, y cand) int { return x.d - y.d })
	var out []string
	for _, c := range cs[:min(len(cs), maxSuggestions)] {
		out = append(out, personLabel(res, c.i))
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
