package rosterform

import (
	"encoding/csv"
	"io"

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
