package plan

import (
	"github.com/huller/huller/pkg/catalog"
)

// Kind is the kind of an activity of the plan.
type Kind string

// The kinds of activity.
const (
	// KindJoint: a joint activity led by a colleague of the unit.
	KindJoint Kind = "joint"
	// KindJointCourse: a run of a catalog course held for a group at the
	// workplace (form `workplace`): a joint activity too.
	KindJointCourse Kind = "joint-course"
	// KindColleague: a colleague teaches a learner.
	KindColleague Kind = "colleague"
	// KindCourse: a run of any other catalog course, which participants
	// take on their own.
	KindCourse Kind = "course"
)

// RunKind returns the kind of a run of course c.
func RunKind(c *catalog.Course) Kind {
	if c.IsJoint() {
		return KindJointCourse
	}
	return KindCourse
}

// Group reports whether the kind is a group activity of the unit.
func (k Kind) Group() bool { return k == KindJoint || k == KindJointCourse }

// Transfer holds the fields that make what is learnt used in practice
// (the source's transfer: before, during and after), proposed by the
// kind of activity. The follow-up date is left to fill in.
type Transfer struct {
	// Preparation is the talk or meeting before the activity:
	// PrepLearningTalk or PrepPlanningMeeting.
	Preparation string
	// Parties are who takes part in the preparation and the follow-up.
	Parties []string
	// After is the leader's role afterwards: AfterSupportUse.
	After string
	// Sharing is how it is shared with colleagues: ShareTeamMeeting or
	// ShareLearningMeetings.
	Sharing string
}

// The values of Transfer's fields.
const (
	// PrepLearningTalk: a learning talk (læringssamtale) well before the
	// start, setting learning goals in the person's own practice, with a
	// learning agreement where useful.
	PrepLearningTalk = "learning-talk"
	// PrepPlanningMeeting: a planning meeting of teacher, leaders and staff
	// representatives, with an analysis of practice (reviewing, say, 20
	// cases, or recording conversations) that sets the learning goals.
	PrepPlanningMeeting = "planning-meeting"

	PartyEmployee  = "employee"
	PartyLeader    = "leader"
	PartyUnionRep  = "union-rep"
	PartyHR        = "hr"
	PartyTeacher   = "teacher"
	PartyColleague = "colleague"

	// AfterSupportUse: the leader makes room to use what was learnt in
	// daily work and follows up on it.
	AfterSupportUse = "support-use"

	// ShareTeamMeeting: the participant tells the team what was learnt
	// and how it is used.
	ShareTeamMeeting = "team-meeting"
	// ShareLearningMeetings: the group goes on meeting as a learning
	// community (læringsmøder).
	ShareLearningMeetings = "learning-meetings"
)

// TransferFor returns the transfer proposal of a kind of activity: a group
// activity is prepared in a planning meeting with leaders, staff
// representatives, HR and the teacher, and shared in learning meetings; a
// colleague's teaching or a course one takes alone is prepared in a
// learning talk with the leader (and the colleague or teacher), and shared
// at a team meeting. In every case the leader supports using it after.
func TransferFor(k Kind) Transfer {
	switch k {
	case KindJoint, KindJointCourse:
		return Transfer{Preparation: PrepPlanningMeeting,
			Parties: []string{PartyEmployee, PartyLeader, PartyUnionRep, PartyHR, PartyTeacher},
			After:   AfterSupportUse, Sharing: ShareLearningMeetings}
	case KindColleague:
		return Transfer{Preparation: PrepLearningTalk, Parties: []string{PartyEmployee, PartyLeader, PartyColleague},
			After: AfterSupportUse, Sharing: ShareTeamMeeting}
	}
	return Transfer{Preparation: PrepLearningTalk, Parties: []string{PartyEmployee, PartyLeader, PartyTeacher},
		After: AfterSupportUse, Sharing: ShareTeamMeeting}
}

// Learning forms the source recommends for each kind of learning goal.
const (
	// FormPractice: practice-near training with trying out and feedback
	// (methods and techniques).
	FormPractice = "practice"
	// FormStudy: knowledge-heavy learning: a course, study and case work
	// (professional knowledge).
	FormStudy = "study"
	// FormReflection: reflection, supervision and an outside view
	// (knowing one's role).
	FormReflection = "reflection"
	// FormCombined: forms that work across methods, knowledge and role
	// (complex goals of more than one kind).
	FormCombined = "combined"
)

// FormFor returns the learning form the source recommends for the kinds of
// learning goal of a competence; "" when it has none.
func FormFor(goals []catalog.LearningGoal) string {
	switch {
	case len(goals) == 0:
		return ""
	case len(goals) > 1:
		return FormCombined
	}
	switch goals[0] {
	case catalog.GoalMethods:
		return FormPractice
	case catalog.GoalKnowledge:
		return FormStudy
	}
	return FormReflection
}
