package workbook

import (
	"strconv"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// writeOverview writes the page of the comparison a leader opens first:
// the key figures before and after, where the change came from, what the
// persons are measured against when it changed, the coverage per basis
// competence with its chart, the profiles, and the settings. It names no
// person.
func (db *diffBook) writeOverview() error {
	b := db.b
	o := &ovw{b: b, sheet: b.l.T(lang.SheetOverview), row: 1, widths: []float64{16, 62, 13, 13, 15, 13, 3}}
	f := b.f
	for i, w := range o.widths {
		if err := f.SetColWidth(o.sheet, xlsxstream.ColName(i+1), xlsxstream.ColName(i+1), w); err != nil {
			return err
		}
	}
	off := false
	if err := f.SetSheetView(o.sheet, 0, &excelize.ViewOptions{ShowGridLines: &off}); err != nil {
		return err
	}
	db.title(o)
	if db.d.Plan != nil {
		db.planRoutes(o)
	}
	if !db.d.Rules.Same {
		db.rules(o)
	}
	db.figures(o)
	if len(db.d.Steps) > 0 {
		db.steps(o)
	}
	rows := db.coverage(o)
	db.profiles(o)
	db.settings(o)
	if o.err != nil {
		return o.err
	}
	return db.chart(o.sheet, rows)
}

// title writes the title and what was compared.
func (db *diffBook) title(o *ovw) {
	b, l, d := db.b, db.b.l, db.d
	fw := d.After.Framework
	o.set(1, l.F(lang.DiffReportTitle, b.fwText(fw.Title)), b.st.title)
	o.row++
	who := l.Int(len(d.Before.People)) + " → " + l.Count(lang.PersonNoun, len(d.After.People))
	line := l.F(lang.DiffTitle, d.Before.Roster.Source, d.After.Roster.Source, who, b.fwText(fw.Title), fw.ID)
	if !b.opts.Date.IsZero() {
		line += " · " + b.opts.Date.Format("2006-01-02")
	}
	o.set(1, line, b.st.note)
	o.row++
	o.madeFor()
}

// rules lists what the persons are measured against that changed.
func (db *diffBook) rules(o *ovw) {
	b, l, d := db.b, db.b.l, db.d
	r := d.Rules
	o.table(l.T(lang.DiffRulesTitle), l.T(lang.ID), l.T(lang.DiffWhat), l.T(lang.DiffBefore), l.T(lang.DiffAfter))
	add := func(id, what string, before, after any) {
		o.set(1, id, b.st.id)
		o.set(2, what, b.st.textWrap)
		o.set(3, before, 0)
		o.set(4, after, 0)
		o.row++
	}
	node := func(id string) string {
		if n := d.After.Framework.Node(id); n != nil {
			return db.na.Name(n)
		}
		return db.nb.Name(d.Before.Framework.Node(id))
	}
	for _, x := range r.Requirements {
		add(x.Leaf, l.F(lang.DiffRuleRequirement, x.Role, node(x.Leaf)), x.Before, x.After)
	}
	for _, x := range r.Targets {
		add(x.Leaf, l.F(lang.DiffRuleTarget, node(x.Leaf)), x.Before, x.After)
	}
	for _, x := range r.Teach {
		add(x.Leaf, l.F(lang.DiffRuleTeach, node(x.Leaf)), x.Before, x.After)
	}
	for _, x := range r.Profiles {
		add(x.Profile, l.F(lang.DiffRuleProfile, node(x.Profile)),
			strconv.Itoa(x.TargetBefore)+", "+strconv.Itoa(x.NeedBefore)+", "+strconv.Itoa(x.SpecialistsBefore),
			strconv.Itoa(x.TargetAfter)+", "+strconv.Itoa(x.NeedAfter)+", "+strconv.Itoa(x.SpecialistsAfter))
	}
	for _, x := range r.RoleProfiles {
		add(x.Role, l.F(lang.DiffRuleRoleProfiles, x.Role), joinIDs(x.Before), joinIDs(x.After))
	}
	for _, id := range r.LeavesAdded {
		add(id, l.F(lang.DiffRuleLeafAdded, node(id)), nil, nil)
	}
	for _, id := range r.LeavesRemoved {
		add(id, l.F(lang.DiffRuleLeafRemoved, node(id)), nil, nil)
	}
	for _, id := range r.ProfilesAdded {
		add(id, l.F(lang.DiffRuleProfAdded, node(id)), nil, nil)
	}
	for _, id := range r.ProfilesRemoved {
		add(id, l.F(lang.DiffRuleProfRemoved, node(id)), nil, nil)
	}
	note := l.F(lang.DiffRulesNote, l.T(lang.DiffStepRules), l.T(lang.DiffOldRulesCol))
	if !r.Listed() {
		note = l.T(lang.DiffRuleReqOther)
		if r.FrameworkEdited {
			note = l.T(lang.DiffRuleFrameworkTxt)
		}
	}
	o.set(1, note, b.st.note)
	o.row++
}

func joinIDs(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += id
	}
	if s == "" {
		return "–"
	}
	return s
}

// figures writes the key figures before and after.
func (db *diffBook) figures(o *ovw) {
	l, d, st := db.b.l, db.d, &db.b.st
	bs, as := d.Before.Summary, d.After.Summary
	o.table(l.T(lang.KeyFigures), "", "", l.T(lang.DiffBefore), l.T(lang.DiffAfter), l.T(lang.DiffChangeCol))
	row := func(label string, before, after, change any, style, changeStyle int) {
		o.set(1, label, st.text)
		o.mergeRow(1, 2)
		o.set(3, before, style)
		o.set(4, after, style)
		o.set(5, change, changeStyle)
		o.row++
	}
	count := func(label string, before, after int) { row(label, before, after, after-before, 0, db.st.signed) }
	count(l.T(lang.Persons), bs.Persons, as.Persons)
	cb, okb := bs.Basis.Coverage()
	ca, oka := as.Basis.Coverage()
	if okb && oka {
		row(l.T(lang.TeamCoverage)+" – "+l.T(lang.DiffPointsCol), cb, ca, (ca-cb)*100, st.pct1, db.st.points)
	}
	count(l.T(lang.GapSum), int(bs.Basis.GapSum), int(as.Basis.GapSum))
	count(l.T(lang.PeopleWithGaps), bs.PeopleWithGaps, as.PeopleWithGaps)
	count(l.T(lang.ProfilesCovered), diff.ProfilesCovered(d.Before), diff.ProfilesCovered(d.After))
	count(l.T(lang.HolesTotal), len(d.Before.Holes), len(d.After.Holes))
	o.row++
	db.tallies(o)
	o.set(1, l.T(lang.DiffCoveredNote), st.note)
	o.row++
}

// tallies writes what became of the holes, how the persons were matched
// and assessed, and the levels a different assessor gave.
func (db *diffBook) tallies(o *ovw) {
	l, d, st := db.b.l, db.d, &db.b.st
	t, m := d.Tally(), d.Match
	o.set(1, l.T(lang.Holes)+": "+l.F(lang.DiffHoleCounts, l.Int(len(d.Before.Holes)), l.Int(len(d.After.Holes)), l.Int(t.Holes[diff.Opened]),
		l.Int(t.Holes[diff.ChangedKind]), l.Int(t.Holes[diff.Persisting]), l.Int(t.Worse), l.Int(t.Better), l.Int(t.Holes[diff.Closed])), st.text)
	o.row++
	o.set(1, l.T(lang.Persons)+": "+l.F(lang.DiffPersonsLine, l.Int(len(d.Before.People)), l.Int(len(d.After.People)),
		l.Int(len(m.Pairs)), l.Int(m.ByName), l.Int(len(m.Joined)), l.Int(len(m.Left))), st.text)
	o.row++
	if t.Dated() {
		a := t.Assessments
		o.set(1, l.T(lang.DiffAssessmentsL)+": "+l.F(lang.DiffAssessmentsLine, l.Int(a[diff.Reassessed]),
			l.Int(a[diff.CarriedOver]), l.Int(a[diff.Undated]+a[diff.Earlier])), st.text)
		o.row++
	}
	if t.OtherAssessor > 0 {
		o.set(1, l.T(lang.DiffOtherAssessorL)+": "+l.F(lang.DiffOtherLine, l.Int(t.OtherLevels), l.Int(t.OtherAssessor)), st.text)
		o.row++
	}
}

// steps writes the unit after each step on the way from before to after.
func (db *diffBook) steps(o *ovw) {
	l, d, st := db.b.l, db.d, &db.b.st
	o.table(l.T(lang.DiffStepsTitle), l.T(lang.DiffStepCol), "", l.T(lang.Persons), l.T(lang.BasisCoverage), l.T(lang.GapSum), l.T(lang.Holes))
	row := func(name string, res *analysis.Result) {
		o.set(1, name, st.text)
		o.mergeRow(1, 2)
		o.set(3, res.Summary.Persons, 0)
		if c, ok := res.Summary.Basis.Coverage(); ok {
			o.set(4, c, st.pct1)
		}
		o.set(5, int(res.Summary.Basis.GapSum), 0)
		o.set(6, len(res.Holes), 0)
		o.row++
	}
	row(l.F(lang.DiffStepStart, d.Before.Roster.Source), d.Before)
	for _, s := range d.Steps {
		row(db.stepName(s.Kind), s.State)
	}
	o.set(1, l.T(lang.DiffStepsNote), st.note)
	o.row++
}

// stepName names a step.
func (db *diffBook) stepName(k diff.StepKind) string { return narrate.Step(db.b.l, db.d, k) }

// coverage lists the team coverage of each basis competence before and
// after, with the threshold in a hidden column for the chart; it returns
// the first and last data rows.
func (db *diffBook) coverage(o *ovw) [2]int {
	b, l, d, st := db.b, db.b.l, db.d, &db.b.st
	if len(d.Leaves) == 0 {
		return [2]int{}
	}
	head := []string{l.T(lang.ID), l.T(lang.Competence), l.T(lang.DiffBefore), l.T(lang.DiffAfter), l.T(lang.DiffPointsCol)}
	old := d.OldRules() != nil
	if old {
		head = append(head, l.T(lang.DiffOldRulesCol))
	}
	o.table(l.T(lang.CoverageTable), head...)
	o.row--
	o.set(helperCol, l.T(lang.Threshold), 0)
	o.row++
	first := o.row
	for _, lc := range d.Leaves {
		n := d.LeafNode(lc)
		o.set(1, n.ID, st.id)
		o.set(2, db.na.Name(n), st.text)
		sb, okb := d.Stat(lc, 0)
		sa, oka := d.Stat(lc, 1)
		cb, hb := sb.Coverage()
		ca, ha := sa.Coverage()
		if okb && hb {
			o.set(3, cb, st.pct1)
		}
		if oka && ha {
			o.set(4, ca, st.pct1)
		}
		if okb && hb && oka && ha {
			o.set(5, (ca-cb)*100, db.st.points)
		}
		if old && lc.OldRules != nil {
			if c, ok := lc.OldRules.Coverage(); ok {
				o.set(6, c, st.pct1)
			}
		}
		o.set(helperCol, d.After.Settings.Coverage, st.pct1)
		o.row++
	}
	last := o.row - 1
	if o.err == nil {
		thr := strconv.FormatFloat(d.After.Settings.Coverage, 'g', -1, 64)
		red, green := st.dxf[0], st.dxf[3]
		for _, c := range []int{3, 4} {
			if o.err == nil {
				o.err = b.f.SetConditionalFormat(o.sheet, cell(c, first)+":"+cell(c, last), []excelize.ConditionalFormatOptions{
					{Type: "cell", Criteria: "<", Value: thr, Format: &red},
					{Type: "cell", Criteria: ">=", Value: thr, Format: &green},
				})
			}
		}
	}
	if o.err == nil {
		o.err = b.f.SetColVisible(o.sheet, xlsxstream.ColName(helperCol), false)
	}
	return [2]int{first, last}
}

// profiles lists the persons fitting each profile before and after.
func (db *diffBook) profiles(o *ovw) {
	b, l, d, st := db.b, db.b.l, db.d, &db.b.st
	if len(d.Profiles) == 0 {
		return
	}
	o.table(l.T(lang.DiffProfilesDiff), l.T(lang.ID), l.T(lang.ProfileL), l.T(lang.DiffBefore), l.T(lang.DiffAfter),
		l.T(lang.DiffCoveredCol)+" – "+l.T(lang.DiffBefore), l.T(lang.DiffCoveredCol)+" – "+l.T(lang.DiffAfter))
	yes := func(ok bool) string {
		if ok {
			return l.T(lang.Yes)
		}
		return l.T(lang.No)
	}
	for _, pc := range d.Profiles {
		if pc.After >= 0 {
			p := d.After.Framework.Profiles[pc.After]
			o.set(1, p.ID, st.id)
			o.set(2, b.text(db.na.Name(p)), st.text)
			o.set(4, int(d.After.Profiles[pc.After].Fitting), 0)
			o.set(6, yes(diff.Covered(d.After, int(pc.After))), st.text)
		}
		if pc.Before >= 0 {
			p := d.Before.Framework.Profiles[pc.Before]
			if pc.After < 0 {
				o.set(1, p.ID, st.id)
				o.set(2, b.text(db.nb.Name(p)), st.text)
			}
			o.set(3, int(d.Before.Profiles[pc.Before].Fitting), 0)
			o.set(5, yes(diff.Covered(d.Before, int(pc.Before))), st.text)
		}
		o.row++
	}
}

// settings writes the thresholds and the files, last.
func (db *diffBook) settings(o *ovw) {
	b, l, d := db.b, db.b.l, db.d
	s := d.After.Settings
	o.aboutHead(lang.About, d.After.Framework, "")
	o.kv(l.T(lang.RosterFile)+" – "+l.T(lang.DiffBefore), d.Before.Roster.Source, 0)
	o.kv(l.T(lang.RosterFile)+" – "+l.T(lang.DiffAfter), d.After.Roster.Source, 0)
	o.date()
	o.thresholds(s, false)
	o.kv(l.T(lang.RequirementsFile)+" – "+l.T(lang.DiffBefore), orWord(d.Before.Settings.RequirementsFile, l.T(lang.None)), 0)
	o.kv(l.T(lang.RequirementsFile)+" – "+l.T(lang.DiffAfter), orWord(s.RequirementsFile, l.T(lang.None)), 0)
	warnings := append(append(d.Before.AllWarnings(), d.After.AllWarnings()...), d.Warnings...)
	if len(warnings) > 0 {
		o.heading(l.T(lang.Warnings))
		for _, w := range warnings[:min(len(warnings), maxWarning)] {
			o.set(1, w, b.st.text)
			o.row++
		}
		if len(warnings) > maxWarning {
			o.set(1, l.F(lang.ManyWarnings, l.Int(len(warnings)-maxWarning)), b.st.note)
			o.row++
		}
	}
}

// chart draws the coverage per basis competence before and after as
// clustered columns, with the threshold as a dashed line.
func (db *diffBook) chart(sheet string, rows [2]int) error {
	overlap := -10
	return db.b.addCoverageChart(coverageChart{sheet: sheet, anchor: "H3", rows: rows, catCol: 1,
		series:       []barSeries{{3, rows[0] - 1, "A5A5A5"}, {4, rows[0] - 1, "4472C4"}},
		thresholdCol: helperCol, title: lang.DiffChart, xTitle: true, gap: 60, overlap: &overlap, height: 380})
}
