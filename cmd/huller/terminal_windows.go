//go:build windows

package main

import (
	"io"
	"os"

	"golang.org/x/sys/windows"
)

// enableANSI makes a Windows console interpret ANSI escape sequences, by
// turning on virtual terminal processing for it, and reports whether it now
// does. The console of Windows 10 (from version 1511; Go needs Windows 10
// anyway) and Windows Terminal take the mode; the console's "use legacy
// console" option refuses it, and would print the sequences as text (←[31m). Like gh and most console
// programs, huller leaves the mode on when it ends: it only lets the console
// interpret the sequences programs write. A writer that is not a console
// passes bytes on untouched.
func enableANSI(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return true
	}
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return true // a file or a pipe, not a console
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
