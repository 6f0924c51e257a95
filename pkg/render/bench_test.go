package render

import (
	"io"
	"runtime"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/cputime"
	"github.com/huller/huller/pkg/internal/rostertest"
)

// bigResult analyses n generated persons on fagligheder-fase3 (20 teams,
// seed 1, like ../shared/perf/gen), with the default settings changed by
// edit unless nil.
func bigResult(tb testing.TB, n int, edit func(*analysis.Settings)) *analysis.Result {
	tb.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load("fagligheder-fase3")
	if err != nil {
		tb.Fatal(err)
	}
	s := analysis.DefaultSettings()
	if edit != nil {
		edit(&s)
	}
	res, err := analysis.Analyze(fw, rostertest.Generate(fw, n, 20, 1), s)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// benchRender times Render of n persons in format: JSON and CSV list
// every person, the table and Markdown 50 rows, as on a terminal. The
// result is built before the timer starts; cpu-s/op is the CPU time of all
// threads, which on a shared machine says more than the wall time.
func benchRender(b *testing.B, format string, n int) {
	res := bigResult(b, n, nil)
	var w countingWriter
	b.ReportAllocs()
	runtime.GC() // of the setup, not timed
	cpu := cputime.Process()
	for b.Loop() {
		w.n = 0
		if err := Render(&w, format, res, Options{Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(cputime.Since(cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(w.n)/(1<<20), "MiB/out")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/person")
}

// countingWriter counts the bytes written.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countingWriter)(nil)

func BenchmarkJSON10k(b *testing.B)      { benchRender(b, FormatJSON, 10_000) }
func BenchmarkJSON100k(b *testing.B)     { benchRender(b, FormatJSON, 100_000) }
func BenchmarkCSV100k(b *testing.B)      { benchRender(b, FormatCSV, 100_000) }
func BenchmarkTable100k(b *testing.B)    { benchRender(b, FormatTable, 100_000) }
func BenchmarkMarkdown100k(b *testing.B) { benchRender(b, FormatMarkdown, 100_000) }
