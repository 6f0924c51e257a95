// Package framework holds the competence-framework model: basic competences,
// specialist profiles, roles with required levels and a proficiency scale,
// together with the loader that reads it from YAML and the validator that
// checks it.
package framework

import "sort"

// Text is a human text in one or more languages, keyed by BCP 47 code
// ("da", "sl", "en"). In YAML it is a plain string (the framework's own
// language) or a map of language to string.
type Text map[string]string

// In returns the text in lang, falling back to fallback, then to any
// language in a stable order. It returns "" for an empty Text.
func (t Text) In(lang, fallback string) string {
	if s, ok := t[lang]; ok && s != "" {
		return s
	}
	if s, ok := t[fallback]; ok && s != "" {
		return s
	}
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if t[k] != "" {
			return t[k]
		}
	}
	return ""
}

// Origin says where a value of a framework comes from, so that a reader can
// tell a source document's content from what was added to it. In YAML it is
// written `origin: source|huller|local`; see Framework.Origin for how a value
// without its own `origin` gets one.
type Origin string

// The origins of a framework's values.
const (
	// OriginLocal is the framework author's own choice, e.g. a level a job centre
	// set in its own file. It is the origin of everything a file does not
	// mark, and is written `local` where it must be said.
	OriginLocal Origin = ""
	// OriginSource is the source document's own content.
	OriginSource Origin = "source"
	// OriginHuller is huller's addition, not in the source: the built-in scales,
	// every built-in default level and role, the learning-goal types of the
	// built-in competences.
	OriginHuller Origin = "huller"
)

// String returns the origin as written in YAML: source, huller or local.
func (o Origin) String() string {
	if o == OriginLocal {
		return "local"
	}
	return string(o)
}

// LearningGoal is one of the three kinds of learning goal that "Fagligheder
// på beskæftigelsesområdet – fase 3" names: what developing a
// competence mostly calls for.
type LearningGoal string

// The kinds of learning goal.
const (
	// GoalMethods: mastering concrete methods and techniques ("at kunne
	// beherske konkrete metoder og teknikker"); learnt best by practice-near
	// training with trying out and feedback.
	GoalMethods LearningGoal = "methods"
	// GoalKnowledge: having professional knowledge ("at besidde en faglig
	// viden"); learnt best by knowledge-heavy courses.
	GoalKnowledge LearningGoal = "knowledge"
	// GoalRole: knowing one's role towards the citizen, partners and other sets
	// of rules ("at kende sin rolle"); learnt best by reflection,
	// supervision and an outside view.
	GoalRole LearningGoal = "role"
)

// LearningGoals lists the kinds of learning goal in their documented order.
var LearningGoals = []LearningGoal{GoalMethods, GoalKnowledge, GoalRole}

// Pos is a position in a framework file: 1-based line and column.
type Pos struct {
	File string
	Line int
	Col  int
}

// Area says whether a node belongs to the basis or to a profile.
type Area int

// The two areas of a framework.
const (
	Basis Area = iota
	Profile
)

func (a Area) String() string {
	if a == Profile {
		return "profile"
	}
	return "basis"
}

// Node is a group, competence, sub-competence, profile or profile item.
// Leaves (nodes without children) are what gets scored.
//
// Of a node's texts, Statement holds the source's own words; Name is the
// source's words where there is no Statement and a short form of it where
// there is one; Description, Focus and Indicators give the source's content
// in the framework author's words; Note is the author's own remark.
type Node struct {
	ID   string
	Name Text
	// Statement is the item's full wording as the source writes it, word for
	// word (only OCR damage and obvious typos repaired, each repair listed in
	// a comment of the file), in the source's language, with translations.
	// Nil when Name is already the source's wording.
	Statement   Text
	Description Text
	Focus       Text   // profiles only: the profile's focus line
	Indicators  []Text // observable behaviour
	// Note is a remark of the framework's author, not the source's: a gloss,
	// a scope, where a split or reordered item comes from.
	Note Text
	// NoteOrigin says whose remark Note is (OriginHuller in the built-ins).
	NoteOrigin Origin
	Target     int // profiles only: target level override; -1 when unset
	// Fit is the profile's own fit threshold (0 < Fit ≤ 1); 0 when unset.
	// Profiles only; at most one of Fit and Need is set.
	Fit float64
	// Need is the profile's own count of leaves a person needs at the target
	// to fit it; 0 when unset. Profiles only.
	Need int
	// Specialists is how many persons should fit the profile; -1 when unset.
	// Profiles only.
	Specialists int
	// LearningGoals are the kinds of learning goal the competence mostly
	// calls for, in document order; leaves only, nil when not given.
	LearningGoals []LearningGoal
	// LearningGoalsOrigin says whose judgement LearningGoals are (OriginHuller for
	// the built-in frameworks: the sources do not assign them).
	LearningGoalsOrigin Origin

	Area     Area
	Parent   *Node   // nil for a basis group or a profile
	Children []*Node // in document order
	// Profile is the top-level profile a profile node belongs to (itself for
	// the profile); nil for basis nodes.
	Profile *Node
	// Group is the top-level basis group or profile the node belongs to
	// (itself at the top level).
	Group *Node
	Depth int // 0 for top-level nodes
	// Leaf is the node's index in Framework.Leaves, or -1 for an inner node.
	Leaf int
	// Leaves are the scored leaves at or below this node, in document order.
	Leaves []*Node

	Pos Pos
}

// IsLeaf reports whether n is scored.
func (n *Node) IsLeaf() bool { return len(n.Children) == 0 }

// Level is one step of the proficiency scale.
type Level struct {
	Level       int
	Label       Text
	Description Text
	// Teaches marks the level that means "can teach others" (at most one
	// level of a scale).
	Teaches bool
	// Origin says who defined the level: OriginHuller for every built-in scale
	// (none of the sources has a rating scale).
	Origin Origin
	Pos    Pos
}

// Defaults are the levels used when nothing more specific is given.
type Defaults struct {
	Required int     // basis level required when no role says otherwise
	Target   int     // profile target level
	Fit      float64 // profile fit threshold, 0..1

	// The origins of Required, Target and Fit (OriginHuller in the built-ins).
	RequiredOrigin, TargetOrigin, FitOrigin Origin
}

// Source describes the document a framework encodes.
type Source struct {
	Title     string
	Publisher string
	Year      int
	URL       string
}

// Requirement is a role's required level on a node (a group applies to every
// leaf below it; a deeper key overrides a shallower one).
type Requirement struct {
	Node  string
	Level int
	// Origin says who set the level: OriginHuller for every built-in role ("huller
	// default — adapt locally"), OriginLocal for a job centre's own.
	Origin Origin
	Pos    Pos
}

// Role is a job function with required basis levels and expected profiles.
type Role struct {
	ID   string
	Name Text
	// Statement is how the source names or describes the function, word for
	// word; nil when the source does not name it (then the role is its
	// Origin's: a role huller or the job centre defined).
	Statement   Text
	Description Text
	Requires    []Requirement // in file order
	Profiles    []string      // profile ids
	// Origin says who defined the role's expected profiles and, without a
	// Statement, the role itself. Each requirement has its own Origin.
	Origin     Origin
	Pos        Pos
	profilePos []Pos // where each of Profiles is written
}

// TargetGroup is a group of people a framework's work is aimed at (e.g.
// the hard-to-employ groups of the koordinator model, or LKB's four target
// groups and functions), with sub-groups.
type TargetGroup struct {
	Name        Text
	Description Text
	// Profile is the id of the profile that serves the group, "" for none.
	Profile string
	Items   []*TargetGroup
	Pos     Pos
}

// LearningGoalType is a framework's own description of one kind of
// learning goal: how its source words it and how it is best learnt.
type LearningGoalType struct {
	Type        LearningGoal
	Name        Text
	Description Text
	Pos         Pos
}

// Note is a titled piece of what a source says beyond its items — guidance
// on competence mapping, transfer, the model behind the framework — or a
// remark of the framework's author, for users to read.
type Note struct {
	ID    string
	Title Text
	Text  Text // in the author's words
	// Statement quotes the source word for word; nil when none.
	Statement Text
	// Origin says whose the note is: OriginSource for the source's content,
	// OriginHuller for huller's remark.
	Origin Origin
	Pos    Pos
}

// Framework is a resolved competence framework (after extends).
type Framework struct {
	ID          string
	Title       Text
	Language    string
	Source      Source
	Description Text
	Extends     string // the base as written, "" when none
	File        string // the file it was loaded from; "" for a built-in or none

	Scale    []Level // ascending by level
	Defaults Defaults
	Basis    []*Node // basis groups
	Profiles []*Node // profiles
	Roles    []*Role
	// TargetGroups are the people the framework's work is aimed at.
	TargetGroups []*TargetGroup
	// LearningGoalTypes describe the kinds of learning goal in the source's
	// words (fagligheder-fase3); nil when the framework has none.
	LearningGoalTypes []LearningGoalType
	// Notes are what the source says beyond its items, for users to read.
	Notes    []*Note
	Metadata map[string]any
	// Origin is the origin the framework's file declares for everything it
	// does not mark itself (`origin: huller` at the top of every built-in):
	// scale levels, defaults, roles and their levels, learning-goal types
	// of competences, notes. A framework that extends another keeps its
	// base's Origin unless its own file declares one.
	Origin Origin

	// Leaves are all scored leaves: basis leaves, then profile leaves, each in
	// document order. Node.Leaf indexes this slice.
	Leaves []*Node
	// BasisLeaves is the prefix of Leaves that belongs to the basis.
	BasisLeaves []*Node

	index map[string]*Node
	roles map[string]*Role
	// groups are the nodes declared with an `items` key (so that an empty
	// group is told apart from a leaf).
	groups map[*Node]bool
	// positions of top-level values, for messages.
	idPos, rootPos, titlePos, langPos, scalePos Pos
	defaultsPos                                 [3]Pos // required, target, fit
	titleGiven                                  bool
}

// Node returns the node with the given id, or nil.
func (f *Framework) Node(id string) *Node { return f.index[id] }

// Role returns the role with the given id, or nil.
func (f *Framework) Role(id string) *Role { return f.roles[id] }

// Nodes returns every node in document order (basis, then profiles, depth first).
func (f *Framework) Nodes() []*Node {
	var out []*Node
	var walk func([]*Node)
	walk = func(ns []*Node) {
		for _, n := range ns {
			out = append(out, n)
			walk(n.Children)
		}
	}
	walk(f.Basis)
	walk(f.Profiles)
	return out
}

// MinLevel and MaxLevel are the ends of the scale.
func (f *Framework) MinLevel() int { return f.Scale[0].Level }

// MaxLevel is the highest level of the scale.
func (f *Framework) MaxLevel() int { return f.Scale[len(f.Scale)-1].Level }

// TargetOf returns the profile target level of profile p.
func (f *Framework) TargetOf(p *Node) int {
	if p.Profile != nil && p.Profile.Target >= 0 {
		return p.Profile.Target
	}
	return f.Defaults.Target
}

// Required returns the required level of every basis leaf (indexed like
// BasisLeaves): the framework default, then each layer of requirements in
// order, so that a later layer takes precedence. Within a layer a key on a
// group applies to every leaf below it and a deeper key overrides it. Keys
// that name no basis node are ignored (validation reports them).
//
// Callers pass the role's own requirements first, then higher-precedence
// sources, e.g. Required(role.Requires, fromFile, fromSheet).
func (f *Framework) Required(layers ...[]Requirement) []int {
	req := make([]int, len(f.BasisLeaves))
	for i := range req {
		req[i] = f.Defaults.Required
	}
	depth := make([]int, len(req))
	for _, layer := range layers {
		for i := range depth {
			depth[i] = -1
		}
		for _, k := range layer {
			n := f.index[k.Node]
			if n == nil || n.Area != Basis {
				continue
			}
			for _, l := range n.Leaves {
				if n.Depth >= depth[l.Leaf] {
					depth[l.Leaf] = n.Depth
					req[l.Leaf] = k.Level
				}
			}
		}
	}
	return req
}

// TeachingLevel returns the scale level marked `teaches: true` (the level
// that means "can teach others"), and false when the scale has none.
func (f *Framework) TeachingLevel() (int, bool) {
	for _, l := range f.Scale {
		if l.Teaches {
			return l.Level, true
		}
	}
	return 0, false
}

// ScaleOrigin returns the origin of the scale: the common origin of its
// levels, or OriginLocal when they differ or the scale is empty.
func (f *Framework) ScaleOrigin() Origin {
	if len(f.Scale) == 0 {
		return OriginLocal
	}
	o := f.Scale[0].Origin
	for _, l := range f.Scale[1:] {
		if l.Origin != o {
			return OriginLocal
		}
	}
	return o
}

// NeedFor returns the least k in 0..n with k/n ≥ fit: how many of a
// profile's n leaves a person needs at the target level to reach the fit
// threshold.
func NeedFor(n int, fit float64) int {
	for k := 0; k < n; k++ {
		if float64(k)/float64(n) >= fit {
			return k
		}
	}
	return n
}

// NeedOf returns how many leaves of profile p a person needs at the target
// level to fit it: the profile's own `need`, else NeedFor with its own
// `fit`, else NeedFor with fit (the threshold otherwise in use).
func (f *Framework) NeedOf(p *Node, fit float64) int {
	p = p.Profile
	switch {
	case p == nil:
		return 0
	case p.Need > 0:
		return p.Need
	case p.Fit > 0:
		return NeedFor(len(p.Leaves), p.Fit)
	}
	return NeedFor(len(p.Leaves), fit)
}

// SpecialistsOf returns how many persons should fit profile p: the
// profile's own `specialists`, else def.
func (f *Framework) SpecialistsOf(p *Node, def int) int {
	if p = p.Profile; p != nil && p.Specialists >= 0 {
		return p.Specialists
	}
	return def
}

// Wording returns the source's full wording of the node in lang: its
// Statement, else its Name.
func (f *Framework) Wording(n *Node, lang string) string {
	if n.Statement != nil {
		return f.Text(n.Statement, lang)
	}
	return f.Text(n.Name, lang)
}

// HasLearningGoal reports whether leaf n calls for learning goal g.
func (n *Node) HasLearningGoal(g LearningGoal) bool {
	for _, x := range n.LearningGoals {
		if x == g {
			return true
		}
	}
	return false
}

// Text returns a text of the framework in lang. Every output of huller
// picks framework texts this way, in this order: lang; else English (the
// translation every built-in framework carries); else the framework's own
// language; else any language, in a stable order.
func (f *Framework) Text(t Text, lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	return t.In("en", f.Language)
}

// DefaultsOrigin returns the common origin of the defaults that apply: the
// required level, and the profile target and fit when the framework has
// profiles; OriginLocal when they differ.
func (f *Framework) DefaultsOrigin() Origin {
	d := f.Defaults
	if len(f.Profiles) > 0 && (d.TargetOrigin != d.RequiredOrigin || d.FitOrigin != d.RequiredOrigin) {
		return OriginLocal
	}
	return d.RequiredOrigin
}

// GoalsOrigin returns the common origin of the leaves' learning goals;
// OriginLocal when they differ or no leaf has any.
func (f *Framework) GoalsOrigin() Origin {
	o, seen := OriginLocal, false
	for _, n := range f.Leaves {
		if n.LearningGoals == nil {
			continue
		}
		if seen && n.LearningGoalsOrigin != o {
			return OriginLocal
		}
		o, seen = n.LearningGoalsOrigin, true
	}
	return o
}

// LevelsOrigin returns the common origin of the role's required levels;
// OriginLocal when they differ or the role requires nothing.
func (r *Role) LevelsOrigin() Origin {
	if len(r.Requires) == 0 {
		return OriginLocal
	}
	o := r.Requires[0].Origin
	for _, q := range r.Requires[1:] {
		if q.Origin != o {
			return OriginLocal
		}
	}
	return o
}
