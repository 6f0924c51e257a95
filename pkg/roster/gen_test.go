package roster

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// This file generates large synthetic rosters at test time, after
// /work/shared/perf/gen (the same columns, roles, teams and level
// tendencies), so that benchmarks never need committed large files.

var genBasis = []string{
	"1.1", "1.2", "1.3", "1.4", "1.5", "1.6",
	"2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7",
	"3.1", "3.2", "3.3",
	"4.1", "4.2", "4.3", "4.4", "4.5", "4.6",
}

var genProfiles = []struct {
	id    string
	items int
}{{"virksomhed", 9}, {"kompetence", 4}, {"koordination", 3}, {"empowerment", 5}, {"integration", 5}, {"udvikling", 5}}

var genRoles = []string{"jobkonsulent", "sagsbehandler", "virksomhedskonsulent", "mentor", "administrativ"}

var genTeams = []string{"Nord", "Syd", "Øst", "Vest", "Centrum", "Havnen", "Aarhus V", "Aalborg Ø",
	"Odense C", "Esbjerg", "Randers", "Vejle", "Kolding", "Horsens", "Herning", "Silkeborg",
	"Næstved", "Roskilde", "Holbæk", "Ungeenheden"}

var genFirst = []string{"Anne", "Mette", "Kirsten", "Hanne", "Helle", "Susanne", "Lene", "Maria",
	"Peter", "Jens", "Lars", "Michael", "Henrik", "Søren", "Thomas", "Jan", "Niels", "Rasmus", "Martin", "Åse"}

var genLast = []string{"Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
	"Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Møller", "Østergaard"}

// genOptions vary the generated roster.
type genOptions struct {
	title bool // a title row and a blank row above the header
	notes bool // a "Noter" column that names no competence
	marks bool // some cells hold -, n/a or a number stored as text
}

func genHeader(o genOptions) []string {
	h := []string{"id", "name", "role", "team", "profiles"}
	h = append(h, genBasis...)
	for _, p := range genProfiles {
		for i := 1; i <= p.items; i++ {
			h = append(h, p.id+"."+strconv.Itoa(i))
		}
	}
	if o.notes {
		h = append(h, "Noter")
	}
	return h
}

// genRows calls fn with each data row (cells as text, "" for blank) and
// whether the cell is a number.
func genRows(n int, o genOptions, fn func(row []string, numeric []bool) error) error {
	r := rand.New(rand.NewPCG(1, 0x6875_6c6c_6572))
	header := genHeader(o)
	row := make([]string, len(header))
	num := make([]bool, len(header))
	levels := len(header) - 5
	if o.notes {
		levels--
	}
	for i := 0; i < n; i++ {
		ri := r.IntN(len(genRoles))
		row[0] = fmt.Sprintf("E%07d", i+1)
		row[1] = genFirst[r.IntN(len(genFirst))] + " " + genLast[r.IntN(len(genLast))]
		row[2] = genRoles[ri]
		row[3] = genTeams[r.IntN(len(genTeams))]
		switch r.IntN(4) {
		case 0:
			row[4] = ""
		case 1:
			row[4] = genProfiles[r.IntN(6)].id
		default:
			a, b := r.IntN(6), r.IntN(6)
			row[4] = genProfiles[a].id
			if a != b {
				row[4] += "," + genProfiles[b].id
			}
		}
		seniority := r.NormFloat64() * 0.5
		for j := 0; j < levels; j++ {
			l := max(0, min(4, int(math.Round(2.2+float64(ri%3)*0.2+seniority+r.NormFloat64()*0.8))))
			row[5+j], num[5+j] = strconv.Itoa(l), true
			switch x := r.Float64(); {
			case x < 0.03:
				row[5+j], num[5+j] = "", false
			case o.marks && x < 0.04:
				row[5+j], num[5+j] = "-", false
			case o.marks && x < 0.05:
				row[5+j], num[5+j] = "n/a", false
			case o.marks && x < 0.10:
				num[5+j] = false // a number stored as text
			}
		}
		if o.notes {
			row[len(row)-1] = ""
			if r.IntN(10) == 0 {
				row[len(row)-1] = "ny i teamet"
			}
		}
		if err := fn(row, num); err != nil {
			return err
		}
	}
	return nil
}

// genXLSX writes a roster workbook of n persons with excelize's
// StreamWriter (inline strings, as perf/gen does) and returns its path.
func genXLSX(tb testing.TB, dir string, n int, o genOptions) string {
	tb.Helper()
	path := filepath.Join(dir, fmt.Sprintf("roster-%d.xlsx", n))
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Roster"); err != nil {
		tb.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Roster")
	if err != nil {
		tb.Fatal(err)
	}
	line := 1
	if o.title {
		if err := sw.SetRow("A1", []any{"Kompetencekortlægning " + strconv.Itoa(n)}); err != nil {
			tb.Fatal(err)
		}
		line = 3
	}
	header := genHeader(o)
	vals := make([]any, len(header))
	for i, h := range header {
		vals[i] = h
	}
	cell, _ := excelize.CoordinatesToCellName(1, line)
	if err := sw.SetRow(cell, vals); err != nil {
		tb.Fatal(err)
	}
	err = genRows(n, o, func(row []string, num []bool) error {
		line++
		for i, v := range row {
			switch {
			case v == "":
				vals[i] = nil
			case num[i]:
				vals[i] = int(v[0] - '0')
			default:
				vals[i] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, line)
		return sw.SetRow(cell, vals)
	})
	if err != nil {
		tb.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// genSSTXLSX writes the same roster as a workbook whose text is in a
// shared-string table, as Excel saves it (excelize's StreamWriter writes
// inline strings), and returns its path.
func genSSTXLSX(tb testing.TB, dir string, n int, o genOptions) string {
	tb.Helper()
	path := filepath.Join(dir, fmt.Sprintf("roster-%d-sst.xlsx", n))
	fh, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer fh.Close()
	zw := zip.NewWriter(fh)
	put := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := io.WriteString(w, content); err != nil {
			tb.Fatal(err)
		}
	}
	const (
		rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
		ns  = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="` + rel + `"`
		pkg = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	)
	put("_rels/.rels", pkg+`<Relationship Id="rId1" Type="`+rel+`/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<workbook `+ns+`><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", pkg+`<Relationship Id="rId1" Type="`+rel+`/worksheet" Target="worksheets/sheet1.xml"/>`+
		`<Relationship Id="rId2" Type="`+rel+`/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		tb.Fatal(err)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet ` + ns + `><sheetData>`)
	index := map[string]int{}
	var sst []string
	line := 0
	row := func(cells []string, num []bool) error {
		line++
		fmt.Fprintf(bw, `<row r="%d">`, line)
		for i, v := range cells {
			ref, _ := excelize.CoordinatesToCellName(i+1, line)
			switch {
			case v == "":
			case num != nil && num[i]:
				fmt.Fprintf(bw, `<c r="%s" s="1"><v>%s</v></c>`, ref, v)
			default:
				k, ok := index[v]
				if !ok {
					k = len(sst)
					index[v] = k
					sst = append(sst, v)
				}
				fmt.Fprintf(bw, `<c r="%s" t="s"><v>%d</v></c>`, ref, k)
			}
		}
		bw.WriteString(`</row>`)
		return nil
	}
	_ = row(genHeader(o), nil)
	if err := genRows(n, o, row); err != nil {
		tb.Fatal(err)
	}
	bw.WriteString(`</sheetData></worksheet>`)
	if err := bw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst %s count="%d" uniqueCount="%d">`, ns, len(sst), len(sst))
	for _, s := range sst {
		b.WriteString("<si><t>" + s + "</t></si>")
	}
	b.WriteString("</sst>")
	put("xl/sharedStrings.xml", b.String())
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// genCSV writes the same roster as CSV and returns its path.
func genCSV(tb testing.TB, dir string, n int, o genOptions) string {
	tb.Helper()
	path := filepath.Join(dir, fmt.Sprintf("roster-%d.csv", n))
	fh, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer fh.Close()
	bw := bufio.NewWriterSize(fh, 1<<20)
	cw := csv.NewWriter(bw)
	if o.title {
		_ = cw.Write([]string{"Kompetencekortlægning " + strconv.Itoa(n)})
		_ = cw.Write([]string{""})
	}
	if err := cw.Write(genHeader(o)); err != nil {
		tb.Fatal(err)
	}
	if err := genRows(n, o, func(row []string, _ []bool) error { return cw.Write(row) }); err != nil {
		tb.Fatal(err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		tb.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// nonBlankXLSX counts the non-blank cells of a sheet independently of
// pkg/internal/spreadsheet, with excelize.
func nonBlankXLSX(tb testing.TB, path, sheet string) int {
	tb.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		tb.Fatal(err)
	}
	return nonBlankCells(rows)
}

// nonBlankCSV counts the non-blank fields of a UTF-8 CSV file with
// encoding/csv.
func nonBlankCSV(tb testing.TB, path string) int {
	tb.Helper()
	fh, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer fh.Close()
	cr := csv.NewReader(fh)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	return nonBlankCells(recs)
}

// nonBlankCells counts the cells that are not blank (spaces aside).
func nonBlankCells(rows [][]string) int {
	n := 0
	for _, row := range rows {
		for _, c := range row {
			if strings.TrimSpace(c) != "" {
				n++
			}
		}
	}
	return n
}
