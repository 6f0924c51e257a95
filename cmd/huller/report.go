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
	return writeBook(opts.s, out, "the report", func(w io.Writer) error { return workbook.Write(w, res, ro) },
		fmt.Sprintf("%d %s, %d %s", len(res.People), plural(len(res.People), "person", "persons"), len(res.Holes), plural(len(res.Holes), "hole", "holes")))
}

// writeBook writes a workbook (what it is, for an error) to out with
// write, atomically, and says on stderr that it did, with about.
func writeBook(s *streams, out, what string, write func(io.Writer) error, about string) error {
	if err := outfile.Write(out, write); err != nil {
		return fmt.Errorf("%s: cannot write %s: %w", out, what, err)
	}
	fmt.Fprintf(s.Err, "huller: wrote %s (%s)\n", out, about)
	return nil
}

// workbookOptions are the options of the workbooks in language lang.
func (opts *analyzeOptions) workbookOptions(lang string) (workbook.Options, error) {
	wo, err := newWorkbookOptions(opts.s, lang, &opts.share)
	wo.RosterFile = opts.rosterLabel
	return wo, err
}

// newWorkbookOptions are the options every workbook huller writes shares:
// language, date (SOURCE_DATE_EPOCH, else now), generator, and whom it is
// made for (share; nil for a form to fill in).
func newWorkbookOptions(s *streams, lang string, share *shareOptions) (workbook.Options, error) {
	date, err := reportDate(s.Getenv)
	if err != nil {
		return workbook.Options{}, err
	}
	v, _ := buildVersion()
	wo := workbook.Options{Lang: lang, Date: date, Generator: "huller " + v}
	if share != nil {
		wo.Share = workbook.Share{Audience: share.audience, Pseudonyms: share.pseudonyms()}
	}
	return wo, nil
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
	return writeBook(opts.s, out, "the report", func(w io.Writer) error { return workbook.WriteAggregate(w, rep, ro) },
		fmt.Sprintf("an aggregate report: no persons, figures over %d or more", rep.Min))
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
	return writeBook(opts.s, out, "the talk workbook", func(w io.Writer) error { return workbook.WriteTalk(w, res, p, ro) },
		"the development talk of "+safetext.Terminal(res.People[p].Name))
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
