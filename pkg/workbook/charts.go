package workbook

import (
	"github.com/huller/huller/pkg/lang"
	"github.com/xuri/excelize/v2"
)

// chartFont is the font of the charts' axes.
var chartFont = excelize.Font{Size: 9, Color: "404040"}

// barSeries is a series of a chart: its name in row nameRow of column col,
// its values in the chart's rows of that column, and its colour.
type barSeries struct {
	col, nameRow int
	color        string
}

// series returns s as excelize's series over the rows r1..r2 of sheet with
// the categories cats.
func (s barSeries) series(sheet, cats string, r1, r2 int) excelize.ChartSeries {
	return excelize.ChartSeries{Name: ref(sheet, s.col, s.nameRow, s.col, s.nameRow), Categories: cats,
		Values: ref(sheet, s.col, r1, s.col, r2), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.color}}}
}

// coverageChart describes a column chart of coverage per basic competence
// (0–100 %) with the threshold as a dashed red line: the Overview's of the
// report, and those before and after of the plan and the comparison.
type coverageChart struct {
	sheet, anchor string
	rows          [2]int // the data rows; the series' names are in the row above
	catCol        int    // the categories' column
	series        []barSeries
	thresholdCol  int // the column of the threshold, repeated on every row
	title         lang.Term
	xTitle        bool // the x axis is titled
	gap           uint // the gap between categories, in % of a column
	overlap       *int // 100 stacks groups that do not overlap; nil for excelize's default
	height        uint // in pixels
}

// addCoverageChart draws c.
func (b *builder) addCoverageChart(c coverageChart) error {
	if c.rows[0] == 0 {
		return nil
	}
	l, r1, r2 := b.l, c.rows[0], c.rows[1]
	cats := ref(c.sheet, c.catCol, r1, c.catCol, r2)
	var series []excelize.ChartSeries
	for _, s := range c.series {
		series = append(series, s.series(c.sheet, cats, r1, r2))
	}
	zero, one := 0.0, 1.0
	vary := false
	x := excelize.ChartAxis{Font: chartFont, TickLabelSkip: 1}
	if c.xTitle {
		x.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.T(lang.ChartCoverageX), Font: &excelize.Font{Size: 9}}}}
	}
	chart := &excelize.Chart{
		Type: excelize.Col, Series: series, VaryColors: &vary,
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{
			{Text: l.T(c.title), Font: &excelize.Font{Size: 12, Bold: true}},
			{Text: " (" + l.T(lang.ChartCoverageY) + ")", Font: &excelize.Font{Size: 9}},
		}},
		Dimension: excelize.ChartDimension{Width: 760, Height: c.height},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis:     x,
		YAxis: excelize.ChartAxis{Minimum: &zero, Maximum: &one, MajorGridLines: true, MajorUnit: 0.2, Font: chartFont,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
		GapWidth: &c.gap, Overlap: c.overlap, ShowBlanksAs: "gap",
		Format: excelize.GraphicOptions{AltText: l.T(c.title)},
	}
	tc := c.thresholdCol
	line := &excelize.Chart{
		Type: excelize.Line, VaryColors: &vary,
		Series: []excelize.ChartSeries{{
			Name: ref(c.sheet, tc, r1-1, tc, r1-1), Categories: cats, Values: ref(c.sheet, tc, r1, tc, r2),
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorThreshold}},
			Line:   excelize.LineOptions{Width: 2, Dash: excelize.LineDashDash},
			Marker: excelize.ChartMarker{Symbol: "none"},
		}},
		// excelize takes the axes of the last chart of a combination
		XAxis: chart.XAxis, YAxis: chart.YAxis,
	}
	return b.f.AddChart(c.sheet, c.anchor, chart, line)
}

// barChart describes a horizontal bar chart of counts per category, its
// categories top down: the persons per profile of the report's Overview,
// the holes per priority of the plan's.
type barChart struct {
	sheet, anchor string
	rows          [2]int
	catCol        int
	series        []barSeries
	title         lang.Term
	yTitle        *lang.Term // the value axis's title; nil for none
	majorUnit     float64    // 0 for excelize's choice
	height        uint
}

// addBarChart draws c.
func (b *builder) addBarChart(c barChart) error {
	l, r1, r2 := b.l, c.rows[0], c.rows[1]
	cats := ref(c.sheet, c.catCol, r1, c.catCol, r2)
	var series []excelize.ChartSeries
	for _, s := range c.series {
		series = append(series, s.series(c.sheet, cats, r1, r2))
	}
	vary := false
	zero := 0.0
	y := excelize.ChartAxis{Minimum: &zero, MajorGridLines: true, MajorUnit: c.majorUnit, Font: chartFont}
	if c.yTitle != nil {
		y.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.T(*c.yTitle), Font: &excelize.Font{Size: 9}}}}
	}
	return b.f.AddChart(c.sheet, c.anchor, &excelize.Chart{
		Type: excelize.Bar, VaryColors: &vary, Series: series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.T(c.title), Font: &excelize.Font{Size: 12, Bold: true}}}},
		Dimension: excelize.ChartDimension{Width: 760, Height: c.height},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis:     excelize.ChartAxis{Font: chartFont, ReverseOrder: true},
		YAxis:     y,
		Format:    excelize.GraphicOptions{AltText: l.T(c.title)},
	})
}
