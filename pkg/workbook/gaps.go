package workbook

import (
	"slices"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/xuri/excelize/v2"
)

// gapCols is the number of columns of the Gaps sheet.
const gapCols = 11

// writeGaps writes one row per person and gap: the basis gaps, then the
// gaps in the person's assigned profiles.
func (b *builder) writeGaps(plan *sheetPlan, listed []int32) error {
	l, st, res := b.l, &b.st, b.res
	fw := res.Framework
	// start[i] is the index of listed person i's first gap row
	start := make([]int, len(listed)+1)
	for i, p := range listed {
		start[i+1] = start[i] + len(res.People[p].Gaps) + len(res.People[p].ProfileGaps)
	}
	pg := b.newTable(plan.pages, start[len(listed)])
	pg.head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		if err := setWidths(sw, []float64{26, 11, 18, 22, 9, 30, 13, 46, 8, 12, 7}); err != nil {
			return 0, err
		}
		if err := pg.setColStyle(sw, 1, 8, st.text); err != nil {
			return 0, err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return 0, err
		}
		head := []string{l.T(lang.Name), l.T(lang.ID), l.T(lang.Team), l.T(lang.Role), l.T(lang.Type), l.T(lang.Group), l.T(lang.ID), l.T(lang.Competence), l.T(lang.Level), l.T(lang.RequiredOrTarget), l.T(lang.Gap)}
		return 1, sw.SetRow("A1", styled(head, st.headWrap), excelize.RowOpts{Height: 32})
	}
	pg.tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		return b.f.AutoFilter(sheet, "A1:"+cell(gapCols, max(last, 1)), nil)
	}
	// texts per leaf, prepared (and boxed) once
	leafID := make([]any, len(fw.Leaves))
	leafName := make([]any, len(fw.Leaves))
	leafGroup := make([]any, len(fw.Leaves))
	for i, n := range fw.Leaves {
		leafID[i], leafName[i] = b.text(n.ID), b.text(b.name(n))
		leafGroup[i] = b.text(groupLabel(n.Group, b.name(n.Group)))
	}
	basis, profile := any(l.T(lang.Basis)), any(l.T(lang.Profile))
	pg.rows = func(lo, hi int, add func([]any) error) error {
		row := make([]any, gapCols)
		n := 0 // rows written
		skip := lo
		emit := func(kind any, g analysis.Gap) error {
			if skip > 0 {
				skip--
				return nil
			}
			if n == hi-lo {
				return nil
			}
			n++
			row[4] = kind
			row[5], row[6], row[7] = leafGroup[g.Leaf], leafID[g.Leaf], leafName[g.Leaf]
			row[8], row[9], row[10] = levelValues[g.Level], levelValues[g.Required], levelValues[g.Size()]
			return add(row)
		}
		i, _ := slices.BinarySearch(start, lo)
		if i == len(start) || start[i] > lo {
			i--
		}
		skip = lo - start[i]
		for _, p := range listed[i:] {
			if n == hi-lo {
				break
			}
			per := &res.People[p]
			if len(per.Gaps) == 0 && len(per.ProfileGaps) == 0 {
				continue
			}
			row[0], row[1], row[2] = b.text(b.names[p]), b.text(per.ID), b.text(per.Person.Team)
			row[3] = b.text(b.roleName[per.Role])
			for _, g := range per.Gaps {
				if err := emit(basis, g); err != nil {
					return err
				}
			}
			for _, g := range per.ProfileGaps {
				if err := emit(profile, g); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return nil
}
