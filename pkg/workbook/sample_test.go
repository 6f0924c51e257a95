package workbook

import (
	"io"
	"os"
	"testing"
	"time"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/outfile"
)

// TestWriteSample writes the report of a generated 40-person team to
// $HULLER_REPORT_SAMPLE (in $HULLER_REPORT_LANG), for looking at it, e.g.
//
//	HULLER_REPORT_SAMPLE=/tmp/r.xlsx go test ./pkg/workbook -run Sample
//	libreoffice --headless --convert-to pdf --outdir /tmp /tmp/r.xlsx
func TestWriteSample(t *testing.T) {
	out := os.Getenv("HULLER_REPORT_SAMPLE")
	if out == "" {
		t.Skip("set HULLER_REPORT_SAMPLE to a path to write a sample report")
	}
	res := genResult(t, 40, 3, analysis.DefaultSettings())
	opts := Options{Lang: os.Getenv("HULLER_REPORT_LANG"), RosterFile: "team.xlsx",
		Date: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)}
	if err := outfile.Write(out, func(w io.Writer) error { return Write(w, res, opts) }); err != nil {
		t.Fatal(err)
	}
}
