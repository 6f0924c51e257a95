package analysis

import (
	"runtime"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/cputime"
	"github.com/huller/huller/pkg/internal/rostertest"
	"github.com/huller/huller/pkg/roster"
)

func genRoster(tb testing.TB, fw *framework.Framework, n int, seed uint64) *roster.Roster {
	tb.Helper()
	return rostertest.Generate(fw, n, 20, seed)
}

func TestGenRosterFindings(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	res := analyze(t, fw, genRoster(t, fw, 2000, 1), DefaultSettings())
	var kinds []string
	for _, h := range res.Holes {
		kinds = append(kinds, h.Kind.String()+" "+h.Node.ID)
	}
	got := strings.Join(kinds, ", ")
	for _, want := range []string{"single-point 4.6", "profile koordination"} {
		if !strings.Contains(got, want) {
			t.Errorf("planted finding %q missing from %s", want, got)
		}
	}
}

// benchAnalyze times Analyze on a generated roster of n persons x 53
// leaves (fagligheder-fase3, 20 teams, seed 1, like ../shared/perf/gen),
// generated before the timer starts. cpu-s/op is the CPU time of all
// threads: on a shared machine it says more than the wall time.
func benchAnalyze(b *testing.B, n int, byTeam bool) {
	fw := builtin(b, "fagligheder-fase3")
	ro := genRoster(b, fw, n, 1)
	s := DefaultSettings()
	s.ByTeam = byTeam
	b.ReportAllocs()
	runtime.GC() // of the setup, not timed
	cpu := cputime.Process()
	for b.Loop() {
		if _, err := Analyze(fw, ro, s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(cputime.Since(cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n*len(fw.Leaves)), "ns/cell")
}

func BenchmarkAnalyze1k(b *testing.B)         { benchAnalyze(b, 1_000, false) }
func BenchmarkAnalyze10k(b *testing.B)        { benchAnalyze(b, 10_000, false) }
func BenchmarkAnalyze100k(b *testing.B)       { benchAnalyze(b, 100_000, false) }
func BenchmarkAnalyze100kByTeam(b *testing.B) { benchAnalyze(b, 100_000, true) }
