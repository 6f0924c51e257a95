package workbook

import (
	"bytes"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// table is one table of the report spread over a planned series of sheets:
// when a sheet is full the rows continue on the next, below its own header.
//
// Each sheet is written with excelize's StreamWriter: column widths and
// styles, panes, the header rows, merged cells, comments, conditional
// formats and the autofilter. The data rows (up to a million a sheet) are
// not passed through StreamWriter.SetRow, which costs about 350 ns a cell
// and keeps up to 32 MB a sheet in memory until the workbook is written:
// rowEncoder renders them while the workbook is zipped, straight into the
// compressor, before the sheet's </sheetData>. Their number is known in
// advance, so conditional formats and autofilters get their final ranges
// before the sheet is flushed.
type table struct {
	b     *builder
	names []string // the sheets, in order
	n     int      // data rows in all
	// head sets up a new sheet (column widths and styles, panes, header
	// rows, comments) and returns the number of header rows it wrote.
	head func(sw *excelize.StreamWriter, sheet string) (int, error)
	// rows writes the data rows lo..hi-1 (0-based over the whole table)
	// with add.
	rows func(lo, hi int, add func([]any) error) error
	// tail adds what needs the final row count (conditional formats,
	// autofilter); first and last are the sheet's data rows (last < first
	// when there are none).
	tail func(sw *excelize.StreamWriter, sheet string, first, last int) error

	colStyle []int // the style of each column, set by head through setColStyle
}

// splice is the data of one sheet: rows lo..hi-1 of a table, from row first.
type splice struct {
	t      *table
	lo, hi int
	first  int
}

// newTable adds a table of n data rows over the sheets names.
func (b *builder) newTable(names []string, n int) *table {
	t := &table{b: b, names: names, n: n}
	b.tables = append(b.tables, t)
	return t
}

// setColStyle sets the style of columns lo..hi (1-based) for the header
// and the data rows.
func (t *table) setColStyle(sw *excelize.StreamWriter, lo, hi, style int) error {
	for len(t.colStyle) < hi {
		t.colStyle = append(t.colStyle, 0)
	}
	for c := lo; c <= hi; c++ {
		t.colStyle[c-1] = style
	}
	return sw.SetColStyle(lo, hi, style)
}

// write creates the table's sheets with their headers and registers their
// data rows for the zip writer.
func (t *table) write() error {
	lo := 0
	for i, sheet := range t.names {
		sw, err := t.b.f.NewStreamWriter(sheet)
		if err != nil {
			return err
		}
		head := 0
		if t.head != nil {
			if head, err = t.head(sw, sheet); err != nil {
				return err
			}
		}
		per := t.b.lim.Rows - head
		hi := min(t.n, lo+per)
		if i == len(t.names)-1 && hi < t.n {
			return fmt.Errorf("report: internal error: more rows than planned for sheet %q", t.names[0])
		}
		if t.tail != nil {
			if err := t.tail(sw, sheet, head+1, head+hi-lo); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		t.b.splices[sheet] = &splice{t: t, lo: lo, hi: hi, first: head + 1}
		lo = hi
	}
	return nil
}

// render writes the splice's rows to w.
func (s *splice) render(w io.Writer) error {
	e := newRowEncoder(w, s.t.colStyle)
	r := s.first
	if s.hi > s.lo {
		err := s.t.rows(s.lo, s.hi, func(vals []any) error {
			err := e.row(r, vals)
			r++
			return err
		})
		if err != nil {
			return err
		}
	}
	if r != s.first+s.hi-s.lo {
		return fmt.Errorf("report: internal error: %d rows written for %d", r-s.first, s.hi-s.lo)
	}
	return e.close()
}

// writeTables writes every table, in workbook order.
func (b *builder) writeTables() error {
	for _, t := range b.tables {
		if err := t.write(); err != nil {
			return err
		}
	}
	return nil
}

var sheetDataEnd = []byte("</sheetData>")

// spliceRows returns the transformation of the zip part of a sheet with
// data rows: the rows go before its </sheetData>.
func (b *builder) spliceRows() map[string]func(data []byte, w io.Writer) error {
	out := map[string]func([]byte, io.Writer) error{}
	for id, name := range b.f.GetSheetMap() {
		s, ok := b.splices[name]
		if !ok {
			continue
		}
		out[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = func(data []byte, w io.Writer) error {
			i := bytes.LastIndex(data, sheetDataEnd)
			if i < 0 {
				return fmt.Errorf("report: internal error: sheet %q has no sheetData", name)
			}
			if _, err := w.Write(data[:i]); err != nil {
				return err
			}
			if err := s.render(w); err != nil {
				return err
			}
			_, err := w.Write(data[i:])
			return err
		}
	}
	return out
}
