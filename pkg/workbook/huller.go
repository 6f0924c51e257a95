package workbook

import (
	"fmt"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/xuri/excelize/v2"
)

// holeRow is one row of the Huller sheet: a hole of the whole group (team
// -1) or of one team (Settings.ByTeam).
type holeRow struct {
	team int
	rank int
	h    *analysis.Hole
}

// holeRows returns the holes to list: the group's, then each team's.
func (b *builder) holeRows() []holeRow {
	res := b.res
	out := make([]holeRow, 0, len(res.Holes))
	for i := range res.Holes {
		out = append(out, holeRow{team: -1, rank: i + 1, h: &res.Holes[i]})
	}
	for t := range res.Teams {
		for i := range res.Teams[t].Holes {
			out = append(out, holeRow{team: t, rank: i + 1, h: &res.Teams[t].Holes[i]})
		}
	}
	return out
}

// listCache holds the lists of names shared by many rows.
type listCache struct {
	b       *builder
	holders map[int]nameList // by leaf: persons at L ≥ T
	fitters map[int]nameList // by profile: persons who fit
}

func (b *builder) newListCache() *listCache {
	return &listCache{b: b, holders: map[int]nameList{}, fitters: map[int]nameList{}}
}

// nameList is a count of persons and their names as one cell.
type nameList struct {
	n int
	s string
}

// holdersOf lists the persons at L ≥ T on leaf (analysis.Result.Holders;
// TestHuller checks that the two agree).
func (c *listCache) holdersOf(leaf int) nameList {
	res := c.b.res
	return c.list(c.holders, leaf, func(p int) bool { return res.Level(p, leaf) >= res.Targets[leaf] })
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

// hullerCols are the columns of the Huller sheet (Team only with ByTeam).
type hullerCols struct {
	team                                                  bool
	sev, cov, fit, lacking, whoLacks, canShare, whoShares int
	last                                                  int
}

func (b *builder) hullerCols() hullerCols {
	c := hullerCols{team: b.res.Teams != nil}
	n := 6
	if c.team {
		n++
	}
	c.sev, c.cov, c.fit, c.lacking, c.whoLacks, c.canShare, c.whoShares = n, n+1, n+2, n+3, n+4, n+5, n+6
	c.last = c.whoShares
	return c
}

// writeHuller writes the ranked holes with who lacks and who could share.
func (b *builder) writeHuller(plan *sheetPlan, holes []holeRow) error {
	l, res, st := b.l, b.res, &b.st
	fw := res.Framework
	cols := b.hullerCols()
	pg := b.newTable(plan.pages, len(holes))
	pg.head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		widths := []float64{5, 24, 14, 46, 30}
		if cols.team {
			widths = append(widths, 14)
		}
		widths = append(widths, 9, 10, 9, 10, 50, 10, 50)
		if err := setWidths(sw, widths); err != nil {
			return 0, err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return 0, err
		}
		head := []string{l.T(lang.Rank), l.T(lang.KindHeader), l.T(lang.ID), l.T(lang.Subject), l.T(lang.Group)}
		if cols.team {
			head = append(head, l.T(lang.Team))
		}
		head = append(head, l.T(lang.Severity), l.T(lang.Coverage), l.T(lang.Fit), l.T(lang.Lacking), l.T(lang.WhoLacks), l.T(lang.CanShare), l.T(lang.WhoShares))
		if err := sw.SetRow("A1", styled(head, st.headWrap), excelize.RowOpts{Height: 32}); err != nil {
			return 0, err
		}
		notes := map[int]string{
			cols.sev: l.T(lang.SeverityNote), cols.cov: l.T(lang.CoverageNote), cols.fit: l.T(lang.FitNote),
			cols.whoShares: l.F(lang.ShareNote, b.levelName(res.Settings.Target)) + " " + l.T(lang.ShareProfile),
		}
		for _, c := range []int{cols.sev, cols.cov, cols.fit, cols.whoShares} {
			if err := b.comment(sheet, cell(c, 1), notes[c]); err != nil {
				return 0, err
			}
		}
		return 1, nil
	}
	pg.tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		if err := b.f.AutoFilter(sheet, "A1:"+cell(cols.last, max(last, 1)), nil); err != nil {
			return err
		}
		// print the table only, not the lists of names running on to the
		// right of the last column
		return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area",
			RefersTo: ref(sheet, 1, 1, cols.last, max(last, 1)), Scope: sheet})
	}

	pg.rows = func(lo, hi int, add func([]any) error) error {
		// one cache a sheet: the sheets are rendered concurrently
		cache := b.newListCache()
		row := make([]any, cols.last)
		for _, hr := range holes[lo:hi] {
			h := hr.h
			clear(row)
			row[0] = hr.rank
			row[1] = l.T(kindTerm(h.Kind))
			row[2] = excelize.Cell{StyleID: st.id, Value: b.text(h.Node.ID)}
			row[3] = excelize.Cell{StyleID: st.text, Value: b.text(b.name(h.Node))}
			row[4] = excelize.Cell{StyleID: st.text, Value: b.text(groupLabel(h.Node.Group, b.name(h.Node.Group)))}
			if cols.team {
				row[5] = excelize.Cell{StyleID: st.text, Value: b.text(b.teamName(hr.team))}
			}
			row[cols.sev-1] = h.Severity
			if h.HasCoverage {
				row[cols.cov-1] = excelize.Cell{StyleID: st.pct1, Value: h.Coverage}
			}
			var lacking []int32
			var share nameList
			switch h.Kind {
			case analysis.KindBasis, analysis.KindUnassessed, analysis.KindAssignment:
				lacking = h.People
			case analysis.KindProfile:
				lacking = b.assignedNotFitting(hr.team, profileIndex(fw, h.Node))
			}
			switch h.Kind {
			case analysis.KindProfile, analysis.KindAssignment:
				share = cache.fittersOf(profileIndex(fw, h.Node))
				if h.Kind == analysis.KindAssignment {
					row[cols.fit-1] = excelize.Cell{StyleID: st.pct0, Value: h.Fit}
				}
			default:
				share = cache.holdersOf(h.Node.Leaf)
			}
			if h.Kind != analysis.KindSinglePoint {
				j := b.newJoiner()
				for _, p := range lacking {
					j.add(b.names[p])
				}
				row[cols.lacking-1] = j.n
				row[cols.whoLacks-1] = excelize.Cell{StyleID: st.text, Value: j.String()}
			}
			row[cols.canShare-1] = share.n
			row[cols.whoShares-1] = excelize.Cell{StyleID: st.text, Value: share.s}
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

// assignedNotFitting returns the persons of a team (-1: everyone) assigned
// profile j who do not fit it.
func (b *builder) assignedNotFitting(team, j int) []int32 {
	res := b.res
	var out []int32
	check := func(p int) {
		if res.IsAssigned(p, j) && !res.Fits(p, j) {
			out = append(out, int32(p))
		}
	}
	if team < 0 {
		for p := range res.People {
			check(p)
		}
	} else {
		for _, p := range res.Teams[team].Members {
			check(int(p))
		}
	}
	return out
}

// teamName returns the name of team t (-1: the whole group).
func (b *builder) teamName(t int) string {
	if t < 0 {
		return b.l.T(lang.All)
	}
	if n := b.res.Teams[t].Name; n != "" {
		return n
	}
	return "–"
}

// levelName returns "3 (Specialist)" for a level of the scale.
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
	return b.f.AddComment(sheet, excelize.Comment{Cell: cellName, Author: "huller",
		Paragraph: []excelize.RichTextRun{{Text: b.text(text)}}, Width: 300, Height: 120})
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
