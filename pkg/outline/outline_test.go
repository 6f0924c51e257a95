package outline

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/framework"
)

func outline(t *testing.T, file, lang string) string {
	t.Helper()
	fw, err := framework.NewLoader(nil).Load(filepath.Join("..", "..", "testdata", "frameworks", "valid", file))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, fw, Options{Lang: lang, Width: 60}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if n := len([]rune(line)); n > 60 {
			t.Errorf("line wider than 60: %q", line)
		}
	}
	return buf.String()
}

func TestWriteLanguages(t *testing.T) {
	for lang, want := range map[string][]string{
		"":   {"BASISKOMPETENCER", "3  Juridisk kompetence", "    - Stiller åbne spørgsmål", "FAGLIGE PROFILER", "  Fokus: Virksomhedsservice", "kræver: 3=3, 3.2=2"},
		"en": {"BASIC COMPETENCES", "3  Legal competence", "    - Asks open questions", "PROFILES", "  Focus: Employer services", "expected profiles: virksomhed"},
	} {
		out := outline(t, "base.yaml", lang)
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("lang %q: output lacks %q:\n%s", lang, w, out)
			}
		}
		// A framework that marks nothing gets no legend and no marks.
		if strings.Contains(out, "[huller]") || strings.Contains(out, "»") || strings.Contains(out, "“") {
			t.Errorf("lang %q: unmarked framework shows marks:\n%s", lang, out)
		}
	}
}

// TestWriteMarks: the source's words are quoted, huller's additions marked,
// the extended format's fields shown in a readable form.
func TestWriteMarks(t *testing.T) {
	out := outline(t, "sourced.yaml", "en")
	for _, want := range []string{
		"Names are the source's words, and “…” quotes its full\nwording where a name shortens it; [huller] marks what huller\nadded",
		"SCALE  [huller] defined by huller, not by the source",
		"  3  Can teach others",
		"Defaults: required level 2 (Independent), profile target 2",
		"  [huller] huller default – adapt locally",
		"  1.1  Has a grasp of the legislation\n       “Has a firm grasp of the relevant legislation”\n       Learning goal: professional knowledge [huller]",
		"       [huller] A remark of huller's.",
		"  virksomhed.2  Knows the employers\n                Learning goal: professional knowledge\n",
		"needs 2 of 3 competences · specialists 2",
		"fit 100%",
		"medarbejder  Employee\n  “All employees of the job centres”\n  requires: 1=2 [huller]\n  requires: 1.2=1\n",
		"konsulent  Consultant\n  requires: 1=1\n  expected profiles: virksomhed\n\n",
		"TARGET GROUPS\n  - Unemployed people\n    - Young people under 30 (profile unge)\n  - Employers (profile virksomhed)",
		"LEARNING GOALS\n  methods and techniques\n    Mastering specific methods and techniques",
		"NOTES\n\nCompetence mapping\n  An overview of staff's competences.\n\nThe levels [huller]\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Danish: the source's words in Danish quotes.
	if da := outline(t, "sourced.yaml", "da"); !strings.Contains(da, "»Har styr på relevant lovgivning«") || !strings.Contains(da, "SKALA  [huller] fastlagt af huller, ikke af kilden") {
		t.Errorf("Danish outline:\n%s", da)
	}
	// The local adaptation: its own levels are not marked.
	local := outline(t, "sourced-local.yaml", "en")
	for _, want := range []string{"SCALE\n", "  1  Beginner\n", "  2  Independent [huller]", "requires: 1.2=1, 1.1=3\n"} {
		if !strings.Contains(local, want) {
			t.Errorf("local outline lacks %q:\n%s", want, local)
		}
	}
}
