package framework

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// YAMLReader reads a YAML document node by node for huller's YAML formats
// — frameworks and course catalogs — with the same rules and messages:
// positions as file:line:col, aliases followed and counted against a
// budget, mappings with known keys only ("did you mean"), and values from
// the file quoted clipped, never echoed whole.
type YAMLReader struct {
	File  string
	Diags Diagnostics
	// Budget is the most YAML values Deref visits (each alias expansion
	// counted again); past it Deref panics with ErrYAMLBudget, which the
	// caller recovers.
	Budget int

	nodes, aliases int
}

// ErrYAMLBudget is the panic value of Deref past YAMLReader.Budget.
var ErrYAMLBudget = errors.New("YAML value budget")

// Aliases reports whether the document used aliases (for the message of
// an exceeded budget: an alias bomb, or merely a large file).
func (r *YAMLReader) Aliases() bool { return r.aliases > 0 }

// Pos returns where n is.
func (r *YAMLReader) Pos(n *yaml.Node) Pos { return at(r.File, n.Line, n.Column) }

// Errorf reports an error at n.
func (r *YAMLReader) Errorf(n *yaml.Node, format string, args ...any) {
	r.Diags = append(r.Diags, Diagnostic{Pos: r.Pos(n), Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Deref follows aliases and counts the values visited.
func (r *YAMLReader) Deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
		r.aliases++
	}
	r.nodes++
	if r.nodes > r.Budget {
		panic(ErrYAMLBudget)
	}
	return n
}

// Fields walks a mapping, calling fn for each known key and reporting
// unknown and repeated keys. what names the mapping in messages. It reports
// whether n is a mapping.
func (r *YAMLReader) Fields(n *yaml.Node, what string, known []string, fn func(key string, k, v *yaml.Node)) bool {
	n = r.Deref(n)
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "%s must be a mapping of keys (%s), not %s", what, strings.Join(known, ", "), KindName(n))
		return false
	}
	seen := map[string]Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := r.Deref(n.Content[i]), n.Content[i+1]
		key := k.Value
		if first, dup := seen[key]; dup {
			r.Errorf(k, "key %s is given twice in %s (first at %s)", quote(key), what, first.short())
			continue
		}
		seen[key] = r.Pos(k)
		if !slices.Contains(known, key) {
			r.Errorf(k, "unknown key %s in %s%s; expected one of: %s", quote(key), what, didYouMean(key, known), strings.Join(known, ", "))
			continue
		}
		fn(key, k, v)
	}
	return true
}

// Str reads a single value, spaces trimmed.
func (r *YAMLReader) Str(n *yaml.Node, what string) (string, Pos) {
	n = r.Deref(n)
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		r.Errorf(n, "%s must be a single value, not %s", what, KindName(n))
		return "", r.Pos(n)
	}
	return strings.TrimSpace(n.Value), r.Pos(n)
}

// List walks a sequence; an empty value is an empty list.
func (r *YAMLReader) List(n *yaml.Node, what string, fn func(*yaml.Node)) {
	n = r.Deref(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		r.Errorf(n, "%s must be a list (lines starting with \"- \"), not %s", what, KindName(n))
		return
	}
	for _, e := range n.Content {
		fn(e)
	}
}

// KindName says what a node is, for a message: "a mapping", "a list",
// "empty" or the value, quoted and clipped.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return "the value " + quote(n.Value)
	}
	return "something else"
}

// Quote quotes a value from a file for a message, clipped to a few dozen
// characters.
func Quote(s string) string { return quote(s) }

// DecodeYAML decodes data, which must hold one YAML document, and returns
// its top node; what names the file's kind ("framework", "catalog") and
// needs what an empty one lacks, in messages.
func DecodeYAML(file string, data []byte, what, needs string) (*yaml.Node, Diagnostics) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Diagnostics{{Pos: Pos{File: file}, Message: fmt.Sprintf("file is empty; a %s needs at least %s", what, needs)}}
		}
		return nil, Diagnostics{yamlError(file, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Diagnostics{{Pos: at(file, extra.Line, extra.Column),
			Message: fmt.Sprintf("a %s file holds one YAML document; remove the `---` and what follows, or split it into two files", what)}}
	}
	top := &root
	if top.Kind == yaml.DocumentNode && len(top.Content) > 0 {
		top = top.Content[0]
	}
	return top, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a yaml syntax error into a diagnostic with its line.
func yamlError(file string, err error) Diagnostic {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return Diagnostic{Pos: at(file, line, 1), Message: "YAML syntax: " + clip(m[2])}
	}
	return Diagnostic{Pos: Pos{File: file}, Message: "YAML: " + clip(strings.TrimPrefix(msg, "yaml: "))}
}
