package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huller/huller/examples"
)

// leakRoster is the example roster with two more persons whose names and
// ids reach the roster's warnings (no role, nothing assessed), one of them
// with characters XML escapes.
func leakRoster(t *testing.T) (path string, names []string) {
	t.Helper()
	data := string(examples.Roster)
	header := strings.SplitN(data, "\n", 2)[0]
	blank := strings.Repeat(";", strings.Count(header, ";")-4)
	data = strings.TrimRight(data, "\n") + "\n" +
		"N2001;Åse Ærenpris & Søn;;Ydelse;" + blank + "\n" +
		"N2002;Karl <Kvist>;jobkonsulent;Ydelse;" + blank + "\n"
	path = filepath.Join(t.TempDir(), "team.csv")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	rows, err := csvRecords(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		names = append(names, r[0], r[1])
	}
	return path, names
}

func csvRecords(data string) ([][]string, error) {
	r := csv.NewReader(strings.NewReader(data))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	return r.ReadAll()
}

// runHuller runs huller with args and an environment, and returns its
// standard output and error.
func runEnv(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(k string) string { return env[k] }}
	code = execute(s, args)
	return out.String(), errb.String(), code
}

// workbookParts returns every part of a workbook, unzipped.
func workbookParts(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
	}
	return parts
}

// TestNoPersonLeaks: with --pseudonymise (keyed and numbered) and in
// aggregate reports, no name and no id of the roster appears anywhere: in
// any output format, on standard error, or in any part of the workbook
// (cells, shared strings, comments, charts, document properties) — also
// not XML-escaped, nor as a name's first and last word apart.
func TestNoPersonLeaks(t *testing.T) {
	roster, names := leakRoster(t)
	dir := t.TempDir()
	keyed := map[string]string{"HULLER_KEY": "a secret key of thirty-two bytes"}
	var runs []shareRun
	for _, mode := range [][]string{{"--pseudonymise"}, {"--aggregate"}, {"--for", "committee", "--by-role"}, {"--aggregate", "--min-cell", "3"}} {
		for _, env := range []map[string]string{keyed, nil} {
			for _, format := range []string{"table", "json", "csv", "markdown"} {
				args := append([]string{"analyze", roster, "--format", format, "--lang", "da"}, mode...)
				if mode[0] == "--pseudonymise" {
					args = append(args, "--by-team", "--by-role")
				}
				runs = append(runs, shareRun{env: env, args: args})
			}
		}
	}
	runs = append(runs,
		shareRun{env: keyed, args: []string{"analyze", roster, "--pseudonymise", "--for", "person", "--person", "Bo Kjær", "--format", "json"}},
		shareRun{env: keyed, args: []string{"analyze", roster, "--pseudonymise", "--person", "N1001"}},
		shareRun{env: keyed, args: []string{"analyze", roster, "--pseudonymise", "--without", "Bo Kjær,N1002", "--format", "json"}},
	)
	// a mapping with assessors and dates: --stale lists persons and who
	// assessed them
	mapping := filepath.Join("..", "..", "examples", "nordby-2026.csv")
	for _, mode := range []string{"--pseudonymise", "--aggregate"} {
		for _, format := range []string{"table", "json"} {
			runs = append(runs, shareRun{env: keyed, args: []string{"analyze", mapping, mode, "--stale", "1m", "--format", format}})
		}
	}
	runs = append(runs, shareRuns(t, roster, mapping, dir)...)
	names = append(names, "Nemo Stranger", "X9001") // in a plan diff follows up
	for _, m := range []string{mapping, filepath.Join("..", "..", "examples", "nordby-2027.csv")} {
		data, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csvRecords(string(data))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows[1:] {
			names = append(names, r[0], r[1], r[5])
		}
	}
	words := personWords(names)
	for i, r := range runs {
		out := filepath.Join(dir, "report"+string(rune('a'+i%26))+".xlsx")
		args := r.args
		table := !strings.Contains(strings.Join(args, " "), "--format") || strings.Contains(strings.Join(args, " "), "table")
		if table && args[0] != "risk" { // risk writes no workbook
			args = append(slices.Clip(args), "-o", out)
		}
		stdout, stderr, code := runEnv(t, r.env, args...)
		what := strings.Join(r.args, " ")
		if code != 0 {
			t.Fatalf("huller %s: exit %d\n%s", what, code, stderr)
		}
		scanLeaks(t, what+": stdout", stdout, words)
		scanLeaks(t, what+": stderr", stderr, words)
		if slicesContains(args, "-o") {
			for part, text := range workbookParts(t, out) {
				scanLeaks(t, what+": "+part, text, words)
			}
			os.Remove(out)
		}
		for _, f := range r.files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatalf("huller %s: %v", what, err)
			}
			scanLeaks(t, what+": "+f, string(data), words)
			os.Remove(f)
		}
	}
}

// shareRun is a run of huller whose every output must name no person of
// the rosters: its standard output and error, the workbook it writes with
// -o, and files.
type shareRun struct {
	env   map[string]string
	args  []string
	files []string // other files it writes
}

// shareRuns are the runs of plan, risk and diff with pseudonyms, keyed
// and numbered, in every format (-o with the table): roster is the example
// roster with persons named in its warnings, mapping the example's first
// mapping (with assessors). diff compares it with the second, and with a
// copy of it without ids for every other person (persons matched by
// name), following up a plan made with names.
func shareRuns(t *testing.T, roster, mapping, dir string) []shareRun {
	keyed := map[string]string{"HULLER_KEY": "a secret key of thirty-two bytes"}
	next := filepath.Join("..", "..", "examples", "nordby-2027.csv")
	catalog := filepath.Join("..", "..", "examples", "kursuskatalog.yaml")
	plan := filepath.Join(dir, "plan.json")
	out, stderr, code := runEnv(t, nil, "plan", mapping, "--catalog", catalog, "--format", "json")
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s", code, stderr)
	}
	if err := os.WriteFile(plan, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	// a plan one of whose persons is in neither mapping
	stranger := filepath.Join(dir, "stranger.json")
	if err := os.WriteFile(stranger, []byte(strings.ReplaceAll(out, `"name":"Bo Kjær","id":"N1001"`, `"name":"Nemo Stranger","id":"X9001"`)), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(mapping)
	if err != nil {
		t.Fatal(err)
	}
	mixed := filepath.Join(dir, "mixed.csv")
	withoutIDs(t, data, mixed)
	var runs []shareRun
	for _, env := range []map[string]string{keyed, nil} {
		for _, format := range []string{"table", "json", "csv", "markdown"} {
			f := []string{"--format", format, "--lang", "da", "--pseudonymise"}
			runs = append(runs,
				shareRun{env: env, args: append([]string{"plan", roster, "--catalog", catalog}, f...)},
				shareRun{env: env, args: append([]string{"risk", roster, "--catalog", catalog, "--without", "Bo Kjær,N1002"}, f...)},
				shareRun{env: env, args: append([]string{"risk", roster, "--vacancy", "jobkonsulent"}, f...)},
				shareRun{env: env, args: append([]string{"diff", mapping, next, "--plan", plan}, f...)},
				shareRun{env: env, args: append([]string{"diff", mixed, next, "--plan", plan}, f...)})
		}
	}
	projected := filepath.Join(dir, "projected.csv")
	return append(runs,
		shareRun{env: keyed, args: []string{"plan", roster, "--catalog", catalog, "--pseudonymise", "--projected", projected}, files: []string{projected}},
		shareRun{env: keyed, args: []string{"plan", roster, "--catalog", catalog, "--pseudonymise", "--for", "person", "--person", "Bo Kjær"}},
		shareRun{env: keyed, args: []string{"plan", roster, "--catalog", catalog, "--pseudonymise", "--person", "N1002", "--format", "json"}},
		shareRun{env: keyed, args: []string{"diff", mapping, next, "--pseudonymise", "--format", "markdown"}},
		shareRun{env: keyed, args: []string{"diff", mapping, next, "--pseudonymise", "--plan", stranger}},
		shareRun{env: nil, args: []string{"diff", mixed, next, "--pseudonymise", "--plan", stranger, "--format", "json"}})
}

func slicesContains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// personWords returns what must not appear: every name and id, and for a
// name of several words its first and last word together in either order.
func personWords(names []string) []string {
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		out = append(out, n, html.EscapeString(n))
		if f := strings.Fields(n); len(f) > 1 {
			out = append(out, f[len(f)-1]+", "+f[0])
		}
	}
	return out
}

func scanLeaks(t *testing.T, where, text string, words []string) {
	t.Helper()
	for _, w := range words {
		if i := strings.Index(text, w); i >= 0 {
			t.Errorf("%s: %q appears: …%s…", where, w, text[max(0, i-40):min(len(text), i+len(w)+40)])
		}
	}
}

// pseudonymsOf runs a pseudonymised JSON analysis and returns the
// pseudonym of each person, by the id in the table written with
// --pseudonymise-map.
func pseudonymsOf(t *testing.T, env map[string]string, roster string) map[string]string {
	t.Helper()
	return pseudonymsBy(t, env, "analyze", roster)
}

// pseudonymsBy runs huller with args, pseudonymised, and returns the
// pseudonym of each person by id, as its pseudonym table says.
func pseudonymsBy(t *testing.T, env map[string]string, args ...string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	mapFile := filepath.Join(dir, "map.csv")
	_, stderr, code := runEnv(t, env, append(args, "--pseudonymise", "--format", "json", "--pseudonymise-map", mapFile)...)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(mapFile)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows[1:] {
		if p, ok := out[r[2]]; ok && p != r[0] && r[2] != "" { // "": assessors
			t.Errorf("huller %s: %s has two pseudonyms, %s and %s", strings.Join(args, " "), r[2], p, r[0])
		}
		out[r[2]] = r[0]
	}
	return out
}

// TestPseudonymsStable: the same key gives the same pseudonyms across runs
// and across files (a roster holding part of the persons); another key
// gives others; without a key they are numbered.
func TestPseudonymsStable(t *testing.T) {
	roster, _ := leakRoster(t)
	part := filepath.Join(t.TempDir(), "part.csv")
	lines := strings.Split(string(examples.Roster), "\n")
	if err := os.WriteFile(part, []byte(strings.Join(append(lines[:1], lines[20:30]...), "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	k1 := map[string]string{"HULLER_KEY": "0123456789abcdef0123456789abcdef"}
	k2 := map[string]string{"HULLER_KEY": "another key, also long enough...."}
	a, b, c := pseudonymsOf(t, k1, roster), pseudonymsOf(t, k1, roster), pseudonymsOf(t, k1, part)
	d := pseudonymsOf(t, k2, roster)
	n := pseudonymsOf(t, nil, roster)
	keyed := regexp.MustCompile(`^P-[0-9A-F]{8}$`)
	numbered := regexp.MustCompile(`^P-[0-9]{4}$`)
	if len(a) != 42 || len(c) != 10 {
		t.Fatalf("%d and %d pseudonyms", len(a), len(c))
	}
	for id, p := range a {
		if !keyed.MatchString(p) || b[id] != p || d[id] == p || !numbered.MatchString(n[id]) {
			t.Errorf("%s: %s, again %s, another key %s, numbered %s", id, p, b[id], d[id], n[id])
		}
	}
	for id, p := range c {
		if a[id] != p {
			t.Errorf("%s: %s in the whole roster, %s in part of it", id, a[id], p)
		}
	}
	// plan, risk and diff give each person the pseudonym analyze gives
	examples := filepath.Join("..", "..", "examples")
	plan := filepath.Join(t.TempDir(), "plan.json")
	out, stderr, code := runEnv(t, nil, "plan", filepath.Join(examples, "nordby-2026.csv"), "--catalog", filepath.Join(examples, "kursuskatalog.yaml"), "--format", "json")
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s", code, stderr)
	}
	os.WriteFile(plan, []byte(out), 0o644)
	mapping := pseudonymsOf(t, k1, filepath.Join(examples, "nordby-2026.csv"))
	for _, args := range [][]string{
		{"plan", roster},
		{"risk", roster},
		{"diff", filepath.Join(examples, "nordby-2026.csv"), filepath.Join(examples, "nordby-2027.csv"), "--plan", plan},
	} {
		by := pseudonymsBy(t, k1, args...)
		n := 0
		for id, p := range by {
			if id == "" {
				continue // an assessor
			}
			want, ok := a[id]
			if !ok {
				want, ok = mapping[id]
			}
			if ok {
				n++
			}
			if ok && want != p || !keyed.MatchString(p) {
				t.Errorf("huller %s: %s is %s, in analyze %s", args[0], id, p, want)
			}
		}
		if n < 40 {
			t.Errorf("huller %s: %d persons also in analyze's table", args[0], n)
		}
	}
}

// TestShareUsage: the sharing flags' combinations that make no sense are
// usage errors; the pseudonym table is refused in the report's folder.
func TestShareUsage(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "short.key")
	os.WriteFile(keyFile, []byte("short\n"), 0o600)
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--for", "person"}, exitUsage, "--for person needs --person"},
		{[]string{"--for", "committee", "--person", "N1001"}, exitUsage, "shows no person"},
		{[]string{"--for", "leader", "--person", "N1001"}, exitUsage, "use --for person"},
		{[]string{"--aggregate", "--person", "N1001"}, exitUsage, "does not go with --for person"},
		{[]string{"--min-cell", "3"}, exitUsage, "--min-cell is for aggregate reports"},
		{[]string{"--key-file", keyFile}, exitUsage, "--key-file is for pseudonymised reports"},
		{[]string{"--aggregate", "--pseudonymise-map", filepath.Join(dir, "m.csv")}, exitUsage, "shows no pseudonyms"},
		{[]string{"--aggregate", "--by-team", "--by-role"}, exitUsage, "one breakdown"},
		{[]string{"--aggregate", "--min-cell", "1"}, exitUsage, "not a whole number from 2"},
		{[]string{"--pseudonymise", "--key-file", keyFile}, exitError, "it needs at least 16"},
		{[]string{"--pseudonymise", "--key-file", filepath.Join(dir, "none.key")}, exitError, "--key-file"},
		{[]string{"--pseudonymise", "-o", filepath.Join(dir, "r.xlsx"), "--pseudonymise-map", filepath.Join(dir, "m.csv")}, exitUsage, "same folder as the report"},
	}
	for _, tt := range tests {
		_, stderr, code := runEnv(t, nil, append([]string{"analyze", "--example"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.msg) {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant exit %d and %q", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
	// the table in another folder is written, and only it holds the names
	other := filepath.Join(dir, "keep")
	os.Mkdir(other, 0o700)
	out, stderr, code := runEnv(t, nil, "analyze", "--example", "--pseudonymise", "--format", "json",
		"-o", filepath.Join(dir, "r.xlsx"), "--pseudonymise-map", filepath.Join(other, "m.csv"))
	if code != 0 || !strings.Contains(stderr, "keep it apart from the report") || strings.Contains(out, "Bo Kjær") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	table, _ := os.ReadFile(filepath.Join(other, "m.csv"))
	if !strings.Contains(string(table), "Bo Kjær,N1001,examples/nordby-roster.csv") {
		t.Errorf("pseudonym table:\n%s", table)
	}
	var doc struct {
		Mode     string `json:"mode"`
		Audience string `json:"audience"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Mode != "pseudonymised" || doc.Audience != "leader" {
		t.Errorf("mode %q, audience %q, %v", doc.Mode, doc.Audience, err)
	}
}

// withoutIDs writes the mapping data with every other person's id left
// out, to path.
func withoutIDs(t *testing.T, data []byte, path string) {
	t.Helper()
	lines := strings.Split(string(data), "\n")
	for i := 1; i < len(lines); i += 2 {
		if j := strings.IndexByte(lines[i], ';'); j > 0 {
			lines[i] = lines[i][j:]
		}
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDiffPseudonymisedAsNamed: a pseudonymised diff --plan is the named
// one with every person replaced by their pseudonym — the same persons
// matched (also those with an id in one mapping only, whom diff matches by
// name), the plan's persons found as before, the same figures.
func TestDiffPseudonymisedAsNamed(t *testing.T) {
	dir := t.TempDir()
	old, now, plan := filepath.Join(dir, "old.csv"), filepath.Join(dir, "new.csv"), filepath.Join(dir, "plan.json")
	withoutIDs(t, examples.Mapping2026, old)
	// the plan made from the mapping with every id: its persons are found
	// in OLD by id, and by name where OLD has no id
	withIDs := filepath.Join(dir, "with-ids.csv")
	for _, f := range []struct {
		path string
		data []byte
	}{{now, examples.Mapping2027}, {withIDs, examples.Mapping2026}} {
		if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"HULLER_KEY": "a secret key of thirty-two bytes"}
	out, stderr, code := runEnv(t, nil, "plan", withIDs, "--catalog", filepath.Join("..", "..", "examples", "kursuskatalog.yaml"), "--format", "json")
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s", code, stderr)
	}
	if err := os.WriteFile(plan, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	named, stderr, code := runEnv(t, nil, "diff", old, now, "--plan", plan, "--format", "json")
	if code != 0 {
		t.Fatalf("diff: exit %d\n%s", code, stderr)
	}
	keep := filepath.Join(dir, "keep")
	os.Mkdir(keep, 0o700)
	mapFile := filepath.Join(keep, "who.csv")
	pseudo, stderr, code := runEnv(t, env, "diff", old, now, "--plan", plan, "--format", "json", "--pseudonymise", "--pseudonymise-map", mapFile)
	if code != 0 {
		t.Fatalf("diff --pseudonymise: exit %d\n%s", code, stderr)
	}
	to := pseudonymTable(t, mapFile)
	a, b := decodeJSON(t, named), decodeJSON(t, pseudo)
	for _, k := range []string{"match", "plan"} {
		if m := a[k].(map[string]any); m["by_name"].(float64) < 10 {
			t.Fatalf("the named diff's %s matched %v persons by name: the test proves little", k, m["by_name"])
		}
	}
	for _, doc := range []map[string]any{a, b} {
		delete(doc, "mode")
		for _, k := range []string{"match", "plan"} {
			m := doc[k].(map[string]any)
			delete(m, "by_name")
			delete(m, "by_id")
		}
	}
	sameAsNamed(t, a, b, to)
}

// pseudonymTable reads a pseudonym table (--pseudonymise-map): the
// pseudonym of each name and id, each given one.
func pseudonymTable(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	to := map[string]string{}
	for _, r := range rows[1:] {
		for _, s := range r[1:3] {
			if p, ok := to[s]; s != "" && ok && p != r[0] {
				t.Errorf("%s has two pseudonyms, %s and %s", s, p, r[0])
			}
			if s != "" {
				to[s] = r[0]
			}
		}
	}
	return to
}

func decodeJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// sameAsNamed fails unless the pseudonymised document is the named one
// with pseudonyms (table to) for names, lists in any order.
func sameAsNamed(t *testing.T, named, pseudo map[string]any, to map[string]string) {
	t.Helper()
	x, y := canonical(replaceNames(named, to)), canonical(pseudo)
	if x != y {
		i := 0
		for i < len(x) && i < len(y) && x[i] == y[i] {
			i++
		}
		t.Errorf("the pseudonymised output is not the named one with pseudonyms:\nnamed  …%s…\npseudo …%s…", x[max(0, i-300):min(len(x), i+200)], y[max(0, i-300):min(len(y), i+200)])
	}
}

// replaceNames replaces every string of a decoded JSON document that is a
// name or id of to by its pseudonym; an object with a name and an id gets
// the pseudonym as both; a person's "matched_by" is left out (persons with
// pseudonyms are matched by them).
func replaceNames(v any, to map[string]string) any {
	switch x := v.(type) {
	case string:
		if p, ok := to[x]; ok {
			return p
		}
		return x
	case []any:
		for i := range x {
			x[i] = replaceNames(x[i], to)
		}
	case map[string]any:
		for k := range x {
			x[k] = replaceNames(x[k], to)
		}
		if name, ok := x["name"].(string); ok {
			if _, ok := x["id"]; ok {
				x["id"] = name
			}
		}
		delete(x, "matched_by")
	}
	return v
}

// canonical writes a decoded JSON document with every list sorted (persons
// are listed in another order with pseudonyms) and "matched_by" left out.
func canonical(v any) string {
	switch x := v.(type) {
	case []any:
		items := make([]string, len(x))
		for i := range x {
			items[i] = canonical(x[i])
		}
		slices.Sort(items)
		return "[" + strings.Join(items, ",") + "]"
	case map[string]any:
		delete(x, "matched_by")
		keys := slices.Sorted(maps.Keys(x))
		items := make([]string, len(keys))
		for i, k := range keys {
			items[i] = strconv.Quote(k) + ":" + canonical(x[k])
		}
		return "{" + strings.Join(items, ",") + "}"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// TestPseudonymisedAsNamed: a report or plan made with pseudonyms is the
// one made with names, pseudonyms for names: every choice between equal
// persons (a nearest candidate, a colleague who teaches, a joint
// activity's lead, a seat on a course) is the same, though the persons are
// listed in pseudonym order.
func TestPseudonymisedAsNamed(t *testing.T) {
	env := map[string]string{"HULLER_KEY": "a secret key of thirty-two bytes"}
	for _, args := range [][]string{
		{"analyze", "--example", "--by-team"},
		{"analyze", "--example", "--person", "Ole Kjær"},
		{"plan", "--example"},
		{"plan", "--example", "--person", "Ole Kjær"},
		{"risk", "--example"},
	} {
		t.Run(args[0], func(t *testing.T) {
			named, stderr, code := runEnv(t, nil, append(args, "--format", "json")...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			mapFile := filepath.Join(t.TempDir(), "who.csv")
			pseudo, stderr, code := runEnv(t, env, append(args, "--format", "json", "--pseudonymise", "--pseudonymise-map", mapFile)...)
			if code != 0 {
				t.Fatalf("--pseudonymise: exit %d\n%s", code, stderr)
			}
			a, b := decodeJSON(t, named), decodeJSON(t, pseudo)
			for _, doc := range []map[string]any{a, b} {
				delete(doc, "mode")
				dropKey(doc, "row")
			}
			sameAsNamed(t, a, b, pseudonymTable(t, mapFile))
		})
	}
}

// dropKey deletes key k from every object of a decoded JSON document.
func dropKey(v any, k string) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			dropKey(e, k)
		}
	case map[string]any:
		delete(x, k)
		for _, e := range x {
			dropKey(e, k)
		}
	}
}

// TestInspectComments: a committee report saved again by LibreOffice
// (which drops the comments' author) holds no personal data, since its
// comments are the texts huller wrote; a comment added to it, with or
// without an author, makes it one that may.
func TestInspectComments(t *testing.T) {
	dir := t.TempDir()
	med := filepath.Join(dir, "med.xlsx")
	if _, stderr, code := runEnv(t, nil, "analyze", "--example", "--for", "committee", "-o", med); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	authors := regexp.MustCompile(`<authors>.*?</authors>`)
	for _, tt := range []struct {
		name  string
		edit  func(part string) string
		code  int
		words string
	}{
		{"as written", func(p string) string { return p }, exitOK, "personal data: none found"},
		{"saved without authors", func(p string) string { return authors.ReplaceAllString(p, "<authors><author> </author></authors>") },
			exitOK, "personal data: none found"},
		{"a comment added without an author", func(p string) string {
			p = authors.ReplaceAllString(p, "<authors><author> </author></authors>")
			return strings.Replace(p, "</commentList>", `<comment ref="A9" authorId="0"><text><r><t>Ole is on sick leave</t></r></text></comment></commentList>`, 1)
		}, exitFindings, "without an author's name"},
		{"a comment added by a person", func(p string) string {
			p = strings.Replace(p, "</authors>", "<author>Hanne Jensen</author></authors>", 1)
			return strings.Replace(p, "</commentList>", `<comment ref="A9" authorId="1"><text><r><t>Ole is on sick leave</t></r></text></comment></commentList>`, 1)
		}, exitFindings, "by Hanne Jensen"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".xlsx")
			rewriteParts(t, med, path, func(name, part string) string {
				if strings.HasPrefix(name, "xl/comments") {
					return tt.edit(part)
				}
				return part
			})
			out, stderr, code := runEnv(t, nil, "inspect", path)
			if code != tt.code || !strings.Contains(out, tt.words) {
				t.Errorf("exit %d, want %d, and %q in\n%s%s", code, tt.code, tt.words, out, stderr)
			}
		})
	}
}

// rewriteParts copies the workbook at from to to, each part through edit.
func rewriteParts(t *testing.T, from, to string, edit func(name, part string) string) {
	t.Helper()
	zr, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(edit(f.Name, string(data)))); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
