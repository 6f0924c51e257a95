package lang

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// verbs matches the fmt verbs of a text.
var verbs = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// TestTermsComplete: every term is written in every language, uses the same
// fmt verbs in each, and formats without fmt's error markers.
func TestTermsComplete(t *testing.T) {
	if len(all) < 100 {
		t.Fatalf("only %d terms registered", len(all))
	}
	for _, tm := range all {
		en := tm.text[0]
		want := verbs.FindAllString(en, -1)
		slices.Sort(want)
		for i, code := range Languages {
			s := tm.text[i]
			if strings.TrimSpace(s) == "" {
				t.Errorf("term %q has no %s text", en, code)
				continue
			}
			got := verbs.FindAllString(s, -1)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("term %q: %s text %q has verbs %v, English %v", en, code, s, got, want)
			}
			inOrder := verbs.FindAllString(s, -1)
			args := make([]any, len(inOrder))
			for j, v := range inOrder {
				switch v[len(v)-1] {
				case 'd':
					args[j] = 7
				case '%':
					args = args[:len(args)-1]
				default:
					args[j] = "x"
				}
			}
			if out := For(code).F(tm, args...); strings.Contains(out, "%!") {
				t.Errorf("term %q in %s formats as %q", en, code, out)
			}
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		code string
		n    int
		want string
	}{
		{"en", 1, "1 person"}, {"en", 2, "2 persons"}, {"da", 0, "0 medarbejdere"}, {"da", 1, "1 medarbejder"},
		{"sl", 1, "1 oseba"}, {"sl", 2, "2 osebi"}, {"sl", 4, "4 osebe"}, {"sl", 5, "5 oseb"},
		{"sl", 101, "101 oseba"}, {"sl", 111, "111 oseb"}, {"en", 1234, "1,234 persons"}, {"da", 1234, "1.234 medarbejdere"},
		{"fr", 2, "2 persons"},
	}
	for _, tt := range tests {
		if got := For(tt.code).Count(PersonNoun, tt.n); got != tt.want {
			t.Errorf("Count(%s, %d) = %q, want %q", tt.code, tt.n, got, tt.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	en, da := For("en"), For("da")
	tests := []struct{ got, want string }{
		{en.Int(0), "0"}, {en.Int(-1234567), "-1,234,567"}, {da.Int(1000), "1.000"}, {da.Int(999), "999"},
		{en.Percent(0.8126, 1), "81.3%"}, {da.Percent(0.8126, 1), "81,3\u00a0%"}, {da.Percent(1, 0), "100\u00a0%"},
		{en.Share(0.8), "80%"}, {en.Share(0.75), "75%"}, {da.Share(2.0 / 3), "66,7\u00a0%"},
		{en.Number(2.5, 2), "2.5"}, {da.Number(2.5, 2), "2,5"}, {en.Number(3, 2), "3"},
		{en.Of(3, 4), "3 of 4"}, {da.Of(3, 4), "3 af 4"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	for _, code := range Languages {
		if err := Check(code); err != nil {
			t.Error(err)
		}
	}
	if err := Check("fr"); err == nil || !strings.Contains(err.Error(), "en, da, sl") {
		t.Errorf("Check(fr) = %v", err)
	}
	if For("sl").Code() != "sl" || For("fr").Code() != "fr" || For("fr").T(Yes) != "yes" || For("").Code() != "en" {
		t.Error("For")
	}
}
