package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/roster"
)

// runTemplateCmd runs `huller template args…` against buffers.
func runTemplateCmd(t *testing.T, outTTY bool, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, OutTTY: outTTY, Getenv: func(string) string { return "" }}
	root := newRootCmd(s)
	root.SetArgs(append([]string{"template"}, args...))
	_, err = root.ExecuteC()
	return out.String(), errb.String(), err
}

func TestTemplateCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "team.xlsx")
	_, stderr, err := runTemplateCmd(t, false, "-o", path)
	if err != nil {
		t.Fatal(err)
	}
	if stderr != "huller: wrote "+path+": fagligheder-fase3, 53 competences, 5 roles\n" {
		t.Errorf("stderr %q", stderr)
	}
	ref, err := roster.RecordedFramework(path)
	if err != nil || ref != (roster.FrameworkRef{ID: "fagligheder-fase3"}) {
		t.Errorf("recorded %+v %v", ref, err)
	}
	// Overwriting an existing output is fine.
	if _, _, err := runTemplateCmd(t, false, "-o", path, "--lang", "en"); err != nil {
		t.Errorf("overwrite: %v", err)
	}

	// From a file: the absolute path is recorded, and the file itself is
	// never the output.
	fwFile, _ := filepath.Abs(filepath.Join("..", "..", "frameworks", "fagligheder-fase3.yaml"))
	out2 := filepath.Join(dir, "t2.xlsx")
	if _, _, err := runTemplateCmd(t, false, "--framework", fwFile, "-o", out2); err != nil {
		t.Fatal(err)
	}
	if ref, _ := roster.RecordedFramework(out2); ref.File != fwFile || ref.ID != "fagligheder-fase3" {
		t.Errorf("recorded %+v", ref)
	}
	copyFw := filepath.Join(dir, "fw.yaml")
	data, _ := os.ReadFile(fwFile)
	_ = os.WriteFile(copyFw, data, 0o644)
	if _, _, err := runTemplateCmd(t, false, "--framework", copyFw, "-o", copyFw); err == nil || !strings.Contains(err.Error(), "is also an input file") {
		t.Errorf("error %v", err)
	}
	if b, _ := os.ReadFile(copyFw); !bytes.Equal(b, data) {
		t.Error("the framework file was changed")
	}

	// An output name ending in .csv means --format csv.
	csvPath := filepath.Join(dir, "team.csv")
	if _, _, err := runTemplateCmd(t, false, "-o", csvPath); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(csvPath); !strings.HasPrefix(string(b), "\uFEFFnavn,") {
		t.Errorf("team.csv starts %q", b[:min(len(b), 20)])
	}

	// CSV to standard output.
	stdout, _, err := runTemplateCmd(t, false, "--format", "csv", "--lang", "en")
	if err != nil || !strings.HasPrefix(stdout, "\uFEFFname,id,role,team,profiles,1.1 ") {
		t.Errorf("csv: %q %v", stdout, err)
	}
}

func TestTemplateCommandErrors(t *testing.T) {
	tests := []struct {
		args  []string
		tty   bool
		want  string
		usage bool
	}{
		{[]string{}, false, "say where to write the workbook: -o roster.xlsx", true},
		{[]string{"--format", "pdf", "-o", "x"}, false, `--format "pdf" is not one of: xlsx, csv`, true},
		{[]string{"-o", "-"}, true, "refusing to write a binary workbook to the terminal", false},
		{[]string{"--framework", "nope", "-o", "x.xlsx"}, false, "nope", false},
		{[]string{"-o", filepath.Join(t.TempDir(), "no", "dir", "x.xlsx")}, false, "does not exist", false},
		{[]string{"extra"}, false, "unknown command", true},
	}
	for _, tt := range tests {
		_, _, err := runTemplateCmd(t, tt.tty, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want %q", tt.args, err, tt.want)
			continue
		}
		var ue usageError
		if isUsage := errors.As(err, &ue); isUsage != tt.usage {
			t.Errorf("%v: usage error %v, want %v", tt.args, isUsage, tt.usage)
		}
	}
	// The workbook to a pipe is fine.
	stdout, _, err := runTemplateCmd(t, false, "-o", "-")
	if err != nil || !strings.HasPrefix(stdout, "PK") {
		t.Errorf("xlsx to a pipe: %v", err)
	}
}
