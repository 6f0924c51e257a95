// Package catalog holds the course catalog: the courses and other learning
// activities a job centre can buy or run, each with the competences of a
// framework it develops and to which level, its form, the kind of learning
// goal it serves, its price, duration and size. A catalog is a YAML file in
// the style of a framework file (strict, with positions in every message)
// or a spreadsheet with one row per course and competence, so that an HR
// department can keep it in Excel.
//
// Parse and ReadSheet read a catalog; Check validates it against a
// framework and resolves each course's competences to the framework's
// leaves. Every problem is a framework.Diagnostic naming the file and the
// line and column (YAML) or the sheet and cell (spreadsheet).
package catalog

import (
	"github.com/huller/huller/pkg/framework"
)

// Activity is the kind of learning activity a catalog entry is. Most of
// what the source recommends is not a course: joint, practice-near
// activities inside the job centre come first.
type Activity string

// The activity types.
const (
	// ActCourse: an external course a participant enrols in alone
	// (an open course, a module of a diploma education).
	ActCourse Activity = "course"
	// ActJointCourse: a joint, workplace-based course for a group of the
	// unit (fælles forløb), planned with the provider for the local context.
	ActJointCourse Activity = "joint-course"
	// ActColleagueTraining: colleagues train colleagues in the daily work
	// (sidemandsoplæring), e.g. a structured buddy programme.
	ActColleagueTraining Activity = "colleague-training"
	// ActLearningCommunity: a learning community or sparring group
	// (læringsfællesskab, sparringsgruppe) that meets over time.
	ActLearningCommunity Activity = "learning-community"
	// ActSupervision: supervision, e.g. on citizen meetings or company
	// visits, individually or in a group.
	ActSupervision Activity = "supervision"
	// ActActionLearning: action learning (aktionslæring): trying out in
	// one's own practice between sessions, with reflection.
	ActActionLearning Activity = "action-learning"
	// ActELearning: e-learning, self-paced or live online.
	ActELearning Activity = "e-learning"
)

// Activities lists the activity types in their documented order.
var Activities = []Activity{ActCourse, ActJointCourse, ActColleagueTraining, ActLearningCommunity,
	ActSupervision, ActActionLearning, ActELearning}

// Form is how participants take part in a catalog entry.
type Form string

// The forms.
const (
	// FormIndividual: each participant enrols on their own, at the
	// provider's premises or with participants from elsewhere.
	FormIndividual Form = "individual"
	// FormWorkplace: held for a group of the unit at or for its
	// workplace (arbejdspladsbaseret); a run is a joint activity.
	FormWorkplace Form = "workplace"
	// FormOnline: taken online, alone or in a virtual class.
	FormOnline Form = "online"
	// FormBlended: online and in-person parts.
	FormBlended Form = "blended"
)

// Forms lists the forms in their documented order.
var Forms = []Form{FormIndividual, FormWorkplace, FormOnline, FormBlended}

// DefaultCurrency is the currency of a catalog that names none.
const DefaultCurrency = "DKK"

// Catalog is a course catalog.
type Catalog struct {
	// ID names the catalog (its file name when it gives none).
	ID string
	// Framework is the id of the framework the catalog is written for.
	Framework string
	Title     framework.Text
	// Language is the catalog's own language (BCP 47); its texts must be
	// given in it. A spreadsheet catalog's language is the framework's.
	Language    string
	Description framework.Text
	// Currency of every price (ISO 4217 code); DefaultCurrency when not
	// given.
	Currency string
	Courses  []*Course
	// File is the file it was read from, as messages name it.
	File string

	// Pos is the catalog's first position; FrameworkPos the position of
	// its framework key (the file itself for a spreadsheet).
	Pos, FrameworkPos framework.Pos
}

// Course is one entry of a catalog: a course or another learning activity.
type Course struct {
	ID          string
	Name        framework.Text
	Provider    string
	URL         string
	Description framework.Text
	Form        Form
	Activity    Activity
	// Goals are the kinds of learning goal it serves, in the order given.
	Goals []LearningGoal
	// Develops are the competences it raises, as written.
	Develops []Effect
	// Duration says how long it takes, in words ("3 days over 2 months").
	Duration framework.Text
	// Hours a participant spends on it; 0 when not given.
	Hours float64
	// Cost per participant and per run, in whole units of the catalog's
	// currency.
	Cost Cost
	// Capacity is the most participants of one run; 0 means no limit.
	Capacity int
	// Min is the least participants a run needs to take place (at least
	// 1).
	Min int
	// Language the teaching is in (BCP 47); "" when not given.
	Language string
	Pos      framework.Pos

	// Leaves are the framework leaves it develops, after Check: each leaf
	// once, in framework order.
	Leaves []LeafEffect
}

// Cost is a price: per participant and per run (a run's fixed part).
type Cost struct {
	Participant int64
	Run         int64
}

// Of returns the cost of one run of n participants.
func (c Cost) Of(n int) int64 { return c.Run + c.Participant*int64(n) }

// Effect is one competence a course raises, as written: a node id of the
// framework (a leaf, or a group meaning all its leaves), the level a
// participant reaches (To) and the least level needed to benefit (From;
// HasFrom false when any level will do).
type Effect struct {
	Competence string
	From, To   int
	HasFrom    bool
	Pos        framework.Pos
	// positions of the from and to values, for messages
	FromPos, ToPos framework.Pos
}

// LeafEffect is an Effect resolved to one leaf of the framework.
type LeafEffect struct {
	Leaf int // index of Framework.Leaves
	// From is the least level needed to benefit: the scale's lowest level
	// when the effect gives none.
	From, To int
}

// Effect returns the course's effect on leaf, and false when it does not
// develop it.
func (c *Course) Effect(leaf int) (LeafEffect, bool) {
	lo, hi := 0, len(c.Leaves)
	for lo < hi {
		m := (lo + hi) / 2
		if c.Leaves[m].Leaf < leaf {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(c.Leaves) && c.Leaves[lo].Leaf == leaf {
		return c.Leaves[lo], true
	}
	return LeafEffect{}, false
}

// Takes reports whether a run of the course brings a person at level on
// leaf to at least goal — it develops the competence to goal or above, and
// its From is at most level — and the level it brings them to. It is the
// rule by which a plan's courses meet needs and by which staff
// development is priced.
func (c *Course) Takes(leaf, level, goal int) (to int, ok bool) {
	e, ok := c.Effect(leaf)
	if !ok || e.From > level || e.To < goal {
		return 0, false
	}
	return e.To, true
}

// IsJoint reports whether a run of the course is a joint activity of the
// unit: a group that takes part together at or for its workplace.
func (c *Course) IsJoint() bool { return c.Form == FormWorkplace }

// Text returns a text of the catalog in lang: lang, else English, else the
// catalog's own language, else any (the order framework texts follow).
func (c *Catalog) Text(t framework.Text, lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	return t.In("en", c.Language)
}

// Course returns the course with the given id, or nil.
func (c *Catalog) Course(id string) *Course {
	for _, x := range c.Courses {
		if x.ID == id {
			return x
		}
	}
	return nil
}
