package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestUseColor pins the colour decision on every system: colour only on a
// terminal that takes ANSI escape sequences, never with NO_COLOR or a dumb
// TERM, and the console left alone whenever colour is ruled out anyway.
func TestUseColor(t *testing.T) {
	tests := []struct {
		name     string
		tty      bool
		env      map[string]string
		takes    bool // the terminal takes ANSI sequences, or was made to
		color    bool
		asksTerm bool // enable is called
	}{
		{"terminal", true, nil, true, true, true},
		{"Windows Terminal or a Windows 10 console", true, map[string]string{"TERM": ""}, true, true, true},
		{"console refusing virtual terminal processing", true, nil, false, false, true},
		{"pipe or file", false, nil, true, false, false},
		{"NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, true, false, false},
		{"NO_COLOR on a refusing console", true, map[string]string{"NO_COLOR": "1"}, false, false, false},
		{"dumb terminal", true, map[string]string{"TERM": "dumb"}, true, false, false},
		{"xterm", true, map[string]string{"TERM": "xterm-256color"}, true, true, true},
	}
	for _, tt := range tests {
		asked := false
		enable := func() bool { asked = true; return tt.takes }
		got := useColor(tt.tty, func(k string) string { return tt.env[k] }, enable)
		if got != tt.color || asked != tt.asksTerm {
			t.Errorf("%s: colour %v (terminal asked: %v), want %v (%v)", tt.name, got, asked, tt.color, tt.asksTerm)
		}
	}
}

// TestDanishOnTerminal runs huller as on a colour terminal and checks that
// what it writes is UTF-8 with the Danish letters intact (a Windows console
// gets it through WriteConsoleW as UTF-16, a file or pipe as these bytes),
// and that colour codes appear exactly when colour is on.
func TestDanishOnTerminal(t *testing.T) {
	for _, noColor := range []string{"", "1"} {
		var out, errb bytes.Buffer
		s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, OutTTY: true, ErrTTY: true,
			Getenv: func(k string) string {
				if k == "NO_COLOR" {
					return noColor
				}
				return ""
			}}
		if code := execute(s, []string{"analyze", "--example", "--lang", "da"}); code != exitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		text := out.String()
		if !utf8.ValidString(text) || !utf8.ValidString(errb.String()) {
			t.Errorf("NO_COLOR=%q: output is not valid UTF-8", noColor)
		}
		if !strings.ContainsAny(text, "æøå") {
			t.Errorf("NO_COLOR=%q: no Danish letters in the Danish output:\n%s", noColor, text)
		}
		if hasCodes := strings.Contains(text, "\x1b["); hasCodes != (noColor == "") {
			t.Errorf("NO_COLOR=%q: colour codes in the output: %v", noColor, hasCodes)
		}
	}
}
