package framework

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/huller/huller/pkg/limits"
)

// Loader loads frameworks by built-in id (from an fs.FS holding <id>.yaml
// files) or from a file path, resolving `extends`.
//
// A framework file may extend a built-in framework, or a file in its own
// folder or below it — the folder of the file the loader was asked for —
// or in a folder allowed with AllowDir. Framework files must be regular
// files: never a folder, device, pipe or socket.
type Loader struct {
	builtin fs.FS
	dirs    []string // folders allowed with AllowDir, absolute, symlinks resolved
}

// NewLoader returns a loader whose built-in frameworks are the *.yaml files
// of fsys (nil for none).
func NewLoader(fsys fs.FS) *Loader { return &Loader{builtin: fsys} }

// Builtins lists the ids of the built-in frameworks, sorted.
func (l *Loader) Builtins() []string {
	if l.builtin == nil {
		return nil
	}
	names, _ := fs.Glob(l.builtin, "*.yaml")
	ids := make([]string, len(names))
	for i, n := range names {
		ids[i] = strings.TrimSuffix(n, ".yaml")
	}
	sort.Strings(ids)
	return ids
}

// IsBuiltin reports whether id names a built-in framework.
func (l *Loader) IsBuiltin(id string) bool {
	if l.builtin == nil || !idPattern.MatchString(id) {
		return false
	}
	_, err := fs.Stat(l.builtin, id+".yaml")
	return err == nil
}

// Load loads a framework by built-in id or path and returns it when it has
// no errors; the error is a Diagnostics listing every problem.
func (l *Loader) Load(ref string) (*Framework, error) {
	fw, diags := l.Check(ref)
	if errs := diags.Errors(); len(errs) > 0 {
		return nil, errs
	}
	return fw, nil
}

// Check loads and validates a framework, returning every error and warning.
// The framework is nil when it could not be built at all.
func (l *Loader) Check(ref string) (*Framework, Diagnostics) {
	src, err := l.locate(ref, nil)
	if err != nil {
		return nil, Diagnostics{{Message: err.Error()}}
	}
	fw, diags := l.resolve(src, nil)
	if fw != nil {
		if src.builtin {
			fw.File = "" // embedded: there is no file to point at
		}
		diags = append(diags, validate(fw)...)
	}
	return fw, dedupe(diags)
}

// dedupe drops repeated diagnostics (an alias repeats the node it names).
func dedupe(ds Diagnostics) Diagnostics {
	seen := map[Diagnostic]bool{}
	out := ds[:0]
	for _, d := range ds {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// Parse parses and validates a framework from bytes; name is used in
// messages. It reads no file: it may extend no other framework.
func Parse(name string, data []byte) (*Framework, error) {
	l := &Loader{}
	fw, diags := l.resolve(source{name: name, data: data}, nil)
	if fw != nil {
		diags = append(diags, validate(fw)...)
	}
	if errs := diags.Errors(); len(errs) > 0 {
		return nil, errs
	}
	return fw, nil
}

// resolve parses src and applies it over its base, recursively.
func (l *Loader) resolve(src source, chain []string) (*Framework, Diagnostics) {
	d, diags := parseDoc(src.name, bytes.NewReader(src.data))
	if d == nil || len(diags.Errors()) > 0 && d.extends == "" && d.id == "" {
		return nil, diags
	}
	if d.extends == "" {
		fw := newFramework(d)
		return fw, append(diags, fw.finish()...)
	}
	chain = append(chain, src.key)
	var base *Framework
	if src.builtin && (strings.ContainsAny(d.extends, `/\`) || !l.IsBuiltin(d.extends)) {
		return nil, append(diags, Diagnostic{Pos: d.extendsPos, Message: fmt.Sprintf("extends: a built-in framework can only extend another built-in one (%s), not %s", strings.Join(l.Builtins(), ", "), quote(d.extends))})
	}
	if len(chain) > limits.FrameworkExtends {
		return nil, append(diags, Diagnostic{Pos: d.extendsPos, Message: fmt.Sprintf("extends: more than %d frameworks extend each other in a chain; huller follows at most %d", limits.FrameworkExtends, limits.FrameworkExtends)})
	}
	bsrc, err := l.locate(d.extends, &src)
	if err != nil {
		return nil, append(diags, Diagnostic{Pos: d.extendsPos, Message: "extends: " + err.Error()})
	}
	for i, k := range chain {
		if k == bsrc.key {
			names := append(chainNames(chain[i:]), chainNames([]string{bsrc.key})...)
			return nil, append(diags, Diagnostic{Pos: d.extendsPos, Message: "extends: cycle " + strings.Join(names, " → ") + "; a framework cannot extend itself through its bases"})
		}
	}
	base, bdiags := l.resolve(bsrc, chain)
	diags = append(diags, bdiags...)
	if base == nil {
		if len(bdiags.Errors()) == 0 {
			diags = append(diags, Diagnostic{Pos: d.extendsPos, Message: fmt.Sprintf("extends: cannot load %s", quote(d.extends))})
		}
		return nil, diags
	}
	if len(bdiags.Errors()) > 0 {
		return nil, diags
	}
	fw, adiags := apply(base, d)
	diags = append(diags, adiags...)
	return fw, append(diags, fw.finish()...)
}

func chainNames(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		if strings.HasPrefix(k, "builtin:") {
			out[i] = strings.TrimPrefix(k, "builtin:")
		} else {
			out[i] = path.Base(filepath.ToSlash(k))
		}
	}
	return out
}

// newFramework builds a framework from a document that extends nothing.
func newFramework(d *doc) *Framework {
	fw := &Framework{
		ID: d.id, Title: d.title, Language: d.language, Description: d.desc,
		File: d.file, Basis: d.basis, Profiles: d.profiles, Metadata: d.metadata,
		TargetGroups: d.targetGroups, LearningGoalTypes: d.goalTypes, Notes: d.notes,
		Origin: d.origin,
		Defaults: Defaults{Required: 2, Target: 3, Fit: 0.75,
			RequiredOrigin: OriginHuller, TargetOrigin: OriginHuller, FitOrigin: OriginHuller},
		groups: d.groups, titleGiven: d.hasTitle,
		idPos: d.idPos, rootPos: d.rootPos, titlePos: d.titlePos, langPos: d.langPos, scalePos: d.scalePos,
	}
	if d.source != nil {
		fw.Source = *d.source
	}
	for _, s := range d.scale {
		fw.Scale = append(fw.Scale, s.level)
	}
	applyDefaults(fw, d)
	for _, r := range d.roles {
		fw.Roles = append(fw.Roles, r.role)
	}
	return fw
}

// applyDefaults lays the defaults a document gives over fw's. A default
// the document does not give keeps its value and origin; the built-in values
// (2, 3, 0.75) are huller's.
func applyDefaults(fw *Framework, d *doc) {
	de := d.defaults
	if v := de.required; v != nil {
		fw.Defaults.Required, fw.Defaults.RequiredOrigin, fw.defaultsPos[0] = *v, de.requiredOrigin, de.requiredPos
	}
	if v := de.target; v != nil {
		fw.Defaults.Target, fw.Defaults.TargetOrigin, fw.defaultsPos[1] = *v, de.targetOrigin, de.targetPos
	}
	if v := de.fit; v != nil {
		fw.Defaults.Fit, fw.Defaults.FitOrigin, fw.defaultsPos[2] = *v, de.fitOrigin, de.fitPos
	}
}

// finish normalises texts and links the tree: parents, depths, the id
// index, the leaves and the role index. It reports duplicate ids.
func (fw *Framework) finish() Diagnostics {
	var diags Diagnostics
	fw.index = map[string]*Node{}
	fw.roles = map[string]*Role{}
	fw.Leaves, fw.BasisLeaves = nil, nil
	fw.normalize()
	var link func(ns []*Node, parent *Node)
	link = func(ns []*Node, parent *Node) {
		for _, n := range ns {
			n.Parent = parent
			n.Leaf = -1
			n.Leaves = nil
			if parent == nil {
				n.Depth, n.Group = 0, n
				if n.Area == Profile {
					n.Profile = n
				}
			} else {
				n.Depth, n.Group, n.Profile, n.Area = parent.Depth+1, parent.Group, parent.Profile, parent.Area
			}
			if first, dup := fw.index[n.ID]; dup && n.ID != "" {
				diags = append(diags, Diagnostic{Pos: n.Pos, Message: fmt.Sprintf("%s id %s is defined twice (first at %s)", n.kind(), quote(n.ID), first.Pos.where(n.Pos))})
			} else if n.ID != "" {
				fw.index[n.ID] = n
			}
			link(n.Children, n)
			if len(n.Children) == 0 {
				n.Leaf = len(fw.Leaves)
				fw.Leaves = append(fw.Leaves, n)
			}
		}
	}
	for _, n := range fw.Basis {
		n.Area, n.Profile = Basis, nil
	}
	for _, n := range fw.Profiles {
		n.Area = Profile
	}
	link(fw.Basis, nil)
	fw.BasisLeaves = fw.Leaves[:len(fw.Leaves):len(fw.Leaves)]
	link(fw.Profiles, nil)
	for _, l := range fw.Leaves {
		for n := l; n != nil; n = n.Parent {
			n.Leaves = append(n.Leaves, l)
		}
	}
	for _, r := range fw.Roles {
		if first, dup := fw.roles[r.ID]; dup {
			diags = append(diags, Diagnostic{Pos: r.Pos, Message: fmt.Sprintf("role id %s is defined twice (first at %s)", quote(r.ID), first.Pos.where(r.Pos))})
			continue
		}
		fw.roles[r.ID] = r
	}
	sort.SliceStable(fw.Scale, func(i, j int) bool { return fw.Scale[i].Level < fw.Scale[j].Level })
	return diags
}

// kind names a node for messages: group, competence, sub-competence,
// profile or profile item.
func (n *Node) kind() string {
	switch {
	case n.Area == Profile && n.Depth == 0:
		return "profile"
	case n.Area == Profile:
		return "profile item"
	case n.Depth == 0:
		return "group"
	case n.Depth <= 1:
		return "competence"
	}
	return "sub-competence"
}

// Kind names the node for people: group, competence, sub-competence,
// profile or profile item.
func (n *Node) Kind() string { return n.kind() }

// normalize replaces the placeholder language "" of plain-string texts with
// the framework's language.
func (fw *Framework) normalize() {
	fix := func(t Text) {
		if s, ok := t[""]; ok {
			delete(t, "")
			if _, has := t[fw.Language]; !has {
				t[fw.Language] = s
			}
		}
	}
	fw.eachText(func(t Text, _ Pos, _ string) { fix(t) })
}

// eachText calls fn for every human text of the framework with the position
// and a description of its owner.
func (fw *Framework) eachText(fn func(t Text, pos Pos, what string)) {
	if fw.Title != nil {
		fn(fw.Title, fw.titlePos, "title")
	}
	if fw.Description != nil {
		fn(fw.Description, fw.rootPos, "description")
	}
	for _, l := range fw.Scale {
		what := fmt.Sprintf("scale level %d", l.Level)
		if l.Label != nil {
			fn(l.Label, l.Pos, what+" label")
		}
		if l.Description != nil {
			fn(l.Description, l.Pos, what+" description")
		}
	}
	for _, n := range fw.Nodes() {
		what := fmt.Sprintf("%s %s", n.kind(), quote(n.ID))
		for _, t := range []struct {
			t    Text
			name string
		}{{n.Name, "name"}, {n.Statement, "statement"}, {n.Description, "description"}, {n.Focus, "focus"}, {n.Note, "note"}} {
			if t.t != nil {
				fn(t.t, n.Pos, what+" "+t.name)
			}
		}
		for i, t := range n.Indicators {
			fn(t, n.Pos, fmt.Sprintf("%s indicator %d", what, i+1))
		}
	}
	for _, r := range fw.Roles {
		what := fmt.Sprintf("role %s", quote(r.ID))
		for _, t := range []struct {
			t    Text
			name string
		}{{r.Name, "name"}, {r.Statement, "statement"}, {r.Description, "description"}} {
			if t.t != nil {
				fn(t.t, r.Pos, what+" "+t.name)
			}
		}
	}
	var groups func([]*TargetGroup)
	groups = func(gs []*TargetGroup) {
		for _, g := range gs {
			if g.Name != nil {
				fn(g.Name, g.Pos, "target group name")
			}
			if g.Description != nil {
				fn(g.Description, g.Pos, "target group description")
			}
			groups(g.Items)
		}
	}
	groups(fw.TargetGroups)
	for _, t := range fw.LearningGoalTypes {
		what := fmt.Sprintf("learning-goal type %q", t.Type)
		if t.Name != nil {
			fn(t.Name, t.Pos, what+" name")
		}
		if t.Description != nil {
			fn(t.Description, t.Pos, what+" description")
		}
	}
	for _, nt := range fw.Notes {
		what := fmt.Sprintf("note %s", quote(nt.ID))
		for _, t := range []struct {
			t    Text
			name string
		}{{nt.Title, "title"}, {nt.Text, "text"}, {nt.Statement, "statement"}} {
			if t.t != nil {
				fn(t.t, nt.Pos, what+" "+t.name)
			}
		}
	}
}
