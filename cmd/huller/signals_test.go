package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/huller/huller/pkg/outfile"
)

// TestInterruptMidWrite: a signal while a report is being written removes
// the temporary files, leaves the existing report as it was, and exits 130.
func TestInterruptMidWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(path, []byte("old report"), 0o644); err != nil {
		t.Fatal(err)
	}
	sig := make(chan os.Signal, 1)
	writing := make(chan struct{})
	go func() { <-writing; sig <- os.Interrupt }()
	var errb bytes.Buffer
	code := interruptible(&streams{Err: &errb}, func() int {
		_ = outfile.Write(path, func(w io.Writer) error {
			spill, err := outfile.TempFile(dir, "spill-*") // as the report's compressed parts
			if err != nil {
				return err
			}
			defer outfile.Remove(spill)
			if _, err := w.Write(bytes.Repeat([]byte("x"), 1<<20)); err != nil {
				return err
			}
			close(writing)
			select {} // a long write, interrupted
		})
		return 0
	}, sig)
	if code != exitSignal || !strings.Contains(errb.String(), "huller: interrupted") {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitSignal, errb.String())
	}
	checkUntouched(t, dir, path)
}

func checkUntouched(t *testing.T, dir, path string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left behind: %v", names)
	}
	if b, _ := os.ReadFile(path); string(b) != "old report" {
		t.Errorf("the existing report changed")
	}
}

// TestInterruptProcess sends SIGINT to a real huller process that waits
// for its roster on standard input: it stops at once with exit code 130
// and writes nothing.
func TestInterruptProcess(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to a child process on Windows")
	}
	dir := t.TempDir()
	exe := filepath.Join(dir, "huller")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(self, exe); err != nil {
		t.Skip(err)
	}
	out := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(out, []byte("old report"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "analyze", "-", "-o", out)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if _, err := io.WriteString(stdin, "name,role,1.1\nAnne,jobkonsulent,3\n"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // huller is reading, blocked on stdin
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitSignal {
		t.Fatalf("exit %d (%v), want %d\n%s", code, err, exitSignal, errb.String())
	}
	if !strings.Contains(errb.String(), "huller: interrupted") {
		t.Errorf("stderr %q", errb.String())
	}
	os.Remove(exe)
	checkUntouched(t, dir, out)
}
