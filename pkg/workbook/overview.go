package workbook

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/textwrap"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// Overview columns: A id (the labels of the key figures overflow into B),
// B name, C kind or group, D–G figures; the charts sit from column I; the
// chart data per basis group are in hidden columns from helperCol.
const (
	helperCol  = 27 // AA
	chartCol   = "I"
	maxWarning = 20
)

// ovw writes the Overview, a normal (not streamed) sheet.
type ovw struct {
	b      *builder
	sheet  string
	row    int
	widths []float64 // the columns' widths, for fitRow
	err    error
}

func (o *ovw) set(col int, v any, style int) {
	if o.err != nil {
		return
	}
	c := cell(col, o.row)
	if s, ok := v.(string); ok {
		o.err = o.b.f.SetCellStr(o.sheet, c, o.b.text(s))
	} else if v != nil {
		o.err = o.b.f.SetCellValue(o.sheet, c, v)
	}
	if o.err == nil && style != 0 {
		o.err = o.b.f.SetCellStyle(o.sheet, c, c, style)
	}
}

// kv writes a label and a value on a new row; numbers are aligned left
// like the texts.
func (o *ovw) kv(label string, v any, style int) {
	st := &o.b.st
	switch style {
	case 0, st.num:
		if _, ok := v.(string); !ok {
			style = st.leftNum
		}
	case st.pct0:
		style = st.leftPct0
	case st.pct1:
		style = st.leftPct1
	}
	o.set(1, label, 0)
	o.set(3, v, style)
	o.row++
}

func (o *ovw) heading(s string) {
	o.row++
	o.set(1, s, o.b.st.h2)
	o.row++
}

// writeOverview writes the page a leader opens first and shows in a
// meeting: conclusions first, where the unit stands strong, the key
// figures, a row per team, the coverage per competence and profile with
// their charts, and the settings last. It names no person.
func (b *builder) writeOverview() error {
	o := &ovw{b: b, sheet: b.l.T(lang.SheetOverview), row: 1, widths: overviewWidths}
	if err := o.layout(); err != nil {
		return err
	}
	o.title()
	o.madeFor()
	o.defaults()
	o.conclusions()
	o.strong()
	o.keyFigures()
	o.teams()
	covRows := o.coverageTable()
	profRows := o.profileTable()
	o.settings()
	b.overviewNotes(o)
	if o.err != nil {
		return o.err
	}
	if err := b.coverageChart(o.sheet, covRows); err != nil {
		return err
	}
	return b.profileChart(o.sheet, profRows)
}

// overviewWidths are the widths of the Overview's columns A–H.
var overviewWidths = []float64{22, 52, 34, 11, 11, 12, 12, 3}

// span is a text written over the columns c1..c2 of a row.
type span struct {
	text   string
	c1, c2 int
}

// fitRow sets the height of the current row so that each text shows whole
// when it wraps over the columns it spans.
func (o *ovw) fitRow(spans ...span) {
	lines := 1
	for _, s := range spans {
		w := 0.0
		for c := s.c1; c <= min(s.c2, len(o.widths)); c++ {
			w += o.widths[c-1]
		}
		lines = max(lines, textwrap.CellLines(s.text, w))
	}
	if lines > 1 && o.err == nil {
		o.err = o.b.f.SetRowHeight(o.sheet, o.row, textwrap.RowHeight(lines))
	}
}

// layout sets the column widths and hides the grid lines.
func (o *ovw) layout() error {
	f := o.b.f
	for i, w := range overviewWidths {
		if err := f.SetColWidth(o.sheet, xlsxstream.ColName(i+1), xlsxstream.ColName(i+1), w); err != nil {
			return err
		}
	}
	off := false
	return f.SetSheetView(o.sheet, 0, &excelize.ViewOptions{ShowGridLines: &off})
}

// title writes the title and one line of what was analysed.
func (o *ovw) title() {
	b, l, res := o.b, o.b.l, o.b.res
	fw := res.Framework
	o.set(1, l.F(lang.ReportTitle, b.fwText(fw.Title)), b.st.title)
	o.row++
	line := l.F(lang.AnalysisTitle, b.rosterName(), l.Count(lang.PersonNoun, res.Summary.Persons), b.fwText(fw.Title), fw.ID)
	if !b.opts.Date.IsZero() {
		line += " · " + b.opts.Date.Format("2006-01-02")
	}
	o.set(1, line, b.st.note)
	o.row++
}

// rosterName is the roster file as the report names it.
func (b *builder) rosterName() string {
	if b.opts.RosterFile != "" || b.res.Roster == nil {
		return b.opts.RosterFile
	}
	return b.res.Roster.Source
}

// defaults says which of the framework's defaults the analysis used.
func (o *ovw) defaults() {
	for _, note := range o.b.overview.DefaultsNotes() {
		o.row++
		o.set(1, note, o.b.st.warnNote)
		o.mergeRow(1, 7)
		o.fitRow(span{note, 1, 7})
	}
}

// maxConclusions is how many holes the Overview says in words.
const maxConclusions = 7

// conclusions says the most important holes in words, without names.
func (o *ovw) conclusions() {
	b, l, res := o.b, o.b.l, o.b.res
	o.table(l.T(lang.Conclusions), l.T(lang.TierHeader), l.T(lang.Subject), "", l.T(lang.Effort))
	o.mergeCells(2, 3, o.row-1)
	if len(res.Holes) == 0 {
		o.set(1, l.T(lang.NoConclusions), b.st.note)
		o.row++
		return
	}
	for _, h := range res.Holes[:min(maxConclusions, len(res.Holes))] {
		tier, text := b.overview.Tier(h.Tier), b.overview.Label(h)+": "+b.overview.Sentence(h)
		o.set(1, tier, b.st.textWrap)
		o.set(2, text, b.st.textWrap)
		o.set(4, h.Effort, b.st.top)
		o.mergeRow(2, 3)
		o.fitRow(span{tier, 1, 1}, span{text, 2, 3})
		o.row++
	}
	if n := len(res.Holes) - maxConclusions; n > 0 {
		o.set(2, l.F(lang.MoreHoles, l.Int(n), l.T(lang.SheetHuller)), b.st.note)
		o.row++
	}
}

// strong lists the basis competences the unit covers best, with who can
// teach them, and the profiles with enough specialists.
func (o *ovw) strong() {
	b, l, res := o.b, o.b.l, o.b.res
	type best struct {
		leaf int
		cov  float64
	}
	var top []best
	for leaf := range res.Framework.BasisLeaves {
		if c, ok := res.Leaves[leaf].Coverage(); ok && c >= res.Settings.Coverage {
			top = append(top, best{leaf, c})
		}
	}
	slices.SortStableFunc(top, func(x, y best) int {
		if c := cmp.Compare(y.cov, x.cov); c != 0 {
			return c
		}
		return cmp.Compare(res.Leaves[y.leaf].Teachers, res.Leaves[x.leaf].Teachers)
	})
	o.table(l.T(lang.Strong), l.T(lang.ID), l.T(lang.Subject), "")
	o.mergeCells(2, 3, o.row-1)
	line := func(id, text string) {
		o.set(1, id, b.st.id)
		o.set(2, text, b.st.textWrap)
		o.mergeRow(2, 3)
		o.fitRow(span{text, 2, 3})
		o.row++
	}
	for _, t := range top[:min(5, len(top))] {
		s, n := res.Leaves[t.leaf], res.Framework.Leaves[t.leaf]
		line(n.ID, b.name(n)+": "+l.F(lang.StrongLine, l.Percent(t.cov, 0), l.Int(int(s.Teachers))))
	}
	for j, p := range res.Framework.Profiles {
		if ps := res.Profiles[j]; ps.Specialists > 0 && int(ps.Fitting) >= ps.Specialists {
			line(p.ID, b.profName[j]+": "+l.F(lang.ProfileStrong, l.Int(int(ps.Fitting)), l.Int(ps.Specialists)))
		}
	}
}

// keyFigures writes the unit's figures.
func (o *ovw) keyFigures() {
	b, l, st, res := o.b, o.b.l, &o.b.st, o.b.res
	o.heading(l.T(lang.KeyFigures))
	bs := res.Summary.Basis
	if c, ok := bs.Coverage(); ok {
		o.kv(l.T(lang.TeamCoverage), c, st.pct1)
	} else {
		o.kv(l.T(lang.TeamCoverage), "–", 0)
	}
	o.kv(l.T(lang.RequirementsMet), l.F(lang.XofY, l.Int(int(bs.Met)), l.Int(int(bs.Required-bs.NotAssessed))), 0)
	o.kv(l.T(lang.PeopleWithGaps), l.Of(res.Summary.PeopleWithGaps, res.Summary.Persons), 0)
	o.kv(l.T(lang.NotAssessedReqs), int(bs.NotAssessed), st.num)
	o.kv(l.T(lang.HolesTotal), len(res.Holes), st.num)
	o.kv("   "+l.T(lang.TierHeader), b.overview.Tiers(res.Holes), 0)
}

// teams writes a row per team: persons, basis coverage and holes by tier.
func (o *ovw) teams() {
	b, l, st, res := o.b, o.b.l, &o.b.st, o.b.res
	if len(res.Teams) < 2 {
		return
	}
	o.table(l.T(lang.SheetTeams), l.T(lang.Team), "", l.T(lang.PersonsShort), l.T(lang.Coverage), l.T(lang.HolesColumn))
	for _, g := range res.Teams {
		o.set(1, b.groupName(g), st.text)
		o.mergeRow(1, 2)
		o.set(3, g.Summary.Persons, 0)
		if c, ok := g.Summary.Basis.Coverage(); ok {
			o.set(4, c, st.pct1)
		}
		o.set(5, len(g.Holes), 0)
		o.row++
	}
}

// settings writes the settings of the analysis, last.
func (o *ovw) settings() {
	b, res := o.b, o.b.res
	s := res.Settings
	o.aboutHead(lang.About, res.Framework, b.rosterName())
	o.date()
	o.thresholds(s, true)
	o.filters(s, true)
}

// aboutHead starts the settings under heading: the framework and the
// roster file.
func (o *ovw) aboutHead(heading lang.Term, fw *framework.Framework, roster string) {
	b, l := o.b, o.b.l
	o.heading(l.T(heading))
	o.kv(l.T(lang.FrameworkL), fw.ID+": "+b.fwText(fw.Title), 0)
	if roster != "" {
		o.kv(l.T(lang.RosterFile), roster, 0)
	}
}

// date writes the date of the workbook, if it has one.
func (o *ovw) date() {
	if d := o.b.opts.Date; !d.IsZero() {
		o.kv(o.b.l.T(lang.Date), d.Format("2006-01-02 15:04"), 0)
	}
}

// thresholds writes the thresholds of an analysis: coverage, the target
// and teaching levels (with levels), fit, specialists per profile.
func (o *ovw) thresholds(s analysis.Settings, levels bool) {
	b, l := o.b, o.b.l
	o.kv(l.T(lang.CoverageThreshold), s.Coverage, b.st.pct0)
	if levels {
		o.kv(l.T(lang.TargetLevel), b.levelName(s.Target), 0)
		o.kv(l.T(lang.TeachLevel), b.levelName(int(b.teachLevel())), 0)
	}
	o.kv(l.T(lang.FitThreshold), s.Fit, b.st.pct0)
	o.kv(l.T(lang.MinSpecialists), narrate.Specialists(l, s), 0)
}

// filters writes the team filter, the person filter (with person) and the
// requirements file of an analysis.
func (o *ovw) filters(s analysis.Settings, person bool) {
	l := o.b.l
	o.kv(l.T(lang.TeamFilter), orWord(s.Team, l.T(lang.All)), 0)
	if person {
		o.kv(l.T(lang.PersonFilter), orWord(s.Person, l.T(lang.All)), 0)
	}
	o.kv(l.T(lang.RequirementsFile), orWord(s.RequirementsFile, l.T(lang.None)), 0)
}

// mergeRow merges columns c1..c2 of the current row.
func (o *ovw) mergeRow(c1, c2 int) { o.mergeCells(c1, c2, o.row) }

// mergeCells merges columns c1..c2 of row.
func (o *ovw) mergeCells(c1, c2, row int) {
	if o.err == nil {
		o.err = o.b.f.MergeCell(o.sheet, cell(c1, row), cell(c2, row))
	}
}

// overviewNotes lists continued sheets, cut texts and the analysis warnings.
func (b *builder) overviewNotes(o *ovw) {
	l := b.l
	var notes []string
	for _, p := range b.plan {
		if len(p.pages) > 1 {
			notes = append(notes, l.F(lang.Continues, p.base, strings.Join(p.pages[1:], ", "),
				l.Int(b.lim.Rows), l.Int(b.lim.Cols)))
		}
	}
	if b.truncated.Load() > 0 || b.tooLong() {
		notes = append(notes, l.F(lang.Truncated, l.Int(b.lim.CellChars)))
	}
	if len(notes) > 0 {
		o.heading(l.T(lang.Notes))
		for _, n := range notes {
			o.set(1, n, 0)
			o.row++
		}
	}
	if w := b.res.AllWarnings(); len(w) > 0 {
		o.heading(l.T(lang.Warnings))
		for _, s := range w[:min(len(w), maxWarning)] {
			o.set(1, s, b.st.text)
			o.row++
		}
		if len(w) > maxWarning {
			o.set(1, l.F(lang.ManyWarnings, l.Int(len(w)-maxWarning)), b.st.note)
			o.row++
		}
	}
}

// table starts a table: a heading, then a row of column headers.
func (o *ovw) table(title string, head ...string) {
	o.heading(title)
	for i, h := range head {
		o.set(i+1, h, o.b.st.headWrap)
	}
	height := 30.0
	if o.widths != nil {
		var widths []float64
		widths, height = fitHead(head, o.widths, height)
		for i, w := range widths {
			if w > o.widths[i] && o.err == nil { // a word of the header would be broken
				c := xlsxstream.ColName(i + 1)
				o.err = o.b.f.SetColWidth(o.sheet, c, c, w)
			}
		}
		o.widths = widths // a copy: the sheet's widths from now on
	}
	if o.err == nil {
		o.err = o.b.f.SetRowHeight(o.sheet, o.row, height)
	}
	o.row++
}

// coverageHead starts the table of coverage per basic competence: its
// header, and over the hidden helper columns the chart's series names (one
// per basis group, then the threshold). It returns the first data row and
// each basis group's index by id.
func (o *ovw) coverageHead() (first int, group map[string]int) {
	b, l := o.b, o.b.l
	fw := b.res.Framework
	o.table(l.T(lang.CoverageTable), l.T(lang.ID), l.T(lang.Competence), l.T(lang.Group), l.T(lang.Coverage), l.T(lang.Met), l.T(lang.Assessed), l.T(lang.CanShare))
	head := o.row - 1
	for g, n := range fw.Basis {
		o.row = head
		o.set(helperCol+g, groupLabel(n, b.name(n)), 0)
	}
	o.row = head
	o.set(helperCol+len(fw.Basis), l.T(lang.Threshold), 0)
	o.row = head + 1
	group = map[string]int{}
	for g, n := range fw.Basis {
		group[n.ID] = g
	}
	return o.row, group
}

// coverageTable lists the team coverage of every basis leaf, with the chart
// data per basis group in hidden columns; it returns the first and last
// data rows.
func (o *ovw) coverageTable() [2]int {
	b := o.b
	st, res := &b.st, b.res
	fw := res.Framework
	if len(fw.BasisLeaves) == 0 {
		return [2]int{}
	}
	first, group := o.coverageHead()
	for _, n := range fw.BasisLeaves {
		s := res.Leaves[n.Leaf]
		o.set(1, n.ID, st.id)
		o.set(2, b.name(n), st.text)
		o.set(3, groupLabel(n.Group, b.name(n.Group)), st.text)
		if c, ok := s.Coverage(); ok {
			o.set(4, c, st.pct1)
			o.set(helperCol+group[n.Group.ID], c, st.pct1)
		}
		o.set(5, int(s.Met), 0)
		o.set(6, int(s.Assessed), 0)
		o.set(7, int(s.Teachers), 0)
		o.set(helperCol+len(fw.Basis), res.Settings.Coverage, st.pct1)
		o.row++
	}
	last := o.row - 1
	if o.err == nil {
		// red below the threshold, green at or above it: the colours of
		// the heatmap
		thr := strconv.FormatFloat(res.Settings.Coverage, 'g', -1, 64)
		rng := cell(4, first) + ":" + cell(4, last)
		red, green := st.dxf[0], st.dxf[3]
		o.err = b.f.SetConditionalFormat(o.sheet, rng, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "<", Value: thr, Format: &red},
			{Type: "cell", Criteria: ">=", Value: thr, Format: &green},
		})
	}
	if o.err == nil {
		hc := xlsxstream.ColName(helperCol)
		o.err = b.f.SetColVisible(o.sheet, hc+":"+xlsxstream.ColName(helperCol+len(fw.Basis)), false)
	}
	return [2]int{first, last}
}

// profileTable lists per profile the persons who fit and are assigned.
func (o *ovw) profileTable() [2]int {
	b := o.b
	l, st, res := b.l, &b.st, b.res
	fw := res.Framework
	if len(fw.Profiles) == 0 {
		return [2]int{}
	}
	o.table(l.T(lang.ProfileTable), l.T(lang.ID), l.T(lang.ProfileL), l.T(lang.Target), l.T(lang.Fitting), l.T(lang.Assigned), l.T(lang.AssignedFitting), l.T(lang.MinSpecialistsShort))
	first := o.row
	for j, p := range fw.Profiles {
		ps := res.Profiles[j]
		o.set(1, p.ID, st.id)
		o.set(2, b.profName[j], st.text)
		o.set(3, b.levelName(ps.Target), 0)
		o.set(4, int(ps.Fitting), 0)
		o.set(5, int(ps.Expected), 0)
		o.set(6, int(ps.ExpectedFitting), 0)
		o.set(7, ps.Specialists, 0)
		o.row++
	}
	return [2]int{first, o.row - 1}
}

// coverageChart draws the team coverage per basis leaf as columns, one
// series (colour) per basis group, with the threshold as a line.
func (b *builder) coverageChart(sheet string, rows [2]int) error {
	fw := b.res.Framework
	var series []barSeries
	for g := range fw.Basis {
		series = append(series, barSeries{helperCol + g, rows[0] - 1, groupColors[g%len(groupColors)]})
	}
	overlap := 100 // one group's columns never overlap another's
	return b.addCoverageChart(coverageChart{sheet: sheet, anchor: chartCol + "3", rows: rows, catCol: 1,
		series: series, thresholdCol: helperCol + len(fw.Basis), title: lang.ChartCoverage, xTitle: true,
		gap: 40, overlap: &overlap, height: 380})
}

// profileChart draws per profile the persons who fit it and who are
// assigned it.
func (b *builder) profileChart(sheet string, rows [2]int) error {
	if rows[0] == 0 {
		return nil
	}
	y := lang.ChartProfilesY
	return b.addBarChart(barChart{sheet: sheet, anchor: chartCol + "25", rows: rows, catCol: 2,
		series: []barSeries{{4, rows[0] - 1, "2E8B57"}, {5, rows[0] - 1, "A5A5A5"}},
		title:  lang.ChartProfiles, yTitle: &y, height: 340})
}

func orWord(s, word string) string {
	if s == "" {
		return word
	}
	return s
}
