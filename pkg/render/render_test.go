package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/roster"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// demoYAML has texts in Danish (its language), English and partly
// Slovene, and a long competence name to wrap.
const demoYAML = `
id: demo
title: {da: Demo-rammen, en: The demo framework, sl: Demo okvir}
language: da
scale:
  - {level: 0, label: {da: Ingen, en: None}}
  - {level: 1, label: {da: Grundlæggende, en: Basic}}
  - {level: 2, label: {da: Selvstændig, en: Independent}}
  - {level: 3, label: {da: Specialiseret, en: Specialist}}
  - {level: 4, label: {da: Ekspert, en: Expert}}
defaults: {required: 2, target: 3, fit: 0.75}
basis:
  - id: "1"
    name: {da: Samarbejde, en: Cooperation}
    items:
      - id: "1.1"
        name:
          da: Samarbejde med virksomheder og andre aktører på tværs af forvaltninger
          en: Cooperation with employers and other actors across administrations
          sl: Sodelovanje z delodajalci in drugimi akterji med upravami
      - id: "1.2"
        name: {da: Dialog, en: Dialogue, sl: Dialog}
  - id: "2"
    name: {da: Viden, en: Knowledge}
    items:
      - id: "2.1"
        name: {da: Lovgivning, en: Legislation, sl: Zakonodaja}
profiles:
  - id: virk
    name: {da: Virksomhedsprofilen, en: The employer profile, sl: Profil za delodajalce}
    items:
      - {id: v1, name: {da: Jobåbninger, en: Job openings}}
      - {id: v2, name: {da: Matchning, en: Matching}}
      - {id: v3, name: {da: Netværk, en: Networks}}
      - {id: v4, name: {da: Rekruttering, en: Recruitment}}
  - id: koord
    name: {da: Koordinationsprofilen, en: The coordination profile, sl: Koordinacijski profil}
    items:
      - {id: k1, name: {da: Helhedssyn, en: Holistic view}}
      - {id: k2, name: {da: Tværfagligt samarbejde, en: Interdisciplinary work}}
roles:
  - id: konsulent
    name: {da: Jobkonsulent, en: Job consultant, sl: Zaposlitveni svetovalec}
    requires: {"1": 2, "2.1": 3}
    profiles: [virk]
  - id: admin
    name: {da: Administrativ medarbejder, en: Administrative officer}
    requires: {"2": 1}
`

const u = roster.Unassessed

func demoFramework(t testing.TB) *framework.Framework {
	t.Helper()
	fw, err := framework.Parse("demo.yaml", []byte(demoYAML))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return fw
}

// demoRoster has names that test escaping: a formula, a pipe, HTML, a
// leading minus, Danish letters.
func demoRoster(t testing.TB, fw *framework.Framework) *roster.Roster {
	t.Helper()
	cols := []string{"1.1", "1.2", "2", "v1", "v2", "v3", "v4", "k1", "k2"}
	type p struct {
		name, id, role, team string
		profiles             []string
		scores               []int8
	}
	persons := []p{
		//                                                     1.1 1.2 2 v1 v2 v3 v4 k1 k2
		{"Anne Ærø Østergaard", "E01", "konsulent", "Nord", nil, []int8{3, 2, 3, 3, 3, 3, 2, 1, 1}},
		{"=HYPERLINK(\"http://x\")", "E02", "konsulent", "Nord", []string{"koord"}, []int8{1, 2, 2, 1, 2, u, 0, 3, 2}},
		{"Pipe | Person", "E03", "admin", "Syd", nil, []int8{2, u, 1, 0, 0, 0, 0, 2, 2}},
		{"Bo <b>Bold</b> & Co", "E04", "konsulent", "Syd", nil, []int8{2, 2, 4, 2, 3, 3, 3, 2, 1}},
		{"-Minus Mikkelsen", "-5", "admin", "", nil, []int8{u, u, u, u, u, u, u, u, u}},
		{"Søren Sørensen", "E06", "vikar", "Nord", nil, []int8{2, 1, 2, 0, 1, 2, 0, 0, 1}},
	}
	r := &roster.Roster{Source: "nordby.xlsx", Sheet: "Roster"}
	for _, id := range cols {
		r.Columns = append(r.Columns, fw.Node(id))
	}
	for i, x := range persons {
		r.Persons = append(r.Persons, roster.Person{Row: i + 2, Name: x.name, ID: x.id, Role: x.role, Team: x.team,
			Profiles: x.profiles, Scores: x.scores})
	}
	return r
}

func demoResult(t testing.TB, edit func(*analysis.Settings)) *analysis.Result {
	t.Helper()
	fw := demoFramework(t)
	s := analysis.DefaultSettings()
	if edit != nil {
		edit(&s)
	}
	res, err := analysis.Analyze(fw, demoRoster(t, fw), s)
	if err != nil {
		t.Fatalf("analyze: %v", err)
	}
	return res
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got: %q\nwant: %q\n(run go test -update if the change is intended)", name, i+1, g, w)
			}
		}
		t.Fatalf("%s differs in its last line end: got %d lines, want %d\n(run go test -update if the change is intended)", name, len(gl), len(wl))
	}
}

// fase3Result analyses five persons on the built-in default framework, for
// realistic Danish names.
func fase3Result(t testing.TB, edit func(*analysis.Settings)) *analysis.Result {
	t.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load("fagligheder-fase3")
	if err != nil {
		t.Fatal(err)
	}
	r := &roster.Roster{Source: "jobcenter.xlsx", Sheet: "Roster", Columns: fw.Leaves}
	names := []string{"Mette Holm", "Jens Lund", "Camilla Nissen", "Rasmus Iversen", "Freja Knudsen"}
	roles := []string{"jobkonsulent", "sagsbehandler", "virksomhedskonsulent", "mentor", "administrativ"}
	for i, n := range names {
		p := roster.Person{Row: i + 2, Name: n, ID: fmt.Sprintf("E%02d", i+1), Role: roles[i],
			Team: []string{"Nord", "Syd"}[i%2], Scores: make([]int8, len(fw.Leaves))}
		for l := range p.Scores {
			p.Scores[l] = int8((l*7 + i*3 + l*i) % 5)
			if (l+i)%11 == 0 {
				p.Scores[l] = u
			}
		}
		r.Persons = append(r.Persons, p)
	}
	s := analysis.DefaultSettings()
	if edit != nil {
		edit(&s)
	}
	res, err := analysis.Analyze(fw, r, s)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestGolden(t *testing.T) {
	byTeam := func(s *analysis.Settings) { s.ByTeam = true }
	person := func(s *analysis.Settings) { s.Person = "E02" }
	tests := []struct {
		file   string
		fase3  bool
		edit   func(*analysis.Settings)
		format string
		o      Options
	}{
		{"table-en.txt", false, nil, FormatTable, Options{Width: 100}},
		{"table-da-60.txt", false, nil, FormatTable, Options{Width: 60, Lang: "da"}},
		{"table-sl.txt", false, nil, FormatTable, Options{Lang: "sl"}},
		{"table-color.txt", false, nil, FormatTable, Options{Width: 90, Color: true}},
		{"table-person.txt", false, person, FormatTable, Options{Width: 90}},
		{"table-byteam-limit.txt", false, byTeam, FormatTable, Options{Width: 90, Limit: 3}},
		{"table-fase3-da.txt", true, nil, FormatTable, Options{Width: 120, Lang: "da"}},
		{"analysis.json", false, byTeam, FormatJSON, Options{}},
		{"analysis-person.json", false, person, FormatJSON, Options{Lang: "da"}},
		{"gaps.csv", false, nil, FormatCSV, Options{}},
		{"gaps-da.csv", false, nil, FormatCSV, Options{Lang: "da"}},
		{"summary.md", false, byTeam, FormatMarkdown, Options{}},
		{"summary-person-sl.md", false, person, FormatMarkdown, Options{Lang: "sl"}},
		{"summary-fase3-limit.md", true, nil, FormatMarkdown, Options{Limit: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var res *analysis.Result
			if tt.fase3 {
				res = fase3Result(t, tt.edit)
			} else {
				res = demoResult(t, tt.edit)
			}
			var b bytes.Buffer
			if err := Render(&b, tt.format, res, tt.o); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, b.Bytes())
		})
	}
}

var ansiRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestTerminalFitsWidth(t *testing.T) {
	results := []*analysis.Result{
		demoResult(t, func(s *analysis.Settings) { s.ByTeam = true }),
		demoResult(t, func(s *analysis.Settings) { s.Person = "E02" }),
		fase3Result(t, func(s *analysis.Settings) { s.ByTeam = true }),
	}
	for _, res := range results {
		for _, lang := range lang.Languages {
			for _, width := range []int{60, 72, 80, 100, 132, 160} {
				for _, color := range []bool{false, true} {
					var b bytes.Buffer
					if err := Terminal(&b, res, Options{Width: width, Lang: lang, Color: color}); err != nil {
						t.Fatal(err)
					}
					if !color && strings.Contains(b.String(), "\x1b") {
						t.Fatalf("colour escape without Color")
					}
					if color && !strings.Contains(b.String(), "\x1b[") {
						t.Fatalf("no colour with Color")
					}
					for _, line := range strings.Split(b.String(), "\n") {
						if w := twwidth.Width(ansiRE.ReplaceAllString(line, "")); w > width {
							t.Fatalf("%s width %d: line of %d columns: %q", lang, width, w, line)
						}
					}
				}
			}
		}
	}
}

func TestJSONSchema(t *testing.T) {
	res := demoResult(t, func(s *analysis.Settings) { s.ByTeam = true })
	var b bytes.Buffer
	if err := JSON(&b, res, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	keys := func(m any) string {
		var ks []string
		for k := range m.(map[string]any) {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return strings.Join(ks, " ")
	}
	expect := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s keys: %s\nwant: %s", what, got, want)
		}
	}
	expect("top level", keys(doc), "audience competences defaults framework holes mode people profiles roles roster schema_version settings summary teams warnings")
	if doc["schema_version"] != float64(2) {
		t.Errorf("schema_version %v", doc["schema_version"])
	}
	expect("framework", keys(doc["framework"]), "basis_leaves extends file id profile_leaves profiles title")
	expect("roster", keys(doc["roster"]), "analysed file listed persons sheet")
	expect("settings", keys(doc["settings"]), "by_role by_team coverage fit min_specialists person requirements target team")
	expect("defaults", keys(doc["defaults"]), "expected_through_role roles")
	for _, p := range doc["profiles"].([]any) {
		expect("profile", keys(p), "expected expected_assessed expected_by_role expected_fitting fitting id leaves need specialists target")
	}
	people := doc["people"].([]any)
	if len(people) != 6 {
		t.Fatalf("%d people", len(people))
	}
	for _, p := range people {
		expect("person", keys(p), "basis best_profiles gaps id name profiles role row team")
		pm := p.(map[string]any)
		expect("basis", keys(pm["basis"]), "coverage gap_sum met not_assessed required")
		basis := pm["basis"].(map[string]any)
		sum := 0.0
		for _, g := range pm["gaps"].([]any) {
			expect("gap", keys(g), "competence gap level required")
			sum += g.(map[string]any)["gap"].(float64)
		}
		if sum != basis["gap_sum"].(float64) {
			t.Errorf("%s: gap_sum %v, listed gaps add up to %v", pm["name"], basis["gap_sum"], sum)
		}
		if c, ok := basis["coverage"].(float64); ok && (c < 0 || c > 1) {
			t.Errorf("coverage %v", c)
		}
		profs := pm["profiles"].([]any)
		if len(profs) != 2 {
			t.Errorf("%d profiles, want every profile", len(profs))
		}
		for _, pr := range profs {
			prm := pr.(map[string]any)
			want := "assessed at_target expected fit fits id leaves"
			if prm["expected"].(bool) {
				want = "assessed at_target expected expected_by fit fits gaps id leaves"
			}
			expect("person profile", keys(pr), want)
			if f := prm["fit"].(float64); f < 0 || f > 1 {
				t.Errorf("fit %v", f)
			}
		}
	}
	// "-Minus Mikkelsen" was assessed on nothing: coverage is null.
	if basis := people[4].(map[string]any)["basis"].(map[string]any); basis["coverage"] != nil {
		t.Errorf("coverage %v, want null", basis["coverage"])
	}
	for _, h := range doc["holes"].([]any) {
		hm := h.(map[string]any)
		want := "effort id kind people people_ids tier"
		switch hm["kind"] {
		case "basis":
			want = "assessed coverage effort holders id kind met people people_ids roles teachers tier"
		case "single-point":
			want = "effort holders id kind people people_ids teachers tier"
		case "profile":
			want = "effort id kind people people_ids profile tier"
			expect("profile hole", keys(hm["profile"]), "assessed bottlenecks candidates expected expected_by_role fitting fitting_all not_assessed specialists")
		}
		expect("hole "+hm["kind"].(string), keys(h), want)
	}
	teams := doc["teams"].([]any)
	if len(teams) != 3 {
		t.Fatalf("%d teams", len(teams))
	}
	expect("team", keys(teams[0]), "competences holes persons summary team")
	expect("team competence", keys(teams[0].(map[string]any)["competences"].([]any)[0]), "assessed coverage gap_sum holders id met required teachers")
	if roles := doc["roles"].([]any); len(roles) != 0 {
		t.Errorf("roles without ByRole: %v", roles)
	}
	expect("summary", keys(doc["summary"]), "coverage gap_sum holes met not_assessed people_with_gaps persons required tiers")
	expect("tiers", keys(doc["summary"].(map[string]any)["tiers"]), "cannot-deliver developing fragile unknown")
}

// TestJSONPerson: with a person filter, the JSON holds the person and
// their talk, and none of the unit's holes, which name other persons.
func TestJSONPerson(t *testing.T) {
	res := demoResult(t, func(s *analysis.Settings) { s.Person = "E02"; s.ByTeam = true })
	var b bytes.Buffer
	if err := JSON(&b, res, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		People []struct{ ID string }
		Holes  []any
		Teams  []any
		Talks  []struct {
			ID    string
			Focus []struct{ Helpers []struct{ ID string } }
		}
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.People) != 1 || doc.People[0].ID != "E02" || len(doc.Holes) != 0 || len(doc.Teams) != 0 ||
		len(doc.Talks) != 1 || doc.Talks[0].ID != "E02" {
		t.Errorf("person JSON %+v", doc)
	}
}

func TestCSV(t *testing.T) {
	res := demoResult(t, nil)
	var b bytes.Buffer
	if err := CSV(&b, res, Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := 1
	for _, p := range res.People {
		want += len(p.Gaps) + len(p.ProfileGaps)
	}
	if len(rows) != want {
		t.Fatalf("%d rows, want %d", len(rows), want)
	}
	for _, row := range rows[1:] {
		for i, cell := range row[:8] {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("column %s: unsafe cell %q", csvHeader[i], cell)
			}
		}
	}
	if rows[2][0] != `'=HYPERLINK("http://x")` {
		t.Errorf("formula name written as %q", rows[2][0])
	}
}

func TestMarkdownEscaping(t *testing.T) {
	res := demoResult(t, func(s *analysis.Settings) { s.ByTeam = true })
	var b bytes.Buffer
	if err := Markdown(&b, res, Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "<b>") || !strings.Contains(out, `Pipe \| Person`) {
		t.Errorf("names not escaped")
	}
	unescaped := regexp.MustCompile(`(^|[^\\])\|`)
	cols := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := len(unescaped.FindAllString(line, -1))
		if cols == 0 {
			cols = n
		} else if n != cols {
			t.Errorf("row with %d cell borders, header has %d: %s", n, cols, line)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	res := demoResult(t, nil)
	var b bytes.Buffer
	if err := Render(&b, "yaml", res, Options{}); err == nil || err.Error() != `output format "yaml" is not one of table, json, csv, markdown` {
		t.Errorf("format: %v", err)
	}
	// a language huller has no labels in: English labels, no error
	b.Reset()
	if err := Render(&b, "markdown", res, Options{Lang: "de"}); err != nil || !strings.Contains(b.String(), "Summary") {
		t.Errorf("lang de: %v\n%s", err, b.String())
	}
}

func TestLayout(t *testing.T) {
	rows := [][]cell{{c("1"), c("a fairly long competence name here"), c("x")}}
	// Room for everything: natural widths.
	if got := layout([]string{"#", "Competence", "Level"}, rows, []bool{false, true, false}, 100); !reflect.DeepEqual(got, []int{1, 34, 5}) {
		t.Errorf("wide: %v", got)
	}
	// 30 columns: 10 go to borders, the fixed columns keep 1 and 5.
	if got := layout([]string{"#", "Competence", "Level"}, rows, []bool{false, true, false}, 30); !reflect.DeepEqual(got, []int{1, 14, 5}) {
		t.Errorf("narrow: %v", got)
	}
	// Whole words first: the profile column gets its longest word
	// (21 columns) before the name column grows past its own.
	rows = [][]cell{{c("Astrid Winther (N1032)"), c("Koordinationsprofilen (80,0 %)")}}
	if got := layout([]string{"Name", "Best profile"}, rows, []bool{true, true}, 50); got[1] < 21 || got[0] < 8 {
		t.Errorf("words: %v", got)
	}
}

// TestKindsNamed: every kind of hole has a name in the vocabulary.
func TestKindsNamed(t *testing.T) {
	for _, k := range analysis.Kinds {
		if _, ok := lang.Kind(k.String()); !ok {
			t.Errorf("kind %s has no term in pkg/lang", k)
		}
	}
}

// TestHostileNames: names, teams and roles from a roster reach the terminal
// with their escape sequences shown, not run, and Markdown with their
// links, images and HTML shown, not rendered.
func TestHostileNames(t *testing.T) {
	res := demoResult(t, func(s *analysis.Settings) { s.ByTeam = true })
	hostile := []string{"\x1b]0;PWNED\a\x1b[2JEVIL", "[click](http://evil)", "![](http://evil/p.png)", "<script>x</script>", "abc\u202edcba"}
	for i, h := range hostile {
		res.People[i%len(res.People)].Person.Name = h
		res.People[i%len(res.People)].Person.Team = h
	}
	for _, tc := range []struct {
		format string
		bad    []string
	}{
		{"table", []string{"\x1b", "\a", "\u202e"}},
		{"markdown", []string{"\x1b", "[click](", "![](", "<script>", "\u202e"}},
	} {
		var b bytes.Buffer
		if err := Render(&b, tc.format, res, Options{Width: 100}); err != nil {
			t.Fatal(err)
		}
		for _, bad := range tc.bad {
			if strings.Contains(b.String(), bad) {
				t.Errorf("%s output holds %q", tc.format, bad)
			}
		}
		if !strings.Contains(b.String(), `x1b`) || !strings.Contains(b.String(), "PWNED") {
			t.Errorf("%s output does not show the escaped name", tc.format)
		}
	}
}
