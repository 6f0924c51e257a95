package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/outfile"
	"github.com/huller/huller/pkg/plan"
	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/safetext"
	"github.com/huller/huller/pkg/workbook"
)

// writeReport writes the Excel report when --output is given.
func writeReport(opts *analyzeOptions, res *analysis.Result, lang string) error {
	out := opts.output
	if out == "" {
		return nil
	}
	ro, err := opts.workbookOptions(lang)
	if err != nil {
		return err
	}
	if res.Listed != nil {
		return writeTalk(opts, res, ro)
	}
	cat, err := readCatalog(opts.s, opts.catalog, opts.example, res.Framework)
	if err != nil {
		return err
	}
	if cat != nil {
		ro.Prices = cat
		if ro.Plan, err = plan.From(res, cat, plan.DefaultOptions()); err != nil {
			return err
		}
	}
	if err := outfile.Write(out, func(w io.Writer) error { return workbook.Write(w, res, ro) }); err != nil {
		return fmt.Errorf("%s: cannot write the report: %w", out, err)
	}
	fmt.Fprintf(opts.s.Err, "huller: wrote %s (%d %s, %d %s)\n", out,
		len(res.People), plural(len(res.People), "person", "persons"), len(res.Holes), plural(len(res.Holes), "hole", "holes"))
	return nil
}

// workbookOptions are the options of the workbooks in language lang.
func (opts *analyzeOptions) workbookOptions(lang string) (workbook.Options, error) {
	date, err := reportDate(opts.s.Getenv)
	if err != nil {
		return workbook.Options{}, err
	}
	v, _ := buildVersion()
	return workbook.Options{Lang: lang, Date: date, Generator: "huller " + v, RosterFile: opts.rosterLabel,
		Share: workbook.Share{Audience: opts.share.audience, Pseudonyms: opts.share.pseudonyms()}}, nil
}

// writeAggregateReport writes the workbook of an aggregate report when
// --output is given.
func writeAggregateReport(opts *analyzeOptions, rep *privacy.Report, lang string) error {
	out := opts.output
	if out == "" {
		return nil
	}
	ro, err := opts.workbookOptions(lang)
	if err != nil {
		return err
	}
	if err := outfile.Write(out, func(w io.Writer) error { return workbook.WriteAggregate(w, rep, ro) }); err != nil {
		return fmt.Errorf("%s: cannot write the report: %w", out, err)
	}
	fmt.Fprintf(opts.s.Err, "huller: wrote %s (an aggregate report: no persons, figures over %d or more)\n", out, rep.Min)
	return nil
}

// writeTalk writes the one-person workbook of --person for a development
// talk: it needs the filter to match one person.
func writeTalk(opts *analyzeOptions, res *analysis.Result, ro workbook.Options) error {
	out := opts.output
	if len(res.Listed) != 1 {
		var ids []string
		for _, p := range res.Listed {
			ids = append(ids, res.People[p].ID)
		}
		return withHint(fmt.Errorf("--person %q matches %d persons; a talk workbook is for one", opts.settings.Person, len(res.Listed)),
			"give the person's id instead: %s", strings.Join(ids, ", "))
	}
	p := int(res.Listed[0])
	if err := outfile.Write(out, func(w io.Writer) error { return workbook.WriteTalk(w, res, p, ro) }); err != nil {
		return fmt.Errorf("%s: cannot write the talk workbook: %w", out, err)
	}
	fmt.Fprintf(opts.s.Err, "huller: wrote %s (the development talk of %s)\n", out, safetext.Terminal(res.People[p].Name))
	return nil
}

// checkOutput refuses a report name Excel would not open, a missing folder
// and a report that would overwrite one of the inputs; it runs before
// anything is read.
func checkOutput(opts *analyzeOptions) error {
	out := opts.output
	if out == "" {
		return nil
	}
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return usageError{fmt.Errorf("--output %s: the report is an Excel workbook; give a file name ending in .xlsx", out)}
	}
	if _, err := reportDate(opts.s.Getenv); err != nil {
		return err // before any work, not after the analysis
	}
	return outfile.Check(out, opts.roster, opts.requirements, opts.framework, opts.catalog)
}

// maxEpoch is 9999-12-31T23:59:59Z: a later year is no date a workbook
// can store.
const maxEpoch = 253402300799

// reportDate is SOURCE_DATE_EPOCH when set (reproducible reports), else now.
func reportDate(getenv func(string) string) (time.Time, error) {
	s := getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Now().UTC(), nil
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil || sec < 0 || sec > maxEpoch {
		return time.Time{}, withHint(fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds from 1970 to 9999", s),
			"unset it, or set it to a date such as $(date +%%s)")
	}
	return time.Unix(sec, 0).UTC(), nil
}
