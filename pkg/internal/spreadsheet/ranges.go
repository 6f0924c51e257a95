package spreadsheet

import (
	"cmp"
	"slices"
)

// sortRanges sorts merged ranges by top row, then left column, bottom row
// and right column, and drops duplicates.
func sortRanges(rs []Range) []Range {
	slices.SortStableFunc(rs, func(a, b Range) int {
		return cmp.Or(cmp.Compare(a.Top, b.Top), cmp.Compare(a.Left, b.Left), cmp.Compare(a.Bottom, b.Bottom), cmp.Compare(a.Right, b.Right))
	})
	return slices.Compact(rs)
}

// parseRange parses "A1:B2" (or "A1").
func parseRange[S ~string | ~[]byte](s S) (Range, bool) {
	a, b := s, s
	for i := range len(s) {
		if s[i] == ':' {
			a, b = s[:i], s[i+1:]
			break
		}
	}
	c1, r1, ok1 := parseCellRef(a)
	c2, r2, ok2 := parseCellRef(b)
	if !ok1 || !ok2 || r1 == 0 || r2 == 0 {
		return Range{}, false
	}
	return Range{Top: min(r1, r2), Left: min(c1, c2), Bottom: max(r1, r2), Right: max(c1, c2)}, true
}

// parseCellRef parses "F7" (or "$F$7") into a 0-based column and a 1-based
// row (0 when the reference has no row).
func parseCellRef[S ~string | ~[]byte](s S) (col, row int, ok bool) {
	i := 0
	if i < len(s) && s[i] == '$' {
		i++
	}
	n := 0
	start := i
	for i < len(s) {
		c := s[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		n = n*26 + int(c-'a'+1)
		if n > maxColumns {
			return 0, 0, false
		}
		i++
	}
	if i == start {
		return 0, 0, false
	}
	if i < len(s) && s[i] == '$' {
		i++
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
		if row > 1<<21 {
			return 0, 0, false
		}
	}
	return n - 1, row, true
}
