package workbook

import (
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/roster"
	"github.com/xuri/excelize/v2"
)

// TestPeopleAssessment: the People sheet shows each person's assessment
// date, as a date cell, and assessor; blank where the roster has none.
func TestPeopleAssessment(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	r := genRoster(t, fw, 3, 1, 1)
	r.Persons[0].Assessed, r.Persons[0].Assessor = 46357, "Lise Holm"
	r.Persons[2].Assessed = roster.MinDate
	res, err := analysis.Analyze(fw, r, analysis.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"en", "da"} {
		f := open(t, write(t, res, Options{Lang: code, Date: testDate}))
		sheet := map[string]string{"en": "People", "da": "Medarbejdere"}[code]
		head := map[string][2]string{"en": {"Assessed", "Assessed by"}, "da": {"Vurderet", "Vurderet af"}}[code]
		if got := [2]string{get(t, f, sheet, "N1"), get(t, f, sheet, "O1")}; got != head {
			t.Errorf("%s: headers %q, want %q", code, got, head)
		}
		want := [][2]string{{"2026-12-01", "Lise Holm"}, {"", ""}, {"1970-01-01", ""}}
		for i, w := range want {
			row := i + 2
			got := [2]string{get(t, f, sheet, cell(14, row)), get(t, f, sheet, cell(15, row))}
			if got != w {
				t.Errorf("%s: row %d: %q, want %q", code, row, got, w)
			}
		}
		if raw, err := f.GetCellValue(sheet, "N2", excelizeRaw()); err != nil || raw != "46357" {
			t.Errorf("N2 holds %q, %v: not a date cell", raw, err)
		}
	}
}

func excelizeRaw() excelize.Options { return excelize.Options{RawCellValue: true} }
