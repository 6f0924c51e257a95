package outfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("content %q", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the replaced file's 0640", fi.Mode().Perm())
	}
	// an error leaves the old file and no temporary file
	boom := errors.New("boom")
	if err := Write(path, func(w io.Writer) error { _, _ = io.WriteString(w, "half"); return boom }); err != boom {
		t.Errorf("error %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("a failed write changed the file: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := Write(filepath.Join(dir, "missing", "r.xlsx"), func(io.Writer) error { return nil }); err == nil {
		t.Error("no error for a missing folder")
	}
	// a new file is 0644 (before the umask)
	fresh := filepath.Join(dir, "fresh.txt")
	if err := Write(fresh, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(fresh); fi.Mode().Perm()&0o600 != 0o600 {
		t.Errorf("new file mode %v", fi.Mode())
	}
}

// TestCleanup: an interrupt while a file is written removes the temporary
// file and leaves the existing target as it was.
func TestCleanup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	spill, err := TempFile(dir, "spill-*")
	if err != nil {
		t.Fatal(err)
	}
	err = Write(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, strings.Repeat("x", 1<<17)); err != nil {
			return err
		}
		Cleanup() // the interrupt arrives mid-write
		_, err := io.WriteString(w, strings.Repeat("y", 1<<17))
		return err
	})
	if err == nil {
		t.Fatal("the write went on after Cleanup")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the target changed: %q", b[:min(len(b), 10)])
	}
	if _, err := spill.Write([]byte("x")); err == nil {
		t.Error("the spill file is still open")
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "team.xlsx")
	if err := os.WriteFile(in, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.xlsx")
	_ = os.Symlink(in, link)
	tests := []struct {
		path, input, want string
	}{
		{filepath.Join(dir, "report.xlsx"), in, ""},
		{filepath.Join(dir, "nodir", "report.xlsx"), "", "nodir does not exist"},
		{filepath.Join(in, "report.xlsx"), "", "is not a folder"},
		{dir, "", "is a folder; give a file name"},
		{in, in, "is also an input file"},
		{filepath.Join(dir, ".", "team.xlsx"), in, "is also an input file"},
		{link, in, "is also an input file"},
		{in, "-", ""},
	}
	for _, tt := range tests {
		err := Check(tt.path, tt.input)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("Check(%s, %s) = %v, want %q", tt.path, tt.input, err, tt.want)
		}
	}
}
