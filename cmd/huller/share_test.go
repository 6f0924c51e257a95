package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
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
	type run struct {
		env  map[string]string
		args []string
	}
	var runs []run
	for _, mode := range [][]string{{"--pseudonymise"}, {"--aggregate"}, {"--for", "committee", "--by-role"}, {"--aggregate", "--min-cell", "3"}} {
		for _, env := range []map[string]string{keyed, nil} {
			for _, format := range []string{"table", "json", "csv", "markdown"} {
				args := append([]string{"analyze", roster, "--format", format, "--lang", "da"}, mode...)
				if mode[0] == "--pseudonymise" {
					args = append(args, "--by-team", "--by-role")
				}
				runs = append(runs, run{env, args})
			}
		}
	}
	runs = append(runs,
		run{keyed, []string{"analyze", roster, "--pseudonymise", "--for", "person", "--person", "Bo Kjær", "--format", "json"}},
		run{keyed, []string{"analyze", roster, "--pseudonymise", "--person", "N1001"}},
		run{keyed, []string{"analyze", roster, "--pseudonymise", "--without", "Bo Kjær,N1002", "--format", "json"}},
	)
	// a mapping with assessors and dates: --stale lists persons and who
	// assessed them
	mapping := filepath.Join("..", "..", "examples", "nordby-2026.csv")
	for _, mode := range []string{"--pseudonymise", "--aggregate"} {
		for _, format := range []string{"table", "json"} {
			runs = append(runs, run{keyed, []string{"analyze", mapping, mode, "--stale", "1m", "--format", format}})
		}
	}
	data, err := os.ReadFile(mapping)
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
	words := personWords(names)
	for i, r := range runs {
		out := filepath.Join(dir, "report"+string(rune('a'+i%26))+".xlsx")
		args := r.args
		if !strings.Contains(strings.Join(args, " "), "--format") || strings.Contains(strings.Join(args, " "), "table") {
			args = append(args, "-o", out)
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
	}
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
	dir := t.TempDir()
	mapFile := filepath.Join(dir, "map.csv")
	_, stderr, code := runEnv(t, env, "analyze", roster, "--pseudonymise", "--format", "json", "--pseudonymise-map", mapFile)
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
