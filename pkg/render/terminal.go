package render

import (
	"bufio"
	"io"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
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
	width := o.Width
	if width <= 0 {
		width = defaultWidth
	}
	bw := bufio.NewWriter(w)
	d := v.document()
	v.line(bw, wrapText(d.title, width), true)
	for _, t := range d.tables {
		bw.WriteString("\n")
		if t.heading != "" {
			v.line(bw, wrapText(t.heading, width), true)
		}
		if len(t.rows) == 0 {
			v.line(bw, wrapText(t.empty, width), false)
			continue
		}
		if err := v.table(bw, t, width); err != nil {
			return err
		}
		if t.omitted > 0 {
			v.line(bw, []string{v.l.F(lang.MoreRows, t.omitted)}, false)
		}
	}
	return bw.Flush()
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
			hs[i] = v.paint(wrapText(h, widths[i]), plain, true)
		}
		tb.Header(hs)
	}
	for _, row := range t.rows {
		cells := make([]string, ncol) // tablewriter keeps the slice: a new one per row
		for i, cl := range row {
			cells[i] = v.paint(wrapText(cl.s, widths[i]), cl.tone, false)
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
// min(natural, 8), then room is shared out in proportion to what each
// column still wants: first up to min(natural, 16), then up to its natural
// width. When even the minimums do not fit, wrapping columns go down to 4;
// a table that still does not fit is wider than width.
func layout(header []string, rows [][]cell, wrap []bool, width int) []int {
	ncol := len(rows[0])
	nat, least := make([]int, ncol), make([]int, ncol)
	for i := range ncol {
		words := 1
		if i < len(header) {
			nat[i] = textWidth(header[i])
			words = longestWord(header[i])
		}
		cells := 0
		for _, row := range rows {
			cells = max(cells, textWidth(row[i].s))
		}
		nat[i] = max(nat[i], cells)
		if i < len(wrap) && wrap[i] {
			least[i] = min(nat[i], 8)
		} else {
			least[i] = max(cells, words)
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
	preferred := make([]int, ncol)
	for i := range preferred {
		preferred[i] = max(w[i], min(nat[i], 16))
	}
	room = grow(w, preferred, room)
	grow(w, nat, room)
	return w
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

// textWidth is the display width of the widest line of s.
func textWidth(s string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n = max(n, twwidth.Width(line))
	}
	return n
}

func longestWord(s string) int {
	n := 0
	for _, f := range strings.Split(s, " ") {
		n = max(n, twwidth.Width(f))
	}
	return n
}

// wrapText wraps s at spaces (not at no-break spaces) into lines of at most width columns, breaking
// words longer than a line.
func wrapText(s string, width int) []string {
	if width <= 0 || textWidth(s) <= width {
		return strings.Split(s, "\n")
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		var cur strings.Builder
		curW := 0
		flush := func() {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		for _, word := range strings.Split(para, " ") {
			if word == "" {
				continue
			}
			ww := twwidth.Width(word)
			if curW > 0 && curW+1+ww <= width {
				cur.WriteByte(' ')
				cur.WriteString(word)
				curW += 1 + ww
				continue
			}
			if curW > 0 {
				flush()
			}
			for ww > width { // a word longer than a line: break it
				head, rest := cut(word, width)
				lines = append(lines, head)
				word, ww = rest, twwidth.Width(rest)
			}
			cur.WriteString(word)
			curW = ww
		}
		if curW > 0 || len(lines) == 0 {
			flush()
		}
	}
	return lines
}

// cut splits s after at most width display columns (at least one rune).
func cut(s string, width int) (string, string) {
	w := 0
	for i, r := range s {
		rw := twwidth.Width(string(r))
		if w+rw > width && i > 0 {
			return s[:i], s[i:]
		}
		w += rw
	}
	return s, ""
}
