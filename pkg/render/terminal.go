package render

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/internal/textwrap"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/safetext"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// ANSI codes of the tones.
var ansi = map[tone]string{bad: "\x1b[31m", warn: "\x1b[33m", good: "\x1b[32m"}

const (
	ansiBold  = "\x1b[1m"
	ansiReset = "\x1b[0m"
)

// defaultWidth is the width used when Options.Width is 0.
const defaultWidth = 80

// Terminal writes res as tables for a terminal: a summary, the ranked
// holes, an overview of the people (or, with a person filter, their full
// gap lists) and, with ByTeam, the holes of each team. Tables fit
// Options.Width by wrapping long names.
func Terminal(w io.Writer, res *analysis.Result, o Options) error {
	v, err := newView(res, o)
	if err != nil {
		return err
	}
	return v.draw(w, v.document())
}

// draw writes a document as tables fitting Options.Width.
func (v *view) draw(w io.Writer, d document) error {
	width := v.o.Width
	if width <= 0 {
		width = defaultWidth
	}
	bw := bufio.NewWriter(w)
	d.each(terminalText)
	if d.title != "" {
		v.line(bw, textwrap.Wrap(d.title, width), true)
	}
	for i, t := range d.tables {
		if i > 0 || d.title != "" {
			bw.WriteString("\n")
		}
		if t.heading != "" {
			v.line(bw, textwrap.Wrap(t.heading, width), true)
		}
		switch {
		case len(t.rows) > 0:
			if err := v.table(bw, t, width); err != nil {
				return err
			}
		case t.empty != "":
			v.line(bw, textwrap.Wrap(t.empty, width), false)
		}
		if t.omitted > 0 {
			v.line(bw, []string{v.l.F(lang.MoreRows, t.omitted)}, false)
		}
		for _, note := range t.notes {
			v.line(bw, textwrap.Wrap(note, width), false)
		}
	}
	return bw.Flush()
}

// maxCell is the most runes of one text a terminal table shows; a longer
// text (a 200 KB name) ends in "…". The JSON, CSV and the workbook keep it
// whole.
const maxCell = 1000

// terminalText makes a text from outside safe for the terminal
// (safetext.Terminal) and cuts it to maxCell runes.
func terminalText(s string) string {
	s = safetext.Terminal(s)
	if len(s) > maxCell {
		n := 0
		for i := range s {
			if n == maxCell {
				return s[:i] + "…"
			}
			n++
		}
	}
	return s
}

// line writes lines of text, bold when asked and colour is on.
func (v *view) line(w io.Writer, lines []string, bold bool) {
	for _, s := range lines {
		if bold && v.o.Color {
			s = ansiBold + s + ansiReset
		}
		io.WriteString(w, s+"\n")
	}
}

// table lays t out to width and renders it with tablewriter.
func (v *view) table(w io.Writer, t table, width int) error {
	ncol := len(t.rows[0])
	header := t.header
	widths := layout(header, t.rows, t.wrap, width)
	align := make([]tw.Align, ncol)
	for i := range align {
		align[i] = tw.AlignLeft
		if i < len(t.right) && t.right[i] {
			align[i] = tw.AlignRight
		}
	}
	tb := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
	)
	if header != nil {
		hs := make([]string, ncol)
		for i, h := range header {
			hs[i] = v.paint(textwrap.Wrap(h, widths[i]), plain, true)
		}
		tb.Header(hs)
	}
	for _, row := range t.rows {
		cells := make([]string, ncol) // tablewriter keeps the slice: a new one per row
		for i, cl := range row {
			cells[i] = v.paint(textwrap.Wrap(cl.s, widths[i]), cl.tone, false)
		}
		if err := tb.Append(cells); err != nil {
			return err
		}
	}
	return tb.Render()
}

// paint joins the lines of a cell, colouring each when colour is on.
func (v *view) paint(lines []string, tn tone, bold bool) string {
	if v.o.Color && (tn != plain || bold) {
		code := ansi[tn]
		if bold {
			code = ansiBold
		}
		for i, s := range lines {
			if s != "" {
				lines[i] = code + s + ansiReset
			}
		}
	}
	return strings.Join(lines, "\n")
}

// layout returns the content width of each column so that the table fits
// width where it can. A column that does not wrap keeps its widest cell
// (its header may wrap at spaces). A wrapping column gets at least
// min(natural, 8); then each column grows to its longest word, the columns
// needing least first (so that as few words as possible are broken), and
// the room left is shared out in proportion to what each column still
// wants: up to min(natural, 16), then up to its natural width. When
// even the minimums do not fit, wrapping columns go down to 4; a table that
// still does not fit is wider than width.
func layout(header []string, rows [][]cell, wrap []bool, width int) []int {
	ncol := len(rows[0])
	nat, least, words := make([]int, ncol), make([]int, ncol), make([]int, ncol)
	for i := range ncol {
		headWords := 1
		if i < len(header) {
			nat[i] = textwrap.Width(header[i])
			headWords = textwrap.LongestWord(header[i])
		}
		cells, cellWords := 0, 0
		for _, row := range rows {
			cells = max(cells, textwrap.Width(row[i].s))
			if i < len(wrap) && wrap[i] {
				cellWords = max(cellWords, textwrap.LongestWord(row[i].s))
			}
		}
		nat[i] = max(nat[i], cells)
		words[i] = max(headWords, cellWords)
		if i < len(wrap) && wrap[i] {
			least[i] = min(nat[i], 8)
		} else {
			least[i] = max(cells, headWords)
		}
	}
	room := width - (3*ncol + 1)
	w := append([]int(nil), least...)
	for _, x := range w {
		room -= x
	}
	// Too narrow: take wrapping columns down towards 4, one column at a
	// time from the widest.
	for room < 0 {
		k := -1
		for i := range w {
			if i < len(wrap) && wrap[i] && w[i] > 4 && (k < 0 || w[i] > w[k]) {
				k = i
			}
		}
		if k < 0 {
			break
		}
		w[k]--
		room++
	}
	whole, preferred := make([]int, ncol), make([]int, ncol)
	for i := range ncol {
		whole[i] = max(w[i], min(nat[i], words[i]))
		preferred[i] = max(whole[i], min(nat[i], 16))
	}
	room = wholeWords(w, whole, room)
	room = grow(w, preferred, room)
	grow(w, nat, room)
	return w
}

// wholeWords widens the columns w to goal, the columns that need least
// first, so that as few columns as possible break a word; it returns the
// room left.
func wholeWords(w, goal []int, room int) int {
	order := make([]int, len(w))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(goal[a]-w[a], goal[b]-w[b]) })
	for _, i := range order {
		add := min(goal[i]-w[i], room)
		if add <= 0 {
			continue
		}
		w[i] += add
		room -= add
	}
	return room
}

// grow widens the columns w towards goal, sharing room in proportion to
// what each still wants, and returns the room left.
func grow(w, goal []int, room int) int {
	for room > 0 {
		want := 0
		for i := range w {
			want += goal[i] - w[i]
		}
		if want == 0 {
			break
		}
		given := 0
		for i := range w {
			if d := goal[i] - w[i]; d > 0 && given < room {
				add := min(d, max(1, d*room/want), room-given)
				w[i] += add
				given += add
			}
		}
		room -= given
	}
	return room
}
