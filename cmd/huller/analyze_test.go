package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalyzeTerminalLimit checks that a terminal shows at most 50 people
// by default while a pipe gets them all, and that --limit overrides both.
func TestAnalyzeTerminalLimit(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("navn;rolle;1.1\n")
	for i := range 60 {
		fmt.Fprintf(&csv, "Person %02d;jobkonsulent;%d\n", i, i%5)
	}
	path := filepath.Join(t.TempDir(), "team.csv")
	if err := os.WriteFile(path, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		tty       bool
		args      []string
		shown     int
		truncated bool
	}{
		{false, nil, 60, false},
		{true, nil, 50, true},
		{true, []string{"--limit", "0"}, 60, false},
		{false, []string{"--limit", "5"}, 5, true},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, OutTTY: tt.tty,
			Getenv: func(k string) string {
				if k == "NO_COLOR" {
					return "1"
				}
				return ""
			}}
		args := append([]string{"analyze", path, "--format", "markdown", "--lang", "en"}, tt.args...)
		if code := execute(s, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		shown := 0
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(line, "| Person ") {
				shown++
			}
		}
		truncated := strings.Contains(out.String(), fmt.Sprintf("… %d more not shown", 60-tt.shown))
		if shown != tt.shown || truncated != tt.truncated {
			t.Errorf("tty=%v %v: %d people shown, truncation noted %v", tt.tty, tt.args, shown, truncated)
		}
	}
}
