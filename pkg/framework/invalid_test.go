package framework

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// TestInvalidFixtures pins the exact message, line and column of every
// validation rule: one fixture per rule under testdata/frameworks/invalid.
func TestInvalidFixtures(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"alias-bomb.yaml", []string{
			"0:0: file expands to more than 10,000 groups, competences and profiles through its aliases, the limit for a framework (an alias bomb?); write the values out instead of repeating aliases",
		}},
		{"bad-edits.yaml", []string{
			"3:10: remove: \"3.9\" names no node of ../valid/base.yaml (did you mean \"3.1\" or \"3.2\" or \"3\"?)",
			"4:16: remove_roles: \"mentor\" names no role of ../valid/base.yaml",
			"6:3: change \"4.1\": only a profile has a focus line",
			"9:12: add: under \"5\" names no node of ../valid/base.yaml (did you mean \"3\" or \"4\"?)",
			"13:9: role \"mentor\" is new (the base has no such role), so it needs a `name`; to change an existing role, use its id (\"sagsbehandler\", \"virksomhedskonsulent\")",
		}},
		{"cycle-a.yaml", []string{
			"2:10: extends: cycle cycle-a.yaml → cycle-b.yaml → cycle-a.yaml; a framework cannot extend itself through its bases",
		}},
		{"cycle-b.yaml", []string{
			"2:10: extends: cycle cycle-b.yaml → cycle-a.yaml → cycle-b.yaml; a framework cannot extend itself through its bases",
		}},
		{"duplicate-id.yaml", []string{
			"14:13: competence id \"1.1\" is defined twice (first at 12:13)",
			"17:9: profile id \"1\" is defined twice (first at 9:9)",
			"23:10: role id \"r\" is defined twice (first at 22:10)",
		}},
		{"empty.yaml", []string{
			"9:9: group \"1\" has no items; add its competences under `items:` or remove the empty `items:` to make it a scored leaf",
			"15:9: profile \"p\" has no items; add its competences under `items:`",
		}},
		{"levels.yaml", []string{
			"12:8: defaults.fit 1.5 must lie between 0 and 1 (e.g. 0.75 for three quarters of a profile's items)",
			"10:13: defaults.required is 7, which is outside the scale 0–3",
			"7:13: scale has a gap: level 2 is missing between 1 and 3; levels must be consecutive",
			"8:13: scale level 3 is defined twice (first at 7:13)",
			"19:9: profile \"p\" target is 9, which is outside the scale 0–3",
		}},
		{"missing-english.yaml", []string{
			"2:8: warning: title has no English translation (add `en: …`)",
			"12:13: warning: competence \"1.1\" name has no English translation (add `en: …`)",
			"12:13: competence \"1.1\" description has no text in the framework's language \"da\"",
		}},
		{"role-references.yaml", []string{
			"24:7: role \"jobkonsulent\" requires \"1.3\", which names no basic competence (did you mean \"1.1\" or \"1.2\" or \"1\"?)",
			"25:7: role \"jobkonsulent\" requires \"unge.1\", a profile competence; roles set levels for basic competences, and list the profiles they cover under `profiles:`",
			"26:7: role \"jobkonsulent\": the level for \"1.1\" is 5, which is outside the scale 0–2",
			"27:16: role \"jobkonsulent\" covers profile \"ungee\", which is not a profile of this framework (did you mean \"unge\"?)",
		}},
		{"structure.yaml", []string{
			"4:1: key \"title\" is given twice in the framework (first at 2:1)",
			"8:5: a scale level needs `level: <whole number>`",
			"11:16: name in \"da\" must be a non-empty text, not the value \"\"",
			"13:9: a competence needs an `id`",
			"15:16: name: \"dansk\" is not a language code; write texts as `name: {da: \"…\", en: \"…\"}`",
			"17:5: a role needs an `id`",
			"20:26: role \"r\" requires \"1.2\" twice (first at 20:16)",
			"1:1: defaults.required is not set, and its built-in value 2 is outside the scale 0–1; set `defaults: {required: <level>}`",
			"1:1: defaults.target is not set, and its built-in value 3 is outside the scale 0–1; set `defaults: {target: <level>}`",
			"7:13: scale level 1 needs a `label`",
			"10:9: group \"1\" name has no text in the framework's language \"da\"",
			"14:13: competence \"1.2\" name has no text in the framework's language \"da\"",
		}},
		{"syntax.yaml", []string{
			"4:1: YAML syntax: did not find expected ',' or '}'",
		}},
		{"types.yaml", []string{
			"1:5: framework id \"bad id\" may only hold ASCII letters, digits, '.', '_' and '-' (no spaces), starting with a letter or digit",
			"2:8: title must be a text or a mapping of language to text (e.g. {da: \"…\", en: \"…\"}), not a list",
			"3:11: language \"danish\" is not a BCP 47 language code such as da, sl or en",
			"5:13: level must be a whole number, not the value \"one\"",
			"1:1: `remove` only works in a framework that `extends` another one; add `extends: <id or file>` or remove `remove`",
			"1:1: the framework needs `scale: [levels]`",
		}},
		{"unknown-base.yaml", []string{
			"2:10: extends: \"fagligheder-fase4\" is neither a built-in framework (fagligheder-fase3, fagprofiler-basis, koordinator-mreze, lkb-2006, viborg-kar) nor a file",
		}},
		{"unknown-key.yaml", []string{
			"10:5: unknown key \"nmae\" in a basis group (did you mean \"name\" or \"note\"?); expected one of: id, name, statement, description, indicators, note, learning_goals, items",
			"14:9: unknown key \"indicator\" in a competence (did you mean \"indicators\"?); expected one of: id, name, statement, description, indicators, note, learning_goals, items",
			"9:5: basis group \"1\" needs a `name`",
			"15:1: unknown key \"rolls\" in the framework (did you mean \"roles\" or \"notes\"?); expected one of: id, title, language, source, description, origin, scale, defaults, basis, profiles, roles, target_groups, learning_goal_types, notes, metadata, extends, remove, remove_roles, change, add",
		}},
	}
	loader := NewLoader(builtinFS(t))
	// The fixtures extend ../valid/base.yaml: allow the folder above them.
	if err := loader.AllowDir(filepath.Join("..", "..", "testdata", "frameworks")); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("..", "..", "testdata", "frameworks", "invalid", tt.file)
			_, diags := loader.Check(path)
			var got []string
			for _, d := range diags {
				w := ""
				if d.Severity == Warning {
					w = "warning: "
				}
				got = append(got, fmt.Sprintf("%d:%d: %s%s", d.Pos.Line, d.Pos.Col, w, d.Message))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(tt.want), join(got))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("diagnostic %d:\n got  %s\n want %s", i, got[i], tt.want[i])
				}
			}
			if len(diags.Errors()) == 0 && tt.file != "missing-english.yaml" {
				t.Errorf("no errors")
			}
		})
	}
}

func TestAliasBombFailsFast(t *testing.T) {
	start := time.Now()
	_, diags := NewLoader(nil).Check(filepath.Join("..", "..", "testdata", "frameworks", "invalid", "alias-bomb.yaml"))
	if took := time.Since(start); took > time.Second {
		t.Errorf("alias bomb took %v, want under a second", took)
	}
	if len(diags.Errors()) == 0 {
		t.Fatal("alias bomb accepted")
	}
}
