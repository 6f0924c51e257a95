// Package outline writes a competence framework as an indented, readable
// text outline for the terminal.
package outline

import (
	"fmt"
	"io"
	"strings"

	"github.com/huller/huller/pkg/framework"
)

// labels are the outline's headings per language.
var labels = map[string]map[string]string{
	"en": {"basis": "Basis competences", "profiles": "Profiles", "roles": "Roles", "scale": "Scale",
		"defaults": "Defaults", "source": "Source", "focus": "Focus", "requires": "requires", "covers": "covers",
		"defaultsLine": "required level %d, profile target %d, profile fit %.0f%%", "extends": "Extends"},
	"da": {"basis": "Basiskompetencer", "profiles": "Faglige profiler", "roles": "Roller", "scale": "Skala",
		"defaults": "Standarder", "source": "Kilde", "focus": "Fokus", "requires": "kræver", "covers": "dækker",
		"defaultsLine": "krævet niveau %d, profilmål %d, profil-fit %.0f%%", "extends": "Bygger på"},
	"sl": {"basis": "Temeljne kompetence", "profiles": "Profili", "roles": "Vloge", "scale": "Lestvica",
		"defaults": "Privzeto", "source": "Vir", "focus": "Poudarek", "requires": "zahteva", "covers": "pokriva",
		"defaultsLine": "zahtevana raven %d, ciljna raven profila %d, ujemanje profila %.0f%%", "extends": "Razširja"},
}

// Options control the outline.
type Options struct {
	Lang  string // language of texts and headings; "" for the framework's
	Width int    // wrap width; 0 for 80
}

type writer struct {
	w     io.Writer
	fw    *framework.Framework
	lang  string
	width int
	l     map[string]string
	err   error
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
	ow.l = labels[ow.lang]
	if ow.l == nil {
		ow.l = labels["en"]
	}
	ow.all()
	return ow.err
}

func (o *writer) t(t framework.Text) string { return o.fw.Text(t, o.lang) }

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
	for _, line := range Wrap(text, o.width-indent) {
		o.printf("%s%s\n", strings.Repeat(" ", indent), line)
	}
}

// head writes "id  name" with the name wrapped and aligned under itself.
func (o *writer) head(indent int, id, name string) {
	hang := indent + len([]rune(id)) + 2
	for i, line := range Wrap(name, o.width-hang) {
		if i == 0 {
			o.printf("%s%s  %s\n", strings.Repeat(" ", indent), id, line)
		} else {
			o.printf("%s%s\n", strings.Repeat(" ", hang), line)
		}
	}
}

func (o *writer) all() {
	fw := o.fw
	o.para(0, fw.ID+" — "+o.t(fw.Title))
	if fw.Extends != "" {
		o.printf("%s: %s\n", o.l["extends"], fw.Extends)
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
		o.para(0, o.l["source"]+": "+strings.Join(parts, ", "))
	}
	o.printf("\n")
	o.para(0, o.t(fw.Description))
	o.printf("\n%s\n", o.l["scale"])
	for _, l := range fw.Scale {
		o.printf("  %d  %s\n", l.Level, o.t(l.Label))
		o.para(5, o.t(l.Description))
	}
	o.para(0, o.l["defaults"]+": "+fmt.Sprintf(o.l["defaultsLine"], fw.Defaults.Required, fw.Defaults.Target, fw.Defaults.Fit*100))
	if len(fw.Basis) > 0 {
		o.printf("\n%s\n", strings.ToUpper(o.l["basis"]))
		for _, n := range fw.Basis {
			o.node(n, 0)
		}
	}
	if len(fw.Profiles) > 0 {
		o.printf("\n%s\n", strings.ToUpper(o.l["profiles"]))
		for _, n := range fw.Profiles {
			o.node(n, 0)
		}
	}
	if len(fw.Roles) > 0 {
		o.printf("\n%s\n", strings.ToUpper(o.l["roles"]))
		for _, r := range fw.Roles {
			o.role(r)
		}
	}
}

func (o *writer) node(n *framework.Node, indent int) {
	if indent == 0 {
		o.printf("\n")
	}
	o.head(indent, n.ID, o.t(n.Name))
	inner := indent + 2
	if f := o.t(n.Focus); f != "" {
		o.para(inner, o.l["focus"]+": "+f)
	}
	if n.Area == framework.Profile && n.Depth == 0 && n.Target >= 0 {
		o.para(inner, fmt.Sprintf("target %d", n.Target))
	}
	o.para(inner, o.t(n.Description))
	for _, ind := range n.Indicators {
		lines := Wrap(o.t(ind), o.width-inner-2)
		for i, line := range lines {
			bullet := "- "
			if i > 0 {
				bullet = "  "
			}
			o.printf("%s%s%s\n", strings.Repeat(" ", inner), bullet, line)
		}
	}
	for _, c := range n.Children {
		o.node(c, inner)
	}
}

func (o *writer) role(r *framework.Role) {
	o.printf("\n")
	o.head(0, r.ID, o.t(r.Name))
	o.para(2, o.t(r.Description))
	if len(r.Requires) > 0 {
		parts := make([]string, len(r.Requires))
		for i, k := range r.Requires {
			parts[i] = fmt.Sprintf("%s=%d", k.Node, k.Level)
		}
		o.para(2, o.l["requires"]+": "+strings.Join(parts, ", "))
	}
	if len(r.Profiles) > 0 {
		o.para(2, o.l["covers"]+": "+strings.Join(r.Profiles, ", "))
	}
}

// Wrap breaks text into lines of at most width runes at spaces; a word
// longer than width stands on its own line. Existing line breaks are kept.
func Wrap(text string, width int) []string {
	if width < 10 {
		width = 10
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line, n := "", 0
		for _, word := range strings.Fields(para) {
			wl := len([]rune(word))
			if n > 0 && n+1+wl > width {
				out = append(out, line)
				line, n = "", 0
			}
			if n > 0 {
				line += " "
				n++
			}
			line += word
			n += wl
		}
		out = append(out, line)
	}
	return out
}
