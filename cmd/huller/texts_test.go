package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/huller/huller/pkg/lang"
	"github.com/xuri/excelize/v2"
)

// debris are what fmt writes for a mismatched format: a missing or extra
// argument, or one of the wrong type.
var debris = []string{"%!", "(MISSING)", "%!(EXTRA", "(BADINDEX)", "(NOVERB)"}

// TestNoFormattingDebris runs every command that writes text for people, in
// every language and format, and scans what it wrote — the terminal, and
// every XML part of every workbook — for fmt's error markers.
func TestNoFormattingDebris(t *testing.T) {
	dir := t.TempDir()
	type run struct {
		args []string
		file string // a workbook the run writes, scanned too
	}
	// the plan diff --plan follows up, and one some of whose persons are
	// not in the old mapping
	plan := filepath.Join(dir, "plan.json")
	var out, errb bytes.Buffer
	if code := execute(&streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }},
		[]string{"plan", "--example", "--format", "json"}); code != 0 {
		t.Fatalf("huller plan: exit %d\n%s", code, errb.String())
	}
	stranger := strings.Replace(out.String(), `"name":"Bo Kjær","id":"N1001"`, `"name":"Nemo","id":"X1"`, -1)
	if err := os.WriteFile(plan, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stranger.json"), []byte(stranger), 0o644); err != nil {
		t.Fatal(err)
	}
	var runs []run
	for _, l := range lang.Languages {
		for _, format := range []string{"table", "markdown", "csv", "json"} {
			runs = append(runs, run{args: []string{"analyze", "--example", "--lang", l, "--format", format, "--by-team", "--by-role"}})
		}
		for _, format := range []string{"table", "markdown", "csv", "json"} {
			runs = append(runs,
				run{args: []string{"analyze", "--example", "--lang", l, "--format", format, "--aggregate"}},
				run{args: []string{"analyze", "--example", "--lang", l, "--format", format, "--aggregate", "--by-role", "--min-cell", "3"}},
				run{args: []string{"analyze", "--example", "--lang", l, "--format", format, "--pseudonymise", "--by-team"}},
				run{args: []string{"analyze", "--example-units", "--lang", l, "--format", format}},
				run{args: []string{"analyze", "--example-units", "--lang", l, "--format", format, "--aggregate"}},
				run{args: []string{"plan", "--example", "--lang", l, "--format", format, "--pseudonymise"}},
				run{args: []string{"plan", "--example", "--lang", l, "--format", format, "--pseudonymise", "--for", "person", "--person", "N1001"}},
				run{args: []string{"risk", "--example", "--lang", l, "--format", format, "--pseudonymise", "--without", "N1021"}},
				run{args: []string{"diff", "--example", "--lang", l, "--format", format, "--pseudonymise", "--plan", plan}})
		}
		runs = append(runs,
			run{args: []string{"analyze", "--example", "--lang", l, "--for", "committee", "-o", filepath.Join(dir, l+"-agg.xlsx")}, file: filepath.Join(dir, l+"-agg.xlsx")},
			run{args: []string{"analyze", "--example", "--lang", l, "--pseudonymise", "-o", filepath.Join(dir, l+"-pseudo.xlsx")}, file: filepath.Join(dir, l+"-pseudo.xlsx")},
			run{args: []string{"analyze", "--example-units", "--lang", l, "--aggregate", "-o", filepath.Join(dir, l+"-units.xlsx")}, file: filepath.Join(dir, l+"-units.xlsx")},
			run{args: []string{"analyze", "--example", "--lang", l, "--person", "Bo Kjær"}},
			run{args: []string{"analyze", "--example", "--lang", l, "--person", "N1001", "-o", filepath.Join(dir, l+"-talk.xlsx")}, file: filepath.Join(dir, l+"-talk.xlsx")},
			run{args: []string{"analyze", "--example", "--lang", l, "-o", filepath.Join(dir, l+"-report.xlsx")}, file: filepath.Join(dir, l+"-report.xlsx")},
			run{args: []string{"template", "--lang", l, "-o", filepath.Join(dir, l+"-form.xlsx")}, file: filepath.Join(dir, l+"-form.xlsx")},
			run{args: []string{"frameworks", "show", "fagligheder-fase3", "--lang", l}},
			run{args: []string{"plan", "--example", "--lang", l, "--budget", "60000"}},
			run{args: []string{"plan", "--example", "--lang", l, "--format", "markdown", "--person", "N1001"}},
			run{args: []string{"plan", "--example", "--lang", l, "--budget", "60000", "-o", filepath.Join(dir, l+"-plan.xlsx")}, file: filepath.Join(dir, l+"-plan.xlsx")},
			run{args: []string{"template", "--catalog", "--lang", l, "-o", filepath.Join(dir, l+"-catalog.xlsx")}, file: filepath.Join(dir, l+"-catalog.xlsx")},
			run{args: []string{"risk", "--example", "--lang", l}},
			run{args: []string{"risk", "--example", "--lang", l, "--format", "markdown", "--vacancy", "mentor"}},
			run{args: []string{"analyze", "--example", "--lang", l, "--without", "N1021,N1034"}},
			run{args: []string{"risk", "--example", "--lang", l, "--format", "markdown"}},
			run{args: []string{"diff", "--example", "--lang", l, "--plan", plan}},
			run{args: []string{"diff", "--example", "--lang", l, "--plan", filepath.Join(dir, "stranger.json"), "--format", "markdown"}},
			run{args: []string{"diff", "--example", "--lang", l, "--plan", plan, "--format", "csv"}},
			run{args: []string{"diff", "--example", "--lang", l, "--plan", plan, "-o", filepath.Join(dir, l+"-changes.xlsx")}, file: filepath.Join(dir, l+"-changes.xlsx")},
			run{args: []string{"plan", "--example", "--lang", l, "--pseudonymise", "-o", filepath.Join(dir, l+"-plan-pseudo.xlsx")}, file: filepath.Join(dir, l+"-plan-pseudo.xlsx")},
			run{args: []string{"diff", "--example", "--lang", l, "--pseudonymise", "--plan", filepath.Join(dir, "stranger.json"), "-o", filepath.Join(dir, l+"-diff-pseudo.xlsx")}, file: filepath.Join(dir, l+"-diff-pseudo.xlsx")},
		)
	}
	runs = append(runs, run{args: []string{"frameworks"}}, run{args: []string{"validate", "../../frameworks"}})
	for _, l := range lang.Languages {
		for _, kind := range []string{"-agg", "-pseudo", "-units", "-report", "-talk", "-plan", "-plan-pseudo", "-changes", "-diff-pseudo"} {
			runs = append(runs, run{args: []string{"inspect", filepath.Join(dir, l+kind+".xlsx")}},
				run{args: []string{"inspect", "--format", "json", filepath.Join(dir, l+kind+".xlsx")}})
		}
	}
	for _, r := range runs {
		var out, errb bytes.Buffer
		s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
		if code := execute(s, r.args); code != 0 && !(r.args[0] == "inspect" && code == exitFindings) {
			t.Fatalf("huller %s: exit %d\n%s", strings.Join(r.args, " "), code, errb.String())
		}
		scan(t, strings.Join(r.args, " "), out.String()+errb.String())
		if r.file != "" {
			scanWorkbook(t, r.file)
		}
	}
}

func scan(t *testing.T, where, text string) {
	t.Helper()
	for _, d := range debris {
		if i := strings.Index(text, d); i >= 0 {
			t.Errorf("%s: formatting debris %q in …%s…", where, d, text[max(0, i-60):min(len(text), i+60)])
		}
	}
}

func scanWorkbook(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		scan(t, filepath.Base(path)+": "+f.Name, string(b))
	}
	checkHeaderWords(t, path)
}

// checkHeaderWords fails when a word of a bold, wrapped cell that is not
// merged is wider than its column: the header would show it broken
// mid-word ("requireme / nt"). A character of a bold header counts 1.05
// width units, with 1 for the cell's margins.
func checkHeaderWords(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		merged := map[string]bool{}
		if ms, err := f.GetMergeCells(sheet); err == nil {
			for _, m := range ms {
				merged[m.GetStartAxis()] = true
			}
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			continue // a chart sheet
		}
		for r, row := range rows[:min(len(rows), 400)] {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if merged[ref] {
					continue
				}
				id, err := f.GetCellStyle(sheet, ref)
				if err != nil {
					continue
				}
				st, err := f.GetStyle(id)
				if err != nil || st.Font == nil || !st.Font.Bold || st.Alignment == nil || !st.Alignment.WrapText || st.Alignment.TextRotation != 0 {
					continue
				}
				col, _ := excelize.ColumnNumberToName(c + 1)
				width, _ := f.GetColWidth(sheet, col)
				for _, w := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == '\n' }) {
					if n := utf8.RuneCountInString(w); float64(n)*1.05+1 > width+0.01 {
						t.Errorf("%s: sheet %s, %s: %q is wider than its column (%.1f) and shows broken", filepath.Base(path), sheet, ref, w, width)
					}
				}
			}
		}
	}
}
