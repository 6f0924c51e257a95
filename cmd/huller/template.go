package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/outfile"
	"github.com/huller/huller/pkg/roster"
	"github.com/huller/huller/pkg/rosterform"
	"github.com/huller/huller/pkg/workbook"
	"github.com/spf13/cobra"
)

type templateOptions struct {
	framework string
	dirs      []string // --framework-dir
	output    string
	format    string
	lang      string
	catalog   bool
	s         *streams
}

func newTemplateCmd(s *streams) *cobra.Command {
	opts := &templateOptions{s: s}
	cmd := &cobra.Command{
		Use:   "template -o FILE",
		Short: "Write a roster workbook to fill in",
		Long: `Write a roster template for a framework: an xlsx workbook with a Roster sheet
(one row per person: name, id, role, team, profiles, then one column per
competence, with drop-downs of the scale's levels and the full texts as
header comments), a Requirements sheet pre-filled from the framework's roles,
and an Instructions sheet in the framework's language (--lang en for
English). The framework is recorded in the workbook, so that 'huller analyze'
picks it without --framework.

--format csv (the default for an output name ending in .csv) writes just the
CSV header row instead, UTF-8 with a BOM.

--catalog writes a course catalog to fill in instead, for 'huller plan
--catalog': one row per course and competence it develops, with drop-downs
of the forms, activity types, kinds of learning goal, the framework's
competences and the scale's levels, and the meaning of each column as a
header comment and on an Instructions sheet.
An existing output file is replaced (atomically); the framework file itself
is never overwritten.`,
		Example: `  huller template -o roster.xlsx
  huller template --framework koordinator-mreze --lang en -o team.xlsx
  huller template --format csv > roster.csv
  huller template --catalog -o kursuskatalog.xlsx`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("format") && strings.EqualFold(filepath.Ext(opts.output), ".csv") {
				opts.format = "csv"
			}
			return runTemplate(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.framework, "framework", "f", frameworks.Default, "framework: a built-in id or a YAML file")
	frameworkDirFlag(cmd, &opts.dirs)
	f.StringVarP(&opts.output, "output", "o", "", "file to write (- for standard output)")
	enumFlag(cmd, &opts.format, "format", "", "xlsx", []string{"xlsx", "csv"}, "output format")
	langFlag(cmd, &opts.lang, "", "language of the texts (default: the framework's)")
	f.BoolVar(&opts.catalog, "catalog", false, "write a course catalog to fill in (for huller plan) instead of a roster")
	_ = cmd.RegisterFlagCompletionFunc("framework", completeFrameworks)
	return cmd
}

func runTemplate(opts *templateOptions) error {
	warnLang(opts.s, opts.lang)
	out := opts.output
	if out == "" {
		if opts.format == "xlsx" {
			return usageError{errors.New("say where to write the workbook: -o roster.xlsx (or -o - for standard output)")}
		}
		out = "-"
	}
	if out == "-" && opts.format == "xlsx" && opts.s.OutTTY {
		return withHint(errors.New("refusing to write a binary workbook to the terminal"), "use -o FILE, or redirect the output to a file")
	}
	loader, err := newLoader(opts.dirs)
	if err != nil {
		return err
	}
	fw, err := loader.Load(opts.framework)
	if err != nil {
		return err
	}
	if opts.catalog {
		return writeCatalogForm(opts, fw, out)
	}
	ref := roster.FrameworkRef{ID: fw.ID}
	if !loader.IsBuiltin(opts.framework) {
		if abs, err := filepath.Abs(opts.framework); err == nil {
			ref.File = abs
		}
	}
	topts := rosterform.Options{Lang: opts.lang, Ref: ref, FileName: filepath.Base(out)}
	if out == "-" {
		topts.FileName = "roster." + opts.format
	}
	write := func(w io.Writer) error {
		if opts.format == "csv" {
			return rosterform.WriteCSV(w, fw, topts)
		}
		return rosterform.WriteXLSX(w, fw, topts)
	}
	if out == "-" {
		return write(opts.s.Out)
	}
	if err := outfile.Check(out, ref.File); err != nil {
		return err
	}
	if err := outfile.Write(out, write); err != nil {
		return fmt.Errorf("%s: %w", out, unwrapPath(err))
	}
	fmt.Fprintf(opts.s.Err, "huller: wrote %s: %s, %d %s, %d %s\n", out, fw.ID,
		len(fw.Leaves), plural(len(fw.Leaves), "competence", "competences"), len(fw.Roles), plural(len(fw.Roles), "role", "roles"))
	return nil
}

// writeCatalogForm writes the course catalog to fill in.
func writeCatalogForm(opts *templateOptions, fw *framework.Framework, out string) error {
	wo, err := newWorkbookOptions(opts.s, opts.lang, nil)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		if opts.format == "csv" {
			return workbook.WriteCatalogFormCSV(w)
		}
		return workbook.WriteCatalogForm(w, fw, wo)
	}
	if out == "-" {
		return write(opts.s.Out)
	}
	if err := outfile.Check(out, opts.framework); err != nil {
		return err
	}
	if err := outfile.Write(out, write); err != nil {
		return fmt.Errorf("%s: %w", out, unwrapPath(err))
	}
	fmt.Fprintf(opts.s.Err, "huller: wrote %s: a course catalog to fill in for %s\n", out, fw.ID)
	return nil
}

// unwrapPath drops the path from an *os.PathError, which the message
// already names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return errors.New(strings.TrimPrefix(pe.Err.Error(), "open "))
	}
	return err
}
