// Package xlsxstream writes the big sheets of huller's workbooks fast and
// deterministically, on top of excelize.
//
// A Table is one table spread over a planned series of sheets: when a sheet
// is full the rows continue on the next, below its own header. Each sheet is
// set up with excelize's StreamWriter (column widths and styles, panes, the
// header rows, merged cells, comments, conditional formats, the autofilter),
// but the data rows (up to a million a sheet) are not passed through
// StreamWriter.SetRow, which costs about 350 ns a cell and keeps up to 32 MB
// a sheet in memory until the workbook is written: a row encoder renders
// them while the workbook is zipped, straight into the compressor, before
// the sheet's </sheetData>. Their number is known in advance, so conditional
// formats and autofilters get their final ranges before the sheet is
// flushed.
//
// Book.WriteTo writes the workbook through a zip writer that makes its bytes
// depend on its content only (parts in name order, no timestamps, sorted
// content types), deflating on every core.
//
// This is the one place that knows excelize's internals: the part names of
// worksheets (xl/worksheets/sheetN.xml) and that a streamed sheet ends in
// </sheetData>.
package xlsxstream

import (
	"bytes"
	"fmt"
	"io"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// Book streams the tables of one excelize workbook.
type Book struct {
	f       *excelize.File
	maxRows int
	tables  []*Table
	splices map[string]*splice
	// chunkSize and memLimit replace the zip writer's defaults when set
	// (tests)
	chunkSize, memLimit int
}

// New returns a Book for f whose sheets hold at most maxRows rows each.
func New(f *excelize.File, maxRows int) *Book {
	return &Book{f: f, maxRows: maxRows, splices: map[string]*splice{}}
}

// Table is a table of N data rows over the sheets Names. Set Head, Rows
// and Tail before Book.WriteTables.
type Table struct {
	names []string // the sheets, in order
	n     int      // data rows in all
	// Head sets up a new sheet (column widths and styles, panes, header
	// rows, comments) and returns the number of header rows it wrote.
	Head func(sw *excelize.StreamWriter, sheet string) (int, error)
	// Rows writes the data rows lo..hi-1 (0-based over the whole table)
	// with add: one call of add per row, values from column A (nil and ""
	// leave a cell out; an excelize.Cell gives a style; ints, floats and
	// strings are values; a last Height sets the row's height).
	Rows func(lo, hi int, add func([]any) error) error
	// Tail adds what needs the final row count (conditional formats,
	// autofilter); first and last are the sheet's data rows (last < first
	// when there are none).
	Tail func(sw *excelize.StreamWriter, sheet string, first, last int) error

	colStyle []int // the style of each column, set by Head through SetColStyle
}

// splice is the data of one sheet: rows lo..hi-1 of a table, from row first.
type splice struct {
	t      *Table
	lo, hi int
	first  int
}

// AddTable adds a table of n data rows over the sheets names (which must
// exist in the workbook).
func (bk *Book) AddTable(names []string, n int) *Table {
	t := &Table{names: names, n: n}
	bk.tables = append(bk.tables, t)
	return t
}

// SetColStyle sets the style of columns lo..hi (1-based) for the header
// and the data rows.
func (t *Table) SetColStyle(sw *excelize.StreamWriter, lo, hi, style int) error {
	for len(t.colStyle) < hi {
		t.colStyle = append(t.colStyle, 0)
	}
	for c := lo; c <= hi; c++ {
		t.colStyle[c-1] = style
	}
	return sw.SetColStyle(lo, hi, style)
}

// WriteTables creates every table's sheets with their headers and registers
// their data rows for WriteTo, in the order the tables were added.
func (bk *Book) WriteTables() error {
	for _, t := range bk.tables {
		if err := bk.write(t); err != nil {
			return err
		}
	}
	return nil
}

func (bk *Book) write(t *Table) error {
	lo := 0
	for i, sheet := range t.names {
		sw, err := bk.f.NewStreamWriter(sheet)
		if err != nil {
			return err
		}
		head := 0
		if t.Head != nil {
			if head, err = t.Head(sw, sheet); err != nil {
				return err
			}
		}
		hi := min(t.n, lo+bk.maxRows-head)
		if i == len(t.names)-1 && hi < t.n {
			return fmt.Errorf("internal error: more rows than planned for sheet %q", t.names[0])
		}
		if t.Tail != nil {
			if err := t.Tail(sw, sheet, head+1, head+hi-lo); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		bk.splices[sheet] = &splice{t: t, lo: lo, hi: hi, first: head + 1}
		lo = hi
	}
	return nil
}

// render writes the splice's rows to w.
func (s *splice) render(w io.Writer) error {
	e := newRowEncoder(w, s.t.colStyle)
	r := s.first
	if s.hi > s.lo {
		err := s.t.Rows(s.lo, s.hi, func(vals []any) error {
			err := e.row(r, vals)
			r++
			return err
		})
		if err != nil {
			return err
		}
	}
	if r != s.first+s.hi-s.lo {
		return fmt.Errorf("internal error: %d rows written for %d", r-s.first, s.hi-s.lo)
	}
	return e.close()
}

var sheetDataEnd = []byte("</sheetData>")

// spliceRows returns the transformation of the zip part of a sheet with
// data rows: the rows go before its </sheetData>.
func (bk *Book) spliceRows() map[string]func(data []byte, w io.Writer) error {
	out := map[string]func([]byte, io.Writer) error{}
	for id, name := range bk.f.GetSheetMap() {
		s, ok := bk.splices[name]
		if !ok {
			continue
		}
		out[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = func(data []byte, w io.Writer) error {
			i := bytes.LastIndex(data, sheetDataEnd)
			if i < 0 {
				return fmt.Errorf("internal error: sheet %q has no sheetData", name)
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

// WriteTo writes the workbook to w, the tables' data rows spliced in,
// deflated at level (flate.BestSpeed when 0) with compressed parts beyond
// 8 MB kept in a temporary file in tmpDir ("" for the system's).
func (bk *Book) WriteTo(w io.Writer, level int, tmpDir string) error {
	if level == 0 {
		level = flate.BestSpeed
	}
	if level < flate.HuffmanOnly || level > flate.BestCompression {
		return fmt.Errorf("compression level %d is not between %d and %d", level, flate.HuffmanOnly, flate.BestCompression)
	}
	var zerr error
	bk.f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		// excelize hands over an in-memory buffer; write straight to w
		// instead and leave its buffer empty.
		z := newSortedZip(w, level, tmpDir, bk.spliceRows())
		if bk.chunkSize > 0 {
			z.chunkSize = bk.chunkSize
		}
		if bk.memLimit > 0 {
			z.memLimit = bk.memLimit
		}
		return zipErr{z, &zerr}
	})
	if _, err := bk.f.WriteToBuffer(); err != nil {
		return err
	}
	return zerr
}

// zipErr records the error of Close, which excelize's WriteToBuffer returns
// too; kept so that WriteTo can tell write errors from build errors.
type zipErr struct {
	*sortedZip
	err *error
}

func (z zipErr) Close() error {
	err := z.sortedZip.Close()
	*z.err = err
	return err
}

// ColName returns the letters of column col (1-based): 1 is A, 27 is AA.
func ColName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}
