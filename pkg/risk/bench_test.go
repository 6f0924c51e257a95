package risk

import (
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/internal/rostertest"
)

// benchAssess measures a whole assessment (exposure of every competence
// and profile to every single absence, the depths, the bench and every
// combination of role and profile for the next hire) on a generated roster
// of n persons × 53 competences; the analysis itself is not timed.
func benchAssess(b *testing.B, n int) {
	fw := builtin(b, "fagligheder-fase3")
	res, err := analysis.Analyze(fw, rostertest.Generate(fw, n, 20, 1), analysis.DefaultSettings())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Assess(res, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/person")
}

func BenchmarkAssess1k(b *testing.B)   { benchAssess(b, 1_000) }
func BenchmarkAssess10k(b *testing.B)  { benchAssess(b, 10_000) }
func BenchmarkAssess100k(b *testing.B) { benchAssess(b, 100_000) }
