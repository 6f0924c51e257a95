package spreadsheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/huller/huller/pkg/internal/heapwatch"
	"github.com/xuri/excelize/v2"
)

const fixtureDir = "../../../testdata/roster"

func TestXLSXCells(t *testing.T) {
	data := wb{
		sst: []string{"name", "Anne", `<r><t>Bo </t></r><r><rPr><b/></rPr><t>Hansen</t></r><rPh><t>ボ</t></rPh>`, "tab_x0009_bed"},
		sheets: []sheetSpec{{name: "Roster", xml: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>1.1</t></is></c></row>` +
			`<row r="3" hidden="1"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>3</v></c><c r="D3" t="b"><v>1</v></c></row>` +
			`<row><c t="s"><v>2</v></c><c><f>1+1</f><v>2</v></c><c t="str"><f>"x"</f><v>x</v></c><c t="e"><v>#N/A</v></c><c><f>A1</f></c></row>` +
			`<row r="7"><c r="A7" t="s"><v>3</v></c><c r="B7" t="inlineStr"><is><r><t>a&amp;</t></r><r><t xml:space="preserve"> b</t></r></is></c></row>`}},
	}.bytes(t)
	f, err := openBytes(t, "t.xlsx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Format() != XLSX {
		t.Fatalf("format %v", f.Format())
	}
	rows, err := f.Rows("Roster")
	if err != nil {
		t.Fatal(err)
	}
	var got []readRow
	var uncached [][]int
	for rows.Next() {
		got = append(got, readRow{rows.Row(), append([]string(nil), rows.Cells()...), rows.Hidden()})
		uncached = append(uncached, append([]int(nil), rows.Uncached()...))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := []readRow{
		{1, []string{"name", "1.1"}, false},
		{3, []string{"Anne", "3", "", "TRUE"}, true},
		{4, []string{"Bo Hansen", "2", "x", "#N/A", ""}, false},
		{7, []string{"tab\tbed", "a& b"}, false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %+v\nwant %+v", got, want)
	}
	if !reflect.DeepEqual(uncached[2], []int{4}) {
		t.Errorf("uncached %v", uncached)
	}
}

func TestXLSXPrefixedNamespace(t *testing.T) {
	sheet := `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<x:cols><x:col min="2" max="3" hidden="1"/></x:cols><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c>` +
		`<x:c r="C1"><x:v>2</x:v></x:c></x:row><x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c></x:row></x:sheetData>` +
		`<x:mergeCells count="1"><x:mergeCell ref="B2:B3"/></x:mergeCells></x:worksheet>`
	f, err := openBytes(t, "t.xlsx", wb{sheets: []sheetSpec{{name: "S", xml: sheet}}}.bytes(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var first []string
	var hidden []bool
	var merge Range
	var merged bool
	err = f.Read("S", func(rows *Rows) error {
		rows.Next()
		first = append([]string(nil), rows.Cells()...)
		hidden = []bool{rows.ColHidden(0), rows.ColHidden(1), rows.ColHidden(2), rows.ColHidden(3)}
		rows.Next()
		merge, merged = rows.Merge(1)
		for rows.Next() {
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, []string{"name", "", "2"}) {
		t.Errorf("row 1: %q", first)
	}
	if !reflect.DeepEqual(hidden, []bool{false, true, true, false}) {
		t.Errorf("hidden columns %v", hidden)
	}
	if !merged || merge != (Range{Top: 2, Left: 1, Bottom: 3, Right: 1}) {
		t.Errorf("merge %v %v", merge, merged)
	}
}

// TestXLSXStrictAbsolutePaths reads a Strict OOXML workbook (purl.oclc.org
// namespaces and relationship types) whose relationships name their targets
// by absolute paths, with the workbook outside xl/ and no r= attributes.
func TestXLSXStrictAbsolutePaths(t *testing.T) {
	const (
		rel    = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
		nsMain = `xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"`
		pkgRel = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	)
	data := zipBytes(t, map[string]string{
		"_rels/.rels": pkgRel + `<Relationship Id="rId1" Type="` + rel + `officeDocument" Target="/book/wb.xml"/></Relationships>`,
		"book/_rels/wb.xml.rels": pkgRel +
			`<Relationship Id="rId7" Type="` + rel + `worksheet" Target="/data/s.xml"/>` +
			`<Relationship Id="rId8" Type="` + rel + `sharedStrings" Target="/data/strings.xml"/>` +
			`<Relationship Id="rId9" Type="` + rel + `hyperlink" Target="https://example.com" TargetMode="External"/></Relationships>`,
		"book/wb.xml":      `<workbook ` + nsMain + ` conformance="strict"><sheets><sheet name="Roster" sheetId="1" r:id="rId7"/></sheets></workbook>`,
		"data/strings.xml": `<sst ` + nsMain + `><si><t>name</t></si><si><r><t>An</t></r><r><t>ne</t></r></si></sst>`,
		"data/s.xml": `<worksheet ` + nsMain + `><sheetData><row><c t="s"><v>0</v></c><c t="d"><v>2026-01-01T00:00:00</v></c></row>` +
			`<row><c t="s"><v>1</v></c><c><v>3</v></c></row></sheetData></worksheet>`,
	})
	f, err := openBytes(t, "s.xlsx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := readAll(t, f, "Roster")
	if err != nil {
		t.Fatal(err)
	}
	want := []readRow{{1, []string{"name", "2026-01-01T00:00:00"}, false}, {2, []string{"Anne", "3"}, false}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %+v\nwant %+v", got, want)
	}
}

func TestXLSXMerges(t *testing.T) {
	sheet := `<?xml version="1.0"?><worksheet ` + nsMain + `><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1"/><c r="C1"/></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>name</t></is></c><c r="B2" t="inlineStr"><is><t>team</t></is></c><c r="C2"><v>1</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>Anne</t></is></c><c r="B3" t="inlineStr"><is><t>Nord</t></is></c><c r="C3"><v>2</v></c></row>` +
		`<row r="4"><c r="A4" t="inlineStr"><is><t>Bo</t></is></c><c r="C4"><v>3</v></c></row>` +
		`<row r="5"><c r="A5" t="inlineStr"><is><t>Ce</t></is></c><c r="C5"><v>1</v></c></row>` +
		`</sheetData><mergeCells count="2"><mergeCell ref="B3:B4"/><mergeCell ref="A1:C1"/></mergeCells></worksheet>`
	f, err := openBytes(t, "t.xlsx", wb{sheets: []sheetSpec{{name: "S", xml: sheet}}}.bytes(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	var covered []bool
	err = f.Read("S", func(rows *Rows) error {
		got, covered = nil, nil
		for rows.Next() {
			got = append(got, append([]string(nil), rows.Cells()...))
			covered = append(covered, rows.Covered(1))
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Title", "Title", "Title"}, {"name", "team", "1"}, {"Anne", "Nord", "2"}, {"Bo", "Nord", "3"}, {"Ce", "", "1"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
	if !reflect.DeepEqual(covered, []bool{true, false, false, true, false}) {
		t.Errorf("covered %v", covered)
	}
}

// TestXLSXMatchesExcelize reads every workbook fixture with pkg/table and
// with excelize and compares the cells (merged ranges aside, which excelize
// leaves blank).
func TestXLSXMatchesExcelize(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(fixtureDir, "*.xlsx"))
	if len(paths) < 2 {
		t.Fatalf("fixtures missing: %v", paths)
	}
	for _, p := range paths {
		ef, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Open(Source{Path: p}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range f.Sheets() {
			want, err := ef.GetRows(s.Name, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			var diffs []string
			err = f.Read(s.Name, func(rows *Rows) error {
				diffs = diffs[:0]
				for rows.Next() {
					w := []string{}
					if rows.Row() <= len(want) {
						w = want[rows.Row()-1]
					}
					got := rows.Cells()
					for i := 0; i < max(len(got), len(w)); i++ {
						g, e := at(got, i), at(w, i)
						if rows.Covered(i) {
							continue
						}
						if g != e {
							diffs = append(diffs, fmt.Sprintf("%s: %s: %q, excelize %q", filepath.Base(p), rows.Pos(i), g, e))
						}
					}
				}
				return rows.Err()
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diffs {
				t.Error(d)
			}
		}
		f.Close()
		ef.Close()
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

func TestXLSXSheets(t *testing.T) {
	data := wb{sheets: []sheetSpec{
		{name: "Lists", xml: "", state: "hidden"},
		{name: "Intro", xml: `<row r="1"><c r="A1"><v>1</v></c></row>`},
		{name: "Medarbejdere", xml: ""},
	}, parts: map[string]string{
		"docProps/custom.xml": `<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
			`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="HullerFramework"><vt:lpwstr>mini</vt:lpwstr></property></Properties>`,
	}}.bytes(t)
	f, err := openBytes(t, "t.xlsx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.FirstSheet(); got != "Intro" {
		t.Errorf("first sheet %q", got)
	}
	if got, ok := f.FindSheet("roster", " medarbejdere "); !ok || got != "Medarbejdere" {
		t.Errorf("FindSheet: %q %v", got, ok)
	}
	if v, ok, err := f.Property("HullerFramework"); v != "mini" || !ok || err != nil {
		t.Errorf("property %q %v %v", v, ok, err)
	}
	if _, ok, _ := f.Property("Other"); ok {
		t.Error("property Other found")
	}
	_, err = f.Rows("Roster")
	if err == nil || err.Error() != `t.xlsx: has no sheet "Roster" (its sheets: "Lists", "Intro", "Medarbejdere")` {
		t.Errorf("error %v", err)
	}
	rows, err := f.Rows("medarbejdere")
	if err != nil || rows.Next() || rows.Err() != nil || rows.Sheet() != "Medarbejdere" {
		t.Errorf("empty sheet: %v %v", err, rows.Err())
	}
}

func TestNotASpreadsheet(t *testing.T) {
	docx := zipBytes(t, map[string]string{"word/document.xml": "<w/>", "[Content_Types].xml": "<Types/>"})
	ods := zipBytes(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})
	plainZip := zipBytes(t, map[string]string{"a.txt": "hello"})
	ole := append(append([]byte(nil), oleMagic...), make([]byte, 600)...)
	encrypted := append(append([]byte(nil), ole...), utf16le("EncryptedPackage")...)
	xls := append(append([]byte(nil), ole...), utf16le("Workbook")...)
	tests := []struct {
		name string
		data []byte
		want string
		is   error
	}{
		{"empty", nil, "x: is empty", nil},
		{"pdf", []byte("%PDF-1.7\n\x00\x01binary"), "is a PDF document", ErrNotSpreadsheet},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "is an image", ErrNotSpreadsheet},
		{"binary", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00"), "holds binary data", ErrNotSpreadsheet},
		{"html", []byte("<html><table><tr><td>name</td></tr></table></html>"), "is an HTML page", ErrNotSpreadsheet},
		{"spreadsheetml", []byte(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`), "Excel 2003 XML", ErrNotSpreadsheet},
		{"xml", []byte(`<?xml version="1.0"?><a/>`), "is an XML file", ErrNotSpreadsheet},
		{"rtf", []byte(`{\rtf1\ansi}`), "is an RTF document", ErrNotSpreadsheet},
		{"docx", docx, "is a Word document", ErrNotSpreadsheet},
		{"ods", ods, "is an OpenDocument spreadsheet (.ods)", ErrNotSpreadsheet},
		{"zip", plainZip, "is a zip archive, not an xlsx workbook", ErrNotSpreadsheet},
		{"truncated zip", docx[:len(docx)/2], "is damaged", ErrCorrupt},
		{"encrypted", encrypted, "is password-protected", ErrEncrypted},
		{"xls", xls, "is an Excel 97–2003 workbook (.xls)", ErrNotSpreadsheet},
		{"other ole", ole, "is an old-style Office file or a password-protected workbook", ErrNotSpreadsheet},
		{"no sheets", wb{}.bytes(t), "has no worksheets", nil},
	}
	for _, tt := range tests {
		_, err := openBytes(t, "x", tt.data, Options{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), "x: ") {
			t.Errorf("%s: error %q does not start with the file name", tt.name, err)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: error is not %v", tt.name, tt.is)
		}
	}
}

func TestPasswordFixture(t *testing.T) {
	_, err := Open(Source{Path: filepath.Join(fixtureDir, "bad", "password.xlsx"), Name: "p.xlsx"}, Options{})
	if !errors.Is(err, ErrEncrypted) {
		t.Errorf("error %v", err)
	}
}

func TestXLSXDamaged(t *testing.T) {
	tests := []struct{ name, sheet, want string }{
		{"unclosed sheetData", `<?xml version="1.0"?><worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`, `d.xlsx: sheet "S": ends early: the file is truncated or damaged`},
		{"bad xml", `<?xml version="1.0"?><worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData></worksheet>`, "d.xlsx: sheet \"S\": ends early: the file is truncated or damaged (open it in Excel"},
		{"bad shared string", `<?xml version="1.0"?><worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1" t="s"><v>9</v></c></row></sheetData></worksheet>`, `cell A1: refers to shared string "9", which the workbook does not have`},
		{"column beyond XFD", `<?xml version="1.0"?><worksheet ` + nsMain + `><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`, `sheet "S", row 1: has a cell named "XFE1", which is no cell reference`},
		{"no sheetData", `<?xml version="1.0"?><worksheet ` + nsMain + `></worksheet>`, "has no <sheetData> element"},
	}
	for _, tt := range tests {
		f, err := openBytes(t, "d.xlsx", wb{sst: []string{"a"}, sheets: []sheetSpec{{name: "S", xml: tt.sheet}}}.bytes(t), Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = readAll(t, f, "S")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
		if !errors.Is(err, ErrCorrupt) && !strings.Contains(tt.want, "sheetData") {
			t.Errorf("%s: error is not ErrCorrupt", tt.name)
		}
	}
}

// TestZipBomb checks the size limits: a workbook that declares a huge size,
// one that holds a huge run of whitespace, and one that lies about its size.
func TestZipBomb(t *testing.T) {
	head := `<?xml version="1.0"?><worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`
	tail := `</sheetData></worksheet>`
	bomb := func(filler io.Reader, declared int64, raw bool) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, content := range map[string]string{
			"_rels/.rels":                `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
			"xl/workbook.xml":            `<workbook ` + nsMain + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
			"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		} {
			w, _ := zw.Create(name)
			_, _ = w.Write([]byte(content))
		}
		content := io.MultiReader(strings.NewReader(head), filler, strings.NewReader(tail))
		if raw {
			// Compress first, then write the entry with a false size.
			var comp bytes.Buffer
			fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
			_, _ = io.Copy(fw, content)
			_ = fw.Close()
			w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
				CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(declared)})
			if err != nil {
				t.Fatal(err)
			}
			_, _ = w.Write(comp.Bytes())
		} else {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate})
			_, _ = io.Copy(w, content)
		}
		_ = zw.Close()
		return buf.Bytes()
	}
	spaces := func(n int64) io.Reader { return io.LimitReader(repeatReader(' '), n) }
	rowsXML := func(n int) io.Reader {
		return strings.NewReader(strings.Repeat(`<row><c><v>1</v></c></row>`, n))
	}
	tests := []struct {
		name string
		data []byte
		opts Options
		want string
	}{
		{"declared size over the limit", bomb(rowsXML(40000), 0, false), Options{MaxUnzipSize: 100 << 10}, "would unpack to 1016 KiB, more than the limit of 100 KiB"},
		{"64 MiB of whitespace", bomb(spaces(64<<20), 0, false), Options{MaxRatio: 1 << 20}, "holds more than 1 MiB of XML without a tag in part xl/worksheets/sheet1.xml"},
		{"size lies", bomb(rowsXML(40000), 1000, true), Options{}, "d.xlsx: is damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stop := heapwatch.Start(5 * time.Millisecond)
			start := time.Now()
			var err error
			f, err := openBytes(t, "d.xlsx", tt.data, tt.opts)
			if err == nil {
				_, err = readAll(t, f, "S")
			}
			peak, _ := stop()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrCorrupt) {
				t.Errorf("error is neither ErrTooLarge nor ErrCorrupt")
			}
			if peak > 64<<20 {
				t.Errorf("peak heap %d MiB", peak>>20)
			}
			t.Logf("%v, peak heap %d MiB", time.Since(start).Round(time.Millisecond), peak>>20)
		})
	}
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// TestRowsKnowsMerges: File.Rows applies merged ranges from the first row
// (finding them first), where File.Read's first reading restarts.
func TestRowsKnowsMerges(t *testing.T) {
	sheet := `<?xml version="1.0"?><worksheet ` + nsMain + `><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="C1"/></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>name</t></is></c></row>` +
		`</sheetData><mergeCells><mergeCell ref="A1:C1"/></mergeCells></worksheet>`
	f, err := openBytes(t, "m.xlsx", wb{sheets: []sheetSpec{{name: "S", xml: sheet}}}.bytes(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.Rows("S")
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for rows.Next() {
		got = append(got, append([]string(nil), rows.Cells()...))
	}
	if err := rows.Err(); err != nil || !reflect.DeepEqual(got, [][]string{{"Title", "Title", "Title"}, {"name"}}) {
		t.Errorf("rows %q, %v", got, err)
	}
	rows.Close()
	passes := 0
	err = f.Read("S", func(rows *Rows) error {
		passes++
		for rows.Next() {
		}
		return rows.Err()
	})
	if err != nil || passes != 1 {
		t.Errorf("Read once the ranges are known: %d passes, %v", passes, err)
	}
}
