package roster

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
)

// checkRoster reads data as a roster and checks the result's invariants;
// every failure must be a *Error or a *spreadsheet.Error, never a panic.
func checkRoster(t *testing.T, fw *framework.Framework, data []byte, opts Options) {
	opts.Table.MaxUnzipSize = 64 << 20
	r, err := Read(Source{Name: "fuzz", R: bytes.NewReader(data)}, fw, opts)
	if err != nil {
		var re *Error
		var te *spreadsheet.Error
		if !errors.As(err, &re) && !errors.As(err, &te) {
			t.Fatalf("error %T: %v", err, err)
		}
		if strings.Contains(err.Error(), "internal error") {
			t.Fatal(err)
		}
		return
	}
	if len(r.Persons) == 0 || r.Stats.Persons != len(r.Persons) {
		t.Fatalf("%d persons, stats %+v", len(r.Persons), r.Stats)
	}
	read := 0
	for _, p := range r.Persons {
		if strings.TrimSpace(p.Name) == "" || p.Name != strings.TrimSpace(p.Name) {
			t.Fatalf("name %q", p.Name)
		}
		if len(p.Scores) != len(r.Columns) {
			t.Fatalf("%d scores for %d columns", len(p.Scores), len(r.Columns))
		}
		for _, s := range p.Scores {
			if s != Unassessed {
				read++
				if int(s) < fw.MinLevel() || int(s) > fw.MaxLevel() {
					t.Fatalf("score %d off the scale", s)
				}
			}
		}
		if p.Role != "" && fw.Role(p.Role) == nil && !contains(opts.ExtraRoles, p.Role) {
			t.Fatalf("role %q", p.Role)
		}
	}
	if read != r.Stats.CellsRead {
		t.Fatalf("%d scores, CellsRead %d", read, r.Stats.CellsRead)
	}
	if r.Layout == Wide && r.Stats.CellsRead+r.Stats.CellsBlank != len(r.Persons)*len(r.Columns) {
		t.Fatalf("stats %+v for %d x %d", r.Stats, len(r.Persons), len(r.Columns))
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func addFixtures(f *testing.F, patterns ...string) {
	for _, pat := range patterns {
		paths, _ := filepath.Glob(fixture(pat))
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil && len(data) < 1<<20 {
				f.Add(data)
			}
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	addFixtures(f, "*.csv", "bad/*.csv")
	f.Add([]byte("name;role;1;1.1 x;virksomhed\nA;konsulent;2;3,0;Ekspert\nB;;-;n/a;?\n"))
	f.Add([]byte("navn,kompetence,niveau,team\nA,1.1,2,N\nA,2,1,N\nB,virksomhed.1,3,\n"))
	fw := mini(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 0 && (data[0] == 'P' || data[0] == 0xD0) {
			return
		}
		checkRoster(t, fw, data, Options{IgnoreUnknown: len(data)%2 == 0, ExtraRoles: []string{"chef"}})
	})
}

func FuzzReadXLSX(f *testing.F) {
	addFixtures(f, "*.xlsx")
	fw := realFramework(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRoster(t, fw, data, Options{})
	})
}

func FuzzLevel(f *testing.F) {
	for _, s := range []string{"3", "2,0", " 1 ", "Ekspert", "3 – Ekspert", "n/a", "1e0", "-0", "+2.000", "2.9999999999999996"} {
		f.Add(s)
	}
	lp := newLevelParser(mini(f))
	f.Fuzz(func(t *testing.T, s string) {
		l, kind := lp.parse(s)
		if kind == scoreLevel && (l < 0 || l > 3) {
			t.Fatalf("parse(%q) = %d", s, l)
		}
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			want := scoreLevel
			if n < 0 || n > 3 {
				want = scoreOutside
			}
			if kind != want || (kind == scoreLevel && int(l) != n) {
				t.Fatalf("parse(%q) = %d, kind %d; Atoi says %d", s, l, kind, n)
			}
		}
	})
}

func FuzzRequirementsYAML(f *testing.F) {
	f.Add([]byte("konsulent: {\"1\": 2, \"2.1\": Ekspert}\n"))
	f.Add([]byte("requirements:\n  leder:\n    \"2\": 1\n"))
	fw := mini(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		reqs, _, err := parseRequirementsYAML("req.yaml", data, fw, Options{})
		if err != nil {
			return
		}
		for role, list := range reqs {
			for _, r := range list {
				if n := fw.Node(r.Node); n == nil || n.Area != framework.Basis || r.Level < 0 || r.Level > 3 {
					t.Fatalf("%s: %+v", role, r)
				}
			}
		}
	})
}
