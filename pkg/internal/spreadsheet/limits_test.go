package spreadsheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/huller/huller/pkg/internal/heapwatch"
	"golang.org/x/text/encoding/unicode"
)

// The limits of package limits, each met by an input just past it: the
// error names the limit and the place, and is of the kind callers test.

func TestCSVLimits(t *testing.T) {
	tests := []struct {
		name string
		text string
		opts Options
		rows int // records read before the error
		want string
	}{
		{"fields", "name,1.1\nA" + strings.Repeat(",", 20) + "\nB,2\n", Options{MaxFields: 16}, 1,
			"t.csv: line 2: has more than 16 fields, the most columns a sheet can hold"},
		{"fields, default", "name,1.1\nA,1\nB" + strings.Repeat(",", 1<<20) + "\n", Options{}, 2,
			"t.csv: line 3: has more than 16,384 fields"},
		{"fields after quoted line breaks", "name,1.1\n\"A\nB\"" + strings.Repeat(",", 20) + "\n", Options{MaxFields: 16}, 1,
			"t.csv: line 2: has more than 16 fields"},
		{"quoted delimiters are no fields", "name,1.1\n\"" + strings.Repeat(",", 20) + "\",1\n", Options{MaxFields: 16}, 2, ""},
		{"record", "name\n" + strings.Repeat("x", 2000) + "\n", Options{MaxRecord: 1000}, 1,
			"t.csv: line 2: has a line of more than 1000 bytes, far more than a roster's row"},
		{"record, no line end", "name\n" + strings.Repeat("x", 2000), Options{MaxRecord: 1000}, 1,
			"t.csv: line 2: has a line of more than 1000 bytes"},
		{"open quote", "name\n\"abc\n" + strings.Repeat("x\n", 1000), Options{MaxRecord: 1000}, 1,
			"t.csv: line 2: a quoted field that starts here is still open after 1000 bytes; close it with a quote"},
		{"long records within the limit", "name\n" + strings.Repeat("x", 999) + "\n", Options{MaxRecord: 1000}, 2, ""},
		{"cell text", "name,1.1\n" + strings.Repeat("é", 40000) + ",3\n", Options{}, 1,
			"t.csv: line 2, column 1: holds 40,000 characters, more than the 32,767 a cell can hold"},
		{"cell text at the limit", "name,1.1\n" + strings.Repeat("é", 32767) + ",3\n", Options{}, 2, ""},
		{"cell text on a later line of its record", "name,1.1\nA,\"x\n" + strings.Repeat("y", 40) + "\"\n", Options{MaxCellText: 30}, 1,
			"t.csv: line 2, column 2: holds 42 characters, more than the 30 a cell can hold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, rows, _, err := readCSV(t, strings.NewReader(tt.text), tt.opts)
			if len(rows) != tt.rows {
				t.Errorf("%d records read, want %d", len(rows), tt.rows)
			}
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error %v\nwant %q", err, tt.want)
			}
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("error is not ErrTooLarge")
			}
		})
	}
}

// TestUTF16OddLength: a UTF-16 file of an odd number of bytes is
// truncated; its last half character must not become a row.
func TestUTF16OddLength(t *testing.T) {
	text := "name,1.1\nAnne,3\n"
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	noBOM, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(text))
	for name, data := range map[string][]byte{"LE": le, "BE": be, "no BOM": noBOM} {
		_, rows, _, err := readCSV(t, bytes.NewReader(data), Options{})
		if err != nil || len(rows) != 2 {
			t.Fatalf("%s, even: %v %q", name, err, rows)
		}
		_, rows, _, err = readCSV(t, bytes.NewReader(append(data, 0)), Options{})
		if err == nil || !strings.HasPrefix(err.Error(), "t.csv: ends in the middle of a character") || !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s, odd: error %v", name, err)
		}
		for _, r := range rows {
			if strings.ContainsRune(strings.Join(r, ""), '\uFFFD') {
				t.Errorf("%s, odd: phantom row %q", name, r)
			}
		}
	}
}

// TestSniffSignatures: images and PDF documents are named as such even
// when their first 8 KB hold no zero byte.
func TestSniffSignatures(t *testing.T) {
	pad := bytes.Repeat([]byte("A"), 9000)
	tests := map[string]string{
		"\x89PNG\r\n\x1a\n": "x: is an image, not a spreadsheet",
		"\xFF\xD8\xFF\xE0":  "x: is an image, not a spreadsheet",
		"GIF89a":            "x: is an image, not a spreadsheet",
		"GIF87a":            "x: is an image, not a spreadsheet",
		"%PDF-1.4\n":        "x: is a PDF document, not a spreadsheet",
	}
	for sig, want := range tests {
		_, err := openBytes(t, "x", append([]byte(sig), pad...), Options{})
		if err == nil || !strings.HasPrefix(err.Error(), want) || !errors.Is(err, ErrNotSpreadsheet) {
			t.Errorf("%q: error %v, want %q", sig, err, want)
		}
	}
	// CSV text that merely starts with the same letters is CSV.
	if _, err := openBytes(t, "x", []byte("GIF,name\n1,A\n"), Options{}); err != nil {
		t.Errorf("GIF,name: %v", err)
	}
}

// TestStdinSpool: a workbook on standard input goes to a temporary file
// that is gone at once, not into memory.
func TestStdinSpool(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	data := wb{sheets: []sheetSpec{{name: "S", xml: `<row r="1"><c r="A1"><v>7</v></c></row>`}}}.bytes(t)
	f, err := openBytes(t, "-", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("temporary files while open: %v", left)
	}
	rows, err := readAll(t, f, "S")
	if err != nil || len(rows) != 1 || rows[0].Cells[0] != "7" {
		t.Fatalf("rows %v, %v", rows, err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("temporary files after Close: %v", left)
	}

	// Past the limit: refused, and nothing left.
	_, err = openBytes(t, "-", append(data, make([]byte, 2<<20)...), Options{MaxInput: 1 << 20})
	if err == nil || err.Error() != "-: workbook on standard input is larger than 1 MiB; give its file name instead" || !errors.Is(err, ErrTooLarge) {
		t.Errorf("error %v", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("temporary files after refusal: %v", left)
	}

	// 64 MiB of zip-like junk: read through a file, not held in memory.
	stop := heapwatch.Start(5 * time.Millisecond)
	junk := io.MultiReader(bytes.NewReader([]byte("PK\x03\x04")), io.LimitReader(repeatReader(0), 64<<20))
	_, err = Open(Source{Name: "-", R: junk}, Options{})
	peak, _ := stop()
	if err == nil || !strings.HasPrefix(err.Error(), "-: is damaged") {
		t.Errorf("error %v", err)
	}
	if peak > 32<<20 {
		t.Errorf("peak heap %d MiB reading 64 MiB from a stream", peak>>20)
	}
}

func TestSharedStringLimits(t *testing.T) {
	sheet := `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`
	long := strings.Repeat("x", 40000)
	run := strings.Repeat("y", 15000)
	tests := []struct {
		name string
		sst  []string
		opts Options
		want string
	}{
		{"entries", strings.Split("a b c d e f g h i j k", " "), Options{MaxSharedStrings: 10},
			"s.xlsx: has more than 10 shared strings (the workbook's table of texts, xl/sharedStrings.xml)"},
		{"bytes", []string{strings.Repeat("a", 20), strings.Repeat("b", 20), strings.Repeat("c", 20)}, Options{MaxSharedStringBytes: 100},
			"s.xlsx: has a table of shared strings (xl/sharedStrings.xml) that takes more than 100 bytes in memory"},
		{"empty entries cost too", []string{"<t/>", "<t/>", "<t/>", "<t/>", "<t/>", "<t/>", "<t/>"}, Options{MaxSharedStringBytes: 100},
			"s.xlsx: has a table of shared strings"},
		{"one long entry", []string{"name", long}, Options{},
			"s.xlsx: has a shared string (number 2 in xl/sharedStrings.xml) of more than 32,767 characters, more than a cell can hold"},
		{"runs", []string{"<r><t>" + run + "</t></r><r><t>" + run + "</t></r><r><t>" + run + "</t></r>"}, Options{},
			"s.xlsx: has a shared string (number 1 in xl/sharedStrings.xml) of more than 32,767 characters"},
		{"within the limits", []string{"name", strings.Repeat("é", 32767)}, Options{MaxSharedStrings: 2, MaxSharedStringBytes: 2*16 + 4 + 2*32767}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := openBytes(t, "s.xlsx", wb{sst: tt.sst, sheets: []sheetSpec{{name: "S", xml: sheet}}}.bytes(t), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			_, err = readAll(t, f, "S")
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error %v\nwant %q", err, tt.want)
			}
		})
	}
}

func TestSheetLimits(t *testing.T) {
	inline := func(ref, s string) string {
		return `<c r="` + ref + `" t="inlineStr"><is><t>` + s + `</t></is></c>`
	}
	var wide strings.Builder
	for r := 1; r <= 100; r++ {
		fmt.Fprintf(&wide, `<row r="%d"><c r="A%d"><v>1</v></c><c r="XFD%d"><v>1</v></c></row>`, r, r, r)
	}
	run := strings.Repeat("y", 15000)
	tests := []struct {
		name  string
		sheet string
		opts  Options
		want  string
	}{
		{"rows", strings.Repeat(`<row><c><v>1</v></c></row>`, 6), Options{MaxRows: 5},
			`s.xlsx: sheet "S": has more than 5 rows, the most a sheet can hold`},
		{"row number", `<row r="1048577"><c><v>1</v></c></row>`, Options{},
			`s.xlsx: sheet "S": has more than 1,048,576 rows`},
		{"repeated row number", strings.Repeat(`<row r="3"><c><v>1</v></c></row>`, 6), Options{MaxRows: 5},
			`s.xlsx: sheet "S": has more than 5 rows`},
		{"cell text", `<row r="1">` + inline("A1", "name") + `</row><row r="2">` + inline("A2", strings.Repeat("x", 40000)) + `</row>`, Options{},
			`s.xlsx: sheet "S", cell A2: holds more than 32,767 characters, more than a cell can hold`},
		{"cell text in runs", `<row r="2"><c r="B2" t="inlineStr"><is><r><t>` + run + `</t></r><r><t>` + run + `</t></r><r><t>` + run + `</t></r></is></c></row>`, Options{},
			`s.xlsx: sheet "S", cell B2: holds more than 32,767 characters`},
		{"cell text at the limit", `<row r="2">` + inline("B2", strings.Repeat("é", 32767)) + `</row>`, Options{}, ""},
		{"cells", wide.String(), Options{MaxSheetCells: 50 * 16384},
			`s.xlsx: sheet "S", row 51: the sheet's rows up to here hold more than 819,200 cells, counting the blank cells before each row's last cell`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := openBytes(t, "s.xlsx", wb{sheets: []sheetSpec{{name: "S", xml: tt.sheet}}}.bytes(t), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			_, err = readAll(t, f, "S")
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error %v\nwant %q", err, tt.want)
			}
		})
	}
}

// TestMergeRules: merged ranges listed in any order, twice, overlapping,
// or reaching beyond the columns of interest.
func TestMergeRules(t *testing.T) {
	row := func(r int, vals ...string) string {
		var b strings.Builder
		fmt.Fprintf(&b, `<row r="%d">`, r)
		for i, v := range vals {
			if v != "" {
				fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, CellName(r, i), v)
			}
		}
		b.WriteString(`</row>`)
		return b.String()
	}
	sheet := func(merges ...string) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><worksheet ` + nsMain + `><sheetData>`)
		b.WriteString(row(1, "a", "b", "c", "d", "e"))
		b.WriteString(row(2, "f", "g", "h", "i", "j"))
		b.WriteString(row(3, "k", "l", "m", "n", "o"))
		b.WriteString(`</sheetData><mergeCells>`)
		for _, m := range merges {
			b.WriteString(`<mergeCell ref="` + m + `"/>`)
		}
		b.WriteString(`</mergeCells></worksheet>`)
		return b.String()
	}
	tests := []struct {
		name    string
		merges  []string
		columns int
		want    [][]string
	}{
		{"bottom-up and twice", []string{"B3:C3", "A1:B2", "B3:C3", "A1:B2"}, 0,
			[][]string{{"a", "a", "c", "d", "e"}, {"a", "a", "h", "i", "j"}, {"k", "l", "l", "n", "o"}}},
		{"overlapping: the first listed stays", []string{"A1:B2", "B2:C3", "D1:D3"}, 0,
			[][]string{{"a", "a", "c", "d", "e"}, {"a", "a", "h", "d", "j"}, {"k", "l", "m", "d", "o"}}},
		{"overlapping, later row first", []string{"B2:C3", "A1:B2"}, 0,
			[][]string{{"a", "a", "c", "d", "e"}, {"a", "a", "h", "i", "j"}, {"k", "l", "m", "n", "o"}}},
		{"contained", []string{"A1:E3", "B2:C2"}, 0,
			[][]string{{"a", "a", "a", "a", "a"}, {"a", "a", "a", "a", "a"}, {"a", "a", "a", "a", "a"}}},
		{"columns of interest", []string{"A1:E1", "D2:E3"}, 2,
			[][]string{{"a", "a", "c", "d", "e"}, {"f", "g", "h", "i", "j"}, {"k", "l", "m", "n", "o"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := openBytes(t, "m.xlsx", wb{sheets: []sheetSpec{{name: "S", xml: sheet(tt.merges...)}}}.bytes(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			err = f.Read("S", func(rows *Rows) error {
				rows.SetColumns(tt.columns)
				got = nil
				for rows.Next() {
					got = append(got, append([]string(nil), rows.Cells()...))
					for c := range rows.Cells() {
						m, ok := rows.Merge(c)
						if ok && (c < m.Left || c > m.Right || rows.Row() < m.Top || rows.Row() > m.Bottom) {
							t.Errorf("row %d, column %d: merge %+v", rows.Row(), c, m)
						}
					}
				}
				return rows.Err()
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows\n got %q\nwant %q", got, tt.want)
			}
		})
	}

	// Too many.
	f, err := openBytes(t, "m.xlsx", wb{sheets: []sheetSpec{{name: "S", xml: sheet("A1:A2", "B1:B2", "C1:C2", "D1:D2")}}}.bytes(t), Options{MaxMerges: 3})
	if err != nil {
		t.Fatal(err)
	}
	_, err = readAll(t, f, "S")
	if err == nil || !strings.HasPrefix(err.Error(), `m.xlsx: sheet "S": has more than 3 merged ranges`) || !errors.Is(err, ErrTooLarge) {
		t.Errorf("error %v", err)
	}
}

// TestSortRanges: many ranges listed bottom-up (insertion sort's worst
// case) are sorted, and duplicates dropped.
func TestSortRanges(t *testing.T) {
	var rs []Range
	for i := 200000; i > 0; i-- {
		rs = append(rs, Range{Top: i, Left: 4, Bottom: i, Right: 5}, Range{Top: i, Left: 4, Bottom: i, Right: 5})
	}
	rs = sortRanges(rs)
	if len(rs) != 200000 {
		t.Fatalf("%d ranges", len(rs))
	}
	for i, r := range rs {
		if r.Top != i+1 {
			t.Fatalf("range %d: %+v", i, r)
		}
	}
}

func TestCollidingParts(t *testing.T) {
	base := wb{sheets: []sheetSpec{{name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c></row>`}}}.bytes(t)
	with := func(name, content string) []byte {
		zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
		}
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte(content))
		_ = zw.Close()
		return buf.Bytes()
	}
	other := `<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`
	tests := []struct{ name, part, want string }{
		{"case", "XL/WORKSHEETS/SHEET1.XML", "c.xlsx: holds two parts whose names differ only in case, xl/worksheets/sheet1.xml and XL/WORKSHEETS/SHEET1.XML"},
		{"backslash", `xl\worksheets\sheet1.xml`, `c.xlsx: holds two parts whose names differ only in case or in \ for /, xl/worksheets/sheet1.xml and xl\worksheets\sheet1.xml`},
		{"twice", "xl/worksheets/sheet1.xml", "c.xlsx: holds the part xl/worksheets/sheet1.xml twice"},
	}
	for _, tt := range tests {
		_, err := openBytes(t, "c.xlsx", with(tt.part, other), Options{})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) || !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: error %v\nwant %q", tt.name, err, tt.want)
		}
	}
	// A part named in another case than its reference is found.
	data := zipBytes(t, map[string]string{
		"_rels/.rels":                `<Relationships><Relationship Id="r" Type="x/officeDocument" Target="XL/Workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook ` + nsMain + `><sheets><sheet name="S" sheetId="1" r:id="s"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="s" Type="x/worksheet" Target="Worksheets/Sheet1.XML"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   other,
	})
	f, err := openBytes(t, "c.xlsx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rows, err := readAll(t, f, "S"); err != nil || len(rows) != 1 || rows[0].Cells[0] != "2" {
		t.Errorf("rows %v, %v", rows, err)
	}
}

func TestEncodingDeclared(t *testing.T) {
	latin := `<?xml version="1.0" encoding="ISO-8859-1"?>`
	sheet := `<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`
	tests := []struct {
		name string
		w    wb
		want string
	}{
		{"sheet", wb{sheets: []sheetSpec{{name: "S", xml: latin + sheet}}},
			`e.xlsx: sheet "S": part xl/worksheets/sheet1.xml declares the text encoding "ISO-8859-1"; huller reads workbook XML in UTF-8`},
		{"shared strings", wb{sst: []string{"a"}, sheets: []sheetSpec{{name: "S", xml: sheet}},
			parts: map[string]string{"xl/sharedStrings.xml": latin + `<sst ` + nsMain + `><si><t>a</t></si></sst>`}},
			`e.xlsx: part xl/sharedStrings.xml declares the text encoding "ISO-8859-1"`},
		{"ascii", wb{sheets: []sheetSpec{{name: "S", xml: `<?xml version="1.0" encoding="US-ASCII"?>` + sheet}}}, ""},
	}
	for _, tt := range tests {
		f, err := openBytes(t, "e.xlsx", tt.w.bytes(t), Options{})
		if err == nil {
			_, err = readAll(t, f, "S")
		}
		if tt.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "CharsetReader") {
			t.Errorf("%s: error %v\nwant %q", tt.name, err, tt.want)
		}
	}
	// The workbook part itself.
	w := wb{sheets: []sheetSpec{{name: "S", xml: sheet}}}
	data := w.bytes(t)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		parts[f.Name] = string(b)
	}
	parts["xl/workbook.xml"] = latin + strings.TrimPrefix(parts["xl/workbook.xml"], `<?xml version="1.0" encoding="UTF-8"?>`)
	_, err := openBytes(t, "e.xlsx", zipBytes(t, parts), Options{})
	if err == nil || !strings.HasPrefix(err.Error(), `e.xlsx: part xl/workbook.xml declares the text encoding "ISO-8859-1"`) {
		t.Errorf("workbook: error %v", err)
	}
}

// TestSheetHeadTooLarge: a sheet with megabytes before its cells is
// refused as too large, not as having no <sheetData>.
func TestSheetHeadTooLarge(t *testing.T) {
	head := `<?xml version="1.0"?><worksheet ` + nsMain + `><sheetPr>` + strings.Repeat("<x/>", (17<<20)/4) + `</sheetPr>`
	f, err := openBytes(t, "h.xlsx", wb{sheets: []sheetSpec{{name: "S", xml: head + `<sheetData/></worksheet>`}}}.bytes(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = readAll(t, f, "S")
	if err == nil || !strings.HasPrefix(err.Error(), `h.xlsx: sheet "S": has more than 16 MiB of XML before its cells`) || !errors.Is(err, ErrTooLarge) {
		t.Errorf("error %v", err)
	}
}

// TestInflationRatio: a large part that inflates far more than a real
// sheet is refused before it is read.
func TestInflationRatio(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	row := []byte(strings.Repeat(`<row><c><v>1</v></c></row>`, 40000))
	for n := 0; n < 65<<20; n += len(row) {
		_, _ = w.Write(row)
	}
	_ = zw.Close()
	_, err := openBytes(t, "b.xlsx", buf.Bytes(), Options{})
	if err == nil || !strings.Contains(err.Error(), "b.xlsx: part xl/worksheets/sheet1.xml would unpack to 65 MiB from") ||
		!strings.Contains(err.Error(), "where real workbooks stay under 100 times") || !errors.Is(err, ErrTooLarge) {
		t.Errorf("error %v", err)
	}
}

func TestHiddenColumns(t *testing.T) {
	head := `<?xml version="1.0"?><worksheet ` + nsMain + `><cols>` +
		`<col min="5" max="6" hidden="1"/><col min="2" max="3" hidden="true"/><col min="3" max="4" hidden="1"/><col min="9" max="9" hidden="0"/><col min="12" max="20000" hidden="1"/>` +
		`</cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`
	f, err := openBytes(t, "h.xlsx", wb{sheets: []sheetSpec{{name: "S", xml: head}}}.bytes(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var hidden []int
	err = f.Read("S", func(rows *Rows) error {
		for rows.Next() {
		}
		for c := range 20 {
			if rows.ColHidden(c) {
				hidden = append(hidden, c)
			}
		}
		if !rows.ColHidden(16383) || rows.ColHidden(16384) {
			t.Error("column XFD")
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2, 3, 4, 5, 11, 12, 13, 14, 15, 16, 17, 18, 19}; !reflect.DeepEqual(hidden, want) {
		t.Errorf("hidden %v, want %v", hidden, want)
	}
}

// chunkReader reads in chunks of the given sizes, in turn.
type chunkReader struct {
	r     io.Reader
	sizes []int
	i     int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	n := c.sizes[c.i%len(c.sizes)]
	c.i++
	return c.r.Read(p[:min(n, len(p))])
}

// TestGuardExact: the guard stops at the same byte, with the same error,
// however the bytes come to it and however its caller reads.
func TestGuardExact(t *testing.T) {
	long := strings.Repeat("x", 100)
	tests := []struct{ name, in, want string }{
		{"fine", "<a>" + strings.Repeat("<b>yy</b>", 50) + "<?pi short?></a>", ""},
		{"run", "<a>" + long + "</a>", "holds more than 64 bytes of XML without a tag"},
		{"run at the limit", "<a>" + long[:62] + "</a>", ""},
		{"instruction", "<a><?pi " + strings.Repeat("x<", 40) + "?></a>", "holds a processing instruction (<?…?>) of more than 64 bytes"},
		{"unterminated declaration", `<?xml version="1.0" ` + strings.Repeat("a<b ", 30), "holds a processing instruction"},
		{"instruction at the limit", "<?" + strings.Repeat("<", 64) + "?><a/>", ""},
		{"? and > apart", "<?" + strings.Repeat("<", 63) + "?" + ">" + long[:10], ""},
	}
	for _, tt := range tests {
		var first []byte
		var firstErr error
		for k, sizes := range [][]int{{1 << 20}, {1}, {2}, {3, 1}, {7, 5, 1}, {64}, {63, 2}} {
			for _, callerSize := range []int{1, 2, 5, 1 << 16} {
				g := &guardReader{r: &chunkReader{r: strings.NewReader(tt.in), sizes: sizes}, max: 64, file: "f", part: "p"}
				var got []byte
				buf := make([]byte, callerSize)
				var err error
				for {
					n, e := g.Read(buf)
					got = append(got, buf[:n]...)
					if e != nil {
						err = e
						break
					}
				}
				if k == 0 && callerSize == 1 {
					first, firstErr = got, err
					if tt.want == "" && (err != io.EOF || string(got) != tt.in) {
						t.Fatalf("%s: %v, %d of %d bytes", tt.name, err, len(got), len(tt.in))
					}
					if tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
						t.Fatalf("%s: error %v, want %q", tt.name, err, tt.want)
					}
					continue
				}
				if string(got) != string(first) || fmt.Sprint(err) != fmt.Sprint(firstErr) {
					t.Errorf("%s, reads %v, caller %d: %d bytes, %v; first %d bytes, %v", tt.name, sizes, callerSize, len(got), err, len(first), firstErr)
				}
			}
		}
	}
}
