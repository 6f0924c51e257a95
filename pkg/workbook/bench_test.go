package workbook

import (
	"io"
	"runtime"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/internal/cputime"
)

// countingWriter counts the bytes of the workbook.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countingWriter)(nil)

// benchWrite times Write on a generated roster of n persons x 53 leaves
// (fagligheder-fase3, 20 teams, seed 1, like ../shared/perf/gen); the
// roster and the analysis are built before the timer starts. Peak RSS:
//
//	go test -c -o workbook.test ./pkg/workbook
//	/usr/bin/time -v ./workbook.test -test.run '^$' -test.bench 'Write100k$' -test.benchtime 1x
func benchWrite(b *testing.B, n int) {
	res := genResult(b, n, 20, analysis.DefaultSettings())
	b.ReportAllocs()
	var w countingWriter
	runtime.GC() // of the setup, not timed
	cpu := cputime.Process()
	for b.Loop() {
		w.n = 0
		if err := Write(&w, res, Options{Lang: "en"}); err != nil {
			b.Fatal(err)
		}
	}
	// CPU time (user + system, all threads) next to the wall time: on a
	// shared machine the wall time says more about the neighbours
	b.ReportMetric(cputime.Since(cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(w.n)/(1<<20), "MiB/report")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/person")
}

func BenchmarkWrite1k(b *testing.B)   { benchWrite(b, 1_000) }
func BenchmarkWrite10k(b *testing.B)  { benchWrite(b, 10_000) }
func BenchmarkWrite100k(b *testing.B) { benchWrite(b, 100_000) }
