package framework

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestProvenance: a file's top-level origin reaches every judgement it does
// not mark; a mark on a block or a long-form value overrides it.
func TestProvenance(t *testing.T) {
	fw := mustLoad(t, valid("sourced.yaml"))
	checks := []struct {
		what      string
		got, want any
	}{
		{"framework origin", fw.Origin, OriginHuller},
		{"scale origin", fw.ScaleOrigin(), OriginHuller},
		{"level origin", fw.Scale[1].Origin, OriginHuller},
		{"defaults", []Origin{fw.Defaults.RequiredOrigin, fw.Defaults.TargetOrigin, fw.Defaults.FitOrigin}, []Origin{OriginHuller, OriginHuller, OriginHuller}},
		{"role origin inherited", fw.Role("medarbejder").Origin, OriginHuller},
		{"requirement inherits the role's", fw.Role("medarbejder").Requires[0].Origin, OriginHuller},
		{"requirement long form", fw.Role("medarbejder").Requires[1], Requirement{Node: "1.2", Level: 1, Origin: OriginSource, Pos: fw.Role("medarbejder").Requires[1].Pos}},
		{"role marked local", fw.Role("konsulent").Origin, OriginLocal},
		{"its requirement too", fw.Role("konsulent").Requires[0].Origin, OriginLocal},
		{"role statement", fw.Role("medarbejder").Statement.In("da", ""), "Alle medarbejdere i jobcentrene"},
		{"learning goals", fw.Node("1.2").LearningGoals, []LearningGoal{GoalKnowledge, GoalRole}},
		{"learning goals origin", fw.Node("1.2").LearningGoalsOrigin, OriginHuller},
		{"one kind without a list", fw.Node("virksomhed.1").LearningGoals, []LearningGoal{GoalMethods}},
		{"learning goals long form", fw.Node("virksomhed.2").LearningGoalsOrigin, OriginSource},
		{"has learning goal", fw.Node("1.2").HasLearningGoal(GoalRole), true},
		{"statement", fw.Wording(fw.Node("1.1"), "da"), "Har styr på relevant lovgivning"},
		{"wording without a statement", fw.Wording(fw.Node("1.2"), "en"), "Exercises professional discretion"},
		{"note", fw.Node("1.2").Note.In("en", ""), "A remark of huller's."},
		{"note origin", fw.Node("1.2").NoteOrigin, OriginHuller},
		{"notes", []Origin{fw.Notes[0].Origin, fw.Notes[1].Origin}, []Origin{OriginSource, OriginHuller}},
		{"teaching level", fmt.Sprint(fw.TeachingLevel()), "3 true"},
		{"need given", fw.NeedOf(fw.Node("virksomhed.3"), 0.75), 2},
		{"need from the profile's fit", fw.NeedOf(fw.Node("unge"), 0.5), 1},
		{"specialists given", fw.SpecialistsOf(fw.Node("virksomhed.1"), 2), 2},
		{"specialists default", fw.SpecialistsOf(fw.Node("unge"), 2), 2},
		{"target groups", len(fw.TargetGroups), 2},
		{"sub-group and its profile", fw.TargetGroups[0].Items[0].Profile, "unge"},
		{"learning-goal types", fw.LearningGoalTypes[0].Type, GoalMethods},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %v, want %v", c.what, c.got, c.want)
		}
	}
	if lvl, ok := mustLoad(t, valid("base.yaml")).TeachingLevel(); ok {
		t.Errorf("base.yaml has no teaching level, got %d", lvl)
	}
	if got := NeedFor(9, 0.75); got != 7 {
		t.Errorf("NeedFor(9, 0.75) = %d", got)
	}
}

// TestProvenanceThroughExtends: what an extending file sets is its own;
// what it leaves keeps the base's origin.
func TestProvenanceThroughExtends(t *testing.T) {
	fw := mustLoad(t, valid("sourced-local.yaml"))
	med := fw.Role("medarbejder")
	checks := []struct {
		what      string
		got, want any
	}{
		{"framework origin stays the base's", fw.Origin, OriginHuller},
		{"changed level", fw.Scale[1].Origin, OriginLocal},
		{"other levels", fw.Scale[2].Origin, OriginHuller},
		{"scale as a whole", fw.ScaleOrigin(), OriginLocal},
		{"teaching level kept", fmt.Sprint(fw.TeachingLevel()), "3 true"},
		{"changed default", fw.Defaults.RequiredOrigin, OriginLocal},
		{"kept default", fw.Defaults.TargetOrigin, OriginHuller},
		{"base requirement", med.Requires[0].Origin, OriginHuller},
		{"added requirement", med.Requires[2], Requirement{Node: "1.1", Level: 3, Origin: OriginLocal, Pos: med.Requires[2].Pos}},
		{"role itself stays the base's", med.Origin, OriginHuller},
		{"changed learning goals", fw.Node("1.2").LearningGoals, []LearningGoal{GoalRole}},
		{"their origin", fw.Node("1.2").LearningGoalsOrigin, OriginLocal},
		{"added node", fw.Node("1.3").LearningGoalsOrigin, OriginLocal},
		{"added node's note", fw.Node("1.3").NoteOrigin, OriginLocal},
		{"base node's note", fw.Node("1.2").NoteOrigin, OriginHuller},
		{"kept learning goals", fw.Node("1.1").LearningGoalsOrigin, OriginHuller},
		{"changed specialists", fw.SpecialistsOf(fw.Node("virksomhed"), 2), 3},
		{"notes merged by id", len(fw.Notes), 3},
		{"added note", fw.Notes[2].Origin, OriginLocal},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %v, want %v", c.what, c.got, c.want)
		}
	}
}

// TestFormatErrors pins the message and place of each rule of the extended
// format.
func TestFormatErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"origin", head + "origin: ours\nbasis: [{id: g, name: g}]\n", "8:9: origin \"ours\" is not one of source, huller, local"},
		{"teaches not a bool", "id: t\ntitle: T\nlanguage: da\nscale: [{level: 0, label: a, teaches: yes}]\nbasis: [{id: g, name: g}]\ndefaults: {required: 0, target: 0}\n", "4:39: teaches must be true or false, not the value \"yes\""},
		{"unknown learning goal", head + "basis: [{id: g, name: g, learning_goals: [methods, skills]}]\n", "8:52: learning goal \"skills\" is not one of methods, knowledge, role"},
		{"learning goal twice", head + "basis: [{id: g, name: g, learning_goals: [role, role]}]\n", "8:49: learning goal \"role\" is given twice"},
		{"empty learning goals", head + "basis: [{id: g, name: g, learning_goals: []}]\n", "8:42: learning_goals is empty"},
		{"learning goals on a group", head + "basis: [{id: g, name: g, learning_goals: [role], items: [{id: c, name: c}]}]\n", "8:14: group \"g\" has items, so it is not scored: give `learning_goals` to its competences instead"},
		{"fit out of range", head + "profiles: [{id: p, name: p, fit: 1.5, items: [{id: c, name: c}]}]\n", "8:34: fit 1.5 must lie above 0 and at most 1"},
		{"fit and need", head + "profiles: [{id: p, name: p, fit: 0.5, need: 1, items: [{id: c, name: c}]}]\n", "8:12: profile \"p\" gives both `fit` and `need`"},
		{"need too big", head + "profiles: [{id: p, name: p, need: 3, items: [{id: c, name: c}]}]\n", "8:17: profile \"p\" needs 3 of its items, but has only 1"},
		{"specialists negative", head + "profiles: [{id: p, name: p, specialists: -1, items: [{id: c, name: c}]}]\n", "8:42: specialists is -1; it must lie between 0 and 1,048,576"},
		{"fit on a competence", head + "basis: [{id: g, name: g, fit: 0.5}]\n", "8:26: unknown key \"fit\" in a basis group"},
		{"target group profile", head + "basis: [{id: g, name: g}]\ntarget_groups: [{name: x, profile: virk}]\n", "9:17: target group names profile \"virk\", which is not a profile of this framework"},
		{"note without text", head + "basis: [{id: g, name: g}]\nnotes: [{id: n, title: t}]\n", "9:9: a note needs a `text` or a `statement`"},
		{"note without id", head + "basis: [{id: g, name: g}]\nnotes: [{title: t, text: x}]\n", "9:9: a note needs an `id` and a `title`"},
		{"goal type", head + "basis: [{id: g, name: g}]\nlearning_goal_types: [{type: skills, name: x}]\n", "9:30: learning-goal type \"skills\" is not one of methods, knowledge, role"},
		{"long form without value", head + "basis: [{id: g, name: g}]\nroles: [{id: r, name: r, requires: {g: {origin: huller}}}]\n", "9:40: the required level for \"g\" must be a whole number, not a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := messages(t, tt.src)
			if !strings.Contains(msg, tt.want) {
				t.Errorf("message lacks %q:\n%s", tt.want, msg)
			}
		})
	}
	two := "id: t\ntitle: T\nlanguage: da\ndefaults: {required: 0, target: 0}\nbasis: [{id: g, name: g}]\nscale:\n  - {level: 0, label: a, teaches: true}\n  - {level: 1, label: b, teaches: true}\n"
	if msg := messages(t, two); !strings.Contains(msg, "8:13: scale levels 0 and 1 both say `teaches: true`") {
		t.Errorf("two teaching levels: %s", msg)
	}
}

// TestReadmeExample: the complete small framework of README.md's format
// section is a valid framework that uses every field it documents.
func TestReadmeExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "A complete small framework:")
	if i < 0 {
		t.Fatal("README.md has no complete small framework")
	}
	s = s[i:]
	start := strings.Index(s, "```yaml\n") + len("```yaml\n")
	end := strings.Index(s[start:], "```")
	fw, err := Parse("README.md", []byte(s[start:start+end]))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := fw.TeachingLevel(); !ok || fw.Origin != OriginHuller || fw.Node("4.1").Statement == nil ||
		len(fw.TargetGroups) == 0 || len(fw.Notes) == 0 || len(fw.LearningGoalTypes) == 0 || fw.Node("virksomhed").Need != 2 {
		t.Error("the README example lost a documented field")
	}
}
