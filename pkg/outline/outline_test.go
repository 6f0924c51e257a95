package outline

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/framework"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 20, []string{""}},
		{"kort tekst", 20, []string{"kort tekst"}},
		{"Samtale og systematik i beskæftigelsesindsatsen", 20, []string{"Samtale og", "systematik i", "beskæftigelsesindsatsen"}},
		{"æøå æøå æøå", 10, []string{"æøå æøå", "æøå"}},
		{"linje et\nlinje to", 40, []string{"linje et", "linje to"}},
	}
	for _, tt := range tests {
		if got := Wrap(tt.text, tt.width); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestWriteLanguages(t *testing.T) {
	fw, err := framework.NewLoader(nil).Load(filepath.Join("..", "..", "testdata", "frameworks", "valid", "base.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][]string{
		"":   {"BASISKOMPETENCER", "3  Juridisk kompetence", "    - Stiller åbne spørgsmål", "FAGLIGE PROFILER", "  Fokus: Virksomhedsservice", "kræver: 3=3, 3.2=2"},
		"en": {"BASIS COMPETENCES", "3  Legal competence", "    - Asks open questions", "PROFILES", "  Focus: Employer services", "covers: virksomhed"},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, fw, Options{Lang: lang, Width: 60}); err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("lang %q: output lacks %q:\n%s", lang, w, buf.String())
			}
		}
		for _, line := range strings.Split(buf.String(), "\n") {
			if n := len([]rune(line)); n > 60 {
				t.Errorf("line wider than 60: %q", line)
			}
		}
	}
}
