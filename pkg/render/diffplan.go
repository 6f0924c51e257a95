package render

import (
	"strings"

	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
)

// The follow-up of a plan in a comparison (huller diff --plan): which
// planned development happened, by route, by activity and by person.

// outcomeTerm names each outcome of a planned need.
var outcomeTerm = map[diff.Outcome]lang.Term{diff.PlanMet: lang.OutMet, diff.PlanPartly: lang.OutPartly,
	diff.PlanNotYet: lang.OutNotYet, diff.PlanCarriedOver: lang.OutCarriedOver, diff.PlanNotAssessed: lang.OutNotAssessed,
	diff.PlanLeft: lang.OutLeft, diff.PlanNotFound: lang.OutNotFound}

// planTables are the tables of the follow-up, shown first.
func (dv *diffView) planTables() []table {
	f := dv.d.Plan
	if f == nil {
		return nil
	}
	return []table{dv.planSummary(f), dv.planRoutes(f), dv.planActivities(f), dv.planPersons(f)}
}

// planSummary says what the plan is and how much of it happened.
func (dv *diffView) planSummary(f *diff.FollowUp) table {
	l, d, p := dv.l, dv.d, f.Plan
	tot := f.Totals()
	t := table{heading: l.F(lang.FollowTitle, p.File), wrap: []bool{false, true}, notes: []string{l.T(lang.FollowNote)}}
	add := func(label, value string, tn tone) { t.rows = append(t.rows, []cell{c(label), {value, tn}}) }
	persons := f.PlanPersons()
	made := p.Roster
	if made == "" {
		made = "–"
	}
	add(l.T(lang.FollowPlanL), l.F(lang.FollowPlanLine, p.File, l.Count(lang.NeedNoun, len(p.Needs)), l.Count(lang.PersonNoun, len(persons)), made), plain)
	tn := plain
	if tot[diff.PlanMet] > 0 {
		tn = good
	}
	add(l.T(lang.FollowMetL), l.F(lang.FollowMetLine, l.Of(tot[diff.PlanMet], tot.Needs()), l.Int(tot[diff.PlanPartly]), l.Int(tot[diff.PlanNotYet])), tn)
	add(l.T(lang.FollowOpenL), narrate.OpenNeeds(l, tot, d.Before.Roster.Source), plain)
	both, left, missing := 0, 0, 0
	for _, q := range persons {
		switch {
		case f.Before[q] < 0:
			missing++
		case f.After[q] < 0:
			left++
		default:
			both++
		}
	}
	who := l.F(lang.FollowPersonsLn, l.Int(len(persons)), l.Int(both), l.Int(left))
	if missing > 0 {
		who += ", " + l.F(lang.FollowPersonsNF, l.Int(missing), d.Before.Roster.Source)
	}
	add(l.T(lang.FollowPersonsL), who, plain)
	return t
}

// planRoutes counts the needs of each route: met, partly, not yet, and
// the others (not assessed again, not assessed, left, not found).
func (dv *diffView) planRoutes(f *diff.FollowUp) table {
	l, p := dv.l, f.Plan
	t := table{heading: l.T(lang.FollowRoutesT),
		header: []string{l.T(lang.FollowRouteCol), l.T(lang.FollowNeedsCol), l.T(lang.OutMet), l.T(lang.OutPartly), l.T(lang.OutNotYet), l.T(lang.OutOther)},
		wrap:   []bool{true, false, true, true, true, true}, right: []bool{false, true, true, true, true, true},
		notes: []string{l.T(lang.FollowOtherNote)}}
	row := func(label string, cnt diff.Counts) {
		t.rows = append(t.rows, dv.countCells(label, cnt))
	}
	row(l.F(lang.FollowJointRow, l.Int(len(p.Joint))), f.Route(diff.RouteJoint))
	row(l.F(lang.FollowPairsRow, l.Int(len(p.Pairs))), f.Route(diff.RouteColleague))
	row(l.F(lang.FollowRunsRow, l.Int(len(p.Runs))), f.Route(diff.RouteCourse))
	row(l.T(lang.FollowOutside), f.Route(""))
	row(l.T(lang.FollowAll), f.Totals())
	return t
}

// countCells is a row of needs counted: label, needs, met, partly, not
// yet, the others.
func (dv *diffView) countCells(label string, cnt diff.Counts) []cell {
	l := dv.l
	return []cell{c(label), c(l.Int(cnt.Needs())), dv.countCell(diff.PlanMet, cnt[diff.PlanMet]),
		c(l.Int(cnt[diff.PlanPartly])), c(l.Int(cnt[diff.PlanNotYet])), c(l.Int(cnt.Needs() - cnt.Judged()))}
}

// countCell writes a count of needs: green when some were met.
func (dv *diffView) countCell(o diff.Outcome, n int) cell {
	if o == diff.PlanMet && n > 0 {
		return cell{dv.l.Int(n), good}
	}
	return c(dv.l.Int(n))
}

// planPerson names a person of the plan as the mappings do (the new one,
// else the old one), else as the plan does.
func (dv *diffView) planPerson(f *diff.FollowUp, q int) string {
	switch {
	case f.After[q] >= 0:
		return dv.a.n.Person(f.After[q])
	case f.Before[q] >= 0:
		return dv.b.n.Person(f.Before[q])
	}
	pp := f.Plan.Persons[q]
	if pp.Name == "" {
		return pp.ID
	}
	return pp.Name
}

// planActivities counts each activity's needs by outcome, those with the
// most needs first.
func (dv *diffView) planActivities(f *diff.FollowUp) table {
	l := dv.l
	t := table{heading: l.T(lang.FollowActivitiesT), empty: l.T(lang.FollowNoActivity),
		header: []string{l.T(lang.FollowActivityCol), l.T(lang.FollowNeedsCol), l.T(lang.OutMet), l.T(lang.OutPartly), l.T(lang.OutNotYet), l.T(lang.OutOther)},
		wrap:   []bool{true, false, true, true, true, true}, right: []bool{false, true, true, true, true, true},
		notes: []string{l.T(lang.FollowOtherNote)}}
	for _, a := range f.ByNeeds() {
		if dv.o.Limit > 0 && len(t.rows) == dv.o.Limit {
			t.omitted++
			continue
		}
		label := narrate.PlanActivity(l, f.Plan, a, func(q int) string { return dv.planPerson(f, q) })
		t.rows = append(t.rows, dv.countCells(label, f.Activity(a.Route, a.Index)))
	}
	return t
}

// planPersons lists each person's needs: the plan's level and goal, the
// level now and what became of it.
func (dv *diffView) planPersons(f *diff.FollowUp) table {
	l, d, p := dv.l, dv.d, f.Plan
	t := table{heading: l.T(lang.FollowPersonsT), header: []string{l.T(lang.Name), l.T(lang.OutMet), l.T(lang.FollowNeedsTxt)},
		wrap: []bool{true, false, true}, right: []bool{false, true, false}}
	for _, q := range f.PlanPersons() {
		if dv.o.Limit > 0 && len(t.rows) == dv.o.Limit {
			t.omitted++
			continue
		}
		ks := f.PersonNeeds(q)
		met := 0
		var parts []string
		for _, k := range ks {
			n, nf := p.Needs[k], f.Needs[k]
			if nf.Outcome == diff.PlanMet {
				met++
			}
			parts = append(parts, l.F(lang.FollowNeedOne, n.Competence, l.Int(n.Level), l.Int(n.Goal), level(nf.New),
				strings.ToLower(l.T(outcomeTerm[nf.Outcome]))))
		}
		text := strings.Join(parts, "; ")
		switch {
		case f.Before[q] < 0:
			text = l.F(lang.FollowNotFound, d.Before.Roster.Source)
		case f.After[q] < 0:
			text = l.T(lang.FollowLeftAll)
		}
		tn := plain
		if met > 0 {
			tn = good
		}
		t.rows = append(t.rows, []cell{c(dv.planPerson(f, q)), {l.Of(met, len(ks)), tn}, c(text)})
	}
	return t
}
