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
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
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
	o   Options
}

func newView(res *analysis.Result, o Options) (*view, error) {
	if o.Lang == "" {
		o.Lang = "en"
	}
	return &view{res: res, fw: res.Framework, l: lang.For(o.Lang), o: o}, nil
}

// text returns a framework text in the view's language (see
// framework.(*Framework).Text for the fallback order).
func (v *view) text(t framework.Text) string { return v.fw.Text(t, v.l.Code()) }

// nodeLabel returns "id name" of a node.
func (v *view) nodeLabel(n *framework.Node) string {
	if name := v.text(n.Name); name != "" && name != n.ID {
		return n.ID + " " + name
	}
	return n.ID
}

// roleName returns the role's name in the view's language, its id when
// the framework does not name it.
func (v *view) roleName(p *analysis.Person) string {
	ro := v.res.Roles[p.Role]
	if ro.Role != nil {
		if s := v.text(ro.Role.Name); s != "" {
			return s
		}
	}
	return ro.ID
}

func (v *view) teamName(t string) string {
	if t == "" {
		return v.l.T(lang.NoTeam)
	}
	return t
}

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

// personName returns a person's name, with the id when there is one.
func personName(p *analysis.Person) string {
	if p.ID != "" && p.ID != p.Name {
		return p.Name + " (" + p.ID + ")"
	}
	return p.Name
}

// names lists the names of persons, at most max of them (0 = all), then
// "+n more".
func (v *view) names(people []int32, max int) string {
	var b strings.Builder
	for i, p := range people {
		if max > 0 && i == max {
			b.WriteString(" ")
			b.WriteString(v.l.F(lang.PlusMore, len(people)-max))
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(v.res.People[p].Name)
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

// kind returns the name of a kind of hole in the view's language.
func (v *view) kind(k analysis.Kind) string {
	tm, _ := lang.Kind(k.String())
	return v.l.T(tm)
}
