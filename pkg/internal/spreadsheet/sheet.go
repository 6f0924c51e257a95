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
	"strings"

	"github.com/huller/huller/pkg/limits"
)

// A sheet's XML is read in one pass, token by token: the part before
// <sheetData> (hidden columns, the stated dimension), the rows, and the
// part after (merged ranges). Merged ranges come after the cells they
// cover, so a first reading of a sheet cannot apply them: when it finds
// ranges covering rows already handed on, it ends with ErrRestart, and
// the next reading of the sheet (File.Read does it) applies them from the
// first row. Most large rosters, exported by programs, merge nothing and
// are read once.

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

const (
	phaseHead = iota
	phaseRows
	phaseDone
)

// cellType is a cell's t attribute, as far as it matters.
type cellType uint8

const (
	typeOther  cellType = iota
	typeShared          // s
	typeBool            // b
	typeString          // inlineStr, str
)

// xlsxRows streams the rows of a sheet.
type xlsxRows struct {
	file, sheet, part string
	partSize          int64 // uncompressed size of the sheet XML
	tok               tokenizer
	bt                *byteTokenizer // tok, when it is the byte scanner
	stream            io.Reader      // under tok, to read to the end after a malformed tail
	closer            io.Closer
	sst               *sstTable
	opts              Options
	remember          func([]Range) // keeps the merged ranges found for the next reading

	phase     int
	hiddenCol []Range // Left/Right only
	dimRows   int     // rows the <dimension> claims; 0 when absent
	num       int     // the current row
	maxRow    int     // the highest row handed on
	count     int     // rows read
	cellCount int64   // cells handed on, counted against opts.MaxSheetCells
	cellv     []string
	hid       bool
	unc       []int
	buf       []byte
	e         error

	known     bool         // the merged ranges are known from the start
	noRestart bool         // a reading that cannot be restarted (File.Rows)
	found     []Range      // the merged ranges found at the end (when not known)
	merges    []mergeState // sorted by Top, Left, Bottom, Right; no duplicates
	nextMerge int
	active    []*mergeState // covering the current row; disjoint, by Left
	spare     []*mergeState
	width     int // columns merged ranges fill: the widest row so far
	columns   int // columns of interest (SetColumns); 0 = all
}

// nextTok reads a token, calling the byte scanner directly when it is the
// tokenizer.
func (x *xlsxRows) nextTok() (*token, error) {
	if x.bt != nil {
		return x.bt.next()
	}
	return x.tok.next()
}

func (x *xlsxRows) fail(err error) bool {
	var te *Error
	var se *xml.SyntaxError
	switch {
	case errors.As(err, &te):
		x.e = te
	case isEncodingError(err):
		x.e = &Error{Pos: Pos{File: x.file, Sheet: x.sheet}, Err: ErrCorrupt, Msg: encodingMessage(x.part, err)}
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		x.e = &Error{Pos: Pos{File: x.file, Sheet: x.sheet}, Err: ErrCorrupt, Msg: "ends early: the file is truncated or damaged (open it in Excel, let it repair the file and save it again)"}
	case errors.As(err, &se):
		x.e = &Error{Pos: Pos{File: x.file, Sheet: x.sheet}, Err: ErrCorrupt,
			Msg: fmt.Sprintf("cannot be read: its XML is malformed at line %d of %s (%s); the file is damaged (open it in Excel, let it repair the file and save it again)", se.Line, x.part, se.Msg)}
	case isXMLError(err):
		x.e = &Error{Pos: Pos{File: x.file, Sheet: x.sheet}, Err: ErrCorrupt,
			Msg: fmt.Sprintf("cannot be read: %v; the file is damaged (open it in Excel, let it repair the file and save it again)", err)}
	default: // the zip: the part does not inflate, or not to its size and checksum
		x.e = &Error{Pos: Pos{File: x.file}, Err: ErrCorrupt,
			Msg: fmt.Sprintf("is damaged: part %s cannot be read (%v); open it in Excel, let Excel repair it and save it again", x.part, err)}
	}
	x.phase = phaseDone
	return false
}

func (x *xlsxRows) next() bool {
	switch x.phase {
	case phaseDone:
		return false
	case phaseHead:
		if !x.readHead() {
			return false
		}
	}
	for {
		tk, err := x.nextTok()
		if err != nil {
			return x.fail(err)
		}
		switch tk.kind {
		case tokStart:
			if string(tk.local) == "row" {
				return x.readRow(tk)
			}
		case tokEnd:
			if string(tk.local) == "sheetData" {
				x.readTail()
				return false
			}
		}
	}
}

// readHead reads up to <sheetData>: the hidden columns and the dimension.
func (x *xlsxRows) readHead() bool {
	for {
		at := x.tok.offset()
		if at > limits.SheetHead {
			return x.fail(&Error{Pos: Pos{File: x.file, Sheet: x.sheet}, Err: ErrTooLarge,
				Msg: fmt.Sprintf("has more than %s of XML before its cells (before <sheetData>), where real sheets have a few KB; this is not a normal workbook", sizeString(limits.SheetHead))})
		}
		tk, err := x.nextTok()
		if err == io.EOF {
			return x.fail(&Error{Pos: Pos{File: x.file}, Err: ErrCorrupt,
				Msg: fmt.Sprintf("is damaged: part %s cannot be read (the sheet has no <sheetData> element); open it in Excel, let Excel repair it and save it again", x.part)})
		}
		if err != nil {
			return x.fail(err)
		}
		if tk.kind != tokStart {
			continue
		}
		switch string(tk.local) {
		case "sheetData":
			x.phase = phaseRows
			x.hiddenCol = mergeHidden(x.hiddenCol)
			return true
		case "dimension":
			for _, a := range tk.attrs {
				if rg, ok := parseRange(a.value); ok && string(a.local) == "ref" {
					x.dimRows = rg.Bottom - rg.Top + 1
				}
			}
		case "col":
			lo, hi, hidden := 0, 0, false
			for _, a := range tk.attrs {
				switch string(a.local) {
				case "min":
					lo, _ = strconv.Atoi(string(a.value))
				case "max":
					hi, _ = strconv.Atoi(string(a.value))
				case "hidden":
					hidden = string(a.value) == "1" || string(a.value) == "true"
				}
			}
			if hidden && lo >= 1 && hi >= lo {
				x.hiddenCol = append(x.hiddenCol, Range{Left: lo - 1, Right: min(hi, maxColumns) - 1})
			}
		}
	}
}

// readTail reads what follows </sheetData> to the end: the merged ranges.
// Malformed XML there ends the list of ranges, as other programs read it,
// but the part is still read to its end for the zip's checks.
func (x *xlsxRows) readTail() {
	x.phase = phaseDone
	from := x.tok.offset()
	var found []Range
	for {
		tk, err := x.nextTok()
		if err == io.EOF {
			break
		}
		if err != nil {
			if !isXMLError(err) {
				x.fail(err)
				return
			}
			if _, err := io.Copy(io.Discard, x.stream); err != nil {
				x.fail(err)
				return
			}
			break
		}
		if x.tok.offset()-from > x.opts.MaxPart {
			x.fail(&Error{Pos: Pos{File: x.file, Sheet: x.sheet}, Err: ErrTooLarge, Msg: fmt.Sprintf("has more than %s of XML after its cells", sizeString(x.opts.MaxPart))})
			return
		}
		if tk.kind != tokStart || string(tk.local) != "mergeCell" {
			continue
		}
		for _, a := range tk.attrs {
			if string(a.local) != "ref" {
				continue
			}
			if rg, ok := parseRange(a.value); ok && (rg.Bottom > rg.Top || rg.Right > rg.Left) {
				found = append(found, rg)
			}
		}
		if len(found) > x.opts.MaxMerges {
			x.fail(&Error{Pos: Pos{File: x.file, Sheet: x.sheet}, Err: ErrTooLarge,
				Msg: fmt.Sprintf("has more than %s merged ranges, where a roster needs a few (titles, group headers, a team's cell over its members); this is not a normal workbook", commas(int64(x.opts.MaxMerges)))})
			return
		}
	}
	if x.known {
		return
	}
	found = sortRanges(found)
	x.remember(found)
	x.found = found
	if len(found) > 0 && found[0].Top <= x.maxRow && !x.noRestart {
		x.e = ErrRestart
	}
}

// isXMLError reports whether err is about the XML itself rather than the
// bytes under it (the zip, the guard).
func isXMLError(err error) bool {
	var se *xml.SyntaxError
	return errors.As(err, &se) || isEncodingError(err) || strings.HasPrefix(err.Error(), "xml: ")
}

func (x *xlsxRows) readRow(tk *token) bool {
	num := x.num + 1
	x.hid = false
	for _, a := range tk.attrs {
		switch string(a.local) {
		case "r":
			if n, ok := rowNumber(a.value); ok {
				num = n
			}
		case "hidden":
			x.hid = string(a.value) == "1" || string(a.value) == "true"
		}
	}
	x.num = num
	if x.count++; num > x.opts.MaxRows || x.count > x.opts.MaxRows {
		return x.fail(x.tooManyRows())
	}
	x.maxRow = max(x.maxRow, num)
	x.cellv = x.cellv[:0]
	x.unc = x.unc[:0]
	col := -1
	for {
		if x.bt != nil {
			if ref, typ, empty, ok := x.bt.cellStart(); ok {
				var err error
				if col, err = x.fastCell(ref, typ, empty, col+1); err != nil {
					return x.fail(err)
				}
				continue
			}
		}
		tk, err := x.nextTok()
		if err != nil {
			return x.fail(err)
		}
		switch tk.kind {
		case tokStart:
			if string(tk.local) == "c" {
				if col, err = x.readCell(tk, col+1); err != nil {
					return x.fail(err)
				}
			}
		case tokEnd:
			if string(tk.local) == "row" {
				x.applyMerges()
				if err := x.countCells(); err != nil {
					return x.fail(err)
				}
				return true
			}
		}
	}
}

// rowNumber reads a row's r attribute as strconv.Atoi does, accepting 1 to
// 2,097,152.
func rowNumber(b []byte) (int, bool) {
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		if b[0] == '-' {
			return 0, false
		}
		b = b[1:]
	}
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		if n = n*10 + int(c-'0'); n > 1<<21 {
			n = 1<<21 + 1 // past the range; keep checking the digits
		}
	}
	return n, n > 0 && n <= 1<<21
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

// readCell reads a cell from its start tag to its end.
func (x *xlsxRows) readCell(tk *token, col int) (int, error) {
	typ := typeOther
	for _, a := range tk.attrs {
		switch string(a.local) {
		case "r":
			c, err := x.cellRef(a.value)
			if err != nil {
				return col, err
			}
			col = c
		case "t":
			typ = cellTypeOf(a.value)
		}
	}
	if col >= maxColumns {
		return col, x.beyondXFD()
	}
	return col, x.cellBody(col, typ)
}

// fastCell reads a cell whose start tag the byte scanner read (its r and
// t attributes, nil when absent), as readCell does.
func (x *xlsxRows) fastCell(ref, typAttr []byte, empty bool, col int) (int, error) {
	if ref != nil {
		c, err := x.cellRef(ref)
		if err != nil {
			return col, err
		}
		col = c
	}
	typ := typeOther
	if typAttr != nil {
		typ = cellTypeOf(typAttr)
	}
	if col >= maxColumns {
		return col, x.beyondXFD()
	}
	if empty {
		x.buf = x.buf[:0]
		return col, x.setCell(col, typ, false, false)
	}
	if v, ok := x.bt.cellValue(); ok {
		x.buf = append(x.buf[:0], v...)
		return col, x.setCell(col, typ, true, false)
	}
	return col, x.cellBody(col, typ)
}

func (x *xlsxRows) cellRef(v []byte) (int, error) {
	c, _, ok := parseCellRef(v)
	if !ok {
		return 0, &Error{Pos: Pos{File: x.file, Sheet: x.sheet, Row: x.num, Col: -1}, Err: ErrCorrupt,
			Msg: fmt.Sprintf("has a cell named %q, which is no cell reference; the file is damaged", v)}
	}
	return c, nil
}

func cellTypeOf(v []byte) cellType {
	switch string(v) {
	case "s":
		return typeShared
	case "b":
		return typeBool
	case "inlineStr", "str":
		return typeString
	}
	return typeOther
}

func (x *xlsxRows) beyondXFD() error {
	return &Error{Pos: Pos{File: x.file, Sheet: x.sheet, Row: x.num, Col: -1}, Err: ErrCorrupt,
		Msg: "has a cell beyond column XFD; the file is damaged"}
}

// cellBody reads a cell's content, after its start tag, to its end: the
// first end tag at its own level, whatever its name.
func (x *xlsxRows) cellBody(col int, typ cellType) error {
	x.buf = x.buf[:0]
	var hasV, hasF, inV, inIS, inT bool
	depth, phonetic := 0, 0
	for {
		tk, err := x.nextTok()
		if err != nil {
			return err
		}
		switch tk.kind {
		case tokStart:
			depth++
			switch string(tk.local) {
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
		case tokEnd:
			if depth == 0 {
				// </c>
				return x.setCell(col, typ, hasV, hasF)
			}
			depth--
			switch string(tk.local) {
			case "v":
				inV = false
			case "t":
				inT = false
			case "is":
				inIS = false
			case "rPh":
				phonetic--
			}
		case tokText:
			if inV || inT {
				x.buf = append(x.buf, tk.text...)
				if !checkText(x.buf, x.opts.MaxCellText, false) {
					return x.tooLong(col)
				}
			}
		}
	}
}

func (x *xlsxRows) tooLong(col int) error {
	return &Error{Pos: Pos{File: x.file, Sheet: x.sheet, Row: x.num, Col: col}, Err: ErrTooLarge,
		Msg: fmt.Sprintf("holds more than %s characters, more than a cell can hold; this is not a normal workbook", commas(int64(x.opts.MaxCellText)))}
}

func (x *xlsxRows) setCell(col int, typ cellType, hasV, hasF bool) error {
	if !checkText(x.buf, x.opts.MaxCellText, true) {
		return x.tooLong(col)
	}
	var v string
	switch typ {
	case typeShared:
		if !hasV {
			break
		}
		i, ok := atoi(bytes.TrimSpace(x.buf))
		if !ok || i >= x.sst.len() {
			return &Error{Pos: Pos{File: x.file, Sheet: x.sheet, Row: x.num, Col: col}, Err: ErrCorrupt,
				Msg: fmt.Sprintf("refers to shared string %q, which the workbook does not have; the file is damaged", x.buf)}
		}
		v = x.sst.get(i)
	case typeBool:
		switch string(x.buf) {
		case "1":
			v = "TRUE"
		case "0":
			v = "FALSE"
		default:
			v = x.str()
		}
	case typeString:
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

// colHidden looks col up in the hidden columns, merged into disjoint
// ranges by column (a sheet's head may list a great many).
func (x *xlsxRows) colHidden(col int) bool {
	i, _ := slices.BinarySearchFunc(x.hiddenCol, col, func(r Range, col int) int { return cmp.Compare(r.Left, col+1) })
	return i > 0 && col <= x.hiddenCol[i-1].Right
}

// mergeHidden sorts the hidden columns and merges those that overlap.
func mergeHidden(rs []Range) []Range {
	slices.SortFunc(rs, func(a, b Range) int { return cmp.Compare(a.Left, b.Left) })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.Left <= out[n-1].Right+1 {
			out[n-1].Right = max(out[n-1].Right, r.Right)
			continue
		}
		out = append(out, r)
	}
	return out
}

func (x *xlsxRows) merged() bool { return len(x.active) > 0 }

// sizeHint trusts the sheet's <dimension> only as far as its XML size
// allows (a row of a roster takes more than 64 bytes), and not when the
// rows read already pass it (excelize's StreamWriter writes "A1"). Else it
// extrapolates from the XML read so far, once a thousand rows are in.
func (x *xlsxRows) sizeHint() int {
	most := int(x.partSize / 64)
	switch read := x.tok.offset(); {
	case x.dimRows > x.num:
		return min(x.dimRows, most)
	case x.num >= 1000 && read > 0:
		return min(int(x.partSize*int64(x.num)/read), most)
	}
	return 0
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
	x.phase = phaseDone
	if x.closer != nil {
		c := x.closer
		x.closer = nil
		return c.Close()
	}
	return nil
}
