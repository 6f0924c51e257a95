// Package framework holds the competence-framework model: basis competences,
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
type Node struct {
	ID          string
	Name        Text
	Description Text
	Focus       Text   // profiles only: the profile's focus line
	Indicators  []Text // observable behaviour
	Target      int    // profiles only: target level override; -1 when unset

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
	Pos         Pos
}

// Defaults are the levels used when nothing more specific is given.
type Defaults struct {
	Required int     // basis level required when no role says otherwise
	Target   int     // profile target level
	Fit      float64 // profile fit threshold, 0..1
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
	Pos   Pos
}

// Role is a job function with required basis levels and expected profiles.
type Role struct {
	ID          string
	Name        Text
	Description Text
	Requires    []Requirement // in file order
	Profiles    []string      // profile ids
	Pos         Pos
	profilePos  []Pos // where each of Profiles is written
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
	Metadata map[string]any

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
