package spreadsheet

import "errors"

// rowSource is the format-specific part of Rows.
type rowSource interface {
	next() bool
	row() int
	line() int
	cells() []string
	hidden() bool
	colHidden(col int) bool
	merge(col int) (Range, bool)
	merged() bool
	sizeHint() int
	fieldLine(col int) int
	uncached() []int
	setColumns(n int)
	err() error
	close() error
}

// Rows iterates over the non-blank rows of a sheet or CSV file:
//
//	for rows.Next() { use(rows.Cells()) }
//	if err := rows.Err(); err != nil { … }
//
// Rows the file does not hold (or CSV lines that are empty) are not
// returned; Row says which row each one is.
type Rows struct {
	file  string
	sheet string
	src   rowSource
	err   error
}

// Next advances to the next row; it returns false at the end or on error.
func (r *Rows) Next() (ok bool) {
	if r.err != nil {
		return false
	}
	defer func() {
		if p := recover(); p != nil {
			r.err, ok = panicError(r.file, p), false
		}
	}()
	if !r.src.next() {
		r.err = r.src.err()
		return false
	}
	return true
}

// Sheet is the sheet being read; "" for CSV.
func (r *Rows) Sheet() string { return r.sheet }

// Row is the current row's 1-based number (xlsx) or record number (CSV).
func (r *Rows) Row() int { return r.src.row() }

// Line is the line where the current CSV record starts; 0 for xlsx.
func (r *Rows) Line() int { return r.src.line() }

// Cells are the current row's values by 0-based column; trailing blank
// cells may be missing. The slice is reused by the next call to Next.
func (r *Rows) Cells() []string { return r.src.cells() }

// Hidden reports whether the current row is hidden (xlsx).
func (r *Rows) Hidden() bool { return r.src.hidden() }

// ColHidden reports whether a 0-based column of the sheet is hidden (xlsx).
func (r *Rows) ColHidden(col int) bool { return r.src.colHidden(col) }

// Merge returns the merged range covering the current row's cell in col,
// if any. Cells holds the range's top-left value in every cell it covers.
func (r *Rows) Merge(col int) (Range, bool) { return r.src.merge(col) }

// SetColumns says that only the first n columns are of interest (the
// columns a header row names): merged ranges are no longer copied into the
// columns beyond, and ranges that start beyond are ignored. Cells still
// holds what the file has there.
func (r *Rows) SetColumns(n int) {
	if n > 0 {
		r.src.setColumns(n)
	}
}

// Merged reports whether a merged range covers any cell of the current row.
func (r *Rows) Merged() bool { return r.src.merged() }

// Covered reports whether the current row's cell in col is covered by a
// merged range without being its top-left cell: its value is a copy.
func (r *Rows) Covered(col int) bool {
	if !r.src.merged() {
		return false
	}
	m, ok := r.src.merge(col)
	return ok && (m.Top != r.src.row() || m.Left != col)
}

// SizeHint estimates how many rows the sheet or file has (from the sheet's
// stated dimension, or from a CSV file's size); 0 when unknown. It is a
// hint for allocation, not a count.
func (r *Rows) SizeHint() int { return max(r.src.sizeHint(), 0) }

// Uncached lists the 0-based columns of the current row holding a formula
// without a saved result: their value is "" (the file was written by a
// program that does not calculate; opening and saving it in Excel helps).
func (r *Rows) Uncached() []int { return r.src.uncached() }

// Pos returns the position of a cell of the current row; col -1 for the
// row as a whole.
func (r *Rows) Pos(col int) Pos {
	p := Pos{File: r.file, Sheet: r.sheet, Row: r.src.row(), Col: col}
	if r.sheet == "" {
		p.Line = r.src.fieldLine(col)
	}
	return p
}

// restart reports whether the rows handed on so far should be read again
// because merged ranges, found at the sheet's end, cover some of them. When
// the caller stopped early, the rest of the sheet is read (not handed on)
// to find the ranges.
func (r *Rows) restart() bool {
	x, ok := r.src.(*xlsxRows)
	switch {
	case !ok || x.known:
		return false
	case errors.Is(r.err, ErrRestart):
		return true
	case r.err != nil || x.phase == phaseDone || x.maxRow == 0:
		return false
	}
	seen := x.maxRow
	for r.Next() {
	}
	if r.err != nil && !errors.Is(r.err, ErrRestart) {
		return false
	}
	return len(x.found) > 0 && x.found[0].Top <= seen
}

// Err returns the error that ended the iteration, if any.
func (r *Rows) Err() error { return r.err }

// Close releases the rows; it is safe to call more than once.
func (r *Rows) Close() error {
	if r.src == nil {
		return nil
	}
	err := r.src.close()
	return err
}
