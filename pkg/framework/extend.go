package framework

import "fmt"

// apply lays an extending document over its resolved base.
func apply(base *Framework, d *doc) (*Framework, Diagnostics) {
	var diags Diagnostics
	errorf := func(pos Pos, format string, args ...any) {
		diags = append(diags, Diagnostic{Pos: pos, Message: fmt.Sprintf(format, args...)})
	}
	fw := base
	applyTop(fw, d)
	applyDefaults(fw, d)
	applyScale(fw, d)
	applyEdits(fw, d, errorf)
	fw.Basis = append(fw.Basis, d.basis...)
	fw.Profiles = append(fw.Profiles, d.profiles...)
	for _, e := range d.roles {
		mergeRole(fw, e, errorf)
	}
	return fw, diags
}

// applyTop lays the extending document's top-level values over the base's:
// id, title, language, source, origin, target groups, learning-goal types,
// notes and metadata.
func applyTop(fw *Framework, d *doc) {
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
	if d.origin != OriginLocal {
		fw.Origin = d.origin // else the base's default stays, for export
	}
	if d.hasGroups {
		fw.TargetGroups = d.targetGroups
	}
	fw.LearningGoalTypes = mergeGoalTypes(fw.LearningGoalTypes, d.goalTypes)
	fw.Notes = mergeNotes(fw.Notes, d.notes)
	for _, k := range sortedKeys(d.metadata) {
		if fw.Metadata == nil {
			fw.Metadata = map[string]any{}
		}
		fw.Metadata[k] = d.metadata[k]
	}
}

// applyEdits applies the extending document's remove, remove_roles,
// change and add to the base's nodes and roles.
func applyEdits(fw *Framework, d *doc, errorf func(Pos, string, ...any)) {
	ids := func() []string { return sortedKeys(fw.index) }
	for _, r := range d.remove {
		n := fw.index[r.id]
		if n == nil {
			errorf(r.pos, "remove: %s names no node of %s%s", quote(r.id), clip(d.extends), didYouMean(r.id, ids()))
			continue
		}
		fw.removeNode(n)
	}
	for _, r := range d.removeRole {
		if fw.roles[r.id] == nil {
			errorf(r.pos, "remove_roles: %s names no role of %s%s", quote(r.id), clip(d.extends), didYouMean(r.id, sortedKeys(fw.roles)))
			continue
		}
		fw.removeRole(r.id)
	}
	for _, c := range d.change {
		n := fw.index[c.id]
		if n == nil {
			errorf(c.pos, "change: %s names no node of %s%s", quote(c.id), clip(d.extends), didYouMean(c.id, ids()))
			continue
		}
		applyChange(n, c, errorf)
	}
	for _, a := range d.add {
		parent := fw.index[a.under.id]
		if parent == nil {
			errorf(a.under.pos, "add: under %s names no node of %s%s", quote(a.under.id), clip(d.extends), didYouMean(a.under.id, ids()))
			continue
		}
		fw.groups[parent] = true
		parent.Children = append(parent.Children, a.node)
	}
}

// mergeGoalTypes lays an extending file's learning-goal types over the
// base's, by type.
func mergeGoalTypes(base, ext []LearningGoalType) []LearningGoalType {
	for _, t := range ext {
		found := false
		for i := range base {
			if base[i].Type == t.Type {
				base[i], found = t, true
			}
		}
		if !found {
			base = append(base, t)
		}
	}
	return base
}

// mergeNotes lays an extending file's notes over the base's, by id.
func mergeNotes(base, ext []*Note) []*Note {
	for _, n := range ext {
		found := false
		for i := range base {
			if base[i].ID == n.ID {
				base[i], found = n, true
			}
		}
		if !found {
			base = append(base, n)
		}
	}
	return base
}

// applyScale merges the extending file's scale levels by level: a level it
// gives replaces the texts and teaching mark it gives, and takes the file's
// origin for that level.
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
				if e.hasTeaches {
					fw.Scale[i].Teaches = e.level.Teaches
				}
				fw.Scale[i].Origin = e.level.Origin
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
	if c.hasStatement {
		n.Statement = c.statement
	}
	if c.hasDesc {
		n.Description = c.desc
	}
	if c.hasIndic {
		n.Indicators = c.indicators
	}
	if c.hasNote {
		n.Note, n.NoteOrigin = c.note, c.noteOrigin
	}
	if c.hasGoals {
		n.LearningGoals, n.LearningGoalsOrigin = c.goals, c.goalsOrigin
	}
	isProfile := n.Area == Profile && n.Depth == 0
	profileOnly := func(has bool, pos Pos, what string) bool {
		if has && !isProfile {
			errorf(pos, "change %s: only a profile has %s", quote(c.id), what)
		}
		return has
	}
	if profileOnly(c.hasFocus, c.pos, "a focus line") {
		n.Focus = c.focus
	}
	if profileOnly(c.hasTarget, c.targetPos, "a target level") {
		n.Target = c.target
	}
	if profileOnly(c.hasFit, c.fitPos, "a fit threshold") {
		n.Fit, n.Need = c.fit, 0
	}
	if profileOnly(c.hasNeed, c.needPos, "a need") {
		n.Need, n.Fit = c.need, 0
		if c.hasFit {
			errorf(c.needPos, "change %s gives both `fit` and `need`; give one", quote(c.id))
		}
	}
	if profileOnly(c.hasSpecialists, c.specialistsPos, "a number of specialists") {
		n.Specialists = c.specialists
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
			errorf(e.role.Pos, "role %s is new (the base has no such role), so it needs a `name`; to change an existing role, use its id (%s)", quote(e.role.ID), joinQuoted(sortedKeys(fw.roles)))
			return
		}
		fw.Roles = append(fw.Roles, e.role)
		fw.roles[e.role.ID] = e.role
		return
	}
	if e.hasName {
		r.Name = e.role.Name
	}
	if e.hasStatement {
		r.Statement = e.role.Statement
	}
	if e.hasDesc {
		r.Description = e.role.Description
	}
	if e.hasProfiles {
		r.Profiles, r.profilePos = e.role.Profiles, e.role.profilePos
	}
	if e.hasProfiles || e.hasOrigin {
		r.Origin = e.role.Origin
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
