package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// genRoster builds in memory a roster like ../shared/perf/gen on
// fagligheder-fase3: 53 leaf columns, roles 30/30/15/15/10 %, 20 teams, 0–2
// profiles, levels from per-role means plus seniority and noise, 3 % blank,
// 4.6 a single point of failure and koordination.3 capped at 2, and a
// Requirements sheet with levels 1–3 per role.
func genRoster(tb testing.TB, fw *framework.Framework, n int, seed uint64) *roster.Roster {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, 0x6875_6c6c_6572))
	roles := []string{"jobkonsulent", "sagsbehandler", "virksomhedskonsulent", "mentor", "administrativ"}
	share := []float64{0.30, 0.60, 0.75, 0.90, 1.00}
	ro := &roster.Roster{Source: fmt.Sprintf("roster-%d.xlsx", n), Sheet: "Roster",
		Columns: fw.Leaves, Requirements: map[string][]framework.Requirement{}}
	rq := rand.New(rand.NewPCG(seed, 0x7265_7173))
	for _, role := range roles {
		var reqs []framework.Requirement
		for _, l := range fw.BasisLeaves {
			reqs = append(reqs, framework.Requirement{Node: l.ID, Level: max(1, min(3, int(math.Round(1.6+rq.NormFloat64()*0.55))))})
		}
		ro.Requirements[role] = reqs
	}
	spofRow := rand.New(rand.NewPCG(seed, uint64(n))).IntN(n)
	spof, koord := fw.Node("4.6").Leaf, fw.Node("koordination.3").Leaf
	teams := make([]string, 20)
	for i := range teams {
		teams[i] = fmt.Sprintf("Team %02d", i+1)
	}
	scores := make([]int8, n*len(fw.Leaves)) // one slab, like a reader would
	ro.Persons = make([]roster.Person, n)
	for i := range ro.Persons {
		ri := 0
		for u := r.Float64(); u > share[ri]; ri++ {
		}
		p := &ro.Persons[i]
		*p = roster.Person{Row: i + 2, ID: fmt.Sprintf("E%07d", i+1), Name: fmt.Sprintf("Person %d", i%1600),
			Role: roles[ri], Team: teams[r.IntN(len(teams))]}
		var assigned [6]bool
		for range r.IntN(3) {
			j := r.IntN(len(fw.Profiles))
			if !assigned[j] {
				assigned[j] = true
				p.Profiles = append(p.Profiles, fw.Profiles[j].ID)
			}
		}
		seniority := r.NormFloat64() * 0.5
		p.Scores = scores[i*len(fw.Leaves) : (i+1)*len(fw.Leaves)]
		for l, leaf := range fw.Leaves {
			mean := 2.2 - 0.1*float64(ri) + seniority
			if leaf.Profile != nil {
				mean -= 0.3
				for j, pr := range fw.Profiles {
					if pr == leaf.Profile && assigned[j] {
						mean += 0.8
					}
				}
			}
			v := int8(max(0, min(4, int(math.Round(mean+r.NormFloat64()*0.85)))))
			if r.Float64() < 0.03 {
				v = roster.Unassessed
			}
			p.Scores[l] = v
		}
		if i == spofRow {
			p.Scores[spof] = 4
		} else if p.Scores[spof] > 2 {
			p.Scores[spof] = 2
		}
		p.Scores[koord] = min(p.Scores[koord], 2)
	}
	return ro
}

func TestGenRosterFindings(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	res := analyze(t, fw, genRoster(t, fw, 2000, 1), DefaultSettings())
	var kinds []string
	for _, h := range res.Holes {
		if h.Kind != KindAssignment {
			kinds = append(kinds, h.Kind.String()+" "+h.Node.ID)
		}
	}
	got := strings.Join(kinds, ", ")
	for _, want := range []string{"single-point 4.6", "profile koordination"} {
		if !strings.Contains(got, want) {
			t.Errorf("planted finding %q missing from %s", want, got)
		}
	}
}

func benchAnalyze(b *testing.B, n int, byTeam bool) {
	fw := builtin(b, "fagligheder-fase3")
	ro := genRoster(b, fw, n, 1)
	s := DefaultSettings()
	s.ByTeam = byTeam
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Analyze(fw, ro, s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n*len(fw.Leaves)), "ns/cell")
}

func BenchmarkAnalyze1k(b *testing.B)         { benchAnalyze(b, 1_000, false) }
func BenchmarkAnalyze10k(b *testing.B)        { benchAnalyze(b, 10_000, false) }
func BenchmarkAnalyze100k(b *testing.B)       { benchAnalyze(b, 100_000, false) }
func BenchmarkAnalyze100kByTeam(b *testing.B) { benchAnalyze(b, 100_000, true) }
