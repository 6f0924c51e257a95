package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/safetext"
)

// Markdown writes res as GitHub-flavoured Markdown for CI summaries and
// wikis: the same sections as Terminal, tables unwrapped, every text
// escaped so that a name cannot break a table or inject HTML.
func Markdown(w io.Writer, res *analysis.Result, o Options) error {
	v, err := newView(res, o)
	if err != nil {
		return err
	}
	return v.markdown(w, v.document())
}

// markdown draws a document as Markdown.
func (v *view) markdown(w io.Writer, d document) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## %s\n", safetext.Markdown(d.title))
	for _, t := range d.tables {
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
			fmt.Fprintf(bw, "\n_%s_\n", safetext.Markdown(v.l.F(lang.MoreRows, t.omitted)))
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

func mdTable(w io.Writer, t table) {
	cells := make([]string, len(t.header))
	for i, h := range t.header {
		cells[i] = safetext.Markdown(h)
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	for i := range cells {
		cells[i] = "---"
		if i < len(t.right) && t.right[i] {
			cells[i] = "---:"
		}
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	for _, row := range t.rows {
		for i, cl := range row {
			cells[i] = safetext.Markdown(cl.s)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
}
