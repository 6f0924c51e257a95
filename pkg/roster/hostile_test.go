package roster

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/huller/huller/pkg/internal/cputime"
	"github.com/huller/huller/pkg/internal/heapwatch"
	"github.com/huller/huller/pkg/internal/spreadsheet"
	"golang.org/x/text/encoding/unicode"
)

// TestHostileInputs reads the worst inputs found by a reliability review
// (made here at a small scale, or whole where they are small) as huller
// analyze does: each ends in the error it should, of the right kind (exit
// 1), within a deadline of CPU time (the machine may be shared; a wall-clock
// backstop stops a hang) and a bound on the heap measured as it runs.
func TestHostileInputs(t *testing.T) {
	fw := realFramework(t)
	const deadline = 5 * time.Second
	type input struct {
		name  string
		data  func(t *testing.T) io.Reader
		opts  Options
		want  string // the error starts with this; "" for no error
		is    error  // the error's kind; nil for a *roster.Error
		heap  uint64 // bound on the heap's growth
		slow  bool   // skipped with -short
		check func(t *testing.T, r *Roster)
	}
	bytesOf := func(b []byte) func(*testing.T) io.Reader {
		return func(*testing.T) io.Reader { return bytes.NewReader(b) }
	}
	lazy := func(f func(t *testing.T) []byte) func(*testing.T) io.Reader {
		return func(t *testing.T) io.Reader { return bytes.NewReader(f(t)) }
	}
	rows := rosterRows("name", "role", "1.1") + rosterRows("Anne", "jobkonsulent", "3")
	tests := []input{
		{name: "sst-bomb: empty shared strings", heap: 64 << 20,
			data: lazy(func(t *testing.T) []byte {
				return workbook(t, "<worksheet><sheetData>"+rows+"</sheetData></worksheet>", strings.Repeat("<si/>", 200000))
			}),
			opts: Options{Table: spreadsheet.Options{MaxSharedStrings: 100000}},
			want: "x: has more than 100,000 shared strings", is: spreadsheet.ErrTooLarge},
		{name: "merges-sort: 200,000 merged ranges bottom-up", heap: 128 << 20,
			data: lazy(func(t *testing.T) []byte {
				var b strings.Builder
				b.WriteString("<worksheet><sheetData>" + rows + "</sheetData><mergeCells>")
				for i := 200010; i > 10; i-- {
					fmt.Fprintf(&b, `<mergeCell ref="E%d:F%d"/>`, i, i)
				}
				b.WriteString("</mergeCells></worksheet>")
				return workbook(t, b.String(), "")
			})},
		{name: "merges-wide: 10,000 whole-sheet merges", heap: 64 << 20,
			data: lazy(func(t *testing.T) []byte {
				var b strings.Builder
				b.WriteString("<worksheet><sheetData>" + rosterRows("name", "role", "1.1"))
				for r := 2; r < 202; r++ {
					fmt.Fprintf(&b, `<row>%s<c r="XFD%d"><v>1</v></c></row>`, strings.TrimSuffix(strings.TrimPrefix(rosterRows(fmt.Sprint("P", r), "jobkonsulent", "3"), "<row>"), "</row>"), r)
				}
				b.WriteString("</sheetData><mergeCells>" + strings.Repeat(`<mergeCell ref="E2:XFD1048576"/>`, 10000) + "</mergeCells></worksheet>")
				return workbook(t, b.String(), "")
			}),
			check: func(t *testing.T, r *Roster) {
				if len(r.Persons) != 200 || !hasWarning(r, "column XFD has no header, so its 200 values were ignored") {
					t.Errorf("%d persons, warnings %v", len(r.Persons), r.Warnings)
				}
			}},
		{name: "merges over every column and row", heap: 64 << 20,
			data: lazy(func(t *testing.T) []byte {
				var b strings.Builder
				b.WriteString("<worksheet><sheetData>" + rows)
				for r := 3; r < 100000; r++ {
					fmt.Fprintf(&b, `<row r="%d"/>`, r)
				}
				b.WriteString("</sheetData><mergeCells>")
				for c := 0; c < 16384; c++ {
					fmt.Fprintf(&b, `<mergeCell ref="%s3:%s1048576"/>`, spreadsheet.ColumnName(c), spreadsheet.ColumnName(c))
				}
				b.WriteString("</mergeCells></worksheet>")
				return workbook(t, b.String(), "")
			})},
		{name: "cells at column XFD on every row", heap: 64 << 20,
			data: lazy(func(t *testing.T) []byte {
				var b strings.Builder
				b.WriteString(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="XFD1" t="inlineStr"><is><t>1.1</t></is></c></row>`)
				for r := 2; r < 100000; r++ {
					fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
				}
				b.WriteString("</sheetData></worksheet>")
				return workbook(t, b.String(), "")
			}),
			opts: Options{Table: spreadsheet.Options{MaxSheetCells: 256 << 20}},
			want: `x: sheet "Roster", row 16385: the sheet's rows up to here hold more than 268,435,456 cells`, is: spreadsheet.ErrTooLarge},
		{name: "commas.csv: a 16 MiB record of empty fields", heap: 64 << 20,
			data: func(*testing.T) io.Reader {
				return io.MultiReader(strings.NewReader("name,role,1.1\nAnne,jobkonsulent,3"), io.LimitReader(repeat(','), 16<<20), strings.NewReader("\n"))
			},
			want: "x: line 2: has more than 16,384 fields", is: spreadsheet.ErrTooLarge},
		{name: "a 64 MiB CSV field", heap: 64 << 20,
			data: func(*testing.T) io.Reader {
				return io.MultiReader(strings.NewReader("name,role,1.1\nA,,3"), io.LimitReader(repeat('x'), 64<<20))
			},
			want: "x: line 2: has a line of more than 4 MiB", is: spreadsheet.ErrTooLarge},
		{name: "a 64 MiB quoted CSV field", heap: 64 << 20,
			data: func(*testing.T) io.Reader {
				return io.MultiReader(strings.NewReader("name,role,1.1\n\"A"), io.LimitReader(repeat('\n'), 64<<20))
			},
			want: "x: line 2: a quoted field that starts here is still open after 4 MiB", is: spreadsheet.ErrTooLarge},
		{name: "a 200,000-character name", heap: 64 << 20,
			data: bytesOf([]byte("name,role,1.1\n" + strings.Repeat("A", 200000) + ",jobkonsulent,1\nBo,jobkonsulent,3\n")),
			want: "x: line 2, column 1: holds 200,000 characters, more than the 32,767 a cell can hold", is: spreadsheet.ErrTooLarge},
		// 200,000 persons take about 40 MiB, and the garbage collector lets
		// the heap grow to a few times that while the list of persons grows
		// (measured 87–151 MiB); a column of each row per header column
		// would take 3 GiB.
		{name: "a wide CSV header over short rows", heap: 256 << 20,
			data: lazy(func(*testing.T) []byte {
				var b bytes.Buffer
				b.WriteString("name,1.1" + strings.Repeat(",x", 16000) + "\n")
				for i := range 200000 {
					fmt.Fprintf(&b, "P%d\n", i)
				}
				return b.Bytes()
			}),
			opts: Options{IgnoreUnknown: true},
			check: func(t *testing.T, r *Roster) {
				if len(r.Persons) != 200000 {
					t.Errorf("%d persons", len(r.Persons))
				}
			}},
		{name: "stdin bomb: 'PK' and 64 MiB of zeros", heap: 32 << 20,
			data: func(*testing.T) io.Reader {
				return io.MultiReader(strings.NewReader("PK\x03\x04"), io.LimitReader(repeat(0), 64<<20))
			},
			want: "x: is damaged: it starts like an xlsx workbook (a zip file) but cannot be opened as one", is: spreadsheet.ErrCorrupt},
		{name: "tag bomb: more rows than a sheet holds", heap: 64 << 20,
			data: lazy(func(t *testing.T) []byte {
				return workbook(t, "<worksheet><sheetData>"+rows+strings.Repeat("<row><c><v>1</v></c></row>", 100000)+"</sheetData></worksheet>", "")
			}),
			opts: Options{Table: spreadsheet.Options{MaxRows: 50000}},
			want: `x: sheet "Roster": has more than 50,000 rows, the most a sheet can hold`, is: spreadsheet.ErrTooLarge},
		{name: "long layout: 200,000 levels for one person and competence", heap: 128 << 20,
			data: func(*testing.T) io.Reader {
				return io.MultiReader(strings.NewReader("name,competence,level\n"), io.LimitReader(repeatString("Anne,1.1,1\n"), 200000*11))
			},
			want: "x: 199999 problems:\n  x: Anne has two levels for competence 1.1 (line 2 and line 3); keep one"},
		{name: "colliding part names", heap: 16 << 20,
			data: lazy(func(t *testing.T) []byte {
				return workbook(t, "<worksheet><sheetData>"+rows+"</sheetData></worksheet>", "", "XL/WORKSHEETS/SHEET1.XML")
			}),
			want: "x: holds two parts whose names differ only in case, xl/worksheets/sheet1.xml and XL/WORKSHEETS/SHEET1.XML", is: spreadsheet.ErrCorrupt},
		{name: "image-as-xlsx", heap: 16 << 20,
			data: bytesOf(append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte("A"), 9000)...)),
			want: "x: is an image, not a spreadsheet", is: spreadsheet.ErrNotSpreadsheet},
		{name: "odd UTF-16", heap: 16 << 20,
			data: lazy(func(*testing.T) []byte {
				b, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("name,role,1.1\nAnne,jobkonsulent,3\n"))
				return append(b, 0)
			}),
			want: "x: ends in the middle of a character", is: spreadsheet.ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.slow && testing.Short() {
				t.Skip("slow")
			}
			src := tt.data(t)
			stop := heapwatch.Start(2 * time.Millisecond)
			start, cpu0 := time.Now(), cputime.Process()
			var (
				r   *Roster
				err error
			)
			done := make(chan struct{})
			go func() {
				defer close(done)
				r, err = Read(Source{Name: "x", R: src}, fw, tt.opts)
			}()
			select {
			case <-done:
			case <-time.After(12 * slowdown * deadline):
				t.Fatalf("not done after %v", 12*slowdown*deadline)
			}
			took, cpu := time.Since(start), cputime.Since(cpu0)
			_, grew := stop()
			t.Logf("%v (%v of CPU time), heap grew by %d MiB", took.Round(time.Millisecond), cpu.Round(time.Millisecond), grew>>20)
			if cpu > slowdown*deadline {
				t.Errorf("took %v of CPU time, more than %v", cpu, slowdown*deadline)
			}
			if grew > tt.heap {
				t.Errorf("heap grew by %d MiB, more than %d MiB", grew>>20, tt.heap>>20)
			}
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if tt.check != nil {
					tt.check(t, r)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error %v\nwant %q", err, tt.want)
			}
			var re *Error
			var se *spreadsheet.Error
			switch {
			case tt.is == nil && !errors.As(err, &re):
				t.Errorf("error %T is not a *roster.Error", err)
			case tt.is != nil && (!errors.As(err, &se) || !errors.Is(err, tt.is)):
				t.Errorf("error %T is not a *spreadsheet.Error of kind %v", err, tt.is)
			}
		})
	}
}

// rosterRows is a row of inline strings and numbers.
func rosterRows(cells ...string) string {
	var b strings.Builder
	b.WriteString("<row>")
	for _, c := range cells {
		if c != "" && strings.Trim(c, "0123456789") == "" {
			b.WriteString("<c><v>" + c + "</v></c>")
		} else {
			b.WriteString(`<c t="inlineStr"><is><t>` + c + `</t></is></c>`)
		}
	}
	b.WriteString("</row>")
	return b.String()
}

// workbook is a minimal workbook of one sheet "Roster" (and a shared-string
// table when sst is not empty); extra names more parts holding the sheet.
func workbook(t testing.TB, sheet, sst string, extra ...string) []byte {
	t.Helper()
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, content); err != nil {
			t.Fatal(err)
		}
	}
	put("_rels/.rels", `<Relationships><Relationship Id="r" Type="`+rel+`/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<workbook xmlns:r="`+rel+`"><sheets><sheet name="Roster" r:id="s"/></sheets></workbook>`)
	rels := `<Relationship Id="s" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/>`
	if sst != "" {
		rels += `<Relationship Id="t" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/>`
		put("xl/sharedStrings.xml", "<sst>"+sst+"</sst>")
	}
	put("xl/_rels/workbook.xml.rels", `<Relationships>`+rels+`</Relationships>`)
	put("xl/worksheets/sheet1.xml", sheet)
	for _, name := range extra {
		put(name, sheet)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// repeatString reads s over and over.
func repeatString(s string) io.Reader { return &repeater{s: s} }

type repeater struct {
	s string
	i int
}

func (r *repeater) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.s[r.i:])
		n += c
		r.i = (r.i + c) % len(r.s)
	}
	return n, nil
}
