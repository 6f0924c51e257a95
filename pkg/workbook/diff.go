package workbook

import (
	"errors"
	"fmt"
	"io"

	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
	"github.com/xuri/excelize/v2"
)

// WriteDiff writes the workbook of a comparison of two mappings: an
// Overview (with a plan, which planned development happened, first; the
// key figures before and after, where the change came from, the coverage
// per basis competence with a chart of before and after, what the persons
// are measured against when it changed), with a plan its activities and
// needs and what became of them, the unit's holes by what became of them,
// a row of changes per person, and a Heatmap of the level changes (green
// up, red down). It names no person on the Overview.
// The same inputs and Options give the same bytes; every text from the
// rosters or the framework is a text cell.
func WriteDiff(w io.Writer, d *diff.Result, opts Options) error {
	if d == nil || d.Before == nil || d.After == nil {
		return errors.New("report: no comparison")
	}
	return writeBook(w, d.After, opts, "diff workbook", func(b *builder) error {
		db := &diffBook{b: b, d: d, nb: narrate.New(d.Before, b.l, true), na: b.narrator}
		return db.build()
	})
}

// diffBook builds the workbook of a comparison on a builder of After.
type diffBook struct {
	b      *builder
	d      *diff.Result
	nb, na *narrate.Narrator // the words of each side
	// leaves are the leaves of Before's framework that After's has too:
	// the Heatmap's columns.
	leaves []int32
	st     diffStyles
}

// diffStyles are the styles the comparison adds to the report's.
type diffStyles struct {
	worse, better int    // a row's text: red, green
	up, down      [2]int // a level change of 1, of 2 or more
	removed, add  int    // an assessment removed, newly assessed
	date          int
	noteWrap      int // a note wrapped over merged cells
	points        int // a change in percentage points: +3.3
	signed        int // a change of a count: +3
}

// build plans and writes the sheets, the Overview last.
func (db *diffBook) build() error {
	b, d, l := db.b, db.d, db.b.l
	if err := b.newStyles(); err != nil {
		return err
	}
	if err := db.newStyles(); err != nil {
		return err
	}
	b.names = personNames(d.After)
	for l := range d.Before.Framework.Leaves {
		if d.AfterLeaf(l) >= 0 {
			db.leaves = append(db.leaves, int32(l))
		}
	}
	if hmFixedDiff+len(db.leaves) > b.lim.Cols {
		return fmt.Errorf("report: the framework has %d competences, more than the %d columns a sheet holds", len(db.leaves), b.lim.Cols)
	}
	stayed := len(d.Match.Pairs)
	overview := l.T(lang.SheetOverview)
	b.plan = append(b.plan, &sheetPlan{base: overview, pages: []string{overview}})
	var acts, needs *sheetPlan
	if d.Plan != nil {
		acts = b.newPlan(l.T(lang.SheetPlanActivities), 1, len(d.Plan.Plan.Activities()), 1)
		needs = b.newPlan(l.T(lang.SheetPlanNeeds), 1, len(d.Plan.Plan.Needs), 1)
	}
	holes := b.newPlan(l.T(lang.SheetHuller), 1, len(d.Holes), 1)
	people := b.newPlan(l.T(lang.SheetPeople), 1, len(d.People), 1)
	heat := b.newPlan(l.T(lang.SheetHeatmap), hmHeadDiff, stayed, 1)
	if err := b.createSheets(); err != nil {
		return err
	}
	if d.Plan != nil {
		db.writePlanActivities(acts)
		db.writePlanNeeds(needs)
	}
	db.writeHoles(holes)
	db.writePeople(people)
	db.writeHeatmap(heat)
	if err := b.bk.WriteTables(); err != nil {
		return err
	}
	if err := db.writeOverview(); err != nil {
		return err
	}
	return db.setProps()
}

func (db *diffBook) newStyles() error {
	f := db.b.f
	var err error
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	center := &excelize.Alignment{Horizontal: "center"}
	st := &db.st
	st.worse = add(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Family: font, Color: "9C0006"}})
	st.better = add(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Family: font, Color: "006100"}})
	signed := "+0;-0;0"
	for i, c := range []string{colorUp1, colorUp2} {
		st.up[i] = add(&excelize.Style{Fill: fill(c), Alignment: center, CustomNumFmt: &signed})
	}
	for i, c := range []string{colorGap1, colorGap3} {
		st.down[i] = add(&excelize.Style{Fill: fill(c), Alignment: center, CustomNumFmt: &signed})
	}
	st.signed = add(&excelize.Style{CustomNumFmt: &signed})
	st.removed = add(&excelize.Style{Fill: fill(colorNotAssessed), Alignment: center, NumFmt: 49})
	st.add = add(&excelize.Style{Fill: fill(colorAdded), Alignment: center, NumFmt: 49})
	dateFmt, points := "yyyy-mm-dd", "+0.0;-0.0;0.0"
	st.date = add(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "left"}})
	st.points = add(&excelize.Style{CustomNumFmt: &points})
	st.noteWrap = add(&excelize.Style{Font: &excelize.Font{Family: font, Italic: true, Color: "595959"},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})

	return err
}

// The colours of the level changes: greens up, the gap colours down.
const (
	colorUp1   = "C6EFCE" // one level up
	colorUp2   = "63BE7B" // two or more up
	colorAdded = "BDD7EE" // newly assessed
)

// setProps sets the document properties.
func (db *diffBook) setProps() error {
	b := db.b
	if err := b.setProps(); err != nil {
		return err
	}
	fw := db.d.After.Framework
	props, err := b.f.GetDocProps()
	if err != nil {
		return err
	}
	props.Title = b.l.F(lang.DiffReportTitle, fw.Text(fw.Title, b.l.Code()))
	return b.f.SetDocProps(props)
}
