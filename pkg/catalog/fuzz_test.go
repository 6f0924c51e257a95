package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
)

// checkDiags fails on a diagnostic without a file, or an error without a
// message.
func checkDiags(t *testing.T, diags framework.Diagnostics) {
	t.Helper()
	for _, d := range diags {
		if d.Pos.File == "" || d.Message == "" {
			t.Fatalf("diagnostic without a place or message: %+v", d)
		}
	}
}

// FuzzParse: any bytes give a catalog or diagnostics naming the file,
// never a panic, within a time and memory budget; a catalog without
// errors checks against a framework without a panic, and its resolved
// effects lie on the scale with to above from.
func FuzzParse(f *testing.F) {
	fw := builtin(f, "fagligheder-fase3")
	f.Add([]byte(good))
	if data, err := os.ReadFile(filepath.Join("..", "..", "examples", "kursuskatalog.yaml")); err == nil {
		f.Add(data)
	}
	f.Add([]byte("courses: []\n"))
	f.Add([]byte("a: &a [*a, *a]\nb: &b [*a, *a]\ncourses: [*b, *b, *b]\n"))
	f.Add([]byte("framework: fagligheder-fase3\nlanguage: da\ncourses:\n  - {id: x, develops: [{competence: '1', to: 99999999999}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		c, diags := Parse("f.yaml", data)
		checkDiags(t, diags)
		if c == nil || len(diags.Errors()) > 0 {
			return
		}
		d := Check(c, fw)
		checkDiags(t, d)
		if len(d.Errors()) > 0 {
			return
		}
		for _, cr := range c.Courses {
			for _, e := range cr.Leaves {
				if e.To <= e.From || e.To > fw.MaxLevel() || e.From < fw.MinLevel() || e.Leaf < 0 || e.Leaf >= len(fw.Leaves) {
					t.Fatalf("course %q: effect %+v", cr.ID, e)
				}
			}
			if cr.Capacity > 0 && cr.Min > cr.Capacity || cr.Min < 1 || cr.Cost.Participant < 0 || cr.Cost.Run < 0 {
				t.Fatalf("course %+v", cr)
			}
		}
		if el := time.Since(start); el > 2*time.Second {
			t.Fatalf("took %v", el)
		}
	})
}

// FuzzReadSheet: any CSV bytes give a catalog or diagnostics naming the
// place, never a panic.
func FuzzReadSheet(f *testing.F) {
	fw := builtin(f, "fagligheder-fase3")
	f.Add([]byte(goodCSV))
	f.Add([]byte("id,competence,to\nx,4.6,3\nx,4.6,\n"))
	f.Add([]byte("id;competence;cost_run;capacity;min\nx;1;9.500.000;0;-1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, diags := ReadSheet(spreadsheet.Source{Name: "f.csv", R: bytes.NewReader(data)}, SheetOptions{Language: "da"})
		checkDiags(t, diags)
		for _, d := range diags {
			if !strings.HasPrefix(d.Pos.File, "f.csv") {
				t.Fatalf("diagnostic %q does not name the file", d)
			}
		}
		if c == nil || len(diags.Errors()) > 0 {
			return
		}
		checkDiags(t, Check(c, fw))
	})
}

// TestAliasBomb: a file whose aliases would expand to billions of nodes
// fails at once.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("courses: [*a9]\n")
	start := time.Now()
	c, diags := Parse("bomb.yaml", []byte(b.String()))
	if len(diags.Errors()) == 0 || time.Since(start) > 5*time.Second {
		t.Fatalf("catalog %v, diagnostics %v after %v", c, diags, time.Since(start))
	}
}
