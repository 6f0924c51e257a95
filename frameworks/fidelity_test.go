package frameworks_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/framework"
)

// updateSources rewrites testdata/sources/*.txt from the source documents:
// the lines of each source that the fidelity test needs.
var updateSources = flag.Bool("update-sources", false, "rewrite testdata/sources from the source documents (needs them: $HULLER_SEEDS or ../shared/seeds)")

// spec pins a built-in framework to its source document: the structure as
// the source has it, and where to find the source's words.
type spec struct {
	id   string
	seed string // file name of the source document
	// ocr: the source is an OCR text that lost æ, ø and å; a statement's
	// æ, ø or å then also matches the OCR's usual renderings of it.
	ocr bool
	// basis and profiles: each top-level node with the ids of every node
	// below it, in document order.
	basis, profiles []pin
	roles           []string
}

type pin struct {
	id    string
	below []string
}

// seq returns prefix+from … prefix+to.
func seq(prefix string, from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, fmt.Sprintf("%s%d", prefix, i))
	}
	return out
}

// tree expands "1.1/2 1.2/1" to 1.1, 1.1.1, 1.1.2, 1.2, 1.2.1: inner
// nodes, each followed by its numbered leaves.
func tree(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		id, n, _ := strings.Cut(f, "/")
		var k int
		fmt.Sscan(n, &k)
		out = append(append(out, id), seq(id+".", 1, k)...)
	}
	return out
}

// below lists the ids of every node below n, in document order.
func below(n *framework.Node) []string {
	var out []string
	for _, c := range n.Children {
		out = append(append(out, c.ID), below(c)...)
	}
	return out
}

// TestFidelity checks each built-in framework against its source document:
// the groups, competences, profiles and roles as the source has them, and
// every scored competence's source-language wording (its statement, else its
// name) word for word in the source, after only the repairs the framework's
// file lists in "# repair: `…` → `…`" comments. The source lines it needs
// are kept in testdata/sources, so that it runs without the source
// documents; where they are found, the kept lines are checked against them.
func TestFidelity(t *testing.T) {
	seeds := seedsDir()
	if seeds == "" {
		t.Log("source documents not found ($HULLER_SEEDS or ../shared/seeds): checking against the lines kept in testdata/sources only")
	}
	for _, sp := range specs {
		t.Run(sp.id, func(t *testing.T) {
			fw := load(t, sp.id)
			checkStructure(t, fw, sp)
			repairs := readRepairs(t, sp.id)
			kept := filepath.Join("testdata", "sources", sp.id+".txt")
			if *updateSources {
				if seeds == "" {
					t.Fatal("-update-sources needs the source documents")
				}
				writeExcerpt(t, fw, sp, repairs, filepath.Join(seeds, sp.seed), kept)
			}
			data, err := os.ReadFile(kept)
			if err != nil {
				t.Fatalf("%v (run with -update-sources to make it)", err)
			}
			src := string(data)
			if seeds != "" {
				checkKeptLines(t, src, filepath.Join(seeds, sp.seed))
			}
			text := newSourceText(src, repairs, sp.ocr)
			for _, w := range wordings(fw) {
				if _, _, ok := text.find(w.text, sp.ocr); !ok {
					t.Errorf("%s: %q is not in the source (after the listed repairs)", w.what, w.text)
				}
			}
			for _, r := range repairs {
				if !strings.Contains(text.repaired, compact(normalize(r.to))) {
					t.Errorf("repair %q → %q: %q does not occur in the source", r.from, r.to, r.from)
				}
			}
		})
	}
}

// wording is a text that must be the source's own words.
type wording struct{ what, text string }

// wordings lists the source-language texts of fw that are the source's
// words: each leaf's statement, else its name; statements of roles and
// notes, split where they mark an omission with "[…]".
func wordings(fw *framework.Framework) []wording {
	var out []wording
	lang := fw.Language
	for _, l := range fw.Leaves {
		out = append(out, wording{"leaf " + l.ID, fw.Wording(l, lang)})
	}
	add := func(what string, t framework.Text) {
		for _, part := range strings.Split(t[lang], "[…]") {
			if strings.TrimSpace(part) != "" {
				out = append(out, wording{what, strings.TrimSpace(part)})
			}
		}
	}
	for _, r := range fw.Roles {
		if r.Statement != nil {
			add("role "+r.ID+" statement", r.Statement)
		}
	}
	for _, n := range fw.Nodes() {
		if !n.IsLeaf() && n.Statement != nil {
			add(n.Kind()+" "+n.ID+" statement", n.Statement)
		}
	}
	for _, n := range fw.Notes {
		if n.Statement != nil {
			add("note "+n.ID+" statement", n.Statement)
		}
	}
	return out
}

func checkStructure(t *testing.T, fw *framework.Framework, sp spec) {
	t.Helper()
	for _, part := range []struct {
		what  string
		nodes []*framework.Node
		want  []pin
	}{{"basis", fw.Basis, sp.basis}, {"profiles", fw.Profiles, sp.profiles}} {
		var got []pin
		for _, n := range part.nodes {
			got = append(got, pin{n.ID, below(n)})
		}
		if len(got) == 0 && len(part.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, part.want) {
			t.Errorf("%s:\n got  %v\n want %v", part.what, got, part.want)
		}
	}
	var roles []string
	for _, r := range fw.Roles {
		roles = append(roles, r.ID)
	}
	if !reflect.DeepEqual(roles, sp.roles) {
		t.Errorf("roles %v, want %v", roles, sp.roles)
	}
}

// repair is one repair of the source's wording, listed in the framework's
// file: OCR damage or an obvious typo.
type repair struct{ from, to string }

var repairLine = regexp.MustCompile("^\\s*#\\s*repair:\\s*`([^`]+)`\\s*→\\s*`([^`]*)`\\s*$")

// readRepairs reads the "# repair: `from` → `to`" comments of a built-in.
func readRepairs(t *testing.T, id string) []repair {
	t.Helper()
	data, err := frameworks.FS.ReadFile(id + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	var out []repair
	for _, line := range strings.Split(string(data), "\n") {
		if m := repairLine.FindStringSubmatch(line); m != nil {
			out = append(out, repair{m[1], m[2]})
		}
	}
	return out
}

// normalize makes typography comparable: one kind of quotation mark, one
// kind of dash, one kind of apostrophe.
func normalize(s string) string {
	return strings.NewReplacer("”", `"`, "“", `"`, "„", `"`, "»", `"`, "«", `"`, "’", "'", "‘", "'",
		"–", "-", "—", "-", "−", "-", "\u00a0", " ", "…", "...").Replace(s)
}

// compact removes all white space, so that line breaks and the spacing of
// an extracted text do not matter.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// sourceText is a source (or its kept lines), normalised and repaired, with
// the line each character of the compacted text came from.
type sourceText struct {
	repaired string
	line     []int // line (0-based) of each byte of repaired
}

func newSourceText(src string, repairs []repair, ocr bool) sourceText {
	var b strings.Builder
	var at []int
	for i, l := range strings.Split(src, "\n") {
		if ocr {
			l = ocrNoise.Replace(l)
		}
		c := compact(normalize(l))
		b.WriteString(c)
		for range len(c) {
			at = append(at, i)
		}
	}
	st := sourceText{b.String(), at}
	for _, r := range repairs {
		st.replace(compact(normalize(r.from)), compact(normalize(r.to)))
	}
	return st
}

// replace replaces every from with to, keeping the line of each character:
// a replacement lies on the line where from began.
func (st *sourceText) replace(from, to string) {
	if from == "" {
		return
	}
	var b strings.Builder
	var at []int
	i := 0
	for {
		j := strings.Index(st.repaired[i:], from)
		if j < 0 {
			break
		}
		b.WriteString(st.repaired[i : i+j])
		at = append(at, st.line[i:i+j]...)
		b.WriteString(to)
		for range len(to) {
			at = append(at, st.line[i+j])
		}
		i += j + len(from)
	}
	b.WriteString(st.repaired[i:])
	at = append(at, st.line[i:]...)
	st.repaired, st.line = b.String(), at
}

// ocrNoise drops the marks an OCR made of check boxes and bullets.
var ocrNoise = strings.NewReplacer("[", "", "]", "", "|", "", "®", "", "¢", "")

// ocrLetters are the renderings of æ, ø and å in an OCR text that lost them.
var ocrLetters = map[rune]string{
	'æ': `(?:æ|ae|ee|e|a|z|x|@)`, 'Æ': `(?:Æ|AE|Ae|E|A|Z)`,
	'ø': `(?:ø|g|o|p|@|0|gg)`, 'Ø': `(?:Ø|@|O|G)`,
	'å': `(?:å|a|d|aa)`, 'Å': `(?:Å|A|D|Aa)`,
}

// find looks for the words w in the source and returns the lines they span.
func (st sourceText) find(w string, ocr bool) (first, last int, ok bool) {
	c := compact(normalize(w))
	if c == "" {
		return 0, 0, false
	}
	var i, n int
	if !ocr {
		i, n = strings.Index(st.repaired, c), len(c)
	} else {
		var re strings.Builder
		for _, r := range c {
			if alt, isOCR := ocrLetters[r]; isOCR {
				re.WriteString(alt)
			} else {
				re.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		loc := regexp.MustCompile(re.String()).FindStringIndex(st.repaired)
		if loc == nil {
			return 0, 0, false
		}
		i, n = loc[0], loc[1]-loc[0]
	}
	if i < 0 {
		return 0, 0, false
	}
	return st.line[i], st.line[i+n-1], true
}

// seedsDir finds the folder of the source documents: $HULLER_SEEDS, else
// ../shared/seeds next to the repository.
func seedsDir() string {
	for _, d := range []string{os.Getenv("HULLER_SEEDS"), filepath.Join("..", "..", "shared", "seeds")} {
		if d == "" {
			continue
		}
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return ""
}

// checkKeptLines checks that every kept line is a line of the source.
func checkKeptLines(t *testing.T, kept, seedFile string) {
	t.Helper()
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		lines[l] = true
	}
	for i, l := range strings.Split(kept, "\n") {
		if !lines[l] {
			t.Errorf("testdata line %d is not a line of %s: %q", i+1, filepath.Base(seedFile), l)
		}
	}
}

// writeExcerpt keeps the lines of the source that hold the framework's
// source wordings.
func writeExcerpt(t *testing.T, fw *framework.Framework, sp spec, repairs []repair, seedFile, kept string) {
	t.Helper()
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	text := newSourceText(string(data), repairs, sp.ocr)
	need := map[int]bool{}
	for _, w := range wordings(fw) {
		first, last, ok := text.find(w.text, sp.ocr)
		if !ok {
			continue // reported by the test
		}
		for i := first; i <= last; i++ {
			need[i] = true
		}
	}
	// Keep the lines that hold a repair's damaged text too.
	for i, l := range lines {
		for _, r := range repairs {
			if strings.Contains(compact(normalize(l)), compact(normalize(r.from))) {
				need[i] = true
			}
		}
	}
	var out []string
	for i, l := range lines {
		if need[i] {
			out = append(out, l)
		}
	}
	if err := os.MkdirAll(filepath.Dir(kept), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(kept, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}
