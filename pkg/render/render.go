// Package render turns an analysis result into output for people and
// programs: terminal tables, JSON (a versioned contract), CSV (one row per
// person and gap, safe to open in a spreadsheet) and Markdown (for CI
// summaries and wikis).
//
// Renderers write to an io.Writer and never look at the environment: the
// caller decides the width, whether to use colour and the language.
package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
)

// Options control the human-oriented renderers.
type Options struct {
	// Lang is the language of labels and framework texts ("" means en);
	// huller's labels are English for a language it has no texts in.
	// Framework texts missing in Lang fall back to English,
	// then to the framework's own language.
	Lang string
	// Width is the terminal width in columns (0 means 80). Tables wrap long
	// names to fit it.
	Width int
	// Color turns on ANSI colours in terminal tables. The caller decides
	// (a terminal, and NO_COLOR not set).
	Color bool
	// Limit caps the rows of the holes and people tables of the terminal
	// and Markdown output (0 = no limit); a line says how many were left
	// out. JSON and CSV always hold everything.
	Limit int
	// Audience is who the output is made for: AudienceLeader (""),
	// AudienceCommittee or AudiencePerson; the JSON says it.
	Audience string
	// Pseudonyms says that persons are shown by pseudonyms, and how they
	// were made: PseudonymsKeyed or PseudonymsNumbered ("": by name). The
	// JSON's "mode" and a note in the table and Markdown outputs say it.
	Pseudonyms string
}

// The output formats.
const (
	FormatTable    = "table"
	FormatJSON     = "json"
	FormatCSV      = "csv"
	FormatMarkdown = "markdown"
)

// Formats lists the output formats, the default first.
func Formats() []string { return []string{FormatTable, FormatJSON, FormatCSV, FormatMarkdown} }

// Render writes res to w in format (one of Formats).
func Render(w io.Writer, format string, res *analysis.Result, o Options) error {
	switch format {
	case FormatTable, "":
		return Terminal(w, res, o)
	case FormatJSON:
		return JSON(w, res, o)
	case FormatCSV:
		return CSV(w, res, o)
	case FormatMarkdown:
		return Markdown(w, res, o)
	}
	return fmt.Errorf("output format %q is not one of %s", format, strings.Join(Formats(), ", "))
}

// view bundles what the human renderers need.
type view struct {
	res *analysis.Result
	fw  *framework.Framework
	l   lang.Lang
	n   *narrate.Narrator
	o   Options
}

func newView(res *analysis.Result, o Options) (*view, error) {
	if o.Lang == "" {
		o.Lang = "en"
	}
	l := lang.For(o.Lang)
	return &view{res: res, fw: res.Framework, l: l, n: narrate.New(res, l, true), o: o}, nil
}

// text returns a framework text in the view's language (see
// framework.(*Framework).Text for the fallback order).
func (v *view) text(t framework.Text) string { return v.fw.Text(t, v.l.Code()) }

// pct formats a share in [0, 1] as a percentage with one decimal.
func (v *view) pct(x float64) string { return v.l.Percent(x, 1) }

// pctShort formats a threshold as a percentage without needless decimals.
func (v *view) pctShort(x float64) string { return v.l.Share(x) }

// coverage formats an optional coverage.
func (v *view) coverage(c float64, ok bool) string {
	if !ok {
		return "–"
	}
	return v.pct(c)
}
