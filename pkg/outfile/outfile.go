// Package outfile writes the files huller produces — reports, templates,
// plans — so that a reader never sees half a file: the content goes to a
// temporary file in the target folder, which is flushed to disk and then
// renamed over the target. On any error, and on an interrupt (Cleanup), the
// temporary file is removed and an existing target is left as it was.
//
// Check refuses, before any work is done, a target whose folder is missing
// and a target that is one of the command's inputs.
package outfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/huller/huller/pkg/internal/hint"
)

// Check returns an error when path cannot be written as an output: its
// folder does not exist or is not a folder, path is a folder, or path is
// the same file as one of inputs ("-" and "" in inputs are ignored).
func Check(path string, inputs ...string) error {
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case err != nil:
		return hint.With(fmt.Errorf("%s: the folder %s does not exist", path, dir), "create the folder, or choose another one")
	case !fi.IsDir():
		return fmt.Errorf("%s: %s is not a folder", path, dir)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder; give a file name", path)
	}
	for _, in := range inputs {
		if in != "" && in != "-" && SameFile(path, in) {
			return hint.With(fmt.Errorf("%s is also an input file, and writing it would overwrite that input", path), "choose another name for the output")
		}
	}
	return nil
}

// SameFile reports whether the paths a and b name the same existing file
// (also through links and different spellings of the path).
func SameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// Write writes path atomically: write gets a buffered writer on a
// temporary file in path's folder; when it returns nil, the file is flushed,
// synced to disk, given the mode of the file it replaces (0644 for a new
// one) and renamed over path. When write or any step fails, the temporary
// file is removed and path is untouched.
func Write(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := TempFile(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if fi, serr := os.Stat(path); serr == nil && fi.Mode().IsRegular() {
		mode = fi.Mode().Perm()
	}
	if err = tmp.Chmod(mode); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	forget(tmp)
	return nil
}

// temps are the temporary files not yet removed or renamed, for Cleanup.
var temps struct {
	sync.Mutex
	m map[*os.File]bool
}

// TempFile creates a temporary file (os.CreateTemp) that Cleanup removes.
// Remove it with Remove when done.
func TempFile(dir, pattern string) (*os.File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	temps.Lock()
	if temps.m == nil {
		temps.m = map[*os.File]bool{}
	}
	temps.m[f] = true
	temps.Unlock()
	return f, nil
}

// Remove closes and removes a file made by TempFile.
func Remove(f *os.File) {
	f.Close()
	os.Remove(f.Name())
	forget(f)
}

func forget(f *os.File) {
	temps.Lock()
	delete(temps.m, f)
	temps.Unlock()
}

// Cleanup closes and removes every temporary file not yet removed or
// renamed into place: what an interrupted command leaves behind. Files
// being written are closed under their writer, whose next write fails.
func Cleanup() {
	temps.Lock()
	defer temps.Unlock()
	for f := range temps.m {
		f.Close()
		os.Remove(f.Name())
	}
	temps.m = nil
}
