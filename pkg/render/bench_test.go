package render

import (
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// bigResult analyses n random persons on fagligheder-fase3.
func bigResult(b *testing.B, n int) *analysis.Result {
	fw, err := framework.NewLoader(frameworks.FS).Load("fagligheder-fase3")
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	ro := &roster.Roster{Source: "big.xlsx", Columns: fw.Leaves}
	roles := []string{"jobkonsulent", "sagsbehandler", "virksomhedskonsulent", "mentor", "administrativ"}
	scores := make([]int8, n*len(fw.Leaves))
	for i := range n {
		p := roster.Person{Row: i + 2, Name: fmt.Sprintf("Person %d", i), ID: fmt.Sprintf("E%07d", i),
			Role: roles[r.IntN(len(roles))], Team: fmt.Sprintf("Team %d", r.IntN(20)),
			Scores: scores[i*len(fw.Leaves) : (i+1)*len(fw.Leaves)]}
		for l := range p.Scores {
			p.Scores[l] = int8(r.IntN(6) - 1)
		}
		ro.Persons = append(ro.Persons, p)
	}
	res, err := analysis.Analyze(fw, ro, analysis.DefaultSettings())
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
