// Package outline writes a competence framework as an indented, readable
// text outline for the terminal: as the source reads, with the source's own
// words quoted and huller's additions (the scale, default levels, roles,
// judgements) marked "[huller]".
package outline

import (
	"fmt"
	"io"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/textwrap"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/safetext"
)

// Options control the outline.
type Options struct {
	Lang  string // language of texts and headings; "" for the framework's
	Width int    // wrap width; 0 for 80
}

type writer struct {
	w     io.Writer
	fw    *framework.Framework
	lang  string    // language of the framework's texts
	l     lang.Lang // language of huller's own words
	width int
	err   error
	// goalsMixed: learning goals of different origins, so each leaf says
	// whose its are.
	goalsMixed bool
}

// Write writes the framework as an outline.
func Write(w io.Writer, fw *framework.Framework, o Options) error {
	ow := &writer{w: w, fw: fw, lang: o.Lang, width: o.Width}
	if ow.lang == "" {
		ow.lang = fw.Language
	}
	if ow.width <= 20 {
		ow.width = 80
	}
	ow.l = lang.For(ow.lang)
	ow.all()
	return ow.err
}

// t returns a framework text in the outline's language, safe for the
// terminal (a framework file from a shared drive may hold escape codes).
func (o *writer) t(t framework.Text) string { return safetext.Terminal(o.fw.Text(t, o.lang)) }

func (o *writer) printf(format string, args ...any) {
	if o.err == nil {
		_, o.err = fmt.Fprintf(o.w, format, args...)
	}
}

// para writes text wrapped at the width, every line indented.
func (o *writer) para(indent int, text string) {
	if text == "" {
		return
	}
	for _, line := range textwrap.Wrap(text, max(10, o.width-indent)) {
		o.printf("%s%s\n", strings.Repeat(" ", indent), line)
	}
}

// head writes "id  name" with the name wrapped and aligned under itself.
func (o *writer) head(indent int, id, name string) {
	hang := indent + len([]rune(id)) + 2
	for i, line := range textwrap.Wrap(name, max(10, o.width-hang)) {
		if i == 0 {
			o.printf("%s%s  %s\n", strings.Repeat(" ", indent), id, line)
		} else {
			o.printf("%s%s\n", strings.Repeat(" ", hang), line)
		}
	}
}

// quote quotes the source's own words.
func (o *writer) quote(s string) string {
	if s == "" {
		return ""
	}
	return o.l.F(lang.OutlineQuote, s)
}

// withMark appends a mark to a text.
func withMark(s, mark string) string {
	if mark == "" {
		return s
	}
	return s + " " + mark
}

func (o *writer) all() {
	fw := o.fw
	o.para(0, fw.ID+" — "+o.t(fw.Title))
	if fw.Extends != "" {
		o.printf("%s: %s\n", o.l.T(lang.OutlineExtends), fw.Extends)
	}
	if s := fw.Source; s.Title != "" || s.Publisher != "" {
		parts := []string{}
		for _, p := range []string{s.Title, s.Publisher} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		if s.Year != 0 {
			parts = append(parts, fmt.Sprint(s.Year))
		}
		if s.URL != "" {
			parts = append(parts, s.URL)
		}
		o.para(0, o.l.T(lang.OutlineSource)+": "+strings.Join(parts, ", "))
	}
	if d := o.t(fw.Description); d != "" {
		o.printf("\n")
		o.para(0, d)
	}
	o.legend()
	o.scale()
	o.goalTypes()
	o.targetGroups()
	if len(fw.Basis) > 0 {
		o.printf("\n%s\n", strings.ToUpper(o.l.T(lang.OutlineBasis)))
		for _, n := range fw.Basis {
			o.node(n, 0)
		}
	}
	if len(fw.Profiles) > 0 {
		o.printf("\n%s\n", strings.ToUpper(o.l.T(lang.OutlineProfiles)))
		for _, n := range fw.Profiles {
			o.node(n, 0)
		}
	}
	if len(fw.Roles) > 0 {
		o.printf("\n%s\n", strings.ToUpper(o.l.T(lang.OutlineRoles)))
		for _, r := range fw.Roles {
			o.role(r)
		}
	}
	o.notes()
}

// legend explains the quotes and marks, when the framework has any; and
// says once when every learning goal is huller's judgement.
func (o *writer) legend() {
	marked, quoted := false, false
	goals := map[framework.Origin]int{}
	for _, l := range o.fw.Scale {
		marked = marked || l.Origin == framework.OriginHuller
	}
	for _, r := range o.fw.Roles {
		marked = marked || r.Origin == framework.OriginHuller
		quoted = quoted || r.Statement != nil
	}
	for _, n := range o.fw.Nodes() {
		quoted = quoted || n.Statement != nil
		if n.LearningGoals != nil {
			goals[n.LearningGoalsOrigin]++
		}
	}
	o.goalsMixed = len(goals) > 1
	if !marked && !quoted {
		return
	}
	o.printf("\n")
	o.para(0, o.l.F(lang.OutlineLegend, o.quote("…")))
	if len(goals) == 1 && goals[framework.OriginHuller] > 0 {
		o.para(0, o.l.T(lang.OutlineGoalsHuller))
	}
}

func (o *writer) scale() {
	fw := o.fw
	whole := fw.ScaleOrigin() == framework.OriginHuller
	mark := ""
	if whole {
		mark = o.l.T(lang.OutlineScaleHuller)
	}
	heading := strings.ToUpper(o.l.T(lang.OutlineScale))
	if mark != "" {
		heading += "  " + mark
	}
	o.printf("\n%s\n", heading)
	for _, l := range fw.Scale {
		label := o.t(l.Label)
		if l.Teaches && !strings.Contains(strings.ToLower(label), strings.ToLower(o.l.T(lang.OutlineTeaches))) {
			label += " (" + o.l.T(lang.OutlineTeaches) + ")"
		}
		if !whole && l.Origin == framework.OriginHuller {
			label = withMark(label, "[huller]")
		}
		o.printf("  %d  %s\n", l.Level, label)
		o.para(5, o.t(l.Description))
	}
	d := fw.Defaults
	origins := []framework.Origin{d.RequiredOrigin, d.TargetOrigin, d.FitOrigin}
	all := true
	for _, x := range origins {
		all = all && x == framework.OriginHuller
	}
	parts := []string{o.level(d.Required), o.level(d.Target), o.l.Share(d.Fit)}
	if !all {
		for i, x := range origins {
			if x == framework.OriginHuller {
				parts[i] += " [huller]"
			}
		}
	}
	line := o.l.F(lang.OutlineDefaultsLine, parts[0], parts[1], parts[2])
	if len(fw.Profiles) == 0 {
		line = o.l.F(lang.OutlineDefaultRequired, parts[0]) // target and fit apply to profiles only
		all = d.RequiredOrigin == framework.OriginHuller
	}
	o.para(0, o.l.T(lang.OutlineDefaults)+": "+line)
	if all {
		o.para(2, o.l.T(lang.OutlineLevelsHuller))
	}
}

// level writes a level with its label: "2 (Selvstændig)".
func (o *writer) level(n int) string {
	for _, l := range o.fw.Scale {
		if l.Level == n {
			return fmt.Sprintf("%d (%s)", n, o.t(l.Label))
		}
	}
	return fmt.Sprint(n)
}

func (o *writer) goalTypes() {
	if len(o.fw.LearningGoalTypes) == 0 {
		return
	}
	o.printf("\n%s\n", strings.ToUpper(o.l.T(lang.OutlineGoalTypes)))
	for _, g := range o.fw.LearningGoalTypes {
		o.printf("  %s\n", o.l.GoalName(string(g.Type)))
		o.para(4, o.t(g.Name))
		o.para(4, o.t(g.Description))
	}
}

func (o *writer) targetGroups() {
	if len(o.fw.TargetGroups) == 0 {
		return
	}
	o.printf("\n%s\n", strings.ToUpper(o.l.T(lang.OutlineTargetGroups)))
	var walk func(indent int, gs []*framework.TargetGroup)
	walk = func(indent int, gs []*framework.TargetGroup) {
		for _, g := range gs {
			name := o.t(g.Name)
			if g.Profile != "" {
				name += " (" + o.l.F(lang.OutlineForProfile, g.Profile) + ")"
			}
			o.bullet(indent, name)
			o.para(indent+2, o.t(g.Description))
			walk(indent+2, g.Items)
		}
	}
	walk(2, o.fw.TargetGroups)
}

// bullet writes "- text" wrapped under itself.
func (o *writer) bullet(indent int, text string) {
	for i, line := range textwrap.Wrap(text, max(10, o.width-indent-2)) {
		b := "- "
		if i > 0 {
			b = "  "
		}
		o.printf("%s%s%s\n", strings.Repeat(" ", indent), b, line)
	}
}

func (o *writer) node(n *framework.Node, indent int) {
	if indent == 0 {
		o.printf("\n")
	}
	o.head(indent, n.ID, o.t(n.Name))
	inner := indent + 2
	if n.IsLeaf() && indent > 0 {
		inner = indent + len([]rune(n.ID)) + 2 // under the name
	}
	o.para(inner, o.quote(o.t(n.Statement)))
	if f := o.t(n.Focus); f != "" {
		o.para(inner, o.l.T(lang.OutlineFocus)+": "+f)
	}
	o.profileRules(n, inner)
	o.para(inner, o.t(n.Description))
	for _, ind := range n.Indicators {
		o.bullet(inner, o.t(ind))
	}
	if note := o.t(n.Note); note != "" {
		if n.NoteOrigin == framework.OriginHuller {
			note = "[huller] " + note
		}
		o.para(inner, note)
	}
	if len(n.LearningGoals) > 0 {
		names := make([]string, len(n.LearningGoals))
		for i, g := range n.LearningGoals {
			names[i] = o.l.GoalName(string(g))
		}
		line := o.l.T(lang.OutlineLearningGoal) + ": " + strings.Join(names, ", ")
		if o.goalsMixed && n.LearningGoalsOrigin == framework.OriginHuller {
			line += " [huller]"
		}
		o.para(inner, line)
	}
	for _, c := range n.Children {
		o.node(c, indent+2)
	}
}

// profileRules writes a profile's own target, fit or need and specialists.
func (o *writer) profileRules(n *framework.Node, indent int) {
	if n.Area != framework.Profile || n.Depth != 0 {
		return
	}
	var parts []string
	if n.Target >= 0 {
		parts = append(parts, o.l.F(lang.OutlineProfileRules, o.level(n.Target)))
	}
	switch {
	case n.Need > 0:
		parts = append(parts, o.l.F(lang.OutlineNeed, o.l.Int(n.Need), o.l.Int(len(n.Leaves))))
	case n.Fit > 0:
		parts = append(parts, o.l.F(lang.OutlineFit, o.l.Share(n.Fit)))
	}
	if n.Specialists >= 0 {
		parts = append(parts, o.l.F(lang.OutlineSpecialists, o.l.Int(n.Specialists)))
	}
	if len(parts) > 0 {
		o.para(indent, strings.Join(parts, " · "))
	}
}

func (o *writer) role(r *framework.Role) {
	o.printf("\n")
	name := o.t(r.Name)
	if r.Statement == nil && r.Origin == framework.OriginHuller {
		name = withMark(name, o.l.T(lang.OutlineRoleHuller))
	}
	o.head(0, r.ID, name)
	o.para(2, o.quote(o.t(r.Statement)))
	o.para(2, o.t(r.Description))
	// Levels by origin: huller's defaults on one line, the others on
	// another; when everything is huller's, one mark says so.
	var huller, own []string
	for _, k := range r.Requires {
		s := fmt.Sprintf("%s=%d", k.Node, k.Level)
		if k.Origin == framework.OriginHuller {
			huller = append(huller, s)
		} else {
			own = append(own, s)
		}
	}
	profilesHuller := len(r.Profiles) > 0 && r.Origin == framework.OriginHuller
	mixed := len(own) > 0 || len(r.Profiles) > 0 && !profilesHuller
	mark := func(s string) string {
		if mixed {
			return s + " [huller]"
		}
		return s
	}
	if len(huller) > 0 {
		o.para(2, mark(o.l.T(lang.OutlineRequires)+": "+strings.Join(huller, ", ")))
	}
	if len(own) > 0 {
		o.para(2, o.l.T(lang.OutlineRequires)+": "+strings.Join(own, ", "))
	}
	if len(r.Profiles) > 0 {
		line := o.l.T(lang.OutlineExpects) + ": " + strings.Join(r.Profiles, ", ")
		if profilesHuller {
			line = mark(line)
		}
		o.para(2, line)
	}
	if len(huller) > 0 || profilesHuller {
		o.para(2, o.l.T(lang.OutlineLevelsHuller))
	}
}

func (o *writer) notes() {
	if len(o.fw.Notes) == 0 {
		return
	}
	o.printf("\n%s\n", strings.ToUpper(o.l.T(lang.OutlineNotes)))
	for _, n := range o.fw.Notes {
		o.printf("\n")
		title := o.t(n.Title)
		if n.Origin == framework.OriginHuller {
			title = withMark(title, "[huller]")
		}
		o.para(0, title)
		o.para(2, o.t(n.Text))
		o.para(2, o.quote(o.t(n.Statement)))
	}
}
