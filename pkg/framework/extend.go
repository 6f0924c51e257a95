package framework

import "fmt"

// apply lays an extending document over its resolved base.
func apply(base *Framework, d *doc) (*Framework, Diagnostics) {
	var diags Diagnostics
	errorf := func(pos Pos, format string, args ...any) {
		diags = append(diags, Diagnostic{Pos: pos, Message: fmt.Sprintf(format, args...)})
	}
	fw := base
	fw.Extends, fw.File = d.extends, d.file
	fw.ID, fw.idPos, fw.rootPos = d.id, d.idPos, d.rootPos
	for n := range d.groups {
		fw.groups[n] = true
	}
	if d.language != "" {
		fw.Language, fw.langPos = d.language, d.langPos
	}
	if d.hasTitle {
		fw.Title, fw.titlePos, fw.titleGiven = d.title, d.titlePos, true
	}
	if d.hasDesc {
		fw.Description = d.desc
	}
	if d.source != nil {
		fw.Source = *d.source
	}
	for _, k := range sortedKeys(d.metadata) {
		if fw.Metadata == nil {
			fw.Metadata = map[string]any{}
		}
		fw.Metadata[k] = d.metadata[k]
	}
	applyDefaults(fw, d)
	applyScale(fw, d)

	ids := func() []string { return sortedKeys(fw.index) }
	for _, r := range d.remove {
		n := fw.index[r.id]
		if n == nil {
			errorf(r.pos, "remove: %q names no node of %s%s", r.id, d.extends, didYouMean(r.id, ids()))
			continue
		}
		fw.removeNode(n)
	}
	for _, r := range d.removeRole {
		if fw.roles[r.id] == nil {
			errorf(r.pos, "remove_roles: %q names no role of %s%s", r.id, d.extends, didYouMean(r.id, sortedKeys(fw.roles)))
			continue
		}
		fw.removeRole(r.id)
	}
	for _, c := range d.change {
		n := fw.index[c.id]
		if n == nil {
			errorf(c.pos, "change: %q names no node of %s%s", c.id, d.extends, didYouMean(c.id, ids()))
			continue
		}
		applyChange(n, c, errorf)
	}
	for _, a := range d.add {
		parent := fw.index[a.under.id]
		if parent == nil {
			errorf(a.under.pos, "add: under %q names no node of %s%s", a.under.id, d.extends, didYouMean(a.under.id, ids()))
			continue
		}
		fw.groups[parent] = true
		parent.Children = append(parent.Children, a.node)
	}
	fw.Basis = append(fw.Basis, d.basis...)
	fw.Profiles = append(fw.Profiles, d.profiles...)
	for _, e := range d.roles {
		mergeRole(fw, e, errorf)
	}
	return fw, diags
}

func applyScale(fw *Framework, d *doc) {
	for _, e := range d.scale {
		found := false
		for i := range fw.Scale {
			if fw.Scale[i].Level == e.level.Level {
				found = true
				if e.hasLabel {
					fw.Scale[i].Label = e.level.Label
				}
				if e.hasDesc {
					fw.Scale[i].Description = e.level.Description
				}
				fw.Scale[i].Pos = e.level.Pos
			}
		}
		if !found {
			fw.Scale = append(fw.Scale, e.level)
		}
	}
}

func applyChange(n *Node, c changeEdit, errorf func(Pos, string, ...any)) {
	if c.hasName {
		n.Name = c.name
	}
	if c.hasDesc {
		n.Description = c.desc
	}
	if c.hasIndic {
		n.Indicators = c.indicators
	}
	isProfile := n.Area == Profile && n.Depth == 0
	if c.hasFocus {
		if !isProfile {
			errorf(c.pos, "change %q: only a profile has a focus line", c.id)
		}
		n.Focus = c.focus
	}
	if c.hasTarget {
		if !isProfile {
			errorf(c.targetPos, "change %q: only a profile has a target level", c.id)
		}
		n.Target = c.target
	}
}

// removeNode takes a node and its subtree out of the tree, together with the
// role requirements and role profiles that name them.
func (fw *Framework) removeNode(n *Node) {
	gone := map[string]bool{}
	var mark func(*Node)
	mark = func(x *Node) {
		gone[x.ID] = true
		delete(fw.index, x.ID)
		for _, c := range x.Children {
			mark(c)
		}
	}
	mark(n)
	drop := func(ns []*Node) []*Node {
		out := ns[:0]
		for _, x := range ns {
			if x != n {
				out = append(out, x)
			}
		}
		return out
	}
	switch {
	case n.Parent != nil:
		n.Parent.Children = drop(n.Parent.Children)
	case n.Area == Profile:
		fw.Profiles = drop(fw.Profiles)
	default:
		fw.Basis = drop(fw.Basis)
	}
	for _, r := range fw.Roles {
		req := r.Requires[:0]
		for _, k := range r.Requires {
			if !gone[k.Node] {
				req = append(req, k)
			}
		}
		r.Requires = req
		var ps []string
		var pos []Pos
		for i, p := range r.Profiles {
			if !gone[p] {
				ps = append(ps, p)
				if i < len(r.profilePos) {
					pos = append(pos, r.profilePos[i])
				}
			}
		}
		r.Profiles, r.profilePos = ps, pos
	}
}

func (fw *Framework) removeRole(id string) {
	out := fw.Roles[:0]
	for _, r := range fw.Roles {
		if r.ID != id {
			out = append(out, r)
		}
	}
	fw.Roles = out
	delete(fw.roles, id)
}

// mergeRole merges an extending role over the base role of the same id, or
// adds it.
func mergeRole(fw *Framework, e roleEdit, errorf func(Pos, string, ...any)) {
	r := fw.roles[e.role.ID]
	if r == nil {
		if !e.hasName {
			errorf(e.role.Pos, "role %q is new (the base has no such role), so it needs a `name`; to change an existing role, use its id (%s)", e.role.ID, joinQuoted(sortedKeys(fw.roles)))
			return
		}
		fw.Roles = append(fw.Roles, e.role)
		fw.roles[e.role.ID] = e.role
		return
	}
	if e.hasName {
		r.Name = e.role.Name
	}
	if e.hasDesc {
		r.Description = e.role.Description
	}
	if e.hasProfiles {
		r.Profiles, r.profilePos = e.role.Profiles, e.role.profilePos
	}
	for _, k := range e.role.Requires {
		replaced := false
		for i := range r.Requires {
			if r.Requires[i].Node == k.Node {
				r.Requires[i], replaced = k, true
			}
		}
		if !replaced {
			r.Requires = append(r.Requires, k)
		}
	}
	r.Pos = e.role.Pos
}

func joinQuoted(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%q", s)
	}
	return out
}
