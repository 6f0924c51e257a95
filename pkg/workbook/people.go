package workbook

import (
	"fmt"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/xuri/excelize/v2"
)

// profFixed are the columns of the Profiles sheet before the profiles.
const profFixed = 5

// writeProfiles writes each person's fit per profile with data bars; the
// assigned profiles are marked with ★.
func (b *builder) writeProfiles(plan *sheetPlan, nChunks int, listed []int32) error {
	l, st, res := b.l, &b.st, b.res
	fw := res.Framework
	per := b.lim.Cols - profFixed
	for c := range nChunks {
		lo, hi := c*per, min((c+1)*per, len(fw.Profiles))
		pg := b.newTable(plan.chunk(c, nChunks), len(listed))
		pg.head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
			if err := setWidths(sw, []float64{26, 11, 18, 22, 30}); err != nil {
				return 0, err
			}
			if err := pg.setColStyle(sw, 1, profFixed, st.text); err != nil {
				return 0, err
			}
			if hi > lo {
				if err := sw.SetColWidth(profFixed+1, profFixed+hi-lo, 21); err != nil {
					return 0, err
				}
				if err := pg.setColStyle(sw, profFixed+1, profFixed+hi-lo, st.pct0); err != nil {
					return 0, err
				}
			}
			if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 2,
				TopLeftCell: "B3", ActivePane: "bottomRight"}); err != nil {
				return 0, err
			}
			note := l.F(lang.ProfilesNote, l.Share(res.Settings.Fit))
			if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.note, Value: note}}); err != nil {
				return 0, err
			}
			head := []string{l.T(lang.Name), l.T(lang.ID), l.T(lang.Team), l.T(lang.Role), l.T(lang.AssignedProfiles)}
			for j := lo; j < hi; j++ {
				head = append(head, b.text(b.profName[j]))
			}
			if err := sw.SetRow("A2", styled(head, st.headWrap), excelize.RowOpts{Height: 45}); err != nil {
				return 0, err
			}
			for j := lo; j < hi; j++ {
				p := fw.Profiles[j]
				text := b.profName[j]
				if focus := fw.Text(p.Focus, b.l.Code()); focus != "" {
					text += ": " + focus
				}
				if err := b.comment(sheet, cell(profFixed+1+j-lo, 2), text); err != nil {
					return 0, err
				}
			}
			return 2, nil
		}
		pg.tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
			if last < first || hi == lo {
				return nil
			}
			return b.f.SetConditionalFormat(sheet, cell(profFixed+1, first)+":"+cell(profFixed+hi-lo, last),
				[]excelize.ConditionalFormatOptions{{Type: "data_bar", Criteria: "=",
					MinType: "num", MinValue: "0", MaxType: "num", MaxValue: "1", BarColor: "#5B9BD5"}})
		}
		pg.rows = func(rlo, rhi int, add func([]any) error) error {
			row := make([]any, profFixed+hi-lo)
			for _, p := range listed[rlo:rhi] {
				pp := &res.People[p]
				row[0], row[1], row[2] = b.text(b.names[p]), b.text(pp.ID), b.text(pp.Person.Team)
				row[3], row[4] = b.text(b.roleName[pp.Role]), b.assignedNames(pp)
				for j := lo; j < hi; j++ {
					fit := res.Fit(int(p), j)
					if res.IsAssigned(int(p), j) {
						row[profFixed+j-lo] = excelize.Cell{StyleID: st.pctAssigned, Value: fit}
					} else {
						row[profFixed+j-lo] = fit
					}
				}
				if err := add(row); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return nil
}

// assignedNames returns the names of a person's assigned profiles.
func (b *builder) assignedNames(p *analysis.Person) string {
	switch len(p.Assigned) {
	case 0:
		return ""
	case 1:
		return b.text(b.profName[p.Assigned[0]])
	}
	names := make([]string, len(p.Assigned))
	for i, j := range p.Assigned {
		names[i] = b.profName[j]
	}
	return b.text(strings.Join(names, ", "))
}

// peopleCols is the number of columns of the People sheet.
const peopleCols = 13

// writePeople writes one row of figures per person.
func (b *builder) writePeople(plan *sheetPlan, listed []int32) error {
	l, st, res := b.l, &b.st, b.res
	fw := res.Framework
	pg := b.newTable(plan.pages, len(listed))
	pg.head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		if err := setWidths(sw, []float64{26, 11, 18, 22, 30, 10, 8, 8, 10, 10, 30, 9, 40}); err != nil {
			return 0, err
		}
		if err := pg.setColStyle(sw, 1, 5, st.text); err != nil {
			return 0, err
		}
		if err := pg.setColStyle(sw, 11, 11, st.text); err != nil {
			return 0, err
		}
		if err := pg.setColStyle(sw, 13, 13, st.text); err != nil {
			return 0, err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1,
			TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
			return 0, err
		}
		head := []string{l.T(lang.Name), l.T(lang.ID), l.T(lang.Team), l.T(lang.Role), l.T(lang.AssignedProfiles), l.T(lang.BasisCoverage), l.T(lang.Met),
			l.T(lang.GapCount), l.T(lang.GapSum), l.T(lang.NotAssessed), l.T(lang.BestProfiles), l.T(lang.BestFit), l.T(lang.TopGaps)}
		if err := sw.SetRow("A1", styled(head, st.headWrap), excelize.RowOpts{Height: 45}); err != nil {
			return 0, err
		}
		return 1, b.comment(sheet, "F1", l.T(lang.CoverageNote))
	}
	pg.tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		return b.f.AutoFilter(sheet, "A1:"+cell(peopleCols, max(last, 1)), nil)
	}
	pg.rows = func(lo, hi int, add func([]any) error) error {
		row := make([]any, peopleCols)
		var top []analysis.Gap
		var sb strings.Builder
		for _, p := range listed[lo:hi] {
			pp := &res.People[p]
			clear(row)
			row[0], row[1], row[2] = b.text(b.names[p]), b.text(pp.ID), b.text(pp.Person.Team)
			row[3], row[4] = b.text(b.roleName[pp.Role]), b.assignedNames(pp)
			if c, ok := pp.Basis.Coverage(); ok {
				row[5] = excelize.Cell{StyleID: st.pct1, Value: c}
			}
			row[6], row[7], row[8], row[9] = int(pp.Basis.Met), int(pp.Basis.Gaps()), int(pp.Basis.GapSum), int(pp.Basis.NotAssessed)
			if best, fit := res.Best(int(p)); len(best) > 0 {
				names := make([]string, len(best))
				for i, j := range best {
					names[i] = b.profName[j]
				}
				row[10] = b.text(strings.Join(names, ", "))
				row[11] = excelize.Cell{StyleID: st.pct0, Value: fit}
			}
			if len(pp.Gaps) > 0 {
				top = append(top[:0], pp.Gaps...)
				slices.SortStableFunc(top, func(x, y analysis.Gap) int { return y.Size() - x.Size() })
				sb.Reset()
				for i, g := range top[:min(3, len(top))] {
					if i > 0 {
						sb.WriteString(", ")
					}
					fmt.Fprintf(&sb, "%s: %d/%d", fw.Leaves[g.Leaf].ID, g.Level, g.Required)
				}
				row[12] = b.text(sb.String())
			}
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}
