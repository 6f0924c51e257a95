package workbook

import (
	"slices"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/plan"
	"github.com/xuri/excelize/v2"
)

// writePlanOverview writes the page a leader opens first: the plan as a
// proposal, the plan in figures with the budget, the unit before and after
// side by side, each hole before and after, the coverage of each basis
// competence before and after with a chart, and the settings last. It
// names no person.
func (pb *planBook) writePlanOverview() error {
	return pb.writePlanPage(pb.l.T(lang.SheetOverview), pb.overviewTitle)
}

// writePlanSummary writes the report's Plan sheet: what the plan
// workbook's Overview gives below its title, under a title that points to
// `huller plan` for the plan itself. It names no person.
func (pb *planBook) writePlanSummary(sheet string) error {
	return pb.writePlanPage(sheet, func(o *ovw) {
		l, st := pb.l, &pb.st
		o.set(1, l.F(lang.PlanSheetTitle, pb.fwText(pb.res.Framework.Title)), st.title)
		o.row++
		catalog := "FILE"
		if pb.p.Catalog != nil && pb.p.Catalog.File != "" {
			catalog = pb.p.Catalog.File
		}
		for _, line := range []struct {
			text  string
			style int
		}{{l.F(lang.PlanSheetPointer, pb.rosterName(), catalog), st.textWrap}, {l.T(lang.PlanIntro), st.warnNote}} {
			o.set(1, line.text, line.style)
			o.mergeRow(1, 7)
			if o.err == nil {
				o.err = pb.f.SetRowHeight(o.sheet, o.row, 48)
			}
			o.row++
		}
	})
}

// writePlanPage writes a page of the plan on sheet: title, then the plan
// in figures, the unit and each hole before and after, the coverage
// before and after with charts, and the settings.
func (pb *planBook) writePlanPage(sheet string, title func(o *ovw)) error {
	widths := slices.Clone(overviewWidths)
	widths[4] = 24 // a hole's state after the plan
	o := &ovw{b: pb.builder, sheet: sheet, row: 1, widths: widths}
	if err := o.layout(); err != nil {
		return err
	}
	if err := pb.f.SetColWidth(o.sheet, "E", "E", widths[4]); err != nil {
		return err
	}
	title(o)
	pb.planFigures(o)
	tiers := pb.beforeAfter(o)
	pb.holesBeforeAfter(o)
	cov := pb.coverageBeforeAfter(o)
	pb.planSettings(o)
	pb.overviewNotes(o)
	if o.err != nil {
		return o.err
	}
	if err := pb.coverageChart2(o.sheet, cov); err != nil {
		return err
	}
	return pb.tierChart(o.sheet, tiers)
}

// overviewTitle writes the title, what was planned and the plan's nature.
func (pb *planBook) overviewTitle(o *ovw) {
	l, res, st := pb.l, pb.res, &pb.st
	fw := res.Framework
	o.set(1, l.F(lang.PlanReportTitle, pb.fwText(fw.Title)), st.title)
	o.row++
	line := l.F(lang.AnalysisTitle, pb.rosterName(), l.Count(lang.PersonNoun, res.Summary.Persons), pb.fwText(fw.Title), fw.ID)
	if !pb.opts.Date.IsZero() {
		line += " · " + pb.opts.Date.Format("2006-01-02")
	}
	o.set(1, line, st.note)
	o.row++
	o.madeFor()
	o.row++
	o.set(1, l.T(lang.PlanIntro), st.warnNote)
	o.mergeRow(1, 7)
	if o.err == nil {
		o.err = pb.f.SetRowHeight(o.sheet, o.row, 48)
	}
	o.row++
	for _, note := range pb.overview.DefaultsNotes() {
		o.row++
		o.set(1, note, st.warnNote)
		o.mergeRow(1, 7)
		if o.err == nil {
			o.err = pb.f.SetRowHeight(o.sheet, o.row, 32)
		}
	}
}

// planFigures writes the plan in figures.
func (pb *planBook) planFigures(o *ovw) {
	l, p := pb.l, pb.p
	k := p.Counts()
	o.heading(l.T(lang.PlanInFigures))
	persons := 0
	for q := range p.Before.People {
		if len(p.PersonNeeds(q)) > 0 {
			persons++
		}
	}
	o.kv(l.T(lang.PlanNeeds), l.F(lang.NeedsOfPersons, l.Count(lang.NeedNoun, k.Needs), l.Count(lang.PersonNoun, persons)), 0)
	o.kv(l.T(lang.RouteJointL), l.F(lang.ActivitiesNeeds, l.Count(lang.ActivityNoun, len(p.Joint)), l.Count(lang.NeedNoun, k.Joint)), 0)
	o.kv(l.T(lang.RouteColleagueL), l.F(lang.PairsNeeds, l.Count(lang.PairNoun, len(p.Pairs)), l.Count(lang.NeedNoun, k.Colleague)), 0)
	o.kv(l.T(lang.RouteCourseL), l.F(lang.RunsNeeds, l.Count(lang.RunNoun, len(p.Runs)), l.Count(lang.NeedNoun, k.Course), pb.money(p.Cost)), 0)
	if p.Options.Budget != plan.NoBudget {
		o.kv(l.T(lang.Budget), l.F(lang.BudgetLine, pb.money(p.Options.Budget), pb.money(p.Options.Budget-p.Cost)), 0)
		o.kv(l.T(lang.RouteDeferredL), l.F(lang.DeferredLine, l.Count(lang.NeedNoun, k.Deferred), pb.money(p.DeferredCost)), 0)
	}
	o.kv(l.T(lang.RouteUnmetL), l.Count(lang.NeedNoun, k.Unmet), 0)
	assess := 0
	for _, a := range p.Assessments {
		assess += len(a.Persons)
	}
	o.kv(l.T(lang.ToAssess), l.F(lang.AssessLine, l.Count(lang.AssessmentNoun, assess), l.Count(lang.CompetenceNoun, len(p.Assessments))), 0)
}

// beforeAfter writes the unit's figures before and after side by side and
// returns the rows of the tiers (for the chart).
func (pb *planBook) beforeAfter(o *ovw) [2]int {
	l, st := pb.l, &pb.st
	b, a := pb.p.Before, pb.p.After
	o.table(l.T(lang.BeforeAfter), "", "", l.T(lang.Before), l.T(lang.After))
	cov := func(col int, r *analysis.Result) {
		if c, ok := r.Summary.Basis.Coverage(); ok {
			o.set(col, c, st.pct1)
		} else {
			o.set(col, "–", 0)
		}
	}
	row := func(label string) {
		o.set(1, label, 0)
		o.mergeRow(1, 2)
	}
	row(l.T(lang.BasisCoverage))
	cov(3, b)
	cov(4, a)
	o.row++
	row(l.T(lang.PeopleWithGaps))
	o.set(3, b.Summary.PeopleWithGaps, 0)
	o.set(4, a.Summary.PeopleWithGaps, 0)
	o.row++
	row(l.T(lang.GapSum))
	o.set(3, int(b.Summary.Basis.GapSum), 0)
	o.set(4, int(a.Summary.Basis.GapSum), 0)
	o.row++
	row(l.T(lang.Holes))
	o.set(3, len(b.Holes), 0)
	o.set(4, len(a.Holes), 0)
	o.row++
	first := o.row
	for _, t := range analysis.Tiers {
		row(pb.overview.Tier(t))
		o.set(3, analysis.CountTier(b.Holes, t), 0)
		o.set(4, analysis.CountTier(a.Holes, t), 0)
		o.row++
	}
	return [2]int{first, o.row - 1}
}

// holesBeforeAfter lists the unit's holes with what the plan leaves of
// each, in words without names.
func (pb *planBook) holesBeforeAfter(o *ovw) {
	l, p, st := pb.l, pb.p, &pb.st
	o.table(l.T(lang.HolesBeforeAfter), l.T(lang.TierHeader), l.T(lang.Subject), "", l.T(lang.Effort), l.T(lang.After))
	if len(p.Before.Holes) == 0 {
		o.set(1, l.T(lang.NoConclusions), st.note)
		o.row++
		return
	}
	for i, h := range p.Before.Holes {
		text := pb.overview.Label(h) + ": " + pb.overview.Sentence(h)
		after, style := l.T(lang.Closed), pb.closedTop
		if j, open := p.HoleAfter(i); open {
			a := p.After.Holes[j]
			after, style = l.F(lang.Remains, strings.ToLower(pb.overview.Tier(a.Tier)), l.Int(a.Effort)), st.textWrap
		}
		o.set(1, pb.overview.Tier(h.Tier), st.textWrap)
		o.set(2, text, st.textWrap)
		o.mergeRow(2, 3)
		o.set(4, h.Effort, pb.topNum)
		o.set(5, after, style)
		o.fitRow(span{text, 2, 3}, span{after, 5, 5}) // a merged cell does not grow with its text
		o.row++
	}
}

// coverageBeforeAfter lists the team coverage of every basis competence
// before and after, red below the threshold and green at or above it, and
// returns the first and last rows (the chart's data).
func (pb *planBook) coverageBeforeAfter(o *ovw) [2]int {
	l, st := pb.l, &pb.st
	fw := pb.res.Framework
	b, a := pb.p.Before, pb.p.After
	if len(fw.BasisLeaves) == 0 {
		return [2]int{}
	}
	o.table(l.T(lang.CoverageBeforeAfter), l.T(lang.ID), l.T(lang.Competence), "", l.T(lang.Before), l.T(lang.After), l.T(lang.Threshold))
	first := o.row
	for _, n := range fw.BasisLeaves {
		o.set(1, n.ID, st.id)
		o.set(2, pb.name(n), st.text)
		o.mergeRow(2, 3)
		if c, ok := b.Leaves[n.Leaf].Coverage(); ok {
			o.set(4, c, st.pct1)
		}
		if c, ok := a.Leaves[n.Leaf].Coverage(); ok {
			o.set(5, c, st.pct1)
		}
		o.set(6, b.Settings.Coverage, st.pct0)
		o.row++
	}
	last := o.row - 1
	if o.err == nil {
		thr := strconv.FormatFloat(b.Settings.Coverage, 'g', -1, 64)
		red, green := st.dxf[0], st.dxf[3]
		o.err = pb.f.SetConditionalFormat(o.sheet, cell(4, first)+":"+cell(5, last), []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "<", Value: thr, Format: &red},
			{Type: "cell", Criteria: ">=", Value: thr, Format: &green},
		})
	}
	return [2]int{first, last}
}

// planSettings writes the settings of the analysis and the plan, last.
func (pb *planBook) planSettings(o *ovw) {
	l, p, res := pb.l, pb.p, pb.res
	s := res.Settings
	o.aboutHead(lang.AboutPlan, res.Framework, pb.rosterName())
	catName := l.T(lang.None)
	if p.Catalog != nil {
		catName = p.Catalog.File
	}
	o.kv(l.T(lang.CatalogFile), catName, 0)
	o.date()
	o.thresholds(s, true)
	joint := l.T(lang.NoJoint)
	if p.Options.Joint {
		joint = l.F(lang.JointRuleShort, l.Int(p.Options.JointMin))
	}
	o.kv(l.T(lang.RouteJointL), joint, 0)
	mentees := l.T(lang.NoMentoring)
	if p.Options.Mentoring {
		mentees = l.F(lang.MenteesShort, l.Int(p.Options.MaxMentees))
	}
	o.kv(l.T(lang.RouteColleagueL), mentees, 0)
	budget := l.T(lang.None)
	if p.Options.Budget != plan.NoBudget {
		budget = pb.money(p.Options.Budget)
	}
	o.kv(l.T(lang.Budget), budget, 0)
	o.filters(s, true)
}

// coverageChart2 draws the coverage per basis competence before (grey) and
// after (green) the plan as columns, with the threshold as a dashed line.
func (pb *planBook) coverageChart2(sheet string, rows [2]int) error {
	return pb.addCoverageChart(coverageChart{sheet: sheet, anchor: chartCol + "3", rows: rows, catCol: 1,
		series:       []barSeries{{4, rows[0] - 1, "A5A5A5"}, {5, rows[0] - 1, "2E8B57"}},
		thresholdCol: 6, title: lang.CoverageBeforeAfter, gap: 60, height: 380})
}

// tierChart draws the holes of each priority before and after the plan.
func (pb *planBook) tierChart(sheet string, rows [2]int) error {
	return pb.addBarChart(barChart{sheet: sheet, anchor: chartCol + "25", rows: rows, catCol: 1,
		series: []barSeries{{3, rows[0] - 5, "A5A5A5"}, {4, rows[0] - 5, "2E8B57"}},
		title:  lang.HolesBeforeAfter, majorUnit: 1, height: 300})
}
