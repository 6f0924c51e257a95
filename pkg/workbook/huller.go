package workbook

import (
	"fmt"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/textwrap"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// holeRow is one row of the Huller sheet: a hole of the whole unit (group
// nil) or of a team or role shown (Settings.ByTeam, Settings.ByRole).
type holeRow struct {
	group *analysis.Group
	rank  int
	h     *analysis.Hole
}

// holeRows returns the holes to list: the unit's, then each team's and
// each role's shown.
func (b *builder) holeRows() []holeRow {
	res := b.res
	out := make([]holeRow, 0, len(res.Holes))
	for i := range res.Holes {
		out = append(out, holeRow{rank: i + 1, h: &res.Holes[i]})
	}
	var groups []analysis.Group
	if res.Settings.ByTeam {
		groups = append(groups, res.Teams...)
	}
	if res.Settings.ByRole {
		groups = append(groups, res.RoleGroups...)
	}
	for g := range groups {
		for i := range groups[g].Holes {
			out = append(out, holeRow{group: &groups[g], rank: i + 1, h: &groups[g].Holes[i]})
		}
	}
	return out
}

// listCache holds the lists of names shared by many rows.
type listCache struct {
	b        *builder
	teachers map[int]nameList // by leaf: persons at the teaching level
	fitters  map[int]nameList // by profile: persons who fit
}

func (b *builder) newListCache() *listCache {
	return &listCache{b: b, teachers: map[int]nameList{}, fitters: map[int]nameList{}}
}

// nameList is a count of persons and their names as one cell.
type nameList struct {
	n int
	s string
}

// teachersOf lists the persons at the teaching level of leaf or above
// (analysis.Result.Teachers; TestHuller checks that the two agree).
func (c *listCache) teachersOf(leaf int) nameList {
	res := c.b.res
	return c.list(c.teachers, leaf, func(p int) bool { return res.Level(p, leaf) >= res.Teach[leaf] })
}

// fittersOf lists the persons who fit profile prof.
func (c *listCache) fittersOf(prof int) nameList {
	return c.list(c.fitters, prof, func(p int) bool { return c.b.res.Fits(p, prof) })
}

// list returns the list m holds under k, made of the persons for whom has
// is true when absent.
func (c *listCache) list(m map[int]nameList, k int, has func(p int) bool) nameList {
	if l, ok := m[k]; ok {
		return l
	}
	j := c.b.newJoiner()
	for p := range c.b.res.People {
		if has(p) {
			j.add(c.b.names[p])
		}
	}
	l := nameList{j.n, j.String()}
	m[k] = l
	return l
}

// profileIndex returns the index of profile node n.
func profileIndex(fw *framework.Framework, n *framework.Node) int {
	for j, p := range fw.Profiles {
		if p == n {
			return j
		}
	}
	return -1
}

// The columns of the Huller sheet: hullerFixed, then "Team or role" when
// groups are shown, then hullerTail.
const (
	hullerFixed = 7
	hullerTail  = 7
)

// hullerHead are the column headers and widths of the Huller sheet.
func (b *builder) hullerHead(groups bool) ([]string, []float64) {
	l := b.l
	head := []string{l.T(lang.Rank), l.T(lang.TierHeader), l.T(lang.KindHeader), l.T(lang.ID), l.T(lang.Subject),
		l.T(lang.Group), l.T(lang.Status)}
	widths := []float64{5, 22, 26, 13, 40, 26, 40}
	if groups {
		head, widths = append(head, l.T(lang.Team)+" / "+l.T(lang.Role)), append(widths, 18)
	}
	head = append(head, l.T(lang.Effort), l.T(lang.Coverage), l.T(lang.Lacking), l.T(lang.WhoLacks),
		l.T(lang.CanShare), l.T(lang.WhoShares), l.T(lang.Details))
	widths = append(widths, 10, 10, 10, 40, 10, 40, 60)
	return head, widths
}

// writeHuller writes the ranked holes: what they are, where they stand,
// who is below the requirement and who could teach colleagues.
func (b *builder) writeHuller(plan *sheetPlan, holes []holeRow) error {
	groups := len(holes) > len(b.res.Holes)
	head, widths := b.hullerHead(groups)
	pg := b.bk.AddTable(plan.pages, len(holes))
	pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		return 1, b.hullerSheetHead(pg, sw, sheet, head, widths)
	}
	pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		return b.f.AutoFilter(sheet, "A1:"+cell(len(head), max(last, 1)), nil)
	}
	pg.Rows = func(lo, hi int, add func([]any) error) error {
		cache := b.newListCache()
		row := make([]any, len(head))
		for _, hr := range holes[lo:hi] {
			b.hullerRow(row, hr, groups, cache)
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

func (b *builder) hullerSheetHead(pg *xlsxstream.Table, sw *excelize.StreamWriter, sheet string, head []string, widths []float64) error {
	l, st := b.l, &b.st
	widths, height := fitHead(head, widths, 32)
	if err := setWidths(sw, widths); err != nil {
		return err
	}
	if err := pg.SetColStyle(sw, 1, len(head), st.text); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", styled(head, st.headWrap), excelize.RowOpts{Height: height}); err != nil {
		return err
	}
	effort := len(head) - hullerTail + 1
	notes := []struct {
		col  int
		text string
	}{{effort, l.T(lang.EffortNote)}, {effort + 1, l.T(lang.CoverageNote)},
		{effort + 4, l.F(lang.ShareNote, b.levelName(int(b.teachLevel()))) + " " + l.T(lang.ShareProfile)}}
	for _, n := range notes {
		if err := b.comment(sheet, cell(n.col, 1), n.text); err != nil {
			return err
		}
	}
	return nil
}

// hullerRow fills row with one hole.
func (b *builder) hullerRow(row []any, hr holeRow, groups bool, cache *listCache) {
	res, st, n := b.res, &b.st, b.narrator
	h := hr.h
	clear(row)
	row[0], row[1], row[2] = hr.rank, b.text(n.Tier(h.Tier)), b.text(n.Label(*h))
	row[3], row[4] = b.text(h.Node.ID), b.text(b.name(h.Node))
	if h.Kind != analysis.KindProfile {
		row[5] = b.text(groupLabel(h.Node.Group, b.name(h.Node.Group)))
	}
	row[6] = b.text(n.Status(*h))
	c := hullerFixed
	if groups {
		if hr.group != nil {
			row[c] = b.text(b.groupName(*hr.group))
		} else {
			row[c] = b.text(b.l.T(lang.UnitRow))
		}
		c++
	}
	row[c] = h.Effort
	if h.HasCoverage {
		row[c+1] = excelize.Cell{StyleID: st.pct1, Value: h.Coverage}
	}
	if h.Kind != analysis.KindSinglePoint {
		j := b.newJoiner()
		for _, p := range h.People {
			j.add(b.names[p])
		}
		row[c+2], row[c+3] = j.n, excelize.Cell{StyleID: st.text, Value: j.String()}
	}
	var share nameList
	if h.Kind == analysis.KindProfile {
		share = cache.fittersOf(profileIndex(res.Framework, h.Node))
	} else {
		share = cache.teachersOf(h.Node.Leaf)
	}
	row[c+4], row[c+5] = share.n, excelize.Cell{StyleID: st.text, Value: share.s}
	row[c+6] = excelize.Cell{StyleID: st.text, Value: b.text(n.Details(*h))}
}

// groupName names a team or a role.
func (b *builder) groupName(g analysis.Group) string {
	if g.Role >= 0 {
		return b.narrator.Role(g.Role)
	}
	return b.narrator.Team(g.Name)
}

// teachLevel returns the level at which one can teach others (of the first
// leaf: the scale's teaching level, else the target).
func (b *builder) teachLevel() int8 {
	if len(b.res.Teach) == 0 {
		return int8(b.res.Settings.Target)
	}
	return b.res.Teach[0]
}

// levelName returns "3, Specialist" for a level of the scale.
func (b *builder) levelName(level int) string {
	for _, s := range b.res.Framework.Scale {
		if s.Level == level {
			if label := b.res.Framework.Text(s.Label, b.l.Code()); label != "" {
				return fmt.Sprintf("%d, %s", level, label)
			}
		}
	}
	return fmt.Sprint(level)
}

// newJoiner returns a list of names for one cell.
func (b *builder) newJoiner() *joiner { return &joiner{b: b} }

// comment adds a note to a cell.
func (b *builder) comment(sheet, cellName, text string) error {
	text = b.text(text)
	b.comments = append(b.comments, text)
	return b.f.AddComment(sheet, excelize.Comment{Cell: cellName, Author: "huller",
		Paragraph: []excelize.RichTextRun{{Text: text}}, Width: 300, Height: 120})
}

// styled returns header texts as cells of a style.
func styled(texts []string, style int) []any {
	out := make([]any, len(texts))
	for i, t := range texts {
		out[i] = excelize.Cell{StyleID: style, Value: t}
	}
	return out
}

// setWidths sets the widths of the first columns of a streamed sheet.
func setWidths(sw *excelize.StreamWriter, widths []float64) error {
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	return nil
}

// fitHead fits a header row: see textwrap.FitHead.
func fitHead(head []string, widths []float64, minHeight float64) ([]float64, float64) {
	return textwrap.FitHead(head, widths, minHeight)
}
