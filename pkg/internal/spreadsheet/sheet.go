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

type mergeState struct {
	Range
	order int // place in the sorted list: of two overlapping ranges, the first stays
	value string
}

// asciiStrings are the one-byte strings, so that the most common cell
// values (single digits) need no allocation.
var asciiStrings = func() (t [128]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return
}()

// xlsxRows streams the rows of a sheet with encoding/xml's RawToken.
type xlsxRows struct {
	file, sheet, part string
	partSize          int64 // uncompressed size of the sheet XML
	rc                io.ReadCloser
	counter           *countingReader
	dec               *xml.Decoder
	sst               []string
	meta              sheetMeta
	opts              Options

	started, done bool
	num           int
	count         int   // rows read
	cellCount     int64 // cells handed on, counted against opts.MaxSheetCells
	cellv         []string
	hid           bool
	unc           []int
	buf           []byte
	e             error

	merges    []mergeState // sorted by Top, Left, Bottom, Right; no duplicates
	nextMerge int
	active    []*mergeState // covering the current row; disjoint, by Left
	spare     []*mergeState
	width     int // columns merged ranges fill: the widest row so far
	columns   int // columns of interest (SetColumns); 0 = all
}

func (x *xlsxRows) fail(err error) bool {
	var te *Error
	if errors.As(err, &te) {
		x.e = te
	} else if isEncodingError(err) {
		x.e = &Error{Pos: Pos{File: x.file, Sheet: x.sheet}, Err: ErrCorrupt, Msg: encodingMessage(x.part, err)}
	} else if err == io.EOF || err == io.ErrUnexpectedEOF {
		x.e = &Error{Pos: Pos{File: x.file, Sheet: x.sheet}, Err: ErrCorrupt, Msg: "ends early: the file is truncated or damaged (open it in Excel, let it repair the file and save it again)"}
	} else {
		var se *xml.SyntaxError
		msg := fmt.Sprintf("cannot be read: %v; the file is damaged (open it in Excel, let it repair the file and save it again)", err)
		if errors.As(err, &se) {
			msg = fmt.Sprintf("cannot be read: its XML is malformed at line %d of %s (%s); the file is damaged (open it in Excel, let it repair the file and save it again)", se.Line, x.part, se.Msg)
		}
		x.e = &Error{Pos: Pos{File: x.file, Sheet: x.sheet}, Err: ErrCorrupt, Msg: msg}
	}
	x.done = true
	return false
}

func (x *xlsxRows) next() bool {
	if x.done {
		return false
	}
	if !x.started {
		x.started = true
		for {
			tok, err := x.dec.RawToken()
			if err != nil {
				return x.fail(err)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "sheetData" {
				break
			}
		}
	}
	for {
		tok, err := x.dec.RawToken()
		if err != nil {
			return x.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "row" {
				return x.readRow(t)
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				x.done = true
				return false
			}
		}
	}
}

func (x *xlsxRows) readRow(se xml.StartElement) bool {
	num := x.num + 1
	x.hid = false
	for _, a := range se.Attr {
		switch a.Name.Local {
		case "r":
			if n, err := strconv.Atoi(a.Value); err == nil && n > 0 && n <= 1<<21 {
				num = n
			}
		case "hidden":
			x.hid = a.Value == "1" || a.Value == "true"
		}
	}
	x.num = num
	if x.count++; num > x.opts.MaxRows || x.count > x.opts.MaxRows {
		return x.fail(x.tooManyRows())
	}
	x.cellv = x.cellv[:0]
	x.unc = x.unc[:0]
	col := -1
	for {
		tok, err := x.dec.RawToken()
		if err != nil {
			return x.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "c" {
				if col, err = x.readCell(t, col+1); err != nil {
					return x.fail(err)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "row" {
				x.applyMerges()
				if err := x.countCells(); err != nil {
					return x.fail(err)
				}
				return true
			}
		}
	}
}

func (x *xlsxRows) tooManyRows() error {
	return &Error{Pos: Pos{File: x.file, Sheet: x.sheet}, Err: ErrTooLarge,
		Msg: fmt.Sprintf("has more than %s rows, the most a sheet can hold; this is not a normal workbook", commas(int64(x.opts.MaxRows)))}
}

// countCells charges the row's cells (blanks before its last cell and
// merged copies included) and the merged ranges it was checked against
// to the sheet's budget: each row costs that much work here and in the
// caller, and a few bytes such as <c r="XFD7"/> make a row 16,384 wide.
func (x *xlsxRows) countCells() error {
	x.cellCount += int64(len(x.cellv) + len(x.active))
	if x.cellCount <= x.opts.MaxSheetCells {
		return nil
	}
	return &Error{Pos: Pos{File: x.file, Sheet: x.sheet, Row: x.num, Col: -1}, Err: ErrTooLarge,
		Msg: fmt.Sprintf("the sheet's rows up to here hold more than %s cells, counting the blank cells before each row's last cell and those merged ranges fill; that is more than a roster of %s persons × 512 competences: delete the unused columns and rows at the sheet's end (Ctrl+End shows its last cell) and save it again",
			commas(x.opts.MaxSheetCells), commas(limits.Rows))}
}

func (x *xlsxRows) readCell(se xml.StartElement, col int) (int, error) {
	var typ string
	for _, a := range se.Attr {
		switch a.Name.Local {
		case "r":
			c, _, ok := parseCellRef(a.Value)
			if !ok {
				return col, &Error{Pos: Pos{File: x.file, Sheet: x.sheet, Row: x.num, Col: -1}, Err: ErrCorrupt,
					Msg: fmt.Sprintf("has a cell named %q, which is no cell reference; the file is damaged", a.Value)}
			}
			col = c
		case "t":
			typ = a.Value
		}
	}
	if col >= maxColumns {
		return col, &Error{Pos: Pos{File: x.file, Sheet: x.sheet, Row: x.num, Col: -1}, Err: ErrCorrupt,
			Msg: "has a cell beyond column XFD; the file is damaged"}
	}
	x.buf = x.buf[:0]
	var hasV, hasF, inV, inIS, inT bool
	depth, phonetic := 0, 0
	for {
		tok, err := x.dec.RawToken()
		if err != nil {
			return col, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "v":
				inV, hasV = true, true
			case "f":
				hasF = true
			case "is":
				inIS, hasV = true, true
			case "t":
				inT = inIS && phonetic == 0
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			if depth == 0 {
				// </c>
				return col, x.setCell(col, typ, hasV, hasF)
			}
			depth--
			switch t.Name.Local {
			case "v":
				inV = false
			case "t":
				inT = false
			case "is":
				inIS = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inV || inT {
				x.buf = append(x.buf, t...)
				if !checkText(x.buf, x.opts.MaxCellText, false) {
					return col, x.tooLong(col)
				}
			}
		}
	}
}

func (x *xlsxRows) tooLong(col int) error {
	return &Error{Pos: Pos{File: x.file, Sheet: x.sheet, Row: x.num, Col: col}, Err: ErrTooLarge,
		Msg: fmt.Sprintf("holds more than %s characters, more than a cell can hold; this is not a normal workbook", commas(int64(x.opts.MaxCellText)))}
}

func (x *xlsxRows) setCell(col int, typ string, hasV, hasF bool) error {
	if !checkText(x.buf, x.opts.MaxCellText, true) {
		return x.tooLong(col)
	}
	var v string
	switch typ {
	case "s":
		if !hasV {
			break
		}
		i, ok := atoi(bytes.TrimSpace(x.buf))
		if !ok || i >= len(x.sst) {
			return &Error{Pos: Pos{File: x.file, Sheet: x.sheet, Row: x.num, Col: col}, Err: ErrCorrupt,
				Msg: fmt.Sprintf("refers to shared string %q, which the workbook does not have; the file is damaged", x.buf)}
		}
		v = x.sst[i]
	case "b":
		switch string(x.buf) {
		case "1":
			v = "TRUE"
		case "0":
			v = "FALSE"
		default:
			v = x.str()
		}
	case "inlineStr", "str":
		v = unescapeOOXML(x.str())
	default:
		v = x.str()
	}
	if hasF && !hasV {
		x.unc = append(x.unc, col)
	}
	x.set(col, v)
	return nil
}

func (x *xlsxRows) set(col int, v string) {
	if n := len(x.cellv); col >= n {
		x.cellv = slices.Grow(x.cellv, col+1-n)[:col+1]
		clear(x.cellv[n:col])
	}
	x.cellv[col] = v
}

func (x *xlsxRows) str() string {
	switch len(x.buf) {
	case 0:
		return ""
	case 1:
		if x.buf[0] < 0x80 {
			return asciiStrings[x.buf[0]]
		}
	}
	return string(x.buf)
}

func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// applyMerges gives every cell of the row that a merged range covers the
// value of the range's top-left cell. The ranges covering the row are kept
// disjoint and ordered by column: a range that overlaps one met before is
// dropped (Excel repairs such a file the same way), so that the work per
// row is at most the row's width plus the ranges starting on it.
func (x *xlsxRows) applyMerges() {
	x.width = max(x.width, len(x.cellv))
	if len(x.active) == 0 && (x.nextMerge == len(x.merges) || x.merges[x.nextMerge].Top > x.num) {
		return
	}
	x.updateActive()
	width := x.width
	if x.columns > 0 {
		width = min(width, x.columns)
	}
	for _, m := range x.active {
		if m.Top == x.num {
			m.value = ""
			if m.Left < len(x.cellv) {
				m.value = x.cellv[m.Left]
			}
		}
		right := min(m.Right, width-1)
		for c := m.Left; c <= right; c++ {
			if x.num == m.Top && c == m.Left {
				continue
			}
			x.set(c, m.value)
		}
	}
}

// updateActive drops the ranges that ended above the row and merges in
// those that start on it (or started on a row the file does not hold).
func (x *xlsxRows) updateActive() {
	start := x.nextMerge
	for x.nextMerge < len(x.merges) && x.merges[x.nextMerge].Top <= x.num {
		x.nextMerge++
	}
	fresh := x.merges[start:x.nextMerge]
	if len(fresh) > 1 {
		slices.SortFunc(fresh, func(a, b mergeState) int { return cmp.Compare(a.Left, b.Left) })
	}
	out := x.spare[:0]
	keep := func(m *mergeState) {
		if m.Bottom < x.num || (x.columns > 0 && m.Left >= x.columns) {
			return
		}
		if n := len(out); n > 0 && out[n-1].Right >= m.Left {
			// Overlaps the range kept last: the one listed first stays.
			// (m cannot reach the one before, which ends left of out[n-1].)
			if out[n-1].order < m.order {
				return
			}
			out = out[:n-1]
		}
		out = append(out, m)
	}
	i, j := 0, 0
	for i < len(x.active) || j < len(fresh) {
		if j == len(fresh) || (i < len(x.active) && x.active[i].Left <= fresh[j].Left) {
			keep(x.active[i])
			i++
		} else {
			keep(&fresh[j])
			j++
		}
	}
	x.spare, x.active = x.active[:0], out
}
func (x *xlsxRows) row() int          { return x.num }
func (x *xlsxRows) line() int         { return 0 }
func (x *xlsxRows) cells() []string   { return x.cellv }
func (x *xlsxRows) hidden() bool      { return x.hid }
func (x *xlsxRows) uncached() []int   { return x.unc }
func (x *xlsxRows) fieldLine(int) int { return 0 }
func (x *xlsxRows) err() error        { return x.e }

func (x *xlsxRows) colHidden(col int) bool {
	for _, r := range x.meta.hiddenCols {
		if col >= r.Left && col <= r.Right {
			return true
		}
	}
	return false
}

func (x *xlsxRows) merged() bool { return len(x.active) > 0 }

// sizeHint trusts the sheet's <dimension> only as far as its XML size
// allows (a row of a roster takes more than 64 bytes). Without a dimension
// it extrapolates from the XML read so far, once a thousand rows are in.
func (x *xlsxRows) sizeHint() int {
	most := int(x.partSize / 64)
	switch {
	case x.meta.dimRows > 0:
		return min(x.meta.dimRows, most)
	case x.num >= 1000 && x.counter.n > 0:
		return min(int(x.partSize*int64(x.num)/x.counter.n), most)
	}
	return 0
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// merge finds the range covering col in the current row: the ranges are
// disjoint and ordered by column.
func (x *xlsxRows) merge(col int) (Range, bool) {
	i, _ := slices.BinarySearchFunc(x.active, col, func(m *mergeState, col int) int { return cmp.Compare(m.Left, col+1) })
	if i == 0 {
		return Range{}, false
	}
	if m := x.active[i-1]; m.Top <= x.num && x.num <= m.Bottom && col <= m.Right {
		return m.Range, true
	}
	return Range{}, false
}

func (x *xlsxRows) setColumns(n int) { x.columns = n }

func (x *xlsxRows) close() error {
	x.done = true
	if x.rc != nil {
		rc := x.rc
		x.rc = nil
		return rc.Close()
	}
	return nil
}
