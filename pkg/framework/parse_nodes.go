package framework

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/huller/huller/pkg/limits"
)

var nodeKeys = []string{"id", "name", "statement", "description", "indicators", "note", "learning_goals", "items"}
var profileKeys = []string{"id", "name", "statement", "focus", "description", "indicators", "note",
	"target", "fit", "need", "specialists", "items"}

// node reads a node and its items.
func (p *parser) node(n *yaml.Node, area Area, depth int, what string) *Node {
	keys := nodeKeys
	if area == Profile && depth == 0 {
		keys = profileKeys
	}
	if p.fwNodes++; p.fwNodes > limits.FrameworkNodes {
		panic(errTooMany)
	}
	nd := newNode()
	nd.Area, nd.Depth = area, depth
	nd.Pos = p.Pos(p.Deref(n))
	p.nodeFields(n, nd, what, keys, nil)
	return nd
}

// newNode returns a node with its optional numbers unset.
func newNode() *Node {
	return &Node{Target: -1, Specialists: -1, Leaf: -1, LearningGoalsOrigin: unset, NoteOrigin: unset}
}

// nodeFields reads a node's keys; extra handles keys beyond the node's own.
func (p *parser) nodeFields(n *yaml.Node, nd *Node, what string, keys []string, extra func(key string, v *yaml.Node)) {
	hasID, hasName := false, false
	ok := p.Fields(n, "a "+what, keys, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			nd.ID, nd.Pos = p.id(v, what+" id")
			hasID = true
		case "name":
			nd.Name, hasName = p.name(v, "name"), true
		case "statement":
			nd.Statement = p.text(v, "statement")
		case "description":
			nd.Description = p.text(v, "description")
		case "focus":
			nd.Focus = p.name(v, "focus")
		case "indicators":
			nd.Indicators = p.texts(v, "indicators")
		case "note":
			nd.NoteOrigin = p.longForm(v, "note", func(v *yaml.Node) { nd.Note = p.text(v, "note") })
		case "learning_goals":
			nd.LearningGoalsOrigin = p.longForm(v, "learning_goals", func(v *yaml.Node) {
				nd.LearningGoals = p.learningGoals(v)
			})
		case "target":
			if x, ok := p.integer(v, "target"); ok {
				nd.Target = x
			}
		case "fit":
			if x, ok := p.number(v, "fit", " between 0 and 1 (e.g. 0.75)"); ok {
				nd.Fit = p.profileFit(v, x)
			}
		case "need":
			if x, ok := p.integer(v, "need"); ok {
				nd.Need = p.atLeast(v, "need", x, 1)
			}
		case "specialists":
			if x, ok := p.integer(v, "specialists"); ok {
				nd.Specialists = p.specialists(v, x)
			}
		case "items":
			p.doc.groups[nd] = true
			if nd.Depth+1 >= limits.FrameworkDepth {
				p.Errorf(v, "items nest deeper than %d levels (a group or profile, its competences, their sub-competences …); huller accepts at most %d", limits.FrameworkDepth, limits.FrameworkDepth)
				return
			}
			child := "competence"
			if nd.Area == Profile {
				child = "profile item"
			} else if nd.Depth >= 1 {
				child = "sub-competence"
			}
			p.List(v, "items", func(e *yaml.Node) {
				if c := p.node(e, nd.Area, nd.Depth+1, child); c != nil {
					nd.Children = append(nd.Children, c)
				}
			})
		default:
			if extra != nil {
				extra(key, v)
			}
		}
	})
	if !ok {
		return
	}
	if !hasID {
		p.Errorf(p.Deref(n), "a %s needs an `id`", what)
	}
	if !hasName {
		p.Errorf(p.Deref(n), "%s %s needs a `name`", what, quote(nd.ID))
	}
	if nd.Fit > 0 && nd.Need > 0 {
		p.Errorf(p.Deref(n), "%s %s gives both `fit` and `need`; give one: `fit` is a share of its items, `need` a count", what, quote(nd.ID))
	}
}

// profileFit checks a profile's own fit threshold.
func (p *parser) profileFit(v *yaml.Node, x float64) float64 {
	if x <= 0 || x > 1 {
		p.Errorf(p.Deref(v), "fit %g must lie above 0 and at most 1 (e.g. 0.75 for three quarters of the profile's items)", x)
		return 0
	}
	return x
}

// atLeast checks a whole number's lower bound.
func (p *parser) atLeast(v *yaml.Node, what string, x, min int) int {
	if x < min {
		p.Errorf(p.Deref(v), "%s is %d; it must be at least %d", what, x, min)
		return 0
	}
	return x
}

// specialists checks a profile's count of specialists.
func (p *parser) specialists(v *yaml.Node, x int) int {
	if x < 0 || x > limits.ProfileSpecialists {
		p.Errorf(p.Deref(v), "specialists is %d; it must lie between 0 and %s", x, thousands(limits.ProfileSpecialists))
		return -1
	}
	return x
}

// learningGoals reads a list of learning-goal kinds.
func (p *parser) learningGoals(n *yaml.Node) []LearningGoal {
	out := []LearningGoal{}
	seen := map[LearningGoal]bool{}
	bad := false
	each := func(e *yaml.Node) {
		s, _ := p.Str(e, "a learning goal")
		g := LearningGoal(s)
		switch {
		case s == "":
			bad = true
		case !isLearningGoal(g):
			bad = true
			p.Errorf(p.Deref(e), "learning goal %s is not one of methods, knowledge, role (metoder og teknikker, faglig viden, at kende sin rolle)", quote(s))
		case seen[g]:
			bad = true
			p.Errorf(p.Deref(e), "learning goal %q is given twice", s)
		default:
			seen[g] = true
			out = append(out, g)
		}
	}
	switch d := p.Deref(n); {
	case d.Kind == yaml.ScalarNode && d.Tag != "!!null":
		each(n) // a single kind: `learning_goals: methods`
	case d.Kind == yaml.SequenceNode:
		p.List(n, "learning_goals", each)
	case d.Kind != yaml.ScalarNode:
		p.List(n, "learning_goals", each) // reports the wrong kind
		bad = true
	}
	if len(out) == 0 && !bad {
		p.Errorf(p.Deref(n), "learning_goals is empty; give one or more of methods, knowledge, role, or remove the key")
	}
	return out
}

func isLearningGoal(g LearningGoal) bool {
	for _, x := range LearningGoals {
		if x == g {
			return true
		}
	}
	return false
}

var roleKeys = []string{"id", "name", "statement", "description", "requires", "profiles", "origin"}

func (p *parser) role(n *yaml.Node) (roleEdit, bool) {
	r := roleEdit{role: &Role{Origin: unset}}
	r.role.Pos = p.Pos(p.Deref(n))
	hasID := false
	ok := p.Fields(n, "a role", roleKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			r.role.ID, r.role.Pos = p.id(v, "role id")
			hasID = true
		case "name":
			r.role.Name, r.hasName = p.name(v, "role name"), true
		case "statement":
			r.role.Statement, r.hasStatement = p.text(v, "role statement"), true
		case "description":
			r.role.Description, r.hasDesc = p.text(v, "role description"), true
		case "requires":
			r.hasReq = true
			p.requires(v, r.role)
		case "profiles":
			r.hasProfiles = true
			r.role.Profiles = []string{}
			for _, x := range p.refs(v, "role profiles") {
				r.role.Profiles = append(r.role.Profiles, x.id)
				r.role.profilePos = append(r.role.profilePos, x.pos)
			}
		case "origin":
			r.role.Origin, r.hasOrigin = p.origin(v), true
		}
	})
	if ok && !hasID {
		p.Errorf(p.Deref(n), "a role needs an `id`")
	}
	return r, ok && hasID
}

func (p *parser) requires(n *yaml.Node, r *Role) {
	n = p.Deref(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		p.Errorf(n, "requires must map competence ids to levels (e.g. \"2.3\": 3), not %s", KindName(n))
		return
	}
	seen := map[string]Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := p.Deref(n.Content[i])
		id := strings.TrimSpace(k.Value)
		if first, dup := seen[id]; dup {
			p.Errorf(k, "role %s requires %s twice (first at %s)", quote(r.ID), quote(id), first.short())
			continue
		}
		seen[id] = p.Pos(k)
		what := fmt.Sprintf("the required level for %s", quote(id))
		var lvl int
		ok := false
		o := p.longForm(n.Content[i+1], what, func(v *yaml.Node) { lvl, ok = p.integer(v, what) })
		if ok {
			r.Requires = append(r.Requires, Requirement{Node: id, Level: lvl, Origin: o, Pos: p.Pos(k)})
		}
	}
}

// targetGroups reads a list of target groups and their sub-groups.
func (p *parser) targetGroups(n *yaml.Node, depth int) []*TargetGroup {
	var out []*TargetGroup
	p.List(n, "target_groups", func(e *yaml.Node) {
		g := &TargetGroup{Pos: p.Pos(p.Deref(e))}
		hasName := false
		ok := p.Fields(e, "a target group", []string{"name", "description", "profile", "items"}, func(key string, _, v *yaml.Node) {
			switch key {
			case "name":
				g.Name, hasName = p.name(v, "target group name"), true
			case "description":
				g.Description = p.text(v, "target group description")
			case "profile":
				g.Profile, _ = p.Str(v, "target group profile")
			case "items":
				if depth >= limits.FrameworkDepth {
					p.Errorf(v, "target groups nest deeper than %d levels", limits.FrameworkDepth)
					return
				}
				g.Items = p.targetGroups(v, depth+1)
			}
		})
		if ok && !hasName {
			p.Errorf(p.Deref(e), "a target group needs a `name`")
		}
		if ok {
			out = append(out, g)
		}
	})
	return out
}

// goalTypes reads the framework's descriptions of the learning-goal kinds.
func (p *parser) goalTypes(n *yaml.Node) {
	seen := map[LearningGoal]bool{}
	p.List(n, "learning_goal_types", func(e *yaml.Node) {
		t := LearningGoalType{Pos: p.Pos(p.Deref(e))}
		hasType, hasName := false, false
		ok := p.Fields(e, "a learning-goal type", []string{"type", "name", "description"}, func(key string, _, v *yaml.Node) {
			switch key {
			case "type":
				s, _ := p.Str(v, "type")
				t.Type, hasType = LearningGoal(s), true
				switch {
				case !isLearningGoal(t.Type):
					p.Errorf(p.Deref(v), "learning-goal type %s is not one of methods, knowledge, role", quote(s))
				case seen[t.Type]:
					p.Errorf(p.Deref(v), "learning-goal type %q is described twice", s)
				}
				seen[t.Type] = true
			case "name":
				t.Name, hasName = p.text(v, "learning-goal type name"), true
			case "description":
				t.Description = p.text(v, "learning-goal type description")
			}
		})
		if ok && (!hasType || !hasName) {
			p.Errorf(p.Deref(e), "a learning-goal type needs `type` (methods, knowledge or role) and `name`")
		}
		if ok {
			p.doc.goalTypes = append(p.doc.goalTypes, t)
		}
	})
}

// notes reads the framework's notes.
func (p *parser) notes(n *yaml.Node) {
	seen := map[string]Pos{}
	p.List(n, "notes", func(e *yaml.Node) {
		nt := &Note{Origin: unset, Pos: p.Pos(p.Deref(e))}
		hasTitle := false
		ok := p.Fields(e, "a note", []string{"id", "title", "text", "statement", "origin"}, func(key string, _, v *yaml.Node) {
			switch key {
			case "id":
				nt.ID, _ = p.id(v, "note id")
				if first, dup := seen[nt.ID]; dup {
					p.Errorf(p.Deref(v), "note id %s is given twice (first at %s)", quote(nt.ID), first.short())
				}
				seen[nt.ID] = p.Pos(p.Deref(v))
			case "title":
				nt.Title, hasTitle = p.name(v, "note title"), true
			case "text":
				nt.Text = p.text(v, "note text")
			case "statement":
				nt.Statement = p.text(v, "note statement")
			case "origin":
				nt.Origin = p.origin(v)
			}
		})
		if !ok {
			return
		}
		if nt.ID == "" || !hasTitle {
			p.Errorf(p.Deref(e), "a note needs an `id` and a `title`")
		}
		if nt.Text == nil && nt.Statement == nil {
			p.Errorf(p.Deref(e), "a note needs a `text` or a `statement`")
		}
		p.doc.notes = append(p.doc.notes, nt)
	})
}

var changeKeys = []string{"name", "statement", "description", "focus", "indicators", "note", "learning_goals",
	"target", "fit", "need", "specialists"}

func (p *parser) changes(n *yaml.Node) {
	n = p.Deref(n)
	if n.Kind != yaml.MappingNode {
		p.Errorf(n, "change must map node ids to the fields to change, not %s", KindName(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := p.Deref(n.Content[i])
		c := changeEdit{ref: ref{strings.TrimSpace(k.Value), p.Pos(k)}, goalsOrigin: unset, noteOrigin: unset}
		p.Fields(n.Content[i+1], fmt.Sprintf("change %s", quote(c.id)), changeKeys, func(key string, _, v *yaml.Node) {
			switch key {
			case "name":
				c.name, c.hasName = p.name(v, "name"), true
			case "statement":
				c.statement, c.hasStatement = p.text(v, "statement"), true
			case "description":
				c.desc, c.hasDesc = p.text(v, "description"), true
			case "focus":
				c.focus, c.hasFocus = p.name(v, "focus"), true
			case "indicators":
				c.indicators, c.hasIndic = p.texts(v, "indicators"), true
			case "note":
				c.hasNote = true
				c.noteOrigin = p.longForm(v, "note", func(v *yaml.Node) { c.note = p.text(v, "note") })
			case "learning_goals":
				c.hasGoals, c.goalsPos = true, p.Pos(p.Deref(v))
				c.goalsOrigin = p.longForm(v, "learning_goals", func(v *yaml.Node) { c.goals = p.learningGoals(v) })
			case "target":
				c.target, c.hasTarget = p.integer(v, "target")
				c.targetPos = p.Pos(p.Deref(v))
			case "fit":
				if x, ok := p.number(v, "fit", " between 0 and 1 (e.g. 0.75)"); ok {
					c.fit, c.hasFit = p.profileFit(v, x), true
				}
				c.fitPos = p.Pos(p.Deref(v))
			case "need":
				if x, ok := p.integer(v, "need"); ok {
					c.need, c.hasNeed = p.atLeast(v, "need", x, 1), true
				}
				c.needPos = p.Pos(p.Deref(v))
			case "specialists":
				if x, ok := p.integer(v, "specialists"); ok {
					c.specialists, c.hasSpecialists = p.specialists(v, x), true
				}
				c.specialistsPos = p.Pos(p.Deref(v))
			}
		})
		p.doc.change = append(p.doc.change, c)
	}
}

func (p *parser) addition(n *yaml.Node) {
	a := addEdit{node: newNode()}
	a.node.Pos = p.Pos(p.Deref(n))
	keys := append([]string{"under"}, nodeKeys...)
	p.nodeFields(n, a.node, "added node", keys, func(key string, v *yaml.Node) {
		if key == "under" {
			a.under.id, a.under.pos = p.Str(v, "under")
		}
	})
	if a.under.id == "" {
		p.Errorf(p.Deref(n), "an added node needs `under: <parent id>`; new basis groups and profiles go under `basis:` and `profiles:` instead")
		return
	}
	p.doc.add = append(p.doc.add, a)
}
