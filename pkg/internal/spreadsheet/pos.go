package spreadsheet

import (
	"fmt"
	"strconv"
	"strings"
)

// Error is a problem at a position in a table file.
type Error struct {
	Pos Pos
	Msg string
	Err error // the cause, for errors.Is; may be nil
}

func (e *Error) Error() string {
	if p := e.Pos.String(); p != "" {
		return p + ": " + e.Msg
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Pos is where a cell, a row or a file is.
type Pos struct {
	File  string
	Sheet string // "" for CSV
	// Row is the 1-based sheet row (xlsx) or record number (CSV); 0 for
	// the file or sheet as a whole.
	Row int
	// Col is the 0-based column index; -1 for a whole row.
	Col int
	// Line is the 1-based line of the field (CSV); 0 for xlsx.
	Line int
	// Header is the column's header, used for CSV ("column "2.3"").
	Header string
}

// String formats p for messages: `team.xlsx: sheet "Roster", cell F7`,
// `team.csv: line 12, column "2.3"`, `team.xlsx: sheet "Roster", row 7`.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	sep := func() {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
	}
	if p.Sheet != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		fmt.Fprintf(&b, "sheet %q", p.Sheet)
		if p.Row > 0 {
			sep()
			if p.Col >= 0 {
				b.WriteString("cell " + CellName(p.Row, p.Col))
			} else {
				b.WriteString("row " + strconv.Itoa(p.Row))
			}
		}
		return b.String()
	}
	if p.Line > 0 || p.Row > 0 {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		if p.Line > 0 {
			b.WriteString("line " + strconv.Itoa(p.Line))
		} else {
			b.WriteString("record " + strconv.Itoa(p.Row))
		}
		if p.Col >= 0 {
			sep()
			if p.Header != "" {
				fmt.Fprintf(&b, "column %q", p.Header)
			} else {
				b.WriteString("column " + strconv.Itoa(p.Col+1))
			}
		}
	}
	return b.String()
}

// ColumnName returns the spreadsheet letters of a 0-based column: 0 → "A".
func ColumnName(col int) string {
	if col < 0 {
		return "?"
	}
	var buf [8]byte
	i := len(buf)
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		i--
		buf[i] = byte('A' + (n-1)%26)
	}
	return string(buf[i:])
}

// CellName returns the A1-style name of a 1-based row and 0-based column.
func CellName(row, col int) string { return ColumnName(col) + strconv.Itoa(row) }

// Range is a rectangle of cells: rows 1-based, columns 0-based, inclusive.
type Range struct {
	Top, Left, Bottom, Right int
}
