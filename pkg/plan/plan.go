// Package plan turns an analysis into a development plan: who should
// learn what, from whom or on which course, what it costs, and what the
// unit will look like afterwards. It follows how job centres develop
// their staff: joint, practice-near activities inside the unit first
// where many share a need, then colleagues who can teach (to be agreed
// with them), then courses of a catalog chosen for the least cost, and a
// wish list of what nothing covers. The plan is a proposal for the
// development talk and the colleagues who would teach, not an
// assignment.
//
// The package is pure: Make reads nothing and writes nothing. It analyses
// the roster before and after the plan with the same settings, so that
// the projected roster (Plan.Projected) analysed again gives exactly the
// figures of Plan.After.
package plan

import (
	"errors"
	"fmt"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// Defaults of Options.
const (
	DefaultMaxMentees = 3
	DefaultJointMin   = 4
)

// NoBudget is Options.Budget when there is no budget.
const NoBudget = -1

// Options control a plan.
type Options struct {
	// Joint allows joint activities led by a colleague of the unit.
	Joint bool
	// JointMin is the least number of persons who share a need for it to
	// become a joint activity (at least 2).
	JointMin int
	// Mentoring allows colleagues to teach colleagues one to one.
	Mentoring bool
	// MaxMentees caps the learners one colleague is proposed for (at least
	// 1 when Mentoring).
	MaxMentees int
	// Budget caps the cost of the courses, in the catalog's currency;
	// NoBudget for none.
	Budget int64
}

// DefaultOptions are joint activities of at least DefaultJointMin persons,
// colleagues with at most DefaultMaxMentees learners each, and no budget.
func DefaultOptions() Options {
	return Options{Joint: true, JointMin: DefaultJointMin, Mentoring: true, MaxMentees: DefaultMaxMentees, Budget: NoBudget}
}

func (o Options) validate() error {
	switch {
	case o.JointMin < 2:
		return fmt.Errorf("a joint activity needs at least 2 persons, not %d", o.JointMin)
	case o.Mentoring && o.MaxMentees < 1:
		return fmt.Errorf("a colleague who teaches has at least 1 learner, not %d", o.MaxMentees)
	case o.Budget < NoBudget:
		return fmt.Errorf("budget %d is negative", o.Budget)
	}
	return nil
}

// Route is how a need is met.
type Route uint8

// The routes, in the order the plan tries them.
const (
	// RouteJoint: a joint activity of the unit or a team, led by a
	// colleague at the teaching level.
	RouteJoint Route = iota + 1
	// RouteColleague: a colleague at the teaching level, one to one.
	RouteColleague
	// RouteCourse: a run of a catalog course.
	RouteCourse
	// RouteDeferred: a course would meet it, but not within the budget.
	RouteDeferred
	// RouteUnmet: nothing in the unit or the catalog meets it.
	RouteUnmet
)

var routeNames = [...]string{"", "joint", "colleague", "course", "deferred", "unmet"}

// Routes lists the routes in order.
var Routes = []Route{RouteJoint, RouteColleague, RouteCourse, RouteDeferred, RouteUnmet}

// String returns the route's name as used in JSON and CSV.
func (r Route) String() string {
	if int(r) >= len(routeNames) || r == 0 {
		return "none"
	}
	return routeNames[r]
}

// Served reports whether the route meets the need within the plan.
func (r Route) Served() bool { return r == RouteJoint || r == RouteColleague || r == RouteCourse }

// Source says why a need is in the plan; a need may have several.
type Source uint8

// The sources of needs.
const (
	// FromBasis: a basis gap against the role's required level.
	FromBasis Source = 1 << iota
	// FromProfile: a gap in a profile expected of the person, against the
	// target level.
	FromProfile
	// FromKeyPerson: the person is the colleague closest to the target on
	// a competence only one person holds: a second holder.
	FromKeyPerson
	// FromSpecialist: the person is among those cheapest to bring to fit a
	// profile with too few specialists.
	FromSpecialist
)

// Priorities: the tier of the most important hole a need helps close
// (analysis.Tier, 1–4), or PriorityOwn when it helps close none.
const PriorityOwn = 5

// Need is one person's need to raise one competence.
type Need struct {
	Person  int32 // index of Before.People
	Leaf    int32 // index of Framework.Leaves
	Level   int8  // now
	Goal    int8  // the level the plan aims at
	Sources Source
	// Profile is the profile of a FromProfile or FromSpecialist need; -1.
	Profile int32
	// Priority is 1–4 (the tier of Hole) or PriorityOwn.
	Priority int8
	// Hole is the most important hole of Before.Holes the need helps
	// close (the lowest index: holes are ranked); -1 for none.
	Hole int32
	// Route is how it is met, Activity the index of the joint activity
	// (Plan.Joint), pairing (Plan.Pairs) or run (Plan.Runs); -1 otherwise.
	Route    Route
	Activity int32
	// Expected is the level the person is expected to reach: the goal for
	// a joint activity or a colleague, the course's level for a course;
	// Level when not served.
	Expected int8
}

// Gap returns Goal − Level.
func (n Need) Gap() int { return int(n.Goal) - int(n.Level) }

// Joint is a joint activity of the unit, or of one team, on one
// competence, led by a colleague at the teaching level.
type Joint struct {
	Leaf int32
	// Team is the team it is for; "" with Unit for the whole unit.
	Team string
	Unit bool
	// Lead is the colleague proposed to lead it (to be agreed), at the
	// teaching level; Reach is min(Lead's level − 1, target): the most it
	// brings a participant to.
	Lead  int32
	Reach int8
	// Teachers counts the persons at the teaching level in the unit (or
	// the team) when it was formed: fewer than those who lack it.
	Teachers int
	Needs    []int32 // indices of Plan.Needs, one per participant
}

// Pair is a colleague proposed to teach a learner one or more
// competences, to be agreed with the colleague.
type Pair struct {
	Colleague, Learner int32
	Needs              []int32
}

// Run is one run of a catalog course.
type Run struct {
	Course *catalog.Course
	// No numbers the runs of a course from 1.
	No      int
	Persons []int32 // participants, in plan order
	Needs   []int32 // the needs it meets
	Cost    int64
}

// Unmet is a competence some needs of which nothing meets: the wish list
// for course providers.
type Unmet struct {
	Leaf   int32
	Needs  []int32
	Levels int // Σ Goal − Level over Needs
}

// Assessment is a competence some persons should be assessed on before
// anything is planned for them.
type Assessment struct {
	Leaf    int32
	Persons []int32
	// Hole reports an `unassessed` hole of the unit: nobody it is required
	// of was assessed.
	Hole bool
}

// Plan is a development plan.
type Plan struct {
	Framework *framework.Framework
	Catalog   *catalog.Catalog // nil when none was given
	Options   Options
	// Before is the analysis the plan starts from; After the analysis of
	// Projected with the same settings.
	Before, After *analysis.Result
	// Needs are every need, in priority order: priority, then the rank of
	// its hole, then the larger gap, then roster order, then framework
	// order.
	Needs       []Need
	Joint       []Joint
	Pairs       []Pair
	Runs        []Run
	Unmet       []Unmet
	Assessments []Assessment
	// Cost is the cost of Runs; DeferredCost what the courses of the
	// deferred needs would cost beyond the budget.
	Cost, DeferredCost int64
	// Projected is the roster after the plan: the persons analysed, every
	// leaf of the framework a column, levels raised as the plan expects.
	Projected *roster.Roster

	byPerson [][]int32 // need indices per person, in priority order
}

// Make plans the development of the persons of r analysed with settings s
// (the same settings as `huller analyze`), with the courses of cat (nil
// for none).
func Make(fw *framework.Framework, r *roster.Roster, s analysis.Settings, cat *catalog.Catalog, o Options) (*Plan, error) {
	if fw == nil || r == nil {
		return nil, errors.New("plan needs a framework and a roster")
	}
	if err := o.validate(); err != nil {
		return nil, err
	}
	before, err := analysis.Analyze(fw, r, s)
	if err != nil {
		return nil, err
	}
	return From(before, cat, o)
}

// From plans the development of the persons of an analysis (the one Make
// would make), with the courses of cat (nil for none).
func From(before *analysis.Result, cat *catalog.Catalog, o Options) (*Plan, error) {
	if before == nil || before.Framework == nil {
		return nil, errors.New("plan needs an analysis")
	}
	if err := o.validate(); err != nil {
		return nil, err
	}
	fw := before.Framework
	p := &Plan{Framework: fw, Catalog: cat, Options: o, Before: before}
	b := newBuilder(p)
	b.needs()
	if o.Joint {
		b.joint()
	}
	if o.Mentoring {
		b.colleagues()
	}
	b.courses()
	b.unmet()
	p.index()
	p.Projected = b.project()
	var err error
	p.After, err = analysis.Analyze(fw, p.Projected, before.Settings)
	if err != nil {
		return nil, fmt.Errorf("the projected roster: %w", err)
	}
	return p, nil
}

// index groups the needs by person.
func (p *Plan) index() {
	p.byPerson = make([][]int32, len(p.Before.People))
	for i, n := range p.Needs {
		p.byPerson[n.Person] = append(p.byPerson[n.Person], int32(i))
	}
}

// PersonNeeds returns the needs of person q (an index of Before.People),
// in priority order.
func (p *Plan) PersonNeeds(q int) []int32 { return p.byPerson[q] }

// Counts are how many needs each route meets.
type Counts struct {
	Needs, Joint, Colleague, Course, Deferred, Unmet int
	// Levels are the level steps the served needs gain (Σ Expected −
	// Level, each need counted up to its goal).
	Levels int
}

// Counts counts the needs by route.
func (p *Plan) Counts() Counts {
	var c Counts
	for _, n := range p.Needs {
		c.Needs++
		switch n.Route {
		case RouteJoint:
			c.Joint++
		case RouteColleague:
			c.Colleague++
		case RouteCourse:
			c.Course++
		case RouteDeferred:
			c.Deferred++
		case RouteUnmet:
			c.Unmet++
		}
		if n.Route.Served() {
			c.Levels += int(min(n.Expected, n.Goal)) - int(n.Level)
		}
	}
	return c
}

// HoleAfter returns the index in After.Holes of hole i of Before.Holes —
// the same kind on the same competence or profile — and false when the
// plan closes it.
func (p *Plan) HoleAfter(i int) (int, bool) {
	h := p.Before.Holes[i]
	for j, a := range p.After.Holes {
		if a.Kind == h.Kind && a.Node == h.Node {
			return j, true
		}
	}
	return -1, false
}
