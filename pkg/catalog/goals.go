package catalog

import "github.com/huller/huller/pkg/framework"

// LearningGoal is one of the three kinds of learning goal that
// "Fagligheder på beskæftigelsesområdet – fase 3" names: the framework's,
// which a catalog course and a competence (`learning_goals:`) share.
type LearningGoal = framework.LearningGoal

// The kinds of learning goal: methods and techniques (learnt best by
// practice-near training with trying out and feedback), professional
// knowledge (knowledge-heavy courses), knowing one's role (reflection,
// supervision and an outside view).
const (
	GoalMethods   = framework.GoalMethods
	GoalKnowledge = framework.GoalKnowledge
	GoalRole      = framework.GoalRole
)

// LearningGoals lists the kinds of learning goal in their documented order.
var LearningGoals = framework.LearningGoals

// LeafGoals returns the kinds of learning goal the framework gives a
// competence, nil when it gives none.
func LeafGoals(n *framework.Node) []LearningGoal { return n.LearningGoals }
