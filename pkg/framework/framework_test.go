package framework

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/limits"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

func builtinFS(t testing.TB) fs.FS {
	t.Helper()
	return frameworks.FS
}

func join(lines []string) string { return strings.Join(lines, "\n") }

func valid(name string) string {
	return filepath.Join("..", "..", "testdata", "frameworks", "valid", name)
}

func mustLoad(t *testing.T, ref string) *Framework {
	t.Helper()
	fw, diags := NewLoader(builtinFS(t)).Check(ref)
	if len(diags) > 0 {
		t.Fatalf("%s: unexpected diagnostics:\n%s", ref, diags.Error())
	}
	return fw
}

func leafIDs(ns []*Node) []string {
	var ids []string
	for _, n := range ns {
		ids = append(ids, n.ID)
	}
	return ids
}

func TestModelLinks(t *testing.T) {
	fw := mustLoad(t, valid("base.yaml"))
	if got, want := leafIDs(fw.Leaves), []string{"3.1", "3.2", "4.1", "virksomhed.1", "virksomhed.2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("leaves = %v, want %v", got, want)
	}
	if got := leafIDs(fw.BasisLeaves); len(got) != 3 {
		t.Errorf("basis leaves = %v", got)
	}
	for i, l := range fw.Leaves {
		if l.Leaf != i || fw.Node(l.ID) != l {
			t.Errorf("leaf %s: index %d, lookup %v", l.ID, l.Leaf, fw.Node(l.ID))
		}
	}
	v1 := fw.Node("virksomhed.1")
	if v1.Area != Profile || v1.Profile.ID != "virksomhed" || v1.Parent.ID != "virksomhed" || v1.Depth != 1 {
		t.Errorf("virksomhed.1 links: area %v profile %v parent %v depth %d", v1.Area, v1.Profile, v1.Parent, v1.Depth)
	}
	if g := fw.Node("3"); g.IsLeaf() || g.Leaf != -1 || !reflect.DeepEqual(leafIDs(g.Leaves), []string{"3.1", "3.2"}) {
		t.Errorf("group 3: leaf %d leaves %v", g.Leaf, leafIDs(g.Leaves))
	}
	if fw.Node("nope") != nil || fw.Role("nope") != nil {
		t.Error("lookup of unknown ids should give nil")
	}
	if got := fw.Node("4.1").Indicators[0].In("en", "da"); got != "Asks open questions" {
		t.Errorf("indicator = %q", got)
	}
}

func TestRequiredPrecedence(t *testing.T) {
	fw := mustLoad(t, valid("base.yaml"))
	sag := fw.Role("sagsbehandler")
	tests := []struct {
		name   string
		layers [][]Requirement
		want   []int // 3.1, 3.2, 4.1
	}{
		{"default only", nil, []int{2, 2, 2}},
		{"group key, leaf overrides", [][]Requirement{sag.Requires}, []int{3, 2, 2}},
		{"later layer wins over a deeper key", [][]Requirement{sag.Requires, {{Node: "3", Level: 1}}}, []int{1, 1, 2}},
		{"later leaf key beats its group in the same layer", [][]Requirement{{{Node: "3.1", Level: 4}, {Node: "3", Level: 0}}}, []int{4, 0, 2}},
		{"unknown and profile keys are ignored", [][]Requirement{{{Node: "9", Level: 4}, {Node: "virksomhed.1", Level: 4}}}, []int{2, 2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fw.Required(tt.layers...); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Required = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestExtends(t *testing.T) {
	fw := mustLoad(t, valid("local.yaml"))
	checks := []struct {
		what      string
		got, want any
	}{
		{"id", fw.ID, "local"},
		{"extends", fw.Extends, "base.yaml"},
		{"language inherited", fw.Language, "da"},
		{"title replaced", fw.Title.In("en", ""), "Local edition"},
		{"defaults.required replaced", fw.Defaults.Required, 1},
		{"defaults.target kept", fw.Defaults.Target, 3},
		{"scale label changed", fw.Scale[4].Label.In("da", ""), "Ekspert – underviser"},
		{"scale label kept", fw.Scale[3].Label.In("da", ""), "Specialiseret"},
		{"3.1 removed", fw.Node("3.1") == nil, true},
		{"leaves", leafIDs(fw.Leaves), []string{"3.2", "4.1", "4.9", "virksomhed.1", "virksomhed.2", "unge.1"}},
		{"4.9 added under 4", fw.Node("4.9").Parent.ID, "4"},
		{"profile renamed", fw.Node("virksomhed").Name.In("da", ""), "Erhvervsprofilen"},
		{"profile target", fw.TargetOf(fw.Node("virksomhed.2")), 2},
		{"other profile target", fw.TargetOf(fw.Node("unge.1")), 3},
		{"role removed", fw.Role("sagsbehandler") == nil, true},
		{"role merged (3.2 at the new default 1)", fw.Required(fw.Role("virksomhedskonsulent").Requires), []int{1, 3, 2}},
		{"role profiles kept", fw.Role("virksomhedskonsulent").Profiles, []string{"virksomhed"}},
		{"role added", fw.Role("ungevejleder").Name.In("en", ""), "Youth counsellor"},
		{"positions from the extending file", filepath.Base(fw.Node("4.9").Pos.File), "local.yaml"},
		{"positions from the base", filepath.Base(fw.Node("3.2").Pos.File), "base.yaml"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %v, want %v", c.what, c.got, c.want)
		}
	}
}

func TestPlainStringTextIsFrameworkLanguage(t *testing.T) {
	src := `id: sl
title: Model kompetenc
language: sl
scale: [{level: 0, label: Brez}, {level: 1, label: Osnovna}]
defaults: {required: 1, target: 1}
basis: [{id: "1", name: Vodenje}]
`
	fw, err := Parse("sl.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := fw.Node("1").Name; !reflect.DeepEqual(got, Text{"sl": "Vodenje"}) {
		t.Errorf("name = %v", got)
	}
	if got := fw.Text(fw.Title, "en"); got != "Model kompetenc" {
		t.Errorf("title falls back to the framework language: %q", got)
	}
}

// TestDocumentRoundTrip checks that every built-in framework, printed in the
// file format as YAML or JSON, parses back into the same framework, origins,
// statements, notes and learning goals included.
func TestDocumentRoundTrip(t *testing.T) {
	loader := NewLoader(builtinFS(t))
	for _, id := range append(loader.Builtins(), valid("local.yaml"), valid("sourced.yaml"), valid("sourced-local.yaml")) {
		fw := mustLoad(t, id)
		var buf bytes.Buffer
		if err := yaml.NewEncoder(&buf).Encode(fw.Document()); err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(fw.Document())
		if err != nil {
			t.Fatal(err)
		}
		for form, data := range map[string][]byte{"yaml": buf.Bytes(), "json": js} {
			back, err := Parse(id+".out."+form, data)
			if err != nil {
				t.Fatalf("%s: printed %s does not parse: %v", id, form, err)
			}
			if got, want := back.Document(), fw.Document(); !reflect.DeepEqual(got, want) {
				a, _ := json.MarshalIndent(got, "", " ")
				b, _ := json.MarshalIndent(want, "", " ")
				t.Errorf("%s: %s round trip changed the framework:\n%s", id, form, firstDiff(string(a), string(b)))
			}
		}
	}
}

// firstDiff shows where two texts first differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d: got %s, want %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(la), len(lb))
}

func TestSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, data []byte) error {
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		j, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(j))
		return sch.Validate(inst)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "frameworks", "*.yaml"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	files = append(append(files, more...), valid("base.yaml"), valid("local.yaml"), valid("sourced.yaml"), valid("sourced-local.yaml"))
	if len(files) < 7 {
		t.Fatalf("found only %d framework files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("\nkind: catalog\n")) {
			continue // a course catalog, which has a schema of its own
		}
		if err := check(f, data); err != nil {
			t.Errorf("%s does not pass the schema: %v", f, err)
		}
	}
	bad, _ := os.ReadFile(valid("base.yaml"))
	bad = bytes.Replace(bad, []byte("language: da"), []byte("language: da\nlanguag: da"), 1)
	if err := check("unknown key", bad); err == nil || !strings.Contains(err.Error(), "languag") {
		t.Errorf("schema accepted an unknown key: %v", err)
	}
}

// FuzzParse feeds arbitrary bytes to the loader: it must never panic, stay
// within a budget of memory and time for every input, and whatever it
// accepts must be internally consistent. The seeds are the framework
// fixtures and, under testdata/fuzz/FuzzParse, small forms of hostile
// inputs (a scale gap of 300,000,000 levels, extends naming a system file,
// alias bombs, deep nesting).
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "frameworks", dir, "*.yaml"))
		for _, file := range files {
			data, _ := os.ReadFile(file)
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A parse that runs away is stopped with the input that caused it.
		watchdog := time.AfterFunc(fuzzTime, func() {
			panic(fmt.Sprintf("Parse took more than %v on a %d-byte input", fuzzTime, len(data)))
		})
		var fw *Framework
		var err error
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		fw, err = Parse("fuzz.yaml", data)
		runtime.ReadMemStats(&after)
		n := after.TotalAlloc - before.TotalAlloc
		watchdog.Stop()
		if budget := fuzzMemory + 64*uint64(len(data)); n > budget {
			t.Fatalf("Parse allocated %d MB on a %d-byte input; the budget is %d MB", n>>20, len(data), budget>>20)
		}
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		checkConsistent(t, fw)
	})
}

// The budget of one FuzzParse input: generous for any real framework (the
// built-ins allocate about 20 times their size), far below what a runaway
// costs.
const (
	fuzzMemory = 96 << 20
	fuzzTime   = 5 * time.Second
)

// checkConsistent checks what any accepted framework must satisfy.
func checkConsistent(t *testing.T, fw *Framework) {
	t.Helper()
	for i, l := range fw.Leaves {
		if l.Leaf != i || fw.Node(l.ID) != l || len(l.Children) != 0 {
			t.Fatalf("leaf %q inconsistent", l.ID)
		}
	}
	for _, n := range fw.Nodes() {
		if len(n.Children) > 0 && n.LearningGoals != nil {
			t.Fatalf("inner node %q has learning goals", n.ID)
		}
		if n.Depth >= limits.FrameworkDepth {
			t.Fatalf("node %q at depth %d", n.ID, n.Depth)
		}
	}
	if len(fw.Nodes()) > limits.FrameworkNodes {
		t.Fatalf("%d nodes accepted", len(fw.Nodes()))
	}
	teaching := 0
	for _, l := range fw.Scale {
		if l.Level < 0 || l.Level > limits.ScaleMaxLevel {
			t.Fatalf("scale level %d accepted", l.Level)
		}
		if l.Teaches {
			teaching++
		}
	}
	if teaching > 1 {
		t.Fatalf("%d teaching levels accepted", teaching)
	}
	for _, r := range fw.Roles {
		for _, lvl := range fw.Required(r.Requires) {
			if lvl < fw.MinLevel() || lvl > fw.MaxLevel() {
				t.Fatalf("role %q: required level %d outside the scale", r.ID, lvl)
			}
		}
	}
	for _, p := range fw.Profiles {
		if need := fw.NeedOf(p, fw.Defaults.Fit); need < 0 || need > len(p.Leaves) {
			t.Fatalf("profile %q needs %d of %d leaves", p.ID, need, len(p.Leaves))
		}
	}
}
