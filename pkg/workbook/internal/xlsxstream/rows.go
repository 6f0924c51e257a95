package xlsxstream

import (
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// rowEncoder renders data rows as SpreadsheetML, as excelize's StreamWriter
// does (inline strings, numbers, style ids), at a fraction of its cost: the
// big sheets' data rows are rendered while the workbook is zipped and
// spliced into the sheets the StreamWriter wrote (see table).
type rowEncoder struct {
	w        io.Writer
	buf      []byte
	cols     [][]byte // column letters by index
	colStyle []int    // default style by column index (the column's style)
	num      []byte   // the number of the row being rendered
	styles   [][]byte // ` s="N"` by style id N, as far as used
	// last holds, by column, the last text rendered there and its XML,
	// which the next row often repeats (a person's name on each of their
	// gaps, a competence's name on each gap in it)
	last []lastText
}

// lastText is a text and the XML of the cell holding it, from its type on.
type lastText struct {
	s   string
	xml []byte
}

func newRowEncoder(w io.Writer, colStyle []int) *rowEncoder {
	return &rowEncoder{w: w, buf: make([]byte, 0, 64<<10), colStyle: colStyle}
}

func (e *rowEncoder) col(i int) []byte {
	for len(e.cols) <= i {
		e.cols = append(e.cols, []byte(ColName(len(e.cols)+1)))
	}
	return e.cols[i]
}

// appendStyle appends the attribute ` s="id"` of a style id (not 0).
func (e *rowEncoder) appendStyle(b []byte, id int) []byte {
	if id < 0 || id >= 1024 { // more styles than a report has: not kept
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(id), 10)
		return append(b, '"')
	}
	for len(e.styles) <= id {
		e.styles = append(e.styles, nil)
	}
	if e.styles[id] == nil {
		e.styles[id] = []byte(` s="` + strconv.Itoa(id) + `"`)
	}
	return append(b, e.styles[id]...)
}

// Height, as the last value of a row, sets the row's height in points
// (for wrapped text, which Excel and LibreOffice do not always fit on
// opening); it takes no cell.
type Height float64

// row renders row r with vals from column A: nil and "" leave a cell out;
// an excelize.Cell gives a style; ints, floats and strings are values; a
// last Height sets the row's height.
func (e *rowEncoder) row(r int, vals []any) error {
	e.num = strconv.AppendInt(e.num[:0], int64(r), 10)
	b := append(e.buf, `<row r="`...)
	b = append(b, e.num...)
	if n := len(vals); n > 0 {
		if h, ok := vals[n-1].(Height); ok {
			vals = vals[:n-1]
			b = append(b, `" ht="`...)
			b = strconv.AppendFloat(b, float64(h), 'f', -1, 64)
			b = append(b, `" customHeight="1`...)
		}
	}
	b = append(b, `">`...)
	for i, v := range vals {
		style := 0
		if i < len(e.colStyle) {
			style = e.colStyle[i]
		}
		if c, ok := v.(excelize.Cell); ok {
			if c.StyleID != 0 {
				style = c.StyleID
			}
			v = c.Value
		}
		if v == nil || v == "" {
			continue
		}
		b = append(b, `<c r="`...)
		b = append(b, e.col(i)...)
		b = append(b, e.num...)
		b = append(b, '"')
		if style != 0 {
			b = e.appendStyle(b, style)
		}
		switch x := v.(type) {
		case int:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, int64(x), 10)
			b = append(b, `</v></c>`...)
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) {
				x = 0
			}
			b = append(b, `><v>`...)
			b = strconv.AppendFloat(b, x, 'f', -1, 64)
			b = append(b, `</v></c>`...)
		case string:
			b = append(b, e.text(i, x)...)
		default:
			panic("report: unsupported cell value") // a programming error
		}
	}
	b = append(b, `</row>`...)
	if len(b) >= 60<<10 {
		if err := e.flush(b); err != nil {
			return err
		}
		b = b[:0]
	}
	e.buf = b
	return nil
}

// text returns the XML of a cell holding the text s in column i, from the
// cell's type on.
func (e *rowEncoder) text(i int, s string) []byte {
	for len(e.last) <= i {
		e.last = append(e.last, lastText{})
	}
	m := &e.last[i]
	if m.xml != nil && m.s == s {
		return m.xml
	}
	b := append(m.xml[:0], ` t="inlineStr"><is><t`...)
	if needsPreserve(s) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendText(b, s)
	m.s, m.xml = s, append(b, `</t></is></c>`...)
	return m.xml
}

func (e *rowEncoder) flush(b []byte) error {
	_, err := e.w.Write(b)
	return err
}

// close writes what is buffered.
func (e *rowEncoder) close() error {
	err := e.flush(e.buf)
	e.buf = e.buf[:0]
	return err
}

// needsPreserve reports whether a text starts or ends with white space,
// which XML would otherwise let go.
func needsPreserve(s string) bool {
	return s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1]))
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// appendText appends s as the text of an XML element in the way Excel reads
// it back unchanged: &, < and > escaped, CR as a character reference,
// control characters XML cannot hold as _xHHHH_, a literal "_xHHHH_" (or
// "_xHHHH" before such a control character) with its underscore escaped,
// and invalid UTF-8 and the non-characters U+FFFE
// and U+FFFF replaced.
func appendText(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !special[c] {
			continue
		}
		var rep string
		n := 1
		switch {
		case c == '&':
			rep = "&amp;"
		case c == '<':
			rep = "&lt;"
		case c == '>':
			rep = "&gt;"
		case c == '\r':
			rep = "&#xD;"
		case c < 0x20:
			rep = "_x00" + string("0123456789ABCDEF"[c>>4]) + string("0123456789ABCDEF"[c&15]) + "_"
		case c == '_':
			if !isEscape(s[i:]) {
				continue
			}
			rep = "_x005F_"
		default: // a byte ≥ 0x80: check the UTF-8 sequence
			r, size := utf8.DecodeRuneInString(s[i:])
			if !(r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF) {
				i += size - 1
				continue
			}
			rep, n = "\uFFFD", size
		}
		b = append(b, s[start:i]...)
		b = append(b, rep...)
		i += n - 1
		start = i + 1
	}
	return append(b, s[start:]...)
}

// special marks the bytes appendText looks at.
var special = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n'
	}
	for _, c := range []byte("&<>_") {
		t[c] = true
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = true
	}
	return t
}()

// isEscape reports whether s starts with what Excel would read as an
// escaped character once written: _xHHHH_, or _xHHHH before a control
// character (which appendText writes as _xHHHH_, starting with the "_"
// that completes the first).
func isEscape(s string) bool {
	if len(s) < 7 || s[1] != 'x' || !(s[6] == '_' || s[6] < 0x20 && special[s[6]] && s[6] != '\r') {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
