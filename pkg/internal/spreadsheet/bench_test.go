package spreadsheet

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/huller/huller/pkg/internal/cputime"
)

// Benchmarks of the reader alone, stage by stage, on rosters of 100,000
// persons × 58 columns generated when they run (as perf/gen shapes them):
// an xlsx with inline strings (as excelize's StreamWriter writes it), one
// with a shared-string table (as Excel saves it), and CSV; the xlsx read
// by the byte scanner and by encoding/xml (the reference), next to the
// floor of inflating the sheet alone.
//
//	go test ./pkg/internal/spreadsheet -run XXX -bench . -benchtime 3x

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

const benchPersons = 100_000

func benchFiles(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "huller-spreadsheet-bench-")
		if benchErr != nil {
			return
		}
		for _, kind := range []string{"inline", "sst", "csv"} {
			if benchErr = writeBenchRoster(filepath.Join(benchDir, "roster."+kind), benchPersons, kind); benchErr != nil {
				return
			}
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchRow is the i-th person: id, name, role, team, profiles and 53
// levels (0-4, about 3% blank).
func benchRow(i int, row []string) {
	roles := []string{"jobkonsulent", "sagsbehandler", "virksomhedskonsulent", "mentor", "administrativ"}
	first := []string{"Anne", "Mette", "Lars", "Søren", "Hanne", "Jens", "Camilla", "Mikkel"}
	last := []string{"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Kjær", "Holm", "Møller"}
	row[0] = fmt.Sprintf("E%07d", i+1)
	row[1] = first[i%len(first)] + " " + last[i/len(first)%len(last)]
	row[2] = roles[i%len(roles)]
	row[3] = "Team " + strconv.Itoa(i%20)
	row[4] = ""
	if i%3 == 0 {
		row[4] = "virksomhed"
	}
	x := uint32(i*2654435761 + 1)
	for c := 5; c < len(row); c++ {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		if x%33 == 0 {
			row[c] = ""
		} else {
			row[c] = asciiStrings['0'+x%5]
		}
	}
}

func benchHeader() []string {
	h := []string{"id", "name", "role", "team", "profiles"}
	for i := range 53 {
		h = append(h, fmt.Sprintf("c.%d", i+1))
	}
	return h
}

// writeBenchRoster writes n persons as kind: "inline" or "sst" (xlsx) or
// "csv".
func writeBenchRoster(path string, n int, kind string) error {
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	header := benchHeader()
	row := make([]string, len(header))
	if kind == "csv" {
		w := bufio.NewWriterSize(fh, 1<<20)
		w.WriteString(strings.Join(header, ",") + "\n")
		for i := range n {
			benchRow(i, row)
			w.WriteString(strings.Join(row, ",") + "\n")
		}
		return w.Flush()
	}
	zw := zip.NewWriter(fh)
	put := func(name, content string) {
		w, _ := zw.Create(name)
		io.WriteString(w, content)
	}
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="`+rel+`/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook `+nsMain+`><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	rels := `<Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/>`
	if kind == "sst" {
		rels += `<Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/>`
	}
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels+`</Relationships>`)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet ` + nsMain + `><dimension ref="A1:BF` + strconv.Itoa(n+1) + `"/><sheetData>`)
	strs := map[string]int{}
	var order []string
	cell := func(r, c int, v string, text bool) {
		ref := CellName(r, c)
		switch {
		case v == "":
		case !text:
			bw.WriteString(`<c r="` + ref + `"><v>` + v + `</v></c>`)
		case kind == "sst":
			k, ok := strs[v]
			if !ok {
				k = len(order)
				strs[v] = k
				order = append(order, v)
			}
			bw.WriteString(`<c r="` + ref + `" t="s"><v>` + strconv.Itoa(k) + `</v></c>`)
		default:
			bw.WriteString(`<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>`)
		}
	}
	for r := 1; r <= n+1; r++ {
		if r == 1 {
			copy(row, header)
		} else {
			benchRow(r-2, row)
		}
		bw.WriteString(`<row r="` + strconv.Itoa(r) + `">`)
		for c, v := range row {
			cell(r, c, v, r == 1 || c < 5)
		}
		bw.WriteString(`</row>`)
	}
	bw.WriteString(`</sheetData></worksheet>`)
	if err := bw.Flush(); err != nil {
		return err
	}
	if kind == "sst" {
		w, _ := zw.Create("xl/sharedStrings.xml")
		bw := bufio.NewWriterSize(w, 1<<20)
		fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst %s count="%d" uniqueCount="%d">`, nsMain, len(order), len(order))
		for _, s := range order {
			bw.WriteString(`<si><t>` + s + `</t></si>`)
		}
		bw.WriteString(`</sst>`)
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	return zw.Close()
}

func BenchmarkRows(b *testing.B) {
	dir := benchFiles(b)
	for _, c := range []struct {
		name, file string
		opts       Options
	}{
		{"xlsx-inline", "roster.inline", Options{}},
		{"xlsx-sst", "roster.sst", Options{}},
		{"csv", "roster.csv", Options{}},
		{"xlsx-inline-reference", "roster.inline", Options{reference: true}},
		{"xlsx-sst-reference", "roster.sst", Options{reference: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			path := filepath.Join(dir, c.file)
			st, _ := os.Stat(path)
			b.SetBytes(st.Size())
			b.ReportAllocs()
			cpu := cputime.Process()
			for b.Loop() {
				f, err := Open(Source{Path: path}, c.opts)
				if err != nil {
					b.Fatal(err)
				}
				sheet := ""
				if f.Format() == XLSX {
					sheet = "Roster"
				}
				n := 0
				err = f.Read(sheet, func(rows *Rows) error {
					for rows.Next() {
						n++
					}
					return rows.Err()
				})
				f.Close()
				if err != nil || n != benchPersons+1 {
					b.Fatal(n, err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchPersons, "ns/person")
			b.ReportMetric(cputime.Since(cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// BenchmarkInflate is the floor of reading a workbook: inflating its
// sheet (and shared strings), nothing else.
func BenchmarkInflate(b *testing.B) {
	dir := benchFiles(b)
	for _, kind := range []string{"inline", "sst"} {
		b.Run("xlsx-"+kind, func(b *testing.B) {
			path := filepath.Join(dir, "roster."+kind)
			cpu := cputime.Process()
			for b.Loop() {
				zr, err := zip.OpenReader(path)
				if err != nil {
					b.Fatal(err)
				}
				for _, f := range zr.File {
					if strings.HasPrefix(f.Name, "xl/worksheets/") || f.Name == "xl/sharedStrings.xml" {
						rc, _ := f.Open()
						if _, err := io.Copy(io.Discard, rc); err != nil {
							b.Fatal(err)
						}
						rc.Close()
					}
				}
				zr.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchPersons, "ns/person")
			b.ReportMetric(cputime.Since(cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
