package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// runDocsCmd runs "huller docs" with the given arguments and environment.
func runDocsCmd(t *testing.T, env map[string]string, a ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(k string) string { return env[k] }}
	return execute(s, append([]string{"docs"}, a...)), errb.String()
}

// userCommands walks the tree as a user sees it in --help: every command
// that is not hidden, not help, and runs or holds commands.
func userCommands(c *cobra.Command) []*cobra.Command {
	cmds := []*cobra.Command{c}
	for _, sub := range c.Commands() {
		if sub.Hidden || sub.Name() == "help" || (!sub.Runnable() && !sub.HasSubCommands()) {
			continue
		}
		cmds = append(cmds, userCommands(sub)...)
	}
	return cmds
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

// sections splits a page into its sections by the heading pattern.
func sections(page string, heading *regexp.Regexp) map[string]string {
	secs := map[string]string{}
	locs := heading.FindAllStringSubmatchIndex(page, -1)
	for i, l := range locs {
		end := len(page)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		secs[page[l[2]:l[3]]] = page[l[1]:end]
	}
	return secs
}

// hasText reports whether a section body holds more than blank lines and
// roff requests such as .PP.
func hasText(body string) bool {
	for _, line := range strings.Split(body, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, ".") && line != "```" {
			return true
		}
	}
	return false
}

var (
	manHeading = regexp.MustCompile(`(?m)^\.SH (.+)$`)
	mdHeading  = regexp.MustCompile(`(?m)^#{2,3} (.+)$`)
	mdLink     = regexp.MustCompile(`\]\(([^)]+)\)`)
)

// TestDocs checks that every command a user can run gets a man page and a
// Markdown page, with every section filled and every flag described, that
// the hidden docs command gets none, and that the pages are reproducible.
func TestDocs(t *testing.T) {
	env := map[string]string{"SOURCE_DATE_EPOCH": "1767225600"} // 2026-01-01
	dir := t.TempDir()
	man, md := filepath.Join(dir, "man", "man1"), filepath.Join(dir, "doc")
	if code, stderr := runDocsCmd(t, env, "--man", man, "--markdown", md); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	manPages, mdPages := readDir(t, man), readDir(t, md)

	cmds := userCommands(newRootCmd(&streams{Getenv: os.Getenv}))
	if len(cmds) < 9 {
		t.Fatalf("only %d commands found in the tree", len(cmds))
	}
	var wantMan, wantMD []string
	for _, c := range cmds {
		path := c.CommandPath()
		manName := strings.ReplaceAll(path, " ", "-") + ".1"
		mdName := strings.ReplaceAll(path, " ", "_") + ".md"
		wantMan, wantMD = append(wantMan, manName), append(wantMD, mdName)
		t.Run(path, func(t *testing.T) {
			checkManPage(t, c, manPages[manName])
			checkMDPage(t, c, mdPages[mdName], mdPages)
		})
	}
	for _, p := range []struct {
		dir        string
		got        map[string]string
		want       []string
		hiddenPage string
	}{{man, manPages, wantMan, "huller-docs.1"}, {md, mdPages, wantMD, "huller_docs.md"}} {
		var got []string
		for name := range p.got {
			got = append(got, name)
		}
		slices.Sort(got)
		slices.Sort(p.want)
		if !slices.Equal(got, p.want) {
			t.Errorf("%s holds %v, want one page per command: %v", p.dir, got, p.want)
		}
		if _, ok := p.got[p.hiddenPage]; ok {
			t.Errorf("%s: the hidden docs command has a page", p.dir)
		}
	}

	// The same commit gives the same pages, whatever the terminal or
	// environment of the run.
	env2 := map[string]string{"SOURCE_DATE_EPOCH": "1767225600", "COLUMNS": "40", "NO_COLOR": "1", "TERM": "dumb"}
	man2, md2 := filepath.Join(dir, "man2"), filepath.Join(dir, "doc2")
	if code, stderr := runDocsCmd(t, env2, "--man", man2, "--markdown", md2); code != exitOK {
		t.Fatalf("second run: exit %d: %s", code, stderr)
	}
	for _, pair := range [][2]map[string]string{{manPages, readDir(t, man2)}, {mdPages, readDir(t, md2)}} {
		for name, page := range pair[0] {
			if pair[1][name] != page {
				t.Errorf("%s differs between two runs", name)
			}
		}
	}
}

func checkManPage(t *testing.T, c *cobra.Command, page string) {
	t.Helper()
	if page == "" {
		t.Fatal("no man page")
	}
	dashed := strings.ReplaceAll(c.CommandPath(), " ", "-")
	th := `.TH "` + strings.ToUpper(dashed) + `" "1" "Jan 2026" "huller `
	if !strings.Contains(page, th) {
		t.Errorf("man page lacks the header %q:\n%s", th, page)
	}
	secs := sections(page, manHeading)
	for _, name := range []string{"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXAMPLE", "SEE ALSO"} {
		if !hasText(secs[name]) {
			t.Errorf("man page: section %s missing or empty", name)
		}
	}
	for name, body := range secs {
		if !hasText(body) {
			t.Errorf("man page: section %s is empty", name)
		}
	}
	if !strings.HasPrefix(strings.TrimSpace(secs["NAME"]), dashed+" - "+c.Short) {
		t.Errorf("man page: NAME is %q", secs["NAME"])
	}
	if strings.Contains(page, "Auto generated") {
		t.Error("man page carries cobra's auto-generated tag")
	}
	c.NonInheritedFlags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden && !strings.Contains(page, `\fB--`+f.Name+`\fP`) {
			t.Errorf("man page does not describe --%s", f.Name)
		}
	})
}

func checkMDPage(t *testing.T, c *cobra.Command, page string, all map[string]string) {
	t.Helper()
	if !strings.HasPrefix(page, "## "+c.CommandPath()+"\n\n"+c.Short+"\n") {
		t.Fatalf("Markdown page does not start with its command and short text:\n%.200s", page)
	}
	secs := sections(page, mdHeading)
	for _, name := range []string{"Examples", "Options", "SEE ALSO"} {
		if !hasText(secs[name]) {
			t.Errorf("Markdown page: section %s missing or empty", name)
		}
	}
	for name, body := range secs {
		if !hasText(body) {
			t.Errorf("Markdown page: section %s is empty", name)
		}
	}
	for _, m := range mdLink.FindAllStringSubmatch(page, -1) {
		if _, ok := all[m[1]]; !ok {
			t.Errorf("Markdown page links to %s, which is not in the reference", m[1])
		}
	}
	if strings.Contains(page, "Auto generated") {
		t.Error("Markdown page carries cobra's auto-generated tag")
	}
	c.NonInheritedFlags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden && !strings.Contains(page, "--"+f.Name+" ") {
			t.Errorf("Markdown page does not describe --%s", f.Name)
		}
	})
}

// TestDocsRefusals checks the docs command's usage errors and that a
// refused or failed run leaves no folder behind.
func TestDocsRefusals(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "existing")
	if err := os.MkdirAll(existing, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(existing, "keep.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := map[string]string{"SOURCE_DATE_EPOCH": "1767225600"}
	tests := []struct {
		env  map[string]string
		args []string
		code int
		msg  string
	}{
		{good, nil, exitUsage, "give --man DIR, --markdown DIR or both"},
		{good, []string{"--man", filepath.Join(dir, "x"), "--markdown", filepath.Join(dir, "x") + "/"}, exitUsage, "give two folders"},
		{good, []string{"--man", filepath.Join(dir, "x"), "extra"}, exitUsage, "unknown command"},
		{good, []string{"--man", existing}, exitError, "already exists\nhuller: hint: remove it, or name a new folder"},
		{map[string]string{"SOURCE_DATE_EPOCH": "yesterday"}, []string{"--man", filepath.Join(dir, "x")}, exitError, "SOURCE_DATE_EPOCH"},
	}
	for _, tt := range tests {
		code, stderr := runDocsCmd(t, tt.env, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.msg) {
			t.Errorf("docs %v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
	if b, err := os.ReadFile(keep); err != nil || string(b) != "mine" {
		t.Errorf("an existing folder's file was touched: %q, %v", b, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "existing" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestDocsHidden checks that the docs command stays out of the help.
func TestDocsHidden(t *testing.T) {
	var out bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &out, Err: &out, Getenv: func(string) string { return "" }}
	if code := execute(s, []string{"--help"}); code != exitOK {
		t.Fatalf("huller --help: exit %d", code)
	}
	if regexp.MustCompile(`(?m)^\s+docs\s`).MatchString(out.String()) {
		t.Errorf("huller --help lists the docs command:\n%s", out.String())
	}
}
