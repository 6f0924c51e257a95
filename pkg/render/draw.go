package render

import (
	"bufio"
	"fmt"
	"io"

	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/safetext"
)

// drawTerminal writes any document for a terminal, as Terminal writes an
// analysis: texts made safe and cut, tables fitted to Options.Width.
func (v *view) drawTerminal(w io.Writer, d document) error {
	width := v.o.Width
	if width <= 0 {
		width = defaultWidth
	}
	bw := bufio.NewWriter(w)
	d.each(terminalText)
	v.line(bw, wrapText(d.title, width), true)
	for _, t := range d.tables {
		bw.WriteString("\n")
		if t.heading != "" {
			v.line(bw, wrapText(t.heading, width), true)
		}
		switch {
		case len(t.rows) > 0:
			if err := v.table(bw, t, width); err != nil {
				return err
			}
		case t.empty != "":
			v.line(bw, wrapText(t.empty, width), false)
		}
		if t.omitted > 0 {
			v.line(bw, []string{v.l.F(lang.MoreRows, t.omitted)}, false)
		}
		for _, note := range t.notes {
			v.line(bw, wrapText(note, width), false)
		}
	}
	return bw.Flush()
}

// drawMarkdown writes any document as GitHub-flavoured Markdown, as
// Markdown writes an analysis: every text escaped.
func (v *view) drawMarkdown(w io.Writer, d document) error {
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

// draw writes a document in a human format: table or markdown.
func (v *view) draw(w io.Writer, format string, d document) error {
	if format == FormatMarkdown {
		return v.drawMarkdown(w, d)
	}
	return v.drawTerminal(w, d)
}
