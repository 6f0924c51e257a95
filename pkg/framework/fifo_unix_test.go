//go:build unix

package framework

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExtendsFIFO: a framework that extends a named pipe, or a pipe named as
// the framework, is refused at once instead of waiting forever for a writer.
func TestExtendsFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "f.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	ext := filepath.Join(dir, "e.yaml")
	if err := os.WriteFile(ext, []byte("id: x\nextends: ./f.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{ext, fifo} {
		done := make(chan string, 1)
		go func() {
			_, diags := NewLoader(nil).Check(ref)
			done <- diags.Error()
		}()
		select {
		case msg := <-done:
			if !strings.Contains(msg, "is not a regular file") {
				t.Errorf("%s: %s", filepath.Base(ref), msg)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still reading the pipe after 10 s", filepath.Base(ref))
		}
	}
}
