package catalog

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/framework"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

func builtin(t testing.TB, id string) *framework.Framework {
	t.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load(id)
	if err != nil {
		t.Fatalf("load %s: %v", id, err)
	}
	return fw
}

const good = `kind: catalog
id: mini
framework: fagligheder-fase3
title: {da: Mini-katalog, en: Mini catalogue}
language: da
courses:
  - id: skriv
    name: {da: Skriveværksted, en: Writing workshop}
    provider: Nordby Kommune
    form: workplace
    activity: joint-course
    learning_goals: [methods]
    develops:
      - {competence: "4.6", from: 1, to: 3}
    duration: {da: 3 dage, en: 3 days}
    hours: 21
    cost: {run: 40000}
    capacity: 16
    min: 6
  - id: jura
    name: {da: Forvaltningsret, en: Administrative law}
    provider: Akademi
    form: individual
    activity: course
    learning_goals: knowledge
    develops:
      - {competence: "3", to: 3}
      - {competence: "3.3", from: 2, to: 4}
    duration: {da: 5 dage, en: 5 days}
    cost: {participant: 9500}
`

func TestParseGood(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	c, diags := Parse("mini.yaml", []byte(good))
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if d := Check(c, fw); len(d) > 0 {
		t.Fatalf("check: %v", d)
	}
	if c.ID != "mini" || c.Framework != "fagligheder-fase3" || c.Currency != "DKK" || len(c.Courses) != 2 {
		t.Fatalf("catalog %+v", c)
	}
	s := c.Courses[0]
	if s.Form != FormWorkplace || s.Activity != ActJointCourse || !s.IsJoint() || s.Capacity != 16 || s.Min != 6 ||
		s.Cost.Of(10) != 40000 || s.Hours != 21 || s.Name["en"] != "Writing workshop" {
		t.Errorf("course %+v", s)
	}
	if got := s.Leaves; len(got) != 1 || got[0] != (LeafEffect{Leaf: fw.Node("4.6").Leaf, From: 1, To: 3}) {
		t.Errorf("leaves %+v", got)
	}
	// a group gives its leaves; a deeper entry overrides the group
	j := c.Courses[1]
	if j.Min != 1 || j.Cost.Of(3) != 28500 || len(j.Goals) != 1 || j.Goals[0] != GoalKnowledge {
		t.Errorf("course %+v", j)
	}
	want := map[string]LeafEffect{"3.1": {From: 0, To: 3}, "3.2": {From: 0, To: 3}, "3.3": {From: 2, To: 4}}
	if len(j.Leaves) != 3 {
		t.Fatalf("leaves %+v", j.Leaves)
	}
	for _, e := range j.Leaves {
		w := want[fw.Leaves[e.Leaf].ID]
		if e.From != w.From || e.To != w.To {
			t.Errorf("%s: %+v, want %+v", fw.Leaves[e.Leaf].ID, e, w)
		}
	}
	if e, ok := j.Effect(fw.Node("3.3").Leaf); !ok || e.To != 4 {
		t.Errorf("Effect(3.3) = %+v, %v", e, ok)
	}
	if _, ok := j.Effect(fw.Node("4.6").Leaf); ok {
		t.Error("Effect(4.6) found")
	}
}

func TestIsCatalog(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want bool
	}{
		{good, true},
		{"courses: []\n", true},
		{"kind: catalog\n", true},
		{"id: x\ntitle: y\nbasis: []\n", false},
		{"kind: framework\n", false},
		{": : :", false},
		{"- a\n- b\n", false},
	} {
		if got := IsCatalog([]byte(tt.src)); got != tt.want {
			t.Errorf("IsCatalog(%q) = %v", tt.src, got)
		}
	}
}

// TestBadCatalogs: every problem is refused with its line and column and a
// way to fix it.
func TestBadCatalogs(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	head := "framework: fagligheder-fase3\nlanguage: en\ncourses:\n"
	course := func(fields string) string {
		return head + "  - id: c1\n    name: Course\n    provider: P\n    form: individual\n    activity: course\n" +
			"    learning_goals: [methods]\n    duration: 1 day\n" + fields
	}
	tests := []struct {
		name, src, want string
	}{
		{"unknown competence", course("    cost: {participant: 1}\n    develops: [{competence: \"4.66\", to: 3}]\n"),
			`x.yaml:12:29: course "c1" develops "4.66", which is no competence of framework fagligheder-fase3 (did you mean "4.6"`},
		{"to below from", course("    cost: {participant: 1}\n    develops: [{competence: \"4.6\", from: 3, to: 2}]\n"),
			"x.yaml:12:49: course \"c1\": `to` (2) must be above `from` (3)"},
		{"level off the scale", course("    cost: {participant: 1}\n    develops: [{competence: \"4.6\", to: 7}]\n"),
			"x.yaml:12:40: course \"c1\": `to` is 7, which is outside the scale of fagligheder-fase3 (0–4)"},
		{"negative cost", course("    cost: {participant: -5}\n    develops: [{competence: \"4.6\", to: 3}]\n"),
			"x.yaml:11:25: cost.participant is -5; it must be a whole number from 0 to"},
		{"fractional cost", course("    cost: {run: 99.5}\n    develops: [{competence: \"4.6\", to: 3}]\n"),
			"x.yaml:11:17: cost.run is 99.5; it must be a whole number"},
		{"no cost", course("    cost: {}\n    develops: [{competence: \"4.6\", to: 3}]\n"),
			"x.yaml:11:11: cost needs `participant` (per participant) or `run` (per run), in whole DKK"},
		{"zero capacity", course("    cost: {run: 1}\n    capacity: 0\n    develops: [{competence: \"4.6\", to: 3}]\n"),
			"x.yaml:12:15: capacity is 0; it must be a whole number from 1 to"},
		{"negative capacity", course("    cost: {run: 1}\n    capacity: -3\n    develops: [{competence: \"4.6\", to: 3}]\n"),
			"x.yaml:12:15: capacity is -3"},
		{"min above capacity", course("    cost: {run: 1}\n    capacity: 4\n    min: 5\n    develops: [{competence: \"4.6\", to: 3}]\n"),
			"x.yaml:4:5: course \"c1\" needs at least 5 participants a run but takes at most 4 (capacity)"},
		{"duplicate course", head + "  - &c\n    id: c1\n    name: C\n    provider: P\n    form: online\n    activity: e-learning\n    learning_goals: [knowledge]\n    duration: 1 h\n    cost: {participant: 1}\n    develops: [{competence: \"3.1\", to: 2}]\n  - *c\n",
			`x.yaml:5:9: course id "c1" is used twice (first at 5:9)`},
		{"other framework", "framework: lkb-2006\nlanguage: en\ncourses: []\n",
			`x.yaml:1:12: the catalog is written for framework "lkb-2006", not for "fagligheder-fase3" (the framework in use); plan with --framework lkb-2006`},
		{"unknown key", course("    cost: {run: 1}\n    develops: [{competence: \"4.6\", too: 3}]\n"),
			`x.yaml:12:36: unknown key "too" in a develops entry (did you mean "to"?)`},
		{"bad form", course("    cost: {run: 1}\n    develops: [{competence: \"4.6\", to: 3}]\n") + "    form: wrkplace\n",
			`key "form" is given twice`},
		{"unknown activity", strings.Replace(course("    cost: {run: 1}\n    develops: [{competence: \"4.6\", to: 3}]\n"), "activity: course", "activity: e-lerning", 1),
			`x.yaml:8:15: activity "e-lerning" is not one of: course, joint-course, colleague-training, learning-community, supervision, action-learning, e-learning (did you mean "e-learning"?)`},
		{"bad goal", strings.Replace(course("    cost: {run: 1}\n    develops: [{competence: \"4.6\", to: 3}]\n"), "[methods]", "[method]", 1),
			`x.yaml:9:22: learning goal "method" is not one of: methods, knowledge, role (did you mean "methods"?)`},
		{"missing fields", head + "  - id: c1\n    name: C\n", "x.yaml:4:5: course \"c1\" needs `provider`, `form`, `activity`, `learning_goals`, `develops`, `duration`, `cost`"},
		{"develops nothing", course("    cost: {run: 1}\n    develops: []\n"), "x.yaml:4:5: course \"c1\" develops nothing"},
		{"duplicate competence", course("    cost: {run: 1}\n    develops: [{competence: \"4.6\", to: 3}, {competence: \"4.6\", to: 2}]\n"),
			`course "c1" lists competence "4.6" twice (first at 12:29)`},
		{"no framework", "language: en\ncourses: []\n", "x.yaml:1:1: the catalog needs `framework: <framework id>`"},
		{"empty", "", "x.yaml: file is empty"},
		{"two documents", "courses: []\n---\nx: 1\n", "x.yaml:2:1: a catalog file holds one YAML document"},
		{"syntax", "courses: [\n", "x.yaml:1:1: YAML syntax"},
		{"not a mapping", "- 1\n", "x.yaml:1:1: the catalog must be a mapping of keys"},
		{"text missing in language", strings.Replace(course("    cost: {run: 1}\n    develops: [{competence: \"4.6\", to: 3}]\n"), "name: Course", "name: {da: Kursus}", 1),
			`x.yaml:5:11: name has no text in the catalog's language "en"; add ` + "`en: …`"},
		{"wrong kind", "kind: framework\nframework: x\nlanguage: en\ncourses: []\n", `x.yaml:1:7: kind "framework" is not "catalog"`},
		{"a long id", strings.Replace(course("    cost: {run: 1}\n    develops: [{competence: \"4.6\", to: 3}]\n"), "id: c1", "id: "+strings.Repeat("c", 500), 1),
			`x.yaml:4:9: course id "` + strings.Repeat("c", 59) + `…" is 500 characters long; huller accepts ids of at most 100`},
		{"a long value is not echoed", "framework: fagligheder-fase3\nlanguage: en\ncurrency: " + strings.Repeat("D", 5000) + "\ncourses: []\n",
			`x.yaml:3:11: currency "` + strings.Repeat("D", 59) + `…" is not a three-letter ISO 4217 code`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, diags := Parse("x.yaml", []byte(tt.src))
			if c != nil && len(diags.Errors()) == 0 {
				diags = append(diags, Check(c, fw)...)
			}
			got := diags.Errors().Error()
			if len(diags.Errors()) == 0 || !strings.Contains(got, tt.want) {
				t.Errorf("errors:\n%s\nwant %q", got, tt.want)
			}
		})
	}
}

// TestExtendedFramework: a catalog written for the framework another one
// extends is accepted; what the extension removed is ignored with a
// warning.
func TestExtendedFramework(t *testing.T) {
	fw, err := framework.NewLoader(frameworks.FS).Load(filepath.Join("..", "..", "examples", "jobcenter-nordby.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(good, `{competence: "4.6", from: 1, to: 3}`, `{competence: "4.6", from: 1, to: 3}
      - {competence: integration.3, to: 3}`, 1)
	c, diags := Parse("x.yaml", []byte(src))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	d := Check(c, fw)
	if len(d.Errors()) > 0 || len(d.Warnings()) != 1 || !strings.Contains(d.Warnings()[0].Message, `competence "integration.3" is not in framework jobcenter-nordby`) {
		t.Fatalf("diagnostics %v", d)
	}
	if len(c.Courses[0].Leaves) != 1 {
		t.Errorf("leaves %+v", c.Courses[0].Leaves)
	}
}

func TestMissingEnglishWarns(t *testing.T) {
	src := strings.Replace(good, "{da: Skriveværksted, en: Writing workshop}", "Skriveværksted", 1)
	_, diags := Parse("x.yaml", []byte(src))
	if len(diags.Errors()) > 0 || len(diags.Warnings()) != 1 || !strings.Contains(diags.Warnings()[0].String(), "x.yaml:8:11: warning: name has no English translation") {
		t.Errorf("diagnostics %v", diags)
	}
}

const goodCSV = `Kursuskatalog for Nordby;;;;;;;;;;;;;;
id;name;name_en;provider;form;activity;learning_goals;competence;from;to;duration;hours;cost_participant;cost_run;capacity;min
skriv;Skriveværksted;Writing workshop;Nordby;workplace;joint-course;methods;4.6;1;3;3 dage;21;;40000;16;6
jura;Forvaltningsret;Administrative law;Akademi;individual;course;knowledge;3;;3;5 dage;;9.500;;;
jura;;;;;;;3.3;2;4;;;;;;
`

func TestReadSheet(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	path := filepath.Join(t.TempDir(), "k.csv")
	if err := os.WriteFile(path, []byte(goodCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	c, diags := Read(path, fw, SheetOptions{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if len(c.Courses) != 2 || c.Language != "da" {
		t.Fatalf("catalog %+v", c)
	}
	s, j := c.Courses[0], c.Courses[1]
	if s.Name["da"] != "Skriveværksted" || s.Name["en"] != "Writing workshop" || s.Cost.Run != 40000 || s.Capacity != 16 || s.Min != 6 || s.Hours != 21 {
		t.Errorf("course %+v", s)
	}
	if j.Cost.Participant != 9500 || len(j.Develops) != 2 || len(j.Leaves) != 3 || j.Min != 1 {
		t.Errorf("course %+v", j)
	}
}

func TestBadSheets(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	header := "id;name;provider;form;activity;learning_goals;competence;from;to;duration;cost_participant;capacity;min\n"
	row := "c1;Kursus;P;individual;course;methods;4.6;1;3;1 dag;100;10;2\n"
	tests := []struct {
		name, src, want string
	}{
		{"conflict", header + row + strings.Replace(row, "100", "200", 1),
			`k.csv: line 3, column "cost_participant": course "c1" has cost_participant "200" here but "100" at line 2, column "cost_participant"`},
		{"unknown competence", header + strings.Replace(row, "4.6", "4.7", 1), `k.csv: line 2, column "competence": course "c1" develops "4.7", which is no competence of framework fagligheder-fase3 (did you mean`},
		{"to below from", header + strings.Replace(row, ";1;3;", ";3;2;", 1), "k.csv: line 2, column \"to\": course \"c1\": `to` (2) must be above `from` (3)"},
		{"negative cost", header + strings.Replace(row, ";100;", ";-100;", 1), `k.csv: line 2, column "cost_participant": cost_participant "-100" is not a whole number from 0`},
		{"negative capacity", header + strings.Replace(row, ";10;2", ";-10;2", 1), `k.csv: line 2, column "capacity": capacity "-10" is not a whole number from 1`},
		{"bad form", header + strings.Replace(row, "individual", "indvidual", 1), `form "indvidual" is not one of: individual, workplace, online, blended (did you mean "individual"?)`},
		{"no id", header + strings.Replace(row, "c1;", ";", 1), `k.csv: line 2, column "id": no course id in this row`},
		{"missing fields", header + "c1;;;;;;4.6;;3;;;;\n", `k.csv: line 2, column "id": course "c1" has no name, provider, form, activity, learning_goals, duration, cost_participant or cost_run on any of its rows`},
		{"no header", "a;b\n1;2\n", "k.csv: no header row with the columns id and competence"},
		{"level without competence", header + row + "c1;;;;;;;;3;;;;\n", `k.csv: line 3, column "competence": course "c1": a level is given but no competence`},
		{"min above capacity", header + strings.Replace(row, ";10;2", ";2;10", 1), `course "c1" needs at least 10 participants a run but takes at most 2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "k.csv")
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			c, diags := Read(path, fw, SheetOptions{})
			for i := range diags {
				diags[i].Pos.File = strings.Replace(diags[i].Pos.File, filepath.Dir(path)+string(filepath.Separator), "", -1)
			}
			got := diags.Errors().Error()
			if c != nil || !strings.Contains(got, tt.want) {
				t.Errorf("errors:\n%s\nwant %q", got, tt.want)
			}
		})
	}
}

// TestSchema: the example catalog and the test catalog pass the JSON
// Schema; an unknown key and an unknown form do not.
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
	check := func(data []byte) error {
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		j, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(j))
		return sch.Validate(inst)
	}
	example, err := os.ReadFile(filepath.Join("..", "..", "examples", "kursuskatalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{example, []byte(good)} {
		if err := check(data); err != nil {
			t.Errorf("does not pass the schema: %v", err)
		}
	}
	for _, bad := range []string{strings.Replace(good, "hours: 21", "hours: 21\n    hour: 3", 1), strings.Replace(good, "form: workplace", "form: office", 1)} {
		if err := check([]byte(bad)); err == nil {
			t.Errorf("schema accepted\n%s", bad)
		}
	}
}
