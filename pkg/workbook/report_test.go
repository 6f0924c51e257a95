package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"math"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/rostertest"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/roster"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

var testDate = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func write(t *testing.T, res *analysis.Result, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, res, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open report: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// parts returns the parts of the workbook by name, uncompressed.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		out[zf.Name] = string(b)
	}
	return out
}

// sheetPart returns the XML of a sheet.
func sheetPart(t *testing.T, f *excelize.File, p map[string]string, sheet string) string {
	t.Helper()
	i, err := f.GetSheetIndex(sheet)
	if err != nil || i < 0 {
		t.Fatalf("no sheet %q", sheet)
	}
	// sheets are created in order: sheetN.xml is the N-th
	return p["xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml"]
}

func rows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	r, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("rows of %q: %v", sheet, err)
	}
	return r
}

func get(t *testing.T, f *excelize.File, sheet, c string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, c)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, c, err)
	}
	return v
}

func team40(t *testing.T) *analysis.Result {
	return genResult(t, 40, 3, analysis.DefaultSettings())
}

func TestSheetsAndOverview(t *testing.T) {
	res := team40(t)
	data := write(t, res, Options{Lang: "en", Date: testDate, RosterFile: "team.xlsx"})
	f := open(t, data)
	if got, want := f.GetSheetList(), sheetNames("en"); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	if got := get(t, f, "Overview", "A1"); !strings.Contains(got, "Professional competences in employment services") {
		t.Errorf("title %q", got)
	}
	ov := rows(t, f, "Overview")
	find := func(label string) []string {
		for _, r := range ov {
			if len(r) > 0 && r[0] == label {
				return r
			}
		}
		t.Fatalf("Overview has no row %q", label)
		return nil
	}
	if r := find("Roster file"); r[2] != "team.xlsx" {
		t.Errorf("roster file %q", r[2])
	}
	if r := find("Date"); r[2] != "2026-11-23 10:00" {
		t.Errorf("date %q", r[2])
	}
	if r := find("Holes in all"); r[2] != strconv.Itoa(len(res.Holes)) {
		t.Errorf("holes %q, want %d", r[2], len(res.Holes))
	}
	// the conclusions: the first holes in rank order, in words
	var top []string
	for i, r := range ov {
		if len(r) > 0 && r[0] == "Conclusions" {
			for _, x := range ov[i+2 : i+2+min(maxConclusions, len(res.Holes))] {
				top = append(top, x[1])
			}
		}
	}
	for i, s := range top {
		if h := res.Holes[i]; !strings.Contains(s, ": "+h.Node.ID+" ") {
			t.Errorf("conclusion %d is %q, want hole %s", i+1, s, h.Node.ID)
		}
	}
	if len(top) == 0 {
		t.Error("no conclusions on the Overview")
	}
	// the Overview is shown in meetings: no person's name on it
	for _, r := range ov {
		for _, c := range r {
			for _, p := range res.People {
				if strings.Contains(c, p.Name) {
					t.Errorf("the Overview names %s: %q", p.Name, c)
				}
			}
		}
	}
	dp, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if dp.Created != "2026-11-23T10:00:00Z" || dp.Modified != dp.Created || dp.Creator != "huller" {
		t.Errorf("doc props %+v", dp)
	}
	// red/green coverage against the threshold
	cf, err := f.GetConditionalFormats("Overview")
	if err != nil || len(cf) != 1 {
		t.Fatalf("Overview conditional formats %v, %v", cf, err)
	}
	for _, rules := range cf {
		if len(rules) != 2 || rules[0].Criteria != "less than" || rules[0].Value != "0.8" {
			t.Errorf("coverage rules %+v", rules)
		}
	}
}

func TestCharts(t *testing.T) {
	res := team40(t)
	data := write(t, res, Options{Lang: "en", Date: testDate})
	p := parts(t, data)
	n1, c1 := chartWith(p, "<lineChart>")
	n2, c2 := chartWith(p, "Persons fitting each profile")
	if c1 == "" || c2 == "" {
		t.Fatalf("charts missing: %v", keys(p))
	}
	// coverage: one column series per basis group and a threshold line,
	// all data on the Overview
	if n := strings.Count(c1, "<ser>"); n != len(res.Framework.Basis)+1 {
		t.Errorf("coverage chart has %d series, want %d", n, len(res.Framework.Basis)+1)
	}
	for _, want := range []string{"<barChart>", `<barDir val="col">`, "<lineChart>", "Coverage per basic competence",
		`'Overview'!$A$`, `formatCode="0%"`, `<max val="1">`, `<overlap val="100">`} {
		if !strings.Contains(c1, want) {
			t.Errorf("coverage chart lacks %s", want)
		}
	}
	if !strings.Contains(c2, "Persons fitting each profile") || strings.Count(c2, "<ser>") != 2 ||
		!strings.Contains(c2, `<barDir val="bar">`) {
		t.Errorf("profile chart:\n%s", c2)
	}
	if !sameDrawing(p, n1, n2) {
		t.Error("charts not in the Overview's drawing")
	}
	// the series names and values refer to cells holding the data
	f := open(t, data)
	re := regexp.MustCompile(`<f>'Overview'!\$([A-Z]+)\$(\d+)</f>`)
	names := re.FindAllStringSubmatch(c1, -1)
	if len(names) == 0 {
		t.Fatal("no series names by reference")
	}
	var got []string
	for _, m := range names {
		got = append(got, get(t, f, "Overview", m[1]+m[2]))
	}
	if !slices.Contains(got, "Threshold") || !slices.Contains(got, "1 Organisational knowledge and competence") {
		t.Errorf("series names %q", got)
	}
	checkCoverageChart(t, data, res)
	hidden, err := f.GetColVisible("Overview", xlsxstream.ColName(helperCol))
	if err != nil || hidden {
		t.Errorf("chart data column visible=%v, %v", hidden, err)
	}
}

// chartWith returns the name and the text of the chart whose XML holds s.
func chartWith(p map[string]string, s string) (name, text string) {
	for k, v := range p {
		if strings.HasPrefix(k, "xl/charts/chart") && strings.Contains(html.UnescapeString(v), s) {
			return k, html.UnescapeString(v)
		}
	}
	return "", ""
}

// sameDrawing reports whether one drawing holds both charts.
func sameDrawing(p map[string]string, c1, c2 string) bool {
	for k, v := range p {
		if strings.HasPrefix(k, "xl/drawings/_rels/") && strings.Contains(v, path.Base(c1)) && strings.Contains(v, path.Base(c2)) {
			return true
		}
	}
	return false
}

// checkCoverageChart checks that the coverage chart's categories and values
// are the rows of the Overview's coverage table: the first and the last
// basis leaf.
func checkCoverageChart(t *testing.T, data []byte, res *analysis.Result) {
	t.Helper()
	_, c1 := chartWith(parts(t, data), "<lineChart>")
	f := open(t, data)
	cat := regexp.MustCompile(`<cat><strRef><f>'Overview'!\$A\$(\d+):\$A\$(\d+)</f>`).FindStringSubmatch(c1)
	if cat == nil {
		t.Fatal("coverage chart has no categories on the Overview")
	}
	bl := res.Framework.BasisLeaves
	if a, z := get(t, f, "Overview", "A"+cat[1]), get(t, f, "Overview", "A"+cat[2]); a != bl[0].ID || z != bl[len(bl)-1].ID {
		t.Errorf("chart categories %s..%s hold %q..%q, want %s..%s", cat[1], cat[2], a, z, bl[0].ID, bl[len(bl)-1].ID)
	}
	val := regexp.MustCompile(`<val><numRef><f>'Overview'!\$[A-Z]+\$(\d+):\$[A-Z]+\$(\d+)</f>`).FindAllStringSubmatch(c1, -1)
	if len(val) != len(res.Framework.Basis)+1 {
		t.Fatalf("coverage chart has %d value ranges, want %d", len(val), len(res.Framework.Basis)+1)
	}
	for _, v := range val {
		if v[1] != cat[1] || v[2] != cat[2] {
			t.Errorf("values on rows %s..%s, categories on %s..%s", v[1], v[2], cat[1], cat[2])
		}
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestHuller(t *testing.T) {
	res := team40(t)
	data := write(t, res, Options{Lang: "en"})
	f := open(t, data)
	r := rows(t, f, "Huller")
	if len(r) != len(res.Holes)+1 {
		t.Fatalf("%d rows, want %d holes + header", len(r), len(res.Holes))
	}
	head := r[0]
	col := func(name string) int {
		i := slices.Index(head, name)
		if i < 0 {
			t.Fatalf("no column %q in %q", name, head)
		}
		return i
	}
	for i, h := range res.Holes {
		row := r[i+1]
		if row[col("ID")] != h.Node.ID || row[col("#")] != strconv.Itoa(i+1) ||
			row[col("Levels to raise")] != strconv.Itoa(h.Effort) {
			t.Errorf("row %d: %q, want hole %s effort %d", i+2, row, h.Node.ID, h.Effort)
		}
	}
	// the first basis hole: who is below it, who could teach it
	i := slices.IndexFunc(res.Holes, func(h analysis.Hole) bool { return h.Kind == analysis.KindBasis })
	if i < 0 {
		t.Fatal("no basis hole in the test team")
	}
	h, row := res.Holes[i], r[i+1]
	names := personNames(res)
	for _, p := range h.People {
		if !strings.Contains(row[col("Who is below it")], names[p]) {
			t.Errorf("%s: %q not among who is below it %q", h.Node.ID, names[p], row[col("Who is below it")])
		}
	}
	teachers := res.Teachers(h.Node.Leaf)
	if row[col("Can teach others (persons)")] != strconv.Itoa(len(teachers)) {
		t.Errorf("%s: %s can teach, want %d", h.Node.ID, row[col("Can teach others (persons)")], len(teachers))
	}
	for _, p := range teachers {
		if !strings.Contains(row[col("Who could teach colleagues")], names[p]) {
			t.Errorf("%s: teacher %q missing", h.Node.ID, names[p])
		}
	}
	if row[col("Priority")] != "The unit cannot deliver" || !strings.Contains(row[col("Status")], "meet the requirement") {
		t.Errorf("%s: priority %q status %q", h.Node.ID, row[col("Priority")], row[col("Status")])
	}
	// autofilter, frozen header, comments on the headers
	p := parts(t, data)
	if !strings.Contains(sheetPart(t, f, p, "Huller"), `<autoFilter ref="$A$1:$N$`+strconv.Itoa(len(res.Holes)+1)+`"`) {
		t.Error("Huller has no autofilter over the holes")
	}
	panes, err := f.GetPanes("Huller")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, %v", panes, err)
	}
	comments, err := f.GetComments("Huller")
	if err != nil || len(comments) != 3 {
		t.Errorf("comments %d, %v", len(comments), err)
	}
}

func TestHeatmap(t *testing.T) {
	res := team40(t)
	data := write(t, res, Options{Lang: "en"})
	f := open(t, data)
	fw := res.Framework
	hm := newHeatmapLayout(&builder{res: res, lim: Limits{Cols: MaxCols}, profName: make([]string, len(fw.Profiles)),
		roleName: make([]string, len(res.Roles))})
	K := len(hm.keys)
	head := K + 3 // title, group row, column headers (depth 1)
	if hm.headRows != head {
		t.Fatalf("head rows %d, want %d", hm.headRows, head)
	}
	// hidden requirement rows; the requirement of every person's cells
	for k := 1; k <= K; k++ {
		if vis, _ := f.GetRowVisible("Heatmap", k); vis {
			t.Errorf("requirement row %d visible", k)
		}
	}
	if vis, _ := f.GetColVisible("Heatmap", "E"); vis {
		t.Error("key column E visible")
	}
	for p := range res.People {
		r := head + 1 + p
		if get(t, f, "Heatmap", cell(1, r)) != res.People[p].Name {
			t.Fatalf("row %d is not %s", r, res.People[p].Name)
		}
		key, _ := strconv.Atoi(get(t, f, "Heatmap", cell(5, r)))
		for l := range fw.Leaves {
			want := ""
			if L := res.Level(p, l); L >= 0 {
				want = strconv.Itoa(int(L))
			}
			if got := get(t, f, "Heatmap", cell(hmFixed+1+l, r)); got != want {
				t.Errorf("%s on %s: %q, want %q", res.People[p].Name, fw.Leaves[l].ID, got, want)
			}
			R := res.Required(p, l)
			if l >= len(fw.BasisLeaves) && res.IsExpected(p, profileIndex(fw, fw.Leaves[l].Profile)) {
				R = int(res.Targets[l])
			}
			if got := get(t, f, "Heatmap", cell(hmFixed+1+l, key)); got != strconv.Itoa(R) {
				t.Fatalf("%s on %s: requirement %q, want %d", res.People[p].Name, fw.Leaves[l].ID, got, R)
			}
		}
	}
	// conditional formats: grey, red, orange, amber, green
	cf, err := f.GetConditionalFormats("Heatmap")
	if err != nil {
		t.Fatal(err)
	}
	rng := cell(hmFixed+1, head+1) + ":" + cell(hmFixed+len(fw.Leaves), head+len(res.People))
	rules := cf[rng]
	if len(rules) != 5 {
		t.Fatalf("conditional formats %v, want 5 rules on %s", cf, rng)
	}
	for i, want := range []string{`F%d=""`, `-F%d>=3`, `-F%d=2`, `-F%d=1`, `F%d>=INDEX`} {
		if w := fmt.Sprintf(want, head+1); rules[i].Type != "formula" || !strings.Contains(rules[i].Criteria, w) {
			t.Errorf("rule %d: %+v, want %s", i, rules[i], w)
		}
	}
	for i, c := range []string{colorGap3, colorGap2, colorGap1, colorMet} {
		s, err := f.GetConditionalStyle(*rules[i+1].Format)
		if err != nil || len(s.Fill.Color) == 0 || !strings.EqualFold(strings.TrimPrefix(s.Fill.Color[0], "#"), c) {
			t.Errorf("rule %d fill %+v, want %s", i+1, s, c)
		}
	}
	// frozen panes below the headers, right of the names
	panes, err := f.GetPanes("Heatmap")
	if err != nil || !panes.Freeze || panes.XSplit != hmFixed || panes.YSplit != head {
		t.Errorf("panes %+v, %v", panes, err)
	}
	// merged group headers; leaf headers carry the full name
	merged, err := f.GetMergeCells("Heatmap")
	if err != nil {
		t.Fatal(err)
	}
	var groups []string
	for _, m := range merged {
		groups = append(groups, m.GetCellValue())
	}
	for _, want := range []string{"1 Organisational knowledge and competence", "Gap of 3+ levels"} {
		if !slices.Contains(groups, want) {
			t.Errorf("merged cells %q lack %q", groups, want)
		}
	}
	comments, err := f.GetComments("Heatmap")
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, c := range comments {
		var s strings.Builder
		for _, r := range c.Paragraph {
			s.WriteString(r.Text)
		}
		text[c.Cell] = s.String()
	}
	leaf := fw.Node("1.2")
	if got := text[cell(hmFixed+1+leaf.Leaf, head)]; got != "1.2 "+leaf.Name.In("en", "") {
		t.Errorf("comment on 1.2: %q", got)
	}
}

func TestGapsProfilesPeople(t *testing.T) {
	res := team40(t)
	data := write(t, res, Options{Lang: "en"})
	f := open(t, data)
	p := parts(t, data)
	n := 0
	for _, pp := range res.People {
		n += len(pp.Gaps) + len(pp.ProfileGaps)
	}
	g := rows(t, f, "Gaps")
	if len(g) != n+1 {
		t.Errorf("Gaps has %d rows, want %d + header", len(g), n)
	}
	first := res.People[slices.IndexFunc(res.People, func(p analysis.Person) bool { return len(p.Gaps) > 0 })]
	gp := first.Gaps[0]
	want := []string{first.Name, first.ID, first.Person.Team}
	if !slices.Equal(g[1][:3], want) || g[1][6] != res.Framework.Leaves[gp.Leaf].ID ||
		g[1][8] != strconv.Itoa(int(gp.Level)) || g[1][10] != strconv.Itoa(gp.Size()) {
		t.Errorf("first gap row %q, want %v gap %+v", g[1], want, gp)
	}
	if !strings.Contains(sheetPart(t, f, p, "Gaps"), `<autoFilter ref="$A$1:$K$`+strconv.Itoa(n+1)+`"`) {
		t.Error("Gaps has no autofilter")
	}

	// Profiles: "k of n" per person and profile, green when the person
	// fits, ★ when expected, – when not assessed
	for pi := range res.People {
		for j, pr := range res.Framework.Profiles {
			c := cell(profFixed+1+j, 3+pi)
			v := get(t, f, "Profiles", c)
			want := "–"
			if res.ProfileAssessed(pi, j) > 0 {
				want = fmt.Sprintf("%d of %d", res.AtTarget(pi, j), len(pr.Leaves))
			}
			if res.IsExpected(pi, j) {
				want = "★ " + want
			}
			if v != want {
				t.Fatalf("%s = %q, want %q", c, v, want)
			}
			sid, _ := f.GetCellStyle("Profiles", c)
			s, _ := f.GetStyle(sid)
			green := s.Fill.Type == "pattern" && len(s.Fill.Color) > 0
			if green != res.Fits(pi, j) {
				t.Fatalf("%s green %v, fits %v", c, green, res.Fits(pi, j))
			}
		}
	}

	// People
	pr := rows(t, f, "People")
	if len(pr) != len(res.People)+1 {
		t.Fatalf("People has %d rows", len(pr))
	}
	for i, pp := range res.People {
		if pr[i+1][0] != pp.Name || pr[i+1][7] != strconv.Itoa(int(pp.Basis.Gaps())) ||
			pr[i+1][8] != strconv.Itoa(int(pp.Basis.GapSum)) {
			t.Errorf("People row %d: %q", i+2, pr[i+1])
		}
	}

	// Framework: every node, and the required level of each role
	fr := rows(t, f, "Framework")
	var ids []string
	for _, r := range fr {
		if len(r) > 0 {
			ids = append(ids, strings.TrimSpace(r[0]))
		}
	}
	for _, n := range res.Framework.Nodes() {
		if !slices.Contains(ids, n.ID) {
			t.Errorf("Framework sheet lacks %s", n.ID)
		}
	}
}

// TestDeterministic writes the same report several times: the bytes must
// not change (charts make excelize write [Content_Types].xml in map order),
// also on one core, where the sheets are rendered and deflated one after
// another instead of side by side.
func TestDeterministic(t *testing.T) {
	res := genResult(t, 300, 4, analysis.Settings{Coverage: 0.8, MinSpecialists: 1, ByTeam: true})
	opts := Options{Lang: "da", Date: testDate, Limits: Limits{Rows: 100}}
	first := write(t, res, opts)
	if !strings.Contains(string(first), "xl/charts/chart1.xml") {
		t.Fatal("no chart in the report")
	}
	for range 4 {
		if again := write(t, res, opts); !bytes.Equal(first, again) {
			t.Fatal("two reports of the same input differ")
		}
	}
	sameOnCores(t, res, opts, first)
	// and a different date changes only the dates
	other := write(t, res, Options{Lang: "da", Date: testDate.Add(time.Hour), Limits: Limits{Rows: 100}})
	if bytes.Equal(first, other) {
		t.Error("the date is not in the report")
	}
	// the zip entries are in name order with fixed times
	zr, _ := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		if !zf.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) && !zf.Modified.IsZero() {
			t.Errorf("%s modified %v", zf.Name, zf.Modified)
		}
	}
	if !slices.IsSorted(names) || names[0] != "[Content_Types].xml" {
		t.Errorf("entries not sorted: %q", names)
	}
}

// sameOnCores checks that the report of res has the bytes want with
// GOMAXPROCS 1, 2 and 4.
func sameOnCores(t *testing.T, res *analysis.Result, opts Options, want []byte) {
	t.Helper()
	for _, procs := range []int{1, 2, 4} {
		func() {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			if again := write(t, res, opts); !bytes.Equal(want, again) {
				t.Errorf("the report differs with GOMAXPROCS=%d", procs)
			}
		}()
	}
}

// TestDeterministicLarge: a report whose big sheets are deflated in many
// chunks on several goroutines has the same bytes on 1, 2 and 4 cores.
func TestDeterministicLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 4 reports of 3,000 persons")
	}
	res := genResult(t, 3000, 20, analysis.DefaultSettings())
	opts := Options{Lang: "en", Date: testDate}
	first := write(t, res, opts)
	largest := 0
	for _, p := range parts(t, first) {
		largest = max(largest, len(p))
	}
	if largest < 4<<20 {
		t.Fatalf("the largest part has %d bytes: too few to be deflated in several chunks", largest)
	}
	sameOnCores(t, res, opts, first)
}

func TestZeroDate(t *testing.T) {
	f := open(t, write(t, team40(t), Options{}))
	dp, err := f.GetDocProps()
	if err != nil || dp.Created != "1980-01-01T00:00:00Z" {
		t.Errorf("doc props %+v, %v", dp, err)
	}
	for _, r := range rows(t, f, f.GetSheetList()[0]) {
		if len(r) > 0 && r[0] == "Dato" {
			t.Error("a zero date is shown")
		}
	}
}

// hostile are texts that a spreadsheet would evaluate if they were
// formulas.
var hostile = []string{`=HYPERLINK("http://x","y")`, `+SUM(1,2)`, `-2+3`, `@SUM(A1)`, "=1+1\t", "'=quoted"}

func TestFormulaInjection(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	ro := genRoster(t, fw, 12, 2, 3)
	for i, s := range hostile {
		ro.Persons[i].Name = s
		ro.Persons[i].ID = s
		ro.Persons[i].Team = s
		ro.Persons[i].Role = s // an unknown role: a warning, shown on the Overview
	}
	res, err := analysis.Analyze(fw, ro, analysis.Settings{Coverage: 0.8, MinSpecialists: 1, ByTeam: true})
	if err != nil {
		t.Fatal(err)
	}
	data := write(t, res, Options{Lang: "en", RosterFile: hostile[0]})
	p := parts(t, data)
	for name, x := range p {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && strings.Contains(x, "<f>") {
			t.Errorf("%s holds a formula", name)
		}
	}
	f := open(t, data)
	seen := map[string]int{}
	for _, sheet := range f.GetSheetList() {
		all := rows(t, f, sheet)
		for r, row := range all {
			for c, v := range row {
				for _, s := range hostile {
					if strings.Contains(v, strings.TrimSpace(s)) {
						seen[sheet]++
						ref := cell(c+1, r+1)
						if fo, _ := f.GetCellFormula(sheet, ref); fo != "" {
							t.Errorf("%s!%s is a formula %q", sheet, ref, fo)
						}
						if ty, _ := f.GetCellType(sheet, ref); ty != excelize.CellTypeInlineString && ty != excelize.CellTypeSharedString {
							t.Errorf("%s!%s has type %v", sheet, ref, ty)
						}
					}
				}
			}
		}
	}
	for _, sheet := range []string{"Overview", "Heatmap", "Gaps", "Profiles", "People", "Huller"} {
		if seen[sheet] == 0 {
			t.Errorf("no hostile text found on %s (%v)", sheet, seen)
		}
	}
	if got := get(t, f, "Heatmap", cell(1, 1+newHeatmapLayoutRows(t, res))); got != hostile[0] {
		t.Errorf("first heatmap name %q, want it as text", got)
	}
}

// newHeatmapLayoutRows returns the header rows of a result's heatmap.
func newHeatmapLayoutRows(t *testing.T, res *analysis.Result) int {
	b := &builder{res: res, lim: Limits{Cols: MaxCols}, profName: make([]string, len(res.Framework.Profiles)),
		roleName: make([]string, len(res.Roles))}
	return newHeatmapLayout(b).headRows
}

// TestContinuation makes every big sheet exceed small limits: the rows and
// columns continue on numbered sheets, each with its header, and the
// Overview says so.
func TestContinuation(t *testing.T) {
	res := genResult(t, 120, 3, analysis.DefaultSettings())
	fw := res.Framework
	lim := Limits{Rows: 50, Cols: 20}
	data := write(t, res, Options{Lang: "en", Limits: lim})
	f := open(t, data)
	sheets := f.GetSheetList()
	hmHead := newHeatmapLayoutRows(t, res)
	perPage := lim.Rows - hmHead
	rowPages := (len(res.People) + perPage - 1) / perPage
	colChunks := (len(fw.Leaves) + lim.Cols - hmFixed - 1) / (lim.Cols - hmFixed)
	var heat []string
	for _, s := range sheets {
		if s == "Heatmap" || strings.HasPrefix(s, "Heatmap (") {
			heat = append(heat, s)
		}
	}
	if len(heat) != rowPages*colChunks {
		t.Fatalf("heatmap sheets %q, want %d x %d", heat, rowPages, colChunks)
	}
	// every sheet within the limits; every person once per column chunk;
	// every leaf once per row page
	for _, s := range sheets {
		dim, _ := f.GetSheetDimension(s)
		parts := strings.Split(dim, ":")
		c, r, err := excelize.CellNameToCoordinates(parts[len(parts)-1])
		if err != nil || c > lim.Cols || r > lim.Rows {
			t.Errorf("%s: dimension %s beyond %d x %d", s, dim, lim.Rows, lim.Cols)
		}
	}
	for ci := 0; ci < colChunks; ci++ {
		var names []string
		for pi := 0; pi < rowPages; pi++ {
			sheet := heat[ci*rowPages+pi]
			all := rows(t, f, sheet)
			if len(all) < hmHead || all[hmHead-1][0] != "Name" {
				t.Fatalf("%s has no header", sheet)
			}
			for _, r := range all[hmHead:] {
				names = append(names, r[0])
			}
			if pi == 0 {
				var ids []string
				for _, h := range all[hmHead-1][hmFixed:] {
					ids = append(ids, strings.Fields(h)[0])
				}
				lo := ci * (lim.Cols - hmFixed)
				for i, id := range ids {
					if id != fw.Leaves[lo+i].ID {
						t.Errorf("%s column %d is %s, want %s", sheet, hmFixed+1+i, id, fw.Leaves[lo+i].ID)
					}
				}
			}
		}
		if len(names) != len(res.People) {
			t.Errorf("column chunk %d lists %d persons, want %d", ci, len(names), len(res.People))
		}
	}
	// Gaps: all rows, header on every sheet
	n := 0
	for _, pp := range res.People {
		n += len(pp.Gaps) + len(pp.ProfileGaps)
	}
	got := 0
	for _, s := range sheets {
		if s == "Gaps" || strings.HasPrefix(s, "Gaps (") {
			all := rows(t, f, s)
			if all[0][0] != "Name" {
				t.Errorf("%s has no header", s)
			}
			got += len(all) - 1
		}
	}
	if got != n {
		t.Errorf("Gaps sheets hold %d rows, want %d", got, n)
	}
	// the conditional formats of every sheet cover its own data rows and
	// read the requirements from its own hidden rows
	K := hmHead - 3 // requirement rows (depth 1)
	for i, sheet := range heat {
		all := rows(t, f, sheet)
		cols := min(lim.Cols-hmFixed, len(fw.Leaves)-i/rowPages*(lim.Cols-hmFixed))
		rng := cell(hmFixed+1, hmHead+1) + ":" + cell(hmFixed+cols, len(all))
		cf, err := f.GetConditionalFormats(sheet)
		if err != nil || len(cf) != 1 || len(cf[rng]) != 5 {
			t.Fatalf("%s: conditional formats %v, want 5 rules on %s (%v)", sheet, cf, rng, err)
		}
		want := fmt.Sprintf("INDEX(F$1:F$%d,$E%d)", K, hmHead+1)
		for _, r := range cf[rng] {
			if !strings.Contains(r.Criteria, want) || !strings.Contains(r.Criteria, cell(hmFixed+1, hmHead+1)) {
				t.Errorf("%s: rule %q does not read %s for %s", sheet, r.Criteria, want, cell(hmFixed+1, hmHead+1))
			}
		}
		for _, r := range all[hmHead:] {
			if k, _ := strconv.Atoi(r[hmFixed-1]); k < 1 || k > K {
				t.Fatalf("%s: requirement row %q of %s outside 1..%d", sheet, r[hmFixed-1], r[0], K)
			}
		}
	}
	checkCoverageChart(t, data, res)
	// the Overview names the continuation sheets
	var notes []string
	for _, r := range rows(t, f, "Overview") {
		if len(r) > 0 && strings.Contains(r[0], "continues on") {
			notes = append(notes, r[0])
		}
	}
	for _, base := range []string{"Teams", "Roles", "Heatmap", "Gaps", "Profiles", "People"} {
		if !slices.ContainsFunc(notes, func(s string) bool { return strings.HasPrefix(s, base+" continues on "+base+" (2)") }) {
			t.Errorf("no note on %s in %q", base, notes)
		}
	}
}

func TestLimitsChecked(t *testing.T) {
	res := team40(t)
	for _, l := range []Limits{{Rows: 5}, {Cols: 3}, {Rows: MaxRows + 1}, {CellChars: MaxCellChars + 1}} {
		if err := Write(io.Discard, res, Options{Limits: l}); err == nil {
			t.Errorf("limits %+v accepted", l)
		}
	}
	if err := Write(io.Discard, res, Options{Compression: 42}); err == nil {
		t.Error("compression level 42 accepted")
	}
}

func TestCellLimit(t *testing.T) {
	res := team40(t)
	long := strings.Repeat("Ø", 300)
	res.People[0].Person.Name = long // the roster's person: the analysis keeps a pointer
	data := write(t, res, Options{Lang: "en", Limits: Limits{CellChars: 100, ListChars: 60}})
	f := open(t, data)
	h := len(rows(t, f, "Heatmap")) - len(res.People)
	name := get(t, f, "Heatmap", cell(1, h+1))
	if utf16Len(name) != 100 || !strings.HasSuffix(name, "…") {
		t.Errorf("long name kept as %d characters: %q", utf16Len(name), name)
	}
	for _, r := range rows(t, f, "Huller")[1:] {
		for _, c := range r {
			if utf16Len(c) > 100 {
				t.Errorf("cell of %d characters", utf16Len(c))
			}
		}
		if n, _ := strconv.Atoi(r[9]); n > 5 && !strings.Contains(r[10], "more") {
			t.Errorf("list of %d names not cut: %q", n, r[10])
		}
	}
	found := false
	for _, r := range rows(t, f, "Overview") {
		found = found || len(r) > 0 && strings.Contains(r[0], "are cut short")
	}
	if !found {
		t.Error("the Overview does not mention cut texts")
	}
}

func TestLanguages(t *testing.T) {
	for _, lang := range lang.Languages {
		seen := map[string]bool{}
		for _, s := range sheetNames(lang) {
			if len([]rune(s)) > 26 || strings.ContainsAny(s, `:\/?*[]'`) || seen[strings.ToLower(s)] {
				t.Errorf("%s: bad sheet name %q", lang, s)
			}
			seen[strings.ToLower(s)] = true
		}
	}
	res := team40(t)
	for _, tc := range []struct {
		lang  string
		want  []string
		title string
	}{
		{"da", []string{"Overblik", "Huller", "Teams", "Roller", "Sårbarhed", "Kompetencematrix", "Kompetencegab", "Profiler", "Medarbejdere", "Kompetenceramme"}, "Fagligheder på beskæftigelsesområdet"},
		// the framework has no Slovenian texts: English, as on the terminal
		{"sl", []string{"Pregled", "Vrzeli", "Ekipe", "Vloge", "Ranljivost", "Toplotna karta", "Primanjkljaji", "Profili", "Osebe", "Okvir"}, "Poročilo huller: Professional competences"},
		{"", []string{"Overblik", "Huller", "Teams", "Roller", "Sårbarhed", "Kompetencematrix", "Kompetencegab", "Profiler", "Medarbejdere", "Kompetenceramme"}, "Fagligheder"},
		{"fr", sheetNames("en"), "huller report: Professional competences"}, // no French texts: English labels and framework texts
	} {
		f := open(t, write(t, res, Options{Lang: tc.lang, Limits: Limits{Rows: 30}}))
		var base []string
		for _, s := range f.GetSheetList() {
			if !strings.Contains(s, " (") {
				base = append(base, s)
			}
		}
		if !slices.Equal(base, tc.want) {
			t.Errorf("lang %q: sheets %q, want %q", tc.lang, base, tc.want)
		}
		if !slices.Contains(f.GetSheetList(), tc.want[5]+" (2)") {
			t.Errorf("lang %q: no continuation sheet %q", tc.lang, tc.want[5]+" (2)")
		}
		if a1 := get(t, f, tc.want[0], "A1"); !strings.Contains(a1, tc.title) {
			t.Errorf("lang %q: title %q", tc.lang, a1)
		}
	}
}

// TestNestedFramework: a framework with sub-competences gets a header row
// per level, and a framework language without labels falls back to
// English labels.
func TestNestedFramework(t *testing.T) {
	fw, err := framework.Parse("tiny.yaml", []byte(tinyYAML))
	if err != nil {
		t.Fatal(err)
	}
	cols := []*framework.Node{}
	for _, id := range []string{"A1", "A2", "B1", "P1", "P2", "P3", "P4", "Q1", "Q2"} {
		cols = append(cols, fw.Node(id))
	}
	ro := &roster.Roster{Source: "tiny.csv", Columns: cols, Persons: []roster.Person{
		{Row: 2, Name: "Ann", Role: "lead", Scores: []int8{3, 3, 0, 3, 3, 3, 1, 2, -1}},
		{Row: 3, Name: "Bo", Role: "aide", Scores: []int8{2, -1, -1, 1, 0, -1, 0, 3, 1}},
	}}
	res, err := analysis.Analyze(fw, ro, analysis.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, write(t, res, Options{}))
	hm := newHeatmapLayoutRows(t, res)
	all := rows(t, f, "Heatmap")
	groupRow, subRow := all[hm-3], all[hm-2]
	if groupRow[hmFixed] != "A Group A" || subRow[hmFixed+1] != "A2 A two" {
		t.Errorf("group rows %q / %q", groupRow, subRow)
	}
	if all[hm][0] != "Ann" || all[hm][hmFixed+1] != "3" || all[hm][hmFixed+2] != "3" {
		t.Errorf("Ann's row %q (A2a and A2b take A2's score)", all[hm])
	}
}

var tinyYAML = rostertest.Tiny

func TestEmptyRoster(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	res, err := analysis.Analyze(fw, &roster.Roster{Source: "empty.xlsx", Columns: fw.Leaves}, analysis.DefaultSettings())
	if err != nil {
		t.Skipf("the analysis refuses an empty roster: %v", err)
	}
	f := open(t, write(t, res, Options{Lang: "en"}))
	if len(f.GetSheetList()) != 10 {
		t.Errorf("sheets %q", f.GetSheetList())
	}
}

// TestWellFormed parses every XML part of a report: the rows rendered
// outside excelize must leave the sheets well-formed.
func TestWellFormed(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	ro := genRoster(t, fw, 30, 3, 9)
	for i, s := range append(hostile, "ctl\x02\x1f", "a]]>b", "<x>&amp;</x>", " ") {
		ro.Persons[i].Name = s
	}
	res, err := analysis.Analyze(fw, ro, analysis.Settings{Coverage: 0.8, MinSpecialists: 1, ByTeam: true})
	if err != nil {
		t.Fatal(err)
	}
	for name, x := range parts(t, write(t, res, Options{Lang: "sl", Limits: Limits{Rows: 40}})) {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") && !strings.HasSuffix(name, ".vml") {
			continue
		}
		d := xml.NewDecoder(strings.NewReader(x))
		d.Strict = true
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s: %v", name, err)
				break
			}
		}
	}
}

func TestHullerByTeam(t *testing.T) {
	res := genResult(t, 60, 3, analysis.Settings{Coverage: 0.8, MinSpecialists: 1, ByTeam: true})
	f := open(t, write(t, res, Options{Lang: "en"}))
	r := rows(t, f, "Huller")
	n := len(res.Holes)
	for _, tm := range res.Teams {
		n += len(tm.Holes)
	}
	if len(r) != n+1 || r[0][7] != "Team / Role" {
		t.Fatalf("%d rows, header %q; want %d holes and a team column", len(r), r[0], n)
	}
	if r[1][7] != "The whole unit" || r[len(res.Holes)+1][7] != res.Teams[0].Name {
		t.Errorf("team column %q / %q", r[1][7], r[len(res.Holes)+1][7])
	}
}

// TestTeamsSheet: a row per team after the whole unit, with each team's
// coverage of every basis competence, coloured against the threshold.
func TestTeamsSheet(t *testing.T) {
	res := team40(t)
	f := open(t, write(t, res, Options{Lang: "en"}))
	r := rows(t, f, "Teams")
	if len(r) != 2+1+len(res.Teams) || r[2][0] != "The whole unit" {
		t.Fatalf("Teams rows %d, first %q", len(r), r[2])
	}
	for i, g := range res.Teams {
		row := r[3+i]
		if row[0] != g.Name || row[1] != strconv.Itoa(g.Summary.Persons) || row[3] != strconv.Itoa(len(g.Holes)) {
			t.Errorf("team row %q, want %s", row, g.Name)
		}
		for leaf := range res.Framework.BasisLeaves {
			v, _ := f.GetCellValue("Teams", cell(groupFixed+1+leaf, 4+i), excelize.Options{RawCellValue: true})
			c, ok := g.Leaves[leaf].Coverage()
			if got, _ := strconv.ParseFloat(v, 64); ok && math.Abs(got-c) > 1e-12 || !ok && v != "" {
				t.Fatalf("team %s leaf %d: %q, want %v %v", g.Name, leaf, v, c, ok)
			}
		}
	}
	cf, err := f.GetConditionalFormats("Teams")
	if err != nil || len(cf) != 2 {
		t.Errorf("Teams colours %v, %v", cf, err)
	}
	if r := rows(t, f, "Roles"); len(r) != 3+len(res.RoleGroups) {
		t.Errorf("Roles rows %d, want %d", len(r), 3+len(res.RoleGroups))
	}
}

// TestTalk: the one-person workbook holds the person's own assessment and,
// of colleagues, only the names of those who could help.
func TestTalk(t *testing.T) {
	res := team40(t)
	p := slices.IndexFunc(res.People, func(pp analysis.Person) bool { return len(pp.Gaps) > 2 })
	var b bytes.Buffer
	if err := WriteTalk(&b, res, p, Options{Lang: "en", Date: testDate}); err != nil {
		t.Fatal(err)
	}
	f := open(t, b.Bytes())
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Development talk"}) {
		t.Fatalf("sheets %q", got)
	}
	talk := res.Talk(p)
	helpers := map[int32]bool{}
	for _, fo := range talk.Focus {
		for _, q := range fo.Helpers {
			helpers[q] = true
		}
	}
	var text strings.Builder
	for _, r := range rows(t, f, "Development talk") {
		text.WriteString(strings.Join(r, "|") + "\n")
	}
	s := text.String()
	if !strings.Contains(s, res.People[p].Name) || !strings.Contains(s, "Agreed in the talk") || !strings.Contains(s, "Learning goal") {
		t.Errorf("talk sheet lacks the person or the agreement:\n%s", s)
	}
	for q, pp := range res.People {
		if q != p && !helpers[int32(q)] && strings.Contains(s, pp.Name+" (") {
			t.Errorf("the talk of %s names %s", res.People[p].Name, pp.Name)
		}
	}
	for _, n := range talk.Needs {
		if !strings.Contains(s, res.Framework.Leaves[n.Leaf].ID+" ") {
			t.Errorf("need %s missing", res.Framework.Leaves[n.Leaf].ID)
		}
	}
	var again bytes.Buffer
	if err := WriteTalk(&again, res, p, Options{Lang: "en", Date: testDate}); err != nil || !bytes.Equal(again.Bytes(), b.Bytes()) {
		t.Errorf("talk workbook not deterministic (%v)", err)
	}
}

// TestFrameworkSheetReadsAsSource: for every built-in framework, in its
// own language and in English, the Framework sheet quotes each node's
// source wording in full on the node's row, marks what huller added (the
// scale, default levels, roles on huller's levels) and shows the source's
// learning goals, target groups and notes.
func TestFrameworkSheetReadsAsSource(t *testing.T) {
	loader := framework.NewLoader(frameworks.FS)
	for _, id := range loader.Builtins() {
		fw := builtin(t, id)
		ro := &roster.Roster{Source: id + ".csv", Columns: fw.Leaves}
		for i, r := range fw.Roles { // one person per role, every level 1
			scores := make([]int8, len(fw.Leaves))
			for j := range scores {
				scores[j] = 1
			}
			ro.Persons = append(ro.Persons, roster.Person{Row: i + 2, Name: fmt.Sprint("P", i), Role: r.ID, Scores: scores})
		}
		if len(fw.Roles) > 1 { // the unit's own levels for the first role
			ro.Requirements = map[string][]framework.Requirement{fw.Roles[0].ID: {{Node: fw.BasisLeaves[0].ID, Level: 4}}}
		}
		res, err := analysis.Analyze(fw, ro, analysis.DefaultSettings())
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range []string{fw.Language, "en"} {
			l := lang.For(code)
			f := open(t, write(t, res, Options{Lang: code}))
			sheet := f.GetSheetList()[len(f.GetSheetList())-1]
			rs := rows(t, f, sheet)
			byID := map[string][]string{}
			var all []string
			inTable := false // in the table of competences
			for _, r := range rs {
				switch {
				case len(r) > 5 && r[5] == l.T(lang.SourceWording) && r[0] == l.T(lang.ID):
					inTable = len(byID) == 0
				case len(r) == 0:
					inTable = false
				case inTable:
					byID[strings.TrimSpace(r[0])] = r
				}
				all = append(all, strings.Join(r, "\x00"))
			}
			text := strings.Join(all, "\n")
			for _, n := range fw.Nodes() {
				r := byID[n.ID]
				want := l.F(lang.OutlineQuote, fw.Wording(n, code))
				if len(r) < 6 || r[5] != want {
					t.Errorf("%s/%s: %s's source wording is not %q in its row %q", id, code, n.ID, want, r)
				}
			}
			if fw.ScaleOrigin() == framework.OriginHuller && !strings.Contains(text, l.T(lang.OutlineScaleHuller)) {
				t.Errorf("%s/%s: the scale is not marked as huller's", id, code)
			}
			for i, ro := range res.Roles {
				head := l.F(lang.RequiredBy, ro.ID)
				if ro.Role != nil {
					head = l.F(lang.RequiredBy, fw.Text(ro.Role.Name, code))
				}
				marked := strings.Contains(text, head+" [huller]")
				if marked != ro.HullerDefaults {
					t.Errorf("%s/%s: role %d %q marked %v, on huller's defaults %v", id, code, i, head, marked, ro.HullerDefaults)
				}
			}
			var texts []string
			for _, g := range fw.LearningGoalTypes {
				texts = append(texts, l.F(lang.OutlineQuote, fw.Text(g.Name, code)))
			}
			var walk func([]*framework.TargetGroup)
			walk = func(gs []*framework.TargetGroup) {
				for _, g := range gs {
					texts = append(texts, fw.Text(g.Name, code))
					walk(g.Items)
				}
			}
			walk(fw.TargetGroups)
			for _, n := range fw.Notes {
				texts = append(texts, fw.Text(n.Title, code))
			}
			for _, s := range texts {
				if !strings.Contains(text, s) {
					t.Errorf("%s/%s: the sheet lacks %q", id, code, s)
				}
			}
		}
	}
}
