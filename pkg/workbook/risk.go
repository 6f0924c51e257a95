package workbook

import (
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/risk"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// The Risk sheet (da Sårbarhed, sl Ranljivost): how every competence and
// profile stands up to absences and the depth behind it, a chart of that
// depth, and the next hire's requirement profiles with what developing
// current staff could do instead. It names no person.

// riskSheet holds what the Risk sheet is written from.
type riskSheet struct {
	rep  *risk.Report
	note string // why the next hire is not measured, if it is not
	// the sheet's own styles: a finding of the first tier, of the others;
	// a number at the top of a tall row
	bad, warn, top, pctTop, money int
}

// newRiskSheet assesses the unit; when the next hire cannot be measured
// (more combinations of role and profile than huller measures), the sheet
// says why and shows the rest.
func (b *builder) newRiskSheet() (*riskSheet, error) {
	rs := &riskSheet{}
	rep, err := risk.Assess(b.res, risk.Options{Prices: b.opts.Prices})
	if err != nil {
		rs.note = err.Error()
		if rep, err = risk.Assess(b.res, risk.Options{Hires: -1, Prices: b.opts.Prices}); err != nil {
			return nil, err
		}
	}
	rs.rep = rep
	return rs, nil
}

// Columns of the two node tables: the bench columns follow the exposure.
const riskBench = 10

// riskWidths are the widths of the sheet's columns, in characters.
var riskWidths = []float64{16, 46, 24, 11, 11, 12, 12, 11, 30, 11, 11, 16, 12}

// writeRisk writes the sheet.
func (b *builder) writeRisk(plan *sheetPlan, rs *riskSheet) error {
	o := &ovw{b: b, sheet: plan.pages[0], row: 1, widths: riskWidths}
	fill := func(c string) int {
		id, err := b.f.NewStyle(&excelize.Style{NumFmt: 49, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
		if o.err == nil {
			o.err = err
		}
		return id
	}
	rs.bad, rs.warn = fill("F4B6B6"), fill(colorGap1)
	pct1 := "0.0%"
	top, err := b.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	if o.err == nil {
		o.err = err
	}
	pctTop, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: &pct1, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	if o.err == nil {
		o.err = err
	}
	thousands := "#,##0"
	money, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: &thousands, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}})
	if o.err == nil {
		o.err = err
	}
	rs.top, rs.pctTop, rs.money = top, pctTop, money
	for i, w := range riskWidths {
		if o.err == nil {
			c := xlsxstream.ColName(i + 1)
			o.err = b.f.SetColWidth(o.sheet, c, c, w)
		}
	}
	l := b.l
	o.set(1, l.T(lang.RiskHeading), b.st.title)
	o.row++
	o.set(1, l.T(lang.RiskIntro), b.st.note)
	o.row++
	first := o.riskLeafTable(rs)
	o.riskProfileTable(rs)
	o.hireTables(rs)
	if o.err != nil {
		return o.err
	}
	return b.depthChart(o.sheet, first)
}

// findingCell writes a finding's tier, coloured.
func (o *ovw) findingCell(col int, rs *riskSheet, f analysis.Finding) {
	b := o.b
	switch f.Tier {
	case 0:
		o.set(col, "–", b.st.text)
	case analysis.TierCannotDeliver:
		o.set(col, b.overview.Tier(f.Tier), rs.bad)
	default:
		o.set(col, b.overview.Tier(f.Tier), rs.warn)
	}
}

// exposure writes a node's exposure in columns 6–9, the counts centred
// so that they do not run into the words beside them.
func (o *ovw) exposure(i int, n risk.Node, rs *riskSheet) {
	o.set(6, int(n.Opens), rs.top)
	o.set(7, int(n.Worsens), rs.top)
	if n.Depth > 0 {
		o.set(8, int(n.Depth), rs.top)
		o.set(9, o.b.overview.Path(i, n.Path), o.b.st.textWrap)
	} else {
		o.set(8, "–", rs.top)
	}
}

// riskLeafTable writes every competence's finding, coverage, holders, exposure
// and depth; it returns the first data row (for the chart).
func (o *ovw) riskLeafTable(rs *riskSheet) int {
	b, l := o.b, o.b.l
	o.table(l.T(lang.RiskSheetLeaves), l.T(lang.ID), l.T(lang.Competence), l.T(lang.RiskFindingNow), l.T(lang.Coverage),
		l.T(lang.Holders), l.T(lang.RiskOpens), l.T(lang.RiskWorsens), l.T(lang.RiskFewest), l.T(lang.RiskWhatThen),
		l.T(lang.RiskOneBelowTarget), l.T(lang.RiskMeetRequired), l.T(lang.RiskOneBelowRequired))
	o.taller()
	first := o.row
	nb := len(b.res.Framework.BasisLeaves)
	for i, leaf := range b.res.Framework.Leaves {
		n := rs.rep.Nodes[i]
		o.set(1, leaf.ID, b.st.id)
		o.set(2, b.name(leaf), b.st.text)
		o.findingCell(3, rs, n.Now.Finding)
		if c, ok := n.Now.Leaf.Coverage(); ok && i < nb {
			o.set(4, c, b.st.pct1)
		}
		o.set(5, int(n.Bench.AtTarget), 0)
		o.exposure(i, n, rs)
		o.set(riskBench, int(n.Bench.OneBelowTarget), 0)
		if i < nb {
			o.set(riskBench+1, int(n.Bench.MeetRequired), 0)
			o.set(riskBench+2, int(n.Bench.OneBelowRequired), 0)
		}
		o.row++
	}
	return first
}

// riskProfileTable writes every profile's finding, fit, exposure and depth.
func (o *ovw) riskProfileTable(rs *riskSheet) {
	b, l := o.b, o.b.l
	fw := b.res.Framework
	if len(fw.Profiles) == 0 {
		return
	}
	o.table(l.T(lang.RiskSheetProfiles), l.T(lang.ID), l.T(lang.ProfileL), l.T(lang.RiskFindingNow), l.T(lang.MinSpecialistsShort),
		l.T(lang.Fitting), l.T(lang.RiskOpens), l.T(lang.RiskWorsens), l.T(lang.RiskFewest), l.T(lang.RiskWhatThen),
		l.T(lang.RiskOneShort), l.T(lang.Assigned), l.T(lang.AssignedFitting), l.T(lang.RiskExpectedOneShort))
	o.taller()
	nl := len(fw.Leaves)
	for j, p := range fw.Profiles {
		n := rs.rep.Nodes[nl+j]
		o.set(1, p.ID, b.st.id)
		o.set(2, b.profName[j], b.st.text)
		o.findingCell(3, rs, n.Now.Finding)
		o.set(4, n.Now.Profile.Specialists, 0)
		o.set(5, int(n.Bench.Fitting), 0)
		o.exposure(nl+j, n, rs)
		o.set(riskBench, int(n.Bench.OneShort), 0)
		o.set(riskBench+1, int(n.Bench.Expected), 0)
		o.set(riskBench+2, int(n.Bench.ExpectedFitting), 0)
		o.set(riskBench+3, int(n.Bench.ExpectedOneShort), 0)
		o.row++
	}
}

// taller gives the header row just written room for its long labels.
func (o *ovw) taller() {
	if o.err == nil {
		o.err = o.b.f.SetRowHeight(o.sheet, o.row-1, 80)
	}
}

// hireTables writes the best requirement profiles, then gain by gain what
// developing current staff could do instead.
func (o *ovw) hireTables(rs *riskSheet) {
	o.hireTable(rs)
	o.trainTable(rs)
}

// hireTable writes the best requirement profiles for the next hire, one
// row each.
func (o *ovw) hireTable(rs *riskSheet) {
	b, l := o.b, o.b.l
	rep := rs.rep
	o.table(l.T(lang.RiskHire), l.T(lang.Rank), l.T(lang.RiskProposal), l.T(lang.RiskResolves), l.T(lang.RiskImprovesCol),
		l.T(lang.RiskBringsCol), l.T(lang.RiskAlsoStaff), l.T(lang.RiskLevelsCol))
	o.taller()
	switch {
	case rs.note != "":
		o.set(1, l.F(lang.RiskNoHiresNote, rs.note), b.st.note)
		o.row++
	case len(rep.Hires) == 0:
		o.set(1, l.T(lang.RiskNoHire), b.st.note)
		o.row++
	}
	for k, h := range rep.Hires {
		o.set(1, k+1, rs.top)
		o.set(2, b.proposal(h), b.st.textWrap)
		var resolved, improved []string
		could := 0
		for c, d := range h.Changes {
			id := b.nodeID(d.Node)
			if d.Improved {
				improved = append(improved, id)
			} else {
				resolved = append(resolved, l.F(lang.RiskArrow, id+": "+b.overview.Finding(d.Before.Finding), b.overview.Finding(d.After.Finding)))
			}
			if h.Train[c].Short > 0 {
				could++
			}
		}
		o.set(3, strings.Join(resolved, "\n"), b.st.textWrap)
		o.set(4, strings.Join(improved, ", "), b.st.textWrap)
		var brings []string
		for _, n := range h.NewHolders {
			brings = append(brings, b.nodeID(n))
		}
		o.set(5, strings.Join(brings, ", "), b.st.textWrap)
		o.set(6, l.Of(could, len(h.Changes)), rs.top)
		o.set(7, b.levels(h), b.st.textWrap)
		o.mergeRow(7, 13)
		o.fitRow(span{b.proposal(h), 2, 2}, span{strings.Join(resolved, "\n"), 3, 3},
			span{strings.Join(improved, ", "), 4, 4}, span{b.levels(h), 7, 13})
		o.row++
	}
}

// trainTable writes, gain by gain of the hires, what developing current
// staff could do instead: who is one step short, and the cheapest course
// run that takes them that step.
func (o *ovw) trainTable(rs *riskSheet) {
	b, l := o.b, o.b.l
	rep := rs.rep
	costCol := l.T(lang.RiskCostCol)
	if rep.Priced {
		costCol = l.F(lang.RiskCostColIn, rep.Currency)
	}
	o.table(l.T(lang.RiskTrainDetail), l.T(lang.Rank), l.T(lang.Subject), l.T(lang.RiskFindingNow), l.T(lang.RiskFindingWith), "",
		l.T(lang.RiskFigureNow), l.T(lang.RiskFigureWith), l.T(lang.RiskStepShort), l.T(lang.RiskToClose),
		l.T(lang.RiskAssessCol), costCol, l.T(lang.RiskCourseCol), l.T(lang.RiskParticipantsCol))
	o.row--
	o.mergeRow(4, 5)
	o.row++
	o.taller()
	for k, h := range rep.Hires {
		for c, d := range h.Changes {
			tr := h.Train[c]
			name := b.nodeID(d.Node) + " " + b.name(b.nodeOf(d.Node))
			o.set(1, k+1, rs.top)
			o.set(2, name, b.st.textWrap)
			o.set(3, b.overview.Finding(d.Before.Finding), b.st.textWrap)
			o.set(4, b.overview.Finding(d.After.Finding), b.st.textWrap)
			o.mergeRow(4, 5)
			o.figure(6, d.Node, d.Before, rs)
			o.figure(7, d.Node, d.After, rs)
			o.set(8, int(tr.Short), rs.top)
			o.set(9, int(tr.Close), rs.top)
			if tr.Assess {
				o.set(10, l.T(lang.Yes), b.st.textWrap)
			}
			course := ""
			if q := tr.Run; q != nil {
				course = q.Course.ID
				o.set(11, q.Cost, rs.money)
				o.set(12, course, b.st.textWrap)
				o.set(13, q.Participants, rs.top)
			}
			o.fitRow(span{name, 2, 2}, span{b.overview.Finding(d.Before.Finding), 3, 3}, span{b.overview.Finding(d.After.Finding), 4, 5},
				span{course, 12, 12})
			o.row++
		}
	}
	if rep.Priced && len(rep.Hires) > 0 {
		o.set(1, l.T(lang.RiskPricedNote), b.st.note)
		o.row++
	}
}

// figure writes the figure a finding on node i is read by: the coverage of
// a basis competence, the persons at the target level of a profile's
// competence, the persons who fit a profile.
func (o *ovw) figure(col, i int, s risk.Snapshot, rs *riskSheet) {
	switch {
	case risk.IsProfile(o.b.res.Framework, i):
		o.set(col, int(s.Profile.Fitting), rs.top)
	case i < len(o.b.res.Framework.BasisLeaves):
		if c, ok := s.Leaf.Coverage(); ok {
			o.set(col, c, rs.pctTop)
		}
	default:
		o.set(col, int(s.Leaf.Holders), rs.top)
	}
}
