package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/compare"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/outfile"
	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/render"
	"github.com/huller/huller/pkg/roster"
	"github.com/huller/huller/pkg/workbook"
)

// multi reports whether analyze compares units: several rosters, a
// folder, or the example units.
func (opts *analyzeOptions) multi() bool {
	if opts.exampleUnits || len(opts.rosters) > 1 {
		return true
	}
	if len(opts.rosters) == 1 && opts.rosters[0] != "-" {
		st, err := os.Stat(opts.rosters[0])
		return err == nil && st.IsDir()
	}
	return false
}

// unitFiles returns the rosters to compare: the files given, every .xlsx
// and .csv of a folder given (name order; hidden files and Excel's lock
// files left out), or the example units' names.
func (opts *analyzeOptions) unitFiles() ([]string, error) {
	if opts.exampleUnits {
		var out []string
		for _, u := range examples.Units() {
			out = append(out, u.Name)
		}
		return out, nil
	}
	var out []string
	for _, a := range opts.rosters {
		st, err := os.Stat(a)
		if a == "-" || err != nil || !st.IsDir() {
			out = append(out, a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, err)
		}
		n := len(out)
		for _, e := range entries {
			name := e.Name()
			ext := strings.ToLower(filepath.Ext(name))
			if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") || ext != ".xlsx" && ext != ".csv" {
				continue
			}
			p := filepath.Join(a, name)
			if opts.output != "" && outfile.SameFile(p, opts.output) || opts.share.mapFile != "" && outfile.SameFile(p, opts.share.mapFile) {
				continue // a report or table written there before
			}
			out = append(out, p)
		}
		if len(out) == n {
			return nil, withHint(fmt.Errorf("%s: the folder holds no roster (.xlsx or .csv)", a), "put the units' rosters in it, or name the files")
		}
	}
	return out, nil
}

// checkUnits checks the flags of a comparison before anything is read.
func (opts *analyzeOptions) checkUnits() error {
	s := opts.settings
	for _, f := range []struct {
		set  bool
		name string
	}{{s.Person != "", "--person"}, {s.Team != "", "--team"}, {s.ByTeam, "--by-team"}, {s.ByRole, "--by-role"}, {opts.example, "--example"}} {
		if f.set {
			return usageError{fmt.Errorf("%s is for one roster: several rosters are compared unit by unit; give one roster, or leave out %s", f.name, f.name)}
		}
	}
	if opts.unitName != "" {
		if _, err := regexp.Compile(opts.unitName); err != nil {
			return usageError{fmt.Errorf("--unit-name %q is not a regular expression: %v", opts.unitName, err)}
		}
	}
	files, err := opts.unitFiles()
	if err != nil {
		return err
	}
	if n := strings.Count(strings.Join(files, "\x00")+"\x00", "-\x00"); n > 1 {
		return usageError{errors.New("standard input (-) can be read once: give - for one of the rosters at most, and the others as files")}
	}
	if opts.output != "" {
		if !strings.EqualFold(filepath.Ext(opts.output), ".xlsx") {
			return usageError{fmt.Errorf("--output %s: the report is an Excel workbook; give a file name ending in .xlsx", opts.output)}
		}
		if err := outfile.Check(opts.output, append(files, opts.requirements, opts.framework)...); err != nil {
			return err
		}
	}
	return opts.share.check(opts.changed, opts.s, "", opts.output, append(files, opts.requirements, opts.framework)...)
}

// runUnits analyses every roster on its own and writes their comparison.
func runUnits(opts *analyzeOptions) error {
	files, err := opts.unitFiles()
	if err != nil {
		return err
	}
	fw, err := unitsFramework(opts, files)
	if err != nil {
		return err
	}
	if err := opts.settings.Validate(fw); err != nil {
		return usageError{err}
	}
	if err := opts.readRequirements(fw); err != nil {
		return err
	}
	srcs := make([]roster.Source, len(files))
	for i, f := range files {
		srcs[i] = roster.FileSource(f, opts.s.In)
	}
	if opts.exampleUnits {
		for i, u := range examples.Units() {
			srcs[i] = roster.Source{Name: u.Name, R: bytes.NewReader(u.Data)}
		}
	}
	rs, err := opts.share.readRosters(opts.s, fw, opts.rosterOptions(), srcs...)
	if err != nil {
		return err
	}
	var pattern *regexp.Regexp
	if opts.unitName != "" {
		pattern = regexp.MustCompile(opts.unitName)
	}
	min := 1 // a leader's comparison suppresses nothing
	if opts.share.aggregate {
		min = opts.share.minCell
	}
	units, gaps, err := analyseUnits(opts, fw, files, rs, pattern, min)
	if err != nil {
		return err
	}
	if !opts.share.aggregate {
		min = 0
	}
	c, err := compare.Compare(fw, units, min)
	if err != nil {
		return withHint(err, "for files such as nordby-2026.xlsx and sydby-2026.xlsx: --unit-name '^([a-z]+)'")
	}
	lang := opts.lang
	if lang == "" {
		lang = fw.Language
	}
	ro := opts.renderOptions(lang)
	if err := writeUnitsReport(opts, c, lang); err != nil {
		return err
	}
	if err := render.Units(opts.s.Out, opts.format, c, ro); err != nil {
		return err
	}
	holes := slices.ContainsFunc(c.Units, func(r compare.Row) bool { return len(r.Holes) > 0 })
	if opts.failOn == "holes" && holes || opts.failOn == "gaps" && gaps {
		return exitCodeError{exitFindings, fmt.Sprintf("--fail-on %s: the analysis found %s", opts.failOn, opts.failOn)}
	}
	return nil
}

// analyseUnits analyses each roster on its own (on every core) and
// returns the units to compare, and whether any listed person has a basis
// gap; warnings are printed in the order of the rosters.
func analyseUnits(opts *analyzeOptions, fw *framework.Framework, files []string, rs []*roster.Roster, pattern *regexp.Regexp, min int) ([]compare.Unit, bool, error) {
	units := make([]compare.Unit, len(rs))
	results := make([]*analysis.Result, len(rs))
	errs := make([]error, len(rs))
	eachConcurrently(len(rs), func(i int) {
		res, err := analysis.Analyze(fw, rs[i], opts.settings)
		if err != nil {
			errs[i] = err
			return
		}
		results[i] = res
		units[i] = compare.Unit{File: rs[i].Source, Report: privacy.Aggregate(res, min, privacy.ByTeam),
			Requirements: compare.RequirementsOf(res)}
		if !opts.share.aggregate {
			units[i].Holes = append([]analysis.Hole{}, res.Holes...)
		}
	})
	if err := firstErr(errs); err != nil {
		return nil, false, err
	}
	gaps := false
	for i, res := range results {
		for _, w := range res.Warnings {
			opts.s.warn("%s", w)
		}
		gaps = gaps || res.HasGaps()
		name, err := compare.UnitName(files[i], pattern)
		if err != nil {
			return nil, false, usageError{err}
		}
		units[i].Name = name
	}
	return units, gaps, nil
}

// unitsFramework loads --framework, else the framework the rosters'
// workbooks record (they must agree), else the default.
func unitsFramework(opts *analyzeOptions, files []string) (*framework.Framework, error) {
	if opts.framework != "" || opts.exampleUnits {
		return loadFramework(cmp.Or(opts.framework, frameworks.Default), opts.frameworkDirs)
	}
	ref, from := "", ""
	for _, f := range files {
		if f == "-" {
			continue
		}
		rec, err := roster.RecordedFramework(f)
		if err != nil {
			return nil, err
		}
		r := rec.ID
		if rec.File != "" {
			if _, err := os.Stat(rec.File); err == nil || rec.ID == "" {
				r = rec.File
			}
		}
		switch {
		case r == "":
		case ref == "":
			ref, from = r, f
		case r != ref:
			return nil, withHint(fmt.Errorf("%s is made for framework %s, %s for %s: units are compared on one framework", from, ref, f, r),
				"choose the framework with --framework")
		}
	}
	return loadFramework(cmp.Or(ref, frameworks.Default), opts.frameworkDirs)
}

// writeUnitsReport writes the comparison's workbook when --output is
// given.
func writeUnitsReport(opts *analyzeOptions, c *compare.Comparison, lang string) error {
	out := opts.output
	if out == "" {
		return nil
	}
	ro, err := opts.workbookOptions(lang)
	if err != nil {
		return err
	}
	return writeBook(opts.s, out, "the report", func(w io.Writer) error { return workbook.WriteUnits(w, c, ro) },
		fmt.Sprintf("%d units side by side", len(c.Units)))
}
