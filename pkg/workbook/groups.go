package workbook

import (
	"strconv"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// The Teams and Roles sheets: one row per team (or role), the whole unit
// first, with the group's persons, basis coverage and holes, then its
// coverage of every basis competence, red below the threshold and green at
// or above it (the Overview's rule). Competences beyond the sheet's
// columns continue on numbered sheets.
const groupFixed = 4

// writeGroups writes the sheets of groups (teams or roles).
func (b *builder) writeGroups(plan *sheetPlan, groups []analysis.Group, chunks int) error {
	per := b.lim.Cols - groupFixed
	nb := len(b.res.Framework.BasisLeaves)
	for c := range chunks {
		lo, hi := c*per, min((c+1)*per, nb)
		pg := b.bk.AddTable(plan.chunk(c, chunks), len(groups)+1)
		pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
			return 2, b.groupsHead(pg, sw, sheet, lo, hi)
		}
		pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
			return b.groupsColours(sheet, first, last, hi-lo)
		}
		pg.Rows = func(rlo, rhi int, add func([]any) error) error {
			row := make([]any, groupFixed+hi-lo)
			for r := rlo; r < rhi; r++ {
				b.groupRow(row, groups, r, lo, hi)
				if err := add(row); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return nil
}

// groupsHead sets up the columns, the note and the header row of basis
// leaves lo..hi-1.
func (b *builder) groupsHead(pg *xlsxstream.Table, sw *excelize.StreamWriter, sheet string, lo, hi int) error {
	l, st := b.l, &b.st
	widths, _ := fitHead([]string{"", l.T(lang.PersonsShort), l.T(lang.Coverage), l.T(lang.HolesColumn)}, []float64{28, 9, 10, 9}, 0)
	if err := setWidths(sw, widths); err != nil {
		return err
	}
	if err := pg.SetColStyle(sw, 1, 1, st.text); err != nil {
		return err
	}
	if err := pg.SetColStyle(sw, 3, 3, st.pct1); err != nil {
		return err
	}
	if hi > lo {
		if err := sw.SetColWidth(groupFixed+1, groupFixed+hi-lo, 6); err != nil {
			return err
		}
		if err := pg.SetColStyle(sw, groupFixed+1, groupFixed+hi-lo, st.pct0); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 2, TopLeftCell: "B3", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	note := b.groupNote()
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.note, Value: note}}); err != nil {
		return err
	}
	head := []any{excelize.Cell{StyleID: st.head, Value: ""}, excelize.Cell{StyleID: st.headWrap, Value: l.T(lang.PersonsShort)},
		excelize.Cell{StyleID: st.headWrap, Value: l.T(lang.Coverage)}, excelize.Cell{StyleID: st.headWrap, Value: l.T(lang.HolesColumn)}}
	leaves := b.res.Framework.BasisLeaves[lo:hi]
	for _, n := range leaves {
		head = append(head, excelize.Cell{StyleID: st.headRot, Value: b.text(short(n.ID+" "+b.name(n), 27))})
	}
	if err := sw.SetRow("A2", head, excelize.RowOpts{Height: 175}); err != nil {
		return err
	}
	for i, n := range leaves {
		if err := b.comment(sheet, cell(groupFixed+1+i, 2), n.ID+" "+b.name(n)); err != nil {
			return err
		}
	}
	return nil
}

// groupsColours colours the coverage cells of rows first..last.
func (b *builder) groupsColours(sheet string, first, last, n int) error {
	if last < first || n == 0 {
		return nil
	}
	thr := strconv.FormatFloat(b.res.Settings.Coverage, 'g', -1, 64)
	red, green := b.st.dxf[0], b.st.dxf[3]
	for _, c := range []int{3, groupFixed + 1} {
		c2 := c
		if c > 3 {
			c2 = groupFixed + n
		}
		err := b.f.SetConditionalFormat(sheet, cell(c, first)+":"+cell(c2, last), []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "<", Value: thr, Format: &red},
			{Type: "cell", Criteria: ">=", Value: thr, Format: &green},
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// groupRow fills row r: 0 is the whole unit, r > 0 the group r-1.
func (b *builder) groupRow(row []any, groups []analysis.Group, r, lo, hi int) {
	res, st := b.res, &b.st
	clear(row)
	name, f, holes := b.l.T(lang.UnitRow), res.Figures, len(res.Holes)
	style := st.bold
	if r > 0 {
		g := groups[r-1]
		name, f, holes, style = b.groupName(g), g.Figures, len(g.Holes), st.text
	}
	row[0], row[1], row[3] = excelize.Cell{StyleID: style, Value: b.text(name)}, f.Summary.Persons, holes
	if c, ok := f.Summary.Basis.Coverage(); ok {
		row[2] = c
	}
	for leaf := lo; leaf < hi; leaf++ {
		if c, ok := f.Leaves[leaf].Coverage(); ok {
			row[groupFixed+leaf-lo] = c
		}
	}
}
