package framework

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/huller/huller/pkg/limits"
)

// MaxFileSize caps a framework file, so that a hostile file cannot exhaust
// memory. The largest built-in framework is a small fraction of it.
const MaxFileSize = limits.FrameworkFile

// maxNodes caps the YAML nodes visited while reading one file, aliases
// expanded: it stops alias bombs ("billion laughs") in linear time.
const maxNodes = limits.FrameworkNodes

var (
	idPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	langPattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// doc is what one file says, before extends is resolved.
type doc struct {
	file       string
	id         string
	idPos      Pos
	extends    string
	extendsPos Pos
	language   string
	langPos    Pos
	title      Text
	titlePos   Pos
	hasTitle   bool
	source     *Source
	desc       Text
	hasDesc    bool
	scale      []scaleEdit
	scalePos   Pos
	defaults   defaultsEdit
	basis      []*Node
	profiles   []*Node
	roles      []roleEdit
	metadata   map[string]any
	remove     []ref
	removeRole []ref
	change     []changeEdit
	add        []addEdit
	groups     map[*Node]bool // nodes declared with an `items` key
	rootPos    Pos
}

type ref struct {
	id  string
	pos Pos
}

type scaleEdit struct {
	level    Level
	hasLabel bool
	hasDesc  bool
}

type defaultsEdit struct {
	required, target       *int
	fit                    *float64
	requiredPos, targetPos Pos
	fitPos                 Pos
}

type roleEdit struct {
	role                                  *Role
	hasName, hasDesc, hasReq, hasProfiles bool
}

type changeEdit struct {
	ref
	name, desc, focus  Text
	indicators         []Text
	target             int
	hasName, hasDesc   bool
	hasFocus, hasIndic bool
	hasTarget          bool
	targetPos          Pos
}

type addEdit struct {
	under ref
	node  *Node
}

type parser struct {
	file  string
	diags Diagnostics
	nodes int
	doc   *doc
}

func (p *parser) pos(n *yaml.Node) Pos { return at(p.file, n.Line, n.Column) }

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.diags = append(p.diags, Diagnostic{Pos: p.pos(n), Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// errBudget stops the walk when a file expands to too many nodes.
var errBudget = errors.New("budget")

// deref follows aliases and counts visited nodes.
func (p *parser) deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	p.nodes++
	if p.nodes > maxNodes {
		panic(errBudget)
	}
	return n
}

// parseDoc reads one framework file into a doc. It never panics on input.
func parseDoc(file string, r io.Reader) (d *doc, diags Diagnostics) {
	p := &parser{file: file, doc: &doc{file: file, groups: map[*Node]bool{}}}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, Diagnostics{{Pos: Pos{File: file}, Message: fmt.Sprintf("cannot read: %v", err)}}
	}
	if len(data) > MaxFileSize {
		return nil, Diagnostics{{Pos: Pos{File: file}, Message: fmt.Sprintf("file is larger than %d MiB; a framework file is a few hundred KiB at most", MaxFileSize>>20)}}
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Diagnostics{{Pos: Pos{File: file}, Message: "file is empty; a framework needs at least id, title, language and scale"}}
		}
		return nil, Diagnostics{yamlError(file, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Diagnostics{{Pos: at(file, extra.Line, extra.Column), Message: "a framework file holds one YAML document; remove the `---` and what follows, or split it into two files"}}
	}
	defer func() {
		if r := recover(); r != nil {
			if r != errBudget {
				panic(r)
			}
			d = nil
			diags = append(p.diags, Diagnostic{Pos: Pos{File: file}, Message: fmt.Sprintf("file expands to more than %d YAML nodes through aliases (an alias bomb?); write the values out instead of repeating aliases", maxNodes)})
		}
	}()
	top := &root
	if top.Kind == yaml.DocumentNode && len(top.Content) > 0 {
		top = top.Content[0]
	}
	p.doc.rootPos = p.pos(top)
	p.top(top)
	return p.doc, p.diags
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a yaml syntax error into a diagnostic with its line.
func yamlError(file string, err error) Diagnostic {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return Diagnostic{Pos: at(file, line, 1), Message: "YAML syntax: " + m[2]}
	}
	return Diagnostic{Pos: Pos{File: file}, Message: "YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// fields walks a mapping, calling fn for each known key and reporting
// unknown and repeated keys. what names the mapping in messages.
func (p *parser) fields(n *yaml.Node, what string, known []string, fn func(key string, k, v *yaml.Node)) bool {
	n = p.deref(n)
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping of keys (%s), not %s", what, strings.Join(known, ", "), kindName(n))
		return false
	}
	seen := map[string]Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := p.deref(n.Content[i]), n.Content[i+1]
		key := k.Value
		if first, dup := seen[key]; dup {
			p.errorf(k, "key %q is given twice in %s (first at %s)", key, what, first.short())
			continue
		}
		seen[key] = p.pos(k)
		if !contains(known, key) {
			p.errorf(k, "unknown key %q in %s%s; expected one of: %s", key, what, didYouMean(key, known), strings.Join(known, ", "))
			continue
		}
		fn(key, k, v)
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "something else"
}

var topKeys = []string{"id", "title", "language", "source", "description", "scale", "defaults",
	"basis", "profiles", "roles", "metadata", "extends", "remove", "remove_roles", "change", "add"}

func (p *parser) top(n *yaml.Node) {
	d := p.doc
	p.fields(n, "the framework", topKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			d.id, d.idPos = p.id(v, "framework id")
		case "extends":
			d.extends, d.extendsPos = p.str(v, "extends")
		case "language":
			d.language, d.langPos = p.str(v, "language")
			if d.language != "" && !langPattern.MatchString(d.language) {
				p.errorf(v, "language %q is not a BCP 47 language code such as da, sl or en", d.language)
			}
		case "title":
			d.title, d.hasTitle, d.titlePos = p.text(v, "title"), true, p.pos(v)
		case "description":
			d.desc, d.hasDesc = p.text(v, "description"), true
		case "source":
			d.source = p.source(v)
		case "scale":
			d.scalePos = p.pos(v)
			p.list(v, "scale", func(e *yaml.Node) {
				if l, ok := p.level(e); ok {
					d.scale = append(d.scale, l)
				}
			})
		case "defaults":
			p.defaults(v)
		case "basis":
			p.list(v, "basis", func(e *yaml.Node) {
				if nd := p.node(e, Basis, 0, "basis group"); nd != nil {
					d.basis = append(d.basis, nd)
				}
			})
		case "profiles":
			p.list(v, "profiles", func(e *yaml.Node) {
				if nd := p.node(e, Profile, 0, "profile"); nd != nil {
					d.profiles = append(d.profiles, nd)
				}
			})
		case "roles":
			p.list(v, "roles", func(e *yaml.Node) {
				if r, ok := p.role(e); ok {
					d.roles = append(d.roles, r)
				}
			})
		case "metadata":
			p.metadata(v)
		case "remove":
			d.remove = p.refs(v, "remove")
		case "remove_roles":
			d.removeRole = p.refs(v, "remove_roles")
		case "change":
			p.changes(v)
		case "add":
			p.list(v, "add", func(e *yaml.Node) { p.addition(e) })
		}
	})
	if d.extends == "" {
		for _, c := range []struct {
			name string
			set  bool
		}{{"remove", d.remove != nil}, {"remove_roles", d.removeRole != nil}, {"change", d.change != nil}, {"add", d.add != nil}} {
			if c.set {
				p.diags = append(p.diags, Diagnostic{Pos: d.rootPos, Message: fmt.Sprintf("`%s` only works in a framework that `extends` another one; add `extends: <id or file>` or remove `%s`", c.name, c.name)})
			}
		}
	}
}

// str reads a scalar string.
func (p *parser) str(n *yaml.Node, what string) (string, Pos) {
	n = p.deref(n)
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s must be a single value, not %s", what, kindName(n))
		return "", p.pos(n)
	}
	return strings.TrimSpace(n.Value), p.pos(n)
}

// id reads an identifier and checks its syntax.
func (p *parser) id(n *yaml.Node, what string) (string, Pos) {
	s, pos := p.str(n, what)
	if s != "" && !idPattern.MatchString(s) {
		p.errorf(n, "%s %q may only hold ASCII letters, digits, '.', '_' and '-' (no spaces), starting with a letter or digit", what, s)
	}
	return s, pos
}

// integer reads an integer scalar.
func (p *parser) integer(n *yaml.Node, what string) (int, bool) {
	n = p.deref(n)
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.Atoi(strings.TrimSpace(n.Value)); err == nil {
			return v, true
		}
	}
	p.errorf(n, "%s must be a whole number, not %s", what, kindName(n))
	return 0, false
}

// list walks a sequence.
func (p *parser) list(n *yaml.Node, what string, fn func(*yaml.Node)) {
	n = p.deref(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list (lines starting with \"- \"), not %s", what, kindName(n))
		return
	}
	for _, e := range n.Content {
		fn(e)
	}
}

// text reads a Text: a plain string in the framework's language (stored
// under the key "" until the language is known) or a map of language to string.
func (p *parser) text(n *yaml.Node, what string) Text {
	n = p.deref(n)
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			p.errorf(n, "%s is empty; write the text, or remove the key", what)
			return nil
		}
		return Text{"": strings.TrimSpace(n.Value)}
	case yaml.MappingNode:
		t := Text{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := p.deref(n.Content[i]), p.deref(n.Content[i+1])
			if !langPattern.MatchString(k.Value) {
				p.errorf(k, "%s: %q is not a language code; write texts as `%s: {da: \"…\", en: \"…\"}`", what, k.Value, lastWord(what))
				continue
			}
			if _, dup := t[k.Value]; dup {
				p.errorf(k, "%s: language %q is given twice", what, k.Value)
				continue
			}
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
				p.errorf(v, "%s in %q must be a non-empty text, not %s", what, k.Value, kindName(v))
				continue
			}
			t[k.Value] = strings.TrimSpace(v.Value)
		}
		return t
	}
	p.errorf(n, "%s must be a text or a mapping of language to text (e.g. {da: \"…\", en: \"…\"}), not %s", what, kindName(n))
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
	p.list(n, what, func(e *yaml.Node) {
		if t := p.text(e, what); t != nil {
			out = append(out, t)
		}
	})
	return out
}

func (p *parser) source(n *yaml.Node) *Source {
	s := &Source{}
	p.fields(n, "source", []string{"title", "publisher", "year", "url"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "title":
			s.Title, _ = p.str(v, "source title")
		case "publisher":
			s.Publisher, _ = p.str(v, "source publisher")
		case "year":
			s.Year, _ = p.integer(v, "source year")
		case "url":
			s.URL, _ = p.str(v, "source url")
		}
	})
	return s
}

func (p *parser) level(n *yaml.Node) (scaleEdit, bool) {
	var e scaleEdit
	e.level.Pos = p.pos(n)
	hasLevel, levelBad := false, false
	p.fields(n, "a scale level", []string{"level", "label", "description"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "level":
			e.level.Level, hasLevel = p.integer(v, "level")
			levelBad = !hasLevel
			e.level.Pos = p.pos(p.deref(v))
		case "label":
			e.level.Label, e.hasLabel = p.text(v, "scale label"), true
		case "description":
			e.level.Description, e.hasDesc = p.text(v, "scale description"), true
		}
	})
	if !hasLevel && !levelBad {
		p.errorf(n, "a scale level needs `level: <whole number>`")
	}
	return e, hasLevel
}

func (p *parser) defaults(n *yaml.Node) {
	de := &p.doc.defaults
	p.fields(n, "defaults", []string{"required", "target", "fit"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "required":
			if x, ok := p.integer(v, "defaults.required"); ok {
				de.required, de.requiredPos = &x, p.pos(p.deref(v))
			}
		case "target":
			if x, ok := p.integer(v, "defaults.target"); ok {
				de.target, de.targetPos = &x, p.pos(p.deref(v))
			}
		case "fit":
			v = p.deref(v)
			x, err := strconv.ParseFloat(strings.TrimSpace(v.Value), 64)
			if v.Kind != yaml.ScalarNode || err != nil {
				p.errorf(v, "defaults.fit must be a number between 0 and 1 (e.g. 0.75), not %s", kindName(v))
				return
			}
			de.fit, de.fitPos = &x, p.pos(v)
		}
	})
}

var nodeKeys = []string{"id", "name", "description", "indicators", "items"}
var profileKeys = []string{"id", "name", "focus", "description", "target", "indicators", "items"}

// node reads a node and its items.
func (p *parser) node(n *yaml.Node, area Area, depth int, what string) *Node {
	keys := nodeKeys
	if area == Profile && depth == 0 {
		keys = profileKeys
	}
	nd := &Node{Area: area, Depth: depth, Target: -1, Leaf: -1}
	nd.Pos = p.pos(p.deref(n))
	p.nodeFields(n, nd, what, keys, nil)
	return nd
}

// nodeFields reads a node's keys; extra handles keys beyond the node's own.
func (p *parser) nodeFields(n *yaml.Node, nd *Node, what string, keys []string, extra func(key string, v *yaml.Node)) {
	hasID, hasName := false, false
	ok := p.fields(n, "a "+what, keys, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			nd.ID, nd.Pos = p.id(v, what+" id")
			hasID = true
		case "name":
			nd.Name, hasName = p.text(v, "name"), true
		case "description":
			nd.Description = p.text(v, "description")
		case "focus":
			nd.Focus = p.text(v, "focus")
		case "indicators":
			nd.Indicators = p.texts(v, "indicators")
		case "target":
			if x, ok := p.integer(v, "target"); ok {
				nd.Target = x
			}
		case "items":
			p.doc.groups[nd] = true
			child := "competence"
			if nd.Area == Profile {
				child = "profile item"
			} else if nd.Depth >= 1 {
				child = "sub-competence"
			}
			p.list(v, "items", func(e *yaml.Node) {
				if c := p.node(e, nd.Area, nd.Depth+1, child); c != nil {
					nd.Children = append(nd.Children, c)
				}
			})
		default:
			if extra != nil {
				extra(key, v)
			}
		}
	})
	if !ok {
		return
	}
	if !hasID {
		p.errorf(p.deref(n), "a %s needs an `id`", what)
	}
	if !hasName {
		p.errorf(p.deref(n), "%s %q needs a `name`", what, nd.ID)
	}
}

func (p *parser) role(n *yaml.Node) (roleEdit, bool) {
	r := roleEdit{role: &Role{}}
	r.role.Pos = p.pos(p.deref(n))
	hasID := false
	ok := p.fields(n, "a role", []string{"id", "name", "description", "requires", "profiles"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			r.role.ID, r.role.Pos = p.id(v, "role id")
			hasID = true
		case "name":
			r.role.Name, r.hasName = p.text(v, "role name"), true
		case "description":
			r.role.Description, r.hasDesc = p.text(v, "role description"), true
		case "requires":
			r.hasReq = true
			p.requires(v, r.role)
		case "profiles":
			r.hasProfiles = true
			r.role.Profiles = []string{}
			for _, x := range p.refs(v, "role profiles") {
				r.role.Profiles = append(r.role.Profiles, x.id)
				r.role.profilePos = append(r.role.profilePos, x.pos)
			}
		}
	})
	if ok && !hasID {
		p.errorf(p.deref(n), "a role needs an `id`")
	}
	return r, ok && hasID
}

func (p *parser) requires(n *yaml.Node, r *Role) {
	n = p.deref(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "requires must map competence ids to levels (e.g. \"2.3\": 3), not %s", kindName(n))
		return
	}
	seen := map[string]Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := p.deref(n.Content[i])
		id := strings.TrimSpace(k.Value)
		if first, dup := seen[id]; dup {
			p.errorf(k, "role %q requires %q twice (first at %s)", r.ID, id, first.short())
			continue
		}
		seen[id] = p.pos(k)
		lvl, ok := p.integer(n.Content[i+1], fmt.Sprintf("the required level for %q", id))
		if ok {
			r.Requires = append(r.Requires, Requirement{Node: id, Level: lvl, Pos: p.pos(k)})
		}
	}
}

// refs reads a list of ids.
func (p *parser) refs(n *yaml.Node, what string) []ref {
	out := []ref{}
	p.list(n, what, func(e *yaml.Node) {
		if s, pos := p.str(e, what+" entry"); s != "" {
			out = append(out, ref{s, pos})
		}
	})
	return out
}

func (p *parser) metadata(n *yaml.Node) {
	var m map[string]any
	if err := p.deref(n).Decode(&m); err != nil {
		p.errorf(n, "metadata must be a mapping of keys to values: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return
	}
	p.doc.metadata = m
}

func (p *parser) changes(n *yaml.Node) {
	n = p.deref(n)
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "change must map node ids to the fields to change, not %s", kindName(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := p.deref(n.Content[i])
		c := changeEdit{ref: ref{strings.TrimSpace(k.Value), p.pos(k)}}
		p.fields(n.Content[i+1], fmt.Sprintf("change %q", c.id), []string{"name", "description", "focus", "indicators", "target"}, func(key string, _, v *yaml.Node) {
			switch key {
			case "name":
				c.name, c.hasName = p.text(v, "name"), true
			case "description":
				c.desc, c.hasDesc = p.text(v, "description"), true
			case "focus":
				c.focus, c.hasFocus = p.text(v, "focus"), true
			case "indicators":
				c.indicators, c.hasIndic = p.texts(v, "indicators"), true
			case "target":
				c.target, c.hasTarget = p.integer(v, "target")
				c.targetPos = p.pos(p.deref(v))
			}
		})
		p.doc.change = append(p.doc.change, c)
	}
}

func (p *parser) addition(n *yaml.Node) {
	a := addEdit{node: &Node{Target: -1, Leaf: -1}}
	a.node.Pos = p.pos(p.deref(n))
	keys := append([]string{"under"}, nodeKeys...)
	p.nodeFields(n, a.node, "added node", keys, func(key string, v *yaml.Node) {
		if key == "under" {
			a.under.id, a.under.pos = p.str(v, "under")
		}
	})
	if a.under.id == "" {
		p.errorf(p.deref(n), "an added node needs `under: <parent id>`; new basis groups and profiles go under `basis:` and `profiles:` instead")
		return
	}
	p.doc.add = append(p.doc.add, a)
}

// sortedKeys returns the keys of a map in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
