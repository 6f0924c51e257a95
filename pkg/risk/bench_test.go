package risk

import (
	"testing"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/internal/rostertest"
)

// benchAssess measures a whole assessment (exposure of every competence
// and profile to every single absence, the depths, the bench and every
// combination of role and profile for the next hire) on a generated roster
// of n persons × 53 competences; the analysis itself is not timed.
func benchAssess(b *testing.B, n int, priced bool) {
	fw := builtin(b, "fagligheder-fase3")
	res, err := analysis.Analyze(fw, rostertest.Generate(fw, n, 20, 1), analysis.DefaultSettings())
	if err != nil {
		b.Fatal(err)
	}
	var o Options
	if priced {
		cat, diags := catalog.Parse(examples.CatalogName, examples.Catalog)
		if diags = append(diags, catalog.Check(cat, fw)...); len(diags.Errors()) > 0 {
			b.Fatal(diags)
		}
		o.Prices = cat
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Assess(res, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/person")
}

func BenchmarkAssess1k(b *testing.B)   { benchAssess(b, 1_000, false) }
func BenchmarkAssess10k(b *testing.B)  { benchAssess(b, 10_000, false) }
func BenchmarkAssess100k(b *testing.B) { benchAssess(b, 100_000, false) }

// BenchmarkAssessPriced10k prices developing staff with the example
// catalog (27 courses) as well.
func BenchmarkAssessPriced10k(b *testing.B) { benchAssess(b, 10_000, true) }
