package workbook

import (
	"strconv"

	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// writeOverview writes the aggregate report's first page: what it is and
// who it is for, the conclusions, the key figures, a row per group, the
// coverage per competence and profile with their charts, and the settings.
func (a *aggBuilder) writeOverview() error {
	o := &ovw{b: a.builder, sheet: a.l.T(lang.SheetOverview), row: 1, widths: overviewWidths}
	if err := o.layout(); err != nil {
		return err
	}
	a.ovTitle(o)
	a.ovConclusions(o)
	a.ovKeyFigures(o)
	a.ovGroups(o)
	covRows := a.ovCoverage(o)
	profRows := a.ovProfiles(o)
	a.ovSettings(o)
	a.overviewNotes(o)
	if o.err != nil {
		return o.err
	}
	if err := a.coverageChart(o.sheet, covRows); err != nil {
		return err
	}
	return a.profileChart(o.sheet, profRows)
}

// note writes a wrapped note over the columns A–G.
func (a *aggBuilder) note(o *ovw, text string, style int) {
	o.row++
	o.set(1, text, style)
	o.mergeRow(1, 7)
	o.fitRow(span{text, 1, 7})
}

func (a *aggBuilder) ovTitle(o *ovw) {
	l, rep := a.l, a.rep
	fw := rep.Framework
	o.set(1, l.F(lang.ReportTitle, a.fwText(fw.Title)), a.st.title)
	o.row++
	line := l.F(lang.AnalysisTitle, a.rosterName(), a.n.Persons(&rep.Unit), a.fwText(fw.Title), fw.ID)
	if rep.Settings.Team != "" {
		line += " · " + l.F(lang.TeamOnly, rep.Settings.Team)
	}
	if !a.opts.Date.IsZero() {
		line += " · " + a.opts.Date.Format("2006-01-02")
	}
	o.set(1, line, a.st.note)
	o.row++
	o.madeFor()
	a.note(o, l.F(lang.AggregateIntro, l.Int(rep.Min)), a.st.textWrap)
	if rep.Warnings > 0 {
		a.note(o, l.F(lang.WarningsHidden, l.Count(lang.WarningNoun, rep.Warnings)), a.st.note)
	}
	for _, n := range a.n.DefaultsNotes() {
		a.note(o, n, a.st.warnNote)
	}
}

// ovConclusions says the unit's first holes in words.
func (a *aggBuilder) ovConclusions(o *ovw) {
	l, u := a.l, &a.rep.Unit
	o.table(l.T(lang.Conclusions), l.T(lang.TierHeader), l.T(lang.Subject), "", l.T(lang.Effort))
	o.mergeCells(2, 3, o.row-1)
	if len(u.Holes) == 0 {
		o.set(1, l.T(lang.NoConclusions), a.st.note)
		o.row++
		return
	}
	for _, h := range u.Holes[:min(maxConclusions, len(u.Holes))] {
		tier, text := a.n.Tier(h.Tier), a.n.Label(h)+": "+a.n.Sentence(h, u)
		o.set(1, tier, a.st.textWrap)
		o.set(2, text, a.st.textWrap)
		if e, ok := h.Effort(); ok {
			o.set(4, e, a.st.top)
		} else {
			o.set(4, a.mark(), a.markStyle)
		}
		o.mergeRow(2, 3)
		o.fitRow(span{tier, 1, 1}, span{text, 2, 3})
		o.row++
	}
	if n := len(u.Holes) - maxConclusions; n > 0 {
		o.set(2, l.F(lang.MoreHoles, l.Int(n), l.T(lang.SheetHuller)), a.st.note)
		o.row++
	}
}

// ovKeyFigures writes the unit's figures.
func (a *aggBuilder) ovKeyFigures(o *ovw) {
	l, u, st := a.l, &a.rep.Unit, &a.st
	o.heading(l.T(lang.KeyFigures))
	o.kv(l.T(lang.Persons), a.n.Persons(u), 0)
	if x, defined, shown := u.Basis.Share(); shown && defined {
		o.kv(l.T(lang.TeamCoverage), x, st.pct1)
	} else {
		o.kv(l.T(lang.TeamCoverage), a.n.Percent(u.Basis, 1), 0)
	}
	o.kv(l.T(lang.RequirementsMet), a.n.Of(u.Basis), 0)
	o.kv(l.T(lang.PeopleWithGaps), a.n.Of(u.PeopleWithGaps), 0)
	o.kv(l.T(lang.HolesTotal), len(u.Holes), st.num)
	o.kv("   "+l.T(lang.TierHeader), a.n.Tiers(u.Holes), 0)
}

// ovGroups writes a row per team (or role): persons, basis coverage and
// holes.
func (a *aggBuilder) ovGroups(o *ovw) {
	l, st, rep := a.l, &a.st, a.rep
	if len(rep.Groups) < 2 {
		return
	}
	title, head := lang.SheetTeams, lang.Team
	if rep.Breakdown == privacy.ByRole {
		title, head = lang.SheetRoles, lang.Role
	}
	o.table(l.T(title), l.T(head), "", l.T(lang.PersonsShort), l.T(lang.Coverage), l.T(lang.HolesColumn))
	for i := range rep.Groups {
		g := &rep.Groups[i]
		o.set(1, a.groupName(g), st.text)
		o.mergeRow(1, 2)
		switch n, ok := g.Persons.Count(); {
		case g.Small:
			o.set(3, "< "+a.l.Int(a.rep.Min), a.markStyle)
		case ok:
			o.set(3, n, 0)
		default:
			o.set(3, a.mark(), a.markStyle)
		}
		if !g.Small {
			a.setShare(o, 4, g.Basis, st.pct1)
			o.set(5, len(g.Holes), 0)
		}
		o.row++
	}
}

// setShare writes a share into column col: the fraction, nothing when
// undefined, or the mark.
func (a *aggBuilder) setShare(o *ovw, col int, f privacy.Figure, style int) {
	x, defined, shown := f.Share()
	switch {
	case !shown:
		o.set(col, a.mark(), a.markStyle)
	case defined:
		o.set(col, x, style)
	}
}

// setCount writes a count into column col, or the mark.
func (a *aggBuilder) setCount(o *ovw, col int, f privacy.Figure) {
	if n, ok := f.Count(); ok {
		o.set(col, n, 0)
	} else {
		o.set(col, a.mark(), a.markStyle)
	}
}

// ovCoverage lists the unit's coverage of every basis leaf, with the chart
// data per basis group in hidden columns (shown figures only); it returns
// the first and last data rows.
func (a *aggBuilder) ovCoverage(o *ovw) [2]int {
	st, rep := &a.st, a.rep
	fw, u := rep.Framework, &rep.Unit
	if len(fw.BasisLeaves) == 0 {
		return [2]int{}
	}
	first, group := o.coverageHead()
	for _, n := range fw.BasisLeaves {
		lf := u.Leaves[n.Leaf]
		o.set(1, n.ID, st.id)
		o.set(2, a.name(n), st.text)
		o.set(3, groupLabel(n.Group, a.name(n.Group)), st.text)
		a.setShare(o, 4, lf.Coverage, st.pct1)
		if x, defined, shown := lf.Coverage.Share(); shown && defined {
			o.set(helperCol+group[n.Group.ID], x, st.pct1)
		}
		if k, m, ok := lf.Coverage.Of(); ok {
			o.set(5, k, 0)
			o.set(6, m, 0)
		} else {
			o.set(5, a.mark(), a.markStyle)
			o.set(6, a.mark(), a.markStyle)
		}
		a.setCount(o, 7, lf.Teachers)
		o.set(helperCol+len(fw.Basis), rep.Settings.Coverage, st.pct1)
		o.row++
	}
	last := o.row - 1
	if o.err == nil {
		thr := strconv.FormatFloat(rep.Settings.Coverage, 'g', -1, 64)
		red, green := st.dxf[0], st.dxf[3]
		o.err = a.f.SetConditionalFormat(o.sheet, cell(4, first)+":"+cell(4, last), []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "<", Value: thr, Format: &red},
			{Type: "cell", Criteria: ">=", Value: thr, Format: &green},
		})
	}
	if o.err == nil {
		hc := xlsxstream.ColName(helperCol)
		o.err = a.f.SetColVisible(o.sheet, hc+":"+xlsxstream.ColName(helperCol+len(fw.Basis)), false)
	}
	return [2]int{first, last}
}

// ovProfiles lists per profile the persons who fit it and are expected to
// hold it (the chart reads columns D and E: shown figures only).
func (a *aggBuilder) ovProfiles(o *ovw) [2]int {
	l, st, rep := a.l, &a.st, a.rep
	fw, u := rep.Framework, &rep.Unit
	if len(fw.Profiles) == 0 {
		return [2]int{}
	}
	o.table(l.T(lang.ProfileTable), l.T(lang.ID), l.T(lang.ProfileL), l.T(lang.Target), l.T(lang.Fitting), l.T(lang.Assigned), l.T(lang.AssignedFitting), l.T(lang.MinSpecialistsShort))
	first := o.row
	for j, p := range fw.Profiles {
		ps := u.Profiles[j]
		o.set(1, p.ID, st.id)
		o.set(2, a.profName[j], st.text)
		o.set(3, a.levelName(ps.Target), 0)
		a.setCount(o, 4, ps.Fitting)
		a.setCount(o, 5, ps.Expected)
		a.setCount(o, 6, ps.ExpectedFitting)
		o.set(7, ps.Specialists, 0)
		o.row++
	}
	return [2]int{first, o.row - 1}
}

// ovSettings writes the settings of the analysis, last.
func (a *aggBuilder) ovSettings(o *ovw) {
	s := a.rep.Settings
	o.aboutHead(lang.About, a.rep.Framework, a.rosterName())
	o.date()
	o.kv(a.l.T(lang.MinCellL), a.rep.Min, a.st.num)
	o.thresholds(s, true)
	o.filters(s, false)
}
