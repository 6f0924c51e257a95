// Package risk measures how vulnerable a unit is, competence by competence
// and profile by profile, and what the next person to hire should bring. It
// rates no person: people appear only in the scenarios a leader enters (a
// known retirement or leave, analysed with Without).
//
//   - Exposure (N−1): for every leaf and profile, how many persons' absence
//     alone would open or worsen a finding on it, or leave no one holding
//     it, and the fewest absences that would. Computed exactly and
//     incrementally: the unit's figures minus one person's, for every
//     person, are those of an analysis of the roster without that row.
//   - Bench depth: who holds each competence at the target and at the
//     required level, and who is one level (or, for a profile, one
//     competence) short.
//   - Hires: a newcomer at a role's required levels and a profile's target
//     level, for every role and profile, measured by the findings it would
//     resolve; the best few as requirement profiles (kravspecifikationer),
//     each with what developing current staff could do instead.
//
// The package is pure: it reads nothing and writes nothing.
package risk

import (
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
)

// DefaultHires is how many requirement profiles a report proposes.
const DefaultHires = 3

// Options control an assessment.
type Options struct {
	// Vacancy, when not empty, is the role (id or name) to propose a
	// requirement profile for; else every role is considered.
	Vacancy string
	// Hires is how many requirement profiles to propose; 0 means
	// DefaultHires, a negative number none (no combination is measured).
	Hires int
	// Prices, when not nil, prices developing current staff from a course
	// catalog (see Prices); nil leaves the costs out.
	Prices Prices
}

// Report is the assessment of one unit.
type Report struct {
	Result *analysis.Result
	// Nodes are the unit's leaves (indexed like Framework.Leaves), then its
	// profiles (len(Leaves)+j), each with its exposure and bench.
	Nodes []Node
	// Hires are the best requirement profiles, best first (see Hire).
	Hires []Hire
	// Candidates is the number of combinations of role and profile
	// measured; Vacancy the role id asked for ("" for every role).
	Candidates int
	Vacancy    string
	// Priced says that the costs of developing staff come from a catalog,
	// whose currency Currency is.
	Priced   bool
	Currency string
}

// Node is a leaf's or a profile's exposure to absences and its bench.
type Node struct {
	Exposure
	Bench Bench
	// Train is what developing (or assessing) current staff could do for
	// the node's finding: the gain one more person meeting, holding or
	// fitting it would bring (see Train); nil when it has no finding.
	Train *Train
}

// assessor holds what an assessment shares.
type assessor struct {
	res    *analysis.Result
	opts   Options
	full   State
	nBasis int
	profOf []int // profile of each leaf, -1 for basis
	cats   []profileCats
	nodes  []Node
}

// Assess measures the exposure, bench and best hires of the unit analysed
// in res (its whole unit: the roster, or the team it was restricted to).
// It fails only for a Vacancy that names no role, or more combinations of
// role and profile than limits.HireCandidates.
func Assess(res *analysis.Result, opts Options) (*Report, error) {
	if opts.Hires == 0 {
		opts.Hires = DefaultHires
	}
	a := newAssessor(res, opts)
	a.countCats()
	a.exposures()
	a.benches()
	a.trains()
	rep := &Report{Result: res, Nodes: a.nodes, Priced: opts.Prices != nil}
	if rep.Priced {
		rep.Currency = opts.Prices.CurrencyCode()
	}
	if opts.Hires < 0 {
		return rep, nil
	}
	if err := a.hires(rep); err != nil {
		return nil, err
	}
	return rep, nil
}

func newAssessor(res *analysis.Result, opts Options) *assessor {
	fw := res.Framework
	a := &assessor{res: res, opts: opts, nBasis: len(fw.BasisLeaves), full: stateOf(res, clone(res.Figures))}
	a.profOf = make([]int, len(fw.Leaves))
	for l := range a.profOf {
		a.profOf[l] = -1
	}
	for j, p := range fw.Profiles {
		for _, n := range p.Leaves {
			a.profOf[n.Leaf] = j
		}
	}
	return a
}

// Full returns the state of the whole unit analysed in res.
func Full(res *analysis.Result) State { return stateOf(res, clone(res.Figures)) }

// Without returns the state of the unit of res without the persons away
// (indices of res.People, each once), computed from the unit's figures
// minus theirs: the same as the state of an analysis of the roster
// without their rows.
func Without(res *analysis.Result, away []int32) State {
	f := clone(res.Figures)
	if len(away) == 0 {
		return stateOf(res, f)
	}
	part := res.FiguresOf(away)
	f.Add(&part, -1)
	return stateOf(res, f)
}

// IsProfile reports whether node i of rep is a profile (else it is leaf
// i).
func (rep *Report) IsProfile(i int) bool { return i >= len(rep.Result.Framework.Leaves) }

// ProfileIndex returns the index in Framework.Profiles of node i, a profile.
func (rep *Report) ProfileIndex(i int) int { return i - len(rep.Result.Framework.Leaves) }

// NodeOf returns node i of a report's Nodes: the framework's leaves, then
// its profiles.
func NodeOf(fw *framework.Framework, i int) *framework.Node {
	if nl := len(fw.Leaves); i >= nl {
		return fw.Profiles[i-nl]
	}
	return fw.Leaves[i]
}

// IsProfile reports whether node i of a report's Nodes is a profile.
func IsProfile(fw *framework.Framework, i int) bool { return i >= len(fw.Leaves) }
