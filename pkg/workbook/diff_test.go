package workbook

import (
	"bytes"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/render"
	"github.com/huller/huller/pkg/roster"
	"github.com/xuri/excelize/v2"
)

// exampleDiff compares the example job centre's two mappings.
func exampleDiff(t *testing.T) *diff.Result {
	t.Helper()
	fw := builtin(t, "fagligheder-fase3")
	read := func(name string, data []byte) diff.Input {
		r, err := roster.Read(roster.Source{Name: name, R: bytes.NewReader(data)}, fw, roster.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return diff.Input{Framework: fw, Roster: r, Settings: analysis.DefaultSettings()}
	}
	d, err := diff.Compare(read(examples.Mapping2026Name, examples.Mapping2026), read(examples.Mapping2027Name, examples.Mapping2027), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func writeDiff(t *testing.T, d *diff.Result, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDiff(&buf, d, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDiffWorkbook reads the example's workbook back: its sheets in two
// languages, the key figures, a row per hole and per person, the level
// changes on the Heatmap, the chart.
func TestDiffWorkbook(t *testing.T) {
	d := exampleDiff(t)
	data := writeDiff(t, d, Options{Lang: "en", Date: testDate})
	f := open(t, data)
	if got := strings.Join(f.GetSheetList(), ","); got != "Overview,Huller,People,Heatmap" {
		t.Errorf("sheets %s", got)
	}
	if !strings.Contains(string(data), "xl/charts/chart1.xml") {
		t.Error("no chart")
	}
	ov := rows(t, f, "Overview")
	find := func(label string) []string {
		for _, r := range ov {
			if len(r) > 0 && r[0] == label {
				return r
			}
		}
		t.Fatalf("no row %q on the Overview", label)
		return nil
	}
	if r := find("Persons"); r[2] != "40" || r[3] != "41" || r[4] != "+1" {
		t.Errorf("persons %q", r)
	}
	gb, ga := d.Before.Summary.Basis.GapSum, d.After.Summary.Basis.GapSum
	if r := find("Gap sum (levels)"); r[2] != strconv.Itoa(int(gb)) || r[3] != strconv.Itoa(int(ga)) {
		t.Errorf("gap sum %q, want %d and %d", r, gb, ga)
	}
	if got := len(rows(t, f, "Huller")); got != len(d.Holes)+1 {
		t.Errorf("Huller has %d rows for %d holes", got, len(d.Holes))
	}
	people := rows(t, f, "People")
	if len(people) != len(d.People)+1 {
		t.Fatalf("People has %d rows for %d persons", len(people), len(d.People))
	}
	// Bo Kjær, first in both, took the writing course: 4.6 up from 2 to 3
	if r := people[1]; r[0] != "in both" || r[1] != "Bo Kjær" || r[7] != "1" || !strings.Contains(r[22], "4.6 2→3") {
		t.Errorf("Bo Kjær: %q", r)
	}
	heat := rows(t, f, "Heatmap")
	col := -1
	for i, h := range heat[2] {
		if h == "4.6" {
			col = i
		}
	}
	if col < 0 || heat[3][0] != "Bo Kjær" || heat[3][col] != "+1" {
		t.Errorf("heatmap: %q, column %d", heat[3], col)
	}
	// a removed assessment is marked r
	for _, r := range heat[3:] {
		if r[0] == "Trine Bak" && !strings.Contains(strings.Join(r, ","), "r") {
			t.Errorf("Trine Bak's removed assessment is not marked: %q", r)
		}
	}
	da := open(t, writeDiff(t, d, Options{Lang: "da", Date: testDate}))
	if got := strings.Join(da.GetSheetList(), ","); got != "Overblik,Huller,Medarbejdere,Kompetencematrix" {
		t.Errorf("Danish sheets %s", got)
	}
}

// TestDiffDeterministic: the same comparison gives the same bytes, on one
// core or two.
func TestDiffDeterministic(t *testing.T) {
	d := exampleDiff(t)
	opts := Options{Lang: "da", Date: testDate}
	first := writeDiff(t, d, opts)
	prev := runtime.GOMAXPROCS(1)
	one := writeDiff(t, d, opts)
	runtime.GOMAXPROCS(prev)
	if !bytes.Equal(first, one) || !bytes.Equal(first, writeDiff(t, d, opts)) {
		t.Error("two workbooks of the same comparison differ")
	}
}

// TestDiffText: names, teams and ids that look like formulas stay text.
func TestDiffText(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	a := genRoster(t, fw, 12, 2, 3)
	b := genRoster(t, fw, 12, 2, 3)
	for i, s := range hostile {
		for _, r := range []*roster.Roster{a, b} {
			r.Persons[i].Name, r.Persons[i].Team, r.Persons[i].Assessor = s, s, s
		}
		b.Persons[i].Scores[0] = (b.Persons[i].Scores[0] + 1) % 4
	}
	d, err := diff.Compare(diff.Input{Framework: fw, Roster: a, Settings: analysis.DefaultSettings()},
		diff.Input{Framework: fw, Roster: b, Settings: analysis.DefaultSettings()}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data := writeDiff(t, d, Options{Lang: "en"})
	for name, x := range parts(t, data) {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && strings.Contains(x, "<f>") {
			t.Errorf("%s holds a formula", name)
		}
	}
	f := open(t, data)
	seen := 0
	for _, sheet := range []string{"People", "Heatmap"} {
		for r, row := range rows(t, f, sheet) {
			for c, v := range row {
				if v == hostile[0] {
					seen++
					if ty, _ := f.GetCellType(sheet, cell(c+1, r+1)); ty != excelize.CellTypeInlineString && ty != excelize.CellTypeSharedString {
						t.Errorf("%s!%s has type %v", sheet, cell(c+1, r+1), ty)
					}
				}
			}
		}
	}
	if seen < 3 {
		t.Errorf("the hostile name was found %d times", seen)
	}
}

// exampleFollowUp compares the example's two mappings with the plan huller
// makes from the example roster (the first mapping's persons and levels).
func exampleFollowUp(t *testing.T) *diff.Result {
	t.Helper()
	p := examplePlan(t, analysis.DefaultSettings(), nil)
	var js bytes.Buffer
	if err := render.PlanJSON(&js, p, render.Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	sp, err := diff.ReadPlan("plan.json", &js)
	if err != nil {
		t.Fatal(err)
	}
	fw := p.Framework
	read := func(name string, data []byte) diff.Input {
		r, err := roster.Read(roster.Source{Name: name, R: bytes.NewReader(data)}, fw, roster.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return diff.Input{Framework: fw, Roster: r, Settings: analysis.DefaultSettings()}
	}
	d, err := diff.Compare(read(examples.Mapping2026Name, examples.Mapping2026), read(examples.Mapping2027Name, examples.Mapping2027), diff.Options{Plan: sp})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDiffWorkbookPlan: with a plan, the Overview opens with the needs by
// route, naming no person, and two sheets follow it: a row per activity
// and per need, as the follow-up counts them; the same bytes every time.
func TestDiffWorkbookPlan(t *testing.T) {
	d := exampleFollowUp(t)
	fu := d.Plan
	data := writeDiff(t, d, Options{Lang: "en", Date: testDate})
	f := open(t, data)
	if got := strings.Join(f.GetSheetList(), ","); got != "Overview,Planned activities,Planned needs,Huller,People,Heatmap" {
		t.Fatalf("sheets %s", got)
	}
	ov := rows(t, f, "Overview")
	var routes [][]string
	for i, r := range ov {
		if len(r) > 0 && r[0] == "Did the planned development happen? (plan.json)" {
			routes = ov[i+2 : i+7]
		}
	}
	if len(routes) != 5 || routes[0][0] != "Joint activities (4)" || routes[4][0] != "All needs" {
		t.Fatalf("the Overview's routes: %q", routes)
	}
	tot := fu.Totals()
	if r := routes[4]; r[2] != strconv.Itoa(tot.Needs()) || r[3] != strconv.Itoa(tot[diff.PlanMet]) ||
		r[4] != strconv.Itoa(tot[diff.PlanPartly]) || r[5] != strconv.Itoa(tot[diff.PlanNotYet]) {
		t.Errorf("all needs %q, want %v", r, tot)
	}
	text := strings.Join(flatten(ov), "\n")
	for _, n := range fu.Plan.Persons {
		if strings.Contains(text, n.Name) {
			t.Fatalf("the Overview names %q", n.Name)
		}
	}
	acts := rows(t, f, "Planned activities")
	if len(acts) != 1+len(fu.Plan.Joint)+len(fu.Plan.Pairs)+len(fu.Plan.Runs) {
		t.Fatalf("%d rows of activities", len(acts))
	}
	if r := acts[1]; r[1] != "Joint activity on 4.6 for the whole unit, led by Jesper Thorsen (N1021)" || r[2] != "24" || r[3] != "13" || r[4] != "5" {
		t.Errorf("the joint activity on 4.6: %q", r)
	}
	needs := rows(t, f, "Planned needs")
	if len(needs) != 1+len(fu.Plan.Needs) {
		t.Fatalf("%d rows of needs for %d", len(needs), len(fu.Plan.Needs))
	}
	found := false
	for k, r := range needs[1:] {
		want := map[diff.Outcome]string{diff.PlanMet: "Met", diff.PlanPartly: "Partly", diff.PlanNotYet: "Not yet",
			diff.PlanCarriedOver: "Not assessed again", diff.PlanNotAssessed: "Not assessed", diff.PlanLeft: "Left"}[fu.Needs[k].Outcome]
		if len(r) < 13 || r[12] != want {
			t.Fatalf("need %d: %q, want %s", k, r, want)
		}
		if r[0] == "Bo Kjær" && r[2] == "4.6" {
			found = true
			if r[4] != "Joint activity" || r[6] != "2" || r[7] != "3" || r[9] != "2" || r[10] != "3" || r[11] != "reassessed" {
				t.Errorf("Bo Kjær's need on 4.6: %q", r)
			}
		}
	}
	if !found {
		t.Error("no row for Bo Kjær's need on 4.6")
	}
	prev := runtime.GOMAXPROCS(1)
	again := writeDiff(t, d, Options{Lang: "en", Date: testDate})
	runtime.GOMAXPROCS(prev)
	if !bytes.Equal(data, again) {
		t.Error("two writes of the same comparison differ")
	}
	da := open(t, writeDiff(t, d, Options{Lang: "da", Date: testDate}))
	if got := strings.Join(da.GetSheetList(), ","); !strings.HasPrefix(got, "Overblik,Planlagte aktiviteter,Planlagte behov,") {
		t.Errorf("Danish sheets %s", got)
	}
}
