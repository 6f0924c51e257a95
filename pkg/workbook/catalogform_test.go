package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/lang"
)

// TestCatalogFormRoundTrip: the form, filled in as a user would (one row
// per course and competence, the course's fields on its first row only),
// reads back as the catalog, checked against the framework it records.
func TestCatalogFormRoundTrip(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	var b bytes.Buffer
	if err := WriteCatalogForm(&b, fw, Options{Lang: "da", Date: testDate}); err != nil {
		t.Fatal(err)
	}
	f := open(t, b.Bytes())
	if got := f.GetSheetList(); len(got) != 3 || got[0] != "Kursuskatalog" {
		t.Fatalf("sheets %q", got)
	}
	head := rows(t, f, "Kursuskatalog")[0]
	for i, c := range catalog.Columns {
		if head[i] != c.Key {
			t.Errorf("column %d is %q, want %q", i+1, head[i], c.Key)
		}
		if lang.For("da").T(lang.CatalogColumnHelp(c.Key)) == "" {
			t.Errorf("column %q has no help", c.Key)
		}
	}
	dvs, err := f.GetDataValidations("Kursuskatalog")
	if err != nil || len(dvs) != 6 {
		t.Fatalf("%d drop-downs, %v", len(dvs), err)
	}
	fill := [][]string{
		{"skriv", "Skriveværksted", "Writing workshop", "Klart Sprog", "workplace", "joint-course", "methods", "4.6", "1", "3", "3 dage", "3 days", "21", "", "40000", "16", "6", "da"},
		{"jura", "Forvaltningsret", "", "Akademi", "individual", "course", "knowledge, role", "3", "", "3", "5 dage", "", "", "9500"},
		{"jura", "", "", "", "", "", "", "3.3", "2", "4"},
	}
	for r, row := range fill {
		for c, v := range row {
			if v != "" {
				if err := f.SetCellStr("Kursuskatalog", cell(c+1, r+2), v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	path := filepath.Join(t.TempDir(), "kurser.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	c, diags := catalog.Load(path, catalog.SheetOptions{Language: fw.Language})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if c.Framework != fw.ID {
		t.Errorf("recorded framework %q", c.Framework)
	}
	if d := catalog.Check(c, fw); len(d) > 0 {
		t.Fatal(d)
	}
	if len(c.Courses) != 2 || c.Courses[0].Capacity != 16 || c.Courses[0].Name["en"] != "Writing workshop" ||
		len(c.Courses[1].Goals) != 2 || len(c.Courses[1].Leaves) != 3 || c.Courses[1].Cost.Participant != 9500 {
		t.Errorf("catalog %+v %+v", c.Courses[0], c.Courses[1])
	}
}

func TestCatalogFormDeterministic(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	var a, b bytes.Buffer
	if err := WriteCatalogForm(&a, fw, Options{Lang: "en", Date: testDate}); err != nil {
		t.Fatal(err)
	}
	if err := WriteCatalogForm(&b, fw, Options{Lang: "en", Date: testDate}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two catalog forms differ")
	}
}

// TestCatalogFormCSV: the CSV header reads back as an empty catalog.
func TestCatalogFormCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCatalogFormCSV(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\ufeffid,name,") {
		t.Errorf("header %q", b.String())
	}
	path := filepath.Join(t.TempDir(), "k.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	c, diags := catalog.Load(path, catalog.SheetOptions{})
	if len(diags) > 0 || len(c.Courses) != 0 {
		t.Errorf("catalog %+v, %v", c, diags)
	}
}
