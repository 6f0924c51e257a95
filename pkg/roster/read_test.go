package roster

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
)

// miniYAML is a small framework for unit tests: two basis groups of two
// leaves, one profile of two items, two roles, a scale 0-3.
const miniYAML = `
id: mini
title: {da: Mini, en: Mini}
language: da
scale:
  - level: 0
    label: {da: Ingen, en: None}
  - level: 1
    label: {da: Lidt, en: Some}
  - level: 2
    label: {da: Godt, en: Good}
  - level: 3
    label: {da: Ekspert, en: Expert}
defaults: {required: 2}
basis:
  - id: "1"
    name: {da: Samarbejde, en: Cooperation}
    items:
      - id: "1.1"
        name: {da: Kollegaer, en: Colleagues}
      - id: "1.2"
        name: {da: Borgere, en: Citizens}
  - id: "2"
    name: {da: Jura, en: Law}
    items:
      - id: "2.1"
        name: {da: Lovgivning, en: Legislation}
      - id: "2.2"
        name: {da: Afgørelser, en: Decisions}
profiles:
  - id: virksomhed
    name: {da: Virksomhedsprofilen, en: The employer profile}
    focus: {da: Virksomheder, en: Employers}
    items:
      - id: virksomhed.1
        name: {da: Kontakt, en: Contact}
      - id: virksomhed.2
        name: {da: Matchning, en: Matching}
roles:
  - id: konsulent
    name: {da: Konsulent, en: Consultant}
    requires: {"1": 2}
  - id: leder
    name: {da: Teamleder, en: Team leader}
    requires: {"2": 3}
`

func mini(t testing.TB) *framework.Framework {
	t.Helper()
	fw, err := framework.Parse("mini.yaml", []byte(miniYAML))
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

func readString(t testing.TB, fw *framework.Framework, text string, opts Options) (*Roster, error) {
	t.Helper()
	return Read(Source{Name: "team.csv", R: strings.NewReader(text)}, fw, opts)
}

func TestReadWide(t *testing.T) {
	fw := mini(t)
	r, err := readString(t, fw, "Navn;Rolle;Afdeling;Profiler;1.1 Kollegaer med meget mere tekst;1.2;2;virksomhed.1\n"+
		" Anne ;KONSULENT;Nord;Virksomhedsprofilen;3;2,0; Godt ;-\n"+
		"Bo;Teamleder;;virksomhed;n/a;?;Expert;1\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, n := range r.Columns {
		ids = append(ids, n.ID)
	}
	if want := []string{"1.1", "1.2", "2", "virksomhed.1"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("columns %v, want %v", ids, want)
	}
	want := []Person{
		{Row: 2, Name: "Anne", Role: "konsulent", Team: "Nord", Profiles: []string{"virksomhed"}, Scores: []int8{3, 2, 2, -1}},
		{Row: 3, Name: "Bo", Role: "leder", Profiles: []string{"virksomhed"}, Scores: []int8{-1, -1, 3, 1}},
	}
	if !reflect.DeepEqual(r.Persons, want) {
		t.Errorf("persons\n got %+v\nwant %+v", r.Persons, want)
	}
	st := r.Stats
	if st.Persons != 2 || st.CellsRead != 5 || st.CellsBlank != 3 || st.CellsMarked != 3 || st.CellsFixed != 7 || st.CellsHeader != 8 {
		t.Errorf("stats %+v", st)
	}
	if r.Layout != Wide || r.Sheet != "" || r.Encoding != "UTF-8" {
		t.Errorf("layout %v sheet %q encoding %q", r.Layout, r.Sheet, r.Encoding)
	}
	// 2.2 and virksomhed.2 are not covered (2 covers 2.2).
	if !hasWarning(r, "no column covers 1 of the 6 competences of mini (virksomhed.2)") {
		t.Errorf("warnings: %v", r.Warnings)
	}
}

func hasWarning(r *Roster, sub string) bool {
	for _, w := range r.Warnings {
		if strings.Contains(w.String(), sub) {
			return true
		}
	}
	return false
}

func TestReadLevels(t *testing.T) {
	fw := mini(t)
	tests := []struct {
		cell  string
		level int8
		kind  int
	}{
		{"0", 0, scoreLevel}, {"3", 3, scoreLevel}, {" 2 ", 2, scoreLevel}, {"2.0", 2, scoreLevel},
		{"2,0", 2, scoreLevel}, {"+1", 1, scoreLevel}, {"2.9999999999999996", 3, scoreLevel},
		{"ekspert", 3, scoreLevel}, {"Expert", 3, scoreLevel}, {"LIDT", 1, scoreLevel}, {"3 – Ekspert", 3, scoreLevel},
		{"", 0, scoreBlank}, {" ", 0, scoreBlank}, {"-", 0, scoreMarked}, {"n/a", 0, scoreMarked},
		{"N/A", 0, scoreMarked}, {"?", 0, scoreMarked}, {"–", 0, scoreMarked},
		{"4", 0, scoreOutside}, {"-1", 0, scoreOutside}, {"10", 0, scoreOutside},
		{"tre", 0, scoreBad}, {"2.5", 0, scoreBad}, {"#N/A", 0, scoreBad}, {"3 Lidt", 0, scoreBad}, {"1e400", 0, scoreBad},
	}
	lp := newLevelParser(fw)
	for _, tt := range tests {
		l, k := lp.parse(tt.cell)
		if k != tt.kind || (k == scoreLevel && l != tt.level) {
			t.Errorf("parse(%q) = %d, kind %d; want %d, kind %d", tt.cell, l, k, tt.level, tt.kind)
		}
	}
	if want := "0–3 or one of: Ingen, Lidt, Godt, Ekspert"; lp.hint != want {
		t.Errorf("hint %q, want %q", lp.hint, want)
	}
}

func TestParseLevelDoesNotAllocate(t *testing.T) {
	lp := newLevelParser(mini(t))
	cells := []string{"3", "", "-", "2.0", " 1 ", "Ekspert", "n/a"}
	allocs := testing.AllocsPerRun(100, func() {
		for _, c := range cells {
			lp.parse(c)
		}
	})
	if allocs != 0 {
		t.Errorf("parse allocates %.0f times per run", allocs)
	}
}

// TestReadProblems checks that each kind of bad roster is refused with a
// message that says what, where and how to fix it.
func TestReadProblems(t *testing.T) {
	fw := mini(t)
	tests := []struct {
		name, text string
		opts       Options
		want       []string
	}{
		{"no name column", "person,role,1.1\nAnne,konsulent,3\n", Options{},
			[]string{"team.csv: no name column", "add a header row"}},
		{"empty", "", Options{}, []string{"team.csv: is empty"}},
		{"blank lines only", "\n\n,,\n", Options{}, []string{"team.csv: is empty"}},
		{"header only", "name,role,1.1\n", Options{}, []string{"team.csv: line 1: the roster has a header row but no persons"}},
		{"duplicate name", "name,1.1\nAnne,1\nBo,2\n ANNE ,3\n", Options{},
			[]string{`team.csv: line 4: "ANNE" appears twice (also on line 2)`, "id column"}},
		{"duplicate id", "name,id,1.1\nAnne,7,1\nAnne B,7,2\n", Options{}, []string{`team.csv: line 3: id "7" appears twice (also on line 2)`}},
		{"same name, different ids", "name,id,1.1\nAnne,7,1\nAnne,8,2\n", Options{}, nil},
		{"unknown column", "name,1.1,1.3,E-mail\nAnne,1,2,a@b\n", Options{},
			[]string{`team.csv: 2 problems:`, `line 1, column "1.3": column "1.3" names no competence of mini`,
				`(did you mean "1.1" or "1.2"`, `--ignore-unknown`, `column "E-mail"`}},
		{"unknown role", "name,role,1.1\nAnne,konsulnt,1\nBo,konsulnt,2\nCe,chef,2\n", Options{},
			[]string{`line 2, column "role" (and 1 more place): unknown role "konsulnt" (did you mean "konsulent"?); the known roles are konsulent, leder`,
				`line 4, column "role": unknown role "chef"`}},
		{"extra role", "name,role,1.1\nAnne,chef,1\n", Options{ExtraRoles: []string{"chef"}}, nil},
		{"unknown profile", "name,profiles,1.1\nAnne,\"virksomhed, socialt\",1\n", Options{},
			[]string{`unknown profile "socialt"`, "profiles of mini: virksomhed"}},
		{"outside the scale", "name,1.1,1.2\nAnne,4,1\n", Options{},
			[]string{`team.csv: line 2, column "1.1": "4" is outside the scale: levels go from 0 to 3`}},
		{"not a level", "name,1.1,1.2\nAnne,tre,1\n", Options{},
			[]string{`team.csv: line 2, column "1.1": "tre" is not a level (0–3 or one of: Ingen, Lidt, Godt, Ekspert)`}},
		{"formula error", "name,1.1\nAnne,#N/A\n", Options{}, []string{`"#N/A" is a formula error, not a level`}},
		{"no name", "name,1.1\n,3\n", Options{}, []string{`team.csv: line 2, column "name": this row has values but no name`}},
		{"two name columns", "name,navn,1.1\nA,B,1\n", Options{}, []string{`a second name column (the first is column 1)`}},
		{"two columns for a node", "name,1.1,1.1 Kollegaer\nA,1,2\n", Options{}, []string{`a second column for competence 1.1`}},
		{"no competence columns", "name,role\nAnne,konsulent\n", Options{}, []string{`no competence columns`, `"1.1 Kollegaer"`}},
		{"mixed layouts", "name,competence,level,1.1\nA,1.1,2,3\n", Options{}, []string{"use one layout"}},
		{"bare quote", "name,1.1\nAnne \"A\" B,3\n", Options{}, []string{`team.csv: line 2: a quote (") at character 6 is inside a field that is not quoted`}},
		{"long: unknown competence", "name,competence,level\nAnne,1.9,2\n", Options{}, []string{`"1.9" is no competence of mini (did you mean "1.1"`}},
		{"long: two levels", "name,competence,level\nAnne,1.1,2\nAnne,1.1,3\n", Options{}, []string{"Anne has two levels for competence 1.1 (line 2 and line 3)"}},
		{"long: role differs", "name,role,competence,level\nAnne,konsulent,1.1,2\nAnne,leder,1.2,3\n", Options{},
			[]string{`role "leder" differs from "konsulent" on line 2 for Anne`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readString(t, fw, tt.text, tt.opts)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

func TestErrorCap(t *testing.T) {
	fw := mini(t)
	var b strings.Builder
	b.WriteString("name,1.1\n")
	for i := 0; i < 30; i++ {
		b.WriteString("P" + strings.Repeat("x", i) + ",x" + strings.Repeat("y", i) + "\n")
	}
	_, err := readString(t, fw, b.String(), Options{MaxErrors: 5})
	var re *Error
	if !errors.As(err, &re) {
		t.Fatalf("error %v is not a *roster.Error", err)
	}
	if len(re.Problems) != 5 || re.More != 25 {
		t.Errorf("%d problems listed and %d more; want 5 and 25", len(re.Problems), re.More)
	}
	if !strings.HasPrefix(err.Error(), "team.csv: 30 problems:\n  team.csv: line 2,") || !strings.HasSuffix(err.Error(), "\n  and 25 more") {
		t.Errorf("error text:\n%v", err)
	}
}

func TestIgnoreUnknown(t *testing.T) {
	fw := mini(t)
	r, err := readString(t, fw, "name,1.1,Noter,,1.2\nAnne,1,husk,x,2\nBo,2,,,3\n", Options{IgnoreUnknown: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Stats.CellsIgnored != 2 || r.Stats.CellsRead != 4 {
		t.Errorf("stats %+v", r.Stats)
	}
	for _, w := range []string{`ignored column 3 "Noter": it names no competence of mini (1 value)`,
		"column 4 has no header, so its 1 value was ignored"} {
		if !hasWarning(r, w) {
			t.Errorf("no warning %q in %v", w, r.Warnings)
		}
	}
}

func TestReadLong(t *testing.T) {
	fw := mini(t)
	r, err := readString(t, fw, "navn;kompetence;niveau;rolle;team\n"+
		"Anne;1.1;3;konsulent;Nord\n"+
		"Bo;Kollegaer;1;;\n"+
		"Anne;virksomhed.2;Godt;;Nord\n"+
		"Bo;1.2;-;leder;\n"+
		"Ce;2.1;;;\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Layout != Long {
		t.Fatalf("layout %v", r.Layout)
	}
	got := map[string][]int8{}
	for _, p := range r.Persons {
		got[p.Name+"/"+p.Role+"/"+p.Team] = p.Scores
	}
	want := map[string][]int8{
		"Anne/konsulent/Nord": {3, 2, -1, -1},
		"Bo/leder/":           {1, -1, -1, -1},
		"Ce//":                {-1, -1, -1, -1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("persons %v, want %v", got, want)
	}
	if !hasWarning(r, "1 person has nothing assessed: Ce (line 6)") || !hasWarning(r, "1 person has no role") {
		t.Errorf("warnings %v", r.Warnings)
	}
}

// TestKompetenceIsANode: "kompetence" is a profile id of fagligheder-fase3
// and also the Danish header of the long layout's competence column; without
// a level column it is a node column.
func TestKompetenceIsANode(t *testing.T) {
	fw := realFramework(t)
	r, err := readString(t, fw, "navn,kompetence,1.1\nAnne,3,2\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Layout != Wide || len(r.Columns) != 2 || r.Columns[0].ID != "kompetence" {
		t.Errorf("layout %v, columns %v", r.Layout, r.Columns)
	}
}

func TestWarnings(t *testing.T) {
	fw := mini(t)
	r, err := readString(t, fw, "name,role,1.1\nAnne,,\nBo,konsulent,2\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"1 person has no role", "1 person has nothing assessed: Anne (line 2)"} {
		if !hasWarning(r, w) {
			t.Errorf("no warning %q in %v", w, r.Warnings)
		}
	}
	r, err = readString(t, fw, "name,1\nAnne,2\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !hasWarning(r, "there is no role column") {
		t.Errorf("warnings %v", r.Warnings)
	}
}

func TestStdinSource(t *testing.T) {
	src := FileSource("-", strings.NewReader("name,1.1\nAnne,2\n"))
	r, err := Read(src, mini(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Source != "-" || len(r.Persons) != 1 {
		t.Errorf("source %q persons %d", r.Source, len(r.Persons))
	}
}

func TestSheetOption(t *testing.T) {
	_, err := Read(Source{Path: fixture("excelize.xlsx"), Name: "x.xlsx"}, realFramework(t), Options{Sheet: "Nope"})
	if err == nil || !strings.Contains(err.Error(), `x.xlsx: has no sheet "Nope" (its sheets: "Roster", "Requirements")`) {
		t.Errorf("error %v", err)
	}
	_, err = readString(t, mini(t), "name,1.1\nA,1\n", Options{Sheet: "Roster"})
	if err == nil || !strings.Contains(err.Error(), "is a CSV file and has no sheet") {
		t.Errorf("error %v", err)
	}
	var te *spreadsheet.Error
	if !errors.As(err, &te) {
		t.Errorf("error %T is not a *spreadsheet.Error", err)
	}
}

// TestHeaderTextOfAnotherCompetence: a header whose id and text name two
// different competences (a roster made for another version of the
// framework, whose ids were renumbered) is read by its id, with a warning
// naming both; a header in the template's form, the id alone, or the id
// with the user's own words, gets none.
func TestHeaderTextOfAnotherCompetence(t *testing.T) {
	fw := realFramework(t)
	name := func(id string) string { return fw.Text(fw.Node(id).Name, fw.Language) }
	for _, c := range []struct {
		header string
		warn   bool
	}{
		{"1.2 " + name("1.1"), true},
		{"1.2 " + strings.ToUpper(name("1.1")), true},
		{"1.2 " + fw.Text(fw.Node("1.1").Name, "en"), true},
		{"1.2 " + name("1.2"), false},
		{"1.2 " + fw.Text(fw.Node("1.2").Name, "en"), false},
		{"1.2 " + string([]rune(name("1.2"))[:20]) + " …", false},
		{"1.2", false},
		{"1.2 Viden om arbejdsmarkedet hos os", false},
		{name("1.2"), false},
	} {
		csv := "navn;rolle;" + c.header + "\nAnna;jobkonsulent;2\n"
		r, err := readString(t, fw, csv, Options{})
		if err != nil {
			t.Fatalf("%q: %v", c.header, err)
		}
		if r.Columns[0].ID != "1.2" {
			t.Errorf("%q read as %s", c.header, r.Columns[0].ID)
		}
		got := hasWarning(r, "but its text is the name of 1.1")
		if got != c.warn {
			t.Errorf("%q: warned %v, want %v: %v", c.header, got, c.warn, r.Warnings)
		}
	}
}
