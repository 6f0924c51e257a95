package roster

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
)

func readFixture(t *testing.T, fw *framework.Framework, name string, opts Options) (*Roster, error) {
	t.Helper()
	return Read(Source{Path: fixture(name), Name: filepath.Base(name)}, fw, opts)
}

type personView struct {
	Name, ID, Role, Team string
	Profiles             []string
	Scores               []int8
}

func view(r *Roster) []personView {
	var out []personView
	for _, p := range r.Persons {
		out = append(out, personView{p.Name, p.ID, p.Role, p.Team, p.Profiles, p.Scores})
	}
	return out
}

// TestReadFixtures reads every good fixture and checks what arrives.
func TestReadFixtures(t *testing.T) {
	fw := realFramework(t)
	tests := []struct {
		file     string
		encoding string
		columns  string
		persons  []personView
		warnings []string
	}{
		{"comma.csv", "UTF-8", "1.1 1.2 2 virksomhed.1", []personView{
			{"Anne Jensen", "E001", "jobkonsulent", "Nord", []string{"virksomhed", "integration"}, []int8{3, 2, 2, 1}},
			{"Bo Hansen", "E002", "sagsbehandler", "Nord", nil, []int8{2, -1, 3, -1}},
			{"Søren Østergaard", "E003", "virksomhedskonsulent", "Syd", []string{"virksomhed"}, []int8{4, 3, -1, 3}},
		}, []string{"no column covers 43 of the 53 competences"}},
		{"semicolon-cp1252.csv", "Windows-1252", "1.1 1.2 2.1", []personView{
			{"Åse Ærbø", "E010", "jobkonsulent", "Øst", nil, []int8{3, 2, 1}},
			{"Hansen; Mette", "E011", "mentor", "Vest", []string{"empowerment"}, []int8{2, 2, -1}},
		}, nil},
		{"tab-bom.csv", "UTF-8 with BOM", "1.1 1.2", []personView{
			{"Anne Ærø", "", "jobkonsulent", "", nil, []int8{3, 2}},
			{"Bo", "", "mentor", "", nil, []int8{1, -1}},
		}, nil},
		{"quoted.csv", "UTF-8", "1.1", []personView{
			{"Jensen, Anne", "", "jobkonsulent", "Nord\n(2. sal)", nil, []int8{3}},
			{"Bo \"Bobo\" Hansen", "", "mentor", "Syd", nil, []int8{2}},
		}, nil},
		{"unicode.txt", "UTF-16LE", "1.1", []personView{
			{"Ørnbjerg", "", "mentor", "", nil, []int8{2}},
		}, nil},
		{"long.csv", "UTF-8", "1.1 1.2 virksomhed.1", []personView{
			{"Anne Jensen", "", "jobkonsulent", "", nil, []int8{3, 2, -1}},
			{"Bo Hansen", "", "sagsbehandler", "", nil, []int8{3, -1, -1}},
		}, nil},
		{"libreoffice.xlsx", "", "1.3 1.1 1.2 4.1 virksomhed", []personView{
			{"Anne Jensen", "E001", "jobkonsulent", "Nord", nil, []int8{2, 3, 3, 3, 3}},
			{"Bo Hansen", "E002", "sagsbehandler", "Nord", nil, []int8{-1, 2, -1, 4, -1}},
			{"Cecilie Ærø Østergaard", "E003", "virksomhedskonsulent", "Syd", nil, []int8{1, 1, 0, -1, 4}},
			{"Dorte Møller", "E004", "mentor", "Syd", nil, []int8{3, 2, 2, 3, 4}},
		}, []string{`libreoffice.xlsx: sheet "Medarbejdere": hidden column was read as usual: D (1.3)`,
			"1 hidden row was read as usual (row 6)"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r, err := readFixture(t, fw, tt.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Encoding != tt.encoding {
				t.Errorf("encoding %q, want %q", r.Encoding, tt.encoding)
			}
			var ids []string
			for _, c := range r.Columns {
				ids = append(ids, c.ID)
			}
			if got := strings.Join(ids, " "); got != tt.columns {
				t.Errorf("columns %q, want %q", got, tt.columns)
			}
			if got := view(r); !reflect.DeepEqual(got, tt.persons) {
				t.Errorf("persons\n got %#v\nwant %#v", got, tt.persons)
			}
			for _, w := range tt.warnings {
				if !hasWarning(r, w) {
					t.Errorf("no warning %q in %v", w, r.Warnings)
				}
			}
		})
	}
}

func TestReadExcelizeFixture(t *testing.T) {
	fw := realFramework(t)
	r, err := readFixture(t, fw, "excelize.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Sheet != "Roster" || r.Framework != "fagligheder-fase3" || len(r.Columns) != 53 || len(r.Persons) != 40 {
		t.Fatalf("sheet %q framework %q columns %d persons %d", r.Sheet, r.Framework, len(r.Columns), len(r.Persons))
	}
	if r.Stats.HeaderRow != 3 || r.Stats.CellsTitle != 1 {
		t.Errorf("stats %+v", r.Stats)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings %v", r.Warnings)
	}
	// The Requirements sheet holds the framework's levels plus one.
	if len(r.Requirements) != len(fw.Roles) {
		t.Fatalf("requirements for %d roles", len(r.Requirements))
	}
	for _, role := range fw.Roles {
		got := fw.Required(role.Requires, r.Requirements[role.ID])
		for i, v := range fw.Required(role.Requires) {
			if want := min(v+1, fw.MaxLevel()); got[i] != want {
				t.Errorf("%s %s: required %d, want %d", role.ID, fw.BasisLeaves[i].ID, got[i], want)
			}
		}
	}
}

// TestRefused checks every bad fixture: refused with a clear message.
func TestRefused(t *testing.T) {
	fw := realFramework(t)
	tests := []struct {
		file string
		want string
		is   error
	}{
		{"bad/no-name.csv", "no-name.csv: no name column: none of the first 50 non-blank lines has a column headed name (or navn, ime)", nil},
		{"bad/duplicate-name.csv", `duplicate-name.csv: line 4: "anne" appears twice (also on line 2)`, nil},
		{"bad/duplicate-id.csv", `duplicate-id.csv: line 3: id "E1" appears twice (also on line 2)`, nil},
		{"bad/unknown-column.csv", `unknown-column.csv: line 1, column "1.8": column "1.8" names no competence of fagligheder-fase3`, nil},
		{"bad/unknown-role.csv", `unknown-role.csv: line 2, column "role" (and 1 more place): unknown role "konsulent" (did you mean "jobkonsulent"?); the known roles are jobkonsulent, sagsbehandler, virksomhedskonsulent, mentor, administrativ`, nil},
		{"bad/level-outside.csv", `level-outside.csv: line 2, column "1.1": "5" is outside the scale: levels go from 0 to 4`, nil},
		{"bad/not-a-level.csv", `not-a-level.csv: line 2, column "1.1": "tre" is not a level (0–4 or one of: Ingen, Grundlæggende, Selvstændig, Specialiseret, Ekspert – kan undervise andre)`, nil},
		{"bad/empty.csv", "empty.csv: is empty", nil},
		{"bad/header-only.csv", "header-only.csv: line 1: the roster has a header row but no persons below it", nil},
		{"bad/mixed-encoding.csv", "mixed-encoding.csv: line 3: is not valid UTF-8 here, though earlier lines are", nil},
		{"bad/corrupt.xlsx", "corrupt.xlsx: is damaged", spreadsheet.ErrCorrupt},
		{"bad/password.xlsx", "password.xlsx: is password-protected", spreadsheet.ErrEncrypted},
		{"bad/not-a-spreadsheet.pdf", "not-a-spreadsheet.pdf: is a PDF document, not a spreadsheet", spreadsheet.ErrNotSpreadsheet},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := readFixture(t, fw, tt.file, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error\n%v\nwant it to contain\n%v", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error is not %v", tt.is)
			}
		})
	}
	_, err := readFixture(t, fw, "bad/unknown-column.csv", Options{IgnoreUnknown: true})
	if err != nil {
		t.Errorf("--ignore-unknown: %v", err)
	}
}
