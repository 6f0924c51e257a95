package roster

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/suggest"
	"go.yaml.in/yaml/v3"
)

func readFileLimited(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("no such file")
		}
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("is larger than %d MiB, far too large for requirements", limit>>20)
	}
	return data, nil
}

// parseRequirementsYAML reads the YAML form of a requirements file: a map
// of role to a map of competence id to level, optionally under a top-level
// "requirements" key.
func parseRequirementsYAML(name string, data []byte, fw *framework.Framework, opts Options) (map[string][]framework.Requirement, []string, error) {
	probs := newProblems(name, opts.MaxErrors)
	at := func(n *yaml.Node) string { return fmt.Sprintf("%s:%d:%d", name, n.Line, n.Column) }
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return nil, nil, fmt.Errorf("%s: is empty: there are no requirements in it", name)
	}
	root := doc.Content[0]
	if root.Kind == yaml.MappingNode && len(root.Content) == 2 && root.Content[0].Value == "requirements" {
		root = root.Content[1]
	}
	if root.Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("%s: expected a map of role to a map of competence id to level, like\n  jobkonsulent:\n    \"2.3\": 3", at(root))
	}
	m := newMatcher(fw, nil)
	reqs := map[string][]framework.Requirement{}
	var order []string
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		id, known := m.role(k.Value)
		if !known {
			id = strings.TrimSpace(k.Value)
		}
		if id == "" {
			probs.add(at(k), "", "a role id is empty")
			continue
		}
		if _, dup := reqs[id]; dup {
			probs.add(at(k), "", "role %q is given twice", id)
			continue
		}
		if v.Kind != yaml.MappingNode {
			probs.add(at(v), "", "the requirements of role %q must be a map of competence id to level", id)
			continue
		}
		list := []framework.Requirement{}
		for j := 0; j+1 < len(v.Content); j += 2 {
			nk, nv := v.Content[j], v.Content[j+1]
			n := fw.Node(nk.Value)
			switch {
			case n == nil:
				probs.add(at(nk), "", "%q names no competence of %s%s", nk.Value, fw.ID, suggest.DidYouMean(nk.Value, m.ids))
				continue
			case n.Area != framework.Basis:
				probs.add(at(nk), "", "%q is %s %s; requirements apply to basic competences only", nk.Value, article(n.Kind()), n.Kind())
				continue
			}
			lvl, kind := m.levels.parse(nv.Value)
			if nv.Kind != yaml.ScalarNode || kind != scoreLevel {
				probs.add(at(nv), "", "%q is not a level (%s)", nv.Value, m.levels.hint)
				continue
			}
			list = append(list, framework.Requirement{Node: n.ID, Level: int(lvl),
				Pos: framework.Pos{File: name, Line: nk.Line, Col: nk.Column}})
		}
		reqs[id] = list
		order = append(order, id)
	}
	if err := probs.err(); err != nil {
		return nil, nil, err
	}
	return reqs, order, nil
}
