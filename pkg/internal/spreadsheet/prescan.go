package spreadsheet

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/huller/huller/pkg/limits"
)

// sheetMeta is what a sheet's XML says outside its cells: hidden columns
// (before <sheetData>) and merged ranges (after it).
type sheetMeta struct {
	hiddenCols []Range // Left/Right only
	dimRows    int     // rows the <dimension> element claims; 0 when absent
	merges     []Range // sorted by Top, as found
}

// maxHead bounds the XML before <sheetData> (sheet properties, views,
// column widths): a few KB in any real sheet.
const maxHead = limits.SheetHead

// prescan reads a sheet's XML once, quickly: it keeps the parts before and
// after <sheetData> and skips the cells with a byte search. It lets the
// second, streaming pass know the merged ranges from the first row on.
func prescan(r io.Reader, maxTail int64, maxMerges int) (sheetMeta, error) {
	const (
		phaseHead = iota
		phaseSkip
		phaseTail
	)
	var (
		meta  sheetMeta
		head  []byte
		tail  []byte
		carry []byte
		win   []byte
		phase = phaseHead
		buf   = make([]byte, 128<<10)
	)
	for {
		n, err := r.Read(buf)
		chunk := buf[:n]
		switch phase {
		case phaseHead:
			head = append(head, chunk...)
			lt, gt, self, ok := findStartTag(head, "sheetData")
			if ok {
				rest := append([]byte(nil), head[gt+1:]...)
				head = head[:lt]
				if self {
					phase, tail = phaseTail, rest
				} else if end, found := findEndTag(rest, "sheetData"); found {
					phase, tail = phaseTail, append([]byte(nil), rest[end:]...)
				} else {
					phase, carry = phaseSkip, keepTail(rest)
				}
			} else if len(head) > maxHead {
				return meta, &Error{Err: ErrTooLarge, Msg: fmt.Sprintf("has more than %s of XML before its cells (before <sheetData>), where real sheets have a few KB; this is not a normal workbook", sizeString(maxHead))}
			}
		case phaseSkip:
			win = append(append(win[:0], carry...), chunk...)
			if end, found := findEndTag(win, "sheetData"); found {
				phase, tail = phaseTail, append([]byte(nil), win[end:]...)
			} else {
				carry = append(carry[:0], win[max(0, len(win)-64):]...)
			}
		case phaseTail:
			tail = append(tail, chunk...)
			if int64(len(tail)) > maxTail {
				return meta, &Error{Err: ErrTooLarge, Msg: fmt.Sprintf("has more than %s of XML after its cells", sizeString(maxTail))}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return meta, err
		}
	}
	if phase == phaseHead {
		return meta, errors.New("the sheet has no <sheetData> element")
	}
	if phase == phaseSkip {
		return meta, errors.New("the sheet's <sheetData> element is not closed (the file is truncated)")
	}
	meta.hiddenCols, meta.dimRows = parseHead(head)
	merges, err := mergeRanges(tail, maxMerges)
	meta.merges = merges
	return meta, err
}

// keepTail keeps the last bytes of a window, enough to hold a split end tag.
func keepTail(b []byte) []byte {
	const keep = 64
	if len(b) <= keep {
		return append([]byte(nil), b...)
	}
	return append([]byte(nil), b[len(b)-keep:]...)
}

func isNameByte(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80
}

// findStartTag finds <name …> or <prefix:name …> and returns the offsets of
// its '<' and '>' and whether it closes itself; ok is false when the tag is
// absent or not yet complete.
func findStartTag(b []byte, name string) (lt, gt int, self, ok bool) {
	from := 0
	for {
		i := bytes.Index(b[from:], []byte(name))
		if i < 0 {
			return 0, 0, false, false
		}
		i += from
		from = i + 1
		j := i + len(name)
		if j >= len(b) {
			return 0, 0, false, false
		}
		if c := b[j]; c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			continue
		}
		k := i - 1
		if k >= 0 && b[k] == ':' {
			k--
			for k >= 0 && isNameByte(b[k]) {
				k--
			}
		}
		if k < 0 || b[k] != '<' {
			continue
		}
		g := bytes.IndexByte(b[j:], '>')
		if g < 0 {
			return 0, 0, false, false
		}
		g += j
		return k, g, b[g-1] == '/', true
	}
}

// findEndTag finds </name> or </prefix:name> and returns the offset after it.
func findEndTag(b []byte, name string) (int, bool) {
	from := 0
	for {
		i := bytes.Index(b[from:], []byte(name))
		if i < 0 {
			return 0, false
		}
		i += from
		from = i + 1
		k := i - 1
		if k >= 0 && b[k] == ':' {
			k--
			for k >= 0 && isNameByte(b[k]) {
				k--
			}
		}
		if k < 1 || b[k] != '/' || b[k-1] != '<' {
			continue
		}
		j := i + len(name)
		for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
			j++
		}
		if j < len(b) && b[j] == '>' {
			return j + 1, true
		}
	}
}

// parseHead reads the XML before <sheetData>: the hidden columns (<col min
// max hidden>) and the number of rows <dimension ref="A1:BF101"> claims.
func parseHead(head []byte) (out []Range, dimRows int) {
	d := newDecoder(bytes.NewReader(head))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return out, dimRows
		}
		se, ok := tok.(xml.StartElement)
		if ok && se.Name.Local == "dimension" {
			for _, a := range se.Attr {
				if rg, ok := parseRange(a.Value); ok && a.Name.Local == "ref" {
					dimRows = rg.Bottom - rg.Top + 1
				}
			}
		}
		if !ok || se.Name.Local != "col" {
			continue
		}
		lo, hi, hidden := 0, 0, false
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "min":
				lo, _ = strconv.Atoi(a.Value)
			case "max":
				hi, _ = strconv.Atoi(a.Value)
			case "hidden":
				hidden = a.Value == "1" || a.Value == "true"
			}
		}
		if hidden && lo >= 1 && hi >= lo {
			out = append(out, Range{Left: lo - 1, Right: min(hi, maxColumns) - 1})
		}
	}
}

// mergeRanges reads <mergeCell ref="A1:B2"> from the XML after <sheetData>,
// sorted by top row (then left column, bottom row, right column), without
// duplicates.
func mergeRanges(tail []byte, most int) ([]Range, error) {
	var out []Range
	d := newDecoder(bytes.NewReader(tail))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return sortRanges(out), nil
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "mergeCell" {
			continue
		}
		for _, a := range se.Attr {
			if a.Name.Local != "ref" {
				continue
			}
			if rg, ok := parseRange(a.Value); ok && (rg.Bottom > rg.Top || rg.Right > rg.Left) {
				out = append(out, rg)
			}
		}
		if len(out) > most {
			return nil, &Error{Err: ErrTooLarge, Msg: fmt.Sprintf("has more than %s merged ranges, where a roster needs a few (titles, group headers, a team's cell over its members); this is not a normal workbook", commas(int64(most)))}
		}
	}
}

// sortRanges sorts merged ranges by top row, then left column, bottom row
// and right column, and drops duplicates.
func sortRanges(rs []Range) []Range {
	slices.SortStableFunc(rs, func(a, b Range) int {
		return cmp.Or(cmp.Compare(a.Top, b.Top), cmp.Compare(a.Left, b.Left), cmp.Compare(a.Bottom, b.Bottom), cmp.Compare(a.Right, b.Right))
	})
	return slices.Compact(rs)
}

// parseRange parses "A1:B2" (or "A1").
func parseRange(s string) (Range, bool) {
	a, b := s, s
	if i := bytes.IndexByte([]byte(s), ':'); i >= 0 {
		a, b = s[:i], s[i+1:]
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
func parseCellRef(s string) (col, row int, ok bool) {
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
