package roster

// Fuzz targets. Each input is read with the limits scaled down
// (fuzzOptions) and must stay within a budget of time and memory, as in
// package spreadsheet (see its fuzz_test.go for how to run a campaign;
// use -fuzzminimizetime=3s for FuzzReadXLSX).

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/cputime"
	"github.com/huller/huller/pkg/internal/spreadsheet"
)

// fuzzOptions are the reader's and the roster's limits scaled down for
// fuzzing.
var fuzzOptions = Options{
	Table: spreadsheet.Options{
		MaxUnzipSize: 4 << 20, MaxPart: 1 << 20, MaxInput: 1 << 20, MaxToken: 64 << 10,
		MaxRows: 10000, MaxSheetCells: 1 << 20, MaxMerges: 1000,
		MaxSharedStrings: 10000, MaxSharedStringBytes: 1 << 20,
		MaxFields: 1024, MaxRecord: 64 << 10,
	},
	maxPersons: 10000, maxLevels: 1 << 20, maxLong: 100000,
}

// Budget of one input: CPU time (with a backstop of ten times as much
// wall-clock time), bytes allocated, and bytes held by the roster read
// (each plus a share per input byte: a CSV roster's persons grow with the
// input).
const (
	fuzzTime   = 2 * time.Second
	fuzzAlloc  = 256 << 20
	fuzzAllocB = 256
	fuzzLive   = 8 << 20
	fuzzLiveB  = 64
)

func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

var allocSample = []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}

func allocated() uint64 {
	metrics.Read(allocSample)
	return allocSample[0].Value.Uint64()
}

// checkRoster reads data as a roster and checks the result's invariants
// and the budget; every failure must be a *Error or a *spreadsheet.Error,
// never a panic.
func checkRoster(t *testing.T, fw *framework.Framework, data []byte, opts Options) {
	opts.Table = fuzzOptions.Table
	opts.maxPersons, opts.maxLevels, opts.maxLong = fuzzOptions.maxPersons, fuzzOptions.maxLevels, fuzzOptions.maxLong
	live0 := liveHeap()
	alloc0 := allocated()
	start, cpu0 := time.Now(), cputime.Process()
	r, err := Read(Source{Name: "fuzz", R: bytes.NewReader(data)}, fw, opts)
	took, cpu, alloc := time.Since(start), cputime.Since(cpu0), allocated()-alloc0
	live := liveHeap()
	if most := fuzzTime * slowdown; cpu > most || took > 10*most {
		t.Fatalf("reading %d bytes took %v of CPU time (%v in all)", len(data), cpu, took)
	}
	if most := uint64(fuzzAlloc + fuzzAllocB*len(data)); alloc > most {
		t.Fatalf("reading %d bytes allocated %d KiB, more than %d KiB", len(data), alloc>>10, most>>10)
	}
	if most := uint64(fuzzLive + fuzzLiveB*len(data)); live > live0 && live-live0 > most {
		t.Fatalf("the roster of %d bytes holds %d KiB, more than %d KiB", len(data), (live-live0)>>10, most>>10)
	}
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
