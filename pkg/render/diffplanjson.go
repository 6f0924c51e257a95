package render

import (
	"github.com/huller/huller/pkg/diff"
)

// The follow-up of a plan in the comparison's JSON contract: "plan" (a
// summary, null without --plan), "plan_activities", "plan_people" and
// "plan_needs" (empty without --plan).

// jOutcomes counts needs by outcome.
type jOutcomes struct {
	Needs       int `json:"needs"`
	Met         int `json:"met"`
	Partly      int `json:"partly"`
	NotYet      int `json:"not_yet"`
	CarriedOver int `json:"carried_over"`
	NotAssessed int `json:"not_assessed"`
	Left        int `json:"left"`
	NotFound    int `json:"not_found"`
}

func jsonOutcomes(c diff.Counts) jOutcomes {
	return jOutcomes{Needs: c.Needs(), Met: c[diff.PlanMet], Partly: c[diff.PlanPartly], NotYet: c[diff.PlanNotYet],
		CarriedOver: c[diff.PlanCarriedOver], NotAssessed: c[diff.PlanNotAssessed], Left: c[diff.PlanLeft], NotFound: c[diff.PlanNotFound]}
}

type jPlanRoutes struct {
	Joint     jOutcomes `json:"joint"`
	Colleague jOutcomes `json:"colleague"`
	Course    jOutcomes `json:"course"`
	Other     jOutcomes `json:"other"` // deferred and unmet
}

type jPlanFollow struct {
	File         string      `json:"file"`
	Framework    string      `json:"framework"`
	Roster       string      `json:"roster"`
	Persons      int         `json:"persons"`
	Both         int         `json:"both"`
	ByName       int         `json:"by_name"`
	Left         int         `json:"left"`
	NotFound     int         `json:"not_found"`
	LevelsDiffer int         `json:"levels_differ"`
	Totals       jOutcomes   `json:"totals"`
	Routes       jPlanRoutes `json:"routes"`
}

type jPlanActivity struct {
	Route       string    `json:"route"`
	Activity    int       `json:"activity"` // its index in the plan's joint, colleagues or runs
	Competences []string  `json:"competences"`
	Team        *string   `json:"team"`      // joint: null for the whole unit
	Lead        *jName    `json:"lead"`      // joint
	Colleague   *jName    `json:"colleague"` // colleague
	Learner     *jName    `json:"learner"`   // colleague
	Course      *string   `json:"course"`    // course
	Run         *int      `json:"run"`       // course
	Outcomes    jOutcomes `json:"outcomes"`
}

type jPlanPerson struct {
	Name     string    `json:"name"`
	ID       string    `json:"id"`
	Status   string    `json:"status"` // both, left, not-found
	Outcomes jOutcomes `json:"outcomes"`
}

type jPlanNeedFollow struct {
	Name       string `json:"name"`
	ID         string `json:"id"`
	Competence string `json:"competence"`
	Profile    string `json:"profile,omitempty"`
	Route      string `json:"route"`
	Activity   *int   `json:"activity"`
	Level      int    `json:"level"`
	Goal       int    `json:"goal"`
	Expected   int    `json:"expected"`
	Old        *int   `json:"old"` // the level in OLD; null when not assessed or not there
	New        *int   `json:"new"` // the level in NEW; null when not assessed or not there
	Assessment string `json:"assessment"`
	Outcome    string `json:"outcome"`
}

// jsonPlanFollow is the "plan" summary; nil without a plan.
func jsonPlanFollow(f *diff.FollowUp) *jPlanFollow {
	if f == nil {
		return nil
	}
	p := f.Plan
	out := &jPlanFollow{File: p.File, Framework: p.Framework, Roster: p.Roster, ByName: f.ByName, LevelsDiffer: f.LevelsDiffer,
		Totals: jsonOutcomes(f.Totals()), Routes: jPlanRoutes{Joint: jsonOutcomes(f.Route(diff.RouteJoint)),
			Colleague: jsonOutcomes(f.Route(diff.RouteColleague)), Course: jsonOutcomes(f.Route(diff.RouteCourse)), Other: jsonOutcomes(f.Route(""))}}
	for _, q := range f.PlanPersons() {
		out.Persons++
		switch personStatus(f, q) {
		case "both":
			out.Both++
		case "left":
			out.Left++
		default:
			out.NotFound++
		}
	}
	return out
}

// personStatus says whether a person of the plan is in both mappings,
// left, or not in the old one.
func personStatus(f *diff.FollowUp, q int) string {
	switch {
	case f.Before[q] < 0:
		return "not-found"
	case f.After[q] < 0:
		return "left"
	}
	return "both"
}

func planName(f *diff.FollowUp, q int) *jName {
	pp := f.Plan.Persons[q]
	return &jName{Name: pp.Name, ID: pp.ID}
}

func jsonPlanActivity(f *diff.FollowUp, a diff.ActivityRef) jPlanActivity {
	p := f.Plan
	out := jPlanActivity{Route: a.Route, Activity: a.Index, Competences: []string{}, Outcomes: jsonOutcomes(f.Activity(a.Route, a.Index))}
	switch a.Route {
	case diff.RouteJoint:
		j := p.Joint[a.Index]
		out.Competences = append(out.Competences, j.Competence)
		if j.Team != "" {
			out.Team = ptr(j.Team)
		}
		out.Lead = planName(f, j.Lead)
	case diff.RouteColleague:
		pp := p.Pairs[a.Index]
		out.Competences = append(out.Competences, pp.Competences...)
		out.Colleague, out.Learner = planName(f, pp.Colleague), planName(f, pp.Learner)
	case diff.RouteCourse:
		r := p.Runs[a.Index]
		out.Course, out.Run = ptr(r.Course), ptr(r.No)
	}
	return out
}

func jsonPlanPerson(f *diff.FollowUp, q int) jPlanPerson {
	var c diff.Counts
	for _, k := range f.PersonNeeds(q) {
		c[f.Needs[k].Outcome]++
	}
	pp := f.Plan.Persons[q]
	return jPlanPerson{Name: pp.Name, ID: pp.ID, Status: personStatus(f, q), Outcomes: jsonOutcomes(c)}
}

func jsonNeedFollow(f *diff.FollowUp, k int) jPlanNeedFollow {
	n, nf := f.Plan.Needs[k], f.Needs[k]
	pp := f.Plan.Persons[n.Person]
	out := jPlanNeedFollow{Name: pp.Name, ID: pp.ID, Competence: n.Competence, Profile: n.Profile, Route: n.Route,
		Level: n.Level, Goal: n.Goal, Expected: n.Expected, Assessment: nf.Assessment.String(), Outcome: nf.Outcome.String()}
	if n.Activity >= 0 {
		out.Activity = ptr(n.Activity)
	}
	if nf.Old >= 0 {
		out.Old = ptr(int(nf.Old))
	}
	if nf.New >= 0 {
		out.New = ptr(int(nf.New))
	}
	return out
}

// planJSON writes the follow-up's fields of the comparison's contract.
func (dv *diffView) planJSON(j *jsonWriter) {
	f := dv.d.Plan
	j.field("plan", jsonPlanFollow(f))
	if f == nil {
		j.array("plan_activities", 0, nil)
		j.array("plan_people", 0, nil)
		j.array("plan_needs", 0, nil)
		return
	}
	acts := f.Plan.Activities()
	j.array("plan_activities", len(acts), func(i int) any { return jsonPlanActivity(f, acts[i]) })
	persons := f.PlanPersons()
	j.array("plan_people", len(persons), func(i int) any { return jsonPlanPerson(f, persons[i]) })
	j.array("plan_needs", len(f.Plan.Needs), func(k int) any { return jsonNeedFollow(f, k) })
}
