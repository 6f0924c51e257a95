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
// terminal that takes ANSI escape sequences, never when NO_COLOR is set or
// TERM is dumb.
func colorEnabled(s *streams) bool {
	return useColor(s.OutTTY, s.Getenv, func() bool { return enableANSI(s.Out) })
}

// useColor decides on colour. enable makes the terminal take ANSI escape
// sequences and reports whether it does; it is called only when nothing
// else rules colour out, so that huller leaves a console it will not colour
// as it found it.
func useColor(tty bool, getenv func(string) string, enable func() bool) bool {
	if !tty || getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return false
	}
	return enable()
}
