package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/compare"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/privacy"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// TestAggregateGolden pins the aggregate report and the comparison of
// units in every format: on the demo roster (6 persons in teams of 2, 2
// and 1 with a minimum of 2, so that some figures show and some do not)
// and on the fase3 roster.
func TestAggregateGolden(t *testing.T) {
	demo := func(min int, b privacy.Breakdown) *privacy.Report {
		return privacy.Aggregate(demoResult(t, nil), min, b)
	}
	tests := []struct {
		file   string
		rep    *privacy.Report
		format string
		o      Options
	}{
		{"aggregate-en.txt", demo(2, privacy.ByTeam), FormatTable, Options{Width: 100, Audience: AudienceCommittee}},
		{"aggregate-roles-da.md", demo(2, privacy.ByRole), FormatMarkdown, Options{Lang: "da", Audience: AudienceCommittee}},
		{"aggregate.json", demo(2, privacy.ByTeam), FormatJSON, Options{Audience: AudienceCommittee}},
		{"aggregate.csv", demo(2, privacy.ByTeam), FormatCSV, Options{}},
		{"aggregate-small-sl.txt", demo(5, privacy.ByTeam), FormatTable, Options{Lang: "sl", Width: 80}},
		{"aggregate-fase3.json", privacy.Aggregate(fase3Result(t, nil), 2, privacy.ByTeam), FormatJSON, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := Aggregate(&b, tt.format, tt.rep, tt.o); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, b.Bytes())
		})
	}
	c := demoUnits(t, 2)
	for _, f := range []struct{ file, format string }{{"units-en.txt", FormatTable}, {"units.json", FormatJSON}, {"units.csv", FormatCSV}} {
		t.Run(f.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := Units(&b, f.format, c, Options{Width: 100}); err != nil {
				t.Fatal(err)
			}
			golden(t, f.file, b.Bytes())
		})
	}
}

// demoUnits compares two units on the demo framework, given out of name
// order: the whole demo roster ("syd") and its team Nord alone ("nord").
func demoUnits(t *testing.T, min int) *compare.Comparison {
	t.Helper()
	a := demoResult(t, nil)
	b := demoResult(t, func(s *analysis.Settings) { s.Team = "Nord" })
	var units []compare.Unit
	for _, u := range []struct {
		name string
		res  *analysis.Result
	}{{"syd", a}, {"nord", b}} {
		units = append(units, compare.Unit{Name: u.name, File: u.name + ".xlsx", Report: privacy.Aggregate(u.res, min, privacy.ByTeam),
			Requirements: compare.RequirementsOf(u.res)})
	}
	c, err := compare.Compare(a.Framework, units, min)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestAggregateNamesNoPerson: in every language and format, an aggregate
// report and a comparison of units hold no name or id of the roster, also
// escaped for Markdown or HTML.
func TestAggregateNamesNoPerson(t *testing.T) {
	res := demoResult(t, nil)
	var words []string
	for _, p := range res.Roster.Persons {
		words = append(words, p.Name, p.ID, html.EscapeString(p.Name))
	}
	words = append(words, "Anne", "Mikkelsen", "Søren", "HYPERLINK")
	for _, min := range []int{2, 5} {
		for _, b := range []privacy.Breakdown{privacy.ByTeam, privacy.ByRole} {
			rep := privacy.Aggregate(res, min, b)
			for _, l := range lang.Languages {
				for _, format := range Formats() {
					var out bytes.Buffer
					if err := Aggregate(&out, format, rep, Options{Lang: l}); err != nil {
						t.Fatal(err)
					}
					if err := Units(&out, format, demoUnits(t, min), Options{Lang: l}); err != nil {
						t.Fatal(err)
					}
					for _, w := range words {
						if w != "" && w != "-5" && strings.Contains(out.String(), w) {
							t.Errorf("min %d, %s %s: %q appears", min, l, format, w)
						}
					}
				}
			}
		}
	}
}

// TestAggregateSuppressedEverywhere: a figure the report suppresses never
// appears: the JSON has null where the report says suppressed and lists
// the field, the CSV writes "suppressed".
func TestAggregateSuppressedEverywhere(t *testing.T) {
	rep := privacy.Aggregate(fase3Result(t, nil), 3, privacy.ByTeam)
	var b bytes.Buffer
	if err := Aggregate(&b, FormatJSON, rep, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Mode        string `json:"mode"`
		MinCell     int    `json:"min_cell"`
		Competences []struct {
			ID         string   `json:"id"`
			Coverage   *float64 `json:"coverage"`
			Holders    *int     `json:"holders"`
			Suppressed []string `json:"suppressed"`
		} `json:"competences"`
		Teams []struct {
			Summary struct {
				Small bool `json:"small"`
			} `json:"summary"`
		} `json:"teams"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Mode != "aggregate" || doc.MinCell != 3 || len(doc.Teams) != 2 {
		t.Fatalf("mode %q, min %d, %d teams", doc.Mode, doc.MinCell, len(doc.Teams))
	}
	for l, c := range doc.Competences {
		f := rep.Unit.Leaves[l]
		if n, ok := f.Holders.Count(); ok != (c.Holders != nil) || ok && n != *c.Holders || !ok && !strings.Contains(strings.Join(c.Suppressed, " "), "holders") {
			t.Errorf("%s: holders %v (shown %v), suppressed %v", c.ID, c.Holders, ok, c.Suppressed)
		}
	}
	b.Reset()
	if err := Aggregate(&b, FormatCSV, rep, Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+3*len(rep.Framework.BasisLeaves) || strings.Join(rows[0], ",") != "unit,group,group_kind,competence,competence_name,assessed,met,coverage" {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	for i, row := range rows[1 : 1+len(rep.Framework.BasisLeaves)] {
		_, _, shown := rep.Unit.Leaves[i].Coverage.Of()
		if shown == (row[5] == "suppressed") {
			t.Errorf("row %v: shown %v", row, shown)
		}
	}
}

// TestAggregateFitsWidth: the aggregate report and the comparison fit the
// terminal's width.
func TestAggregateFitsWidth(t *testing.T) {
	rep := privacy.Aggregate(fase3Result(t, nil), 2, privacy.ByTeam)
	for _, l := range lang.Languages {
		for _, width := range []int{60, 80, 120} {
			var b bytes.Buffer
			o := Options{Width: width, Lang: l, Color: true}
			if err := Aggregate(&b, FormatTable, rep, o); err != nil {
				t.Fatal(err)
			}
			if err := Units(&b, FormatTable, demoUnits(t, 2), o); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(b.String(), "\n") {
				if w := twwidth.Width(ansiRE.ReplaceAllString(line, "")); w > width {
					t.Fatalf("%s width %d: line of %d columns: %q", l, width, w, line)
				}
			}
		}
	}
}

// TestPseudonymsNote: a pseudonymised output says how its pseudonyms were
// made; a named one says nothing.
func TestPseudonymsNote(t *testing.T) {
	res := demoResult(t, nil)
	for _, tt := range []struct{ pseudonyms, want string }{{PseudonymsKeyed, "made with a key"}, {PseudonymsNumbered, "numbered for this report only"}, {"", ""}} {
		var b bytes.Buffer
		if err := Markdown(&b, res, Options{Pseudonyms: tt.pseudonyms}); err != nil {
			t.Fatal(err)
		}
		if tt.want != "" && !strings.Contains(b.String(), tt.want) || tt.want == "" && strings.Contains(b.String(), "pseudonym") {
			t.Errorf("%q: %s", tt.pseudonyms, b.String()[:200])
		}
		b.Reset()
		if err := JSON(&b, res, Options{Pseudonyms: tt.pseudonyms}); err != nil {
			t.Fatal(err)
		}
		wantMode := map[bool]string{true: `"mode": "pseudonymised"`, false: `"mode": "named"`}[tt.pseudonyms != ""]
		if !strings.Contains(b.String(), wantMode) {
			t.Errorf("%q: no %s", tt.pseudonyms, wantMode)
		}
	}
}
