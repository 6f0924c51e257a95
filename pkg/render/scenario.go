package render

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/risk"
	"github.com/huller/huller/pkg/safetext"
)

// ScenarioSchemaVersion is the version of the JSON contract of huller
// analyze --without. Fields may be added within a version; renaming or
// removing one needs a new version.
const ScenarioSchemaVersion = 1

// Scenario writes the unit without the persons a leader entered, compared
// with the whole unit (huller analyze --without), in format, one of
// Formats: the terminal and Markdown show the summary before → after, the
// findings opened or worsened and the competences no one holds any more,
// the findings closed, eased or improved, the coverage lost, then the
// holes of the unit without them (and, with ByTeam or ByRole, its teams'
// or roles' coverage and holes); JSON is the scenario contract
// (ScenarioSchemaVersion); CSV one row per competence or profile that
// changed.
func Scenario(w io.Writer, format string, sc *risk.Scenario, o Options) error {
	before, err := newView(sc.Before, o)
	if err != nil {
		return err
	}
	after, err := newView(sc.After, o)
	if err != nil {
		return err
	}
	switch format {
	case FormatTable, "", FormatMarkdown:
		d := before.scenarioDocument(sc)
		d.tables = append(d.tables, table{heading: before.l.T(lang.ScenarioUnit)}, after.summary())
		d.tables = append(d.tables, after.holesByTier(sc.After.Holes)...)
		if sc.After.Settings.ByTeam {
			d.tables = append(d.tables, after.groups(lang.ByTeamTitle, sc.After.Teams)...)
		}
		if sc.After.Settings.ByRole {
			d.tables = append(d.tables, after.groups(lang.ByRoleTitle, sc.After.RoleGroups)...)
		}
		return before.drawAs(w, format, d)
	case FormatJSON:
		return before.scenarioJSON(w, sc)
	case FormatCSV:
		return before.scenarioCSV(w, sc)
	}
	return fmt.Errorf("output format %q is not one of %s", format, strings.Join(Formats(), ", "))
}

// awayNames lists the persons left out.
func (v *view) awayNames(sc *risk.Scenario) string {
	names := make([]string, len(sc.Away))
	for i, p := range sc.Away {
		names[i] = v.n.Person(p)
	}
	return strings.Join(names, ", ")
}

// scenarioDocument: the comparison with the whole unit.
func (v *view) scenarioDocument(sc *risk.Scenario) document {
	l := v.l
	d := document{title: v.riskTitle() + " · " + l.F(lang.ScenarioWithout, v.awayNames(sc))}
	d.tables = append(d.tables, v.scenarioSummary(sc))
	weak := v.changeTable(l.T(lang.ScenarioWeakened), sc, risk.Delta.Weakened)
	relieved := v.changeTable(l.T(lang.ScenarioRelieved), sc, risk.Delta.Relieved)
	return document{title: d.title, tables: append(d.tables, weak, relieved, v.lostTable(sc))}
}

// scenarioSummary: persons, basis coverage and holes, before → after.
func (v *view) scenarioSummary(sc *risk.Scenario) table {
	l := v.l
	a, b := sc.Before.Summary, sc.After.Summary
	t := table{heading: l.T(lang.ScenarioCompared), wrap: []bool{true, true}, notes: []string{l.T(lang.ScenarioNote)}}
	add := func(label, x, y string) {
		t.rows = append(t.rows, []cell{c(label), c(l.F(lang.RiskArrow, x, y))})
	}
	add(l.T(lang.Persons), l.Int(a.Persons), l.Int(b.Persons))
	ca, oka := a.Basis.Coverage()
	cb, okb := b.Basis.Coverage()
	add(l.T(lang.BasisCoverage), v.coverage(ca, oka), v.coverage(cb, okb))
	holes := func(h []analysis.Hole) string {
		if len(h) == 0 {
			return l.T(lang.None)
		}
		return l.Int(len(h)) + " (" + v.n.Tiers(h) + ")"
	}
	add(l.T(lang.Holes), holes(sc.Before.Holes), holes(sc.After.Holes))
	return t
}

// changeTable lists the changes keep selects: each node before and after.
func (v *view) changeTable(heading string, sc *risk.Scenario, keep func(risk.Delta) bool) table {
	l := v.l
	t := table{heading: heading, empty: l.T(lang.ScenarioNone),
		header: []string{l.T(lang.Subject), l.T(lang.ScenarioBefore), l.T(lang.ScenarioAfter)},
		wrap:   []bool{true, true, true}, right: []bool{false, false, false}}
	for _, d := range sc.Changes {
		if !keep(d) {
			continue
		}
		if v.o.Limit > 0 && len(t.rows) == v.o.Limit {
			t.omitted++
			continue
		}
		t.rows = append(t.rows, []cell{c(v.n.Node(v.nodeOf(d.Node))), {v.stateText(d.Node, d.Before), stateTone(d.Before)},
			{v.stateText(d.Node, d.After), stateTone(d.After)}})
	}
	return t
}

// lostTable lists the competences that lost basis coverage or are left
// with one holder or none (see lost).
func (v *view) lostTable(sc *risk.Scenario) table {
	l := v.l
	t := table{heading: l.T(lang.ScenarioLost), empty: l.T(lang.ScenarioNone),
		header: []string{l.T(lang.Competence), l.T(lang.Holders), l.T(lang.Coverage)},
		wrap:   []bool{true, true, true}, right: []bool{false, true, true}}
	for _, d := range sc.Changes {
		if v.isProfile(d.Node) || !lost(d) {
			continue
		}
		if v.o.Limit > 0 && len(t.rows) == v.o.Limit {
			t.omitted++
			continue
		}
		ca, oka := d.Before.Leaf.Coverage()
		cb, okb := d.After.Leaf.Coverage()
		cov := "–"
		if oka || okb {
			cov = l.F(lang.RiskArrow, v.coverage(ca, oka), v.coverage(cb, okb))
		}
		t.rows = append(t.rows, []cell{c(v.n.Node(v.nodeOf(d.Node))),
			c(l.F(lang.RiskArrow, l.Int(int(d.Before.Leaf.Holders)), l.Int(int(d.After.Leaf.Holders)))), c(cov)})
	}
	return t
}

// lost reports whether a leaf lost basis coverage (a lower share meets
// the requirement, or no one left is assessed), or holders down to one or
// none.
func lost(d risk.Delta) bool {
	a, b := d.Before.Leaf, d.After.Leaf
	if b.Holders < a.Holders && b.Holders <= 1 {
		return true
	}
	ca, oka := a.Coverage()
	cb, okb := b.Coverage()
	return oka && (!okb || cb < ca)
}

type jAway struct {
	Name string `json:"name"`
	ID   string `json:"id"`
	Row  int    `json:"row"`
}

type jScenarioChange struct {
	ID       string `json:"id"`
	Area     string `json:"area"` // basis, profile-leaf or profile
	Change   string `json:"change"`
	Weakened bool   `json:"weakened"`
	Opened   bool   `json:"opened"`
	Worsened bool   `json:"worsened"`
	Unheld   bool   `json:"unheld"`
	Closed   bool   `json:"closed"`
	Eased    bool   `json:"eased"`
	Improved bool   `json:"improved"`
	Before   any    `json:"before"`
	After    any    `json:"after"`
}

// scenarioJSON writes the scenario contract: who is left out, the
// summaries before and after (the shape of analyze's "summary"), every
// node that changed, and the unit without them in analyze's shapes
// (competences, profiles, ranked holes).
func (v *view) scenarioJSON(w io.Writer, sc *risk.Scenario) error {
	res, after, fw := sc.Before, sc.After, v.fw
	j := &jsonWriter{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.enc.SetIndent("  ", "  ")
	j.raw("{\n")
	j.field("schema_version", ScenarioSchemaVersion)
	j.field("framework", jFramework{ID: fw.ID, Title: v.text(fw.Title), File: fw.File, Extends: fw.Extends,
		BasisLeaves: len(fw.BasisLeaves), ProfileLeaves: len(fw.Leaves) - len(fw.BasisLeaves), Profiles: len(fw.Profiles)})
	j.field("roster", jRoster{File: res.Roster.Source, Sheet: res.Roster.Sheet, Persons: len(res.Roster.Persons),
		Analysed: len(after.People), Listed: len(after.People)})
	j.field("settings", jsonSettings(res.Settings))
	j.array("without", len(sc.Away), func(k int) any {
		p := res.People[sc.Away[k]].Person
		return jAway{Name: p.Name, ID: p.ID, Row: p.Row}
	})
	j.field("before", jsonSummary(res.Summary, res.Holes))
	j.field("after", jsonSummary(after.Summary, after.Holes))
	j.array("changes", len(sc.Changes), func(k int) any { return v.jsonScenarioChange(sc.Changes[k]) })
	j.array("competences", len(fw.Leaves), func(l int) any { return jsonCompetence(after, after.Leaves, l) })
	j.array("profiles", len(fw.Profiles), func(k int) any { return jsonProfile(after, k) })
	j.arrayOf("holes", len(after.Holes), func(k int) { j.hole(after, after.Holes[k]) })
	j.last("warnings", append([]string{}, after.AllWarnings()...))
	j.raw("}\n")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

// area names the kind of node i: basis, profile-leaf or profile.
func (v *view) area(i int) string {
	switch n := v.nodeOf(i); {
	case v.isProfile(i):
		return "profile"
	case n.Profile != nil:
		return "profile-leaf"
	}
	return "basis"
}

func (v *view) jsonScenarioChange(d risk.Delta) jScenarioChange {
	return jScenarioChange{ID: v.nodeID(d.Node), Area: v.area(d.Node), Change: changeName(d), Weakened: d.Weakened(),
		Opened: d.Opened, Worsened: d.Worsened, Unheld: d.Unheld, Closed: d.Closed, Eased: d.Eased, Improved: d.Improved,
		Before: v.jsonState(d.Node, d.Before), After: v.jsonState(d.Node, d.After)}
}

// scenarioCSVHeader are the columns of analyze --without's CSV output: one
// row per competence or profile that changed.
var scenarioCSVHeader = []string{"area", "id", "name", "change", "before_kind", "before_tier", "after_kind", "after_tier",
	"before_coverage", "after_coverage", "before_holders", "after_holders"}

// scenarioCSV writes one row per node that changed; holders are the persons
// at the target level (a leaf) or fitting (a profile).
func (v *view) scenarioCSV(w io.Writer, sc *risk.Scenario) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(scenarioCSVHeader); err != nil {
		return err
	}
	cov := func(s risk.Snapshot) string {
		if c, ok := s.Leaf.Coverage(); ok {
			return strconv.FormatFloat(c, 'f', -1, 64)
		}
		return ""
	}
	finding := func(f analysis.Finding) (string, string) {
		if f.Tier == 0 {
			return "", ""
		}
		return f.Kind.String(), f.Tier.String()
	}
	for _, d := range sc.Changes {
		prof := v.isProfile(d.Node)
		bk, bt := finding(d.Before.Finding)
		ak, at := finding(d.After.Finding)
		row := []string{v.area(d.Node), safetext.CSV(v.nodeID(d.Node)), safetext.CSV(v.n.Name(v.nodeOf(d.Node))),
			changeName(d), bk, bt, ak, at, "", "",
			strconv.Itoa(int(d.Before.Holders(prof))), strconv.Itoa(int(d.After.Holders(prof)))}
		if !prof {
			row[8], row[9] = cov(d.Before), cov(d.After)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
