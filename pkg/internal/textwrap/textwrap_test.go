package textwrap

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestWrapText(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  []string
	}{
		{"short", 10, []string{"short"}},
		{"one two three", 7, []string{"one two", "three"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"ab cdefghij k", 4, []string{"ab", "cdef", "ghij", "k"}},
		{"75.0\u00a0% fit", 6, []string{"75.0\u00a0%", "fit"}},
		{"ÆØÅ æøå", 3, []string{"ÆØÅ", "æøå"}},
		// a hyphenated word breaks after its hyphen, not inside a part
		{"Gode formidlings-og formuleringsevner", 17, []string{"Gode formidlings-", "og", "formuleringsevner"}},
		{"a-b-c", 2, []string{"a-", "b-", "c"}},
		{"Kompetenceprofilen (80,0 %)", 18, []string{"Kompetenceprofilen", "(80,0 %)"}},
		{"-x- --", 3, []string{"-x-", "--"}},
		// a word longer than the line is broken, and only then
		{"Koordinationsprofilen", 8, []string{"Koordina", "tionspro", "filen"}},
		{"", 5, []string{""}},
	}
	for _, tt := range tests {
		if got := Wrap(tt.s, tt.width); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}

// TestWrapLongWord: a word of 200,000 letters wraps in linear time (this
// took seconds when the rest of the word was measured after every cut).
func TestWrapLongWord(t *testing.T) {
	word := strings.Repeat("A", 200_000)
	lines := Wrap("Bo "+word, 40)
	if len(lines) != 5001 || lines[0] != "Bo" || lines[1] != word[:40] {
		t.Fatalf("%d lines, first %q", len(lines), lines[0])
	}
}

func TestCellLines(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"short", 10, 1},
		{"one two three four", 10, 2}, // 11 characters a line
		{"one\ntwo", 40, 2},
		{"a\n\nb", 40, 3},
		{strings.Repeat("x", 50), 10, 5},
	} {
		if got := CellLines(c.text, c.width); got != c.want {
			t.Errorf("CellLines(%q, %g) = %d, want %d", c.text, c.width, got, c.want)
		}
	}
}

func TestRowHeight(t *testing.T) {
	if got := RowHeight(1); got != 17 {
		t.Errorf("RowHeight(1) = %g", got)
	}
	if got := RowHeight(1000); got != MaxRowHeight {
		t.Errorf("RowHeight(1000) = %g, want the most Excel allows", got)
	}
}

func TestFitHead(t *testing.T) {
	tests := []struct {
		name          string
		head          []string
		widths        []float64
		wantWidths    []float64
		wantMinHeight float64
	}{
		{"fits already", []string{"ID", "Name"}, []float64{10, 20}, []float64{10, 20}, 17},
		{"a long word widens its column", []string{"Below the requirement (persons)"}, []float64{10}, []float64{11*BoldChar + HeadMargin}, 3*15 + 2},
		{"a compound word", []string{"Arbejdsmarkedsforståelse"}, []float64{14}, []float64{24*BoldChar + HeadMargin}, 17},
		{"more headers than widths", []string{"a", "bbbbbbbbbbbbbbbbbbbb"}, []float64{5}, []float64{5}, 17},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, h := FitHead(tt.head, tt.widths, 0)
			for i := range w {
				if math.Abs(w[i]-tt.wantWidths[i]) > 1e-9 {
					t.Errorf("widths %v, want %v", w, tt.wantWidths)
				}
			}
			if h < tt.wantMinHeight {
				t.Errorf("height %v, want at least %v", h, tt.wantMinHeight)
			}
			if &w[0] == &tt.widths[0] {
				t.Error("the widths given were changed in place")
			}
		})
	}
}
