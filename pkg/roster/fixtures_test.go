package roster

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/framework"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// The fixtures in testdata/roster are written by this file: run
//
//	go test ./pkg/roster -run TestFixtures -update
//
// to regenerate them (libreoffice.xlsx is made by LibreOffice from
// testdata/roster/src/libreoffice.fods; see testdata/roster/README.md).
var update = flag.Bool("update", false, "rewrite the fixtures in testdata/roster")

const fixtureDir = "../../testdata/roster"

func fixture(name string) string { return filepath.Join(fixtureDir, name) }

func realFramework(t testing.TB) *framework.Framework {
	t.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load(frameworks.Default)
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// textFixtures are the CSV fixtures, by name, as UTF-8 text; encode says
// how they are stored.
var textFixtures = []struct {
	name, text string
	encode     func(string) []byte
}{
	{"comma.csv", "name,id,role,team,profiles,1.1,1.2,2,virksomhed.1\n" +
		"Anne Jensen,E001,jobkonsulent,Nord,\"virksomhed, integration\",3,2,2,1\n" +
		"Bo Hansen,E002,sagsbehandler,Nord,,2,-,3,\n" +
		"Søren Østergaard,E003,Virksomhedskonsulent,Syd,Virksomhedsprofilen,4,3,n/a,3\n", utf8Bytes},
	{"semicolon-cp1252.csv", "Navn;Medarbejdernr;Rolle;Afdeling;Profiler;1.1 Anvender fagsystemer;1.2;2.1\r\n" +
		"Åse Ærbø;E010;jobkonsulent;Øst;;3,0;2;1\r\n" +
		"\"Hansen; Mette\";E011;Mentor;Vest;empowerment;2;Selvstændig;?\r\n", cp1252Bytes},
	{"tab-bom.csv", "name\trole\t1.1\t1.2\r\nAnne Ærø\tjobkonsulent\t3\t2\r\nBo\tmentor\t1\t\r\n", bomBytes},
	{"quoted.csv", "Kompetencevurdering 2026,,,\n" +
		"name,role,team,1.1\n" +
		"\"Jensen, Anne\",jobkonsulent,\"Nord\n(2. sal)\",3\n" +
		"\"Bo \"\"Bobo\"\" Hansen\",mentor,Syd,2\n", utf8Bytes},
	{"unicode.txt", "name\trole\t1.1\r\nØrnbjerg\tmentor\t2\r\n", utf16Bytes},
	{"long.csv", "navn,kompetence,niveau,rolle\n" +
		"Anne Jensen,1.1,3,jobkonsulent\n" +
		"Anne Jensen,1.2,2,jobkonsulent\n" +
		"Bo Hansen,1.1 Anvender fagsystemer,Specialiseret,sagsbehandler\n" +
		"Bo Hansen,virksomhed.1,-,\n", utf8Bytes},
	{"requirements.csv", "role,1,2.3,4\njobkonsulent,3,,2\nteamleder,2,2,2\n", utf8Bytes},
	{"requirements.yaml", "# required levels per role\njobkonsulent:\n  \"1\": 3\n  \"4\": 2\nteamleder:\n  \"1\": 2\n  \"2.3\": Selvstændig\n", utf8Bytes},

	{"bad/no-name.csv", "person,role,1.1\nAnne,jobkonsulent,3\n", utf8Bytes},
	{"bad/duplicate-name.csv", "name,role,1.1\nAnne,jobkonsulent,3\nBo,mentor,2\nanne,mentor,1\n", utf8Bytes},
	{"bad/duplicate-id.csv", "name,id,role,1.1\nAnne,E1,jobkonsulent,3\nBo,E1,mentor,2\n", utf8Bytes},
	{"bad/unknown-column.csv", "name,role,1.1,1.8,Email\nAnne,jobkonsulent,3,2,anne@example.org\n", utf8Bytes},
	{"bad/unknown-role.csv", "name,role,1.1\nAnne,konsulent,3\nBo,konsulent,2\n", utf8Bytes},
	{"bad/level-outside.csv", "name,role,1.1,1.2\nAnne,jobkonsulent,5,2\n", utf8Bytes},
	{"bad/not-a-level.csv", "name,role,1.1,1.2\nAnne,jobkonsulent,tre,2\n", utf8Bytes},
	{"bad/empty.csv", "", utf8Bytes},
	{"bad/header-only.csv", "name,role,1.1\n", utf8Bytes},
	{"bad/mixed-encoding.csv", "name,role,1.1\nSøren,mentor,2\n", func(s string) []byte {
		return append(utf8Bytes(s), cp1252Bytes("Åse,mentor,3\n")...)
	}},
	{"bad/not-a-spreadsheet.pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n", utf8Bytes},
}

func utf8Bytes(s string) []byte { return []byte(s) }
func bomBytes(s string) []byte  { return append([]byte("\xEF\xBB\xBF"), s...) }

func cp1252Bytes(s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func utf16Bytes(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// TestFixtures checks that the committed fixtures are what this file
// writes, and rewrites them with -update.
func TestFixtures(t *testing.T) {
	fw := realFramework(t)
	files := map[string][]byte{}
	for _, f := range textFixtures {
		files[f.name] = f.encode(f.text)
	}
	x, err := excelizeRoster(fw)
	if err != nil {
		t.Fatal(err)
	}
	files["excelize.xlsx"] = x
	files["bad/corrupt.xlsx"] = x[:len(x)/2]
	p, err := passwordWorkbook()
	if err != nil {
		t.Fatal(err)
	}
	files["bad/password.xlsx"] = p
	for name, want := range files {
		path := fixture(name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(name, ".xlsx") {
				if old, err := os.ReadFile(path); err == nil && sameWorkbook(old, want) {
					continue // keep the bytes stable when the content is unchanged
				}
			}
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./pkg/roster -run TestFixtures -update)", err)
		}
		if strings.HasSuffix(name, ".xlsx") {
			continue // zip bytes vary with time stamps; content is tested below
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what fixtures_test.go writes; run with -update", name)
		}
	}
}

// sameWorkbook compares two workbooks by the text of their sheets.
func sameWorkbook(a, b []byte) bool {
	dump := func(data []byte) string {
		if len(data) < 100 || !bytes.HasPrefix(data, []byte("PK")) {
			return string(data)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return string(data)
		}
		defer f.Close()
		var sb strings.Builder
		for _, s := range f.GetSheetList() {
			rows, _ := f.GetRows(s)
			fmt.Fprintln(&sb, s, rows)
		}
		return sb.String()
	}
	return dump(a) == dump(b)
}

// realisticPerson returns one row of the excelize fixture.
func realisticRows(fw *framework.Framework, n int) [][]any {
	r := rand.New(rand.NewPCG(7, 11))
	roles := []string{"jobkonsulent", "sagsbehandler", "virksomhedskonsulent", "mentor", "administrativ"}
	teams := []string{"Nord", "Syd", "Øst", "Vest"}
	profs := []string{"", "virksomhed", "integration, empowerment", "koordination"}
	first := []string{"Anne", "Bo", "Søren", "Åse", "Mette", "Jens", "Ida", "Lars"}
	last := []string{"Jensen", "Hansen", "Østergaard", "Møller", "Ærbø", "Nielsen"}
	var rows [][]any
	for i := 0; i < n; i++ {
		row := []any{
			first[r.IntN(len(first))] + " " + last[r.IntN(len(last))],
			fmt.Sprintf("E%03d", i+1),
			roles[r.IntN(len(roles))],
			teams[r.IntN(len(teams))],
			profs[r.IntN(len(profs))],
		}
		for range fw.Leaves {
			switch x := r.IntN(100); {
			case x < 4:
				row = append(row, nil)
			case x < 6:
				row = append(row, "-")
			case x < 7:
				row = append(row, "n/a")
			case x < 15:
				row = append(row, strconv.Itoa(r.IntN(5))) // a number stored as text
			default:
				row = append(row, r.IntN(5))
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// excelizeRoster writes the excelize fixture: a title row, the roster
// streamed with inline strings (all 53 leaves of fagligheder-fase3), and a
// Requirements sheet with shared strings.
func excelizeRoster(fw *framework.Framework) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "huller tests", Created: "2026-01-01T00:00:00Z", Modified: "2026-01-01T00:00:00Z"}); err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", "Roster"); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet("Requirements"); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter("Roster")
	if err != nil {
		return nil, err
	}
	if err := sw.SetRow("A1", []any{"Kompetencekortlægning, jobcenter Nordby"}); err != nil {
		return nil, err
	}
	header := []any{"Navn", "Medarbejdernr", "Rolle", "Team", "Profiler"}
	for _, l := range fw.Leaves {
		header = append(header, l.ID+" "+fw.Text(l.Name, "da"))
	}
	if err := sw.SetRow("A3", header); err != nil {
		return nil, err
	}
	for i, row := range realisticRows(fw, 40) {
		cell, _ := excelize.CoordinatesToCellName(1, i+4)
		if err := sw.SetRow(cell, row); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	req := []any{"role"}
	for _, l := range fw.BasisLeaves {
		req = append(req, l.ID)
	}
	if err := f.SetSheetRow("Requirements", "A1", &req); err != nil {
		return nil, err
	}
	for i, role := range fw.Roles {
		row := []any{role.ID}
		for _, v := range fw.Required(role.Requires) {
			row = append(row, min(v+1, fw.MaxLevel()))
		}
		if err := f.SetSheetRow("Requirements", fmt.Sprintf("A%d", i+2), &row); err != nil {
			return nil, err
		}
	}
	if err := f.SetCustomProps(excelize.CustomProperty{Name: PropFramework, Value: fw.ID}); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = f.Write(&buf)
	return buf.Bytes(), err
}

func passwordWorkbook() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetRow("Sheet1", "A1", &[]any{"name", "role", "1.1"}); err != nil {
		return nil, err
	}
	if err := f.SetSheetRow("Sheet1", "A2", &[]any{"Anne", "mentor", 3}); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err := f.Write(&buf, excelize.Options{Password: "hemmelig"})
	return buf.Bytes(), err
}
