package workbook

import (
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/roster"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// statusName names what became of a hole.
func (db *diffBook) statusName(s diff.HoleStatus) string {
	return db.b.l.T(map[diff.HoleStatus]lang.Term{diff.Opened: lang.DiffOpened, diff.ChangedKind: lang.DiffChangedKind,
		diff.Persisting: lang.DiffPersisting, diff.Closed: lang.DiffClosed}[s])
}

// causeName names a step as a cause.
func (db *diffBook) causeName(k diff.StepKind) string {
	return db.b.l.T(map[diff.StepKind]lang.Term{diff.StepLeft: lang.DiffCauseLeft, diff.StepStayed: lang.DiffCauseStayed,
		diff.StepOtherAssessor: lang.DiffCauseOther, diff.StepJoined: lang.DiffCauseJoined, diff.StepRules: lang.DiffCauseRules}[k])
}

// holeCols are the columns of the Holes sheet.
const holeCols = 11

// writeHoles writes the unit's holes by what became of them: opened,
// changed kind, persisting, closed.
func (db *diffBook) writeHoles(plan *sheetPlan) {
	b, l, d := db.b, db.b.l, db.d
	pg := b.bk.AddTable(plan.pages, len(d.Holes))
	head := []string{l.T(lang.Status), l.T(lang.KindHeader), l.T(lang.ID), l.T(lang.Subject),
		l.T(lang.TierHeader) + " – " + l.T(lang.DiffBefore), l.T(lang.Effort) + " – " + l.T(lang.DiffBefore),
		l.T(lang.TierHeader) + " – " + l.T(lang.DiffAfter), l.T(lang.Effort) + " – " + l.T(lang.DiffAfter),
		l.T(lang.DiffChangeCol), l.T(lang.DiffCauseCol), l.T(lang.Status) + " – " + l.T(lang.DiffAfter)}
	pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		return 1, db.tableHead(pg, sw, sheet, head, []float64{14, 26, 14, 40, 22, 12, 22, 12, 12, 34, 60}, []int{1, 2, 3, 4, 5, 7, 9, 10, 11})
	}
	pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		return b.f.AutoFilter(sheet, "A1:"+cell(holeCols, max(last, 1)), nil)
	}
	pg.Rows = func(lo, hi int, add func([]any) error) error {
		row := make([]any, holeCols)
		for _, h := range d.Holes[lo:hi] {
			db.holeRow(row, h)
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
}

// holeRow fills row with a hole's change.
func (db *diffBook) holeRow(row []any, h diff.HoleChange) {
	b, l := db.b, db.b.l
	clear(row)
	n, x := db.na, h.After
	if x == nil {
		n, x = db.nb, h.Before
	}
	style := db.b.st.text
	change := l.T(lang.DiffUnchanged)
	switch {
	case h.Worse():
		style, change = db.st.worse, l.T(lang.DiffWorse)
	case h.Better():
		style, change = db.st.better, l.T(lang.DiffBetter)
	}
	row[0] = excelize.Cell{StyleID: style, Value: b.text(db.statusName(h.Status))}
	row[1], row[2], row[3] = b.text(n.Label(*x)), b.text(x.Node.ID), b.text(n.Name(x.Node))
	if h.Before != nil {
		row[4], row[5] = b.text(db.nb.Tier(h.Before.Tier)), h.Before.Effort
	}
	if h.After != nil {
		row[6], row[7] = b.text(db.na.Tier(h.After.Tier)), h.After.Effort
	}
	row[8] = excelize.Cell{StyleID: style, Value: b.text(change)}
	var causes []string
	for _, k := range h.Causes {
		causes = append(causes, db.causeName(k))
	}
	row[9] = b.text(strings.Join(causes, ", "))
	if h.After != nil {
		row[10] = b.text(db.na.Status(*h.After))
	} else {
		row[10] = b.text(l.F(lang.DiffWas, db.nb.Status(*h.Before)))
	}
}

// tableHead sets up a streamed table sheet: widths, text columns, a frozen
// header row.
func (db *diffBook) tableHead(pg *xlsxstream.Table, sw *excelize.StreamWriter, sheet string, head []string, widths []float64, text []int) error {
	st := &db.b.st
	widths, height := fitHead(head, widths, 45)
	if err := setWidths(sw, widths); err != nil {
		return err
	}
	for _, c := range text {
		if err := pg.SetColStyle(sw, c, c, st.text); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return sw.SetRow("A1", styled(head, st.headWrap), excelize.RowOpts{Height: height})
}

// peopleColsDiff is the number of columns of the People sheet.
const peopleColsDiff = 23

// writePeople writes a row per person of either side: what changed.
func (db *diffBook) writePeople(plan *sheetPlan) {
	b, l, d := db.b, db.b.l, db.d
	pg := b.bk.AddTable(plan.pages, len(d.People))
	bf, af := " – "+l.T(lang.DiffBefore), " – "+l.T(lang.DiffAfter)
	head := []string{l.T(lang.Status), l.T(lang.Name), l.T(lang.ID), l.T(lang.Role) + bf, l.T(lang.Role) + af,
		l.T(lang.Team) + bf, l.T(lang.Team) + af, l.T(lang.DiffLegendUp), l.T(lang.DiffLegendDown),
		l.T(lang.DiffLegendRemoved), l.T(lang.DiffLegendAdded), l.T(lang.GapSum) + bf, l.T(lang.GapSum) + af,
		l.T(lang.DiffOldRulesCol) + ": " + l.T(lang.GapSum), l.T(lang.DiffGainedCol), l.T(lang.DiffLostCol),
		l.T(lang.DiffAssessmentsL), l.T(lang.AssessedOn) + bf, l.T(lang.AssessedOn) + af, l.T(lang.AssessedBy) + bf,
		l.T(lang.AssessedBy) + af, l.T(lang.DiffOtherAssessorCol), l.T(lang.DiffWhatChanged)}
	pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		widths := []float64{10, 26, 11, 18, 18, 18, 18, 7, 7, 10, 10, 10, 10, 14, 24, 24, 22, 12, 12, 18, 18, 12, 80}
		return 1, db.tableHead(pg, sw, sheet, head, widths, []int{1, 2, 3, 4, 5, 6, 7, 15, 16, 17, 20, 21, 22, 23})
	}
	pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		return b.f.AutoFilter(sheet, "A1:"+cell(peopleColsDiff, max(last, 1)), nil)
	}
	pg.Rows = func(lo, hi int, add func([]any) error) error {
		row := make([]any, peopleColsDiff)
		for _, p := range d.People[lo:hi] {
			db.personRow(row, p)
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
}

// personRow fills row with one person's changes.
func (db *diffBook) personRow(row []any, p diff.PersonChange) {
	b, l, d := db.b, db.b.l, db.d
	clear(row)
	var pb, pa *analysis.Person
	status := l.T(lang.DiffStatusStayed)
	switch {
	case p.Joined():
		status = l.T(lang.DiffStatusJoined)
	case p.Left():
		status = l.T(lang.DiffStatusLeft)
	}
	row[0] = b.text(status)
	if p.Before >= 0 {
		pb = &d.Before.People[p.Before]
		row[1], row[2] = b.text(pb.Name), b.text(pb.ID)
		row[3], row[5], row[11] = b.text(db.nb.Role(pb.Role)), b.text(pb.Person.Team), int(p.GapSum[0])
		row[17] = db.date(pb.Assessed)
		row[19] = b.text(pb.Assessor)
	}
	if p.After >= 0 {
		pa = &d.After.People[p.After]
		row[1], row[2] = b.text(pa.Name), b.text(pa.ID)
		row[4], row[6], row[12], row[13] = b.text(db.na.Role(pa.Role)), b.text(pa.Person.Team), int(p.GapSum[1]), int(p.GapSumOldRules)
		row[18] = db.date(pa.Assessed)
		row[20] = b.text(pa.Assessor)
	}
	if pb == nil || pa == nil {
		return
	}
	row[7], row[8], row[9], row[10] = p.Up, p.Down, p.Removed, p.Added
	row[14], row[15] = b.text(db.profileNames(p.Gained)), b.text(db.profileNames(p.Lost))
	row[16] = b.text(db.assessment(p.Assessment))
	if p.OtherAssessor {
		row[21] = b.text(l.T(lang.Yes))
	}
	row[22] = b.text(db.whatChanged(p))
}

// date is a date cell, nil for no date.
func (db *diffBook) date(d roster.Date) any {
	if d == 0 {
		return nil
	}
	return excelize.Cell{StyleID: db.st.date, Value: float64(d)}
}

func (db *diffBook) profileNames(ps []diff.ProfileFit) string {
	l := db.b.l
	names := make([]string, len(ps))
	for i, pf := range ps {
		names[i] = db.nb.Name(db.d.Before.Framework.Profiles[pf.Profile])
		if pf.ByRules {
			names[i] = l.F(lang.DiffByNewRules, names[i])
		}
	}
	return strings.Join(names, ", ")
}

func (db *diffBook) assessment(a diff.Assessment) string {
	l := db.b.l
	switch a {
	case diff.Reassessed:
		return l.T(lang.DiffReassessed)
	case diff.CarriedOver:
		return l.T(lang.DiffCarriedOver)
	case diff.Earlier:
		return l.T(lang.DiffEarlierDate)
	}
	return ""
}

// whatChanged says in words what changed for a person on both sides.
func (db *diffBook) whatChanged(p diff.PersonChange) string {
	l, d := db.b.l, db.d
	pb, pa := &d.Before.People[p.Before], &d.After.People[p.After]
	var parts []string
	if p.Renamed {
		parts = append(parts, l.F(lang.DiffRenamedFrom, pb.Name))
	}
	if p.RoleChanged {
		parts = append(parts, l.F(lang.DiffRoleChange, db.nb.Role(pb.Role), db.na.Role(pa.Role)))
	}
	if p.TeamChanged {
		parts = append(parts, l.F(lang.DiffTeamChange, db.nb.Team(pb.Person.Team), db.na.Team(pa.Person.Team)))
	}
	lists := map[diff.Change][]string{}
	for _, lc := range p.Levels {
		id := d.Before.Framework.Leaves[lc.Leaf].ID
		s := id + " " + levelText(lc.Before) + "→" + levelText(lc.After)
		if lc.OtherAssessor {
			s += "*"
		}
		lists[lc.Change] = append(lists[lc.Change], s)
	}
	for _, x := range []struct {
		ch diff.Change
		tm lang.Term
	}{{diff.Up, lang.DiffLevelsUp}, {diff.Down, lang.DiffLevelsDown}, {diff.Removed, lang.DiffLevelsRemoved}, {diff.Added, lang.DiffLevelsAdded}} {
		if s := lists[x.ch]; len(s) > 0 {
			parts = append(parts, l.F(x.tm, strings.Join(s, ", ")))
		}
	}
	return strings.Join(parts, "; ")
}

func levelText(x int8) string {
	if x < 0 {
		return "–"
	}
	return string('0' + rune(x))
}

// The Heatmap of changes: a title and a legend, the header row, then a row
// per person in both mappings: name, id, team, and per competence the
// change of level (after − before), coloured.
const (
	hmFixedDiff = 3 // name, id, team
	hmHeadDiff  = 3 // title, legend, header
)

// writeHeatmap writes the level changes of the persons in both mappings.
func (db *diffBook) writeHeatmap(plan *sheetPlan) {
	b, d := db.b, db.d
	pairs := d.Match.Pairs
	pg := b.bk.AddTable(plan.pages, len(pairs))
	pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		return hmHeadDiff, db.heatmapHead(pg, sw, sheet)
	}
	pg.Rows = func(lo, hi int, add func([]any) error) error {
		row := make([]any, hmFixedDiff+len(db.leaves))
		for _, pr := range pairs[lo:hi] {
			pa := &d.After.People[pr.After]
			row[0], row[1], row[2] = b.text(b.names[pr.After]), b.text(pa.ID), b.text(pa.Person.Team)
			for i, l := range db.leaves {
				row[hmFixedDiff+i] = db.changeCell(d.Before.Level(int(pr.Before), int(l)), d.After.Level(int(pr.After), d.AfterLeaf(int(l))))
			}
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
}

// changeCell is a level change: a number coloured by its size, "r" for an
// assessment removed, "n" for one newly made, nothing when unchanged.
func (db *diffBook) changeCell(x, y int8) any {
	st := &db.st
	switch {
	case x == y:
		return nil
	case y < 0:
		return excelize.Cell{StyleID: st.removed, Value: "r"}
	case x < 0:
		return excelize.Cell{StyleID: st.add, Value: "n"}
	case y > x:
		return excelize.Cell{StyleID: st.up[min(int(y-x), 2)-1], Value: int(y - x)}
	}
	return excelize.Cell{StyleID: st.down[min(int(x-y), 2)-1], Value: int(y - x)}
}

// heatmapHead writes the title, the legend and the column headers (a
// competence's full name in a comment).
func (db *diffBook) heatmapHead(pg *xlsxstream.Table, sw *excelize.StreamWriter, sheet string) error {
	b, l, st := db.b, db.b.l, &db.b.st
	if err := setWidths(sw, []float64{26, 11, 18}); err != nil {
		return err
	}
	if n := len(db.leaves); n > 0 {
		if err := sw.SetColWidth(hmFixedDiff+1, hmFixedDiff+n, 5.5); err != nil {
			return err
		}
	}
	if err := pg.SetColStyle(sw, 1, hmFixedDiff, st.text); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: hmFixedDiff, YSplit: hmHeadDiff,
		TopLeftCell: cell(hmFixedDiff+1, hmHeadDiff+1), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.h2, Value: l.T(lang.DiffHeatmapTitle)}}); err != nil {
		return err
	}
	legend := []any{excelize.Cell{StyleID: st.bold, Value: l.T(lang.Legend)}, nil, nil,
		excelize.Cell{StyleID: db.st.up[0], Value: "+1"}, l.T(lang.DiffLegendUp), nil,
		excelize.Cell{StyleID: db.st.down[0], Value: "-1"}, l.T(lang.DiffLegendDown), nil,
		excelize.Cell{StyleID: db.st.removed, Value: "r"}, l.T(lang.DiffLegendRemoved), nil, nil, nil,
		excelize.Cell{StyleID: db.st.add, Value: "n"}, l.T(lang.DiffLegendAdded)}
	if err := sw.SetRow("A2", legend); err != nil {
		return err
	}
	head := []any{excelize.Cell{StyleID: st.head, Value: l.T(lang.Name)}, excelize.Cell{StyleID: st.head, Value: l.T(lang.ID)},
		excelize.Cell{StyleID: st.head, Value: l.T(lang.Team)}}
	fw := db.d.Before.Framework
	for _, lf := range db.leaves {
		head = append(head, excelize.Cell{StyleID: st.headRot, Value: fw.Leaves[lf].ID})
	}
	if err := sw.SetRow("A3", head, excelize.RowOpts{Height: 100}); err != nil {
		return err
	}
	for i, lf := range db.leaves {
		if err := b.comment(sheet, cell(hmFixedDiff+1+i, 3), db.nb.Node(fw.Leaves[lf])); err != nil {
			return err
		}
	}
	return nil
}
