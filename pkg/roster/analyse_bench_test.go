package roster_test

import (
	"fmt"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// BenchmarkReadAnalyse reads a roster of 100,000 persons and analyses it,
// as huller analyze does before it writes anything: what reading costs
// next to the rest.
//
//	go test ./pkg/roster -run XXX -bench ReadAnalyse -benchtime 3x
func BenchmarkReadAnalyse(b *testing.B) {
	fw, err := framework.NewLoader(frameworks.FS).Load(frameworks.Default)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	const n = 100_000
	for _, kind := range []string{"xlsx", "xlsx-sst", "csv"} {
		path := roster.BenchRoster(b, dir, n, kind)
		b.Run(fmt.Sprintf("%s/%dk", kind, n/1000), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := roster.Read(roster.Source{Path: path}, fw, roster.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := analysis.Analyze(fw, r, analysis.DefaultSettings()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/person")
		})
	}
}
