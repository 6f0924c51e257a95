package framework

import (
	"fmt"

	"github.com/huller/huller/pkg/limits"
)

// validate runs the semantic checks on a resolved framework.
func validate(fw *Framework) Diagnostics {
	v := &validator{fw: fw}
	v.top()
	v.scale()
	v.nodes()
	v.roles()
	v.targetGroups(v.fw.TargetGroups)
	v.texts()
	return v.diags
}

type validator struct {
	fw    *Framework
	diags Diagnostics
}

func (v *validator) add(sev Severity, pos Pos, format string, args ...any) {
	v.diags = append(v.diags, Diagnostic{Pos: pos, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) top() {
	fw := v.fw
	for _, m := range []struct {
		missing bool
		key     string
	}{{fw.ID == "", "id: <framework id>"}, {fw.Title == nil && !fw.titleGiven, "title: {<lang>: …}"}, {fw.Language == "", "language: <da, sl, en …>"}, {len(fw.Scale) == 0, "scale: [levels]"}} {
		if m.missing {
			v.add(Error, fw.rootPos, "the framework needs `%s`", m.key)
		}
	}
	if len(fw.Basis) == 0 && len(fw.Profiles) == 0 {
		v.add(Error, fw.rootPos, "the framework has no competences: add `basis:` groups or `profiles:`")
	}
	if fw.Defaults.Fit < 0 || fw.Defaults.Fit > 1 {
		v.add(Error, fw.defaultsPos[2], "defaults.fit %g must lie between 0 and 1 (e.g. 0.75 for three quarters of a profile's items)", fw.Defaults.Fit)
	}
	if len(fw.Scale) > 0 {
		for i, d := range []struct {
			key   string
			level int
		}{{"required", fw.Defaults.Required}, {"target", fw.Defaults.Target}} {
			if pos := fw.defaultsPos[i]; pos.Line > 0 {
				v.onScale(d.level, pos, "defaults."+d.key)
			} else if !v.isOnScale(d.level) {
				v.add(Error, fw.rootPos, "defaults.%s is not set, and its built-in value %d is outside the scale %s; set `defaults: {%s: <level>}`", d.key, d.level, v.scaleRange(), d.key)
			}
		}
	}
}

// onScale reports a level that is not on the scale.
func (v *validator) onScale(level int, pos Pos, what string) {
	if v.isOnScale(level) {
		return
	}
	v.add(Error, pos, "%s is %d, which is outside the scale %s", what, level, v.scaleRange())
}

func (v *validator) isOnScale(level int) bool {
	for _, l := range v.fw.Scale {
		if l.Level == level {
			return true
		}
	}
	return false
}

func (v *validator) scaleRange() string {
	s := v.fw.Scale
	if len(s) == 0 {
		return "(empty)"
	}
	return fmt.Sprintf("%d–%d", s[0].Level, s[len(s)-1].Level)
}

// scale checks the scale's levels: whole numbers from 0 to
// limits.ScaleMaxLevel, consecutive, each once and labelled, at most one
// marked as the teaching level. Its work is proportional to the number of
// levels written, whatever their values.
func (v *validator) scale() {
	s := v.fw.Scale
	teaches := -1
	for i, l := range s {
		switch {
		case l.Level < 0:
			v.add(Error, l.Pos, "scale level %d is negative; levels are whole numbers from 0 up", l.Level)
		case l.Level > limits.ScaleMaxLevel:
			v.add(Error, l.Pos, "scale level %d is above %d, the highest level huller accepts", l.Level, limits.ScaleMaxLevel)
		}
		if l.Label == nil {
			v.add(Error, l.Pos, "scale level %d needs a `label`", l.Level)
		}
		if l.Teaches {
			if teaches >= 0 {
				v.add(Error, l.Pos, "scale levels %d and %d both say `teaches: true`; mark only the level that means \"can teach others\" (write `teaches: false` on the other)", teaches, l.Level)
			}
			teaches = l.Level
		}
		if i == 0 {
			continue
		}
		prev := s[i-1]
		switch gap := l.Level - prev.Level - 1; {
		case l.Level == prev.Level:
			v.add(Error, l.Pos, "scale level %d is defined twice (first at %s)", l.Level, prev.Pos.where(l.Pos))
		case gap == 1:
			v.add(Error, l.Pos, "scale has a gap: level %d is missing between %d and %d; levels must be consecutive", prev.Level+1, prev.Level, l.Level)
		case gap > 1:
			v.add(Error, l.Pos, "scale has a gap: levels %d–%d are missing between %d and %d; levels must be consecutive", prev.Level+1, l.Level-1, prev.Level, l.Level)
		}
	}
}

func (v *validator) nodes() {
	fw := v.fw
	nodes := fw.Nodes()
	if len(nodes) > limits.FrameworkNodes {
		v.add(Error, fw.rootPos, "the framework has %d groups, competences and profiles; huller accepts at most %s", len(nodes), thousands(limits.FrameworkNodes))
	}
	for _, n := range nodes {
		if len(n.Children) > 0 && n.LearningGoals != nil {
			v.add(Error, n.Pos, "%s %s has items, so it is not scored: give `learning_goals` to its competences instead", n.kind(), quote(n.ID))
		}
		if n.Need > len(n.Leaves) && len(n.Leaves) > 0 {
			v.add(Error, n.Pos, "profile %s needs %d of its items, but has only %d", quote(n.ID), n.Need, len(n.Leaves))
		}
		if len(n.Children) == 0 && (fw.groups[n] || (n.Area == Profile && n.Depth == 0)) {
			v.add(Error, n.Pos, "%s %s has no items; add its competences under `items:`%s", n.kind(), quote(n.ID), map[bool]string{true: "", false: " or remove the empty `items:` to make it a scored leaf"}[n.Area == Profile && n.Depth == 0])
		}
		if n.Area == Profile && n.Depth == 0 && n.Target >= 0 {
			v.onScale(n.Target, n.Pos, fmt.Sprintf("profile %s target", quote(n.ID)))
		}
	}
}

func (v *validator) roles() {
	fw := v.fw
	if len(fw.Roles) > limits.FrameworkRoles {
		v.add(Error, fw.rootPos, "the framework has %d roles; huller accepts at most %s", len(fw.Roles), thousands(limits.FrameworkRoles))
	}
	basisIDs, profileIDs := []string{}, []string{}
	for _, n := range fw.Nodes() {
		if n.Area == Basis {
			basisIDs = append(basisIDs, n.ID)
		}
	}
	for _, p := range fw.Profiles {
		profileIDs = append(profileIDs, p.ID)
	}
	for _, r := range fw.Roles {
		if r.Name == nil {
			v.add(Error, r.Pos, "role %s needs a `name`", quote(r.ID))
		}
		for _, k := range r.Requires {
			n := fw.index[k.Node]
			switch {
			case n == nil:
				v.add(Error, k.Pos, "role %s requires %s, which names no basic competence%s", quote(r.ID), quote(k.Node), didYouMean(k.Node, basisIDs))
			case n.Area == Profile:
				v.add(Error, k.Pos, "role %s requires %s, a profile competence; roles set levels for basic competences, and list the profiles they cover under `profiles:`", quote(r.ID), quote(k.Node))
			default:
				v.onScale(k.Level, k.Pos, fmt.Sprintf("role %s: the level for %s", quote(r.ID), quote(k.Node)))
			}
		}
		for i, p := range r.Profiles {
			pos := r.Pos
			if i < len(r.profilePos) {
				pos = r.profilePos[i]
			}
			if n := fw.index[p]; n == nil || n.Area != Profile || n.Depth != 0 {
				v.add(Error, pos, "role %s covers profile %s, which is not a profile of this framework%s", quote(r.ID), quote(p), didYouMean(p, profileIDs))
			}
		}
	}
}

// targetGroups checks that every profile a target group names exists.
func (v *validator) targetGroups(gs []*TargetGroup) {
	for _, g := range gs {
		if g.Profile != "" {
			if n := v.fw.index[g.Profile]; n == nil || n.Area != Profile || n.Depth != 0 {
				ids := []string{}
				for _, p := range v.fw.Profiles {
					ids = append(ids, p.ID)
				}
				v.add(Error, g.Pos, "target group names profile %s, which is not a profile of this framework%s", quote(g.Profile), didYouMean(g.Profile, ids))
			}
		}
		v.targetGroups(g.Items)
	}
}

// texts checks that every text has the framework's language and English.
func (v *validator) texts() {
	fw := v.fw
	if !langPattern.MatchString(fw.Language) {
		return // reported where the language is given
	}
	fw.eachText(func(t Text, pos Pos, what string) {
		if _, ok := t[fw.Language]; !ok {
			v.add(Error, pos, "%s has no text in the framework's language %q", what, fw.Language)
		}
		if _, ok := t["en"]; !ok && fw.Language != "en" {
			v.add(Warning, pos, "%s has no English translation (add `en: …`)", what)
		}
	})
}
