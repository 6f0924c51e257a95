package workbook

import (
	"errors"
	"io"

	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
	"github.com/huller/huller/pkg/privacy"
	"github.com/xuri/excelize/v2"
)

// WriteAggregate writes the workbook of an aggregate report: the Overview,
// the holes (Huller) with counts and no names, the Teams or Roles sheet,
// the Profiles with counts, and the Framework as used — no Heatmap, Gaps
// or People sheet. It reads nothing but rep (and rep.Setup(), which holds
// no person), so it cannot show a person or a suppressed figure (written
// ·). opts.Share.MinCell is set from rep.
func WriteAggregate(w io.Writer, rep *privacy.Report, opts Options) error {
	if rep == nil || rep.Framework == nil {
		return errors.New("report: no aggregate report")
	}
	opts.Share.MinCell = rep.Min
	opts.Share.Pseudonyms = ""
	return writeBook(w, rep.Setup(), opts, "aggregate report", func(b *builder) error {
		a := &aggBuilder{builder: b, rep: rep, n: narrate.NewAggregate(rep, b.l)}
		return a.build()
	})
}

// aggBuilder builds the workbook of an aggregate report.
type aggBuilder struct {
	*builder
	rep       *privacy.Report
	n         *narrate.Aggregate
	holes     []aggHole
	markStyle int // the style of the suppressed mark: centred, grey
}

// aggHole is a row of the Huller sheet: a hole of the unit (group nil) or
// of a group.
type aggHole struct {
	group *privacy.Group
	rank  int
	h     privacy.Hole
}

func (a *aggBuilder) build() error {
	if err := a.newStyles(); err != nil {
		return err
	}
	var err error
	a.markStyle, err = a.f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Family: font, Color: "808080"},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return err
	}
	a.prepareNames()
	rep, fw := a.rep, a.rep.Framework
	for i, h := range rep.Unit.Holes {
		a.holes = append(a.holes, aggHole{rank: i + 1, h: h})
	}
	for g := range rep.Groups {
		for i, h := range rep.Groups[g].Holes {
			a.holes = append(a.holes, aggHole{group: &rep.Groups[g], rank: i + 1, h: h})
		}
	}
	groupChunks := chunks(len(fw.BasisLeaves), a.lim.Cols-groupFixed)
	groupSheet := lang.SheetTeams
	if rep.Breakdown == privacy.ByRole {
		groupSheet = lang.SheetRoles
	}
	fwl := newFrameworkLayout(a.builder)
	profRows := (len(rep.Groups) + 1) * len(fw.Profiles)
	sheets := []reportSheet{
		{lang.SheetHuller, 1, len(a.holes), 1, func(p *sheetPlan) error { return a.writeHuller(p) }},
		{groupSheet, 2, len(rep.Groups) + 1, groupChunks, func(p *sheetPlan) error { return a.writeGroups(p, groupChunks) }},
		{lang.SheetProfiles, 2, profRows, 1, func(p *sheetPlan) error { return a.writeProfiles(p) }},
		{lang.SheetFramework, 0, len(fwl.chunks[0].rows), len(fwl.chunks), func(p *sheetPlan) error { return a.writeFramework(p, fwl) }},
	}
	overview := a.l.T(lang.SheetOverview)
	a.plan = append(a.plan, &sheetPlan{base: overview, pages: []string{overview}})
	plans := make([]*sheetPlan, len(sheets))
	for i, s := range sheets {
		plans[i] = a.newPlan(a.l.T(s.name), s.headRows, s.dataRows, s.colChunks)
	}
	if err := a.createSheets(); err != nil {
		return err
	}
	for i, s := range sheets {
		if err := s.write(plans[i]); err != nil {
			return err
		}
	}
	if err := a.bk.WriteTables(); err != nil {
		return err
	}
	if err := a.writeOverview(); err != nil {
		return err
	}
	return a.setProps()
}

// mark is the suppressed mark.
func (a *aggBuilder) mark() string { return a.l.T(lang.SuppressedMark) }

// markCell is the suppressed mark as a cell of a streamed sheet.
func (a *aggBuilder) markCell() excelize.Cell {
	return excelize.Cell{StyleID: a.markStyle, Value: a.mark()}
}

// count is a count for a cell of a streamed sheet: the number, or the
// mark.
func (a *aggBuilder) count(f privacy.Figure) any {
	if n, ok := f.Count(); ok {
		return n
	}
	return a.markCell()
}

// share is a coverage for a cell of a streamed sheet: the fraction, nil
// when undefined, or the mark.
func (a *aggBuilder) share(f privacy.Figure) any {
	x, defined, shown := f.Share()
	switch {
	case !shown:
		return a.markCell()
	case !defined:
		return nil
	}
	return x
}

// persons is a group's persons for a cell of a streamed sheet: the
// number, "< 5" for a small group, or the mark.
func (a *aggBuilder) persons(g *privacy.Group) any {
	if g.Small {
		return excelize.Cell{StyleID: a.markStyle, Value: "< " + a.l.Int(a.rep.Min)}
	}
	return a.count(g.Persons)
}

// groupName names the unit (nil), a team or a role.
func (a *aggBuilder) groupName(g *privacy.Group) string {
	if g == nil {
		return a.l.T(lang.UnitRow)
	}
	return a.n.Group(g)
}

// writeHuller writes the holes of the unit and of its groups: what they
// are, where they stand, with counts that may be shown and no names.
func (a *aggBuilder) writeHuller(plan *sheetPlan) error {
	l := a.l
	head := []string{l.T(lang.Rank), l.T(lang.TierHeader), l.T(lang.KindHeader), l.T(lang.ID), l.T(lang.Subject),
		l.T(lang.Group), l.T(lang.Status), l.T(lang.Team) + " / " + l.T(lang.Role), l.T(lang.Effort), l.T(lang.Coverage),
		l.T(lang.Lacking), l.T(lang.CanShare), l.T(lang.Details)}
	widths := []float64{5, 22, 26, 13, 40, 26, 40, 18, 10, 10, 12, 12, 50}
	pg := a.bk.AddTable(plan.pages, len(a.holes))
	widths, height := fitHead(head, widths, 32)
	pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		if err := setWidths(sw, widths); err != nil {
			return 0, err
		}
		if err := pg.SetColStyle(sw, 1, len(head), a.st.text); err != nil {
			return 0, err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return 0, err
		}
		if err := sw.SetRow("A1", styled(head, a.st.headWrap), excelize.RowOpts{Height: height}); err != nil {
			return 0, err
		}
		if err := a.comment(sheet, cell(9, 1), l.T(lang.EffortNote)); err != nil {
			return 0, err
		}
		return 1, a.comment(sheet, cell(10, 1), l.T(lang.CoverageNote)+" "+l.F(lang.SuppressedNote, l.Int(a.rep.Min)))
	}
	pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		return a.f.AutoFilter(sheet, "A1:"+cell(len(head), max(last, 1)), nil)
	}
	pg.Rows = func(lo, hi int, add func([]any) error) error {
		row := make([]any, len(head))
		for _, hr := range a.holes[lo:hi] {
			a.hullerRow(row, hr)
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

// hullerRow fills row with one hole.
func (a *aggBuilder) hullerRow(row []any, hr aggHole) {
	st, h := &a.st, hr.h
	clear(row)
	g := hr.group
	if g == nil {
		g = &a.rep.Unit
	}
	row[0], row[1], row[2] = hr.rank, a.text(a.n.Tier(h.Tier)), a.text(a.n.Label(h))
	row[3], row[4] = a.text(h.Node.ID), a.text(a.name(h.Node))
	if h.Kind != privacy.HoleProfile {
		row[5] = a.text(groupLabel(h.Node.Group, a.name(h.Node.Group)))
	}
	row[6] = a.text(a.n.Status(h))
	row[7] = a.text(a.groupName(hr.group))
	row[8] = a.markCell()
	if e, ok := h.Effort(); ok {
		row[8] = e
	}
	if h.Kind == privacy.HoleBasis {
		if v := a.share(h.Coverage); v != nil {
			if x, ok := v.(float64); ok {
				row[9] = excelize.Cell{StyleID: st.pct1, Value: x}
			} else {
				row[9] = v
			}
		}
		row[10] = a.count(h.People)
		row[11] = a.count(g.Leaves[h.Node.Leaf].Teachers)
	}
	row[12] = excelize.Cell{StyleID: st.text, Value: a.text(a.n.Details(h, g))}
}

// writeGroups writes the unit and its groups: persons, basis coverage,
// holes and the coverage of every basis competence.
func (a *aggBuilder) writeGroups(plan *sheetPlan, nChunks int) error {
	per := a.lim.Cols - groupFixed
	nb := len(a.rep.Framework.BasisLeaves)
	for c := range nChunks {
		lo, hi := c*per, min((c+1)*per, nb)
		pg := a.bk.AddTable(plan.chunk(c, nChunks), len(a.rep.Groups)+1)
		pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
			return 2, a.groupsHead(pg, sw, sheet, lo, hi)
		}
		pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
			return a.groupsColours(sheet, first, last, hi-lo)
		}
		pg.Rows = func(rlo, rhi int, add func([]any) error) error {
			row := make([]any, groupFixed+hi-lo)
			for r := rlo; r < rhi; r++ {
				a.groupRow(row, r, lo, hi)
				if err := add(row); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return nil
}

// groupRow fills row r: 0 is the whole unit, r > 0 the group r-1.
func (a *aggBuilder) groupRow(row []any, r, lo, hi int) {
	clear(row)
	g, name, style := &a.rep.Unit, a.l.T(lang.UnitRow), a.st.bold
	if r > 0 {
		g = &a.rep.Groups[r-1]
		name, style = a.groupName(g), a.st.text
	}
	row[0] = excelize.Cell{StyleID: style, Value: a.text(name)}
	row[1] = a.persons(g)
	if g.Small {
		return
	}
	row[2] = a.share(g.Basis)
	row[3] = len(g.Holes)
	for leaf := lo; leaf < hi; leaf++ {
		row[groupFixed+leaf-lo] = a.share(g.Leaves[leaf].Coverage)
	}
}

// writeProfiles writes per group and profile the persons who fit it, are
// expected to hold it and both, with the profile's settings.
func (a *aggBuilder) writeProfiles(plan *sheetPlan) error {
	l, fw := a.l, a.rep.Framework
	head := []string{l.T(lang.Team) + " / " + l.T(lang.Role), l.T(lang.ID), l.T(lang.ProfileL), l.T(lang.Target),
		l.T(lang.Fit), l.T(lang.MinSpecialistsShort), l.T(lang.Fitting), l.T(lang.Assigned), l.T(lang.AssignedFitting)}
	groups := []*privacy.Group{nil}
	for i := range a.rep.Groups {
		groups = append(groups, &a.rep.Groups[i])
	}
	np := len(fw.Profiles)
	pg := a.bk.AddTable(plan.pages, len(groups)*np)
	pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		widths, height := fitHead(head, []float64{26, 14, 30, 16, 10, 12, 12, 12, 12}, 32)
		if err := setWidths(sw, widths); err != nil {
			return 0, err
		}
		if err := pg.SetColStyle(sw, 1, 5, a.st.text); err != nil {
			return 0, err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
			return 0, err
		}
		note := l.F(lang.SuppressedNote, l.Int(a.rep.Min))
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: a.st.note, Value: note}}); err != nil {
			return 0, err
		}
		return 2, sw.SetRow("A2", styled(head, a.st.headWrap), excelize.RowOpts{Height: height})
	}
	pg.Rows = func(lo, hi int, add func([]any) error) error {
		row := make([]any, len(head))
		for r := lo; r < hi; r++ {
			gp, j := groups[r/np], r%np
			g := gp
			if g == nil {
				g = &a.rep.Unit
			}
			p := g.Profiles[j]
			clear(row)
			row[0], row[1], row[2] = a.text(a.groupName(gp)), a.text(fw.Profiles[j].ID), a.text(a.profName[j])
			row[3], row[4], row[5] = a.levelName(p.Target), l.Of(p.Need, len(fw.Profiles[j].Leaves)), p.Specialists
			row[6], row[7], row[8] = a.count(p.Fitting), a.count(p.Expected), a.count(p.ExpectedFitting)
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}
