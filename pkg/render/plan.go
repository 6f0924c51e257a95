package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/plan"
)

// RenderPlan writes a development plan to w in format (one of Formats):
// the terminal and Markdown show the same document, JSON is the plan's own
// contract (PlanSchemaVersion), CSV one row per need.
func RenderPlan(w io.Writer, format string, p *plan.Plan, o Options) error {
	switch format {
	case FormatTable, "":
		return PlanTerminal(w, p, o)
	case FormatJSON:
		return PlanJSON(w, p, o)
	case FormatCSV:
		return PlanCSV(w, p, o)
	case FormatMarkdown:
		return PlanMarkdown(w, p, o)
	}
	return fmt.Errorf("output format %q is not one of %s", format, strings.Join(Formats(), ", "))
}

// planView is a view of the plan's "before" analysis with the plan.
type planView struct {
	*view
	p *plan.Plan
}

func newPlanView(p *plan.Plan, o Options) (*planView, error) {
	v, err := newView(p.Before, o)
	if err != nil {
		return nil, err
	}
	return &planView{view: v, p: p}, nil
}

// PlanTerminal writes the plan as tables for a terminal (see Terminal).
func PlanTerminal(w io.Writer, p *plan.Plan, o Options) error {
	v, err := newPlanView(p, o)
	if err != nil {
		return err
	}
	return v.draw(w, v.document())
}

// PlanMarkdown writes the plan as GitHub-flavoured Markdown (see
// Markdown).
func PlanMarkdown(w io.Writer, p *plan.Plan, o Options) error {
	v, err := newPlanView(p, o)
	if err != nil {
		return err
	}
	return writeMarkdown(w, v.l, v.document())
}

// document is the plan for a leader: what it proposes, before and after,
// the joint activities, the courses, the colleagues, the wish list, what to
// assess first, transfer and each person's share; with a person filter,
// each listed person's own plan and nothing of anyone else's needs.
func (v *planView) document() document {
	p, l, res := v.p, v.l, v.res
	title := l.F(lang.PlanTitle, res.Roster.Source, l.Count(lang.PersonNoun, res.Summary.Persons), v.text(v.fw.Title), v.fw.ID)
	if res.Settings.Team != "" {
		title += " · " + l.F(lang.TeamOnly, res.Settings.Team)
	}
	d := document{title: title, tables: pseudonymsTables(l, v.o)}
	if res.Listed != nil {
		for q := range res.ListedPeople() {
			d.tables = append(d.tables, v.personPlan(q)...)
		}
		return d
	}
	notes := []string{l.T(lang.PlanIntro)}
	if p.Catalog == nil {
		notes = append(notes, l.T(lang.NoCatalog))
	}
	notes = append(notes, v.n.DefaultsNotes()...)
	d.tables = append(d.tables, table{notes: notes}, v.planSummary(), v.beforeAfter(), v.holesAfter(),
		v.jointTable(), v.runsTable(), v.pairsTable(), v.unmetTable(), v.assessTable(), v.transferTable(), v.peopleTable())
	return d
}

// money writes an amount in the catalog's currency.
func (v *planView) money(x int64) string {
	cur := catalog.DefaultCurrency
	if v.p.Catalog != nil {
		cur = v.p.Catalog.Currency
	}
	return v.l.F(lang.Money, v.l.Int(int(x)), cur)
}

// planSummary is the plan in figures.
func (v *planView) planSummary() table {
	p, l := v.p, v.l
	k := p.Counts()
	t := table{heading: l.T(lang.Summary), wrap: []bool{false, true}}
	add := func(label, value string, tn tone) { t.rows = append(t.rows, []cell{c(label), {value, tn}}) }
	persons := 0
	for q := range p.Before.People {
		if len(p.PersonNeeds(q)) > 0 {
			persons++
		}
	}
	add(l.T(lang.PlanNeeds), l.F(lang.NeedsOfPersons, l.Count(lang.NeedNoun, k.Needs), l.Count(lang.PersonNoun, persons)), plain)
	add(l.T(lang.RouteJointL), l.F(lang.ActivitiesNeeds, l.Count(lang.ActivityNoun, len(p.Joint)), l.Count(lang.NeedNoun, k.Joint)), good)
	add(l.T(lang.RouteColleagueL), l.F(lang.PairsNeeds, l.Count(lang.PairNoun, len(p.Pairs)), l.Count(lang.NeedNoun, k.Colleague)), good)
	add(l.T(lang.RouteCourseL), l.F(lang.RunsNeeds, l.Count(lang.RunNoun, len(p.Runs)), l.Count(lang.NeedNoun, k.Course), v.money(p.Cost)), good)
	if p.Options.Budget != plan.NoBudget {
		add(l.T(lang.Budget), l.F(lang.BudgetLine, v.money(p.Options.Budget), v.money(p.Options.Budget-p.Cost)), plain)
		tn := plain
		if k.Deferred > 0 {
			tn = warn
		}
		add(l.T(lang.RouteDeferredL), l.F(lang.DeferredLine, l.Count(lang.NeedNoun, k.Deferred), v.money(p.DeferredCost)), tn)
	}
	tn := plain
	if k.Unmet > 0 {
		tn = bad
	}
	add(l.T(lang.RouteUnmetL), l.Count(lang.NeedNoun, k.Unmet), tn)
	assess := 0
	for _, a := range p.Assessments {
		assess += len(a.Persons)
	}
	add(l.T(lang.ToAssess), l.F(lang.AssessLine, l.Count(lang.AssessmentNoun, assess), l.Count(lang.CompetenceNoun, len(p.Assessments))), plain)
	add(l.T(lang.Settings), v.planSettings(), plain)
	return t
}

// planSettings says the rules in use.
func (v *planView) planSettings() string {
	o, l := v.p.Options, v.l
	var parts []string
	if o.Joint {
		parts = append(parts, l.F(lang.JointRuleShort, l.Int(o.JointMin)))
	} else {
		parts = append(parts, l.T(lang.NoJoint))
	}
	if o.Mentoring {
		parts = append(parts, l.F(lang.MenteesShort, l.Int(o.MaxMentees)))
	} else {
		parts = append(parts, l.T(lang.NoMentoring))
	}
	return strings.Join(parts, " · ") + " · " + v.settings()
}

// beforeAfter sets the unit's figures before and after the plan side by
// side.
func (v *planView) beforeAfter() table {
	l := v.l
	b, a := v.p.Before, v.p.After
	t := table{heading: l.T(lang.BeforeAfter), header: []string{"", l.T(lang.Before), l.T(lang.After)},
		right: []bool{false, true, true}, wrap: []bool{true, false, false}}
	cov := func(r *analysis.Result) cell {
		c, ok := r.Summary.Basis.Coverage()
		return cell{v.coverage(c, ok), v.coverageTone(c, ok)}
	}
	t.rows = append(t.rows,
		[]cell{c(l.T(lang.BasisCoverage)), cov(b), cov(a)},
		[]cell{c(l.T(lang.PeopleWithGaps)), c(l.Of(b.Summary.PeopleWithGaps, b.Summary.Persons)), c(l.Of(a.Summary.PeopleWithGaps, a.Summary.Persons))},
		[]cell{c(l.T(lang.GapSum)), c(l.Int(int(b.Summary.Basis.GapSum))), c(l.Int(int(a.Summary.Basis.GapSum)))},
		[]cell{c(l.T(lang.Holes)), c(l.Int(len(b.Holes))), c(l.Int(len(a.Holes)))})
	for _, tier := range analysis.Tiers {
		t.rows = append(t.rows, []cell{c("  " + v.n.Tier(tier)), c(l.Int(analysis.CountTier(b.Holes, tier))), c(l.Int(analysis.CountTier(a.Holes, tier)))})
	}
	return t
}

// holesAfter lists the unit's holes with what the plan leaves of each.
func (v *planView) holesAfter() table {
	l, p := v.l, v.p
	t := table{heading: l.T(lang.HolesBeforeAfter), empty: l.T(lang.NoHoles),
		header: []string{l.T(lang.Rank), l.T(lang.KindHeader), l.T(lang.Competence), l.T(lang.Effort), l.T(lang.After)},
		right:  []bool{true, false, false, true, false}, wrap: []bool{false, true, true, false, true}}
	for i, h := range p.Before.Holes {
		after := cell{l.T(lang.Closed), good}
		if j, open := p.HoleAfter(i); open {
			a := p.After.Holes[j]
			after = cell{l.F(lang.Remains, strings.ToLower(v.n.Tier(a.Tier)), l.Int(a.Effort)), tierTone[a.Tier]}
		}
		t.rows = append(t.rows, []cell{c(l.Int(i + 1)), {v.n.Label(h), tierTone[h.Tier]}, c(v.n.Node(h.Node)), c(l.Int(h.Effort)), after})
	}
	if len(p.After.Holes) > 0 {
		t.notes = []string{l.T(lang.NewHolesNote)}
	}
	return t
}

// leafGoals returns the learning goals the framework gives a leaf.
func (v *planView) leafGoals(leaf int32) []catalog.LearningGoal {
	return catalog.LeafGoals(v.fw.Leaves[leaf])
}

// goals names kinds of learning goal; "–" for none.
func (v *planView) goals(gs []catalog.LearningGoal) string {
	if len(gs) == 0 {
		return "–"
	}
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = v.l.T(lang.Goal(string(g)))
	}
	return strings.Join(out, ", ")
}

// form says the learning form the source recommends for a leaf's goals.
func (v *planView) form(leaf int32) string {
	return v.l.T(lang.LearningFormOf(plan.FormFor(v.leafGoals(leaf))))
}

// jointTable lists the joint activities led by colleagues of the unit.
func (v *planView) jointTable() table {
	l, p := v.l, v.p
	t := table{heading: l.T(lang.JointHeading), empty: l.T(lang.NoJointActivities),
		header: []string{l.T(lang.Competence), l.T(lang.ForWhom), l.T(lang.Lead), l.T(lang.ParticipantsN), l.T(lang.LearningForm)},
		right:  []bool{false, false, false, true, false}, wrap: []bool{true, true, true, false, true}}
	for _, j := range p.Joint {
		t.rows = append(t.rows, []cell{c(v.n.Node(v.fw.Leaves[j.Leaf])), c(v.forWhom(j)), c(v.n.Person(j.Lead)),
			c(l.Int(len(j.Needs))), c(v.form(j.Leaf))})
	}
	if len(p.Joint) > 0 {
		t.notes = []string{l.F(lang.JointNote, l.Int(p.Options.JointMin))}
	}
	return t
}

// forWhom names a joint activity's group.
func (v *planView) forWhom(j plan.Joint) string {
	if j.Unit {
		return v.l.T(lang.WholeUnit)
	}
	return v.l.F(lang.TeamOnly, j.Team)
}

// runsTable lists the course runs.
func (v *planView) runsTable() table {
	l, p := v.l, v.p
	t := table{heading: l.T(lang.RunsHeading), empty: v.noRuns(),
		header: []string{l.T(lang.Course), l.T(lang.Run), l.T(lang.FormL), l.T(lang.ParticipantsN), l.T(lang.Cost), l.T(lang.Closes)},
		right:  []bool{false, true, false, true, true, false}, wrap: []bool{true, false, true, false, false, true}}
	for i, r := range p.Runs {
		if v.o.Limit > 0 && i == v.o.Limit {
			t.omitted = len(p.Runs) - i
			break
		}
		t.rows = append(t.rows, []cell{c(v.courseName(r.Course)), c(l.Int(r.No)), c(v.courseForm(r.Course)),
			c(l.Int(len(r.Persons))), c(v.money(r.Cost)), c(v.closes(r.Needs))})
	}
	if len(p.Runs) > 0 {
		t.notes = []string{l.T(lang.RunsNote)}
	}
	return t
}

func (v *planView) noRuns() string {
	if v.p.Catalog == nil {
		return v.l.T(lang.NoCatalogRuns)
	}
	return v.l.T(lang.NoRuns)
}

// courseName is a course's name in the view's language.
func (v *planView) courseName(c *catalog.Course) string {
	if s := v.p.Catalog.Text(c.Name, v.l.Code()); s != "" {
		return s
	}
	return c.ID
}

// courseForm names a course's form and activity.
func (v *planView) courseForm(c *catalog.Course) string {
	return v.l.T(lang.ActivityName(string(c.Activity))) + " · " + v.l.T(lang.FormName(string(c.Form)))
}

// closes names the holes the needs help close, in rank order.
func (v *planView) closes(needs []int32) string {
	var hs []int
	for _, i := range needs {
		if h := v.p.Needs[i].Hole; h >= 0 {
			hs = append(hs, int(h))
		}
	}
	slices.Sort(hs)
	hs = slices.Compact(hs)
	out := make([]string, len(hs))
	for k, h := range hs {
		out[k] = "#" + v.l.Int(h+1) + " " + v.p.Before.Holes[h].Node.ID
	}
	if len(out) == 0 {
		return "–"
	}
	return strings.Join(out, ", ")
}

// pairsTable lists who could teach whom what.
func (v *planView) pairsTable() table {
	l, p := v.l, v.p
	t := table{heading: l.T(lang.PairsHeading), empty: l.T(lang.NoPairs),
		header: []string{l.T(lang.ColleagueL), l.T(lang.Learner), l.T(lang.Competence)},
		wrap:   []bool{true, true, true}, right: []bool{false, false, false}}
	for i, pr := range p.Pairs {
		if v.o.Limit > 0 && i == v.o.Limit {
			t.omitted = len(p.Pairs) - i
			break
		}
		var comps []string
		for _, k := range pr.Needs {
			comps = append(comps, v.n.Node(v.fw.Leaves[p.Needs[k].Leaf]))
		}
		t.rows = append(t.rows, []cell{c(v.n.Person(pr.Colleague)), c(v.n.Person(pr.Learner)), c(strings.Join(comps, "; "))})
	}
	if len(p.Pairs) > 0 {
		t.notes = []string{l.F(lang.PairsNote, l.Int(p.Options.MaxMentees))}
	}
	return t
}

// unmetTable is the wish list for course providers.
func (v *planView) unmetTable() table {
	l, p := v.l, v.p
	t := table{heading: l.T(lang.UnmetHeading), empty: l.T(lang.NoUnmet),
		header: []string{l.T(lang.Competence), l.T(lang.PersonsShort), l.T(lang.LevelsMissing), l.T(lang.GoalKind), l.T(lang.AskFor)},
		right:  []bool{false, true, true, false, false}, wrap: []bool{true, false, false, true, true}}
	for _, u := range p.Unmet {
		t.rows = append(t.rows, []cell{c(v.n.Node(v.fw.Leaves[u.Leaf])), c(l.Int(len(u.Needs))), c(l.Int(u.Levels)),
			c(v.goals(v.leafGoals(u.Leaf))), c(v.askFor(u))})
	}
	if len(p.Unmet) > 0 {
		t.notes = []string{l.T(lang.UnmetNote)}
	}
	return t
}

// askFor says what to ask providers for: a joint activity when at least
// JointMin share the need, else a course; in the form the learning goal
// calls for.
func (v *planView) askFor(u plan.Unmet) string {
	l := v.l
	what := l.T(lang.AskCourse)
	if len(u.Needs) >= v.p.Options.JointMin {
		what = l.T(lang.AskJoint)
	}
	lo, hi := int8(127), int8(0)
	for _, i := range u.Needs {
		n := v.p.Needs[i]
		lo, hi = min(lo, n.Level), max(hi, n.Goal)
	}
	s := l.F(lang.AskLevels, what, v.n.Level(int(lo)), v.n.Level(int(hi)))
	if f := plan.FormFor(v.leafGoals(u.Leaf)); f != "" {
		s += "; " + l.T(lang.LearningFormOf(f))
	}
	return s
}

// assessTable lists what to assess before planning.
func (v *planView) assessTable() table {
	l, p := v.l, v.p
	t := table{heading: l.T(lang.AssessHeading), empty: l.T(lang.NoAssessments),
		header: []string{l.T(lang.Competence), l.T(lang.PersonsShort)},
		wrap:   []bool{true, false}, right: []bool{false, true}}
	holes := slices.ContainsFunc(p.Assessments, func(a plan.Assessment) bool { return a.Hole })
	if holes {
		t.header, t.wrap, t.right = append(t.header, ""), append(t.wrap, true), append(t.right, false)
	}
	for i, a := range p.Assessments {
		if v.o.Limit > 0 && i == v.o.Limit {
			t.omitted = len(p.Assessments) - i
			break
		}
		row := []cell{c(v.n.Node(v.fw.Leaves[a.Leaf])), c(l.Int(len(a.Persons)))}
		if holes {
			mark := ""
			if a.Hole {
				mark = l.T(lang.KindUnassessed)
			}
			row = append(row, cell{mark, warn})
		}
		t.rows = append(t.rows, row)
	}
	if len(p.Assessments) > 0 {
		t.notes = []string{l.T(lang.AssessNote)}
	}
	return t
}

// transferTable says how each kind of activity is prepared and followed
// up: joint activities, colleagues and courses, or the kinds given.
func (v *planView) transferTable(kinds ...plan.Kind) table {
	l := v.l
	if kinds == nil {
		kinds = []plan.Kind{plan.KindJoint, plan.KindColleague, plan.KindCourse}
	}
	t := table{heading: l.T(lang.TransferHeading), wrap: []bool{false, true}, notes: []string{l.T(lang.TransferNote)}}
	for _, k := range kinds {
		tr := plan.TransferFor(k)
		t.rows = append(t.rows, []cell{c(l.T(lang.KindName(string(k)))), c(l.F(lang.TransferLine, l.T(lang.TransferValue(tr.Preparation)),
			v.parties(tr.Parties), l.T(lang.TransferValue(tr.After)), l.T(lang.TransferValue(tr.Sharing))))})
	}
	return t
}

func (v *planView) parties(ps []string) string {
	out := make([]string, len(ps))
	for i, s := range ps {
		out[i] = v.l.T(lang.TransferValue(s))
	}
	return strings.Join(out, ", ")
}

// peopleTable counts each person's needs by route.
func (v *planView) peopleTable() table {
	l, p := v.l, v.p
	t := table{heading: l.T(lang.PlanPeople), empty: l.T(lang.NoNeedsAtAll),
		header: []string{l.T(lang.Name), l.T(lang.Team), l.T(lang.PlanNeeds), l.T(lang.ColJoint), l.T(lang.ColColleague), l.T(lang.ColCourse), l.T(lang.NotMet)},
		right:  []bool{false, false, true, true, true, true, true}, wrap: []bool{true, true, false, false, false, false, false},
		notes: []string{l.T(lang.PersonPlanNote)}}
	for q := range p.Before.People {
		needs := p.PersonNeeds(q)
		if len(needs) == 0 {
			continue
		}
		if v.o.Limit > 0 && len(t.rows) == v.o.Limit {
			t.omitted++
			continue
		}
		var k [6]int
		for _, i := range needs {
			k[p.Needs[i].Route]++
		}
		notMet := cell{l.Int(k[plan.RouteDeferred] + k[plan.RouteUnmet]), plain}
		if notMet.s != "0" {
			notMet.tone = warn
		}
		t.rows = append(t.rows, []cell{c(v.n.Person(int32(q))), c(v.n.Team(p.Before.People[q].Person.Team)), c(l.Int(len(needs))),
			c(l.Int(k[plan.RouteJoint])), c(l.Int(k[plan.RouteColleague])), c(l.Int(k[plan.RouteCourse])), notMet})
	}
	return t
}

// personPlan is one person's plan, for the development talk: the needs in
// priority order with the route proposed for each, and what to assess. It
// names no other person but those who would teach.
func (v *planView) personPlan(q int) []table {
	l, p, res := v.l, v.p, v.res
	per := &res.People[q]
	heading := l.F(lang.PersonPlanHeading, v.n.Person(int32(q)), v.n.Role(per.Role), v.n.Team(per.Person.Team))
	out := []table{{heading: heading, notes: []string{l.T(lang.PersonPlanIntro)}}}
	t := table{heading: l.T(lang.PersonPlanTable), empty: l.T(lang.NoNeeds),
		header: []string{l.T(lang.Competence), l.T(lang.NowToExpected), l.T(lang.RouteL), l.T(lang.GoalKind)},
		wrap:   []bool{true, true, true, true}, right: []bool{false, false, false, false}}
	for _, i := range p.PersonNeeds(q) {
		n := p.Needs[i]
		lv := v.n.Level(int(n.Level)) + " → " + v.n.Level(int(n.Expected))
		if !n.Route.Served() {
			lv = v.n.Level(int(n.Level)) + " (" + l.F(lang.GoalLevel, v.n.Level(int(n.Goal))) + ")"
		}
		t.rows = append(t.rows, []cell{c(v.needName(n)), c(lv), {v.routeText(n), routeTone(n.Route)}, c(v.goals(v.leafGoals(n.Leaf)))})
	}
	out = append(out, t)
	var assess []string
	for _, a := range p.Assessments {
		if slices.Contains(a.Persons, int32(q)) {
			assess = append(assess, v.n.Node(v.fw.Leaves[a.Leaf]))
		}
	}
	if len(assess) > 0 {
		out = append(out, table{heading: l.T(lang.AssessHeading), notes: []string{strings.Join(assess, "; ")}})
	}
	var kinds []plan.Kind
	for _, i := range p.PersonNeeds(q) {
		if k, ok := v.kindOf(p.Needs[i]); ok && !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) > 0 {
		slices.SortFunc(kinds, func(a, b plan.Kind) int { return kindOrder(a) - kindOrder(b) })
		out = append(out, v.transferTable(kinds...))
	}
	return out
}

// needName names a need's competence, with its profile and what makes it
// a need of the unit.
func (v *planView) needName(n plan.Need) string {
	s := v.n.Node(v.fw.Leaves[n.Leaf])
	if n.Profile >= 0 {
		s += " (" + v.n.Name(v.fw.Profiles[n.Profile]) + ")"
	}
	switch {
	case n.Sources&plan.FromKeyPerson != 0:
		s += " · " + v.l.T(lang.SecondHolder)
	case n.Sources&plan.FromSpecialist != 0:
		s += " · " + v.l.T(lang.NewSpecialist)
	}
	return s
}

// kindOf returns the kind of activity that meets a need.
func (v *planView) kindOf(n plan.Need) (plan.Kind, bool) {
	switch n.Route {
	case plan.RouteJoint:
		return plan.KindJoint, true
	case plan.RouteColleague:
		return plan.KindColleague, true
	case plan.RouteCourse:
		return plan.RunKind(v.p.Runs[n.Activity].Course), true
	}
	return "", false
}

func kindOrder(k plan.Kind) int {
	return slices.Index([]plan.Kind{plan.KindJoint, plan.KindJointCourse, plan.KindColleague, plan.KindCourse}, k)
}

func routeTone(r plan.Route) tone {
	switch r {
	case plan.RouteDeferred:
		return warn
	case plan.RouteUnmet:
		return bad
	}
	return plain
}

// routeText says how a need is met: the joint activity and its lead, the
// colleague, the course and run.
func (v *planView) routeText(n plan.Need) string {
	l, p := v.l, v.p
	switch n.Route {
	case plan.RouteJoint:
		j := p.Joint[n.Activity]
		return l.F(lang.ViaJoint, v.forWhom(j), v.n.Person(j.Lead))
	case plan.RouteColleague:
		return l.F(lang.ViaColleague, v.n.Person(p.Pairs[n.Activity].Colleague))
	case plan.RouteCourse:
		r := p.Runs[n.Activity]
		return l.F(lang.ViaCourse, v.courseName(r.Course), l.Int(r.No))
	case plan.RouteDeferred:
		return l.T(lang.RouteDeferredL)
	}
	return l.T(lang.RouteUnmetL)
}
