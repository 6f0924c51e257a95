package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/rostertest"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/plan"
	"github.com/huller/huller/pkg/roster"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// exampleInputs reads the example job centre's two mappings.
func exampleInputs(t *testing.T) (diff.Input, diff.Input) {
	t.Helper()
	fw := loadBuiltin(t, "fagligheder-fase3")
	read := func(name string, data []byte) diff.Input {
		r, err := roster.Read(roster.Source{Name: name, R: bytes.NewReader(data)}, fw, roster.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return diff.Input{Framework: fw, Roster: r, Settings: analysis.DefaultSettings()}
	}
	return read(examples.Mapping2026Name, examples.Mapping2026), read(examples.Mapping2027Name, examples.Mapping2027)
}

func exampleDiff(t *testing.T) *diff.Result {
	t.Helper()
	b, a := exampleInputs(t)
	d, err := diff.Compare(b, a, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// rulesDiff is the example with a new requirement: job consultants need
// 3.3 at level 3 (2 before).
func rulesDiff(t *testing.T) *diff.Result {
	t.Helper()
	b, a := exampleInputs(t)
	a.Settings.FileRequirements = map[string][]framework.Requirement{"jobkonsulent": {{Node: "3.3", Level: 3}}}
	a.Settings.RequirementsFile = "krav-2027.csv"
	d, err := diff.Compare(b, a, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDiffGoldens(t *testing.T) {
	d, rd := exampleDiff(t), rulesDiff(t)
	tests := []struct {
		file, format string
		d            *diff.Result
		o            Options
	}{
		{"diff-table-en.txt", FormatTable, d, Options{Lang: "en", Width: 80}},
		{"diff-table-da.txt", FormatTable, d, Options{Lang: "da", Width: 80}},
		{"diff-rules-en.txt", FormatTable, rd, Options{Lang: "en", Width: 80, Limit: 3}},
		{"diff-summary.md", FormatMarkdown, d, Options{Lang: "en", Limit: 5}},
		{"diff.json", FormatJSON, d, Options{Lang: "en"}},
		{"diff-rules.json", FormatJSON, rd, Options{Lang: "en"}},
		{"diff.csv", FormatCSV, d, Options{Lang: "en"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := RenderDiff(&b, tt.format, tt.d, tt.o); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, b.Bytes())
		})
	}
}

// TestDiffWidth: the terminal output fits 80 columns in every language.
func TestDiffWidth(t *testing.T) {
	for _, d := range []*diff.Result{exampleDiff(t), rulesDiff(t)} {
		for _, code := range []string{"en", "da", "sl"} {
			var b bytes.Buffer
			if err := DiffTerminal(&b, d, Options{Lang: code, Width: 80}); err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(b.String(), "\n") {
				if w := twwidth.Width(line); w > 80 {
					t.Errorf("%s: line %d is %d wide: %s", code, i+1, w, line)
				}
			}
		}
	}
}

// TestDiffSidesAreAnalyses: on random pairs of rosters, the "before" and
// "after" figures of the diff's JSON are those huller analyze's JSON gives
// each roster alone; the same roster twice has no step, no opened or
// closed hole and no person changed.
func TestDiffSidesAreAnalyses(t *testing.T) {
	fw := loadBuiltin(t, "fagligheder-fase3")
	for seed := uint64(1); seed <= 25; seed++ {
		rng := rand.New(rand.NewPCG(seed, 3))
		a := rostertest.Generate(fw, 3+rng.IntN(40), 1+rng.IntN(3), seed)
		b := rostertest.Generate(fw, 3+rng.IntN(40), 1+rng.IntN(3), seed+100)
		b.Source = "later.csv"
		for i := range b.Persons {
			if rng.IntN(4) == 0 {
				b.Persons[i].ID = fmt.Sprintf("X%d", i) // joined; the others match by id
			}
		}
		d, err := diff.Compare(diff.Input{Framework: fw, Roster: a, Settings: analysis.DefaultSettings()},
			diff.Input{Framework: fw, Roster: b, Settings: analysis.DefaultSettings()}, diff.Options{AllowDisjoint: true})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := DiffJSON(&out, d, Options{Lang: "en"}); err != nil {
			t.Fatal(err)
		}
		var got struct {
			Before, After struct{ Summary map[string]any }
			Steps         []map[string]any
			People        []map[string]any
		}
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		for side, r := range map[string]*roster.Roster{"before": a, "after": b} {
			res, err := analysis.Analyze(fw, r, analysis.DefaultSettings())
			if err != nil {
				t.Fatal(err)
			}
			var alone bytes.Buffer
			if err := JSON(&alone, res, Options{Lang: "en"}); err != nil {
				t.Fatal(err)
			}
			var want struct{ Summary map[string]any }
			if err := json.Unmarshal(alone.Bytes(), &want); err != nil {
				t.Fatal(err)
			}
			s := got.Before.Summary
			if side == "after" {
				s = got.After.Summary
			}
			if !reflect.DeepEqual(s, want.Summary) {
				t.Errorf("seed %d: %s summary\n got %v\nwant %v", seed, side, s, want.Summary)
			}
		}
		same, err := diff.Compare(diff.Input{Framework: fw, Roster: a, Settings: analysis.DefaultSettings()},
			diff.Input{Framework: fw, Roster: a, Settings: analysis.DefaultSettings()}, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out.Reset()
		if err := DiffJSON(&out, same, Options{Lang: "en"}); err != nil {
			t.Fatal(err)
		}
		var r struct {
			Steps  []any
			Holes  []struct{ Status string }
			People []struct {
				Status string
				Levels []any
			}
		}
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		for _, h := range r.Holes {
			if h.Status != "persisting" {
				t.Errorf("seed %d: R vs R has a hole %s", seed, h.Status)
			}
		}
		for _, p := range r.People {
			if p.Status != "both" || len(p.Levels) != 0 {
				t.Errorf("seed %d: R vs R: %+v", seed, p)
			}
		}
		if len(r.Steps) != 0 {
			t.Errorf("seed %d: R vs R has steps", seed)
		}
	}
}

// TestDiffCSVSafe: the CSV has the documented header, one row per change,
// and text a spreadsheet would run as a formula is neutralised.
func TestDiffCSVSafe(t *testing.T) {
	b, a := exampleInputs(t)
	for _, in := range []diff.Input{b, a} {
		in.Roster.Persons[0].Name = `=HYPERLINK("http://x","y")`
	}
	d, err := diff.Compare(b, a, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := DiffCSV(&out, d, Options{Lang: "da"}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(recs[0], DiffCSVHeader) {
		t.Errorf("header %q", recs[0])
	}
	rows := 0
	for _, p := range d.People {
		switch {
		case p.Joined() || p.Left():
			rows++
		default:
			rows += len(p.Levels) + len(p.Gained) + len(p.Lost)
			for _, on := range []bool{p.Renamed, p.RoleChanged, p.TeamChanged} {
				if on {
					rows++
				}
			}
		}
	}
	if len(recs)-1 != rows {
		t.Errorf("%d rows, want %d", len(recs)-1, rows)
	}
	for _, r := range recs[1:] {
		if strings.HasPrefix(r[0], "=") {
			t.Errorf("formula in %q", r)
		}
	}
}

func loadBuiltin(t *testing.T, id string) *framework.Framework {
	t.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// followUp compares the example's mappings with the plan made from the
// first, read back from its JSON; edit changes the JSON first.
func followUp(t *testing.T, edit func(string) string) *diff.Result {
	t.Helper()
	b, a := exampleInputs(t)
	cat, diags := catalog.Parse(examples.CatalogName, examples.Catalog)
	if diags = append(diags, catalog.Check(cat, b.Framework)...); len(diags.Errors()) > 0 {
		t.Fatal(diags)
	}
	p, err := plan.Make(b.Framework, b.Roster, b.Settings, cat, plan.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var js bytes.Buffer
	if err := PlanJSON(&js, p, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	text := js.String()
	if edit != nil {
		text = edit(text)
	}
	sp, err := diff.ReadPlan("plan.json", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	d, err := diff.Compare(b, a, diff.Options{Plan: sp})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDiffPlanOutputs: the follow-up comes first in every human format
// and fits the terminal; JSON holds a row per need with its outcome and
// the counts add up; CSV puts the plan's needs first, with its columns;
// names from the plan are escaped or neutralised per sink.
func TestDiffPlanOutputs(t *testing.T) {
	const evil = `=HYPERLINK("x")[click](http://evil)`
	d := followUp(t, func(s string) string {
		return strings.ReplaceAll(s, `"name":"Bo Kjær","id":"N1001"`, `"name":"`+strings.ReplaceAll(evil, `"`, `\"`)+`","id":"X1"`)
	})
	f := d.Plan
	for _, code := range []string{"en", "da", "sl"} {
		for _, width := range []int{80, 132} {
			var b bytes.Buffer
			if err := DiffTerminal(&b, d, Options{Lang: code, Width: width}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			title := lang.For(code).F(lang.FollowTitle, "plan.json")
			if i := strings.Index(out, title); i < 0 || i > strings.Index(out, "\n\n")+2 {
				t.Errorf("%s: the follow-up is not shown first", code)
			}
			for i, line := range strings.Split(out, "\n") {
				if w := twwidth.Width(line); w > width {
					t.Errorf("%s at %d: line %d is %d wide: %s", code, width, i+1, w, line)
				}
			}
		}
	}
	var md bytes.Buffer
	if err := DiffMarkdown(&md, d, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if s := md.String(); strings.Contains(s, "[click](") || !strings.Contains(s, "### Planned development by person") {
		t.Errorf("Markdown: the plan's names are not escaped, or the follow-up is missing")
	}
	var js bytes.Buffer
	if err := DiffJSON(&js, d, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Plan           *jPlanFollow      `json:"plan"`
		PlanActivities []jPlanActivity   `json:"plan_activities"`
		PlanPeople     []jPlanPerson     `json:"plan_people"`
		PlanNeeds      []jPlanNeedFollow `json:"plan_needs"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Plan == nil || len(doc.PlanNeeds) != len(f.Plan.Needs) || doc.Plan.Totals.Needs != len(f.Plan.Needs) ||
		len(doc.PlanActivities) != len(f.Plan.Joint)+len(f.Plan.Pairs)+len(f.Plan.Runs) || doc.Plan.NotFound != 1 {
		t.Fatalf("JSON plan %+v, %d needs, %d activities", doc.Plan, len(doc.PlanNeeds), len(doc.PlanActivities))
	}
	sum, byPerson := 0, 0
	for _, a := range doc.PlanActivities {
		sum += a.Outcomes.Needs
	}
	for _, p := range doc.PlanPeople {
		byPerson += p.Outcomes.Needs
	}
	r := doc.Plan.Routes
	if sum+r.Other.Needs != doc.Plan.Totals.Needs || byPerson != doc.Plan.Totals.Needs ||
		r.Joint.Needs+r.Colleague.Needs+r.Course.Needs+r.Other.Needs != doc.Plan.Totals.Needs {
		t.Errorf("the counts do not add up: activities %d + other %d, persons %d, total %d", sum, r.Other.Needs, byPerson, doc.Plan.Totals.Needs)
	}
	for k, n := range doc.PlanNeeds {
		if n.Outcome != f.Needs[k].Outcome.String() || n.Name == evil && n.Outcome != "not-found" {
			t.Errorf("need %d: %+v", k, n)
		}
	}
	var cb bytes.Buffer
	if err := DiffCSV(&cb, d, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&cb).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := append(append([]string{}, DiffCSVHeader...), DiffPlanCSVColumns...); !reflect.DeepEqual(recs[0], want) {
		t.Errorf("header %q", recs[0])
	}
	for k := range f.Plan.Needs {
		r := recs[1+k]
		if r[2] != "planned" || r[len(r)-1] != f.Needs[k].Outcome.String() || strings.HasPrefix(r[0], "=") {
			t.Fatalf("row %d: %q", k, r)
		}
	}
	if r := recs[1+len(f.Plan.Needs)]; r[2] == "planned" || r[len(r)-1] != "" {
		t.Errorf("the first change row %q", r)
	}
}
