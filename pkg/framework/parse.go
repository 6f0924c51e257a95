package framework

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/huller/huller/pkg/limits"
)

// MaxFileSize caps a framework file, so that a hostile file cannot exhaust
// memory. The largest built-in framework is a small fraction of it.
const MaxFileSize = limits.FrameworkFile

// maxYAMLNodes caps the YAML values visited while reading one file, aliases
// expanded: it stops alias bombs ("billion laughs") in linear time.
const maxYAMLNodes = limits.FrameworkYAMLNodes

var (
	idPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	langPattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// unset marks an origin a file does not give, until the file's own default
// (its top-level `origin`) is known.
const unset Origin = "\x00unset"

// doc is what one file says, before extends is resolved.
type doc struct {
	file         string
	id           string
	idPos        Pos
	extends      string
	extendsPos   Pos
	language     string
	langPos      Pos
	title        Text
	titlePos     Pos
	hasTitle     bool
	source       *Source
	desc         Text
	hasDesc      bool
	origin       Origin // the file's default origin; unset when not given
	scale        []scaleEdit
	scalePos     Pos
	defaults     defaultsEdit
	basis        []*Node
	profiles     []*Node
	roles        []roleEdit
	targetGroups []*TargetGroup
	goalTypes    []LearningGoalType
	notes        []*Note
	hasGroups    bool // target_groups given
	hasGoalTypes bool // learning_goal_types given
	hasNotes     bool // notes given
	metadata     map[string]any
	remove       []ref
	removeRole   []ref
	change       []changeEdit
	add          []addEdit
	groups       map[*Node]bool // nodes declared with an `items` key
	rootPos      Pos
}

type ref struct {
	id  string
	pos Pos
}

type scaleEdit struct {
	level      Level
	hasLabel   bool
	hasDesc    bool
	hasTeaches bool
}

type defaultsEdit struct {
	required, target       *int
	fit                    *float64
	requiredPos, targetPos Pos
	fitPos                 Pos
	// origin is the block's `origin`; the others a value's own long form.
	origin, requiredOrigin, targetOrigin, fitOrigin Origin
}

type roleEdit struct {
	role                                  *Role
	hasName, hasDesc, hasReq, hasProfiles bool
	hasStatement, hasOrigin               bool
}

type changeEdit struct {
	ref
	name, desc, focus, statement, note Text
	indicators                         []Text
	goals                              []LearningGoal
	goalsOrigin, noteOrigin            Origin
	target, need, specialists          int
	fit                                float64
	hasName, hasDesc                   bool
	hasFocus, hasIndic                 bool
	hasStatement, hasNote, hasGoals    bool
	hasTarget, hasFit, hasNeed         bool
	hasSpecialists                     bool
	targetPos, fitPos, needPos         Pos
	specialistsPos, goalsPos           Pos
}

type addEdit struct {
	under ref
	node  *Node
}

type parser struct {
	YAMLReader
	fwNodes int // groups, competences and profiles read
	doc     *doc
}

// errTooMany stops the walk when a file holds too many groups,
// competences and profiles (ErrYAMLBudget when it expands to too many YAML
// values).
var errTooMany = errors.New("too many nodes")

// parseDoc reads one framework file into a doc. It never panics on input.
func parseDoc(file string, r io.Reader) (d *doc, diags Diagnostics) {
	p := &parser{YAMLReader: YAMLReader{File: file, Budget: maxYAMLNodes}, doc: &doc{file: file, groups: map[*Node]bool{}, origin: unset}}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, Diagnostics{{Pos: Pos{File: file}, Message: fmt.Sprintf("cannot read: %v", err)}}
	}
	if len(data) > MaxFileSize {
		return nil, Diagnostics{{Pos: Pos{File: file}, Message: fmt.Sprintf("file is larger than %d MiB, the limit for a framework file (a real one is a few hundred KiB at most)", MaxFileSize>>20)}}
	}
	if n := yamlValues(data); n > maxYAMLNodes {
		return nil, Diagnostics{{Pos: Pos{File: file}, Message: budgetMessage(false)}}
	}
	top, diags := DecodeYAML(file, data, "framework", "id, title, language and scale")
	if diags != nil {
		return nil, diags
	}
	defer func() {
		if r := recover(); r != nil {
			d = nil
			switch r {
			case ErrYAMLBudget:
				diags = append(p.Diags, Diagnostic{Pos: Pos{File: file}, Message: budgetMessage(p.Aliases())})
			case errTooMany:
				msg := fmt.Sprintf("file holds more than %s groups, competences and profiles; huller accepts at most %s in a framework", thousands(limits.FrameworkNodes), thousands(limits.FrameworkNodes))
				if p.Aliases() {
					msg = fmt.Sprintf("file expands to more than %s groups, competences and profiles through its aliases, the limit for a framework (an alias bomb?); write the values out instead of repeating aliases", thousands(limits.FrameworkNodes))
				}
				diags = append(p.Diags, Diagnostic{Pos: Pos{File: file}, Message: msg})
			default:
				panic(r)
			}
		}
	}()
	p.doc.rootPos = p.Pos(top)
	if !p.looksLikeFramework(top) {
		return nil, p.Diags
	}
	p.top(top)
	p.resolveOrigins()
	return p.doc, p.Diags
}

// budgetMessage names the limit a file hit: its YAML values, counted with
// alias expansions when the file uses aliases.
func budgetMessage(aliases bool) string {
	if aliases {
		return fmt.Sprintf("file expands to more than %s YAML values through its aliases, the limit for a framework file (an alias bomb?); write the values out instead of repeating aliases", thousands(maxYAMLNodes))
	}
	return fmt.Sprintf("file holds more than %s YAML values, the limit for a framework file (a framework has at most %s competences); split it, or remove what huller does not read", thousands(maxYAMLNodes), thousands(limits.FrameworkNodes))
}

// yamlValues counts the characters that can start a YAML value (a line
// start, '-', ',', '[', '{', ':', '?'): about the number of values in data,
// so that a file of millions of tiny values is refused before it is decoded
// into millions of nodes.
func yamlValues(data []byte) int {
	n := 1
	for _, c := range data {
		switch c {
		case '\n', '-', ',', '[', '{', ':', '?':
			n++
		}
	}
	return n
}

// thousands formats n with commas: 1,000,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// looksLikeFramework reports whether the top of a file is a mapping with at
// least one key of the framework format. A file that is not a framework
// (a password file, an .env file named by mistake) gets one short message,
// and none of its contents is repeated.
func (p *parser) looksLikeFramework(n *yaml.Node) bool {
	n = p.Deref(n)
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := p.Deref(n.Content[i]); k.Kind == yaml.ScalarNode && slices.Contains(topKeys, k.Value) {
				return true
			}
		}
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 0 {
		return true // an empty mapping: the missing keys are reported
	}
	p.Diags = append(p.Diags, Diagnostic{Pos: Pos{File: p.File}, Message: "is not a framework file: it has none of the keys id, title, language, scale …"})
	return false
}

// maxQuoted is how many characters of a value from a file messages quote:
// enough to find it, never a file's contents.
const maxQuoted = 60

// clip shortens s to at most maxQuoted characters, ending in "…".
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return s
	}
	r := []rune(s)
	return string(r[:maxQuoted-1]) + "…"
}

// quote quotes a value from a file for a message, clipped.
func quote(s string) string { return strconv.Quote(clip(s)) }

var topKeys = []string{"id", "title", "language", "source", "description", "origin", "scale", "defaults",
	"basis", "profiles", "roles", "target_groups", "learning_goal_types", "notes", "metadata",
	"extends", "remove", "remove_roles", "change", "add"}

func (p *parser) top(n *yaml.Node) {
	d := p.doc
	p.Fields(n, "the framework", topKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			d.id, d.idPos = p.id(v, "framework id")
		case "extends":
			d.extends, d.extendsPos = p.Str(v, "extends")
		case "language":
			d.language, d.langPos = p.Str(v, "language")
			if d.language != "" && !langPattern.MatchString(d.language) {
				p.Errorf(v, "language %s is not a BCP 47 language code such as da, sl or en", quote(d.language))
			}
		case "title":
			d.title, d.hasTitle, d.titlePos = p.name(v, "title"), true, p.Pos(v)
		case "description":
			d.desc, d.hasDesc = p.text(v, "description"), true
		case "source":
			d.source = p.source(v)
		case "origin":
			d.origin = p.origin(v)
		case "scale", "basis", "profiles", "roles":
			p.topList(key, v)
		case "defaults":
			p.defaults(v)
		case "target_groups":
			d.hasGroups = true
			d.targetGroups = p.targetGroups(v, 1)
		case "learning_goal_types":
			d.hasGoalTypes = true
			p.goalTypes(v)
		case "notes":
			d.hasNotes = true
			p.notes(v)
		case "metadata":
			p.metadata(v)
		case "remove":
			d.remove = p.refs(v, "remove")
		case "remove_roles":
			d.removeRole = p.refs(v, "remove_roles")
		case "change":
			p.changes(v)
		case "add":
			p.List(v, "add", func(e *yaml.Node) { p.addition(e) })
		}
	})
	if d.extends == "" {
		for _, c := range []struct {
			name string
			set  bool
		}{{"remove", d.remove != nil}, {"remove_roles", d.removeRole != nil}, {"change", d.change != nil}, {"add", d.add != nil}} {
			if c.set {
				p.Diags = append(p.Diags, Diagnostic{Pos: d.rootPos, Message: fmt.Sprintf("`%s` only works in a framework that `extends` another one; add `extends: <id or file>` or remove `%s`", c.name, c.name)})
			}
		}
	}
}

// topList reads the top-level list key: the scale, the basis groups, the
// profiles or the roles.
func (p *parser) topList(key string, v *yaml.Node) {
	d := p.doc
	switch key {
	case "scale":
		d.scalePos = p.Pos(v)
		p.List(v, "scale", func(e *yaml.Node) {
			if l, ok := p.level(e); ok {
				d.scale = append(d.scale, l)
			}
		})
	case "basis":
		p.List(v, "basis", func(e *yaml.Node) {
			if nd := p.node(e, Basis, 0, "basis group"); nd != nil {
				d.basis = append(d.basis, nd)
			}
		})
	case "profiles":
		p.List(v, "profiles", func(e *yaml.Node) {
			if nd := p.node(e, Profile, 0, "profile"); nd != nil {
				d.profiles = append(d.profiles, nd)
			}
		})
	case "roles":
		p.List(v, "roles", func(e *yaml.Node) {
			if r, ok := p.role(e); ok {
				d.roles = append(d.roles, r)
			}
		})
	}
}

// id reads an identifier and checks its syntax and length.
func (p *parser) id(n *yaml.Node, what string) (string, Pos) {
	s, pos := p.Str(n, what)
	switch {
	case len(s) > limits.FrameworkID:
		p.Errorf(n, "%s %s is %d characters long; huller accepts ids of at most %d", what, quote(s), len(s), limits.FrameworkID)
	case s != "" && !idPattern.MatchString(s):
		p.Errorf(n, "%s %s may only hold ASCII letters, digits, '.', '_' and '-' (no spaces), starting with a letter or digit", what, quote(s))
	}
	return s, pos
}

// integer reads an integer scalar.
func (p *parser) integer(n *yaml.Node, what string) (int, bool) {
	n = p.Deref(n)
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.Atoi(strings.TrimSpace(n.Value)); err == nil {
			return v, true
		}
	}
	p.Errorf(n, "%s must be a whole number, not %s", what, KindName(n))
	return 0, false
}

// number reads a decimal number.
func (p *parser) number(n *yaml.Node, what, hint string) (float64, bool) {
	n = p.Deref(n)
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64); err == nil {
			return v, true
		}
	}
	p.Errorf(n, "%s must be a number%s, not %s", what, hint, KindName(n))
	return 0, false
}

// boolean reads true or false.
func (p *parser) boolean(n *yaml.Node, what string) bool {
	n = p.Deref(n)
	if n.Kind == yaml.ScalarNode {
		switch strings.TrimSpace(n.Value) {
		case "true":
			return true
		case "false":
			return false
		}
	}
	p.Errorf(n, "%s must be true or false, not %s", what, KindName(n))
	return false
}

// origin reads `source`, `huller` or `local`.
func (p *parser) origin(n *yaml.Node) Origin {
	s, _ := p.Str(n, "origin")
	switch s {
	case "source":
		return OriginSource
	case "huller":
		return OriginHuller
	case "local":
		return OriginLocal
	case "":
		return unset
	}
	p.Errorf(p.Deref(n), "origin %s is not one of source, huller, local", quote(s))
	return unset
}

// longForm reads a value that may carry its own origin: the plain value,
// or `{value: …, origin: …}`. value reads the value node.
func (p *parser) longForm(n *yaml.Node, what string, value func(*yaml.Node)) Origin {
	d := p.Deref(n)
	if d.Kind != yaml.MappingNode || !hasKey(d, "value") {
		value(n)
		return unset
	}
	o, has := unset, false
	p.Fields(d, what, []string{"value", "origin"}, func(key string, _, v *yaml.Node) {
		switch key {
		case "value":
			has = true
			value(v)
		case "origin":
			o = p.origin(v)
		}
	})
	if !has {
		p.Errorf(d, "%s needs `value:`", what)
	}
	return o
}

// hasKey reports whether mapping n has key.
func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// name reads a short Text: a name, label, title or focus line.
func (p *parser) name(n *yaml.Node, what string) Text {
	return p.textMax(n, what, limits.FrameworkName)
}

// text reads a longer Text: a description, statement, note or indicator.
func (p *parser) text(n *yaml.Node, what string) Text {
	return p.textMax(n, what, limits.FrameworkText)
}

// textMax reads a Text: a plain string in the framework's language (stored
// under the key "" until the language is known) or a map of language to
// string. A text longer than max characters is an error.
func (p *parser) textMax(n *yaml.Node, what string, max int) Text {
	n = p.Deref(n)
	check := func(v *yaml.Node, s string) bool {
		if c := utf8.RuneCountInString(s); c > max {
			p.Errorf(v, "%s is %d characters long; huller accepts at most %d", what, c, max)
			return false
		}
		return true
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			p.Errorf(n, "%s is empty; write the text, or remove the key", what)
			return nil
		}
		s := strings.TrimSpace(n.Value)
		if !check(n, s) {
			return nil
		}
		return Text{"": s}
	case yaml.MappingNode:
		t := Text{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := p.Deref(n.Content[i]), p.Deref(n.Content[i+1])
			if !langPattern.MatchString(k.Value) {
				p.Errorf(k, "%s: %s is not a language code; write texts as `%s: {da: \"…\", en: \"…\"}`", what, quote(k.Value), lastWord(what))
				continue
			}
			if _, dup := t[k.Value]; dup {
				p.Errorf(k, "%s: language %q is given twice", what, k.Value)
				continue
			}
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
				p.Errorf(v, "%s in %q must be a non-empty text, not %s", what, k.Value, KindName(v))
				continue
			}
			if s := strings.TrimSpace(v.Value); check(v, s) {
				t[k.Value] = s
			}
		}
		return t
	}
	p.Errorf(n, "%s must be a text or a mapping of language to text (e.g. {da: \"…\", en: \"…\"}), not %s", what, KindName(n))
	return nil
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func (p *parser) texts(n *yaml.Node, what string) []Text {
	var out []Text
	p.List(n, what, func(e *yaml.Node) {
		if t := p.text(e, what); t != nil {
			out = append(out, t)
		}
	})
	return out
}

func (p *parser) source(n *yaml.Node) *Source {
	s := &Source{}
	p.Fields(n, "source", []string{"title", "publisher", "year", "url"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "title":
			s.Title, _ = p.Str(v, "source title")
		case "publisher":
			s.Publisher, _ = p.Str(v, "source publisher")
		case "year":
			s.Year, _ = p.integer(v, "source year")
		case "url":
			s.URL, _ = p.Str(v, "source url")
		}
	})
	return s
}

func (p *parser) level(n *yaml.Node) (scaleEdit, bool) {
	e := scaleEdit{level: Level{Origin: unset}}
	e.level.Pos = p.Pos(p.Deref(n))
	hasLevel, levelBad := false, false
	p.Fields(n, "a scale level", []string{"level", "label", "description", "teaches", "origin"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "level":
			e.level.Level, hasLevel = p.integer(v, "level")
			levelBad = !hasLevel
			e.level.Pos = p.Pos(p.Deref(v))
		case "label":
			e.level.Label, e.hasLabel = p.name(v, "scale label"), true
		case "description":
			e.level.Description, e.hasDesc = p.text(v, "scale description"), true
		case "teaches":
			e.level.Teaches, e.hasTeaches = p.boolean(v, "teaches"), true
		case "origin":
			e.level.Origin = p.origin(v)
		}
	})
	if !hasLevel && !levelBad {
		p.Errorf(p.Deref(n), "a scale level needs `level: <whole number>`")
	}
	return e, hasLevel
}

func (p *parser) defaults(n *yaml.Node) {
	de := &p.doc.defaults
	de.origin, de.requiredOrigin, de.targetOrigin, de.fitOrigin = unset, unset, unset, unset
	p.Fields(n, "defaults", []string{"required", "target", "fit", "origin"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "required":
			de.requiredOrigin = p.longForm(v, "defaults.required", func(v *yaml.Node) {
				if x, ok := p.integer(v, "defaults.required"); ok {
					de.required, de.requiredPos = &x, p.Pos(p.Deref(v))
				}
			})
		case "target":
			de.targetOrigin = p.longForm(v, "defaults.target", func(v *yaml.Node) {
				if x, ok := p.integer(v, "defaults.target"); ok {
					de.target, de.targetPos = &x, p.Pos(p.Deref(v))
				}
			})
		case "fit":
			de.fitOrigin = p.longForm(v, "defaults.fit", func(v *yaml.Node) {
				if x, ok := p.number(v, "defaults.fit", " between 0 and 1 (e.g. 0.75)"); ok {
					de.fit, de.fitPos = &x, p.Pos(p.Deref(v))
				}
			})
		case "origin":
			de.origin = p.origin(v)
		}
	})
}

// resolveOrigins gives every value the file does not mark the origin of
// its block, else the file's own default, else local.
func (p *parser) resolveOrigins() {
	d := p.doc
	if d.origin == unset {
		d.origin = OriginLocal
	}
	or := func(o, def Origin) Origin {
		if o == unset {
			return def
		}
		return o
	}
	for i := range d.scale {
		d.scale[i].level.Origin = or(d.scale[i].level.Origin, d.origin)
	}
	de := &d.defaults
	block := or(de.origin, d.origin)
	de.requiredOrigin, de.targetOrigin, de.fitOrigin = or(de.requiredOrigin, block), or(de.targetOrigin, block), or(de.fitOrigin, block)
	for _, r := range d.roles {
		r.role.Origin = or(r.role.Origin, d.origin)
		for i := range r.role.Requires {
			r.role.Requires[i].Origin = or(r.role.Requires[i].Origin, r.role.Origin)
		}
	}
	var walk func([]*Node)
	walk = func(ns []*Node) {
		for _, n := range ns {
			n.LearningGoalsOrigin = or(n.LearningGoalsOrigin, d.origin)
			n.NoteOrigin = or(n.NoteOrigin, d.origin)
			walk(n.Children)
		}
	}
	walk(d.basis)
	walk(d.profiles)
	for _, a := range d.add {
		walk([]*Node{a.node})
	}
	for i := range d.change {
		d.change[i].goalsOrigin = or(d.change[i].goalsOrigin, d.origin)
		d.change[i].noteOrigin = or(d.change[i].noteOrigin, d.origin)
	}
	for _, nt := range d.notes {
		nt.Origin = or(nt.Origin, d.origin)
	}
}

// refs reads a list of ids.
func (p *parser) refs(n *yaml.Node, what string) []ref {
	out := []ref{}
	p.List(n, what, func(e *yaml.Node) {
		if s, pos := p.Str(e, what+" entry"); s != "" {
			out = append(out, ref{s, pos})
		}
	})
	return out
}

func (p *parser) metadata(n *yaml.Node) {
	var m map[string]any
	if err := p.Deref(n).Decode(&m); err != nil {
		p.Errorf(n, "metadata must be a mapping of keys to values: %s", clip(strings.TrimPrefix(err.Error(), "yaml: ")))
		return
	}
	p.doc.metadata = m
}

// sortedKeys returns the keys of a map in order.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
