package narrate

import (
	"strings"

	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/lang"
)

// OpenNeeds says which needs of a plan followed up cannot be judged and
// why: not assessed again, not assessed, of persons who left, or not in
// the old mapping (named old); the counts that are not 0.
func OpenNeeds(l lang.Lang, c diff.Counts, old string) string {
	var parts []string
	if k := c[diff.PlanCarriedOver]; k > 0 {
		parts = append(parts, l.F(lang.FollowOpenCarry, l.Int(k)))
	}
	if k := c[diff.PlanNotAssessed]; k > 0 {
		parts = append(parts, l.F(lang.FollowOpenNA, l.Int(k)))
	}
	if k := c[diff.PlanLeft]; k > 0 {
		parts = append(parts, l.F(lang.FollowOpenLeft, l.Int(k)))
	}
	if k := c[diff.PlanNotFound]; k > 0 {
		parts = append(parts, l.F(lang.FollowOpenNF, l.Int(k), old))
	}
	if len(parts) == 0 {
		return l.T(lang.FollowNone)
	}
	return strings.Join(parts, ", ")
}

// PlanActivity names an activity of a plan followed up: a joint activity
// by its competence, group and lead, a course run by its course and
// number, a colleague pair by its persons and competences; person names a
// person of the plan.
func PlanActivity(l lang.Lang, p *diff.SavedPlan, a diff.ActivityRef, person func(q int) string) string {
	switch a.Route {
	case diff.RouteJoint:
		j := p.Joint[a.Index]
		who := l.T(lang.WholeUnit)
		if j.Team != "" {
			who = l.F(lang.FollowTeam, j.Team)
		}
		return l.F(lang.FollowJointAct, j.Competence, who, person(j.Lead))
	case diff.RouteCourse:
		r := p.Runs[a.Index]
		return l.F(lang.FollowRunAct, r.Course, l.Int(r.No))
	}
	pp := p.Pairs[a.Index]
	return l.F(lang.FollowPairAct, person(pp.Colleague), person(pp.Learner), strings.Join(pp.Competences, ", "))
}

// Step names a step on the way from one mapping to the other.
func Step(l lang.Lang, d *diff.Result, k diff.StepKind) string {
	switch k {
	case diff.StepLeft:
		return l.F(lang.DiffStepLeft, l.Count(lang.PersonNoun, len(d.Match.Left)))
	case diff.StepStayed:
		return l.F(lang.DiffStepStayed, l.Count(lang.PersonNoun, len(d.Match.Pairs)))
	case diff.StepOtherAssessor:
		return l.T(lang.DiffStepOther)
	case diff.StepJoined:
		return l.F(lang.DiffStepJoined, l.Count(lang.PersonNoun, len(d.Match.Joined)))
	}
	return l.T(lang.DiffStepRules)
}
