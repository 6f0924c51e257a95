package framework

import (
	"fmt"
	"strings"
)

// validate runs the semantic checks on a resolved framework.
func validate(fw *Framework) Diagnostics {
	v := &validator{fw: fw}
	v.top()
	v.scale()
	v.nodes()
	v.roles()
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

func (v *validator) scale() {
	s := v.fw.Scale
	for i, l := range s {
		if l.Level < 0 {
			v.add(Error, l.Pos, "scale level %d is negative; levels are whole numbers from 0 up", l.Level)
		}
		if l.Label == nil {
			v.add(Error, l.Pos, "scale level %d needs a `label`", l.Level)
		}
		if i == 0 {
			continue
		}
		prev := s[i-1]
		switch {
		case l.Level == prev.Level:
			v.add(Error, l.Pos, "scale level %d is defined twice (first at %s)", l.Level, prev.Pos.where(l.Pos))
		case l.Level > prev.Level+1:
			missing := []string{}
			for m := prev.Level + 1; m < l.Level; m++ {
				missing = append(missing, fmt.Sprint(m))
			}
			v.add(Error, l.Pos, "scale has a gap: level %s is missing between %d and %d; levels must be consecutive", strings.Join(missing, ", "), prev.Level, l.Level)
		}
	}
}

func (v *validator) nodes() {
	fw := v.fw
	for _, n := range fw.Nodes() {
		if len(n.Children) == 0 && (fw.groups[n] || (n.Area == Profile && n.Depth == 0)) {
			v.add(Error, n.Pos, "%s %q has no items; add its competences under `items:`%s", n.kind(), n.ID, map[bool]string{true: "", false: " or remove the empty `items:` to make it a scored leaf"}[n.Area == Profile && n.Depth == 0])
		}
		if n.Area == Profile && n.Depth == 0 && n.Target >= 0 {
			v.onScale(n.Target, n.Pos, fmt.Sprintf("profile %q target", n.ID))
		}
	}
}

func (v *validator) roles() {
	fw := v.fw
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
			v.add(Error, r.Pos, "role %q needs a `name`", r.ID)
		}
		for _, k := range r.Requires {
			n := fw.index[k.Node]
			switch {
			case n == nil:
				v.add(Error, k.Pos, "role %q requires %q, which names no basis competence%s", r.ID, k.Node, didYouMean(k.Node, basisIDs))
			case n.Area == Profile:
				v.add(Error, k.Pos, "role %q requires %q, a profile competence; roles set levels for basis competences, and list the profiles they cover under `profiles:`", r.ID, k.Node)
			default:
				v.onScale(k.Level, k.Pos, fmt.Sprintf("role %q: the level for %q", r.ID, k.Node))
			}
		}
		for i, p := range r.Profiles {
			pos := r.Pos
			if i < len(r.profilePos) {
				pos = r.profilePos[i]
			}
			if n := fw.index[p]; n == nil || n.Area != Profile || n.Depth != 0 {
				v.add(Error, pos, "role %q covers profile %q, which is not a profile of this framework%s", r.ID, p, didYouMean(p, profileIDs))
			}
		}
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
