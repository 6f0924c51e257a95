package rosterform

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/roster"
	"github.com/xuri/excelize/v2"
)

// buildFile returns the template workbook for fw, to fill in; closed when
// the test ends.
func buildFile(t *testing.T, fw *framework.Framework, opts Options) *excelize.File {
	t.Helper()
	b, err := build(fw, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.f.Close() })
	return b.f
}

func realFramework(t testing.TB) *framework.Framework {
	t.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load(frameworks.Default)
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// TestRoundTrip fills a generated template programmatically and reads it
// back with pkg/roster.
func TestRoundTrip(t *testing.T) {
	fw := realFramework(t)
	for _, lang := range []string{"", "en", "sl"} {
		t.Run("lang="+lang, func(t *testing.T) {
			f := buildFile(t, fw, Options{Lang: lang})
			header, err := f.GetRows(SheetRoster)
			if err != nil {
				t.Fatal(err)
			}
			leafCol := map[string]int{}
			for i, h := range header[0] {
				id := strings.Fields(h)[0]
				if n := fw.Node(id); n != nil && n.IsLeaf() {
					leafCol[id] = i
				}
			}
			if len(leafCol) != len(fw.Leaves) {
				t.Fatalf("%d leaf columns, want %d", len(leafCol), len(fw.Leaves))
			}
			type filled struct {
				name, id, role, team, profiles string
				scores                         []int8
			}
			var want []filled
			for p := 0; p < 12; p++ {
				row := filled{name: fmt.Sprintf("Person %d Ærø", p), id: fmt.Sprintf("%04d", p),
					role: fw.Roles[p%len(fw.Roles)].ID, team: []string{"Nord", "Syd"}[p%2],
					profiles: []string{"", "virksomhed", "integration, empowerment"}[p%3]}
				vals := []any{row.name, row.id, row.role, row.team, row.profiles}
				if err := f.SetSheetRow(SheetRoster, fmt.Sprintf("A%d", p+2), &vals); err != nil {
					t.Fatal(err)
				}
				for i, l := range fw.Leaves {
					level := int8((p + i) % 6) // 5 = not assessed
					cell, _ := excelize.CoordinatesToCellName(leafCol[l.ID]+1, p+2)
					switch {
					case level == 5:
						level = roster.Unassessed
					case i%7 == 0:
						err = f.SetCellStr(SheetRoster, cell, fmt.Sprint(level)) // a number stored as text
					default:
						err = f.SetCellInt(SheetRoster, cell, int64(level))
					}
					if err != nil {
						t.Fatal(err)
					}
					row.scores = append(row.scores, level)
				}
				want = append(want, row)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			r, err := roster.Read(roster.Source{Name: "t.xlsx", R: &buf}, fw, roster.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Sheet != SheetRoster || r.Framework != fw.ID {
				t.Errorf("sheet %q framework %q", r.Sheet, r.Framework)
			}
			if len(r.Warnings) != 0 {
				t.Errorf("warnings %v", r.Warnings)
			}
			if len(r.Persons) != len(want) {
				t.Fatalf("%d persons, want %d", len(r.Persons), len(want))
			}
			colOf := map[string]int{}
			for i, c := range r.Columns {
				colOf[c.ID] = i
			}
			for i, p := range r.Persons {
				w := want[i]
				prof := strings.Join(p.Profiles, ", ")
				if p.Name != w.name || p.ID != w.id || p.Role != w.role || p.Team != w.team || prof != w.profiles {
					t.Errorf("person %d: %+v, want %+v", i, p, w)
				}
				for j, l := range fw.Leaves {
					if got := p.Scores[colOf[l.ID]]; got != w.scores[j] {
						t.Errorf("person %d, %s: %d, want %d", i, l.ID, got, w.scores[j])
					}
				}
			}
			for _, role := range fw.Roles {
				got := fw.Required(r.Requirements[role.ID])
				if want := fw.Required(role.Requires); !reflect.DeepEqual(got, want) {
					t.Errorf("requirements of %s: %v, want %v", role.ID, got, want)
				}
			}
		})
	}
}

func TestWorkbookLayout(t *testing.T) {
	fw := realFramework(t)
	f := buildFile(t, fw, Options{Lang: "en", Ref: roster.FrameworkRef{ID: fw.ID, File: "/x/f.yaml"}})
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{SheetRoster, SheetRequirements, SheetInstructions}) {
		t.Errorf("sheets %v", got)
	}
	header, _ := f.GetRows(SheetRoster)
	if got := header[0][:6]; !reflect.DeepEqual(got, []string{"name", "id", "role", "team", "profiles", "1 Organisational knowledge and competence"}) {
		t.Errorf("header %q", got)
	}
	if !strings.HasPrefix(header[0][6], "1.1 ") {
		t.Errorf("first leaf header %q", header[0][6])
	}
	comments, _ := f.GetComments(SheetRoster)
	if len(comments) != len(header[0]) {
		t.Errorf("%d comments for %d columns", len(comments), len(header[0]))
	}
	dvs, _ := f.GetDataValidations(SheetRoster)
	if len(dvs) != 2 || dvs[0].Formula1 != `"0,1,2,3,4"` || !strings.HasPrefix(dvs[0].Sqref, "F2:") {
		t.Errorf("validations %+v", dvs)
	}
	// the Requirements sheet has the same level drop-downs
	if rdv, _ := f.GetDataValidations(SheetRequirements); len(rdv) != 1 || rdv[0].Formula1 != dvs[0].Formula1 ||
		!strings.HasPrefix(rdv[0].Sqref, "C2:") {
		t.Errorf("Requirements validations %+v", rdv)
	}
	panes, _ := f.GetPanes(SheetRoster)
	if !panes.Freeze || panes.TopLeftCell != "B2" {
		t.Errorf("panes %+v", panes)
	}
	if lvl, _ := f.GetColOutlineLevel(SheetRoster, "G"); lvl != 1 {
		t.Errorf("column G outline level %d", lvl)
	}
	if lvl, _ := f.GetColOutlineLevel(SheetRoster, "F"); lvl != 0 {
		t.Errorf("group column F outline level %d", lvl)
	}
	props, _ := f.GetCustomProps()
	got := map[string]any{}
	for _, p := range props {
		got[p.Name] = p.Value
	}
	if got[roster.PropFramework] != fw.ID || got[roster.PropFrameworkFile] != "/x/f.yaml" {
		t.Errorf("custom properties %v", got)
	}
	instr, _ := f.GetRows(SheetInstructions)
	if !strings.HasPrefix(instr[0][0], "Competence mapping: ") || !strings.Contains(instr[3][1], "one person per row") {
		t.Errorf("instructions %q", instr[:4])
	}
}

// TestLongLists: drop-down lists longer than Excel's 255 characters go
// through the hidden Lists sheet.
func TestLongLists(t *testing.T) {
	var roles strings.Builder
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&roles, "  - id: rolle-med-et-langt-navn-%02d\n    name: {da: Rolle %d, en: Role %d}\n", i, i, i)
	}
	fw, err := framework.Parse("long.yaml", []byte(`
id: long
title: {da: Lang, en: Long}
language: da
defaults: {required: 1, target: 2}
scale:
  - level: 1
    label: {da: "Lidt, men ikke meget", en: Some}
  - level: 2
    label: {da: Godt, en: Good}
basis:
  - id: "1"
    name: {da: Et, en: One}
    items:
      - id: "1.1"
        name: {da: Et et, en: One one}
roles:
`+roles.String()))
	if err != nil {
		t.Fatal(err)
	}
	f := buildFile(t, fw, Options{})
	dvs, _ := f.GetDataValidations(SheetRoster)
	var formulas []string
	for _, dv := range dvs {
		formulas = append(formulas, dv.Formula1)
	}
	if !reflect.DeepEqual(formulas, []string{`"1,2"`, "Lists!$A$1:$A$30"}) {
		t.Errorf("formulas %q", formulas)
	}
	if visible, _ := f.GetSheetVisible(SheetLists); visible {
		t.Error("the Lists sheet is visible")
	}
	ids, _ := f.GetRows(SheetLists)
	if len(ids) != 30 || ids[29][0] != "rolle-med-et-langt-navn-29" {
		t.Errorf("lists %q", ids)
	}
}

// TestHeaderComment: a leaf's header comment holds its full name and its
// indicators.
func TestHeaderComment(t *testing.T) {
	fw, err := framework.NewLoader(frameworks.FS).Load("koordinator-mreze")
	if err != nil {
		t.Fatal(err)
	}
	var leaf *framework.Node
	for _, l := range fw.Leaves {
		if len(l.Indicators) > 0 {
			leaf = l
			break
		}
	}
	if leaf == nil {
		t.Fatal("koordinator-mreze has no leaf with indicators")
	}
	f := buildFile(t, fw, Options{Lang: "en"})
	header, _ := f.GetRows(SheetRoster)
	col := slices.IndexFunc(header[0], func(h string) bool { return strings.Fields(h)[0] == leaf.ID })
	comments, _ := f.GetComments(SheetRoster)
	var note string
	for _, c := range comments {
		if c.Cell == cell(col, 1) {
			for _, r := range c.Paragraph {
				note += r.Text
			}
		}
	}
	if !strings.Contains(note, leaf.ID+" "+fw.Text(leaf.Name, "en")) ||
		!strings.Contains(note, "Indicators:\n• "+fw.Text(leaf.Indicators[0], "en")) {
		t.Errorf("comment on %s (%s): %q", leaf.ID, cell(col, 1), note)
	}
}

func TestLimit255(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int // UTF-16 units
	}{{strings.Repeat("a", 255), 255}, {strings.Repeat("ø", 300), 255}, {strings.Repeat("😀", 200), 255}} {
		got := limit255(tc.in)
		if utf16Len(got) > 255 || utf16Len(got) < 254 || (len(tc.in) > 255) != strings.HasSuffix(got, "…") {
			t.Errorf("limit255(%.10q…) has %d units: %.10q…", tc.in, utf16Len(got), got)
		}
	}
}

func TestShortName(t *testing.T) {
	tests := map[string]string{
		"Anvender fagsystemer": "Anvender fagsystemer",
		"Kan anvende relevante it-systemer og digitale løsninger i sagsbehandlingen": "Kan anvende relevante it-systemer og …",
		"  spaces   collapse  ": "spaces collapse",
	}
	for in, want := range tests {
		if got := shortName(in); got != want {
			t.Errorf("shortName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVTemplate(t *testing.T) {
	fw := realFramework(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, fw, Options{}); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	if !strings.HasPrefix(text, "\uFEFFnavn,medarbejdernr,rolle,team,profiler,1.1 ") || strings.Count(text, "\n") != 1 {
		t.Errorf("template %q", text)
	}
	buf.WriteString("Anne,1,mentor,Nord,,3\n")
	r, err := roster.Read(roster.Source{Name: "t.csv", R: &buf}, fw, roster.Options{})
	if err != nil || len(r.Columns) != len(fw.Leaves) || r.Persons[0].Scores[0] != 3 || r.Encoding != "UTF-8 with BOM" {
		t.Errorf("read back: %v", err)
	}
}

// TestTemplateReadsAsSource: for every built-in framework, in its own
// language and in English, each header comment quotes the source's full
// wording where the column's name shortens it; the Requirements sheet
// marks every role on huller's default levels; and the Instructions quote
// the source (roles, profiles, learning goals, notes), mark what huller
// added and show the target groups.
func TestTemplateReadsAsSource(t *testing.T) {
	loader := framework.NewLoader(frameworks.FS)
	for _, id := range loader.Builtins() {
		fw, err := loader.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range []string{fw.Language, "en"} {
			l := lang.For(code)
			f := buildFile(t, fw, Options{Lang: code})
			q := func(t framework.Text) string { return l.F(lang.OutlineQuote, fw.Text(t, code)) }

			header, _ := f.GetRows(SheetRoster)
			comments, _ := f.GetComments(SheetRoster)
			byCell := map[string]string{}
			for _, c := range comments {
				for _, r := range c.Paragraph {
					byCell[c.Cell] += r.Text
				}
			}
			for i, h := range header[0] {
				n := fw.Node(strings.Fields(h)[0])
				if n == nil || n.Statement == nil {
					continue
				}
				if note := byCell[cell(i, 1)]; !strings.Contains(note, q(n.Statement)) {
					t.Errorf("%s/%s: the comment on %s lacks the source's wording %q: %q", id, code, n.ID, q(n.Statement), note)
				}
			}

			reqs, _ := f.GetComments(SheetRequirements)
			marked := map[string]bool{}
			for _, c := range reqs {
				if len(c.Paragraph) > 0 && c.Paragraph[0].Text == l.T(lang.OutlineLevelsHuller) {
					marked[c.Cell] = true
				}
			}
			for r, role := range fw.Roles {
				if want := role.LevelsOrigin() == framework.OriginHuller || fw.Defaults.RequiredOrigin == framework.OriginHuller; marked[cell(1, r+2)] != want {
					t.Errorf("%s/%s: role %s marked %v on the Requirements sheet, want %v", id, code, role.ID, marked[cell(1, r+2)], want)
				}
			}

			rows, _ := f.GetRows(SheetInstructions)
			var sb strings.Builder
			for _, r := range rows {
				sb.WriteString(strings.Join(r, "\x00") + "\n")
			}
			text := sb.String()
			want := []string{l.F(lang.OutlineLegend, l.F(lang.OutlineQuote, "…"))}
			if fw.ScaleOrigin() == framework.OriginHuller {
				want = append(want, l.T(lang.OutlineScaleHuller))
			}
			if fw.Defaults.RequiredOrigin == framework.OriginHuller {
				want = append(want, l.T(lang.FormStepDefaults), l.T(lang.OutlineLevelsHuller))
			}
			for _, r := range fw.Roles {
				if r.Statement != nil {
					want = append(want, q(r.Statement))
				}
			}
			for _, p := range fw.Profiles {
				if p.Statement != nil {
					want = append(want, q(p.Statement))
				}
			}
			for _, g := range fw.LearningGoalTypes {
				want = append(want, q(g.Name))
			}
			var walk func([]*framework.TargetGroup)
			walk = func(gs []*framework.TargetGroup) {
				for _, g := range gs {
					want = append(want, fw.Text(g.Name, code))
					walk(g.Items)
				}
			}
			walk(fw.TargetGroups)
			for _, n := range fw.Notes {
				want = append(want, fw.Text(n.Title, code))
				if n.Statement != nil {
					want = append(want, q(n.Statement))
				}
			}
			for _, s := range want {
				if !strings.Contains(text, s) {
					t.Errorf("%s/%s: the Instructions lack %q", id, code, s)
				}
			}
		}
	}
}

// TestTemplateHeadersReadBack: every built-in framework's template, in its
// own language and in English, reads back without a warning that a
// header's text names another competence than its id.
func TestTemplateHeadersReadBack(t *testing.T) {
	loader := framework.NewLoader(frameworks.FS)
	for _, id := range loader.Builtins() {
		fw, err := loader.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range []string{fw.Language, "en"} {
			f := buildFile(t, fw, Options{Lang: code})
			if err := f.SetSheetRow(SheetRoster, "A2", &[]any{"Anna", "", fw.Roles[0].ID}); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			r, err := roster.Read(roster.Source{Name: "t.xlsx", R: &buf}, fw, roster.Options{})
			if err != nil {
				t.Fatalf("%s/%s: %v", id, code, err)
			}
			for _, w := range r.Warnings {
				if strings.Contains(w.Message, "but its text is the name of") {
					t.Errorf("%s/%s: %s", id, code, w)
				}
			}
		}
	}
}
