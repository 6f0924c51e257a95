package workbook

import (
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/risk"
	"github.com/xuri/excelize/v2"
)

// nodeOf returns the leaf or profile of node i (leaves, then profiles).
func (b *builder) nodeOf(i int) *framework.Node { return risk.NodeOf(b.res.Framework, i) }

func (b *builder) nodeID(i int) string { return b.nodeOf(i).ID }

// roleLabel names a newcomer's role.
func (b *builder) roleLabel(id string) string {
	if id == "" {
		return b.l.T(lang.RiskNoRoleHire)
	}
	if r := b.res.Framework.Role(id); r != nil {
		if s := b.fwText(r.Name); s != "" {
			return s
		}
	}
	return id
}

// proposal says a requirement profile: the profile, as the role (the same
// as the other roles).
func (b *builder) proposal(h risk.Hire) string {
	l := b.l
	prof := l.T(lang.RiskNoProfile)
	if h.Profile >= 0 {
		prof = b.profName[h.Profile]
	}
	s := l.F(lang.RiskAsRole, prof, b.roleLabel(h.Role))
	if len(h.AlsoAs) > 0 {
		names := make([]string, len(h.AlsoAs))
		for i, id := range h.AlsoAs {
			names[i] = b.roleLabel(id)
		}
		s += " (" + l.F(lang.RiskAlsoAs, strings.Join(names, ", ")) + ")"
	}
	return s
}

// levels lists the levels a newcomer brings: "1.1: 2 · 1.2: 2 …", then the
// profile's competences.
func (b *builder) levels(h risk.Hire) string {
	fw := b.res.Framework
	var parts []string
	for _, lv := range append(append([]risk.Level{}, h.Levels...), h.ProfileLevels...) {
		parts = append(parts, fw.Leaves[lv.Leaf].ID+": "+b.l.Int(int(lv.Level)))
	}
	return strings.Join(parts, " · ")
}

// depthChart draws, per competence, the persons at the target level and
// those one level below it, stacked: how deep the bench is.
func (b *builder) depthChart(sheet string, first int) error {
	fw := b.res.Framework
	if len(fw.Leaves) == 0 {
		return nil
	}
	l := b.l
	last := first + len(fw.Leaves) - 1
	cats := ref(sheet, 1, first, 1, last)
	font := excelize.Font{Size: 9, Color: "404040"}
	vary := false
	zero := 0.0
	gap, overlap := uint(30), 100
	chart := &excelize.Chart{
		Type: excelize.BarStacked, VaryColors: &vary,
		Series: []excelize.ChartSeries{
			{Name: ref(sheet, 5, first-1, 5, first-1), Categories: cats, Values: ref(sheet, 5, first, 5, last),
				Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorMet}}},
			{Name: ref(sheet, riskBench, first-1, riskBench, first-1), Categories: cats, Values: ref(sheet, riskBench, first, riskBench, last),
				Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorGap1}}},
		},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.T(lang.RiskChart), Font: &excelize.Font{Size: 12, Bold: true}}}},
		Dimension: excelize.ChartDimension{Width: 620, Height: uint(min(2000, 120+16*len(fw.Leaves)))},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis:     excelize.ChartAxis{Font: font, ReverseOrder: true, TickLabelSkip: 1},
		YAxis: excelize.ChartAxis{Minimum: &zero, MajorGridLines: true, Font: font,
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.T(lang.RiskChartY), Font: &excelize.Font{Size: 9}}}}},
		GapWidth: &gap, Overlap: &overlap,
		Format: excelize.GraphicOptions{AltText: l.T(lang.RiskChart)},
	}
	return b.f.AddChart(sheet, cell(riskBench+5, first-1), chart)
}
