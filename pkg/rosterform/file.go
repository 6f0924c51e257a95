package rosterform

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
)

// WriteCSV writes a CSV roster template: one header row (the fixed columns
// in the template's language, then "id short name" per leaf), UTF-8 with a
// BOM so that Excel shows æ, ø and å.
func WriteCSV(w io.Writer, fw *framework.Framework, opts Options) error {
	if opts.Lang == "" {
		opts.Lang = fw.Language
	}
	header := fixedHeaders(lang.For(opts.Lang))
	for _, l := range fw.Leaves {
		header = append(header, nodeHeader(l, fw.Text(l.Name, opts.Lang)))
	}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// WriteFile writes path atomically: into a temporary file in the same
// folder, renamed over path once complete, so that a failure never leaves a
// half-written file (an existing file is replaced only on success).
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if st, statErr := os.Stat(path); statErr == nil {
		mode = st.Mode().Perm()
	} else if !errors.Is(statErr, os.ErrNotExist) {
		return statErr
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
