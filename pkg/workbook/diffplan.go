package workbook

import (
	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/internal/textwrap"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
	"github.com/xuri/excelize/v2"
)

// The follow-up of a plan in the workbook of a comparison (huller diff
// --plan): a section of the Overview that names no person (the needs by
// route and what became of them), and two sheets: the plan's activities
// (joint activities, course runs, colleague pairs) and its needs, one row
// each, with what became of them.

// outcomeTerms names the outcomes of planned needs.
var outcomeTerms = map[diff.Outcome]lang.Term{diff.PlanMet: lang.OutMet, diff.PlanPartly: lang.OutPartly,
	diff.PlanNotYet: lang.OutNotYet, diff.PlanCarriedOver: lang.OutCarriedOver, diff.PlanNotAssessed: lang.OutNotAssessed,
	diff.PlanLeft: lang.OutLeft, diff.PlanNotFound: lang.OutNotFound}

// planRoutes writes the Overview's section: per route the needs, how many
// were met, partly met or not yet; then what cannot be told.
func (db *diffBook) planRoutes(o *ovw) {
	b, l, f := db.b, db.b.l, db.d.Plan
	p := f.Plan
	st := &b.st
	o.table(l.F(lang.FollowTitle, p.File), l.T(lang.FollowRouteCol), "", l.T(lang.FollowNeedsCol), l.T(lang.OutMet), l.T(lang.OutPartly), l.T(lang.OutNotYet))
	row := func(label string, c diff.Counts, style int) {
		o.set(1, label, style)
		o.set(3, c.Needs(), 0)
		o.set(4, c[diff.PlanMet], 0)
		o.set(5, c[diff.PlanPartly], 0)
		o.set(6, c[diff.PlanNotYet], 0)
		o.row++
	}
	row(l.F(lang.FollowJointRow, l.Int(len(p.Joint))), f.Route(diff.RouteJoint), st.text)
	row(l.F(lang.FollowPairsRow, l.Int(len(p.Pairs))), f.Route(diff.RouteColleague), st.text)
	row(l.F(lang.FollowRunsRow, l.Int(len(p.Runs))), f.Route(diff.RouteCourse), st.text)
	row(l.T(lang.FollowOutside), f.Route(""), st.text)
	tot := f.Totals()
	row(l.T(lang.FollowAll), tot, st.bold)
	o.set(1, l.T(lang.FollowOpenL)+": "+narrate.OpenNeeds(l, tot, db.d.Before.Roster.Source), st.text)
	o.row++
	made := p.Roster
	if made == "" {
		made = "–"
	}
	o.set(1, l.T(lang.FollowPlanL)+": "+l.F(lang.FollowPlanLine, p.File, l.Count(lang.NeedNoun, len(p.Needs)),
		l.Count(lang.PersonNoun, len(f.PlanPersons())), made), st.text)
	o.row++
	db.wrappedNote(o, l.T(lang.FollowNote))
}

// overviewWidth is the width of the Overview's first six columns, in
// characters: where a long note wraps.
const overviewWidth = 16 + 62 + 13 + 13 + 15 + 13

// wrappedNote writes a long note over the Overview's first six columns,
// wrapped, its row as tall as it needs.
func (db *diffBook) wrappedNote(o *ovw, text string) {
	o.set(1, text, db.st.noteWrap)
	o.mergeRow(1, 6)
	if o.err == nil {
		o.err = db.b.f.SetRowHeight(o.sheet, o.row, float64(textwrap.CellLines(text, overviewWidth))*15)
	}
	o.row++
}

// routeName names a route of the plan.
func (db *diffBook) routeName(route string) string {
	l := db.b.l
	switch route {
	case diff.RouteJoint:
		return l.T(lang.KindJoint)
	case diff.RouteColleague:
		return l.T(lang.KindColleague)
	case diff.RouteCourse:
		return l.T(lang.KindCourse)
	case diff.RouteDeferred:
		return l.T(lang.RouteDeferredL)
	}
	return l.T(lang.RouteUnmetL)
}

// activityName names an activity of the plan.
func (db *diffBook) activityName(a diff.ActivityRef) string {
	p := db.d.Plan.Plan
	return narrate.PlanActivity(db.b.l, p, a, func(q int) string { return p.Persons[q].Label() })
}

// planActivityCols is the number of columns of the activities sheet.
const planActivityCols = 11

// writePlanActivities writes a row per activity of the plan, those with
// the most needs first: its needs by what became of them.
func (db *diffBook) writePlanActivities(plan *sheetPlan) {
	b, l, f := db.b, db.b.l, db.d.Plan
	acts := f.ByNeeds()
	pg := b.bk.AddTable(plan.pages, len(acts))
	head := []string{l.T(lang.FollowRouteCol), l.T(lang.FollowActivityCol), l.T(lang.FollowNeedsCol)}
	for _, o := range diff.Outcomes {
		head = append(head, l.T(outcomeTerms[o]))
	}
	head = append(head, l.T(lang.FollowActivityCol)+" (#)")
	pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		return 1, db.tableHead(pg, sw, sheet, head, []float64{20, 70, 9, 9, 9, 9, 12, 12, 9, 12, 10}, []int{1, 2})
	}
	pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		return b.f.AutoFilter(sheet, "A1:"+cell(planActivityCols, max(last, 1)), nil)
	}
	pg.Rows = func(lo, hi int, add func([]any) error) error {
		row := make([]any, planActivityCols)
		for _, a := range acts[lo:hi] {
			c := f.Activity(a.Route, a.Index)
			row[0], row[1], row[2] = b.text(db.routeName(a.Route)), b.text(db.activityName(a)), c.Needs()
			for k, o := range diff.Outcomes {
				row[3+k] = c[o]
			}
			row[10] = a.Index
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
}

// planNeedCols is the number of columns of the needs sheet.
const planNeedCols = 14

// writePlanNeeds writes a row per need of the plan: the plan's level,
// goal and expected level, the levels in the two mappings, and what
// became of it.
func (db *diffBook) writePlanNeeds(plan *sheetPlan) {
	b, l, f := db.b, db.b.l, db.d.Plan
	p := f.Plan
	pg := b.bk.AddTable(plan.pages, len(p.Needs))
	head := []string{l.T(lang.Name), l.T(lang.ID), l.T(lang.Competence) + " (" + l.T(lang.ID) + ")", l.T(lang.Competence), l.T(lang.FollowRouteCol), l.T(lang.FollowActivityCol),
		l.T(lang.FollowLevelPlan), l.T(lang.FollowGoal), l.T(lang.FollowExpected), l.T(lang.Level) + " – " + l.T(lang.DiffBefore),
		l.T(lang.Level) + " – " + l.T(lang.DiffAfter), l.T(lang.DiffAssessmentsL), l.T(lang.FollowOutcome), l.T(lang.ProfileL)}
	pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		return 1, db.tableHead(pg, sw, sheet, head, []float64{24, 10, 14, 40, 16, 50, 10, 8, 10, 10, 10, 28, 22, 14},
			[]int{1, 2, 3, 4, 5, 6, 12, 13, 14})
	}
	pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		return b.f.AutoFilter(sheet, "A1:"+cell(planNeedCols, max(last, 1)), nil)
	}
	names := map[string]string{}
	pg.Rows = func(lo, hi int, add func([]any) error) error {
		row := make([]any, planNeedCols)
		for k := lo; k < hi; k++ {
			clear(row)
			n, nf := p.Needs[k], f.Needs[k]
			pp := p.Persons[n.Person]
			name, ok := names[n.Competence]
			if !ok {
				if node := db.d.Before.Framework.Node(n.Competence); node != nil {
					name = db.nb.Name(node)
				}
				names[n.Competence] = name
			}
			row[0], row[1], row[2], row[3] = b.text(pp.Name), b.text(pp.ID), b.text(n.Competence), b.text(name)
			row[4] = b.text(db.routeName(n.Route))
			if n.Activity >= 0 {
				row[5] = b.text(db.activityName(diff.ActivityRef{Route: n.Route, Index: n.Activity}))
			}
			row[6], row[7], row[8] = n.Level, n.Goal, n.Expected
			if nf.Old >= 0 {
				row[9] = int(nf.Old)
			}
			if nf.New >= 0 {
				row[10] = int(nf.New)
			}
			if nf.Outcome >= diff.PlanCarriedOver { // both levels there
				row[11] = b.text(db.assessment(nf.Assessment))
			}
			style := b.st.text
			if nf.Outcome == diff.PlanMet {
				style = db.st.better
			}
			row[12] = excelize.Cell{StyleID: style, Value: b.text(l.T(outcomeTerms[nf.Outcome]))}
			if n.Profile != "" {
				row[13] = b.text(n.Profile)
			}
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
}
