package diff

import (
	"math/rand/v2"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/internal/rostertest"
	"github.com/huller/huller/pkg/roster"
)

// benchCompare compares a generated roster of n persons with a later
// mapping of it (an eighth left, some joined, levels, roles and teams
// changed), against the two analyses alone, which any diff must make.
func benchCompare(b *testing.B, n int) {
	fw := builtin(b, "fagligheder-fase3")
	rng := rand.New(rand.NewPCG(1, 2))
	x, y := later(rng, fw, rostertest.Generate(fw, n, 20, 1), 1)
	b.Run("analyses", func(b *testing.B) {
		for b.Loop() {
			for _, r := range []*roster.Roster{x, y} {
				if _, err := analysis.Analyze(fw, r, analysis.DefaultSettings()); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("compare", func(b *testing.B) {
		for b.Loop() {
			if _, err := Compare(input(fw, x), input(fw, y), Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkCompare10k(b *testing.B)  { benchCompare(b, 10_000) }
func BenchmarkCompare100k(b *testing.B) { benchCompare(b, 100_000) }
