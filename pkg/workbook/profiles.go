package workbook

import (
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// profFixed are the columns of the Profiles sheet before the profiles.
const profFixed = 5

// writeProfiles writes where each person stands on every profile: "3 of
// 4" at the target level, green when the person fits it, ★ when it is
// expected of them, – when not assessed.
func (b *builder) writeProfiles(plan *sheetPlan, nChunks int, listed []int32) error {
	per := b.lim.Cols - profFixed
	for c := range nChunks {
		lo, hi := c*per, min((c+1)*per, len(b.res.Framework.Profiles))
		pg := b.bk.AddTable(plan.chunk(c, nChunks), len(listed))
		pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
			return b.profilesHead(pg, sw, sheet, lo, hi)
		}
		pg.Rows = func(rlo, rhi int, add func([]any) error) error {
			row := make([]any, profFixed+hi-lo)
			for _, p := range listed[rlo:rhi] {
				b.profileRow(row, p, lo, hi)
				if err := add(row); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return nil
}

// profilesHead sets up the columns of profiles lo..hi-1 and writes the
// note and the header row, with each profile's focus in a comment.
func (b *builder) profilesHead(pg *xlsxstream.Table, sw *excelize.StreamWriter, sheet string, lo, hi int) (int, error) {
	l, st, fw := b.l, &b.st, b.res.Framework
	head := []string{l.T(lang.Name), l.T(lang.ID), l.T(lang.Team), l.T(lang.Role), l.T(lang.AssignedProfiles)}
	widths := []float64{26, 11, 18, 22, 30}
	for j := lo; j < hi; j++ {
		head, widths = append(head, b.text(b.profName[j])), append(widths, 21)
	}
	widths, height := fitHead(head, widths, 45)
	if err := setWidths(sw, widths); err != nil {
		return 0, err
	}
	if err := pg.SetColStyle(sw, 1, profFixed, st.text); err != nil {
		return 0, err
	}
	if hi > lo {
		if err := pg.SetColStyle(sw, profFixed+1, profFixed+hi-lo, st.fitNo); err != nil {
			return 0, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 2,
		TopLeftCell: "B3", ActivePane: "bottomRight"}); err != nil {
		return 0, err
	}
	note := l.F(lang.ProfilesNote, l.Share(b.res.Settings.Fit))
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.note, Value: note}}); err != nil {
		return 0, err
	}
	if err := sw.SetRow("A2", styled(head, st.headWrap), excelize.RowOpts{Height: height}); err != nil {
		return 0, err
	}
	for j := lo; j < hi; j++ {
		text := b.profName[j]
		if focus := b.fwText(fw.Profiles[j].Focus); focus != "" {
			text += ": " + focus
		}
		if err := b.comment(sheet, cell(profFixed+1+j-lo, 2), text); err != nil {
			return 0, err
		}
	}
	return 2, nil
}

// fitCell shows person p's standing on profile j as "3 of 4" (at the
// target level, of the profile's competences), "–" when not assessed,
// green when the person fits, ★ when the profile is expected of them.
func (b *builder) fitCell(p, j int) any {
	res := b.res
	k := -1
	if res.ProfileAssessed(p, j) > 0 {
		k = res.AtTarget(p, j)
	}
	fc := &b.fitCells[j]
	if k+1 >= len(fc.cells[0][0]) { // not reached: at most every leaf is at the target
		return b.newFitCell(j, k, res.IsExpected(p, j), res.Fits(p, j))
	}
	return fc.cells[b2i(res.IsExpected(p, j))][b2i(res.Fits(p, j))][k+1]
}

// fitCells are the cells fitCell shows for one profile, boxed once:
// cells[expected][fits][k+1] for k of the profile's competences at the
// target (k = -1: not assessed), and "k of n" by k.
type fitCells struct {
	cells [2][2][]any
	of    []string
}

// prepareFitCells boxes the cells of every profile's column.
func (b *builder) prepareFitCells() {
	fw := b.res.Framework
	b.fitCells = make([]fitCells, len(fw.Profiles))
	for j, pr := range fw.Profiles {
		fc := &b.fitCells[j]
		for k := range len(pr.Leaves) + 1 {
			fc.of = append(fc.of, b.l.Of(k, len(pr.Leaves)))
		}
		for e := range 2 {
			for f := range 2 {
				for k := -1; k <= len(pr.Leaves); k++ {
					fc.cells[e][f] = append(fc.cells[e][f], b.newFitCell(j, k, e == 1, f == 1))
				}
			}
		}
	}
}

// newFitCell is the cell of k competences of profile j at the target (k =
// -1: not assessed).
func (b *builder) newFitCell(j, k int, expected, fits bool) excelize.Cell {
	text := "–"
	if k >= 0 {
		text = b.l.Of(k, len(b.res.Framework.Profiles[j].Leaves))
	}
	if expected {
		text = "★ " + text
	}
	style := b.st.fitNo
	if fits {
		style = b.st.fitYes
	}
	return excelize.Cell{StyleID: style, Value: text}
}

// of is "k of n" for k of profile j's n competences.
func (b *builder) of(j, k int) string {
	if of := b.fitCells[j].of; k >= 0 && k < len(of) {
		return of[k]
	}
	return b.l.Of(k, len(b.res.Framework.Profiles[j].Leaves))
}

func b2i(x bool) int {
	if x {
		return 1
	}
	return 0
}

// profileRow fills row with person p's fit on profiles lo..hi-1.
func (b *builder) profileRow(row []any, p int32, lo, hi int) {
	res := b.res
	pp := &res.People[p]
	row[0], row[1], row[2] = b.text(b.names[p]), b.text(pp.ID), b.text(pp.Person.Team)
	row[3], row[4] = b.text(b.roleName[pp.Role]), b.expectedNames(pp)
	for j := lo; j < hi; j++ {
		row[profFixed+j-lo] = b.fitCell(int(p), j)
	}
}
