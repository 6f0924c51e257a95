package render

import (
	"bufio"
	"fmt"
	"io"

	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/safetext"
)

// drawMarkdown writes any document as GitHub-flavoured Markdown.
func (v *view) drawMarkdown(w io.Writer, d document) error { return writeMarkdown(w, v.l, d) }

// writeMarkdown writes a document as GitHub-flavoured Markdown, every text
// escaped: the title as a heading, each table under its own; a heading
// without anything below it is followed by no blank line.
func writeMarkdown(w io.Writer, l lang.Lang, d document) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## %s\n", safetext.Markdown(d.title))
	for _, t := range d.tables {
		bw.WriteString("\n")
		if t.heading != "" {
			fmt.Fprintf(bw, "### %s\n", safetext.Markdown(t.heading))
			if len(t.rows) > 0 || t.empty != "" || len(t.notes) > 0 {
				bw.WriteString("\n")
			}
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
			fmt.Fprintf(bw, "\n_%s_\n", safetext.Markdown(l.F(lang.MoreRows, t.omitted)))
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

// drawAs writes a document in a human format: table or markdown.
func (v *view) drawAs(w io.Writer, format string, d document) error {
	if format == FormatMarkdown {
		return v.drawMarkdown(w, d)
	}
	return v.draw(w, d)
}
