package framework

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// head is the start of a small valid framework; tests append to it.
const head = `id: t
title: {da: T, en: T}
language: da
scale:
  - {level: 0, label: {da: a, en: a}}
  - {level: 1, label: {da: b, en: b}}
defaults: {required: 1, target: 1}
`

// allocated runs fn and returns the bytes it allocated.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// messages returns the error messages of Parse, one a line.
func messages(t *testing.T, src string) string {
	t.Helper()
	_, err := Parse("t.yaml", []byte(src))
	if err == nil {
		t.Fatalf("accepted:\n%s", src)
	}
	return err.Error()
}

// TestScaleGapIsCheap: a scale that jumps to a huge level is refused with
// the range of missing levels, in bounded memory (it once built a string per
// missing level: 10 GB for one typo).
func TestScaleGapIsCheap(t *testing.T) {
	tests := []struct {
		name, scale string
		want        []string
	}{
		{"huge level", "  - {level: 0, label: a}\n  - {level: 300000000, label: b}\n",
			[]string{"scale level 300000000 is above 100, the highest level huller accepts", "scale has a gap: levels 1–299999999 are missing between 0 and 300000000"}},
		{"below int32", "  - {level: -2147483649, label: a}\n  - {level: 0, label: b}\n",
			[]string{"scale level -2147483649 is negative", "levels -2147483648–-1 are missing"}},
		{"one missing", "  - {level: 0, label: a}\n  - {level: 2, label: b}\n",
			[]string{"scale has a gap: level 1 is missing between 0 and 2"}},
		{"range on the scale", "  - {level: 0, label: a}\n  - {level: 100, label: b}\n",
			[]string{"scale has a gap: levels 1–99 are missing between 0 and 100"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "id: t\ntitle: T\nlanguage: da\ndefaults: {required: 0, target: 0}\nbasis: [{id: g, name: g}]\nscale:\n" + tt.scale
			var msg string
			if n := allocated(func() { msg = messages(t, src) }); n > 8<<20 {
				t.Errorf("allocated %d bytes for a %d-byte file", n, len(src))
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %q:\n%s", w, msg)
				}
			}
		})
	}
}

// TestLimits: each of the framework limits is refused with a message that
// names it and the place.
func TestLimits(t *testing.T) {
	items := func(n int) string {
		var b strings.Builder
		b.WriteString("basis:\n  - id: g\n    name: g\n    items:\n")
		for i := range n {
			fmt.Fprintf(&b, "      - {id: i%d, name: n}\n", i)
		}
		return b.String()
	}
	nested := func(n int) string {
		var b strings.Builder
		b.WriteString("basis:\n")
		for i := range n {
			ind := strings.Repeat("  ", 2*i)
			fmt.Fprintf(&b, "%s  - id: n%d\n%s    name: n\n%s    items:\n", ind, i, ind, ind)
		}
		fmt.Fprintf(&b, "%s  - {id: leaf, name: n}\n", strings.Repeat("  ", 2*n))
		return b.String()
	}
	roles := func(n int) string {
		var b strings.Builder
		b.WriteString("basis: [{id: g, name: g}]\nroles:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - {id: r%d, name: r}\n", i)
		}
		return b.String()
	}
	tests := []struct {
		name, src, want string
	}{
		{"nodes", head + items(10_000), "file holds more than 10,000 groups, competences and profiles; huller accepts at most 10,000 in a framework"},
		{"depth", head + nested(10), "items nest deeper than 10 levels"},
		{"roles", head + roles(1001), "the framework has 1001 roles; huller accepts at most 1,000"},
		{"id", head + "basis: [{id: " + strings.Repeat("x", 101) + ", name: g}]\n", "is 101 characters long; huller accepts ids of at most 100"},
		{"name", head + "basis: [{id: g, name: " + strings.Repeat("ø", 501) + "}]\n", "8:23: name is 501 characters long; huller accepts at most 500"},
		{"text", head + "basis: [{id: g, name: g, description: " + strings.Repeat("a", 20_001) + "}]\n", "description is 20001 characters long; huller accepts at most 20000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if msg := messages(t, tt.src); !strings.Contains(msg, tt.want) {
				t.Errorf("message lacks %q:\n%s", tt.want, clip(msg))
			}
		})
	}
	// Within the limits: as deep and as long as allowed.
	for _, src := range []string{head + nested(8), head + items(2000)} {
		if _, err := Parse("ok.yaml", []byte(src)); err != nil {
			t.Errorf("refused a framework within the limits: %v", err)
		}
	}
}

// TestBigFileNamesTheLimit: a 3.9 MB framework of 90,000 items and no
// aliases is refused naming the limit it exceeds, not taken for an alias
// bomb; a smaller one of 20,000 items names the limit on competences.
func TestBigFileNamesTheLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "basis:\n - id: g\n   name: g\n   items:\n")
	for i := 0; b.Len() < 3_900_000; i++ {
		fmt.Fprintf(&b, "    - {id: i%d, name: {da: navn, en: name}}\n", i)
	}
	msg := messages(t, b.String())
	if strings.Contains(msg, "alias") || !strings.Contains(msg, "YAML values, the limit for a framework file (a framework has at most 10,000 competences)") {
		t.Errorf("message = %q", msg)
	}
	var c strings.Builder
	c.WriteString(head + "basis:\n - id: g\n   name: g\n   items:\n")
	for i := range 20_000 {
		fmt.Fprintf(&c, "    - {id: i%d, name: n}\n", i)
	}
	if msg := messages(t, c.String()); !strings.Contains(msg, "file holds more than 10,000 groups, competences and profiles") {
		t.Errorf("message = %q", msg)
	}
	flat := "id: x\nmetadata: {a: [" + strings.Repeat("0,", 1_500_000) + "0]}\n"
	var got string
	if n := allocated(func() { got = messages(t, flat) }); n > 64<<20 {
		t.Errorf("a file of 1.5 million tiny values allocated %d MB before it was refused", n>>20)
	}
	if !strings.Contains(got, "more than 500,000 YAML values") {
		t.Errorf("message = %q", got)
	}
}

// tree writes files (path → contents) below a new temporary folder and
// returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const baseYAML = head + "basis: [{id: g, name: {da: g, en: g}}]\n"

// TestExtendsConfined: extends reaches built-ins and files in the first
// file's folder or below, or an allowed folder; never a file elsewhere, by
// absolute path, "..", or a symlink.
func TestExtendsConfined(t *testing.T) {
	secret := "root:x:0:0:" + strings.Repeat("s", 100) + "TOPSECRET:/root:/bin/bash\n"
	dir := tree(t, map[string]string{
		"outside/base.yaml":      baseYAML,
		"outside/passwd":         secret,
		"outside/.env":           "API_KEY: TOPSECRET\nOTHER: TOPSECRET\n",
		"fw/sub/base.yaml":       baseYAML,
		"fw/sub/chain.yaml":      "id: chain\nextends: ../sub2/base.yaml\n",
		"fw/sub2/base.yaml":      baseYAML,
		"fw/ok.yaml":             "id: ok\nextends: sub/base.yaml\n",
		"fw/okchain.yaml":        "id: okchain\nextends: sub/chain.yaml\n",
		"fw/up.yaml":             "id: up\nextends: ../outside/base.yaml\n",
		"fw/passwd.yaml":         "id: leak\nextends: ../outside/passwd\n",
		"fw/env.yaml":            "id: leak\nextends: ../outside/.env\n",
		"fw/sub/dotdot.yaml":     "id: dotdot\nextends: ../../outside/base.yaml\n",
		"fw/builtin-base.yaml":   "id: b\nextends: nosuch-builtin\n",
		"fw/folder.yaml":         "id: f\nextends: sub/\n",
		"outside/extends-in.yml": "id: in\nextends: ../fw/ok.yaml\n",
	})
	abs := filepath.Join(dir, "outside", "base.yaml")
	if err := os.WriteFile(filepath.Join(dir, "fw", "abs.yaml"), []byte("id: abs\nextends: "+abs+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "outside", "base.yaml"), filepath.Join(dir, "fw", "link.yaml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "fw", "vialink.yaml"), []byte("id: v\nextends: link.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := "lies outside the folder of"
	tests := []struct {
		file, want string // want "" for success
	}{
		{"fw/ok.yaml", ""},
		{"fw/okchain.yaml", ""}, // sub/chain.yaml reaches ../sub2: still below fw
		{"fw/up.yaml", outside},
		{"fw/abs.yaml", outside},
		{"fw/sub/dotdot.yaml", outside},
		{"fw/vialink.yaml", outside},
		{"fw/passwd.yaml", outside},
		{"fw/folder.yaml", "is a folder, not a framework file"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, diags := NewLoader(builtinFS(t)).Check(filepath.Join(dir, tt.file))
			msg := diags.Errors().Error()
			switch {
			case tt.want == "" && len(diags.Errors()) > 0:
				t.Errorf("refused: %s", msg)
			case tt.want != "" && !strings.Contains(msg, tt.want):
				t.Errorf("message lacks %q: %s", tt.want, msg)
			}
			if tt.want == outside && !strings.Contains(msg, "--framework-dir") {
				t.Errorf("no hint at --framework-dir: %s", msg)
			}
		})
	}
	// With the folder allowed, the same files load; a file that is not a
	// framework is named, and nothing of its contents is printed.
	l := NewLoader(builtinFS(t))
	if err := l.AllowDir(filepath.Join(dir, "outside")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"fw/up.yaml", "fw/abs.yaml", "fw/vialink.yaml"} {
		if _, diags := l.Check(filepath.Join(dir, f)); len(diags.Errors()) > 0 {
			t.Errorf("%s with --framework-dir: %s", f, diags.Error())
		}
	}
	for _, f := range []string{"fw/passwd.yaml", "fw/env.yaml"} {
		_, diags := l.Check(filepath.Join(dir, f))
		msg := diags.Error()
		if !strings.Contains(msg, "is not a framework file") || strings.Contains(msg, "TOPSECRET") || strings.Contains(msg, "API_KEY") {
			t.Errorf("%s: %s", f, msg)
		}
	}
	if err := l.AllowDir(filepath.Join(dir, "outside", "base.yaml")); err == nil {
		t.Error("AllowDir accepted a file")
	}
	// Bytes that are not a file may extend only a built-in.
	if _, err := Parse("x.yaml", []byte("id: x\nextends: "+abs+"\n")); err == nil || !strings.Contains(err.Error(), "cannot extend another one") {
		t.Errorf("Parse followed a file: %v", err)
	}
}

// TestQuotedValuesAreClipped: a message never quotes more than about 60
// characters of a value.
func TestQuotedValuesAreClipped(t *testing.T) {
	long := strings.Repeat("x", 70) + "TAIL"
	for _, src := range []string{
		"id: t\n" + long + ": 1\n",
		head + "basis: [{id: g, name: g}]\nroles: [{id: r, name: r, requires: {" + long + ": 1}}]\n",
		"id: t\ntitle: [" + long + "]\nlanguage: " + long + "\n",
	} {
		if msg := messages(t, src); strings.Contains(msg, "TAIL") || !strings.Contains(msg, "…") {
			t.Errorf("message quotes the whole value: %s", msg)
		}
	}
}

// TestAliasBombInTargetGroups: aliases that expand target groups, not
// competences, are stopped by the YAML-value budget and named as aliases.
func TestAliasBombInTargetGroups(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "basis: [{id: g, name: g}]\ntarget_groups:\n  - name: g0\n    items: &a0 [{name: x}, {name: y}, {name: z}, {name: w}]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "  - name: g%d\n    items: &a%d [{name: a, items: *a%d}, {name: b, items: *a%d}, {name: c, items: *a%d}, {name: d, items: *a%d}]\n", i, i, i-1, i-1, i-1, i-1)
	}
	msg := messages(t, b.String())
	if !strings.Contains(msg, "YAML values through its aliases") {
		t.Errorf("message = %s", msg)
	}
}
