package spreadsheet

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// The byte scanner against the reference (encoding/xml): the same sheets,
// generated in the forms Excel, LibreOffice, Google Sheets and openpyxl
// write and then mutated, must give the same rows — cells, row numbers,
// hidden rows and columns, merged ranges, formulas without a value — or
// the same error, word for word.
//
//	go test -run='^$' -fuzz='^FuzzDifferential$' -fuzztime=10m -parallel=1 ./pkg/internal/spreadsheet/

// sheetResult is everything a reader hands on about a sheet.
type sheetResult struct {
	Rows   []resultRow
	Hidden []int // hidden columns among the first 20
	Err    string
}

type resultRow struct {
	Row      int
	Cells    []string
	Hidden   bool
	Uncached []int
	Merges   []string // per cell: the range covering it, or ""
	Covered  []bool
}

// readResult reads every sheet of a workbook with opts.
func readResult(data []byte, opts Options) []sheetResult {
	f, err := Open(Source{Name: "d.xlsx", R: bytes.NewReader(data)}, opts)
	if err != nil {
		return []sheetResult{{Err: err.Error()}}
	}
	defer f.Close()
	var out []sheetResult
	for _, s := range f.Sheets() {
		var res sheetResult
		err := f.Read(s.Name, func(rows *Rows) error {
			res = sheetResult{}
			for n := 0; rows.Next(); n++ {
				r := resultRow{Row: rows.Row(), Cells: append([]string{}, rows.Cells()...), Hidden: rows.Hidden(),
					Uncached: append([]int{}, rows.Uncached()...)}
				for c := range r.Cells {
					m, ok := rows.Merge(c)
					if ok {
						r.Merges = append(r.Merges, fmt.Sprint(m))
					} else {
						r.Merges = append(r.Merges, "")
					}
					r.Covered = append(r.Covered, rows.Covered(c))
				}
				res.Rows = append(res.Rows, r)
				if n == 3 {
					rows.SetColumns(len(r.Cells))
				}
			}
			for c := range 20 {
				if rows.ColHidden(c) {
					res.Hidden = append(res.Hidden, c)
				}
			}
			return rows.Err()
		})
		if err != nil {
			res.Err = err.Error()
		}
		out = append(out, res)
	}
	return out
}

// diffOptions are small limits, so that fuzzed inputs reach them too.
var diffOptions = Options{MaxToken: 4 << 10, MaxRows: 500, MaxSheetCells: 1 << 16, MaxMerges: 50,
	MaxSharedStrings: 200, MaxSharedStringBytes: 16 << 10, MaxCellText: 300, MaxPart: 64 << 10}

func compareReaders(t *testing.T, data []byte) {
	t.Helper()
	ref := diffOptions
	ref.reference = true
	want := readResult(data, ref)
	got := readResult(data, diffOptions)
	if !reflect.DeepEqual(got, want) {
		for i := range max(len(got), len(want)) {
			if i >= len(got) || i >= len(want) {
				t.Fatalf("sheets: scanner %d, reference %d", len(got), len(want))
			}
			g, w := got[i], want[i]
			if g.Err != w.Err {
				t.Fatalf("sheet %d: error\nscanner   %q\nreference %q", i, g.Err, w.Err)
			}
			for j := range max(len(g.Rows), len(w.Rows)) {
				if j >= len(g.Rows) || j >= len(w.Rows) || !reflect.DeepEqual(g.Rows[j], w.Rows[j]) {
					var gr, wr any
					if j < len(g.Rows) {
						gr = g.Rows[j]
					}
					if j < len(w.Rows) {
						wr = w.Rows[j]
					}
					t.Fatalf("sheet %d, row %d:\nscanner   %+v\nreference %+v", i, j, gr, wr)
				}
			}
			t.Fatalf("sheet %d: hidden columns %v, reference %v", i, g.Hidden, w.Hidden)
		}
	}
}

// genSheet writes a sheet's XML from a seed, in a mix of the forms real
// writers use.
func genSheet(r *rand.Rand) (sheet string, sst []string) {
	var b strings.Builder
	p := ""
	if r.IntN(4) == 0 {
		p = "x:"
	}
	nl := ""
	switch r.IntN(4) {
	case 0:
		nl = "\n"
	case 1:
		nl = "\r\n"
	}
	ns := `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	if p != "" {
		ns = `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	}
	if r.IntN(3) > 0 {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + nl)
	}
	fmt.Fprintf(&b, `<%sworksheet %s xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac">%s`, p, ns, nl)
	rows := 1 + r.IntN(12)
	cols := 1 + r.IntN(8)
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, `<%sdimension ref="A1:%s"/>%s`, p, CellName(rows, cols-1), nl)
	}
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, `<%scols><%scol min="%d" max="%d" width="9.5" hidden="%s" customWidth="1"/></%scols>%s`, p, p, 1+r.IntN(3), 2+r.IntN(5), pick(r, "1", "true", "0", "false"), p, nl)
	}
	if r.IntN(5) == 0 {
		b.WriteString("<!-- written by a test -->" + nl)
	}
	fmt.Fprintf(&b, "<%ssheetData>%s", p, nl)
	texts := []string{"name", "Anne", "Søren Ø", "a &amp; b", "&lt;x&gt;", "tab&#9;bed", "line&#10;two", "&#x41;&#x1F600;", "  spaced  ", "_x000D_cr", "3", "2,0", "n/a", "Ekspert", "=1+1", "]]", "a]b"}
	sst = []string{"name", "role", "1.1", "Bo", "Ida", "jobkonsulent"}
	num := 0
	for range rows {
		num += 1 + r.IntN(2)
		attrs := ""
		if r.IntN(4) > 0 {
			attrs += fmt.Sprintf(` r="%d"`, num)
		}
		if r.IntN(6) == 0 {
			attrs += ` hidden="1"`
		}
		if r.IntN(3) == 0 {
			attrs += fmt.Sprintf(` spans="1:%d" x14ac:dyDescent="0.25"`, cols)
		}
		if r.IntN(12) == 0 {
			fmt.Fprintf(&b, "<%srow%s/>%s", p, attrs, nl)
			continue
		}
		fmt.Fprintf(&b, "<%srow%s>", p, attrs)
		col := 0
		for range cols {
			col += 1 + r.IntN(2)
			ref := ""
			if r.IntN(5) > 0 {
				ref = fmt.Sprintf(` r="%s"`, CellName(num, col-1))
			}
			style := ""
			if r.IntN(3) == 0 {
				style = fmt.Sprintf(` s="%d"`, r.IntN(9))
			}
			q := `"`
			if r.IntN(6) == 0 {
				q = `'`
				ref = strings.ReplaceAll(ref, `"`, q)
				style = strings.ReplaceAll(style, `"`, q)
			}
			text := texts[r.IntN(len(texts))]
			switch r.IntN(11) {
			case 0:
				fmt.Fprintf(&b, `<%sc%s%s/>`, p, ref, style)
			case 1:
				fmt.Fprintf(&b, `<%sc%s%s t="s"><%sv>%d</%sv></%sc>`, p, ref, style, p, r.IntN(len(sst)), p, p)
			case 2:
				fmt.Fprintf(&b, `<%sc%s%s t="inlineStr"><%sis><%st>%s</%st></%sis></%sc>`, p, ref, style, p, p, text, p, p, p)
			case 3:
				fmt.Fprintf(&b, `<%sc%s t="inlineStr"><%sis><%sr><%srPr><%sb/></%srPr><%st xml:space="preserve">%s </%st></%sr><%sr><%st>%s</%st></%sr><%srPh sb="0" eb="1"><%st>ふ</%st></%srPh></%sis></%sc>`,
					p, ref, p, p, p, p, p, p, text, p, p, p, p, text, p, p, p, p, p, p, p, p)
			case 4:
				fmt.Fprintf(&b, `<%sc%s%s><%sf>SUM(A1:A3)</%sf><%sv>%d</%sv></%sc>`, p, ref, style, p, p, p, r.IntN(5), p, p)
			case 5:
				fmt.Fprintf(&b, `<%sc%s><%sf t="shared" si="0"/></%sc>`, p, ref, p, p)
			case 6:
				fmt.Fprintf(&b, `<%sc%s t="%s"><%sv>%s</%sv></%sc>`, p, ref, pick(r, "b", "e", "str", "n", "d"), p, pick(r, "1", "0", "#N/A", "x", "2026-01-01T00:00:00"), p, p)
			case 7:
				fmt.Fprintf(&b, `<%sc%s t="inlineStr"><%sis><%st><![CDATA[%s <cdata> & ]]></%st></%sis></%sc>`, p, ref, p, p, text, p, p, p)
			case 8:
				fmt.Fprintf(&b, "<%sc%s%s>%s  <%sv>%d</%sv>%s</%sc >", p, ref, style, nl, p, r.IntN(5), p, nl, p)
			case 9:
				fmt.Fprintf(&b, `<%sc%s%s t="str"><%sf>"x"</%sf><%sv>%s</%sv></%sc>`, p, ref, style, p, p, p, text, p, p)
			default:
				fmt.Fprintf(&b, `<%sc%s%s><%sv>%d</%sv></%sc>`, p, ref, style, p, r.IntN(5), p, p)
			}
		}
		fmt.Fprintf(&b, "</%srow>%s", p, nl)
	}
	fmt.Fprintf(&b, "</%ssheetData>%s", p, nl)
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, `<%smergeCells count="3">`, p)
		for range 1 + r.IntN(4) {
			top, left := 1+r.IntN(rows), r.IntN(cols)
			fmt.Fprintf(&b, `<%smergeCell ref="%s:%s"/>`, p, CellName(top, left), CellName(top+r.IntN(3), left+r.IntN(3)))
		}
		fmt.Fprintf(&b, `</%smergeCells>`, p)
	}
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, `<%spageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`, p)
	}
	fmt.Fprintf(&b, "</%sworksheet>", p)
	return b.String(), sst
}

func pick(r *rand.Rand, s ...string) string { return s[r.IntN(len(s))] }

// mutate changes a few bytes of s the way damage or odd writers do.
func mutate(r *rand.Rand, s string, n int) string {
	b := []byte(s)
	pieces := []string{"<", ">", "/", "&", ";", "\"", "'", "=", " ", "\r", "\n", "]]>", "<!--", "-->", "<![CDATA[", "<?x?>", "&#0;", "&#xD800;", "&bogus;", "\xff", "\xc3", ":", "x:", "r=\"A0\"", "r=\"XFE1\"", "t=\"s\"", "<v>9</v>", "</c>", "</row>", "<row>", "</sheetData>", "\x01"}
	for range n {
		if len(b) == 0 {
			break
		}
		i := r.IntN(len(b))
		switch r.IntN(3) {
		case 0: // delete
			j := min(len(b), i+1+r.IntN(8))
			b = append(b[:i], b[j:]...)
		case 1: // insert
			piece := pieces[r.IntN(len(pieces))]
			b = append(b[:i], append([]byte(piece), b[i:]...)...)
		default: // replace
			b[i] = pieces[r.IntN(len(pieces))][0]
		}
	}
	return string(b)
}

func diffWorkbook(t testing.TB, sheet string, sst []string) []byte {
	return wb{sst: sst, sheets: []sheetSpec{{name: "S", xml: sheet}}}.bytes(t)
}

// FuzzDifferential generates a sheet from the seed and mutates it (or
// not): both readers must agree.
func FuzzDifferential(f *testing.F) {
	for i := range uint64(40) {
		f.Add(i, uint8(i%3))
	}
	f.Fuzz(func(t *testing.T, seed uint64, mutations uint8) {
		r := rand.New(rand.NewPCG(seed, 0x6b65_7973))
		sheet, sst := genSheet(r)
		sheet = mutate(r, sheet, int(mutations%8))
		compareReaders(t, diffWorkbook(t, sheet, sst))
	})
}

// FuzzDifferentialXML lets the fuzzer mutate the sheet's XML itself.
func FuzzDifferentialXML(f *testing.F) {
	for i := range uint64(12) {
		sheet, _ := genSheet(rand.New(rand.NewPCG(i, 0x6b65_7973)))
		f.Add(sheet)
	}
	f.Fuzz(func(t *testing.T, sheet string) {
		compareReaders(t, diffWorkbook(t, sheet, []string{"name", "role", "1.1", "Bo", "Ida", "jobkonsulent"}))
	})
}

// FuzzDifferentialSST compares the two readers of the shared-string table.
func FuzzDifferentialSST(f *testing.F) {
	f.Add(`<sst><si><t>name</t></si><si><r><t>An</t></r><r><rPr><b/></rPr><t xml:space="preserve">ne </t></r><rPh><t>x</t></rPh></si><si><t>a_x000D_b&amp;</t></si></sst>`)
	f.Add(`<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="3"><x:si><x:t>1.1</x:t></x:si><x:si/><x:si><x:t><![CDATA[<b>]]></x:t></x:si></x:sst>`)
	f.Fuzz(func(t *testing.T, sst string) {
		sheet := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`
		data := wb{sst: []string{}, sheets: []sheetSpec{{name: "S", xml: sheet}}, parts: map[string]string{"xl/sharedStrings.xml": sst}}.bytes(t)
		compareReaders(t, data)
	})
}

// TestDifferentialGenerated runs the generator over many seeds in every
// go test.
func TestDifferentialGenerated(t *testing.T) {
	n := uint64(400)
	if testing.Short() {
		n = 50
	}
	for seed := range n {
		r := rand.New(rand.NewPCG(seed, 0x6b65_7973))
		sheet, sst := genSheet(r)
		if seed%2 == 1 {
			sheet = mutate(r, sheet, 1+int(seed%5))
		}
		t.Run(fmt.Sprint(seed), func(t *testing.T) { compareReaders(t, diffWorkbook(t, sheet, sst)) })
	}
}
