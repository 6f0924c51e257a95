package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/huller/huller/pkg/analysis"
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
func (v *view) markdown(w io.Writer, d document) error { return writeMarkdown(w, v.l, d) }

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
