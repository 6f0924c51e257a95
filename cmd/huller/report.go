package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/workbook"
)

// writeReport writes the Excel report when --output is given.
func writeReport(opts *analyzeOptions, res *analysis.Result, lang string) error {
	out := opts.output
	if out == "" {
		return nil
	}
	date, err := reportDate(opts.s.Getenv)
	if err != nil {
		return err
	}
	v, _ := buildVersion()
	ro := workbook.Options{Lang: lang, Date: date, Generator: "huller " + v}
	if err := workbook.WriteFile(out, res, ro); err != nil {
		return fmt.Errorf("%s: cannot write the report: %w", out, err)
	}
	fmt.Fprintf(opts.s.Err, "huller: wrote %s (%d %s, %d %s)\n", out,
		len(res.People), plural(len(res.People), "person", "persons"), len(res.Holes), plural(len(res.Holes), "hole", "holes"))
	return nil
}

// checkOutput refuses a report name Excel would not open and a report that
// would overwrite one of the inputs; it runs before anything is read.
func checkOutput(opts *analyzeOptions) error {
	out := opts.output
	if out == "" {
		return nil
	}
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return usageError{fmt.Errorf("--output %s: the report is an Excel workbook; give a file name ending in .xlsx", out)}
	}
	for _, in := range []string{opts.roster, opts.requirements, opts.framework} {
		if in != "" && in != "-" && workbook.SameFile(out, in) {
			return fmt.Errorf("--output %s is also an input file, and the report would overwrite it; choose another name", out)
		}
	}
	return nil
}

// reportDate is SOURCE_DATE_EPOCH when set (reproducible reports), else now.
func reportDate(getenv func(string) string) (time.Time, error) {
	s := getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Now().UTC(), nil
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil || sec < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970; unset it or fix it", s)
	}
	return time.Unix(sec, 0).UTC(), nil
}
