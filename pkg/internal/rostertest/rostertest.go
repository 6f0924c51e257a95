// Package rostertest generates large synthetic rosters in memory for the
// benchmarks and tests of the packages that consume rosters.
package rostertest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

var (
	firstNames = []string{"Anne", "Mette", "Lars", "Søren", "Hanne", "Jens", "Camilla", "Mikkel",
		"Louise", "Rasmus", "Pia", "Henrik", "Sofie", "Niels", "Maria", "Thomas", "Ida", "Peter",
		"Line", "Kasper", "Birgitte", "Anders", "Julie", "Morten", "Karen", "Jesper", "Sara",
		"Martin", "Lene", "Christian", "Emma", "Ole", "Tina", "Frederik", "Helle", "Jakob",
		"Nanna", "Bo", "Signe", "Torben"}
	lastNames = []string{"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen",
		"Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen",
		"Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen",
		"Knudsen", "Jakobsen", "Lauridsen", "Holm", "Kjær", "Lund", "Bach", "Dahl", "Friis",
		"Vestergaard", "Skov", "Berg", "Krogh", "Bang", "Mikkelsen", "Iversen", "Munk", "Høj",
		"Lind", "Ravn"}
)

// Generate builds in memory a roster like the perf generator's on
// fagligheder-fase3 (fw must have its ids and roles), seeded: roles
// 30/30/15/15/10 %, the given number of teams, 0–2 profiles, levels from
// per-role means plus seniority and noise, 3 % blank, 4.6 a single point of
// failure and koordination.3 capped at 2, and a Requirements sheet with
// levels 1–3 per role. Names are first + last name, so they repeat beyond
// 1,600 persons; ids are employee numbers. The scores share one slab, as
// the reader's do.
func Generate(fw *framework.Framework, n, teams int, seed uint64) *roster.Roster {
	r := rand.New(rand.NewPCG(seed, 0x6875_6c6c_6572))
	roles := []string{"jobkonsulent", "sagsbehandler", "virksomhedskonsulent", "mentor", "administrativ"}
	share := []float64{0.30, 0.60, 0.75, 0.90, 1.00}
	ro := &roster.Roster{Source: fmt.Sprintf("roster-%d.xlsx", n), Sheet: "Roster",
		Columns: fw.Leaves, Requirements: map[string][]framework.Requirement{}}
	rq := rand.New(rand.NewPCG(seed, 0x7265_7173))
	for _, role := range roles {
		var reqs []framework.Requirement
		for _, l := range fw.BasisLeaves {
			reqs = append(reqs, framework.Requirement{Node: l.ID,
				Level: max(1, min(3, int(math.Round(1.6+rq.NormFloat64()*0.55))))})
		}
		ro.Requirements[role] = reqs
	}
	spofRow := rand.New(rand.NewPCG(seed, uint64(n))).IntN(n)
	spof, koord := fw.Node("4.6").Leaf, fw.Node("koordination.3").Leaf
	teamNames := make([]string, teams)
	for i := range teamNames {
		teamNames[i] = fmt.Sprintf("Team %02d", i+1)
	}
	scores := make([]int8, n*len(fw.Leaves))
	ro.Persons = make([]roster.Person, n)
	for i := range ro.Persons {
		ri := sort.SearchFloat64s(share, r.Float64()) // the first role whose cumulative share reaches the draw
		p := &ro.Persons[i]
		name := firstNames[(i*7)%len(firstNames)] + " " + lastNames[(i/len(firstNames)+i*3)%len(lastNames)]
		*p = roster.Person{Row: i + 2, ID: fmt.Sprintf("E%07d", i+1), Name: name,
			Role: roles[ri], Team: teamNames[r.IntN(len(teamNames))]}
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
