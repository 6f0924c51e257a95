package render

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/plan"
)

// PlanSchemaVersion is the version of the plan's JSON contract (`huller
// plan --format json`). Fields may be added within a version; renaming or
// removing one needs a new version. Its "before" and "after" objects have
// the shape of the analysis contract's "summary" (SchemaVersion), so that
// a script can compare them with `huller analyze --format json`.
const PlanSchemaVersion = 1

type jCatalog struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Framework string `json:"framework"`
	Currency  string `json:"currency"`
	Courses   int    `json:"courses"`
}

type jPlanOptions struct {
	Joint      bool   `json:"joint"`
	JointMin   int    `json:"joint_min"`
	Mentoring  bool   `json:"mentoring"`
	MaxMentees int    `json:"max_mentees"`
	Budget     *int64 `json:"budget"`
}

type jPlanSettings struct {
	jSettings
	Plan jPlanOptions `json:"plan"`
}

type jTotals struct {
	Needs            int    `json:"needs"`
	PersonsWithNeeds int    `json:"persons_with_needs"`
	Joint            int    `json:"joint"`
	Colleague        int    `json:"colleague"`
	Course           int    `json:"course"`
	Deferred         int    `json:"deferred"`
	Unmet            int    `json:"unmet"`
	Levels           int    `json:"levels"`
	Cost             int64  `json:"cost"`
	DeferredCost     int64  `json:"deferred_cost"`
	Budget           *int64 `json:"budget"`
	Assessments      int    `json:"assessments"`
}

type jHoleRef struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

type jHoleAfter struct {
	Tier   string      `json:"tier"`
	Kind   string      `json:"kind"`
	ID     string      `json:"id"`
	Effort int         `json:"effort"`
	After  *jHoleState `json:"after"` // null: closed
}

type jHoleState struct {
	Tier   string `json:"tier"`
	Effort int    `json:"effort"`
}

type jTransfer struct {
	Preparation string   `json:"preparation"`
	Parties     []string `json:"parties"`
	LeaderAfter string   `json:"leader_after"`
	Sharing     string   `json:"sharing"`
	FollowUp    *string  `json:"follow_up"` // always null: to fill in
}

type jJoint struct {
	Competence    string    `json:"competence"`
	Team          *string   `json:"team"` // null: the whole unit
	Lead          jName     `json:"lead"`
	Reach         int       `json:"reach"`
	Teachers      int       `json:"teachers"`
	LearningGoals []string  `json:"learning_goals"`
	Form          string    `json:"form"`
	Participants  []jName   `json:"participants"`
	Transfer      jTransfer `json:"transfer"`
}

type jRun struct {
	Course        string    `json:"course"`
	Run           int       `json:"run"`
	Kind          string    `json:"kind"`
	Form          string    `json:"form"`
	Activity      string    `json:"activity"`
	LearningGoals []string  `json:"learning_goals"`
	Participants  []jName   `json:"participants"`
	Needs         int       `json:"needs"`
	Cost          int64     `json:"cost"`
	Holes         []string  `json:"holes"`
	Transfer      jTransfer `json:"transfer"`
}

type jPair struct {
	Colleague   jName     `json:"colleague"`
	Learner     jName     `json:"learner"`
	Competences []string  `json:"competences"`
	Transfer    jTransfer `json:"transfer"`
}

type jPlanNeed struct {
	Name          string    `json:"name"`
	ID            string    `json:"id"`
	Competence    string    `json:"competence"`
	Profile       string    `json:"profile,omitempty"`
	Level         int       `json:"level"`
	Goal          int       `json:"goal"`
	Expected      int       `json:"expected"`
	Priority      int       `json:"priority"`
	Hole          *jHoleRef `json:"hole"`
	Sources       []string  `json:"sources"`
	Route         string    `json:"route"`
	Activity      *int      `json:"activity"` // index into joint, colleagues or runs; null otherwise
	LearningGoals []string  `json:"learning_goals"`
}

type jUnmet struct {
	Competence    string   `json:"competence"`
	Persons       int      `json:"persons"`
	Levels        int      `json:"levels"`
	LearningGoals []string `json:"learning_goals"`
	Form          string   `json:"form"`
}

type jAssessment struct {
	Competence string  `json:"competence"`
	Hole       bool    `json:"hole"`
	Persons    []jName `json:"persons"`
}

// PlanJSON writes the plan as its JSON contract (PlanSchemaVersion). With
// a person filter it holds only the listed persons' needs, and of the
// activities only those they take part in, naming no other participant:
// the colleague or lead who would teach them is named.
func PlanJSON(w io.Writer, p *plan.Plan, o Options) error {
	v, err := newPlanView(p, o)
	if err != nil {
		return err
	}
	j := &jsonWriter{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.enc.SetIndent("  ", "  ")
	res, fw := p.Before, p.Framework
	f := newPlanFilter(p)

	j.raw("{\n")
	j.field("schema_version", PlanSchemaVersion)
	j.field("mode", mode(o))
	j.field("audience", audience(o))
	j.field("framework", jFramework{ID: fw.ID, Title: v.text(fw.Title), File: fw.File, Extends: fw.Extends,
		BasisLeaves: len(fw.BasisLeaves), ProfileLeaves: len(fw.Leaves) - len(fw.BasisLeaves), Profiles: len(fw.Profiles)})
	j.field("roster", jRoster{File: res.Roster.Source, Sheet: res.Roster.Sheet, Persons: len(res.Roster.Persons),
		Analysed: len(res.People), Listed: len(listedIndices(res))})
	j.field("catalog", jsonCatalog(p.Catalog))
	j.field("settings", jPlanSettings{jsonSettings(res.Settings), jsonPlanOptions(p.Options)})
	j.field("totals", jsonTotals(p))
	j.field("before", jsonSummary(p.Before.Summary, p.Before.Holes))
	j.field("after", jsonSummary(p.After.Summary, p.After.Holes))
	j.array("holes", len(p.Before.Holes), func(i int) any { return jsonHoleAfter(p, i) })
	j.array("needs", len(f.Needs), func(k int) any { return jsonPlanNeed(p, f, f.Needs[k]) })
	j.array("joint", len(f.Joint), func(k int) any { return jsonJoint(v, f, f.Joint[k]) })
	j.array("colleagues", len(f.Pairs), func(k int) any { return jsonPair(p, f.Pairs[k]) })
	j.array("runs", len(f.Runs), func(k int) any { return jsonRun(p, f, f.Runs[k]) })
	j.array("unmet", len(f.Unmet), func(k int) any { return jsonUnmet(p, f, f.Unmet[k]) })
	j.array("assessments", len(f.Assessments), func(k int) any { return jsonAssessment(p, f, f.Assessments[k]) })
	j.last("warnings", append([]string{}, res.AllWarnings()...))
	j.raw("}\n")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

// planFilter is what a person filter lets through (plan.Shown), with
// each shown activity's index in the output, per route.
type planFilter struct {
	*plan.Shown
	index map[plan.Route]map[int32]int
}

func newPlanFilter(p *plan.Plan) *planFilter {
	f := &planFilter{Shown: p.Shown(), index: map[plan.Route]map[int32]int{
		plan.RouteJoint: {}, plan.RouteColleague: {}, plan.RouteCourse: {}}}
	for k, i := range f.Joint {
		f.index[plan.RouteJoint][int32(i)] = k
	}
	for k, i := range f.Pairs {
		f.index[plan.RouteColleague][int32(i)] = k
	}
	for k, i := range f.Runs {
		f.index[plan.RouteCourse][int32(i)] = k
	}
	return f
}

func jsonCatalog(c *catalog.Catalog) *jCatalog {
	if c == nil {
		return nil
	}
	return &jCatalog{ID: c.ID, File: c.File, Framework: c.Framework, Currency: c.Currency, Courses: len(c.Courses)}
}

func jsonPlanOptions(o plan.Options) jPlanOptions {
	jo := jPlanOptions{Joint: o.Joint, JointMin: o.JointMin, Mentoring: o.Mentoring, MaxMentees: o.MaxMentees}
	if o.Budget != plan.NoBudget {
		jo.Budget = ptr(o.Budget)
	}
	return jo
}

func jsonTotals(p *plan.Plan) jTotals {
	c := p.Counts()
	t := jTotals{Needs: c.Needs, Joint: c.Joint, Colleague: c.Colleague, Course: c.Course, Deferred: c.Deferred,
		Unmet: c.Unmet, Levels: c.Levels, Cost: p.Cost, DeferredCost: p.DeferredCost}
	if p.Options.Budget != plan.NoBudget {
		t.Budget = ptr(p.Options.Budget)
	}
	for q := range p.Before.People {
		if len(p.PersonNeeds(q)) > 0 {
			t.PersonsWithNeeds++
		}
	}
	for _, a := range p.Assessments {
		t.Assessments += len(a.Persons)
	}
	return t
}

func jsonHoleAfter(p *plan.Plan, i int) jHoleAfter {
	h := p.Before.Holes[i]
	jh := jHoleAfter{Tier: h.Tier.String(), Kind: h.Kind.String(), ID: h.Node.ID, Effort: h.Effort}
	if k, open := p.HoleAfter(i); open {
		a := p.After.Holes[k]
		jh.After = &jHoleState{Tier: a.Tier.String(), Effort: a.Effort}
	}
	return jh
}

func goalCodes(gs []catalog.LearningGoal) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = string(g)
	}
	return out
}

func jsonTransfer(k plan.Kind) jTransfer {
	t := plan.TransferFor(k)
	return jTransfer{Preparation: t.Preparation, Parties: t.Parties, LeaderAfter: t.After, Sharing: t.Sharing}
}

var sourceNames = []struct {
	s    plan.Source
	name string
}{{plan.FromBasis, "basis"}, {plan.FromProfile, "profile"}, {plan.FromKeyPerson, "key-person"}, {plan.FromSpecialist, "specialist"}}

func jsonPlanNeed(p *plan.Plan, f *planFilter, i int) jPlanNeed {
	n := p.Needs[i]
	fw, per := p.Framework, p.Before.People[n.Person]
	jn := jPlanNeed{Name: per.Name, ID: per.ID, Competence: fw.Leaves[n.Leaf].ID, Level: int(n.Level), Goal: int(n.Goal),
		Expected: int(n.Expected), Priority: int(n.Priority), Route: n.Route.String(), Sources: []string{},
		LearningGoals: goalCodes(catalog.LeafGoals(fw.Leaves[n.Leaf]))}
	if n.Profile >= 0 {
		jn.Profile = fw.Profiles[n.Profile].ID
	}
	if n.Hole >= 0 {
		h := p.Before.Holes[n.Hole]
		jn.Hole = &jHoleRef{Kind: h.Kind.String(), ID: h.Node.ID}
	}
	for _, s := range sourceNames {
		if n.Sources&s.s != 0 {
			jn.Sources = append(jn.Sources, s.name)
		}
	}
	if idx, ok := f.index[n.Route][n.Activity]; ok {
		jn.Activity = ptr(idx)
	}
	return jn
}

func jsonJoint(v *planView, f *planFilter, k int) jJoint {
	p := v.p
	jt := p.Joint[k]
	leaf := p.Framework.Leaves[jt.Leaf]
	goals := catalog.LeafGoals(leaf)
	out := jJoint{Competence: leaf.ID, Lead: jsonName(p.Before, jt.Lead), Reach: int(jt.Reach), Teachers: jt.Teachers,
		LearningGoals: goalCodes(goals), Form: plan.FormFor(goals), Participants: []jName{}, Transfer: jsonTransfer(plan.KindJoint)}
	if !jt.Unit {
		out.Team = ptr(jt.Team)
	}
	for _, i := range jt.Needs {
		if q := p.Needs[i].Person; f.Shows(q) {
			out.Participants = append(out.Participants, jsonName(p.Before, q))
		}
	}
	return out
}

func jsonPair(p *plan.Plan, k int) jPair {
	pr := p.Pairs[k]
	out := jPair{Colleague: jsonName(p.Before, pr.Colleague), Learner: jsonName(p.Before, pr.Learner),
		Competences: []string{}, Transfer: jsonTransfer(plan.KindColleague)}
	for _, i := range pr.Needs {
		out.Competences = append(out.Competences, p.Framework.Leaves[p.Needs[i].Leaf].ID)
	}
	return out
}

func jsonRun(p *plan.Plan, f *planFilter, k int) jRun {
	r := p.Runs[k]
	c := r.Course
	kind := plan.RunKind(c)
	out := jRun{Course: c.ID, Run: r.No, Kind: string(kind), Form: string(c.Form), Activity: string(c.Activity),
		LearningGoals: goalCodes(c.Goals), Participants: []jName{}, Needs: len(r.Needs), Cost: r.Cost, Holes: []string{},
		Transfer: jsonTransfer(kind)}
	for _, q := range r.Persons {
		if f.Shows(q) {
			out.Participants = append(out.Participants, jsonName(p.Before, q))
		}
	}
	seen := map[int32]bool{}
	for _, i := range r.Needs {
		if h := p.Needs[i].Hole; h >= 0 && !seen[h] {
			seen[h] = true
		}
	}
	for h := range p.Before.Holes {
		if seen[int32(h)] {
			out.Holes = append(out.Holes, holeRef(p.Before.Holes[h]))
		}
	}
	return out
}

// holeRef names a hole as "kind:id".
func holeRef(h analysis.Hole) string { return h.Kind.String() + ":" + h.Node.ID }

func jsonUnmet(p *plan.Plan, f *planFilter, k int) jUnmet {
	u := p.Unmet[k]
	leaf := p.Framework.Leaves[u.Leaf]
	goals := catalog.LeafGoals(leaf)
	out := jUnmet{Competence: leaf.ID, LearningGoals: goalCodes(goals), Form: plan.FormFor(goals)}
	for _, i := range u.Needs {
		if n := p.Needs[i]; f.Shows(n.Person) {
			out.Persons++
			out.Levels += n.Gap()
		}
	}
	return out
}

func jsonAssessment(p *plan.Plan, f *planFilter, k int) jAssessment {
	a := p.Assessments[k]
	out := jAssessment{Competence: p.Framework.Leaves[a.Leaf].ID, Hole: a.Hole, Persons: []jName{}}
	for _, q := range a.Persons {
		if f.Shows(q) {
			out.Persons = append(out.Persons, jsonName(p.Before, q))
		}
	}
	return out
}
