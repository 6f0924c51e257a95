package analysis

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// public returns f's counts without the unexported fields (which person a
// single point names, the next best level), which Add does not keep.
func public(f Figures) Figures {
	out := Figures{Summary: f.Summary, Leaves: slices.Clone(f.Leaves), Profiles: slices.Clone(f.Profiles)}
	for l := range out.Leaves {
		out.Leaves[l].holder, out.Leaves[l].below = 0, 0
	}
	return out
}

// findingsOfHoles returns, per leaf and then per profile, the most
// important of the holes on it.
func findingsOfHoles(res *Result, holes []Hole) []Finding {
	fw := res.Framework
	out := make([]Finding, len(fw.Leaves)+len(fw.Profiles))
	for _, h := range holes {
		i := h.Node.Leaf
		if h.Kind == KindProfile {
			i = len(fw.Leaves) + int(profileOf(fw, h.Node))
		}
		if out[i].Tier == 0 || h.Tier < out[i].Tier {
			out[i] = Finding{h.Kind, h.Tier}
		}
	}
	return out
}

// without returns a copy of ro without the persons at the given indices.
func without(ro *roster.Roster, drop ...int) *roster.Roster {
	out := *ro
	out.Persons = nil
	for i, p := range ro.Persons {
		if !slices.Contains(drop, i) {
			out.Persons = append(out.Persons, p)
		}
	}
	return &out
}

// TestFindingsAndFigures: Findings gives the holes' kinds and tiers for the
// unit, every team and every role; FiguresOf gives a group's figures; and
// the unit's figures minus one person's are those of an analysis of the
// roster without that person's row, with the same findings.
func TestFindingsAndFigures(t *testing.T) {
	fws := []*framework.Framework{parseFW(t, tinyYAML), builtin(t, "fagligheder-fase3")}
	for seed := range uint64(120) {
		r := rand.New(rand.NewPCG(seed, 11))
		fw := fws[seed%2]
		ro := randomRoster(r, fw, 2+r.IntN(14))
		s := DefaultSettings()
		s.Coverage = r.Float64()
		s.MinSpecialists = r.IntN(4) - 1
		if r.IntN(3) == 0 {
			s.Target = fw.MinLevel() + r.IntN(fw.MaxLevel()-fw.MinLevel()+1)
		}
		res := analyze(t, fw, ro, s)
		if got, want := res.Findings(&res.Figures, true, nil), findingsOfHoles(res, res.Holes); !slices.Equal(got, want) {
			t.Fatalf("seed %d: unit findings %v, holes say %v", seed, got, want)
		}
		for _, g := range append(slices.Clone(res.Teams), res.RoleGroups...) {
			if got, want := res.Findings(&g.Figures, false, nil), findingsOfHoles(res, g.Holes); !slices.Equal(got, want) {
				t.Fatalf("seed %d: group %q findings %v, holes say %v", seed, g.Name, got, want)
			}
			if got := res.FiguresOf(g.Members); !reflect.DeepEqual(got, g.Figures) {
				t.Fatalf("seed %d: FiguresOf(group %q) differs from its figures", seed, g.Name)
			}
		}
		if got := res.FiguresOf(nil); !reflect.DeepEqual(got, res.Figures) {
			t.Fatalf("seed %d: FiguresOf(nil) differs from the unit's figures", seed)
		}
		for p := range res.People {
			f := public(res.Figures)
			one := res.FiguresOf([]int32{int32(p)})
			f.Add(&one, -1)
			ref := analyze(t, fw, without(ro, p), s)
			if want := public(ref.Figures); !reflect.DeepEqual(f, want) {
				t.Fatalf("seed %d: figures without person %d:\n%+v\nanalysis without the row:\n%+v", seed, p, f, want)
			}
			if got, want := res.Findings(&f, true, nil), findingsOfHoles(ref, ref.Holes); !slices.Equal(got, want) {
				t.Fatalf("seed %d: findings without person %d %v, analysis without the row %v", seed, p, got, want)
			}
			f.Add(&one, 1)
			if !reflect.DeepEqual(f, public(res.Figures)) {
				t.Fatalf("seed %d: adding person %d back does not restore the figures", seed, p)
			}
		}
	}
}

// TestCandidatesAreTheNearest: the candidates of each profile are the
// persons a full sort would list first — least effort, the expected before
// the others, then roster order — for the unit and for each team.
func TestCandidatesAreTheNearest(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	for seed := uint64(1); seed <= 20; seed++ {
		res := analyze(t, fw, genRoster(t, fw, 30+int(seed)*7, seed), DefaultSettings())
		a := res.an
		groups := [][]int32{nil}
		for _, g := range res.Teams {
			groups = append(groups, g.Members)
		}
		for _, members := range groups {
			for j := range fw.Profiles {
				var all []Candidate
				a.each(members, func(p int) {
					if res.Assessed[p*a.nProf+j] > 0 && !res.Fits(p, j) {
						all = append(all, Candidate{Person: int32(p), Effort: a.cost(p, j)})
					}
				})
				slices.SortStableFunc(all, func(x, y Candidate) int {
					if x.Effort != y.Effort {
						return x.Effort - y.Effort
					}
					ex, ey := res.IsExpected(int(x.Person), j), res.IsExpected(int(y.Person), j)
					switch {
					case ex && !ey:
						return -1
					case ey && !ex:
						return 1
					}
					return 0
				})
				want := all[:min(len(all), maxListed)]
				if got := a.candidates(members, j); !slices.Equal(got, want) {
					t.Fatalf("seed %d, profile %s: candidates %v, want %v", seed, fw.Profiles[j].ID, got, want)
				}
			}
		}
	}
}
