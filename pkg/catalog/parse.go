package catalog

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/suggest"
	"github.com/huller/huller/pkg/limits"
)

var (
	idPattern       = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	langPattern     = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)
)

// Kind is the value of a catalog's `kind:` key, which tells a catalog from
// a framework.
const Kind = "catalog"

var (
	topKeys    = []string{"kind", "id", "framework", "title", "language", "description", "currency", "courses"}
	courseKeys = []string{"id", "name", "provider", "url", "description", "form", "activity", "learning_goals",
		"develops", "duration", "hours", "cost", "capacity", "min", "language"}
	costKeys    = []string{"participant", "run"}
	effectKeys  = []string{"competence", "from", "to"}
	needsCourse = []string{"id", "name", "provider", "form", "activity", "learning_goals", "develops", "duration", "cost"}
)

// IsCatalog reports whether a YAML document is a catalog rather than a
// framework: its top level says `kind: catalog` or holds `courses:`.
// Anything it cannot read is not a catalog.
func IsCatalog(data []byte) bool {
	if len(data) > limits.CatalogFile {
		data = data[:limits.CatalogFile]
	}
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		return false
	}
	top := &root
	if top.Kind == yaml.DocumentNode && len(top.Content) > 0 {
		top = top.Content[0]
	}
	if top.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch {
		case k.Value == "courses":
			return true
		case k.Value == "kind" && v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) == Kind:
			return true
		}
	}
	return false
}

// parser reads one catalog file.
type parser struct {
	framework.YAMLReader
	cat *Catalog
	// texts with the key "" (written in the catalog's own language) to
	// resolve once the language is known, with where they are and what
	// they are
	plain []plainText
	seen  map[string]framework.Pos // course ids
}

type plainText struct {
	t    framework.Text
	pos  framework.Pos
	what string
}

func (p *parser) warnf(pos framework.Pos, format string, args ...any) {
	p.Diags = append(p.Diags, framework.Diagnostic{Pos: pos, Severity: framework.Warning, Message: fmt.Sprintf(format, args...)})
}

// Parse reads a catalog YAML file; name is used in messages. It returns the
// catalog as far as it could be read and every problem of syntax and
// structure found (Check finds those that need the framework). It never
// panics on input.
func Parse(name string, data []byte) (c *Catalog, diags framework.Diagnostics) {
	if len(data) > limits.CatalogFile {
		return nil, framework.Diagnostics{{Pos: framework.Pos{File: name},
			Message: fmt.Sprintf("file is larger than %d MiB; a catalog of a few hundred courses is well under 1 MiB", limits.CatalogFile>>20)}}
	}
	p := &parser{YAMLReader: framework.YAMLReader{File: name, Budget: limits.CatalogNodes},
		cat: &Catalog{File: name, Currency: DefaultCurrency}, seen: map[string]framework.Pos{}}
	top, diags := framework.DecodeYAML(name, data, "catalog", "framework, language and courses")
	if diags != nil {
		return nil, diags
	}
	defer func() {
		if r := recover(); r != nil {
			if r != framework.ErrYAMLBudget {
				panic(r)
			}
			c = nil
			diags = append(p.Diags, framework.Diagnostic{Pos: framework.Pos{File: name},
				Message: fmt.Sprintf("file expands to more than %d YAML values (through aliases: an alias bomb?); write the values out instead of repeating aliases", limits.CatalogNodes)})
		}
	}()
	p.cat.Pos = p.Pos(top)
	p.cat.FrameworkPos = p.cat.Pos
	p.top(top)
	p.resolveTexts()
	return p.cat, p.Diags
}

// fields walks a mapping as framework.YAMLReader.Fields does, and returns
// the keys it gives.
func (p *parser) fields(n *yaml.Node, what string, known []string, fn func(key string, k, v *yaml.Node)) (map[string]bool, bool) {
	keys := map[string]bool{}
	ok := p.Fields(n, what, known, func(key string, k, v *yaml.Node) {
		keys[key] = true
		fn(key, k, v)
	})
	return keys, ok
}

func (p *parser) top(n *yaml.Node) {
	c := p.cat
	keys, ok := p.fields(n, "the catalog", topKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "kind":
			if s, _ := p.Str(v, "kind"); s != "" && s != Kind {
				p.Errorf(v, "kind %s is not %q; a catalog says `kind: catalog` (a framework has no kind)", framework.Quote(s), Kind)
			}
		case "id":
			c.ID = p.id(v, "catalog id")
		case "framework":
			c.Framework = p.id(v, "framework")
			c.FrameworkPos = p.Pos(p.Deref(v))
		case "title":
			c.Title = p.text(v, "title")
		case "language":
			c.Language, _ = p.Str(v, "language")
			if c.Language != "" && !langPattern.MatchString(c.Language) {
				p.Errorf(v, "language %s is not a BCP 47 language code such as da, sl or en", framework.Quote(c.Language))
			}
		case "description":
			c.Description = p.text(v, "description")
		case "currency":
			c.Currency, _ = p.Str(v, "currency")
			if !currencyPattern.MatchString(c.Currency) {
				p.Errorf(v, "currency %s is not a three-letter ISO 4217 code such as DKK or EUR", framework.Quote(c.Currency))
			}
		case "courses":
			p.List(v, "courses", func(e *yaml.Node) {
				if len(c.Courses) == limits.Courses {
					p.Errorf(e, "the catalog has more than %d courses; split it into several catalogs", limits.Courses)
					return
				}
				if cr := p.course(e); cr != nil {
					c.Courses = append(c.Courses, cr)
				}
			})
		}
	})
	if !ok {
		return
	}
	for _, m := range []struct{ key, form string }{{"framework", "framework: <framework id>"}, {"language", "language: <da, sl, en …>"}} {
		if !keys[m.key] {
			p.Errorf(n, "the catalog needs `%s`", m.form)
		}
	}
	if !keys["courses"] {
		p.Errorf(n, "the catalog needs `courses:` (a list; it may be empty)")
	}
}

// id reads an identifier and checks its syntax and length.
func (p *parser) id(n *yaml.Node, what string) string {
	s, _ := p.Str(n, what)
	switch {
	case len(s) > limits.FrameworkID:
		p.Errorf(n, "%s %s is %d characters long; huller accepts ids of at most %d", what, framework.Quote(s), len(s), limits.FrameworkID)
		return ""
	case s != "" && !idPattern.MatchString(s):
		p.Errorf(n, "%s %s may only hold ASCII letters, digits, '.', '_' and '-' (no spaces), starting with a letter or digit", what, framework.Quote(s))
	}
	return s
}

// integer reads a whole number in [lo, hi].
func (p *parser) integer(n *yaml.Node, what string, lo, hi int64) (int64, bool) {
	n = p.Deref(n)
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		s := strings.TrimSpace(n.Value)
		if v, err := strconv.ParseInt(s, 10, 64); err == nil {
			if v < lo || v > hi {
				p.Errorf(n, "%s is %d; it must be a whole number from %d to %d", what, v, lo, hi)
				return 0, false
			}
			return v, true
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) {
			p.Errorf(n, "%s is %s; it must be a whole number from %d to %d", what, s, lo, hi)
			return 0, false
		}
	}
	p.Errorf(n, "%s must be a whole number from %d to %d, not %s", what, lo, hi, framework.KindName(n))
	return 0, false
}

// text reads a Text: a plain string in the catalog's language (resolved
// later) or a map of language to string.
func (p *parser) text(n *yaml.Node, what string) framework.Text {
	n = p.Deref(n)
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
			p.Errorf(n, "%s is empty; write the text, or remove the key", what)
			return nil
		}
		t := framework.Text{"": strings.TrimSpace(n.Value)}
		p.plain = append(p.plain, plainText{t, p.Pos(n), what})
		return t
	case yaml.MappingNode:
		t := framework.Text{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := p.Deref(n.Content[i]), p.Deref(n.Content[i+1])
			if !langPattern.MatchString(k.Value) {
				p.Errorf(k, "%s: %s is not a language code; write texts as `%s: {da: \"…\", en: \"…\"}`", what, framework.Quote(k.Value), what)
				continue
			}
			if _, dup := t[k.Value]; dup {
				p.Errorf(k, "%s: language %s is given twice", what, framework.Quote(k.Value))
				continue
			}
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
				p.Errorf(v, "%s in %s must be a non-empty text, not %s", what, framework.Quote(k.Value), framework.KindName(v))
				continue
			}
			t[k.Value] = strings.TrimSpace(v.Value)
		}
		p.plain = append(p.plain, plainText{t, p.Pos(n), what})
		return t
	}
	p.Errorf(n, "%s must be a text or a mapping of language to text (e.g. {da: \"…\", en: \"…\"}), not %s", what, framework.KindName(n))
	return nil
}

// resolveTexts gives plain texts the catalog's language and checks that
// every text is given in it, and in English (a warning).
func (p *parser) resolveTexts() {
	lang := p.cat.Language
	if lang == "" {
		return // reported as a missing key
	}
	for _, pt := range p.plain {
		if s, ok := pt.t[""]; ok {
			delete(pt.t, "")
			pt.t[lang] = s
		}
		if pt.t[lang] == "" {
			p.Diags = append(p.Diags, framework.Diagnostic{Pos: pt.pos, Severity: framework.Error,
				Message: fmt.Sprintf("%s has no text in the catalog's language %q; add `%s: …`", pt.what, lang, lang)})
		}
		if lang != "en" && pt.t["en"] == "" {
			p.warnf(pt.pos, "%s has no English translation; add `en: …`", pt.what)
		}
	}
}

// course reads one course.
func (p *parser) course(n *yaml.Node) *Course {
	c := &Course{Min: 1, Pos: p.Pos(p.Deref(n))}
	items := 0 // entries of develops, read or not
	keys, ok := p.fields(n, "a course", courseKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			c.ID = p.id(v, "course id")
			c.Pos = p.Pos(p.Deref(v))
		case "name":
			c.Name = p.text(v, "name")
		case "provider":
			c.Provider, _ = p.Str(v, "provider")
		case "url":
			c.URL, _ = p.Str(v, "url")
		case "description":
			c.Description = p.text(v, "description")
		case "form":
			c.Form = Form(p.enum(v, "form", formNames()))
		case "activity":
			c.Activity = Activity(p.enum(v, "activity", activityNames()))
		case "learning_goals":
			c.Goals = p.goals(v)
		case "develops":
			p.List(v, "develops", func(e *yaml.Node) {
				items++
				if len(c.Develops) == limits.CourseEffects {
					p.Errorf(e, "a course develops at most %d competences", limits.CourseEffects)
					return
				}
				if ef, ok := p.effect(e); ok {
					c.Develops = append(c.Develops, ef)
				}
			})
		case "duration":
			c.Duration = p.text(v, "duration")
		case "hours":
			c.Hours = p.hours(v)
		case "cost":
			p.cost(v, c)
		case "capacity":
			if x, ok := p.integer(v, "capacity", 1, 1_000_000); ok {
				c.Capacity = int(x)
			}
		case "min":
			if x, ok := p.integer(v, "min (the least participants of a run)", 1, 1_000_000); ok {
				c.Min = int(x)
			}
		case "language":
			c.Language, _ = p.Str(v, "language")
			if c.Language != "" && !langPattern.MatchString(c.Language) {
				p.Errorf(v, "language %s is not a BCP 47 language code such as da, sl or en", framework.Quote(c.Language))
			}
		}
	})
	if !ok {
		return nil
	}
	var missing []string
	for _, k := range needsCourse {
		if !keys[k] {
			missing = append(missing, "`"+k+"`")
		}
	}
	if len(missing) > 0 {
		p.Errorf(p.Deref(n), "course %q needs %s", c.ID, strings.Join(missing, ", "))
	}
	if keys["develops"] && items == 0 {
		p.Errorf(p.Deref(n), "course %q develops nothing: list the competences it raises under `develops:`", c.ID)
	}
	if c.Capacity > 0 && c.Min > c.Capacity {
		p.Errorf(p.Deref(n), "course %q needs at least %d participants a run but takes at most %d (capacity); lower `min` or raise `capacity`", c.ID, c.Min, c.Capacity)
	}
	if c.ID != "" {
		if first, dup := p.seen[c.ID]; dup {
			p.Diags = append(p.Diags, framework.Diagnostic{Pos: c.Pos, Severity: framework.Error,
				Message: fmt.Sprintf("course id %q is used twice (first at %d:%d); give each course its own id", c.ID, first.Line, first.Col)})
		} else {
			p.seen[c.ID] = c.Pos
		}
	}
	return c
}

// enum reads one of allowed.
func (p *parser) enum(n *yaml.Node, what string, allowed []string) string {
	s, _ := p.Str(n, what)
	if s == "" || slices.Contains(allowed, s) {
		return s
	}
	p.Errorf(n, "%s %s is not one of: %s%s", what, framework.Quote(s), strings.Join(allowed, ", "), suggest.DidYouMean(s, allowed))
	return ""
}

func formNames() []string {
	out := make([]string, len(Forms))
	for i, f := range Forms {
		out[i] = string(f)
	}
	return out
}

func activityNames() []string {
	out := make([]string, len(Activities))
	for i, a := range Activities {
		out[i] = string(a)
	}
	return out
}

func goalNames() []string {
	out := make([]string, len(LearningGoals))
	for i, g := range LearningGoals {
		out[i] = string(g)
	}
	return out
}

// goals reads a list of learning-goal kinds (a single value is a list of
// one).
func (p *parser) goals(n *yaml.Node) []LearningGoal {
	n = p.Deref(n)
	var items []*yaml.Node
	switch n.Kind {
	case yaml.SequenceNode:
		items = n.Content
	case yaml.ScalarNode:
		if n.Tag != "!!null" {
			items = []*yaml.Node{n}
		}
	}
	if len(items) == 0 {
		p.Errorf(n, "learning_goals must list one or more of: %s", strings.Join(goalNames(), ", "))
		return nil
	}
	var out []LearningGoal
	for _, e := range items {
		s := p.enum(e, "learning goal", goalNames())
		if s == "" {
			continue
		}
		if slices.Contains(goalStrings(out), s) {
			p.Errorf(e, "learning goal %s is given twice", framework.Quote(s))
			continue
		}
		out = append(out, LearningGoal(s))
	}
	return out
}

func goalStrings(gs []LearningGoal) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = string(g)
	}
	return out
}

// hours reads a number of hours > 0.
func (p *parser) hours(n *yaml.Node) float64 {
	n = p.Deref(n)
	if n.Kind == yaml.ScalarNode {
		x, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64)
		if err == nil && x > 0 && x <= 100_000 {
			return x
		}
	}
	p.Errorf(n, "hours must be a number of hours above 0 (e.g. 14 or 7.5), not %s", framework.KindName(n))
	return 0
}

// maxAmount bounds a price: no course costs a trillion.
const maxAmount = 1_000_000_000_000

// cost reads `cost: {participant: …, run: …}`.
func (p *parser) cost(n *yaml.Node, c *Course) {
	keys, ok := p.fields(n, "cost", costKeys, func(key string, k, v *yaml.Node) {
		what := "cost." + key
		x, ok := p.integer(v, what, 0, maxAmount)
		if !ok {
			return
		}
		if key == "participant" {
			c.Cost.Participant = x
		} else {
			c.Cost.Run = x
		}
	})
	if ok && len(keys) == 0 {
		p.Errorf(p.Deref(n), "cost needs `participant` (per participant) or `run` (per run), in whole %s", p.cat.Currency)
	}
}

// effect reads one entry of develops.
func (p *parser) effect(n *yaml.Node) (Effect, bool) {
	e := Effect{Pos: p.Pos(p.Deref(n))}
	hasTo := false
	before := len(p.Diags)
	keys, ok := p.fields(n, "a develops entry", effectKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "competence":
			e.Competence, e.Pos = p.Str(v, "competence")
		case "from":
			if x, ok := p.integer(v, "from", -1000, 1000); ok {
				e.From, e.HasFrom, e.FromPos = int(x), true, p.Pos(p.Deref(v))
			}
		case "to":
			if x, ok := p.integer(v, "to", -1000, 1000); ok {
				e.To, hasTo, e.ToPos = int(x), true, p.Pos(p.Deref(v))
			}
		}
	})
	if !ok {
		return e, false
	}
	if len(p.Diags) > before {
		return e, false
	}
	if !keys["competence"] || !keys["to"] {
		p.Errorf(p.Deref(n), "a develops entry needs `competence: <id>` and `to: <level>` (the level a participant reaches)")
		return e, false
	}
	return e, hasTo && e.Competence != ""
}
