package inspect

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/huller/huller/pkg/privacy"
	"github.com/xuri/excelize/v2"
)

// book writes a workbook of sheets (name → rows) with custom properties.
func book(t *testing.T, sheets map[string][][]any, props map[string]string) string {
	t.Helper()
	f := excelize.NewFile()
	first := true
	for name, rows := range sheets {
		if first {
			f.SetSheetName("Sheet1", name)
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	for k, v := range props {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: k, Value: v}); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "b.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFile(t *testing.T) {
	tests := []struct {
		name     string
		sheets   map[string][][]any
		props    map[string]string
		personal bool
		columns  int // columns found in all
		values   int // values in all
		pseudo   int
	}{
		{"a roster below a title", map[string][][]any{"Roster": {{"Team Nord"}, {}, {"Navn", "Medarbejdernr", "1.1"}, {"Anne", "E1", 2}, {"Bo", "E2", 3}}},
			nil, true, 2, 4, 0},
		{"pseudonyms", map[string][][]any{"S": {{"name", "id"}, {"P-7F3A9C21", "P-7F3A9C21"}, {"P-0002", "P-0002"}}},
			nil, true, 2, 4, 4},
		{"an id column alone is a competence id", map[string][][]any{"S": {{"ID", "Competence"}, {"1.1", "Uses systems"}}},
			nil, false, 0, 0, 0},
		{"a list of persons", map[string][][]any{"Huller": {{"#", "Who is below it"}, {1, "Anne, Bo"}, {2, ""}}},
			nil, true, 1, 1, 0},
		{"an aggregate report", map[string][][]any{"Teams": {{"", "Persons", "Coverage"}, {"Nord", 9, 0.8}},
			"Framework": {{"ID", "Name"}, {"1.1", "Uses systems"}}},
			map[string]string{privacy.PropReport: "aggregate", privacy.PropMode: "aggregate", privacy.PropAudience: "committee", privacy.PropMinCell: "5"},
			false, 0, 0, 0},
		{"a plan's colleagues and leads", map[string][][]any{
			"Colleagues":       {{"Colleague", "Team", "Learns"}, {"P-7F3A9C21", "Nord", "P-0002"}, {"Anne", "Nord", "Bo"}},
			"Joint activities": {{"Activity", "Led by (to be agreed)"}, {"4.6", "P-7F3A9C21 – to be agreed"}}},
			map[string]string{privacy.PropReport: "plan", privacy.PropMode: "pseudonymised", privacy.PropAudience: "leader"},
			true, 3, 5, 3},
		{"a plan's headers in another workbook", map[string][][]any{"Colleagues": {{"Colleague", "Learns"}, {"x", "y"}}},
			nil, false, 0, 0, 0},
		{"a named report with no rows", map[string][][]any{"Overview": {{"huller report"}}},
			map[string]string{privacy.PropReport: "report", privacy.PropMode: "named", privacy.PropAudience: "leader"},
			true, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := File(book(t, tt.sheets, tt.props))
			if err != nil {
				t.Fatal(err)
			}
			cols, vals, pseudo := 0, 0, 0
			for _, s := range r.Sheets {
				for _, c := range s.Columns {
					cols, vals, pseudo = cols+1, vals+c.Values, pseudo+c.Pseudonyms
				}
			}
			if r.Personal() != tt.personal || cols != tt.columns || vals != tt.values || pseudo != tt.pseudo {
				t.Errorf("personal %v, %d columns, %d values, %d pseudonyms; want %v, %d, %d, %d (%+v)",
					r.Personal(), cols, vals, pseudo, tt.personal, tt.columns, tt.values, tt.pseudo, r.Sheets)
			}
			if (tt.props != nil) != (r.Huller != nil) || r.Huller != nil && r.Huller.Mode != tt.props[privacy.PropMode] {
				t.Errorf("recorded %+v", r.Huller)
			}
		})
	}
}

func TestCSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gaps.csv")
	os.WriteFile(path, []byte("name,id,competence\nAnne Nielsen,E1,1.1\nBo Kjær,E2,2.2\n"), 0o644)
	r, err := File(path)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Personal() || len(r.Sheets) != 1 || r.Sheets[0].Columns[0].Values != 2 {
		t.Errorf("%+v", r.Sheets)
	}
}

func TestPseudonyms(t *testing.T) {
	for v, want := range map[string]bool{"P-0001": true, "P-7F3A9C21": true, "P-7F3A9C21, P-0002 (P-0002)": true,
		"P-7F3A": false, "Per": false, "P-0001, Bo": false, "P-7f3a9c21": false,
		"P-0001 – to be agreed": true, "P-0001 – skal aftales": true, "Bo – to be agreed": false, "P-0001 – something": false} {
		if got := pseudonyms(v); got != want {
			t.Errorf("pseudonyms(%q) = %v", v, got)
		}
	}
}

// TestCommentsAndAuthors: comments huller did not write make a file one
// that may hold personal data; huller's own comments and authorship do
// not; the document's author is given.
func TestCommentsAndAuthors(t *testing.T) {
	for _, tt := range []struct {
		name                    string
		creator, commentBy      string
		personal, persons       bool
		wantCreator, wantAuthor string
	}{
		{"comments by a person", "Hanne Jensen", "Hanne Jensen", true, false, "Hanne Jensen", "Hanne Jensen"},
		{"huller's own", "huller 1.2.0", "huller", false, false, "", ""},
		{"huller's own, built from source", "huller (devel)", "huller", false, false, "", ""},
		{"a name that starts like huller's", "hullerud", "Hullerud", true, false, "hullerud", "Hullerud"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := excelize.NewFile()
			x.SetCellValue("Sheet1", "A1", "Competence")
			if err := x.SetDocProps(&excelize.DocProperties{Creator: tt.creator, LastModifiedBy: tt.creator}); err != nil {
				t.Fatal(err)
			}
			if err := x.AddComment("Sheet1", excelize.Comment{Cell: "A1", Author: tt.commentBy, Text: "Bo is on leave"}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "c.xlsx")
			if err := x.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			r, err := File(path)
			if err != nil {
				t.Fatal(err)
			}
			author := ""
			if len(r.Comments) > 0 {
				author = r.Comments[0].Name
			}
			if r.Personal() != tt.personal || r.Persons() != tt.persons || r.Creator != tt.wantCreator || author != tt.wantAuthor {
				t.Errorf("personal %v, persons %v, creator %q, comments %v", r.Personal(), r.Persons(), r.Creator, r.Comments)
			}
		})
	}
}

func TestWhere(t *testing.T) {
	for _, tt := range []struct {
		sheet Sheet
		col   int
		want  string
	}{{Sheet{Name: ""}, 11, "column 11"}, {Sheet{Name: "People"}, 11, "column K"}, {Sheet{Name: "People"}, 28, "column AB"}} {
		if got := tt.sheet.Where(Column{Col: tt.col}); got != tt.want {
			t.Errorf("sheet %q, column %d: %q, want %q", tt.sheet.Name, tt.col, got, tt.want)
		}
	}
}
