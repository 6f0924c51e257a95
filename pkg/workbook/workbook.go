// Package workbook writes the result of an analysis as an Excel workbook that a
// job-centre leader can read without a manual: an Overview with key figures
// and charts, the ranked holes (Huller) with who lacks a competence and who
// could share it, a colour-coded Heatmap of every person's levels, a long
// table of Gaps, profile fit per person (Profiles), per-person figures
// (People) and the Framework as used.
//
// Sheet names and the report's own texts are in English, Danish or
// Slovenian; competence and profile names come from the framework in the
// same language where it has them, else in its own language. The big sheets
// are written with excelize's StreamWriter (their data rows rendered while
// the workbook is compressed, see table) and continue on numbered sheets
// ("Gaps (2)") where Excel's limits would be exceeded. The same inputs and
// Options give a byte-identical workbook. Every text from the roster or the
// framework is written as a text cell, never as a formula.
package workbook

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
	"github.com/huller/huller/pkg/plan"
	"github.com/huller/huller/pkg/risk"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// Excel's limits: rows and columns a sheet, characters (UTF-16 code units) a
// cell.
const (
	MaxRows      = 1_048_576
	MaxCols      = 16_384
	MaxCellChars = 32_767
)

// Limits are the sizes at which the report continues a sheet on the next
// numbered sheet or cuts a text short. The zero value means Excel's limits;
// tests set small ones.
type Limits struct {
	Rows      int // rows a sheet, at most MaxRows
	Cols      int // columns a sheet, at most MaxCols
	CellChars int // characters a cell, at most MaxCellChars
	// ListChars is where a list of names in one cell (who lacks a
	// competence, who could share it) stops with "… and N more"; default
	// 1,000 characters, at most CellChars. The Gaps sheet lists everyone.
	ListChars int
}

// Options control the workbook.
type Options struct {
	// Lang is the language of sheet names and labels: "en", "da" or "sl";
	// "" means the framework's language. Labels fall back to English for
	// other languages; framework texts fall back to the framework's
	// language.
	Lang string
	// Date is shown on the Overview and stored as the document's creation
	// and modification time. The caller decides (SOURCE_DATE_EPOCH, else
	// the current time); the zero time shows no date and stores
	// 1980-01-01T00:00:00Z, so the output stays reproducible.
	Date time.Time
	// RosterFile is the roster's name as shown on the Overview; "" uses
	// Result.Roster.Source.
	RosterFile string
	// Generator names the program in the document properties, e.g.
	// "huller 1.2.0"; "" means "huller".
	Generator string
	// Limits default to Excel's.
	Limits Limits
	// TmpDir is where the compressed workbook is kept until it is written
	// when it exceeds 8 MB; "" means os.TempDir().
	TmpDir string
	// Prices, when not nil, prices developing current staff on the Risk
	// sheet (a course catalog; see risk.Prices).
	Prices risk.Prices
	// Plan, when not nil, is the development plan made from the same
	// analysis: the report gets a Plan sheet summing it up, without
	// names. An aggregate report has none.
	Plan *plan.Plan
	// Compression is the deflate level of the workbook's parts (see
	// compress/flate); 0 means flate.BestSpeed: a workbook about 30 %
	// larger than at flate.DefaultCompression, written in 60 % of the time.
	Compression int
	// Share says who the workbook is made for and how it shows persons;
	// the Overview (or the talk sheet) and the document properties say it.
	Share Share
}

func (o Options) limits() (Limits, error) {
	l := o.Limits
	if l.Rows == 0 {
		l.Rows = MaxRows
	}
	if l.Cols == 0 {
		l.Cols = MaxCols
	}
	if l.CellChars == 0 {
		l.CellChars = MaxCellChars
	}
	if l.ListChars == 0 {
		l.ListChars = 1000
	}
	l.ListChars = min(l.ListChars, l.CellChars)
	switch {
	case l.Rows < minRows || l.Rows > MaxRows:
		return l, fmt.Errorf("report: row limit %d is not between %d and %d", l.Rows, minRows, MaxRows)
	case l.Cols < minCols || l.Cols > MaxCols:
		return l, fmt.Errorf("report: column limit %d is not between %d and %d", l.Cols, minCols, MaxCols)
	case l.CellChars < 16 || l.CellChars > MaxCellChars:
		return l, fmt.Errorf("report: cell limit %d is not between 16 and %d", l.CellChars, MaxCellChars)
	}
	return l, nil
}

// minRows and minCols are the smallest limits the layout works with: every
// sheet's header plus one row, and the widest fixed set of columns plus one.
const (
	minRows = 24
	minCols = 16
)

// Write writes the report of res to w. The data rows of the big sheets are
// rendered while the workbook is compressed; the compressed parts are kept
// in memory up to 8 MB, beyond that in a temporary file in opts.TmpDir, and
// written to w in name order at the end. After an error w may hold part of a
// workbook.
func Write(w io.Writer, res *analysis.Result, opts Options) error {
	if res == nil || res.Framework == nil {
		return errors.New("report: no analysis result")
	}
	return writeBook(w, res, opts, "report", (*builder).build)
}

// writeBook writes a workbook on a builder of res: build adds its sheets,
// then the workbook is compressed to w. what names the workbook in errors.
func writeBook(w io.Writer, res *analysis.Result, opts Options, what string, build func(*builder) error) (err error) {
	lim, err := opts.limits()
	if err != nil {
		return err
	}
	code := opts.Lang
	if code == "" {
		code = res.Framework.Language
	}
	f := excelize.NewFile(excelize.Options{TmpDir: opts.TmpDir})
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	l := lang.For(code)
	b := &builder{f: f, res: res, opts: opts, lim: lim, l: l, bk: xlsxstream.New(f, lim.Rows),
		narrator: narrate.New(res, l, true), overview: narrate.New(res, l, false)}
	if what != "report" {
		b.kind = strings.Fields(what)[0] // talk, plan, diff, aggregate, units: PropReport
	}
	if err := build(b); err != nil {
		return err
	}
	if err := b.bk.WriteTo(w, opts.Compression, opts.TmpDir); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
