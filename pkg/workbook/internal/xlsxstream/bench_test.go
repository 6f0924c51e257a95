package xlsxstream

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/huller/huller/pkg/internal/cputime"
	"github.com/xuri/excelize/v2"
)

// benchBook builds a workbook shaped like huller's report of n persons: a
// sheet of 8n rows of 8 texts and 3 small numbers (like the Gaps) and one
// of n rows of 4 texts and 53 styled levels (like the Heatmap), each text
// one of a few hundred, boxed once as the report's sheets do.
func benchBook(b *testing.B, n int) *Book {
	b.Helper()
	f := excelize.NewFile()
	b.Cleanup(func() { f.Close() })
	const maxRows = 1 << 20
	bk := New(f, maxRows)
	texts := make([]any, 400)
	for i := range texts {
		texts[i] = fmt.Sprintf("Text %d of the framework, æøå & co", i)
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 1})
	if err != nil {
		b.Fatal(err)
	}
	nums, levels := make([]any, 5), make([]any, 5)
	for i := range nums {
		nums[i], levels[i] = i, excelize.Cell{StyleID: style, Value: i}
	}
	table := func(name string, rows int, row func(i int, r []any) []any) {
		sheets := []string{name}
		for k := 1; k*(maxRows-1) < rows; k++ {
			sheets = append(sheets, fmt.Sprintf("%s (%d)", name, k+1))
		}
		for _, s := range sheets {
			if _, err := f.NewSheet(s); err != nil {
				b.Fatal(err)
			}
		}
		t := bk.AddTable(sheets, rows)
		t.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
			return 1, sw.SetRow("A1", []any{"head"})
		}
		t.Rows = func(lo, hi int, add func([]any) error) error {
			var r []any
			for i := lo; i < hi; i++ {
				r = row(i, r[:0])
				if err := add(r); err != nil {
					return err
				}
			}
			return nil
		}
	}
	table("Gaps", 8*n, func(i int, r []any) []any {
		for c := range 8 {
			r = append(r, texts[(i/8*7+c*31)%len(texts)])
		}
		return append(r, nums[i%4], nums[(i+1)%5], nums[1+i%3])
	})
	table("Heatmap", n, func(i int, r []any) []any {
		for c := range 4 {
			r = append(r, texts[(i*3+c*17)%len(texts)])
		}
		for c := range 53 {
			r = append(r, levels[(i+c*c)%5])
		}
		return r
	})
	if err := bk.WriteTables(); err != nil {
		b.Fatal(err)
	}
	return bk
}

// BenchmarkBook times WriteTo, the rendering and compression of the big
// sheets, on workbooks shaped like the report of 10,000 and 100,000
// persons (at 100,000 the sheets hold about 700 MB of XML). cpu-s/op is the
// CPU time of all threads, which on a shared machine says more than the
// wall time.
func BenchmarkBook(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			bk := benchBook(b, n)
			var w countingWriter
			b.ReportAllocs()
			runtime.GC() // of the setup, not timed
			cpu := cputime.Process()
			for b.Loop() {
				w.n = 0
				if err := bk.WriteTo(&w, 0, b.TempDir()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(cputime.Since(cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(w.n)/(1<<20), "MiB/book")
		})
	}
}

// countingWriter counts the bytes written.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }
