package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

var update = flag.Bool("update", false, "rewrite the golden parts of testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"huller": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script against the
// real CLI. $ROOT is the repository root; NO_COLOR is unset and stdout is
// not a terminal. Run with -update to rewrite the expected outputs.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(root, "testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("ROOT", root)
			env.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
			return nil
		},
	})
}

// TestHelpIsComplete checks that every command has a short text without a
// final period and an example, and every flag a usage string.
func TestHelpIsComplete(t *testing.T) {
	root := newRootCmd(&streams{Getenv: os.Getenv})
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" {
			return
		}
		if c.Short == "" || c.Short[len(c.Short)-1] == '.' {
			t.Errorf("%s: Short %q is empty or ends with a period", c.CommandPath(), c.Short)
		}
		if c.Example == "" {
			t.Errorf("%s: no Example", c.CommandPath())
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Usage == "" {
				t.Errorf("%s: flag --%s has no usage text", c.CommandPath(), f.Name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// TestExitCodes pins the documented exit codes (0 success, 1 invalid input,
// 2 wrong usage, 3 --fail-on matched) and that every line on stderr carries
// the "huller: " prefix once.
func TestExitCodes(t *testing.T) {
	invalid := filepath.Join("..", "..", "testdata", "frameworks", "invalid", "empty.yaml")
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"version"}, exitOK},
		{[]string{"analyze", "--example", "--format", "json"}, exitOK},
		{[]string{"frobnicate"}, exitUsage},
		{[]string{"frameworks", "--bogus"}, exitUsage},
		{[]string{"frameworks", "show"}, exitUsage},
		{[]string{"completion", "tcsh"}, exitUsage},
		{[]string{"validate", "--format", "xml"}, exitUsage},
		{[]string{"analyze"}, exitUsage},
		{[]string{"analyze", "--example", "--format", "xml"}, exitUsage},
		{[]string{"analyze", "--example", "--fail-on", "everything"}, exitUsage},
		{[]string{"template"}, exitUsage},
		{[]string{"validate", invalid}, exitError},
		{[]string{"frameworks", "show", "nosuch"}, exitError},
		{[]string{"analyze", "nosuch.csv"}, exitError},
		{[]string{"analyze", "--example", "--person", "Nobody"}, exitError},
		{[]string{"risk", "--example", "--format", "json"}, exitOK},
		{[]string{"risk", "--example", "--vacancy", "nosuch"}, exitError},
		{[]string{"risk", "--example", "--hires", "x"}, exitUsage},
		{[]string{"analyze", "--example", "--without", "Nobody"}, exitError},
		{[]string{"analyze", "--example", "--without", "N1021", "--person", "N1002"}, exitUsage},
		{[]string{"analyze", "--example", "--format", "json", "--fail-on", "holes"}, exitFindings},
		{[]string{"analyze", "--example", "--format", "json", "--fail-on", "gaps"}, exitFindings},
		{[]string{"analyze", "--example", "--for", "person"}, exitUsage},
		{[]string{"analyze", "--example", "--for", "everyone"}, exitUsage},
		{[]string{"analyze", "--example", "--min-cell", "3"}, exitUsage},
		{[]string{"analyze", "--example", "--aggregate", "--format", "json", "--fail-on", "holes"}, exitFindings},
		{[]string{"analyze", "--example-units", "--format", "json"}, exitOK},
		{[]string{"analyze", "--example-units", "--person", "N1001"}, exitUsage},
		{[]string{"inspect"}, exitUsage},
		{[]string{"inspect", "nosuch.xlsx"}, exitError},
		{[]string{"inspect", "../../examples/nordby-roster.csv"}, exitFindings},
		{[]string{"inspect", "../../testdata/roster/requirements.csv"}, exitOK},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
		if code := execute(s, tt.args); code != tt.code {
			t.Errorf("huller %s: exit %d, want %d\n%s", strings.Join(tt.args, " "), code, tt.code, errb.String())
		}
		for _, line := range strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n") {
			if line != "" && (!strings.HasPrefix(line, "huller: ") || strings.HasPrefix(line, "huller: huller:")) {
				t.Errorf("huller %s: stderr line %q lacks the single \"huller: \" prefix", strings.Join(tt.args, " "), line)
			}
		}
		if tt.code == exitUsage && !strings.Contains(errb.String(), "huller: hint: run 'huller") {
			t.Errorf("huller %s: usage error without a hint to --help:\n%s", strings.Join(tt.args, " "), errb.String())
		}
	}
}
