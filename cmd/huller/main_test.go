package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/spf13/cobra"
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
		Dir:           filepath.Join(root, "testdata", "script"),
		UpdateScripts: *update,
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
		c.LocalFlags().VisitAll(func(f *flagT) {
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
