package layers

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// imports reads the imports of every Go file under root/pkg, by package
// (relative path) and kind (test files apart).
func imports(t *testing.T, root string) (code, tests map[string][]string) {
	t.Helper()
	code, tests = map[string][]string{}, map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(filepath.Join(root, "pkg"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.Contains(path, string(filepath.Separator)+"testdata"+string(filepath.Separator)) {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		m := code
		if strings.HasSuffix(path, "_test.go") {
			m = tests
		}
		m[pkg] = append(m[pkg], "")[:len(m[pkg])] // the package exists even without imports
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			m[pkg] = append(m[pkg], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return code, tests
}

// check returns every import of code that breaks the layering, and every
// import of code or tests that is forbidden under pkg/.
func check(code, tests map[string][]string, layers map[string]int) []string {
	var bad []string
	for _, pkg := range sortedKeys(code) {
		layer, ok := layers[pkg]
		if !ok {
			bad = append(bad, fmt.Sprintf("%s has no layer: add it to layers.Layers", pkg))
			continue
		}
		for _, im := range code[pkg] {
			own, isOwn := strings.CutPrefix(im, Module+"/")
			if !isOwn || !strings.HasPrefix(own, "pkg/") {
				continue
			}
			if l, ok := layers[own]; !ok || l >= layer {
				bad = append(bad, fmt.Sprintf("%s (layer %d) imports %s (layer %d): a package may import only lower layers", pkg, layer, own, l))
			}
		}
	}
	for _, m := range []map[string][]string{code, tests} {
		for _, pkg := range sortedKeys(m) {
			for _, im := range m[pkg] {
				if slices.Contains(Forbidden, im) {
					bad = append(bad, fmt.Sprintf("%s imports %s, which only cmd/huller may use", pkg, im))
				}
			}
		}
	}
	return bad
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestLayers checks every package under pkg/.
func TestLayers(t *testing.T) {
	code, tests := imports(t, filepath.Join("..", "..", ".."))
	if len(code) < 10 {
		t.Fatalf("found only %d packages", len(code))
	}
	for _, b := range check(code, tests, Layers) {
		t.Error(b)
	}
	for pkg := range Layers {
		if _, ok := code[pkg]; !ok {
			t.Errorf("layers.Layers lists %s, which does not exist", pkg)
		}
	}
}

// TestViolations: the check finds a deliberate violation of each rule.
func TestViolations(t *testing.T) {
	layers := map[string]int{"pkg/framework": 1, "pkg/analysis": 3, "pkg/render": 4}
	code := map[string][]string{
		"pkg/framework": {"strings", Module + "/pkg/analysis"}, // upwards
		"pkg/analysis":  {Module + "/pkg/framework", "golang.org/x/term"},
		"pkg/render":    {Module + "/pkg/analysis", Module + "/pkg/render"}, // itself: same layer
		"pkg/newthing":  {"fmt"},
	}
	tests := map[string][]string{"pkg/render": {"github.com/spf13/cobra"}}
	got := strings.Join(check(code, tests, layers), "\n")
	for _, want := range []string{
		"pkg/framework (layer 1) imports pkg/analysis (layer 3)",
		"pkg/analysis imports golang.org/x/term",
		"pkg/render (layer 4) imports pkg/render (layer 4)",
		"pkg/newthing has no layer",
		"pkg/render imports github.com/spf13/cobra",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("violation not found: %s\ngot:\n%s", want, got)
		}
	}
	if strings.Contains(got, "pkg/analysis (layer 3) imports pkg/framework") {
		t.Error("a downward import reported")
	}
}
