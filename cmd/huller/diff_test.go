package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/lang"
	"github.com/xuri/excelize/v2"
)

func diffRun(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1767225600"
		}
		return ""
	}}
	code = execute(s, args)
	return out.String(), errb.String(), code
}

// TestDiffNoFormattingDebris runs huller diff in every language and format,
// and writes its workbook, and scans what it wrote for fmt's error markers.
func TestDiffNoFormattingDebris(t *testing.T) {
	dir := t.TempDir()
	for _, l := range lang.Languages {
		for _, format := range []string{"table", "markdown", "csv", "json"} {
			out, errs, code := diffRun(t, "diff", "--example", "--lang", l, "--format", format)
			if code != 0 {
				t.Fatalf("diff --lang %s --format %s: exit %d\n%s", l, format, code, errs)
			}
			scan(t, "diff "+l+" "+format, out+errs)
		}
		file := filepath.Join(dir, l+"-diff.xlsx")
		if _, errs, code := diffRun(t, "diff", "--example", "--lang", l, "-o", file, "--format", "csv"); code != 0 {
			t.Fatalf("diff -o: exit %d\n%s", code, errs)
		}
		scanWorkbook(t, file)
	}
}

// TestDiffSheets compares two sheets of one workbook (FILE#SHEET), and a
// file whose name holds a #.
func TestDiffSheets(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "team#1.xlsx")
	f := excelize.NewFile()
	rows := map[string][][]any{
		"2025": {{"id", "name", "role", "1.1", "4.6"}, {"E1", "Anne Holm", "jobkonsulent", 2, 1}, {"E2", "Bo Dam", "mentor", 3, 3}},
		"2026": {{"id", "name", "role", "1.1", "4.6"}, {"E1", "Anne Holm", "jobkonsulent", 3, 2}, {"E3", "Ce Lund", "mentor", 3, 3}},
	}
	for _, sheet := range []string{"2025", "2026"} {
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		for i, r := range rows[sheet] {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(sheet, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	out, errs, code := diffRun(t, "diff", path+"#2025", path+"#2026", "--format", "csv", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, want := range []string{"Anne Holm,E1,up,1.1,", "Anne Holm,E1,up,4.6,", "Ce Lund,E3,joined,", "Bo Dam,E2,left,"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if _, errs, code := diffRun(t, "diff", path+"#2025", path+"#nosuch"); code != exitError || !strings.Contains(errs, "nosuch") {
		t.Errorf("an unknown sheet: exit %d\n%s", code, errs)
	}
}

func TestSplitSheet(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "a.xlsx")
	hashed := filepath.Join(dir, "b#c.xlsx")
	for _, p := range []string{plain, hashed} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ arg, path, sheet string }{
		{plain, plain, ""},
		{plain + "#2026", plain, "2026"},
		{plain + "#A#B", plain + "#A#B", ""}, // a.xlsx#A is no file
		{hashed, hashed, ""},
		{hashed + "#Ark 1", hashed, "Ark 1"},
		{plain + "#", plain + "#", ""},
		{"-", "-", ""},
		{"nosuch.xlsx#1", "nosuch.xlsx#1", ""},
	}
	for _, tt := range tests {
		if p, s := splitSheet(tt.arg); p != tt.path || s != tt.sheet {
			t.Errorf("splitSheet(%q) = %q, %q; want %q, %q", tt.arg, p, s, tt.path, tt.sheet)
		}
	}
}

// TestReadmeDiffExample keeps the example in the README equal to what
// huller diff --example --lang en --limit 3 prints at 80 columns, up to the
// coverage per competence.
func TestReadmeDiffExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(data), "<!-- diff example: kept equal to the output by a test -->\n```\n")
	if ok {
		block, _, ok = strings.Cut(block, "\n```\n")
	}
	if !ok {
		t.Fatal("the README has no diff example")
	}
	var out, errb bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(k string) string {
		if k == "COLUMNS" {
			return "80"
		}
		return ""
	}}
	if code := execute(s, []string{"diff", "--example", "--lang", "en", "--limit", "3"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, errb.String())
	}
	got, _, _ := strings.Cut(out.String(), "\n\n"+lang.For("en").T(lang.CoverageTable)+"\n")
	if got != block {
		t.Errorf("the README's example differs from the output; the output is:\n%s", got)
	}
}

// TestReadmePlanExample keeps the README's example of diff --plan equal to
// what huller diff --example --plan plan.json --lang en --limit 3 prints at
// 80 columns, up to the summary, with the plan huller plan --example
// writes.
func TestReadmePlanExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(data), "<!-- diff --plan example: kept equal to the output by a test -->\n```\n")
	if ok {
		block, _, ok = strings.Cut(block, "\n```\n")
	}
	if !ok {
		t.Fatal("the README has no example of diff --plan")
	}
	t.Chdir(t.TempDir())
	runs := [][]string{{"plan", "--example", "--format", "json"}, {"diff", "--example", "--plan", "plan.json", "--lang", "en", "--limit", "3"}}
	var out bytes.Buffer
	for i, args := range runs {
		out.Reset()
		var errb bytes.Buffer
		s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(k string) string {
			if k == "COLUMNS" {
				return "80"
			}
			return ""
		}}
		if code := execute(s, args); code != 0 {
			t.Fatalf("huller %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
		}
		if i == 0 {
			if err := os.WriteFile("plan.json", out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, _, _ := strings.Cut(out.String(), "\n\n"+lang.For("en").T(lang.Summary)+"\n")
	if got != block {
		t.Errorf("the README's example differs from the output; the output is:\n%s", got)
	}
}
