// Package spreadsheet reads rows of cells from the spreadsheet files people bring:
// xlsx workbooks (streamed straight from the zip, one row at a time) and CSV
// text (delimiter and encoding sniffed). Every cell can say where it is, so
// that callers can report a problem as `team.xlsx: sheet "Roster", cell F7`
// or `team.csv: line 12, column "2.3"`.
package spreadsheet

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/huller/huller/pkg/limits"
)

// Format is the kind of a table file.
type Format int

// The formats Open recognises.
const (
	CSV Format = iota + 1
	XLSX
)

func (f Format) String() string {
	switch f {
	case CSV:
		return "csv"
	case XLSX:
		return "xlsx"
	}
	return "unknown"
}

// Source names an input: a file path, or a reader such as standard input.
type Source struct {
	// Name is how messages name the input; it defaults to Path, or "-".
	Name string
	// Path is the file to read when R is nil.
	Path string
	// R is read instead of Path when set (e.g. standard input). An xlsx
	// workbook from R is copied to a temporary file (up to
	// Options.MaxInput), which is removed at once.
	R io.Reader
}

// FileSource returns the Source of a path; "-" stands for r (standard input).
func FileSource(path string, stdin io.Reader) Source {
	if path == "-" {
		return Source{Name: "-", R: stdin}
	}
	return Source{Name: path, Path: path}
}

// DisplayName is the name messages use for the source.
func (s Source) DisplayName() string {
	switch {
	case s.Name != "":
		return s.Name
	case s.Path != "":
		return s.Path
	}
	return "-"
}

// Options tune Open. The zero value is ready to use: every limit left at
// zero is the one package limits states (and the README lists).
type Options struct {
	MaxUnzipSize int64 // xlsx: total declared uncompressed size; 0 = limits.UnzipSize
	MaxRatio     int64 // xlsx: inflated/compressed size of a part over limits.RatioFloor; 0 = limits.Ratio
	MaxToken     int   // xlsx: longest run of XML between two '<'; 0 = limits.XMLToken
	MaxInput     int64 // xlsx from Source.R: bytes spooled; 0 = limits.Input
	MaxPart      int64 // xlsx: the shared-string table, and the XML after a sheet's cells; 0 = limits.Part

	MaxRows              int   // xlsx: rows of a sheet; 0 = limits.Rows
	MaxSheetCells        int64 // xlsx: cells handed on for a sheet, blanks and merged copies included; 0 = limits.SheetCells
	MaxMerges            int   // xlsx: merged ranges of a sheet; 0 = limits.MergedRanges
	MaxSharedStrings     int   // xlsx: entries of the shared-string table; 0 = limits.SharedStrings
	MaxSharedStringBytes int64 // xlsx: text of the shared-string table plus 16 bytes an entry; 0 = limits.SharedStringBytes
	MaxCellText          int   // characters of a cell or CSV field; 0 = limits.CellText
	MaxFields            int   // CSV: fields of a record; 0 = limits.Columns
	MaxRecord            int   // CSV: bytes of a record; 0 = limits.CSVRecord

	Delimiter rune // CSV: ',', ';' or '\t'; 0 = sniff

	// reference reads workbook XML with encoding/xml instead of the byte
	// scanner: slower, kept to test the scanner against.
	reference bool
}

func (o Options) withDefaults() Options {
	def := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	defInt := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MaxUnzipSize, limits.UnzipSize)
	def(&o.MaxRatio, limits.Ratio)
	defInt(&o.MaxToken, limits.XMLToken)
	def(&o.MaxInput, limits.Input)
	def(&o.MaxPart, limits.Part)
	defInt(&o.MaxRows, limits.Rows)
	def(&o.MaxSheetCells, limits.SheetCells)
	defInt(&o.MaxMerges, limits.MergedRanges)
	defInt(&o.MaxSharedStrings, limits.SharedStrings)
	def(&o.MaxSharedStringBytes, limits.SharedStringBytes)
	defInt(&o.MaxCellText, limits.CellText)
	defInt(&o.MaxFields, limits.Columns)
	defInt(&o.MaxRecord, limits.CSVRecord)
	return o
}

// Errors callers may test for with errors.Is.
var (
	// ErrNotSpreadsheet: the input is neither an xlsx workbook nor CSV text.
	ErrNotSpreadsheet = errors.New("not a spreadsheet")
	// ErrEncrypted: the workbook is password-protected.
	ErrEncrypted = errors.New("password-protected workbook")
	// ErrTooLarge: a size limit was exceeded (possibly a zip bomb).
	ErrTooLarge = errors.New("too large")
	// ErrCorrupt: the workbook's zip or XML is damaged.
	ErrCorrupt = errors.New("corrupt workbook")
	// ErrRestart ends the first reading of a sheet by File.Read when the
	// sheet's merged ranges, listed after its cells, cover rows already
	// handed on; File.Read then reads the sheet again, applying them from
	// the start. Callers of File.Read and File.Rows never see it.
	ErrRestart = errors.New("the sheet's merged ranges cover rows already read: read it again")
)

// Sheet is a worksheet of a workbook.
type Sheet struct {
	Name   string
	Hidden bool
	// Chart is true for a chart sheet, which holds no cells.
	Chart bool
}

// File is an opened table source.
type File struct {
	name   string
	format Format
	closer io.Closer
	csv    *csvFile
	xlsx   *xlsxFile
}

// Open opens src, recognising its format from its content (not its name):
// an xlsx workbook, or CSV text. It refuses other spreadsheets and binary
// files with a message that says what the file is and what to do.
func Open(src Source, opts Options) (f *File, err error) {
	opts = opts.withDefaults()
	name := src.DisplayName()
	defer recoverTo(&err, name)
	if src.R != nil {
		return openReader(name, src.R, opts)
	}
	fh, err := os.Open(src.Path)
	if err != nil {
		return nil, fileError(name, err)
	}
	st, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, fileError(name, err)
	}
	if st.IsDir() {
		fh.Close()
		return nil, &Error{Pos: Pos{File: name}, Msg: "is a folder, not a file"}
	}
	head := make([]byte, 8192)
	n, err := io.ReadFull(fh, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		fh.Close()
		return nil, fileError(name, err)
	}
	head = head[:n]
	if bytes.HasPrefix(head, oleMagic) {
		err := oleError(name, oleHead(fh, st.Size(), 64<<20))
		fh.Close()
		return nil, err
	}
	kind, err := sniff(name, head)
	if err != nil {
		fh.Close()
		return nil, err
	}
	if kind == XLSX {
		x, err := openXLSX(name, fh, st.Size(), opts)
		if err != nil {
			fh.Close()
			return nil, err
		}
		return &File{name: name, format: XLSX, closer: fh, xlsx: x}, nil
	}
	if _, err := fh.Seek(0, io.SeekStart); err != nil {
		fh.Close()
		return nil, fileError(name, err)
	}
	c, err := openCSV(name, fh, st.Size(), opts)
	if err != nil {
		fh.Close()
		return nil, err
	}
	return &File{name: name, format: CSV, closer: fh, csv: c}, nil
}

func openReader(name string, r io.Reader, opts Options) (*File, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(8192)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fileError(name, err)
	}
	kind, err := sniff(name, head)
	if err != nil {
		return nil, err
	}
	if kind == XLSX {
		sp, size, err := spool(name, br, opts.MaxInput)
		if err != nil {
			return nil, err
		}
		x, err := openXLSX(name, sp, size, opts)
		if err != nil {
			sp.Close()
			return nil, err
		}
		return &File{name: name, format: XLSX, closer: sp, xlsx: x}, nil
	}
	c, err := openCSV(name, br, 0, opts)
	if err != nil {
		return nil, err
	}
	return &File{name: name, format: CSV, csv: c}, nil
}

func fileError(name string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := err.Error()
	switch {
	case errors.Is(err, os.ErrNotExist):
		msg = "no such file"
	case errors.Is(err, os.ErrPermission):
		msg = "permission denied"
	}
	return &Error{Pos: Pos{File: name}, Msg: msg, Err: err}
}

// recoverTo turns a panic into an error naming the file; defer it directly.
func recoverTo(err *error, name string) {
	if p := recover(); p != nil {
		*err = panicError(name, p)
	}
}

func panicError(name string, p any) error {
	return &Error{Pos: Pos{File: name}, Err: ErrCorrupt,
		Msg: fmt.Sprintf("cannot be read (internal error: %v); please report this, with the file if you can share it", p)}
}

// Name is the file's name as messages show it.
func (f *File) Name() string { return f.name }

// Format is the file's format.
func (f *File) Format() Format { return f.format }

// Encoding is the text encoding of a CSV file as detected so far ("UTF-8",
// "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" or "Windows-1252"); "" for xlsx.
// A BOM-less file is UTF-8 until a byte shows otherwise.
func (f *File) Encoding() string {
	if f.csv == nil {
		return ""
	}
	return f.csv.encoding()
}

// Sheets lists the workbook's sheets in order; nil for CSV.
func (f *File) Sheets() []Sheet {
	if f.xlsx == nil {
		return nil
	}
	out := make([]Sheet, len(f.xlsx.sheets))
	for i, s := range f.xlsx.sheets {
		out[i] = s.Sheet
	}
	return out
}

// FindSheet returns the first worksheet whose name matches one of names,
// case-insensitively and ignoring surrounding spaces.
func (f *File) FindSheet(names ...string) (string, bool) {
	if f.xlsx == nil {
		return "", false
	}
	for _, n := range names {
		for _, s := range f.xlsx.sheets {
			if !s.Chart && strings.EqualFold(strings.TrimSpace(s.Name), strings.TrimSpace(n)) {
				return s.Name, true
			}
		}
	}
	return "", false
}

// FirstSheet returns the first visible worksheet (the first worksheet when
// all are hidden); "" for CSV or when the workbook has none.
func (f *File) FirstSheet() string {
	if f.xlsx == nil {
		return ""
	}
	first := ""
	for _, s := range f.xlsx.sheets {
		if s.Chart {
			continue
		}
		if !s.Hidden {
			return s.Name
		}
		if first == "" {
			first = s.Name
		}
	}
	return first
}

// Property returns a custom document property of a workbook (as set in
// Excel under File > Info > Properties > Advanced > Custom).
func (f *File) Property(name string) (string, bool, error) {
	if f.xlsx == nil {
		return "", false, nil
	}
	props, err := f.xlsx.properties()
	if err != nil {
		return "", false, err
	}
	v, ok := props[name]
	return v, ok, nil
}

// Rows starts reading a sheet (xlsx) or the file (CSV, sheet ""). A CSV
// file can be read once; a workbook's sheets any number of times. A sheet
// lists its merged ranges after its cells; Rows applies them from the first
// row, reading the sheet through once first to find them when they are not
// known yet. Read avoids that reading for sheets that merge nothing.
func (f *File) Rows(sheet string) (rows *Rows, err error) {
	if f.xlsx != nil {
		if err := f.learnMerges(sheet); err != nil {
			return nil, err
		}
	}
	rows, err = f.rows(sheet)
	if err == nil && f.xlsx != nil {
		rows.src.(*xlsxRows).noRestart = true
	}
	return rows, err
}

// learnMerges reads a sheet through, handing nothing on, to find its merged
// ranges. Errors are left for the reading that follows, which meets them.
func (f *File) learnMerges(sheet string) error {
	rows, err := f.rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	if x := rows.src.(*xlsxRows); !x.known {
		for rows.Next() {
		}
	}
	return nil
}

// rows starts a reading that hands rows on at once: merged ranges not yet
// known are not applied, and the reading ends with ErrRestart when they
// turn out to cover rows handed on.
func (f *File) rows(sheet string) (rows *Rows, err error) {
	defer recoverTo(&err, f.name)
	switch {
	case f.csv != nil:
		if sheet != "" {
			return nil, &Error{Pos: Pos{File: f.name}, Msg: fmt.Sprintf("is a CSV file and has no sheet %q; --sheet applies to xlsx workbooks", sheet)}
		}
		src, err := f.csv.rows()
		if err != nil {
			return nil, err
		}
		return &Rows{file: f.name, src: src}, nil
	case f.xlsx != nil:
		src, err := f.xlsx.rows(sheet)
		if err != nil {
			return nil, err
		}
		return &Rows{file: f.name, sheet: src.sheet, src: src}, nil
	}
	return nil, errors.New("table: file is closed")
}

// Read calls fn with the rows of a sheet (xlsx) or of the file (CSV,
// sheet ""), and returns what fn returns (fn should return rows.Err() when
// the rows end in an error). A sheet lists its merged ranges after its
// cells: when they cover rows fn has already been given, fn is called once
// more, with rows from the first one on and the ranges applied. fn must
// therefore start afresh on each call.
func (f *File) Read(sheet string, fn func(*Rows) error) error {
	for pass := 0; ; pass++ {
		rows, err := f.rows(sheet)
		if err != nil {
			return err
		}
		err = fn(rows)
		restart := pass == 0 && rows.restart()
		rows.Close()
		if restart {
			continue
		}
		if err == nil && rows.Err() != nil {
			err = rows.Err()
		}
		return err
	}
}

// Close releases the file.
func (f *File) Close() error {
	f.csv, f.xlsx = nil, nil
	if f.closer != nil {
		c := f.closer
		f.closer = nil
		return c.Close()
	}
	return nil
}
