package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
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
		if res.Framework.ID == "fagligheder-fase3" {
			reps = append(reps, riskReport(t, res, risk.Options{Prices: exampleCatalog(t, res)}))
		}
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

// exampleCatalog is the example course catalog checked against the
// framework of res.
func exampleCatalog(t *testing.T, res *analysis.Result) *catalog.Catalog {
	t.Helper()
	cat, diags := catalog.Parse(examples.CatalogName, examples.Catalog)
	if len(diags.Errors()) == 0 {
		diags = append(diags, catalog.Check(cat, res.Framework)...)
	}
	if errs := diags.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	return cat
}

// TestRiskPriced: with a catalog, each gain of a hire says the run that
// develops one of those one step short, in every format, the same run
// for the node as for the hire; without one, no format shows a cost.
func TestRiskPriced(t *testing.T) {
	res := fase3Result(t, nil)
	cat := exampleCatalog(t, res)
	rep := riskReport(t, res, risk.Options{Prices: cat})
	plain := riskReport(t, res, risk.Options{})
	var priced []risk.Train
	for _, h := range rep.Hires {
		for _, tr := range h.Train {
			if tr.Run != nil {
				priced = append(priced, tr)
			}
		}
	}
	if len(priced) == 0 || !rep.Priced || rep.Currency != "DKK" {
		t.Fatalf("no gain priced (priced %v, currency %q)", rep.Priced, rep.Currency)
	}
	tr := priced[0]
	l := lang.For("en")
	want := l.F(lang.RiskRunCost, tr.Run.Course.ID, l.Count(lang.PersonNoun, tr.Run.Participants), l.F(lang.Money, l.Int(int(tr.Run.Cost)), "DKK"))
	for _, format := range []string{FormatTable, FormatMarkdown} {
		var b bytes.Buffer
		if err := Risk(&b, format, rep, Options{Lang: "en", Width: 400}); err != nil {
			t.Fatal(err)
		}
		// a terminal cell is cut after some lines: the first gain shows
		if format == FormatMarkdown && !strings.Contains(b.String(), want) || !strings.Contains(b.String(), " DKK") ||
			!strings.Contains(b.String(), l.T(lang.RiskPricedNote)) {
			t.Errorf("%s does not say %q and how it is priced", format, want)
		}
		b.Reset()
		if err := Risk(&b, format, plain, Options{Lang: "en", Width: 400}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "DKK") || strings.Contains(b.String(), l.T(lang.RiskPricedNote)) {
			t.Errorf("%s without a catalog shows a cost", format)
		}
	}
	var b bytes.Buffer
	if err := Risk(&b, FormatJSON, rep, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Priced      bool    `json:"priced"`
		Currency    *string `json:"currency"`
		Competences []struct {
			ID    string  `json:"id"`
			Train *jTrain `json:"train"`
		} `json:"competences"`
		Hires []struct {
			Changes []struct {
				ID    string `json:"id"`
				Train jTrain `json:"train"`
			} `json:"changes"`
		} `json:"hires"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !doc.Priced || doc.Currency == nil || *doc.Currency != "DKK" {
		t.Errorf("JSON priced %v, currency %v", doc.Priced, doc.Currency)
	}
	nodes := map[string]*jTrain{}
	for _, c := range doc.Competences {
		nodes[c.ID] = c.Train
	}
	costs := 0
	for _, h := range doc.Hires {
		for _, c := range h.Changes {
			if c.Train.Cost == nil {
				continue
			}
			costs++
			if c.Train.Course == nil || c.Train.Participants == nil || *c.Train.Participants < 1 {
				t.Errorf("%s: a cost without its course and participants: %+v", c.ID, c.Train)
			}
			if n, ok := nodes[c.ID]; ok && (n == nil || !reflect.DeepEqual(*n, c.Train)) {
				t.Errorf("%s: the node's train %+v differs from the hire's %+v", c.ID, n, c.Train)
			}
		}
	}
	if costs == 0 {
		t.Error("no cost in the JSON")
	}
	b.Reset()
	if err := Risk(&b, FormatCSV, rep, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(riskCSVHeader, name) }
	rows := 0
	for _, r := range recs[1:] {
		if r[col("train_cost")] == "" {
			continue
		}
		rows++
		n := nodes[r[col("id")]]
		if n != nil && (strconv.FormatInt(*n.Cost, 10) != r[col("train_cost")] || *n.Course != r[col("train_course")] || r[col("train")] != "develop") {
			t.Errorf("CSV row %v differs from the JSON's train %+v", r, *n)
		}
	}
	if rows == 0 {
		t.Error("no cost in the CSV")
	}
}
