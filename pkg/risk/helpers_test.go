package risk

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

const u = roster.Unassessed

// smallYAML is a framework small enough to compute by hand. Scale 0–4,
// required 2, target 3, fit 0.75. Basis: A1, A2, B1. Profile P: P1, P2
// (need 2 of 2); profile Q: Q1, Q2, Q3 (target 2, need 3 of 3). Roles in
// this order: admin (A1 1, A2 0, B1 1), caseworker (A1 2, A2 2, B1 2;
// expected to hold P).
const smallYAML = `id: small
title: Small
language: en
scale:
  - {level: 0, label: None}
  - {level: 1, label: Basic}
  - {level: 2, label: Independent}
  - {level: 3, label: Specialist}
  - {level: 4, label: Expert}
defaults: {required: 2, target: 3, fit: 0.75}
basis:
  - id: A
    name: Group A
    items:
      - {id: A1, name: A one}
      - {id: A2, name: A two}
  - id: B
    name: Group B
    items:
      - {id: B1, name: B one}
profiles:
  - id: P
    name: Profile P
    items:
      - {id: P1, name: P one}
      - {id: P2, name: P two}
  - id: Q
    name: Profile Q
    target: 2
    items:
      - {id: Q1, name: Q one}
      - {id: Q2, name: Q two}
      - {id: Q3, name: Q three}
roles:
  - id: admin
    name: Administrative officer
    requires: {A1: 1, A2: 0, B1: 1}
  - id: caseworker
    name: Caseworker
    requires: {A: 2, B1: 2}
    profiles: [P]
`

func small(t testing.TB) *framework.Framework {
	t.Helper()
	fw, err := framework.Parse("small.yaml", []byte(smallYAML))
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

func builtin(t testing.TB, id string) *framework.Framework {
	t.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// row is a person of a test roster: levels per leaf, in framework order.
type row struct {
	name, id, role string
	profiles       []string
	levels         []int8
}

// rosterOf builds a roster with one column per leaf.
func rosterOf(fw *framework.Framework, rows ...row) *roster.Roster {
	ro := &roster.Roster{Source: "team.xlsx", Sheet: "Roster", Columns: fw.Leaves}
	for i, r := range rows {
		ro.Persons = append(ro.Persons, roster.Person{Row: i + 2, Name: r.name, ID: r.id, Role: r.role,
			Profiles: r.profiles, Scores: r.levels})
	}
	return ro
}

func analyze(t testing.TB, fw *framework.Framework, ro *roster.Roster, s analysis.Settings) *analysis.Result {
	t.Helper()
	res, err := analysis.Analyze(fw, ro, s)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func assess(t testing.TB, res *analysis.Result, o Options) *Report {
	t.Helper()
	rep, err := Assess(res, o)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// node returns the node index of a leaf or profile id.
func node(t testing.TB, res *analysis.Result, id string) int {
	t.Helper()
	fw := res.Framework
	n := fw.Node(id)
	if n == nil {
		t.Fatalf("no node %s", id)
	}
	if n.Leaf >= 0 {
		return n.Leaf
	}
	for j, p := range fw.Profiles {
		if p == n {
			return len(fw.Leaves) + j
		}
	}
	t.Fatalf("%s is neither a leaf nor a profile", id)
	return -1
}

// leafCounts and profileCounts are a node's exported counts: what a state
// must agree on with an analysis.
type leafCounts struct{ Required, Assessed, Met, GapSum, ReqSum, Holders, Teachers int32 }

type counts struct {
	Summary  analysis.Summary
	Leaves   []leafCounts
	Profiles []analysis.ProfileStat
	Findings []analysis.Finding
}

func countsOf(s State) counts {
	c := counts{Summary: s.Figures.Summary, Profiles: s.Figures.Profiles, Findings: s.Findings}
	for _, x := range s.Figures.Leaves {
		c.Leaves = append(c.Leaves, leafCounts{x.Required, x.Assessed, x.Met, x.GapSum, x.ReqSum, x.Holders, x.Teachers})
	}
	return c
}

func sameState(a, b State) bool { return reflect.DeepEqual(countsOf(a), countsOf(b)) }

// randomRoster draws a roster over every leaf (and, at random, inner
// nodes) of fw with random roles (the framework's, one defined by the
// Requirements sheet only, an unknown one, none), teams and profiles.
func randomRoster(r *rand.Rand, fw *framework.Framework, persons int) *roster.Roster {
	cols := append([]*framework.Node{}, fw.Leaves...)
	for _, n := range fw.Nodes() {
		if n.Leaf < 0 && r.IntN(4) == 0 {
			cols = append(cols, n)
		}
	}
	r.Shuffle(len(cols), func(i, j int) { cols[i], cols[j] = cols[j], cols[i] })
	roles := []string{"", "sheetonly", "ghost"}
	for _, ro := range fw.Roles {
		roles = append(roles, ro.ID, ro.ID)
	}
	ro := &roster.Roster{Source: "random.xlsx", Columns: cols,
		Requirements: map[string][]framework.Requirement{"sheetonly": {{Node: fw.BasisLeaves[0].ID, Level: fw.MaxLevel()}}}}
	lo, hi := fw.MinLevel(), fw.MaxLevel()
	blank := r.Float64() * 0.4
	for i := range persons {
		p := roster.Person{Row: i + 2, Name: "P" + string(rune('a'+i%26)), ID: string(rune('A'+i%26)) + "1",
			Role: roles[r.IntN(len(roles))], Team: []string{"", "T1", "T2"}[r.IntN(3)]}
		switch r.IntN(3) {
		case 0:
			for range 1 + r.IntN(2) {
				p.Profiles = append(p.Profiles, fw.Profiles[r.IntN(len(fw.Profiles))].ID)
			}
		case 1:
			p.Profiles = []string{} // explicitly none
		}
		p.Scores = make([]int8, len(cols))
		for c := range p.Scores {
			if r.Float64() < blank {
				p.Scores[c] = u
			} else {
				// lean high, so that holders and fitting persons are common
				p.Scores[c] = int8(min(hi, lo+r.IntN(hi-lo+2)))
			}
		}
		ro.Persons = append(ro.Persons, p)
	}
	return ro
}

// randomSettings draws thresholds that make every kind of finding likely.
func randomSettings(r *rand.Rand, fw *framework.Framework) analysis.Settings {
	s := analysis.DefaultSettings()
	s.Coverage = []float64{0, 0.5, 0.8, 1, r.Float64()}[r.IntN(5)]
	s.MinSpecialists = r.IntN(5) - 1
	if r.IntN(4) == 0 {
		s.Target = fw.MinLevel() + 1 + r.IntN(fw.MaxLevel()-fw.MinLevel())
	}
	if r.IntN(4) == 0 {
		s.Fit = 0.3 + 0.7*r.Float64()
	}
	return s
}

// minus returns a copy of ro without the persons at the given indices.
func minus(ro *roster.Roster, drop ...int) *roster.Roster {
	out := *ro
	out.Persons = nil
	for i, p := range ro.Persons {
		keep := true
		for _, d := range drop {
			keep = keep && d != i
		}
		if keep {
			out.Persons = append(out.Persons, p)
		}
	}
	return &out
}
