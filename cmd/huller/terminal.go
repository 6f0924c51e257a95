package main

import (
	"os"
	"strconv"

	"golang.org/x/term"
)

// terminalWidth is the width to fit output to: the terminal's when stdout
// is one, else $COLUMNS, else 100.
func terminalWidth(s *streams) int {
	if f, ok := s.Out.(*os.File); ok && s.OutTTY {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 20 {
			return w
		}
	}
	if c, err := strconv.Atoi(s.Getenv("COLUMNS")); err == nil && c > 20 {
		return c
	}
	return 100
}

// colorEnabled reports whether to colour output on stdout: only on a
// terminal, never when NO_COLOR is set or TERM is dumb.
func colorEnabled(s *streams) bool {
	return s.OutTTY && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb"
}
