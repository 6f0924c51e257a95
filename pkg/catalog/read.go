package catalog

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
	"github.com/huller/huller/pkg/limits"
)

// IsYAML reports whether a catalog file is read as YAML (by its name:
// .yaml or .yml) rather than as a spreadsheet.
func IsYAML(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return true
	}
	return false
}

// Load reads a catalog file — YAML (.yaml, .yml) or a spreadsheet (xlsx
// or CSV) — without checking it against a framework (see Check). It
// returns the catalog as far as it could be read and every problem.
func Load(path string, opts SheetOptions) (*Catalog, framework.Diagnostics) {
	if IsYAML(path) {
		data, err := readLimited(path)
		if err != nil {
			return nil, framework.Diagnostics{{Pos: framework.Pos{File: path}, Message: err.Error()}}
		}
		return Parse(path, data)
	}
	return ReadSheet(spreadsheet.Source{Name: path, Path: path}, opts)
}

// Read reads a catalog file (see Load) and checks it against fw; a
// spreadsheet's texts are in fw's language unless opts say otherwise. It
// returns every error and warning; the catalog is nil when it has errors.
func Read(path string, fw *framework.Framework, opts SheetOptions) (*Catalog, framework.Diagnostics) {
	if opts.Language == "" {
		opts.Language = fw.Language
	}
	c, diags := Load(path, opts)
	if c != nil { // what could be read is checked too: every problem in one run
		diags = append(diags, Check(c, fw)...)
	}
	if len(diags.Errors()) > 0 {
		return nil, diags
	}
	return c, diags
}

// readLimited reads a file of at most limits.CatalogFile bytes.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("no such file")
		}
		return nil, fmt.Errorf("cannot read: %v", unwrapPath(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("is a folder, not a file")
	}
	data, err := io.ReadAll(io.LimitReader(f, limits.CatalogFile+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %v", unwrapPath(err))
	}
	if len(data) > limits.CatalogFile {
		return nil, fmt.Errorf("file is larger than %d MiB; a catalog of a few hundred courses is well under 1 MiB", limits.CatalogFile>>20)
	}
	return data, nil
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
