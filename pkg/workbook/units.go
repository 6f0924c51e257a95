package workbook

import (
	"errors"
	"io"
	"strconv"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/compare"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// unitsFixed are the columns of the Units sheet before the competences.
const unitsFixed = 10

// WriteUnits writes the workbook of a comparison of units: the Units sheet
// (da Enheder, sl Enote), one row per unit in name order — persons, basis
// coverage, holes by priority, profiles with enough specialists and where
// the required levels came from — and a heatmap of the coverage of every
// basis competence per unit, red below the threshold and green at or above
// it. It names no person; in an aggregate comparison a suppressed figure is
// ·.
func WriteUnits(w io.Writer, c *compare.Comparison, opts Options) error {
	if c == nil || c.Framework == nil {
		return errors.New("report: no comparison")
	}
	opts.Share.MinCell = c.Min
	opts.Share.Pseudonyms = ""
	res := &analysis.Result{Framework: c.Framework, Settings: c.Settings}
	return writeBook(w, res, opts, "units workbook", func(b *builder) error {
		return (&unitsBuilder{builder: b, c: c}).build()
	})
}

type unitsBuilder struct {
	*builder
	c         *compare.Comparison
	markStyle int
}

func (u *unitsBuilder) build() error {
	if err := u.newStyles(); err != nil {
		return err
	}
	var err error
	u.markStyle, err = u.f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Family: font, Color: "808080"},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return err
	}
	nb := len(u.c.Framework.BasisLeaves)
	nChunks := chunks(nb, u.lim.Cols-unitsFixed)
	name := u.l.T(lang.SheetUnits)
	plan := u.newPlan(name, 2, len(u.c.Units), nChunks)
	if err := u.f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	for i, p := range plan.pages {
		if i > 0 {
			if _, err := u.f.NewSheet(p); err != nil {
				return err
			}
		}
		if err := u.pageSetup(p, false); err != nil {
			return err
		}
	}
	per := u.lim.Cols - unitsFixed
	for c := range nChunks {
		lo, hi := c*per, min((c+1)*per, nb)
		pg := u.bk.AddTable(plan.chunk(c, nChunks), len(u.c.Units))
		pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
			return 2, u.head(pg, sw, sheet, lo, hi)
		}
		pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
			return u.colours(sheet, first, last, hi-lo)
		}
		pg.Rows = func(rlo, rhi int, add func([]any) error) error {
			row := make([]any, unitsFixed+hi-lo)
			for r := rlo; r < rhi; r++ {
				u.row(row, &u.c.Units[r], lo, hi)
				if err := add(row); err != nil {
					return err
				}
			}
			return nil
		}
	}
	if err := u.bk.WriteTables(); err != nil {
		return err
	}
	return u.setProps()
}

// head sets up the columns and writes the note and the header row of basis
// leaves lo..hi-1.
func (u *unitsBuilder) head(pg *xlsxstream.Table, sw *excelize.StreamWriter, sheet string, lo, hi int) error {
	l, st := u.l, &u.st
	head := []string{l.T(lang.Unit), l.T(lang.File), l.T(lang.PersonsShort), l.T(lang.BasisCoverage),
		l.T(lang.TierCannotDeliver), l.T(lang.TierFragile), l.T(lang.TierUnknown), l.T(lang.TierDeveloping),
		l.T(lang.ProfilesCoveredOf), l.T(lang.RequirementsFrom)}
	widths, _ := fitHead(head, []float64{20, 26, 9, 13, 10, 10, 10, 10, 12, 36}, 0)
	if err := setWidths(sw, widths); err != nil {
		return err
	}
	if err := pg.SetColStyle(sw, 1, 2, st.text); err != nil {
		return err
	}
	if err := pg.SetColStyle(sw, 4, 4, st.pct1); err != nil {
		return err
	}
	if err := pg.SetColStyle(sw, 10, 10, st.text); err != nil {
		return err
	}
	if hi > lo {
		if err := sw.SetColWidth(unitsFixed+1, unitsFixed+hi-lo, 6); err != nil {
			return err
		}
		if err := pg.SetColStyle(sw, unitsFixed+1, unitsFixed+hi-lo, st.pct0); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 2, TopLeftCell: "B3", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	note := l.T(lang.UnitsNote) + " " + l.F(lang.MatrixNote, l.Share(u.c.Settings.Coverage))
	if u.c.Min > 0 {
		note += " " + l.F(lang.SuppressedNote, l.Int(u.c.Min))
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.note, Value: note}}); err != nil {
		return err
	}
	cells := styled(head, st.headWrap)
	for _, n := range u.c.Framework.BasisLeaves[lo:hi] {
		cells = append(cells, excelize.Cell{StyleID: st.headRot, Value: u.text(short(n.ID+" "+u.name(n), 27))})
	}
	if err := sw.SetRow("A2", cells, excelize.RowOpts{Height: 175}); err != nil {
		return err
	}
	for i, n := range u.c.Framework.BasisLeaves[lo:hi] {
		if err := u.comment(sheet, cell(unitsFixed+1+i, 2), n.ID+" "+u.name(n)); err != nil {
			return err
		}
	}
	if sheet != u.plan[0].pages[0] {
		return nil
	}
	// the roles behind the required levels of each unit, on its first
	// sheet
	for r := range u.c.Units[:min(len(u.c.Units), u.lim.Rows-2)] {
		text := compare.RequirementsText(l, u.c.Units[r].Requirements)
		if text == "" {
			continue
		}
		if err := u.comment(sheet, cell(10, 3+r), text); err != nil {
			return err
		}
	}
	return nil
}

// colours colours the coverage cells of rows first..last.
func (u *unitsBuilder) colours(sheet string, first, last, n int) error {
	if last < first {
		return nil
	}
	thr := strconv.FormatFloat(u.c.Settings.Coverage, 'g', -1, 64)
	red, green := u.st.dxf[0], u.st.dxf[3]
	ranges := []string{cell(4, first) + ":" + cell(4, last)}
	if n > 0 {
		ranges = append(ranges, cell(unitsFixed+1, first)+":"+cell(unitsFixed+n, last))
	}
	for _, rng := range ranges {
		if err := u.f.SetConditionalFormat(sheet, rng, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "<", Value: thr, Format: &red},
			{Type: "cell", Criteria: ">=", Value: thr, Format: &green},
		}); err != nil {
			return err
		}
	}
	return nil
}

// mark is the suppressed mark as a cell.
func (u *unitsBuilder) mark() excelize.Cell {
	return excelize.Cell{StyleID: u.markStyle, Value: u.l.T(lang.SuppressedMark)}
}

// share is a coverage for a cell: the fraction, nil when undefined, or
// the mark.
func (u *unitsBuilder) share(f privacy.Figure) any {
	x, defined, shown := f.Share()
	switch {
	case !shown:
		return u.mark()
	case !defined:
		return nil
	}
	return x
}

// row fills row with unit r.
func (u *unitsBuilder) row(row []any, r *compare.Row, lo, hi int) {
	l := u.l
	clear(row)
	row[0], row[1] = u.text(r.Name), u.text(r.File)
	row[9] = u.text(compare.RequirementsSummary(l, r.Requirements))
	if r.Small {
		row[2] = excelize.Cell{StyleID: u.markStyle, Value: "< " + l.Int(u.c.Min)}
		for i := range row[3:9] {
			row[3+i] = u.mark()
		}
	} else {
		if n, ok := r.Persons.Count(); ok {
			row[2] = n
		} else {
			row[2] = u.mark()
		}
		row[3] = u.share(r.Basis)
		for i, t := range analysis.Tiers {
			row[4+i] = r.Tiers[t]
		}
		row[8] = l.Of(r.Covered, r.Profiles)
	}
	for leaf := lo; leaf < hi; leaf++ {
		row[unitsFixed+leaf-lo] = u.share(r.Coverage[leaf])
	}
}
