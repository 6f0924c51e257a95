package safetext

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTerminal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Anne Nielsen", "Anne Nielsen"},
		{"Søren Ærø", "Søren Ærø"},
		{"\x1b]0;PWNED\a\x1b[2JEVIL", `\x1b]0;PWNED\x07\x1b[2JEVIL`},
		{"\x1b]52;c;Y3VybCBldmlsIHwgc2gK\a", `\x1b]52;c;Y3VybCBldmlsIHwgc2gK\x07`},
		{"abc\u202edcba", `abc\u202edcba`},
		{"\u2066x\u2069", `\u2066x\u2069`},
		{"C1\u009b31m", `C1\u009b31m`},
		{"del\x7f", `del\x7f`},
		{"tab\tx", `tab\tx`},
		{"two\nlines", "two\nlines"},
		{"bad\xffbyte", `bad\xffbyte`},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Terminal(tt.in); got != tt.want {
			t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Anne", "Anne"},
		{"[click](http://evil)", `\[click\](http://evil)`},
		{"![](http://evil/pixel.png)", `!\[\](http://evil/pixel.png)`},
		{"a|b", `a\|b`},
		{"<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"},
		{"*bold* _it_ `code` ~~s~~", "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~"},
		{"back\\slash", `back\\slash`},
		{"line\nbreak", "line break"},
		{"\x1b[2J", `\\x1b\[2J`},
	}
	for _, tt := range tests {
		if got := Markdown(tt.in); got != tt.want {
			t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCSV(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""}, {"Anne", "Anne"}, {"=1+2", "'=1+2"}, {"+45 1234", "'+45 1234"}, {"-Minus", "'-Minus"},
		{"@SUM(A1)", "'@SUM(A1)"}, {"\tx", "'\tx"}, {"\rx", "'\rx"}, {"-3", "-3"}, {"+1.5", "+1.5"},
		{"-2,5", "-2,5"}, {"-2+3", "'-2+3"}, {"-Inf", "'-Inf"}, {"a=b", "a=b"}, {" =x", " =x"},
	}
	for _, tt := range tests {
		if got := CSV(tt.in); got != tt.want {
			t.Errorf("CSV(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzTerminal: whatever the input, the output is valid UTF-8 with no
// control character but newline, and no bidi control.
func FuzzTerminal(f *testing.F) {
	for _, s := range []string{"Anne", "\x1b[2J", "a\u202eb", "\xff\xfe", "\u009b", "x\ty\nz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Terminal(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Terminal(%q) = %q: invalid UTF-8", s, out)
		}
		for _, r := range out {
			if r != '\n' && (unicode.IsControl(r) || isBidi(r)) {
				t.Fatalf("Terminal(%q) = %q keeps %U", s, out, r)
			}
		}
		if md := Markdown(s); strings.ContainsAny(md, "\n\r<>") {
			t.Fatalf("Markdown(%q) = %q", s, md)
		}
	})
}
