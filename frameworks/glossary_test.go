package frameworks_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/framework"
)

// term is one row of GLOSSARY.md.
type term struct {
	source map[string][]*regexp.Regexp // language → alternative terms
	words  map[string][]string         // the same terms as written
	en     []string                    // accepted English renderings
	avoid  []*regexp.Regexp            // English renderings not to use
	avoidW []string
	line   int
}

var namesLine = regexp.MustCompile(`^Names stay in their own language and are not checked: (.*)$`)

// readGlossary parses the table of GLOSSARY.md, and the names it exempts.
func readGlossary(t *testing.T) ([]term, []string) {
	t.Helper()
	data, err := os.ReadFile("GLOSSARY.md")
	if err != nil {
		t.Fatal(err)
	}
	split := func(cell string) []string {
		var out []string
		for _, s := range strings.Split(cell, ";") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	var terms []term
	var names []string
	lines := strings.Split(string(data), "\n")
	for i, line := range lines {
		if m := namesLine.FindStringSubmatch(line); m != nil {
			rest := m[1]
			for j := i + 1; j < len(lines) && strings.TrimSpace(lines[j]) != ""; j++ {
				rest += " " + lines[j]
			}
			for _, n := range strings.Split(strings.TrimSuffix(strings.TrimSpace(rest), "."), ",") {
				names = append(names, strings.TrimSpace(n))
			}
		}
		if !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "| da ") || strings.HasPrefix(line, "|---") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) < 4 {
			t.Fatalf("GLOSSARY.md:%d: a row needs the columns da, sl, en, avoid, note", i+1)
		}
		tm := term{source: map[string][]*regexp.Regexp{}, words: map[string][]string{"da": split(cells[0]), "sl": split(cells[1])},
			en: split(cells[2]), avoidW: split(cells[3]), line: i + 1}
		for lang, ws := range tm.words {
			for _, w := range ws {
				tm.source[lang] = append(tm.source[lang], wordStart(w))
			}
		}
		for _, a := range tm.avoidW {
			tm.avoid = append(tm.avoid, wholeWords(a))
		}
		if len(tm.en) == 0 || len(tm.words["da"])+len(tm.words["sl"]) == 0 {
			t.Fatalf("GLOSSARY.md:%d: a row needs a Danish or Slovenian term and its English", i+1)
		}
		terms = append(terms, tm)
	}
	if len(terms) < 30 || len(names) == 0 {
		t.Fatalf("GLOSSARY.md has only %d terms and %d names", len(terms), len(names))
	}
	return terms, names
}

// wordStart matches s where a word begins with it (words may continue), case-insensitively.
func wordStart(s string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(^|[^\p{L}])` + regexp.QuoteMeta(s))
}

// wholeWords matches s as whole words, case-insensitively.
func wholeWords(s string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(^|[^\p{L}])` + regexp.QuoteMeta(s) + `($|[^\p{L}])`)
}

// allTexts lists every human text of a framework with a name for messages.
func allTexts(fw *framework.Framework) map[string]framework.Text {
	out := map[string]framework.Text{"title": fw.Title, "description": fw.Description}
	put := func(what string, t framework.Text) {
		if t != nil {
			out[what] = t
		}
	}
	for _, l := range fw.Scale {
		put("scale label "+l.Label["en"], l.Label)
		put("scale description "+l.Label["en"], l.Description)
	}
	for _, n := range fw.Nodes() {
		put(n.ID+" name", n.Name)
		put(n.ID+" statement", n.Statement)
		put(n.ID+" description", n.Description)
		put(n.ID+" focus", n.Focus)
		put(n.ID+" note", n.Note)
		for i, ind := range n.Indicators {
			put(n.ID+" indicator "+string(rune('1'+i)), ind)
		}
	}
	for _, r := range fw.Roles {
		put("role "+r.ID+" name", r.Name)
		put("role "+r.ID+" statement", r.Statement)
		put("role "+r.ID+" description", r.Description)
	}
	var groups func(string, []*framework.TargetGroup)
	groups = func(at string, gs []*framework.TargetGroup) {
		for i, g := range gs {
			w := at + "." + string(rune('1'+i))
			put("target group "+w, g.Name)
			put("target group "+w+" description", g.Description)
			groups(w, g.Items)
		}
	}
	groups("", fw.TargetGroups)
	for _, g := range fw.LearningGoalTypes {
		put("learning goal "+string(g.Type), g.Name)
		put("learning goal "+string(g.Type)+" description", g.Description)
	}
	for _, n := range fw.Notes {
		put("note "+n.ID+" title", n.Title)
		put("note "+n.ID+" text", n.Text)
		put("note "+n.ID+" statement", n.Statement)
	}
	return out
}

// TestGlossary checks the English of every built-in framework and of the
// example adaptation against
// GLOSSARY.md: a text that uses a glossary term in its own language uses
// the term's English rendering in English, and no English text uses an
// avoided rendering.
func TestGlossary(t *testing.T) {
	terms, names := readGlossary(t)
	unname := func(s string) string {
		for _, n := range names {
			s = strings.ReplaceAll(s, n, "")
		}
		return s
	}
	// The built-ins, and the example a job centre copies.
	refs := append(framework.NewLoader(frameworks.FS).Builtins(), "../examples/jobcenter-nordby.yaml")
	for _, id := range refs {
		fw := load(t, id)
		for what, tx := range allTexts(fw) {
			src, en := unname(tx[fw.Language]), unname(tx["en"])
			if strings.ContainsAny(en, "»«„") {
				t.Errorf("%s %s: English %q uses Danish or Slovenian quotation marks; write \"…\"", id, what, en)
			}
			for _, tm := range terms {
				for i, a := range tm.avoid {
					if a.MatchString(en) {
						t.Errorf("%s %s: %q uses %q; GLOSSARY.md:%d says %q", id, what, en, tm.avoidW[i], tm.line, strings.Join(tm.en, " or "))
					}
				}
				used := ""
				for i, re := range tm.source[fw.Language] {
					if re.MatchString(src) {
						used = tm.words[fw.Language][i]
					}
				}
				if used == "" {
					continue
				}
				ok := false
				for _, e := range tm.en {
					if strings.Contains(strings.ToLower(en), strings.ToLower(e)) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%s %s: %q has %q, but its English %q lacks %q (GLOSSARY.md:%d)", id, what, src, used, en, strings.Join(tm.en, " or "), tm.line)
				}
			}
		}
	}
}

// TestGlossaryProgram: huller's own English — its labels and sentences
// (pkg/lang), the commands' help and messages (cmd/huller) and the README —
// uses no rendering the glossary avoids.
func TestGlossaryProgram(t *testing.T) {
	terms, _ := readGlossary(t)
	var files []string
	for _, pattern := range []string{"../pkg/lang/*.go", "../cmd/huller/*.go", "../README.md"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 3 {
		t.Fatalf("found only %q", files)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range strings.Split(string(data), "\n") {
			for _, tm := range terms {
				for i, re := range tm.avoid {
					if re.MatchString(line) {
						t.Errorf("%s:%d uses %q; GLOSSARY.md:%d says %q", f, n+1, tm.avoidW[i], tm.line, strings.Join(tm.en, " or "))
					}
				}
			}
		}
	}
}
