// Package textwrap wraps text for a terminal by display width: at spaces,
// else after a hyphen inside a word, and inside a word only when it is
// longer than a line. The terminal tables and the framework outline use it.
package textwrap

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// Width is the display width of the widest line of s.
func Width(s string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n = max(n, twwidth.Width(line))
	}
	return n
}

// LongestWord is the display width of the widest piece of s that wrapText
// keeps on one line: a word, or the part of a hyphenated word up to and
// including a hyphen.
func LongestWord(s string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		for _, word := range strings.Split(line, " ") {
			for _, piece := range hyphenPieces(word) {
				n = max(n, twwidth.Width(piece))
			}
		}
	}
	return n
}

// hyphenPieces splits a word after each hyphen that has a letter on both
// sides ("formidlings-og" → "formidlings-", "og"); other words are one
// piece.
func hyphenPieces(word string) []string {
	var out []string
	start := 0
	for i := 1; i < len(word)-1; i++ {
		// not after a single letter: a pseudonym (P-7F3A9C21) or "e-mail"
		// stays whole
		if word[i] == '-' && word[i-1] != '-' && word[i+1] != '-' && word[i+1] != ' ' && i-start > 1 {
			out = append(out, word[start:i+1])
			start = i + 1
		}
	}
	return append(out, word[start:])
}

// Wrap wraps s into lines of at most width display columns: at spaces
// (not at no-break spaces), else after a hyphen inside a word, and it breaks
// a word only when it is longer than a line. The work is linear in the
// length of s.
func Wrap(s string, width int) []string {
	if width <= 0 || Width(s) <= width {
		return strings.Split(s, "\n")
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		w := wrapper{width: width}
		for _, word := range strings.Split(para, " ") {
			if word != "" {
				w.word(word)
			}
		}
		if w.curW > 0 || len(w.lines) == 0 {
			w.flush()
		}
		lines = append(lines, w.lines...)
	}
	return lines
}

// wrapper fills lines of at most width columns, one word at a time.
type wrapper struct {
	width int
	lines []string
	cur   strings.Builder
	curW  int
}

func (w *wrapper) flush() {
	w.lines = append(w.lines, w.cur.String())
	w.cur.Reset()
	w.curW = 0
}

// word adds a word: on the current line when it fits after a space, else
// as much of it as fits up to a hyphen, else on new lines.
func (w *wrapper) word(word string) {
	ww := twwidth.Width(word)
	if w.curW > 0 && w.curW+1+ww <= w.width {
		w.cur.WriteByte(' ')
		w.cur.WriteString(word)
		w.curW += 1 + ww
		return
	}
	for i, piece := range hyphenPieces(word) {
		pw := twwidth.Width(piece)
		sep := 0
		if i == 0 && w.curW > 0 {
			sep = 1 // a space before the word, none inside it
		}
		if w.curW > 0 && w.curW+sep+pw > w.width {
			w.flush()
			sep = 0
		}
		if sep == 1 {
			w.cur.WriteByte(' ')
			w.curW++
		}
		for w.curW == 0 && pw > w.width { // longer than a line: break it
			head, hw := cut(piece, w.width)
			w.lines = append(w.lines, head)
			piece, pw = piece[len(head):], pw-hw
		}
		w.cur.WriteString(piece)
		w.curW += pw
	}
}

// cut returns the longest prefix of s of at most width display columns (at
// least one rune) and its width.
func cut(s string, width int) (string, int) {
	w := 0
	for i, r := range s {
		rw := twwidth.Width(string(r))
		if w+rw > width && i > 0 {
			return s[:i], w
		}
		w += rw
	}
	return s, w
}

// CellLines estimates how many lines a spreadsheet shows text in, wrapped
// in a cell (or merged cells) width characters wide, in the column-width
// unit of Excel and LibreOffice: Calibri 11 fits about 1.1 average
// characters in a unit. Spreadsheets do not always fit a row's height to
// wrapped text on opening; the report and the template set it from this.
func CellLines(text string, width float64) int {
	if text == "" {
		return 1
	}
	return len(Wrap(text, max(1, int(width*1.1))))
}

// MaxRowHeight is the tallest row Excel allows, in points.
const MaxRowHeight = 409

// RowHeight is the height in points of a spreadsheet row that shows lines
// lines of 11-point text, at most MaxRowHeight.
func RowHeight(lines int) float64 {
	return min(float64(lines)*15+2, MaxRowHeight)
}

// FitHead fits a spreadsheet's header row of bold, wrapped headers: each
// column at least as wide as its header's longest word (so that no word
// is broken), and the row as tall as its tallest header. It returns the
// widths (a new slice) and the row's height in points, at least
// minHeight. Widths are in Excel's column width units.
func FitHead(head []string, widths []float64, minHeight float64) ([]float64, float64) {
	out := slices.Clone(widths)
	lines := 1
	for i, h := range head {
		if i >= len(out) {
			break
		}
		out[i] = max(out[i], HeadWidth(h))
		perLine := max(1, int((out[i]-HeadMargin)/BoldChar))
		lines = max(lines, len(Wrap(h, perLine)))
	}
	return out, max(minHeight, RowHeight(lines))
}

// HeadWidth is the least width of a column whose bold header shows its
// longest word whole.
func HeadWidth(h string) float64 {
	longest := 0
	for _, w := range strings.FieldsFunc(h, func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == '\n' }) {
		longest = max(longest, utf8.RuneCountInString(w))
	}
	return float64(longest)*BoldChar + HeadMargin
}

// BoldChar is the width of a character of a bold header in Excel's column
// width units (about a digit's), HeadMargin a cell's margins.
const (
	BoldChar   = 1.05
	HeadMargin = 1.0
)
