package workbook

import (
	"bytes"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/plan"
	"github.com/huller/huller/pkg/roster"
	"github.com/xuri/excelize/v2"
)

// examplePlan plans the example roster (with edits) with the example
// catalog.
func examplePlan(t testing.TB, s analysis.Settings, edit func(*roster.Roster)) *plan.Plan {
	t.Helper()
	fw := builtin(t, "fagligheder-fase3")
	ros, err := roster.Read(roster.Source{Name: examples.RosterName, R: bytes.NewReader(examples.Roster)}, fw, roster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(ros)
	}
	cat, diags := catalog.Parse(examples.CatalogName, examples.Catalog)
	if len(diags.Errors()) > 0 {
		t.Fatal(diags)
	}
	if d := catalog.Check(cat, fw); len(d.Errors()) > 0 {
		t.Fatal(d)
	}
	p, err := plan.Make(fw, ros, s, cat, plan.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func writePlan(t *testing.T, p *plan.Plan, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WritePlan(&b, p, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPlanWorkbook: the sheets, in order, hold what the plan holds: a row
// per run, per joint activity, per person and activity, per pairing, per
// need, per wish and per assessment; the Overview names no person.
func TestPlanWorkbook(t *testing.T) {
	p := examplePlan(t, analysis.DefaultSettings(), nil)
	f := open(t, writePlan(t, p, Options{Lang: "en", Date: testDate}))
	want := []string{"Overview", "Courses", "Joint activities", "Participants", "Colleagues", "People", "Unmet needs", "To assess"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q", got)
	}
	joint := len(p.Joint)
	for _, r := range p.Runs {
		if r.Course.IsJoint() {
			joint++
		}
	}
	participation := map[[3]int32]bool{}
	for _, n := range p.Needs {
		if n.Route.Served() {
			participation[[3]int32{n.Person, int32(n.Route), n.Activity}] = true
		}
	}
	for sheet, n := range map[string]int{"Courses": len(p.Runs), "Joint activities": joint, "Participants": len(participation),
		"Colleagues": len(p.Pairs), "People": len(p.Needs), "Unmet needs": len(p.Unmet), "To assess": len(p.Assessments)} {
		if got := len(rows(t, f, sheet)) - 1; got != n {
			t.Errorf("%s: %d rows, want %d", sheet, got, n)
		}
	}
	// the first run, as the plan has it
	r := p.Runs[0]
	if got := get(t, f, "Courses", "A2"); got != r.Course.ID {
		t.Errorf("Courses!A2 = %q, want %q", got, r.Course.ID)
	}
	if got, _ := f.GetCellValue("Courses", "I2", excelize.Options{RawCellValue: true}); got != strconv.FormatInt(r.Cost, 10) {
		t.Errorf("Courses!I2 = %q, want the run's cost %d", got, r.Cost)
	}
	// each person's needs in priority order, with the level now, the goal
	// and the level expected
	var needs []int32
	for q := range p.Before.People {
		needs = append(needs, p.PersonNeeds(q)...)
	}
	for i, row := range rows(t, f, "People")[1:] {
		n := p.Needs[needs[i]]
		want := []string{strconv.Itoa(int(n.Level)), strconv.Itoa(int(n.Goal)), strconv.Itoa(int(n.Expected))}
		if row[0] != p.Before.People[n.Person].Name || row[5] != p.Framework.Leaves[n.Leaf].ID || !slices.Equal(row[8:11], want) {
			t.Fatalf("People row %d: %q, want need %+v", i+2, row, n)
		}
	}
	// the Overview: no person's name; the coverage before and after
	overview := strings.Join(planCells(rows(t, f, "Overview")), "\n")
	for _, per := range p.Before.People {
		if strings.Contains(overview, per.Name) {
			t.Errorf("the Overview names %s", per.Name)
		}
	}
	for _, s := range []string{"The plan in figures", "Before and after the plan", "The holes before and after", "closed", "136,000 DKK"} {
		if !strings.Contains(overview, s) {
			t.Errorf("the Overview lacks %q", s)
		}
	}
	charts := 0
	for name := range parts(t, writePlan(t, p, Options{Lang: "en"})) {
		if strings.HasPrefix(name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 2 {
		t.Errorf("%d charts, want 2", charts)
	}
}

func planCells(rs [][]string) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r...)
	}
	return out
}

// TestPlanDeterministic: the same plan gives the same bytes, whatever the
// number of cores.
func TestPlanDeterministic(t *testing.T) {
	p := examplePlan(t, analysis.DefaultSettings(), nil)
	opts := Options{Lang: "da", Date: testDate}
	first := writePlan(t, p, opts)
	prev := runtime.GOMAXPROCS(1)
	one := writePlan(t, p, opts)
	runtime.GOMAXPROCS(2)
	two := writePlan(t, p, opts)
	runtime.GOMAXPROCS(prev)
	if !bytes.Equal(first, one) || !bytes.Equal(first, two) {
		t.Error("two plan workbooks of the same plan differ")
	}
}

// TestPlanLanguages: the sheets are named in each language.
func TestPlanLanguages(t *testing.T) {
	p := examplePlan(t, analysis.DefaultSettings(), nil)
	for code, first := range map[string]string{"da": "Overblik", "sl": "Pregled"} {
		f := open(t, writePlan(t, p, Options{Lang: code}))
		if got := f.GetSheetList(); got[0] != first || len(got) != 8 {
			t.Errorf("%s: sheets %q", code, got)
		}
	}
}

// TestPlanPerson: with a person filter, no sheet names another person but
// as one who would teach them.
func TestPlanPerson(t *testing.T) {
	s := analysis.DefaultSettings()
	s.Person = "N1001"
	p := examplePlan(t, s, nil)
	me := p.Before.Listed[0]
	allowed := map[string]bool{p.Before.People[me].Name: true}
	for _, n := range p.Needs {
		switch {
		case n.Person != me:
		case n.Route == plan.RouteJoint:
			allowed[p.Before.People[p.Joint[n.Activity].Lead].Name] = true
		case n.Route == plan.RouteColleague:
			allowed[p.Before.People[p.Pairs[n.Activity].Colleague].Name] = true
		}
	}
	f := open(t, writePlan(t, p, Options{Lang: "en"}))
	var all []string
	for _, sheet := range f.GetSheetList() {
		all = append(all, planCells(rows(t, f, sheet))...)
	}
	text := strings.Join(all, "\n")
	for _, per := range p.Before.People {
		if !allowed[per.Name] && strings.Contains(text, per.Name) {
			t.Errorf("the person's workbook names %s", per.Name)
		}
	}
	if got := len(rows(t, f, "People")) - 1; got != len(p.PersonNeeds(int(me))) {
		t.Errorf("People: %d rows, want the person's %d needs", got, len(p.PersonNeeds(int(me))))
	}
}

// TestPlanFormulaInjection: names that look like formulas stay text.
func TestPlanFormulaInjection(t *testing.T) {
	p := examplePlan(t, analysis.DefaultSettings(), func(r *roster.Roster) {
		for i, s := range hostile {
			r.Persons[i].Name = s
			r.Persons[i].Team = s
		}
	})
	data := writePlan(t, p, Options{Lang: "en"})
	for name, x := range parts(t, data) {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && strings.Contains(x, "<f>") {
			t.Errorf("%s holds a formula", name)
		}
	}
	f := open(t, data)
	found := 0
	for _, sheet := range f.GetSheetList() {
		for r, row := range rows(t, f, sheet) {
			for c, v := range row {
				if v != hostile[0] {
					continue
				}
				found++
				if ty, _ := f.GetCellType(sheet, cell(c+1, r+1)); ty != excelize.CellTypeInlineString && ty != excelize.CellTypeSharedString {
					t.Errorf("%s!%s has type %v", sheet, cell(c+1, r+1), ty)
				}
			}
		}
	}
	if found == 0 {
		t.Error("the hostile name is nowhere")
	}
}

// TestPlanContinuation: a list longer than a sheet continues on the next,
// below its own header, and the Overview says so.
func TestPlanContinuation(t *testing.T) {
	p := examplePlan(t, analysis.DefaultSettings(), nil)
	f := open(t, writePlan(t, p, Options{Lang: "en", Limits: Limits{Rows: 40}}))
	sheets := f.GetSheetList()
	if !slices.Contains(sheets, "People (2)") || !slices.Contains(sheets, "People (5)") {
		t.Fatalf("sheets %q", sheets)
	}
	total := 0
	for _, s := range sheets {
		if strings.HasPrefix(s, "People") {
			rs := rows(t, f, s)
			if rs[0][0] != "Name" {
				t.Errorf("%s: header %q", s, rs[0])
			}
			total += len(rs) - 1
		}
	}
	if total != len(p.Needs) {
		t.Errorf("People sheets hold %d needs, want %d", total, len(p.Needs))
	}
	if overview := strings.Join(planCells(rows(t, f, "Overview")), "\n"); !strings.Contains(overview, "People continues on People (2)") {
		t.Error("the Overview does not say that People continues")
	}
}

// BenchmarkWritePlan10k writes the plan workbook of a generated roster of
// 10,000 persons with the example catalog.
func BenchmarkWritePlan10k(b *testing.B) {
	fw := builtin(b, "fagligheder-fase3")
	cat, diags := catalog.Parse(examples.CatalogName, examples.Catalog)
	if len(diags.Errors()) > 0 {
		b.Fatal(diags)
	}
	catalog.Check(cat, fw)
	p, err := plan.Make(fw, genRoster(b, fw, 10_000, 20, 1), analysis.DefaultSettings(), cat, plan.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	for b.Loop() {
		var buf bytes.Buffer
		if err := WritePlan(&buf, p, Options{Lang: "da", TmpDir: b.TempDir()}); err != nil {
			b.Fatal(err)
		}
		n = buf.Len()
	}
	b.ReportMetric(float64(n)/1e6, "MB")
	b.ReportMetric(float64(len(p.Needs)), "needs")
}

// TestReportPlanSheet: with a plan, the report gets a Plan sheet after
// Risk summing it up as the plan workbook's Overview does — the plan in
// figures, the unit and each hole before and after, the coverage, two
// charts — naming no person and pointing to huller plan; without one, no
// Plan sheet.
func TestReportPlanSheet(t *testing.T) {
	p := examplePlan(t, analysis.DefaultSettings(), nil)
	f := open(t, write(t, p.Before, Options{Lang: "en", Date: testDate, Plan: p}))
	sheets := f.GetSheetList()
	if i := slices.Index(sheets, "Plan"); i < 0 || sheets[i-1] != "Risk" {
		t.Fatalf("sheets %q: want Plan after Risk", sheets)
	}
	text := strings.Join(planCells(rows(t, f, "Plan")), "\n")
	for _, per := range p.Before.People {
		if strings.Contains(text, per.Name) || strings.Contains(text, per.ID) {
			t.Errorf("the Plan sheet names %s", per.Name)
		}
	}
	k := p.Counts()
	for _, s := range []string{"The development plan in brief", "huller plan examples/nordby-roster.csv --catalog examples/kursuskatalog.yaml -o plan.xlsx",
		"The plan in figures", "Before and after the plan", "The holes before and after", "closed", "136,000 DKK",
		strconv.Itoa(len(p.Pairs)) + " pairs for " + strconv.Itoa(k.Colleague) + " needs"} {
		if !strings.Contains(text, s) {
			t.Errorf("the Plan sheet lacks %q", s)
		}
	}
	charts := 0
	for name := range parts(t, write(t, p.Before, Options{Lang: "en", Plan: p})) {
		if strings.HasPrefix(name, "xl/charts/chart") {
			charts++
		}
	}
	without := 0
	for name := range parts(t, write(t, p.Before, Options{Lang: "en"})) {
		if strings.HasPrefix(name, "xl/charts/chart") {
			without++
		}
	}
	if charts != without+2 {
		t.Errorf("%d charts with the plan, %d without: want 2 more", charts, without)
	}
	if slices.Contains(open(t, write(t, p.Before, Options{Lang: "en"})).GetSheetList(), "Plan") {
		t.Error("a report without a plan has a Plan sheet")
	}
}
