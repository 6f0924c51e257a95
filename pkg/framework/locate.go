package framework

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// source is a framework file to read.
type source struct {
	name    string // as shown in messages
	key     string // identity for cycle detection
	dir     string // folder for relative extends; "" for built-ins and bytes
	root    string // folder extends may reach: the first file's, real path; "" for none
	builtin bool
	data    []byte
}

// AllowDir lets `extends` name framework files in dir and below it, besides
// built-in frameworks and the first file's own folder (huller's
// --framework-dir).
func (l *Loader) AllowDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("%s: no such folder", dir)
	}
	if !st.IsDir() {
		return fmt.Errorf("%s is a file, not a folder", dir)
	}
	real, err := realDir(dir)
	if err != nil {
		return err
	}
	l.dirs = append(l.dirs, real)
	return nil
}

// realDir returns dir as an absolute path with symlinks resolved.
func realDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// locate finds ref as a built-in id or a file. from is the framework that
// extends ref, nil when the user named ref: a file the user names may lie
// anywhere, a file a framework extends only below the first file's folder
// or an allowed one.
func (l *Loader) locate(ref string, from *source) (source, error) {
	looksLikePath := strings.ContainsAny(ref, `/\`) || strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml")
	if !looksLikePath && l.IsBuiltin(ref) {
		data, err := fs.ReadFile(l.builtin, ref+".yaml")
		if err != nil {
			return source{}, err
		}
		return source{name: ref + ".yaml", key: "builtin:" + ref, builtin: true, data: data}, nil
	}
	p := ref
	if from != nil {
		if from.dir == "" {
			if len(l.Builtins()) == 0 {
				return source{}, fmt.Errorf("%s: a framework that is not read from a file cannot extend another one", quote(ref))
			}
			return source{}, fmt.Errorf("%s: a framework that is not read from a file can extend only a built-in framework (%s)", quote(ref), strings.Join(l.Builtins(), ", "))
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(from.dir, p)
		}
		if err := l.confined(p, ref, from); err != nil {
			return source{}, err
		}
	}
	data, err := readRegular(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !looksLikePath {
			return source{}, fmt.Errorf("%s is neither a built-in framework (%s) nor a file", quote(ref), strings.Join(l.Builtins(), ", "))
		}
		return source{}, err
	}
	abs, _ := filepath.Abs(p)
	root := ""
	if from != nil {
		root = from.root
	} else if r, err := realDir(filepath.Dir(p)); err == nil {
		root = r
	}
	return source{name: p, key: abs, dir: filepath.Dir(p), root: root, data: data}, nil
}

// confined checks that the file p, which from extends as ref, lies in the
// first file's folder or an allowed folder, following symlinks.
func (l *Loader) confined(p, ref string, from *source) error {
	real, err := filepath.Abs(p)
	if err != nil {
		return err
	}
	if r, err := filepath.EvalSymlinks(real); err == nil {
		real = r
	} else if d, err := filepath.EvalSymlinks(filepath.Dir(real)); err == nil {
		real = filepath.Join(d, filepath.Base(real)) // a missing file: reported when read
	}
	for _, dir := range append([]string{from.root}, l.dirs...) {
		if dir != "" && within(real, dir) {
			return nil
		}
	}
	return fmt.Errorf("%s lies outside the folder of %s; a framework may extend a built-in framework or a file in its own folder or below it (allow another folder with --framework-dir)", quote(ref), filepath.Base(from.name))
}

// within reports whether path lies in dir or below it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// readRegular reads a framework file, refusing anything but a regular file
// (a folder, device, pipe or socket would hang or never end) and anything
// larger than MaxFileSize.
func readRegular(p string) ([]byte, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if err := regular(p, st); err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st2, err := f.Stat(); err != nil || !os.SameFile(st, st2) {
		return nil, fmt.Errorf("%s changed while it was opened; try again", p)
	}
	return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
}

// regular explains why st is not a regular file, or returns nil.
func regular(p string, st fs.FileInfo) error {
	switch {
	case st.IsDir():
		return fmt.Errorf("%s is a folder, not a framework file", p)
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file (a device, pipe or socket); a framework is a YAML file", p)
	}
	return nil
}
