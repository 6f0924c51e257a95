package workbook

import (
	"testing"

	"github.com/huller/huller/pkg/analysis"
)

// TestTextLimit: builder.text cuts a text only when it exceeds the cell
// limit in UTF-16 code units, and then to exactly the limit.
func TestTextLimit(t *testing.T) {
	b := &builder{lim: Limits{CellChars: 10}}
	for _, tc := range []struct{ in, want string }{
		{"ØØØØØØØØØØ", "ØØØØØØØØØØ"},  // 10 units in 20 bytes: fits
		{"ØØØØØØØØØØØ", "ØØØØØØØØØ…"}, // 11 units
		{"abcdefgh😀", "abcdefgh😀"},    // 10 units, the last two a surrogate pair
		{"abcdefghi😀", "abcdefghi…"},  // 11 units: the pair is not split
		{"ab\xffcd", "ab\uFFFDcd"},    // invalid UTF-8 replaced
	} {
		if got := b.text(tc.in); got != tc.want {
			t.Errorf("text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if n := b.truncated.Load(); n != 2 {
		t.Errorf("%d texts counted as cut, want 2", n)
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
