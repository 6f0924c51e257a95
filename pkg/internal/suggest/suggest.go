// Package suggest finds the names nearest to a misspelt one, for the "did
// you mean" hints of huller's messages: an unknown competence id, role,
// profile, column or person.
package suggest

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Distance is the Levenshtein distance of a and b in runes: the fewest
// insertions, deletions and substitutions that turn a into b. Its work is
// len(a)·len(b).
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev, cur := make([]int, len(rb)+1), make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Closest returns up to n candidates nearest to s, ignoring case, nearest
// first (ties in the candidates' order); candidates further than half of
// s's length (plus one) are not near.
func Closest(s string, candidates []string, n int) []string {
	type cand struct {
		s string
		d int
	}
	var cs []cand
	s = strings.ToLower(s)
	limit := utf8.RuneCountInString(s)/2 + 1
	for _, c := range candidates {
		if abs(utf8.RuneCountInString(c)-utf8.RuneCountInString(s)) > limit {
			continue // no nearer than the difference of the lengths
		}
		if d := Distance(s, strings.ToLower(c)); d <= limit {
			cs = append(cs, cand{c, d})
		}
	}
	slices.SortStableFunc(cs, func(x, y cand) int { return x.d - y.d })
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, cs[i].s)
	}
	return out
}

// DidYouMean formats the three candidates nearest to s as a hint to append
// to a message: ` (did you mean "1.1" or "1.2"?)`; "" when none is near.
func DidYouMean(s string, candidates []string) string {
	c := Closest(s, candidates, 3)
	if len(c) == 0 {
		return ""
	}
	q := make([]string, len(c))
	for i, x := range c {
		q[i] = strconv.Quote(x)
	}
	return " (did you mean " + strings.Join(q, " or ") + "?)"
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
