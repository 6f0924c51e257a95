package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// runJSON runs huller with args and decodes its JSON output.
func runJSON(t *testing.T, args ...string) map[string]json.RawMessage {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
	if code := execute(s, args); code != 0 {
		t.Fatalf("huller %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("huller %s: %v", strings.Join(args, " "), err)
	}
	return m
}

func compactJSON(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestProjectedRoster: `huller analyze` on the roster --projected writes,
// with the same framework and thresholds, gives exactly the plan's
// "after", field by field; the plan's "before" is analyze's summary of
// the roster itself.
func TestProjectedRoster(t *testing.T) {
	dir := t.TempDir()
	for i, flags := range [][]string{
		nil,
		{"--coverage", "0.9", "--min-specialists", "1"},
		{"--budget", "60000", "--max-mentees", "1"},
		{"--courses-only", "--target", "2", "--fit", "0.5"},
		{"--no-mentoring", "--joint-min", "3", "--team", "Sygedagpenge"},
	} {
		projected := filepath.Join(dir, "after"+string(rune('0'+i))+".csv")
		args := append([]string{"plan", "--example", "--format", "json", "--projected", projected}, flags...)
		p := runJSON(t, args...)
		var analysisFlags []string
		for k := 0; k < len(flags); k++ {
			switch flags[k] {
			case "--coverage", "--min-specialists", "--target", "--fit", "--team":
				analysisFlags = append(analysisFlags, flags[k], flags[k+1])
				k++
			case "--budget", "--max-mentees", "--joint-min":
				k++
			}
		}
		before := runJSON(t, append([]string{"analyze", "--example", "--format", "json"}, analysisFlags...)...)
		after := runJSON(t, append([]string{"analyze", projected, "--framework", "fagligheder-fase3", "--format", "json"}, analysisFlags...)...)
		if got, want := compactJSON(t, p["before"]), compactJSON(t, before["summary"]); got != want {
			t.Errorf("%v: before %s\nanalyze says %s", flags, got, want)
		}
		if got, want := compactJSON(t, p["after"]), compactJSON(t, after["summary"]); got != want {
			t.Errorf("%v: after %s\nanalyze of the projected roster says %s", flags, got, want)
		}
	}
}

// TestPlanExitCodes: 0 for a plan, 1 for invalid input, 2 for wrong usage;
// every line on stderr carries the "huller: " prefix once.
func TestPlanExitCodes(t *testing.T) {
	bad := filepath.Join("..", "..", "testdata", "frameworks", "invalid", "empty.yaml")
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"plan", "--example", "--format", "json"}, exitOK},
		{[]string{"plan", "--example", "--catalog", bad}, exitError},
		{[]string{"plan", "--example", "--catalog", "nosuch.yaml"}, exitError},
		{[]string{"plan", "--example", "--person", "Nobody"}, exitError},
		{[]string{"plan"}, exitUsage},
		{[]string{"plan", "--example", "--budget", "-5"}, exitUsage},
		{[]string{"plan", "--example", "--format", "xml"}, exitUsage},
		{[]string{"schema", "--catalog", "x"}, exitUsage},
	} {
		var out, errb bytes.Buffer
		s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
		if code := execute(s, tt.args); code != tt.code {
			t.Errorf("huller %s: exit %d, want %d\n%s", strings.Join(tt.args, " "), code, tt.code, errb.String())
		}
		for _, line := range strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n") {
			if line != "" && (!strings.HasPrefix(line, "huller: ") || strings.HasPrefix(line, "huller: huller:")) {
				t.Errorf("huller %s: stderr line %q", strings.Join(tt.args, " "), line)
			}
		}
	}
}
