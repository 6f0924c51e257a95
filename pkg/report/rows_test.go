package report

import (
	"testing"

	"github.com/huller/huller/pkg/analysis"
)

func TestAppendText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"Søren & <Co>", "Søren &amp; &lt;Co&gt;"},
		{"a\r\nb\tc", "a&#xD;\nb\tc"},
		{"bell\x07", "bell_x0007_"},
		{"_x0041_ stays", "_x005F_x0041_ stays"},
		{"_x00 short, _y0041_", "_x00 short, _y0041_"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"non\uFFFEchar", "non\uFFFDchar"},
		{"æøå ČŠŽ ★", "æøå ČŠŽ ★"},
	} {
		if got := string(appendText(nil, tc.in)); got != tc.want {
			t.Errorf("appendText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestTextRoundTrip: texts the data rows hold come back from excelize as
// they were (the rows are rendered by rowEncoder, not by excelize).
func TestTextRoundTrip(t *testing.T) {
	texts := []string{" lead", "trail ", "a&b<c>\"'", "line\nbreak", "tab\there", "ctl\x01x",
		"_x0041_", "Ærø Čšž ★", "cr\rx", "=1+1"}
	fw := builtin(t, "fagligheder-fase3")
	ro := genRoster(t, fw, len(texts), 1, 5)
	for i, s := range texts {
		ro.Persons[i].Name, ro.Persons[i].Team = s, s
	}
	res, err := analysis.Analyze(fw, ro, analysis.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, write(t, res, Options{Lang: "en"}))
	got := rows(t, f, "People")
	for i, s := range texts {
		if got[i+1][0] != s || got[i+1][2] != s {
			t.Errorf("People row %d: %q / %q, want %q", i+2, got[i+1][0], got[i+1][2], s)
		}
	}
}
