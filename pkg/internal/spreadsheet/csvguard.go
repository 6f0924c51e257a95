package spreadsheet

import (
	"fmt"
	"io"
)

// csvGuard sits under encoding/csv, which holds a whole record in memory
// however long it is: it follows the quoting of the decoded text and fails
// on a record of more than maxRecord bytes or maxFields fields, before
// encoding/csv has read that much. Its errors come after the records
// before the bad one have been passed on.
type csvGuard struct {
	r                    io.Reader
	name                 string
	delim                byte
	maxRecord, maxFields int

	inQuote bool
	size    int // bytes of the current record so far
	fields  int // fields of the current record so far
	line    int // line of the next byte (1-based)
	start   int // line where the current record starts
	err     error
}

func newCSVGuard(r io.Reader, name string, delim rune, maxRecord, maxFields int) *csvGuard {
	return &csvGuard{r: r, name: name, delim: byte(delim), maxRecord: maxRecord, maxFields: maxFields, line: 1, start: 1, fields: 1}
}

func (g *csvGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for i, c := range p[:n] {
		g.size++
		switch c {
		case '"':
			g.inQuote = !g.inQuote
		case '\n':
			g.line++
			if !g.inQuote {
				g.size, g.fields, g.start = 0, 1, g.line
				continue
			}
		case g.delim:
			if !g.inQuote {
				g.fields++
			}
		}
		if g.size > g.maxRecord || g.fields > g.maxFields {
			g.err = g.fail()
			return i, nil
		}
	}
	return n, err
}

func (g *csvGuard) fail() error {
	pos := Pos{File: g.name, Line: g.start, Col: -1}
	var msg string
	switch {
	case g.fields > g.maxFields:
		msg = fmt.Sprintf("has more than %s fields, the most columns a sheet can hold; check the delimiter, or delete the empty fields at the end of the line", commas(int64(g.maxFields)))
	case g.inQuote:
		msg = fmt.Sprintf("a quoted field that starts here is still open after %s; close it with a quote, and double every quote inside it (\"\")", sizeString(int64(g.maxRecord)))
	default:
		msg = fmt.Sprintf("has a line of more than %s, far more than a roster's row; this is not a normal CSV file", sizeString(int64(g.maxRecord)))
	}
	return &Error{Pos: pos, Err: ErrTooLarge, Msg: msg}
}

// evenReader passes UTF-16 bytes on and fails at the end when their number
// is odd: the last character is cut in half, so the file is truncated, and
// a decoder would make it a replacement character (a phantom row).
type evenReader struct {
	r    io.Reader
	name string
	n    int64
}

func (e *evenReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	e.n += int64(n)
	if err == io.EOF && e.n%2 == 1 {
		err = &Error{Pos: Pos{File: e.name}, Err: ErrCorrupt,
			Msg: "ends in the middle of a character: it is UTF-16 text, which has an even number of bytes, but has an odd number; the file is truncated or damaged (export it again, or save it as CSV UTF-8)"}
	}
	return n, err
}
