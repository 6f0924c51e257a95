package workbook

import (
	"bytes"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/roster"
	"github.com/xuri/excelize/v2"
)

// exampleDiff compares the example job centre's two mappings.
func exampleDiff(t *testing.T) *diff.Result {
	t.Helper()
	fw := builtin(t, "fagligheder-fase3")
	read := func(name string, data []byte) diff.Input {
		r, err := roster.Read(roster.Source{Name: name, R: bytes.NewReader(data)}, fw, roster.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return diff.Input{Framework: fw, Roster: r, Settings: analysis.DefaultSettings()}
	}
	d, err := diff.Compare(read(examples.Mapping2026Name, examples.Mapping2026), read(examples.Mapping2027Name, examples.Mapping2027), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func writeDiff(t *testing.T, d *diff.Result, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDiff(&buf, d, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDiffWorkbook reads the example's workbook back: its sheets in two
// languages, the key figures, a row per hole and per person, the level
// changes on the Heatmap, the chart.
func TestDiffWorkbook(t *testing.T) {
	d := exampleDiff(t)
	data := writeDiff(t, d, Options{Lang: "en", Date: testDate})
	f := open(t, data)
	if got := strings.Join(f.GetSheetList(), ","); got != "Overview,Huller,People,Heatmap" {
		t.Errorf("sheets %s", got)
	}
	if !strings.Contains(string(data), "xl/charts/chart1.xml") {
		t.Error("no chart")
	}
	ov := rows(t, f, "Overview")
	find := func(label string) []string {
		for _, r := range ov {
			if len(r) > 0 && r[0] == label {
				return r
			}
		}
		t.Fatalf("no row %q on the Overview", label)
		return nil
	}
	if r := find("Persons"); r[2] != "40" || r[3] != "41" || r[4] != "+1" {
		t.Errorf("persons %q", r)
	}
	gb, ga := d.Before.Summary.Basis.GapSum, d.After.Summary.Basis.GapSum
	if r := find("Gap sum (levels)"); r[2] != strconv.Itoa(int(gb)) || r[3] != strconv.Itoa(int(ga)) {
		t.Errorf("gap sum %q, want %d and %d", r, gb, ga)
	}
	if got := len(rows(t, f, "Huller")); got != len(d.Holes)+1 {
		t.Errorf("Huller has %d rows for %d holes", got, len(d.Holes))
	}
	people := rows(t, f, "People")
	if len(people) != len(d.People)+1 {
		t.Fatalf("People has %d rows for %d persons", len(people), len(d.People))
	}
	// Bo Kjær, first in both, took the writing course: 4.6 up from 2 to 3
	if r := people[1]; r[0] != "in both" || r[1] != "Bo Kjær" || r[7] != "1" || !strings.Contains(r[22], "4.6 2→3") {
		t.Errorf("Bo Kjær: %q", r)
	}
	heat := rows(t, f, "Heatmap")
	col := -1
	for i, h := range heat[2] {
		if h == "4.6" {
			col = i
		}
	}
	if col < 0 || heat[3][0] != "Bo Kjær" || heat[3][col] != "+1" {
		t.Errorf("heatmap: %q, column %d", heat[3], col)
	}
	// a removed assessment is marked r
	for _, r := range heat[3:] {
		if r[0] == "Trine Bak" && !strings.Contains(strings.Join(r, ","), "r") {
			t.Errorf("Trine Bak's removed assessment is not marked: %q", r)
		}
	}
	da := open(t, writeDiff(t, d, Options{Lang: "da", Date: testDate}))
	if got := strings.Join(da.GetSheetList(), ","); got != "Overblik,Huller,Medarbejdere,Kompetencematrix" {
		t.Errorf("Danish sheets %s", got)
	}
}

// TestDiffDeterministic: the same comparison gives the same bytes, on one
// core or two.
func TestDiffDeterministic(t *testing.T) {
	d := exampleDiff(t)
	opts := Options{Lang: "da", Date: testDate}
	first := writeDiff(t, d, opts)
	prev := runtime.GOMAXPROCS(1)
	one := writeDiff(t, d, opts)
	runtime.GOMAXPROCS(prev)
	if !bytes.Equal(first, one) || !bytes.Equal(first, writeDiff(t, d, opts)) {
		t.Error("two workbooks of the same comparison differ")
	}
}

// TestDiffText: names, teams and ids that look like formulas stay text.
func TestDiffText(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	a := genRoster(t, fw, 12, 2, 3)
	b := genRoster(t, fw, 12, 2, 3)
	for i, s := range hostile {
		for _, r := range []*roster.Roster{a, b} {
			r.Persons[i].Name, r.Persons[i].Team, r.Persons[i].Assessor = s, s, s
		}
		b.Persons[i].Scores[0] = (b.Persons[i].Scores[0] + 1) % 4
	}
	d, err := diff.Compare(diff.Input{Framework: fw, Roster: a, Settings: analysis.DefaultSettings()},
		diff.Input{Framework: fw, Roster: b, Settings: analysis.DefaultSettings()}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data := writeDiff(t, d, Options{Lang: "en"})
	for name, x := range parts(t, data) {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && strings.Contains(x, "<f>") {
			t.Errorf("%s holds a formula", name)
		}
	}
	f := open(t, data)
	seen := 0
	for _, sheet := range []string{"People", "Heatmap"} {
		for r, row := range rows(t, f, sheet) {
			for c, v := range row {
				if v == hostile[0] {
					seen++
					if ty, _ := f.GetCellType(sheet, cell(c+1, r+1)); ty != excelize.CellTypeInlineString && ty != excelize.CellTypeSharedString {
						t.Errorf("%s!%s has type %v", sheet, cell(c+1, r+1), ty)
					}
				}
			}
		}
	}
	if seen < 3 {
		t.Errorf("the hostile name was found %d times", seen)
	}
}
