package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
)

// RenderDiff writes a comparison of two mappings to w in format (one of
// Formats): the same formats as an analysis, with a contract of their own
// (DiffSchemaVersion, DiffCSVHeader).
func RenderDiff(w io.Writer, format string, d *diff.Result, o Options) error {
	switch format {
	case FormatTable, "":
		return DiffTerminal(w, d, o)
	case FormatJSON:
		return DiffJSON(w, d, o)
	case FormatCSV:
		return DiffCSV(w, d, o)
	case FormatMarkdown:
		return DiffMarkdown(w, d, o)
	}
	return fmt.Errorf("output format %q is not one of %s", format, strings.Join(Formats(), ", "))
}

// diffView bundles what the renderers of a comparison need: a view of each
// side (for its framework's texts and its persons' names).
type diffView struct {
	d      *diff.Result
	l      lang.Lang
	o      Options
	b, a   *view
	nb, na *narrate.Narrator
}

func newDiffView(d *diff.Result, o Options) *diffView {
	if o.Lang == "" {
		o.Lang = "en"
	}
	b, _ := newView(d.Before, o)
	a, _ := newView(d.After, o)
	return &diffView{d: d, l: a.l, o: o, b: b, a: a, nb: b.n, na: a.n}
}

// DiffTerminal writes a comparison as tables for a terminal, fitting
// Options.Width.
func DiffTerminal(w io.Writer, d *diff.Result, o Options) error {
	dv := newDiffView(d, o)
	return dv.a.draw(w, dv.document())
}

// DiffMarkdown writes a comparison as GitHub-flavoured Markdown: the
// sections of DiffTerminal, every text escaped.
func DiffMarkdown(w io.Writer, d *diff.Result, o Options) error {
	dv := newDiffView(d, o)
	return writeMarkdown(w, dv.l, dv.document())
}
