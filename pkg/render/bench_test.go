package render

import (
	"io"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/rostertest"
)

// bigResult analyses n generated persons on fagligheder-fase3.
func bigResult(b *testing.B, n int) *analysis.Result {
	fw, err := framework.NewLoader(frameworks.FS).Load("fagligheder-fase3")
	if err != nil {
		b.Fatal(err)
	}
	res, err := analysis.Analyze(fw, rostertest.Generate(fw, n, 20, 1), analysis.DefaultSettings())
	if err != nil {
		b.Fatal(err)
	}
	return res
}

func benchRender(b *testing.B, format string) {
	res := bigResult(b, 100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := Render(io.Discard, format, res, Options{Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSON100k(b *testing.B)     { benchRender(b, FormatJSON) }
func BenchmarkCSV100k(b *testing.B)      { benchRender(b, FormatCSV) }
func BenchmarkTable100k(b *testing.B)    { benchRender(b, FormatTable) }
func BenchmarkMarkdown100k(b *testing.B) { benchRender(b, FormatMarkdown) }
