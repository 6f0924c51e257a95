package workbook

import (
	"fmt"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// expectedNames returns the names of a person's expected profiles, marked
// when they come from the role.
func (b *builder) expectedNames(p *analysis.Person) string {
	if len(p.Expected) == 0 {
		return ""
	}
	names := make([]string, len(p.Expected))
	for i, j := range p.Expected {
		names[i] = b.profName[j]
	}
	s := strings.Join(names, ", ")
	if p.ExpectedByRole {
		s += " (" + b.l.T(lang.ExpectedByRole) + ")"
	}
	return b.text(s)
}

// peopleCols is the number of columns of the People sheet; the last two
// are the assessment's date and assessor.
const peopleCols = 15

// writePeople writes one row of figures per person.
func (b *builder) writePeople(plan *sheetPlan, listed []int32) error {
	pg := b.bk.AddTable(plan.pages, len(listed))
	pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) { return b.peopleHead(pg, sw, sheet) }
	pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		return b.f.AutoFilter(sheet, "A1:"+cell(peopleCols, max(last, 1)), nil)
	}
	dateFmt := "yyyy-mm-dd"
	date, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "left"}})
	if err != nil {
		return err
	}
	pg.Rows = func(lo, hi int, add func([]any) error) error {
		row := make([]any, peopleCols)
		for _, p := range listed[lo:hi] {
			b.personRow(row, p)
			b.assessmentCells(row[peopleCols-2:], p, date)
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

// peopleHead sets up the columns and writes the header row.
func (b *builder) peopleHead(pg *xlsxstream.Table, sw *excelize.StreamWriter, sheet string) (int, error) {
	l, st := b.l, &b.st
	head := []string{l.T(lang.Name), l.T(lang.ID), l.T(lang.Team), l.T(lang.Role), l.T(lang.AssignedProfiles), l.T(lang.BasisCoverage), l.T(lang.Met),
		l.T(lang.GapCount), l.T(lang.GapSum), l.T(lang.NotAssessed), l.T(lang.BestProfiles), l.T(lang.BestFit), l.T(lang.TopGaps),
		l.T(lang.AssessedOn), l.T(lang.AssessedBy)}
	widths, height := fitHead(head, []float64{26, 11, 18, 22, 30, 10, 8, 8, 10, 10, 30, 9, 40, 12, 20}, 45)
	if err := setWidths(sw, widths); err != nil {
		return 0, err
	}
	for _, c := range [][2]int{{1, 5}, {11, 11}, {13, 13}, {15, 15}} {
		if err := pg.SetColStyle(sw, c[0], c[1], st.text); err != nil {
			return 0, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1,
		TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
		return 0, err
	}
	if err := sw.SetRow("A1", styled(head, st.headWrap), excelize.RowOpts{Height: height}); err != nil {
		return 0, err
	}
	return 1, b.comment(sheet, "F1", l.T(lang.CoverageNote))
}

// personRow fills row with person p's figures.
func (b *builder) personRow(row []any, p int32) {
	res, st := b.res, &b.st
	pp := &res.People[p]
	clear(row)
	row[0], row[1], row[2] = b.text(b.names[p]), b.text(pp.ID), b.text(pp.Person.Team)
	row[3], row[4] = b.text(b.roleName[pp.Role]), b.expectedNames(pp)
	if c, ok := pp.Basis.Coverage(); ok {
		row[5] = excelize.Cell{StyleID: st.pct1, Value: c}
	}
	row[6], row[7], row[8], row[9] = int(pp.Basis.Met), int(pp.Basis.Gaps()), int(pp.Basis.GapSum), int(pp.Basis.NotAssessed)
	if best, _ := res.Best(int(p)); len(best) > 0 {
		names := make([]string, len(best))
		for i, j := range best {
			names[i] = b.profName[j]
		}
		row[10] = b.text(strings.Join(names, ", "))
		row[11] = b.text(b.of(best[0], res.AtTarget(int(p), best[0])))
	}
	row[12] = b.text(topGaps(res, pp.Gaps))
}

// assessmentCells fills cells (date, assessor) with person p's assessment
// date, a date cell in style date, and assessor; blank where the roster
// gives none.
func (b *builder) assessmentCells(cells []any, p int32, date int) {
	pp := b.res.People[p].Person
	cells[0], cells[1] = nil, nil
	if d := pp.Assessed; d != 0 {
		cells[0] = excelize.Cell{StyleID: date, Value: float64(d)}
	}
	if pp.Assessor != "" {
		cells[1] = b.text(pp.Assessor)
	}
}

// topGaps writes the three largest of a person's gaps as "3.3: 1/3" (level
// 1 of a required 3), largest first.
func topGaps(res *analysis.Result, gaps []analysis.Gap) string {
	if len(gaps) == 0 {
		return ""
	}
	top := slices.Clone(gaps)
	slices.SortStableFunc(top, func(x, y analysis.Gap) int { return y.Size() - x.Size() })
	var sb strings.Builder
	for i, g := range top[:min(3, len(top))] {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%s: %d/%d", res.Framework.Leaves[g.Leaf].ID, g.Level, g.Required)
	}
	return sb.String()
}
