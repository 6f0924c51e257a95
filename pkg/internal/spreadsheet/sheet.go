package spreadsheet

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
)

type mergeState struct {
	Range
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

	started, done bool
	num           int
	cellv         []string
	hid           bool
	unc           []int
	buf           []byte
	e             error

	merges    []mergeState
	nextMerge int
	active    []*mergeState
	width     int
}

func (x *xlsxRows) fail(err error) bool {
	var te *Error
	if errors.As(err, &te) {
		x.e = te
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
				return true
			}
		}
	}
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
			}
		}
	}
}

func (x *xlsxRows) setCell(col int, typ string, hasV, hasF bool) error {
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
	if col < len(x.cellv) {
		x.cellv[col] = v
		return
	}
	for len(x.cellv) < col {
		x.cellv = append(x.cellv, "")
	}
	x.cellv = append(x.cellv, v)
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
// value of the range's top-left cell.
func (x *xlsxRows) applyMerges() {
	x.width = max(x.width, len(x.cellv))
	for x.nextMerge < len(x.merges) && x.merges[x.nextMerge].Top <= x.num {
		x.active = append(x.active, &x.merges[x.nextMerge])
		x.nextMerge++
	}
	if len(x.active) == 0 {
		return
	}
	keep := x.active[:0]
	for _, m := range x.active {
		if m.Bottom >= x.num {
			keep = append(keep, m)
		}
	}
	x.active = keep
	for _, m := range x.active {
		if m.Top == x.num && m.Left < len(x.cellv) {
			m.value = x.cellv[m.Left]
		}
		right := min(m.Right, x.width-1)
		for c := m.Left; c <= right; c++ {
			if x.num == m.Top && c == m.Left {
				continue
			}
			x.set(c, m.value)
		}
	}
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

func (x *xlsxRows) merge(col int) (Range, bool) {
	for _, m := range x.active {
		if m.Top <= x.num && x.num <= m.Bottom && m.Left <= col && col <= m.Right {
			return m.Range, true
		}
	}
	return Range{}, false
}

func (x *xlsxRows) close() error {
	x.done = true
	if x.rc != nil {
		rc := x.rc
		x.rc = nil
		return rc.Close()
	}
	return nil
}
