// Package safetext makes text from outside — names, teams, roles, framework
// texts — safe for the place huller writes it to: one function per sink.
//
//   - Terminal: no control character or escape sequence reaches the
//     terminal (ESC [2J would clear the screen, OSC 52 set the clipboard,
//     a bidi override reorder what the reader sees); each is shown escaped.
//   - Markdown: nothing is read as Markdown syntax or HTML: no link, image,
//     emphasis or table break; line breaks become spaces.
//   - CSV: nothing is run as a formula when a spreadsheet opens the file
//     (OWASP CSV injection).
//
// Excel cells need no function here: the workbooks write every text as a
// text cell, never as a formula, and escape control characters the way
// Excel does (_xHHHH_).
package safetext

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Terminal returns s with every control character (C0 except newline, DEL,
// C1), every bidirectional-text control and every invalid UTF-8 byte shown
// escaped: ESC as \x1b, U+202E as \u202e, a bad byte as \xff. Newlines are
// kept (a cell or message may have several lines); tabs become \t.
func Terminal(s string) string {
	if !needsTerminal(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteByte('\n')
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f || isBidi(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsTerminal(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 {
			return needsTerminalSlow(s)
		}
	}
	return false
}

func needsTerminalSlow(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f || isBidi(r) {
			return true
		}
	}
	return false
}

// isBidi reports whether r is a Unicode bidirectional formatting character
// (marks, embeddings, overrides, isolates).
func isBidi(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// markdown escapes what Markdown or the HTML it becomes would read as
// syntax: a backslash before Markdown's punctuation, entities for HTML.
// Escaping the brackets is enough to keep "[text](url)" and "![](url)"
// from becoming a link or an image; huller's own text never puts a name at
// the start of a line, where "#" or "-" would matter.
var markdown = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "&", "&amp;", "<", "&lt;", ">", "&gt;",
	"[", `\[`, "]", `\]`, "*", `\*`, "_", `\_`, "`", "\\`", "~", `\~`,
	"\r\n", " ", "\n", " ", "\r", " ", "\t", " ",
)

// Markdown returns s safe for one line or table cell of GitHub-flavoured
// Markdown: shown as written, never read as a link, image, emphasis, code,
// heading, HTML or the end of a table cell. Control characters are escaped
// as for Terminal.
func Markdown(s string) string { return markdown.Replace(Terminal(s)) }

// plainNumber matches a decimal number a spreadsheet reads as a number.
var plainNumber = regexp.MustCompile(`^[+-]?[0-9]+([.,][0-9]+)?$`)

// CSV neutralises a text cell for spreadsheets (OWASP CSV injection): a
// cell starting with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, unless it is a plain number such as -3 or +1.5.
func CSV(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if !plainNumber.MatchString(s) {
			return "'" + s
		}
	}
	return s
}
