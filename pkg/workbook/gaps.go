package workbook

import (
	"slices"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// gapCols is the number of columns of the Gaps sheet.
const gapCols = 11

// writeGaps writes one row per person and gap: the basis gaps, then the
// gaps in the person's assigned profiles.
func (b *builder) writeGaps(plan *sheetPlan, listed []int32) error {
	res := b.res
	// start[i] is the index of listed person i's first gap row
	start := make([]int, len(listed)+1)
	for i, p := range listed {
		start[i+1] = start[i] + len(res.People[p].Gaps) + len(res.People[p].ProfileGaps)
	}
	pg := b.bk.AddTable(plan.pages, start[len(listed)])
	pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) { return b.gapsHead(pg, sw) }
	pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		return b.f.AutoFilter(sheet, "A1:"+cell(gapCols, max(last, 1)), nil)
	}
	pg.Rows = b.newGapRows(listed, start).rows
	return nil
}

// gapsHead sets up the columns and writes the header row.
func (b *builder) gapsHead(pg *xlsxstream.Table, sw *excelize.StreamWriter) (int, error) {
	l, st := b.l, &b.st
	head := []string{l.T(lang.Name), l.T(lang.ID), l.T(lang.Team), l.T(lang.Role), l.T(lang.Type), l.T(lang.Group),
		l.T(lang.ID), l.T(lang.Competence), l.T(lang.Level), l.T(lang.RequiredOrTarget), l.T(lang.Gap)}
	widths, height := fitHead(head, []float64{26, 11, 18, 22, 9, 30, 13, 46, 8, 12, 7}, 32)
	if err := setWidths(sw, widths); err != nil {
		return 0, err
	}
	if err := pg.SetColStyle(sw, 1, 8, st.text); err != nil {
		return 0, err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return 0, err
	}
	return 1, sw.SetRow("A1", styled(head, st.headWrap), excelize.RowOpts{Height: height})
}

// gapRows writes the rows of the Gaps sheet, from any row on: the texts of
// each leaf are prepared (and boxed) once.
type gapRows struct {
	b                        *builder
	listed                   []int32
	start                    []int
	leafID, leafName, leafGr []any
	basis, profile           any
}

func (b *builder) newGapRows(listed []int32, start []int) *gapRows {
	fw := b.res.Framework
	g := &gapRows{b: b, listed: listed, start: start, basis: b.l.T(lang.Basis), profile: b.l.T(lang.Profile),
		leafID: make([]any, len(fw.Leaves)), leafName: make([]any, len(fw.Leaves)), leafGr: make([]any, len(fw.Leaves))}
	for i, n := range fw.Leaves {
		g.leafID[i], g.leafName[i] = b.text(n.ID), b.text(b.name(n))
		g.leafGr[i] = b.text(groupLabel(n.Group, b.name(n.Group)))
	}
	return g
}

// rows writes gap rows lo..hi-1.
func (g *gapRows) rows(lo, hi int, add func([]any) error) error {
	b, res := g.b, g.b.res
	row := make([]any, gapCols)
	i, _ := slices.BinarySearch(g.start, lo)
	if i == len(g.start) || g.start[i] > lo {
		i--
	}
	skip, n := lo-g.start[i], 0 // rows of person i before lo; rows written
	emit := func(kind any, gaps []analysis.Gap) error {
		for _, gp := range gaps {
			if skip > 0 {
				skip--
				continue
			}
			if n == hi-lo {
				return nil
			}
			n++
			row[4], row[5], row[6], row[7] = kind, g.leafGr[gp.Leaf], g.leafID[gp.Leaf], g.leafName[gp.Leaf]
			row[8], row[9], row[10] = levelValues[gp.Level], levelValues[gp.Required], levelValues[gp.Size()]
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
	for _, p := range g.listed[i:] {
		per := &res.People[p]
		if n == hi-lo {
			break
		}
		if len(per.Gaps) == 0 && len(per.ProfileGaps) == 0 {
			continue
		}
		row[0], row[1], row[2], row[3] = b.text(b.names[p]), b.text(per.ID), b.text(per.Person.Team), b.text(b.roleName[per.Role])
		if err := emit(g.basis, per.Gaps); err != nil {
			return err
		}
		if err := emit(g.profile, per.ProfileGaps); err != nil {
			return err
		}
	}
	return nil
}
