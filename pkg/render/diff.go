package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
	"github.com/huller/huller/pkg/safetext"
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
	bw := bufio.NewWriter(w)
	doc := dv.document()
	fmt.Fprintf(bw, "## %s\n", safetext.Markdown(doc.title))
	for _, t := range doc.tables {
		bw.WriteString("\n")
		if t.heading != "" {
			fmt.Fprintf(bw, "### %s\n\n", safetext.Markdown(t.heading))
		}
		switch {
		case len(t.rows) == 0 && t.empty == "":
		case len(t.rows) == 0:
			fmt.Fprintf(bw, "%s\n", safetext.Markdown(t.empty))
		case t.header == nil:
			for _, row := range t.rows {
				fmt.Fprintf(bw, "- **%s:** %s\n", safetext.Markdown(row[0].s), safetext.Markdown(row[1].s))
			}
		default:
			mdTable(bw, t)
		}
		if t.omitted > 0 {
			fmt.Fprintf(bw, "\n_%s_\n", safetext.Markdown(dv.l.F(lang.MoreRows, t.omitted)))
		}
		for i, note := range t.notes {
			if i > 0 || len(t.rows) > 0 || t.empty != "" {
				bw.WriteString("\n")
			}
			fmt.Fprintf(bw, "%s\n", safetext.Markdown(note))
		}
	}
	return bw.Flush()
}
