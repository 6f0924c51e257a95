package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/limits"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	paths     []string
	dirs      []string // --framework-dir
	strict    bool
	format    string
	framework string // for catalogs
	s         *streams
}

func newValidateCmd(s *streams) *cobra.Command {
	opts := &validateOptions{s: s}
	cmd := &cobra.Command{
		Use:   "validate [FILE|DIR]...",
		Short: "Check framework and course catalog files for errors",
		Long: `Check framework YAML files: syntax, unknown keys, duplicate ids, role levels
that name no competence or lie outside the scale, empty groups, scale gaps,
extends cycles and missing English translations. Every problem is reported
in one run, with file, line and column.

A course catalog (a YAML file with 'kind: catalog' or 'courses:', or a
spreadsheet given by name) is checked too, against the framework it names
(a built-in) or --framework: unknown competences (with the closest ids),
levels outside the scale, 'to' not above 'from', negative prices or
capacities, duplicate course ids, a catalog written for another framework.

A folder stands for the .yaml and .yml files below it. Without arguments the
built-in frameworks are checked.

A framework may extend a built-in framework or a file in its own folder or
below it; --framework-dir DIR allows the files below DIR as well. Framework
files must be regular files.

Exit status: 0 when no error remains, 1 otherwise. Missing translations are
warnings; --strict makes warnings count as errors.`,
		Example: `  huller validate my-framework.yaml
  huller validate --strict frameworks/ examples/
  huller validate --format github frameworks/   # annotations in CI logs
  huller validate --framework-dir ../shared local/nordby.yaml
  huller validate kursuskatalog.yaml
  huller validate kurser.xlsx --framework my-framework.yaml`,
		RunE: func(cmd *cobra.Command, a []string) error {
			opts.paths = a
			return runValidate(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "treat warnings as errors")
	frameworkDirFlag(cmd, &opts.dirs)
	cmd.Flags().StringVarP(&opts.framework, "framework", "f", "", "framework to check course catalogs against (default: the built-in one each catalog names)")
	_ = cmd.RegisterFlagCompletionFunc("framework", completeFrameworks)
	enumFlag(cmd, &opts.format, "format", "", "text", []string{"text", "json", "github"}, "output format")
	return cmd
}

// diagnosticJSON is one problem in --format json.
type diagnosticJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func runValidate(opts *validateOptions) error {
	loader, err := newLoader(opts.dirs)
	if err != nil {
		return err
	}
	refs := opts.paths
	if len(refs) == 0 {
		refs = loader.Builtins()
	} else {
		files, err := framework.CollectFiles(refs)
		if err != nil {
			return err
		}
		refs = files
	}
	var all framework.Diagnostics
	for _, ref := range refs {
		var diags framework.Diagnostics
		if isCatalogFile(ref) {
			diags = checkCatalog(loader, ref, opts.framework)
		} else {
			_, diags = loader.Check(ref)
		}
		for _, d := range diags {
			if d.Pos.File == "" {
				d.Pos.File = ref
			}
			if opts.strict {
				d.Severity = framework.Error
			}
			all = append(all, d)
		}
	}
	if err := printDiagnostics(opts, all); err != nil {
		return err
	}
	nerr, nwarn := len(all.Errors()), len(all.Warnings())
	summary := fmt.Sprintf("%d %s checked: %d %s, %d %s", len(refs), plural(len(refs), "file", "files"),
		nerr, plural(nerr, "error", "errors"), nwarn, plural(nwarn, "warning", "warnings"))
	if nerr > 0 {
		return exitCodeError{exitError, summary}
	}
	fmt.Fprintln(opts.s.Err, "huller: "+summary)
	return nil
}

func printDiagnostics(opts *validateOptions, all framework.Diagnostics) error {
	w := opts.s.Out
	switch opts.format {
	case "json":
		out := make([]diagnosticJSON, 0, len(all))
		for _, d := range all {
			out = append(out, diagnosticJSON{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Message})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "github":
		for _, d := range all {
			fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d::%s\n", d.Severity, ghEscapeProp(d.Pos.File), d.Pos.Line, d.Pos.Col, ghEscape(d.Message))
		}
	default:
		for _, d := range all {
			fmt.Fprintln(w, d.String())
		}
	}
	return nil
}

// ghEscape escapes a GitHub workflow command message.
func ghEscape(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghEscapeProp escapes a GitHub workflow command property value.
func ghEscapeProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// isCatalogFile reports whether a file given to validate is a course
// catalog: a spreadsheet, or YAML that says `kind: catalog` or holds
// `courses:`. Built-in framework ids and unreadable files are not.
func isCatalogFile(ref string) bool {
	st, err := os.Stat(ref)
	if err != nil || st.IsDir() {
		return false
	}
	if !catalog.IsYAML(ref) {
		return true
	}
	f, err := os.Open(ref)
	if err != nil {
		return false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limits.CatalogFile))
	return err == nil && catalog.IsCatalog(data)
}

// checkCatalog reads a catalog file and checks it against fwRef, else the
// framework it names.
func checkCatalog(loader *framework.Loader, ref, fwRef string) framework.Diagnostics {
	var c *catalog.Catalog
	var diags framework.Diagnostics
	read := func(lang string) { c, diags = catalog.Load(ref, catalog.SheetOptions{Language: lang}) }
	read("")
	if c == nil {
		return diags
	}
	if fwRef == "" {
		fwRef = c.Framework
	}
	if fwRef == "" {
		return append(diags, framework.Diagnostic{Pos: c.FrameworkPos,
			Message: "the catalog names no framework; give the framework to check it against with --framework"})
	}
	fw, err := loader.Load(fwRef)
	if err != nil {
		return append(diags, framework.Diagnostic{Pos: c.FrameworkPos,
			Message: "cannot load framework " + fwRef + " to check the catalog against: " + err.Error() + "; give it with --framework"})
	}
	if !catalog.IsYAML(ref) && fw.Language != c.Language {
		read(fw.Language) // the sheet's texts are in the framework's language
		if c == nil {
			return diags
		}
	}
	return append(diags, catalog.Check(c, fw)...)
}
