package framework

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/huller/huller/frameworks"
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
// file format, parses back into the same framework.
func TestDocumentRoundTrip(t *testing.T) {
	loader := NewLoader(builtinFS(t))
	for _, id := range append(loader.Builtins(), valid("local.yaml")) {
		fw := mustLoad(t, id)
		var buf bytes.Buffer
		if err := yaml.NewEncoder(&buf).Encode(fw.Document()); err != nil {
			t.Fatal(err)
		}
		back, err := Parse(id+".out.yaml", buf.Bytes())
		if err != nil {
			t.Fatalf("%s: printed form does not parse: %v", id, err)
		}
		if !reflect.DeepEqual(back.Document(), fw.Document()) {
			t.Errorf("%s: round trip changed the framework", id)
		}
	}
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
	files = append(append(files, more...), valid("base.yaml"), valid("local.yaml"))
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

// FuzzParse feeds arbitrary bytes to the loader: it must never panic, and
// whatever it accepts must be internally consistent.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "frameworks", dir, "*.yaml"))
		for _, file := range files {
			data, _ := os.ReadFile(file)
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fw, err := Parse("fuzz.yaml", data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		for i, l := range fw.Leaves {
			if l.Leaf != i || fw.Node(l.ID) != l || len(l.Children) != 0 {
				t.Fatalf("leaf %q inconsistent", l.ID)
			}
		}
		for _, r := range fw.Roles {
			for _, lvl := range fw.Required(r.Requires) {
				if lvl < fw.MinLevel() || lvl > fw.MaxLevel() {
					t.Fatalf("role %q: required level %d outside the scale", r.ID, lvl)
				}
			}
		}
	})
}
