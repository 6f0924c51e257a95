package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/huller/huller/pkg/inspect"
	"github.com/huller/huller/pkg/safetext"
	"github.com/spf13/cobra"
)

type inspectOptions struct {
	files  []string
	format string
	s      *streams
}

func newInspectCmd(s *streams) *cobra.Command {
	opts := &inspectOptions{s: s}
	cmd := &cobra.Command{
		Use:   "inspect FILE...",
		Short: "List what personal data a workbook or CSV file holds, before you send it",
		Long: `List what personal data a file holds: for a huller report, who it was made
for and how it shows persons (from its document properties); for any workbook
(xlsx) or CSV file, the columns of names and ids (headed as a roster's: name,
navn, ime, id, medarbejdernr, …; an id column beside a name column) and the
columns of huller's reports that list persons, with how many rows hold them,
and whether those are pseudonyms. Pseudonymised data are personal data too.
Free text cannot be checked for names: cell comments (notes) written by
anyone but huller are listed by author, and a file with them counts as one
that may hold personal data (a report saved again by LibreOffice, which
drops the comments' author, keeps huller's own: their texts are checked
against the digest huller recorded). The author and last editor named in
the document's properties are shown too.

Exit status: 0 when no file holds personal data; 3 when one does or may
(names, ids or pseudonyms of persons, or comments huller did not write), so
that a script can gate on it; 1 when a file cannot be read; 2 for wrong
usage.`,
		Example: `  huller inspect med-report.xlsx
  huller inspect report.xlsx export.csv --format json
  huller inspect med-report.xlsx && mail-it med-report.xlsx   # send only what holds no person`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			opts.files = a
			return runInspect(opts)
		},
	}
	enumFlag(cmd, &opts.format, "format", "", "text", []string{"text", "json"}, "output format")
	return cmd
}

func runInspect(opts *inspectOptions) error {
	var results []*inspect.Result
	personal := false
	for _, f := range opts.files {
		switch strings.ToLower(filepath.Ext(f)) {
		case ".json", ".md", ".txt":
			return withHint(fmt.Errorf("%s: inspect reads workbooks (xlsx) and CSV files", f),
				`huller's JSON says how it shows persons in its "mode": named, pseudonymised or aggregate`)
		}
		r, err := inspect.File(f)
		if err != nil {
			return err
		}
		results = append(results, r)
		personal = personal || r.Personal()
	}
	var err error
	if opts.format == "json" {
		err = inspectJSON(opts, results)
	} else {
		inspectText(opts, results)
	}
	if err != nil {
		return err
	}
	if personal {
		return exitCodeError{code: exitFindings}
	}
	return nil
}

// inspectText says, per file, what it holds of persons.
func inspectText(opts *inspectOptions, results []*inspect.Result) {
	w := opts.s.Out
	for i, r := range results {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s: %s\n", safetext.Terminal(r.File), recorded(r.Huller))
		for _, s := range r.Sheets { // a column a line: short enough to read at 80 columns
			where := "sheet " + safetext.Terminal(s.Name)
			if s.Name == "" {
				where = "the file"
			}
			fmt.Fprintf(w, "  %s:\n", where)
			for _, c := range s.Columns {
				fmt.Fprintf(w, "    %s\n", columnText(s.Where(c), c))
			}
		}
		if r.Creator != "" || r.LastModifiedBy != "" {
			fmt.Fprintf(w, "  document properties: %s\n", safetext.Terminal(authorsText(r)))
		}
		if len(r.Comments) > 0 {
			var by []string
			for _, c := range r.Comments {
				if c.Name == "" {
					by = append(by, fmt.Sprintf("%d without an author's name", c.Comments))
				} else {
					by = append(by, fmt.Sprintf("%d by %s", c.Comments, c.Name))
				}
			}
			fmt.Fprintf(w, "  cell comments: %s\n    free text huller cannot check for names: read or delete them before sending\n",
				safetext.Terminal(strings.Join(by, ", ")))
		}
		switch {
		case r.Persons():
			fmt.Fprintln(w, "  personal data: yes — keep it with those who may see persons' assessments")
		case r.Personal():
			fmt.Fprintln(w, "  personal data: maybe — the cell comments may name persons")
		default:
			fmt.Fprintln(w, "  personal data: none found (no name, id or pseudonym of a person)")
		}
	}
}

// authorsText names the document's author and last editor.
func authorsText(r *inspect.Result) string {
	var parts []string
	if r.Creator != "" {
		parts = append(parts, fmt.Sprintf("author %q", r.Creator))
	}
	if r.LastModifiedBy != "" && r.LastModifiedBy != r.Creator {
		parts = append(parts, fmt.Sprintf("last saved by %q", r.LastModifiedBy))
	}
	return strings.Join(parts, ", ")
}

// recorded says what a huller report's properties say of it.
func recorded(h *inspect.Recorded) string {
	if h == nil {
		return "not a huller report (no huller document properties)"
	}
	kind := map[string]string{"report": "a huller report", "talk": "a huller development-talk workbook",
		"aggregate": "a huller aggregate report", "units": "a huller comparison of units",
		"plan": "a huller development plan", "diff": "a huller comparison of two mappings"}[h.Report]
	if kind == "" {
		kind = "a huller workbook (" + h.Report + ")"
	}
	s := kind + " made for the " + h.Audience
	switch h.Mode {
	case "aggregate":
		s += " · no persons; no figure about fewer than " + h.MinCell + " persons"
	case "pseudonymised":
		s += " · persons shown by pseudonyms (" + h.Pseudonyms + ")"
	case "named":
		s += " · persons named"
	}
	return s
}

func columnText(where string, c inspect.Column) string {
	what := map[string]string{"name": "names", "id": "ids", "list": "persons listed"}[c.Kind]
	s := fmt.Sprintf("%s %q: %s in %d %s", where, c.Header, what, c.Values, plural(c.Values, "row", "rows"))
	if c.Pseudonyms > 0 {
		if c.Pseudonyms == c.Values {
			s += " (pseudonyms)"
		} else {
			s += fmt.Sprintf(" (%d of them pseudonyms)", c.Pseudonyms)
		}
	}
	return safetext.Terminal(s)
}

type jInspectColumn struct {
	Col        int    `json:"col"`
	Header     string `json:"header"`
	Kind       string `json:"kind"`
	Values     int    `json:"values"`
	Pseudonyms int    `json:"pseudonyms"`
}

type jInspectSheet struct {
	Name    string           `json:"name"`
	Columns []jInspectColumn `json:"columns"`
}

type jInspectHuller struct {
	Report     string `json:"report"`
	Audience   string `json:"audience"`
	Mode       string `json:"mode"`
	Pseudonyms string `json:"pseudonyms"`
	MinCell    string `json:"min_cell"`
}

type jInspectFile struct {
	File           string           `json:"file"`
	Personal       bool             `json:"personal"`
	Persons        bool             `json:"persons"`
	Huller         *jInspectHuller  `json:"huller"`
	Sheets         []jInspectSheet  `json:"sheets"`
	Creator        string           `json:"creator"`
	LastModifiedBy string           `json:"last_modified_by"`
	Comments       []jInspectAuthor `json:"comments"`
}

type jInspectAuthor struct {
	Author   string `json:"author"`
	Comments int    `json:"comments"`
}

func inspectJSON(opts *inspectOptions, results []*inspect.Result) error {
	out := struct {
		Files []jInspectFile `json:"files"`
	}{Files: []jInspectFile{}}
	for _, r := range results {
		f := jInspectFile{File: r.File, Personal: r.Personal(), Persons: r.Persons(), Sheets: []jInspectSheet{},
			Creator: r.Creator, LastModifiedBy: r.LastModifiedBy, Comments: []jInspectAuthor{}}
		for _, c := range r.Comments {
			f.Comments = append(f.Comments, jInspectAuthor{c.Name, c.Comments})
		}
		if h := r.Huller; h != nil {
			f.Huller = &jInspectHuller{h.Report, h.Audience, h.Mode, h.Pseudonyms, h.MinCell}
		}
		for _, s := range r.Sheets {
			js := jInspectSheet{Name: s.Name, Columns: []jInspectColumn{}}
			for _, c := range s.Columns {
				js.Columns = append(js.Columns, jInspectColumn{c.Col, c.Header, c.Kind, c.Values, c.Pseudonyms})
			}
			f.Sheets = append(f.Sheets, js)
		}
		out.Files = append(out.Files, f)
	}
	enc := json.NewEncoder(opts.s.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
