package spreadsheet

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkRead opens data and reads every sheet: whatever the input, the
// reader must end with rows or with an *Error, never a panic (which the
// package would turn into an "internal error").
func checkRead(t *testing.T, data []byte) {
	f, err := Open(Source{Name: "fuzz", R: bytes.NewReader(data)}, Options{MaxUnzipSize: 64 << 20})
	if err != nil {
		checkErr(t, err)
		return
	}
	defer f.Close()
	sheets := []string{""}
	if f.Format() == XLSX {
		sheets = sheets[:0]
		for _, s := range f.Sheets() {
			sheets = append(sheets, s.Name)
		}
		_, _, _ = f.Property("HullerFramework")
	}
	for _, s := range sheets {
		rows, err := f.Rows(s)
		if err != nil {
			checkErr(t, err)
			continue
		}
		for rows.Next() {
			cells := rows.Cells()
			for i := range cells {
				_ = rows.Pos(i).String()
				_, _ = rows.Merge(i)
				_ = rows.Covered(i)
				_ = rows.ColHidden(i)
			}
			if rows.Row() <= 0 {
				t.Fatalf("row number %d", rows.Row())
			}
		}
		if err := rows.Err(); err != nil {
			checkErr(t, err)
		}
		rows.Close()
	}
}

func checkErr(t *testing.T, err error) {
	var te *Error
	if !errors.As(err, &te) {
		t.Fatalf("error %T %v is not a *table.Error", err, err)
	}
	if strings.Contains(err.Error(), "internal error") {
		t.Fatalf("panic: %v", err)
	}
}

func seedFixtures(f *testing.F, pattern string) {
	paths, _ := filepath.Glob(filepath.Join(fixtureDir, pattern))
	bad, _ := filepath.Glob(filepath.Join(fixtureDir, "bad", pattern))
	for _, p := range append(paths, bad...) {
		if data, err := os.ReadFile(p); err == nil && len(data) < 1<<20 {
			f.Add(data)
		}
	}
}

func FuzzCSV(f *testing.F) {
	seedFixtures(f, "*.csv")
	seedFixtures(f, "*.txt")
	f.Add([]byte("name;1.1\r\n\"a\"\"b\";3,0\r\n"))
	f.Add([]byte("\xff\xfea\x00,\x00b\x00"))
	f.Add([]byte("a,b\nÆ\xe6\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 0 && (data[0] == 'P' || data[0] == 0xD0) {
			return // a zip or OLE file: FuzzXLSX's business
		}
		checkRead(t, data)
	})
}

func FuzzXLSX(f *testing.F) {
	seedFixtures(f, "*.xlsx")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data)
	})
}

// FuzzSheetXML fuzzes the sheet XML inside a valid workbook, where the zip
// layer does not reject mutations first.
func FuzzSheetXML(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>x</t></r></is></c></row><row><c><f>1</f></c></row>`)
	f.Add(`<row r="2" hidden="1"><c r="C2" t="b"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:C3"/></mergeCells><sheetData>`)
	f.Add(`<row r="1"><c r="A1"><v>1</v></c></row></sheetData><cols><col min="1" max="16384" hidden="1"/></cols><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells><sheetData>`)
	f.Fuzz(func(t *testing.T, sheetData string) {
		data := wb{sst: []string{"a", "b"}, sheets: []sheetSpec{{name: "S", xml: sheetData}}}.bytes(t)
		checkRead(t, data)
	})
}
