package workbook

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/risk"
	"github.com/huller/huller/pkg/roster"
)

// TestRiskSheet: the Risk sheet holds every competence's and profile's
// exposure and depth as the risk package computes them, the requirement
// profiles, a depth chart on its own data, and no person's name.
func TestRiskSheet(t *testing.T) {
	res := team40(t)
	rep, err := risk.Assess(res, risk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data := write(t, res, Options{Lang: "en", Date: testDate})
	f := open(t, data)
	all := rows(t, f, "Risk")
	if len(all) < 2 || all[0][0] != "How vulnerable is the unit?" {
		t.Fatalf("Risk sheet starts with %q", all[:min(2, len(all))])
	}
	byID := map[string][]string{}
	for _, r := range all {
		if len(r) > 0 {
			byID[r[0]] = r
		}
	}
	fw := res.Framework
	for i, n := range rep.Nodes {
		id := nodeID(fw, i)
		r := byID[id]
		if len(r) < 9 {
			t.Fatalf("no row for %s: %q", id, r)
		}
		depth := "–"
		if n.Depth > 0 {
			depth = strconv.Itoa(int(n.Depth))
		}
		if r[5] != strconv.Itoa(int(n.Opens)) || r[6] != strconv.Itoa(int(n.Worsens)) || r[7] != depth {
			t.Errorf("%s: opens %s, worsens %s, fewest %s; want %d, %d, %s", id, r[5], r[6], r[7], n.Opens, n.Worsens, depth)
		}
		want := n.Bench.AtTarget
		if i >= len(fw.Leaves) {
			want = n.Bench.Fitting
		}
		if r[4] != strconv.Itoa(int(want)) {
			t.Errorf("%s: holders %s, want %d", id, r[4], want)
		}
	}
	text := strings.Join(flatten(all), "\n")
	for p := range res.People {
		if name := res.People[p].Name; strings.Contains(text, name) {
			t.Fatalf("the Risk sheet names %q", name)
		}
	}
	if len(rep.Hires) > 0 && !strings.Contains(text, "Next hire: requirement profiles") {
		t.Error("no requirement profiles on the Risk sheet")
	}
	_, chart := chartWith(parts(t, data), "Depth per competence")
	if chart == "" || !strings.Contains(chart, "'Risk'!$A$") || strings.Count(chart, "<ser>") != 2 {
		t.Errorf("depth chart:\n%s", chart)
	}
}

// TestRiskSheetNoHire: a framework with more combinations of role and
// profile than huller measures still gets its Risk sheet, which says why
// the next hire is not measured.
func TestRiskSheetNoHire(t *testing.T) {
	var y strings.Builder
	y.WriteString("id: wide\ntitle: Wide\nlanguage: en\nscale:\n  - {level: 0, label: None}\n  - {level: 1, label: Some}\n" +
		"  - {level: 2, label: Good}\ndefaults: {required: 1, target: 2, fit: 1}\nbasis:\n  - id: B\n    name: Basis\n    items:\n" +
		"      - {id: B1, name: B one}\nprofiles:\n")
	for j := range 110 {
		fmt.Fprintf(&y, "  - id: p%d\n    name: P%d\n    items:\n      - {id: p%d.1, name: P%d one}\n", j, j, j, j)
	}
	y.WriteString("roles:\n")
	for r := range 100 {
		fmt.Fprintf(&y, "  - {id: r%d, name: R%d}\n", r, r)
	}
	fw, err := framework.Parse("wide.yaml", []byte(y.String()))
	if err != nil {
		t.Fatal(err)
	}
	ro := &roster.Roster{Source: "wide.csv", Columns: fw.Leaves}
	for i := range 3 {
		scores := make([]int8, len(fw.Leaves))
		ro.Persons = append(ro.Persons, roster.Person{Row: i + 2, Name: fmt.Sprint("P", i), Role: "r1", Scores: scores})
	}
	res, err := analysis.Analyze(fw, ro, analysis.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, write(t, res, Options{Lang: "en"}))
	text := strings.Join(flatten(rows(t, f, "Risk")), "\n")
	if !strings.Contains(text, "The next hire is not measured: 100 roles and 110 profiles make") {
		t.Errorf("the Risk sheet does not say why the next hire is not measured:\n%s", text)
	}
}

// nodeID returns the id of node i: a leaf, or a profile after the leaves.
func nodeID(fw *framework.Framework, i int) string {
	if i >= len(fw.Leaves) {
		return fw.Profiles[i-len(fw.Leaves)].ID
	}
	return fw.Leaves[i].ID
}

func flatten(rs [][]string) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r...)
	}
	return out
}

// TestRiskSheetPriced: with a catalog, each gain of a hire on the Risk
// sheet shows the run that develops one of those one step short: its
// cost, course and participants, as the risk package prices them.
func TestRiskSheetPriced(t *testing.T) {
	p := examplePlan(t, analysis.DefaultSettings(), nil)
	res, cat := p.Before, p.Catalog
	rep, err := risk.Assess(res, risk.Options{Prices: cat})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, write(t, res, Options{Lang: "en", Date: testDate, Prices: cat}))
	all := rows(t, f, "Risk")
	var got []string // "id cost course participants" of each priced gain
	header := false
	for _, r := range all {
		switch {
		case len(r) > 10 && r[10] == "Least cost of a run (DKK)":
			header = true
		case header && len(r) > 12 && r[10] != "":
			id, _, _ := strings.Cut(r[1], " ") // "1.1 Uses …"
			got = append(got, id+" "+r[10]+" "+r[11]+" "+r[12])
		}
	}
	var want []string
	for _, h := range rep.Hires {
		for k, d := range h.Changes {
			if q := h.Train[k].Run; q != nil {
				n := nodeID(res.Framework, d.Node)
				want = append(want, fmt.Sprintf("%s %s %s %d", n, groupThousands(q.Cost), q.Course.ID, q.Participants))
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the example catalog prices no gain")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("priced gains on the sheet:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if text := strings.Join(flatten(all), "\n"); !strings.Contains(text, "A run is the cheapest single run of a catalog course") {
		t.Error("the sheet does not say how a run is priced")
	}
}

// groupThousands writes n as the sheet's #,##0 shows it.
func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
