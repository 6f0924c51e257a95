package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/risk"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

func riskReport(t *testing.T, res *analysis.Result, o risk.Options) *risk.Report {
	t.Helper()
	rep, err := risk.Assess(res, o)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// scenarioOf is the unit of res without its first two persons.
func scenarioOf(t *testing.T, res *analysis.Result) *risk.Scenario {
	t.Helper()
	away := []int32{0, 1}
	after, err := analysis.Analyze(res.Framework, risk.RosterWithout(res, away), res.Settings)
	if err != nil {
		t.Fatal(err)
	}
	return risk.Compare(res, after, away)
}

// TestRiskFitsWidth: huller risk (with and without a vacancy) and analyze
// --without fit the terminal at every width and language.
func TestRiskFitsWidth(t *testing.T) {
	for _, res := range []*analysis.Result{demoResult(t, nil), fase3Result(t, nil)} {
		reps := []*risk.Report{riskReport(t, res, risk.Options{}), riskReport(t, res, risk.Options{Vacancy: res.Roles[0].ID})}
		sc := scenarioOf(t, res)
		for _, code := range lang.Languages {
			for _, width := range []int{60, 80, 132} {
				o := Options{Width: width, Lang: code}
				var outs []string
				for _, rep := range reps {
					var b bytes.Buffer
					if err := Risk(&b, FormatTable, rep, o); err != nil {
						t.Fatal(err)
					}
					outs = append(outs, b.String())
				}
				var b bytes.Buffer
				if err := Scenario(&b, FormatTable, sc, o); err != nil {
					t.Fatal(err)
				}
				for _, out := range append(outs, b.String()) {
					for _, line := range strings.Split(out, "\n") {
						if w := twwidth.Width(line); w > width {
							t.Fatalf("%s width %d: line of %d columns: %q", code, width, w, line)
						}
					}
				}
			}
		}
	}
}

// TestRiskJSONAndCSV: the contracts hold one element per competence and
// profile, and no person's name.
func TestRiskJSONAndCSV(t *testing.T) {
	res := demoResult(t, nil)
	rep := riskReport(t, res, risk.Options{})
	var b bytes.Buffer
	if err := Risk(&b, FormatJSON, rep, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		SchemaVersion int               `json:"schema_version"`
		Competences   []json.RawMessage `json:"competences"`
		Profiles      []json.RawMessage `json:"profiles"`
		Hires         []struct {
			Rank    int     `json:"rank"`
			Profile *string `json:"profile"`
		} `json:"hires"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b.String())
	}
	fw := res.Framework
	if doc.SchemaVersion != RiskSchemaVersion || len(doc.Competences) != len(fw.Leaves) || len(doc.Profiles) != len(fw.Profiles) ||
		len(doc.Hires) != len(rep.Hires) {
		t.Errorf("risk JSON: version %d, %d competences, %d profiles, %d hires", doc.SchemaVersion, len(doc.Competences), len(doc.Profiles), len(doc.Hires))
	}
	b.Reset()
	if err := Risk(&b, FormatCSV, rep, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(recs) != 1+len(rep.Nodes) || len(recs[0]) != len(riskCSVHeader) {
		t.Fatalf("risk CSV: %d records, %v", len(recs), err)
	}
	for _, format := range Formats() {
		b.Reset()
		if err := Risk(&b, format, rep, Options{Lang: "en"}); err != nil {
			t.Fatal(err)
		}
		for p := range res.People {
			if name := res.People[p].Name; strings.Contains(b.String(), name) {
				t.Errorf("%s output names %q", format, name)
			}
		}
	}
	if err := Risk(&b, "xml", rep, Options{}); err == nil {
		t.Error("an unknown format is not refused")
	}
}

// TestScenarioOutputs: the scenario says who was left out (escaped), and
// its JSON holds the unit without them in analyze's shapes.
func TestScenarioOutputs(t *testing.T) {
	res := demoResult(t, nil)
	res.People[0].Person.Name = "[click](http://evil) <b>x</b>"
	sc := scenarioOf(t, res)
	var b bytes.Buffer
	if err := Scenario(&b, FormatMarkdown, sc, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); strings.Contains(s, "[click](") || strings.Contains(s, "<b>") || !strings.Contains(s, "click") {
		t.Errorf("the name is not escaped in Markdown:\n%s", s)
	}
	b.Reset()
	if err := Scenario(&b, FormatJSON, sc, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		SchemaVersion int `json:"schema_version"`
		Without       []struct {
			Name string `json:"name"`
		} `json:"without"`
		Before      jSummary          `json:"before"`
		After       jSummary          `json:"after"`
		Changes     []json.RawMessage `json:"changes"`
		Competences []jCompetence     `json:"competences"`
		Holes       []jHole           `json:"holes"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b.String())
	}
	if doc.SchemaVersion != ScenarioSchemaVersion || len(doc.Without) != 2 || doc.Without[0].Name != res.People[0].Name ||
		doc.Before.Persons != len(res.People) || doc.After.Persons != len(res.People)-2 ||
		len(doc.Competences) != len(res.Framework.Leaves) || len(doc.Holes) != len(sc.After.Holes) || len(doc.Changes) != len(sc.Changes) {
		t.Errorf("scenario JSON: %+v", doc)
	}
	b.Reset()
	if err := Scenario(&b, FormatCSV, sc, Options{}); err != nil {
		t.Fatal(err)
	}
	if recs, err := csv.NewReader(&b).ReadAll(); err != nil || len(recs) != 1+len(sc.Changes) {
		t.Errorf("scenario CSV: %d records, %v", len(recs), err)
	}
}
