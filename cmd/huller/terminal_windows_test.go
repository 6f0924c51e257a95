//go:build windows

package main

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/windows"
)

// TestEnableANSIWindows checks that a file is left alone and that, on a
// console, enableANSI's answer is the console's real mode afterwards.
func TestEnableANSIWindows(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !enableANSI(f) {
		t.Error("a file was treated as a console that refuses colour")
	}

	con, err := os.OpenFile("CONOUT$", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no console to test on: %v", err)
	}
	defer con.Close()
	h := windows.Handle(con.Fd())
	var before uint32
	if err := windows.GetConsoleMode(h, &before); err != nil {
		t.Skipf("no console to test on: %v", err)
	}
	defer windows.SetConsoleMode(h, before)
	const vt = windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING
	if err := windows.SetConsoleMode(h, before&^vt); err != nil {
		t.Fatal(err)
	}
	took := enableANSI(con)
	var after uint32
	if err := windows.GetConsoleMode(h, &after); err != nil {
		t.Fatal(err)
	}
	if took != (after&vt != 0) {
		t.Errorf("enableANSI reported %v, but the console's virtual terminal processing is %v", took, after&vt != 0)
	}
}
