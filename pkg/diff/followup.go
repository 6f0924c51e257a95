package diff

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/roster"
)

// ErrPlanMismatch is returned (wrapped) when a plan does not belong to the
// mappings compared: made against another framework, or from a roster
// none of whose persons is in the old mapping.
var ErrPlanMismatch = errors.New("the plan does not belong to these mappings")

// Outcome is what became of a planned need in the new mapping.
type Outcome uint8

// The outcomes of a need, in the order they are decided.
const (
	// PlanNotFound: the person is not in the old mapping (matched by id, else
	// by name): the plan was made from another roster.
	PlanNotFound Outcome = iota
	// PlanLeft: the person is not in the new mapping.
	PlanLeft
	// PlanNotAssessed: the new mapping has no level for the person on the
	// competence.
	PlanNotAssessed
	// PlanCarriedOver: the level was carried over (the same assessment date
	// on both sides), not assessed again: it does not count as
	// development, whatever it is.
	PlanCarriedOver
	// PlanMet: the new level is at least the need's goal.
	PlanMet
	// PlanPartly: the new level is above the plan's level, below the goal.
	PlanPartly
	// PlanNotYet: the new level is at most the plan's level.
	PlanNotYet
)

// Outcomes lists the outcomes in the order outputs show them.
var Outcomes = []Outcome{PlanMet, PlanPartly, PlanNotYet, PlanCarriedOver, PlanNotAssessed, PlanLeft, PlanNotFound}

var outcomeNames = [...]string{"not-found", "left", "not-assessed", "carried-over", "met", "partly", "not-yet"}

// String returns the outcome's name as used in JSON and CSV.
func (o Outcome) String() string { return outcomeNames[o] }

// Counts are needs counted by outcome (index: Outcome).
type Counts [7]int

// Needs returns the needs counted.
func (c Counts) Needs() int {
	n := 0
	for _, k := range c {
		n += k
	}
	return n
}

// Judged returns the needs whose new level can be judged: met, partly,
// not yet (the person is in both mappings and was assessed again, or no
// dates tell).
func (c Counts) Judged() int { return c[PlanMet] + c[PlanPartly] + c[PlanNotYet] }

// FollowUp compares a plan's needs with the new mapping: which planned
// development happened.
type FollowUp struct {
	Plan *SavedPlan
	// Needs are the plan's needs' outcomes, indexed like Plan.Needs.
	Needs []NeedFollow
	// Before and After give, per person of the plan, the person's index in
	// Result.Before.People and Result.After.People (-1 when not there);
	// ByName counts the persons matched by name.
	Before, After []int32
	ByName        int
	// LevelsDiffer counts the needs of persons found whose level in the
	// plan differs from the old mapping's.
	LevelsDiffer int

	byPerson [][]int             // need indices per person of the plan
	acts     map[string][]Counts // per route, per activity
	persons  []int               // the persons with needs, in plan order
}

// NeedFollow is what became of one planned need.
type NeedFollow struct {
	// Old and New are the person's levels on the competence in the two
	// mappings (roster.Unassessed when not assessed or not there).
	Old, New int8
	// Assessment compares the competence's assessment dates.
	Assessment Assessment
	Outcome    Outcome
}

// Totals counts every need of the plan by outcome.
func (f *FollowUp) Totals() Counts {
	var c Counts
	for _, n := range f.Needs {
		c[n.Outcome]++
	}
	return c
}

// Route counts the needs of one route (RouteJoint, …; "" for those not
// in an activity: deferred and unmet).
func (f *FollowUp) Route(route string) Counts {
	var c Counts
	for k, n := range f.Plan.Needs {
		if n.Route == route || route == "" && n.Activity < 0 {
			c[f.Needs[k].Outcome]++
		}
	}
	return c
}

// Activity counts the needs of activity i of a route (RouteJoint,
// RouteColleague, RouteCourse).
func (f *FollowUp) Activity(route string, i int) Counts {
	if a := f.acts[route]; i >= 0 && i < len(a) {
		return a[i]
	}
	return Counts{}
}

// PersonNeeds returns the indices of person q's needs, in plan order.
func (f *FollowUp) PersonNeeds(q int) []int { return f.byPerson[q] }

// PlanPersons returns the persons of the plan who have needs, in plan
// order.
func (f *FollowUp) PlanPersons() []int { return f.persons }

// index groups the needs by person and counts them by activity.
func (f *FollowUp) index() {
	p := f.Plan
	f.byPerson = make([][]int, len(p.Persons))
	f.acts = map[string][]Counts{RouteJoint: make([]Counts, len(p.Joint)), RouteColleague: make([]Counts, len(p.Pairs)),
		RouteCourse: make([]Counts, len(p.Runs))}
	f.persons = f.persons[:0]
	for k, n := range p.Needs {
		if len(f.byPerson[n.Person]) == 0 {
			f.persons = append(f.persons, n.Person)
		}
		f.byPerson[n.Person] = append(f.byPerson[n.Person], k)
		if a := f.acts[n.Route]; n.Activity >= 0 && n.Activity < len(a) {
			a[n.Activity][f.Needs[k].Outcome]++
		}
	}
}

// followPlan compares plan p with the new mapping. The plan must be made
// against the mappings' framework, and some of its persons must be in
// the old mapping; a competence of the plan must be one of the old
// framework's.
func (c *comparer) followPlan(p *SavedPlan) error {
	leaves, err := c.planLeaves(p)
	if err != nil {
		return err
	}
	f := &FollowUp{Plan: p, Needs: make([]NeedFollow, len(p.Needs))}
	f.index() // the persons; the counts follow the outcomes below
	if err := c.matchPlanPersons(f); err != nil {
		return err
	}
	c.followNeeds(f, leaves)
	f.index()
	c.res.Plan = f
	return nil
}

// planLeaves checks that plan p was made against the mappings' framework
// and returns the leaf (of the old framework) of each of its needs.
func (c *comparer) planLeaves(p *SavedPlan) ([]int, error) {
	b := c.res.Before
	if p.Framework != b.Framework.ID {
		return nil, fmt.Errorf("%s was made against framework %s, and the mappings are measured against %s: %w",
			p.File, p.Framework, b.Framework.ID, ErrPlanMismatch)
	}
	leaves := make([]int, len(p.Needs))
	for k, n := range p.Needs {
		node := b.Framework.Node(n.Competence)
		if node == nil || node.Leaf < 0 {
			return nil, &planError{file: p.File, line: n.Line, col: n.Col,
				msg: fmt.Sprintf("need %d: %q is no competence of %s, which the mappings are measured against", k+1, n.Competence, b.Framework.ID)}
		}
		leaves[k] = node.Leaf
	}
	return leaves, nil
}

// matchPlanPersons finds the plan's persons in the old mapping and the
// new one; a plan none of whose persons is in the old mapping is refused,
// one some of whose persons are not is warned of.
func (c *comparer) matchPlanPersons(f *FollowUp) error {
	r, p := c.res, f.Plan
	b := r.Before
	f.Before, f.ByName = matchPlan(p, b)
	f.After = make([]int32, len(p.Persons))
	for q, j := range f.Before {
		f.After[q] = -1
		if j >= 0 {
			f.After[q] = c.pairOfBefore[j]
		}
	}
	persons := f.PlanPersons()
	var missing []string
	for _, q := range persons {
		if f.Before[q] < 0 {
			missing = append(missing, p.Persons[q].Label())
		}
	}
	if len(persons) > 0 && len(missing) == len(persons) {
		return fmt.Errorf("none of the %d persons of %s is in %s (matched by id, else by name): the plan was made from another roster: %w",
			len(persons), p.File, b.Roster.Source, ErrPlanMismatch)
	}
	if len(missing) > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%d of the %d persons of %s are not in %s (matched by id, else by name): %s; their needs are counted as not found",
			len(missing), len(persons), p.File, b.Roster.Source, listSome(missing, 5)))
	}
	return nil
}

// followNeeds decides the outcome of each of the plan's needs (leaves[k]
// is need k's leaf of the old framework), and warns when the plan's levels
// are not the old mapping's or a competence is gone from the new
// framework.
func (c *comparer) followNeeds(f *FollowUp, leaves []int) {
	r, p := c.res, f.Plan
	b, a := r.Before, r.After
	sides := [2]*side{newSide(b), newSide(a)}
	var differ []string
	dropped := map[string]bool{}
	for k, n := range p.Needs {
		nf := &f.Needs[k]
		nf.Old, nf.New = roster.Unassessed, roster.Unassessed
		pb := f.Before[n.Person]
		if pb < 0 {
			nf.Outcome = PlanNotFound
			continue
		}
		l := leaves[k]
		nf.Old = b.Level(int(pb), l)
		if int(nf.Old) != n.Level {
			f.LevelsDiffer++
			if len(differ) < 3 {
				differ = append(differ, fmt.Sprintf("%s, %s: %d in the plan, %s in %s", p.Persons[n.Person].Label(), n.Competence,
					n.Level, levelText(nf.Old), b.Roster.Source))
			}
		}
		pa := f.After[n.Person]
		if pa < 0 {
			nf.Outcome = PlanLeft
			continue
		}
		la := int(r.leafMap[l])
		if la < 0 {
			dropped[n.Competence] = true
			nf.Outcome = PlanNotAssessed
			continue
		}
		nf.New = a.Level(int(pa), la)
		db, _ := sides[0].assessment(int(pb), b.Framework.Leaves[l])
		da, _ := sides[1].assessment(int(pa), a.Framework.Leaves[la])
		nf.Assessment = assessmentOf(db, da)
		nf.Outcome = outcome(n, nf)
	}
	if f.LevelsDiffer > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("the levels of %d of the %d needs of %s differ from %s (%s): the plan may have been made from another mapping; progress is measured from the plan's levels",
			f.LevelsDiffer, len(p.Needs), p.File, b.Roster.Source, strings.Join(differ, "; ")))
	}
	if len(dropped) > 0 {
		var ids []string
		for _, n := range p.Needs {
			if dropped[n.Competence] {
				ids = append(ids, n.Competence)
				delete(dropped, n.Competence)
			}
		}
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s's framework has no competence %s: the plan's needs on it are counted as not assessed",
			a.Roster.Source, strings.Join(ids, ", ")))
	}
}

// outcome decides a need's outcome for a person in both mappings, the
// new level assessed.
func outcome(n PlanNeed, nf *NeedFollow) Outcome {
	switch {
	case nf.New < 0:
		return PlanNotAssessed
	case nf.Assessment == CarriedOver:
		return PlanCarriedOver
	case int(nf.New) >= n.Goal:
		return PlanMet
	case int(nf.New) > n.Level:
		return PlanPartly
	}
	return PlanNotYet
}

// matchPlan finds the plan's persons in an analysis as Compare matches two
// rosters: by id where both have one; then a person without an id on
// either side by name (case and spacing ignored), when exactly one of
// that name is left unmatched on each side. It returns each plan person's
// index in res.People (-1 for none) and how many were matched by name.
func matchPlan(p *SavedPlan, res *analysis.Result) ([]int32, int) {
	out := make([]int32, len(p.Persons))
	taken := make([]bool, len(res.People))
	byID := map[string]int32{}
	for i, per := range res.People {
		if per.ID != "" {
			byID[per.ID] = int32(i)
		}
	}
	for q, pp := range p.Persons {
		out[q] = -1
		if j, ok := byID[pp.ID]; ok && pp.ID != "" && !taken[j] {
			out[q], taken[j] = j, true
		}
	}
	type cands struct{ plan, res []int32 }
	names := map[string]*cands{}
	for q, pp := range p.Persons {
		if out[q] < 0 {
			k := NormName(pp.Name)
			if names[k] == nil {
				names[k] = &cands{}
			}
			names[k].plan = append(names[k].plan, int32(q))
		}
	}
	for i, per := range res.People {
		if x := names[NormName(per.Name)]; x != nil && !taken[i] {
			x.res = append(x.res, int32(i))
		}
	}
	byName := 0
	for _, x := range names {
		if len(x.plan) != 1 || len(x.res) != 1 {
			continue
		}
		q, j := x.plan[0], x.res[0]
		if p.Persons[q].ID != "" && res.People[j].ID != "" {
			continue // two ids: two persons
		}
		out[q] = j
		byName++
	}
	return out, byName
}

// Label names a person of a plan: "Name (id)"; a pseudonym, which is
// both, once.
func (pp PlanPerson) Label() string {
	switch {
	case pp.ID == "" || pp.ID == pp.Name:
		return pp.Name
	case pp.Name == "":
		return pp.ID
	}
	return pp.Name + " (" + pp.ID + ")"
}

func levelText(l int8) string {
	if l < 0 {
		return "not assessed"
	}
	return fmt.Sprint(l)
}

// listSome lists at most n items, then says how many more.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
}

// ActivityRef is one activity of a plan: its route (RouteJoint,
// RouteCourse, RouteColleague) and its index among that route's.
type ActivityRef struct {
	Route string
	Index int
}

// Activities lists the plan's activities: joint activities, course runs,
// then colleague pairs, each in the plan's order.
func (p *SavedPlan) Activities() []ActivityRef {
	var out []ActivityRef
	for i := range p.Joint {
		out = append(out, ActivityRef{RouteJoint, i})
	}
	for i := range p.Runs {
		out = append(out, ActivityRef{RouteCourse, i})
	}
	for i := range p.Pairs {
		out = append(out, ActivityRef{RouteColleague, i})
	}
	return out
}

// ByNeeds lists the plan's activities for a reader: those with the most
// needs first, in the order of Activities on a tie.
func (f *FollowUp) ByNeeds() []ActivityRef {
	out := f.Plan.Activities()
	slices.SortStableFunc(out, func(x, y ActivityRef) int {
		return cmp.Compare(f.Activity(y.Route, y.Index).Needs(), f.Activity(x.Route, x.Index).Needs())
	})
	return out
}
