package diff

import (
	"errors"
	"runtime"
	"sync"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/roster"
)

// StepKind is a kind of change between two mappings.
type StepKind uint8

// The kinds of change, in the order the way from Before to After takes
// them.
const (
	// StepLeft: the persons who left leave.
	StepLeft StepKind = iota + 1
	// StepStayed: the persons on both sides take their new role, team,
	// profiles and the levels their own assessor gave (or that no assessor
	// is known for on one side).
	StepStayed
	// StepOtherAssessor: the levels a different assessor gave than before.
	StepOtherAssessor
	// StepJoined: the persons who joined join.
	StepJoined
	// StepRules: the framework and the requirements become After's.
	StepRules
)

// StepKinds lists the kinds in the order of the way.
var StepKinds = []StepKind{StepLeft, StepStayed, StepOtherAssessor, StepJoined, StepRules}

var stepNames = [...]string{"", "left", "stayed", "other-assessor", "joined", "rules"}

// String returns the kind's name as used in JSON.
func (k StepKind) String() string {
	if int(k) >= len(stepNames) {
		return ""
	}
	return stepNames[k]
}

// Step is one kind of change on the way from Before to After, and the
// state it leads to: the persons, levels and rules as they stand once this
// and every earlier step is taken, analysed (Before's settings; After's
// for the last step, whose state is After).
type Step struct {
	Kind StepKind
	// State is the analysis after the step: After for the last step; for
	// the others only the figures (Summary, Leaves, Profiles) and the holes
	// (kind, node, tier, effort, coverage) are kept, not the persons.
	State *analysis.Result
}

// steps takes the way from Before to After, one step per kind of change
// that happened, and analyses the state after each (the last is After).
// The states are independent of each other and analysed in parallel.
func (c *comparer) steps() error {
	r := c.res
	var kinds []StepKind
	for _, k := range StepKinds {
		if c.happened(k) {
			kinds = append(kinds, k)
		}
	}
	// the states to analyse: after each step but the last, and, when the
	// rules changed, After's persons under Before's rules
	need := map[StepKind]*analysis.Result{}
	for _, k := range kinds[:max(len(kinds)-1, 0)] {
		need[k] = nil
	}
	if !r.Rules.Same {
		need[StepJoined] = nil
	}
	if err := c.analyseStates(need, !r.Rules.Same); err != nil {
		return err
	}
	for i, k := range kinds {
		st := need[k]
		if i == len(kinds)-1 {
			st = r.After
		}
		r.Steps = append(r.Steps, Step{Kind: k, State: st})
	}
	if !r.Rules.Same {
		r.oldRules = need[StepJoined]
	}
	return nil
}

// analyseStates analyses the state after each step of need, at most
// GOMAXPROCS at a time. With oldRules, the state after the persons who
// joined is After's persons under Before's rules, which splitRules reads.
// Of each state only its figures and holes are kept.
func (c *comparer) analyseStates(need map[StepKind]*analysis.Result, oldRules bool) error {
	var kinds []StepKind
	for _, k := range StepKinds {
		if _, ok := need[k]; ok {
			kinds = append(kinds, k)
		}
	}
	states, errs := make([]*analysis.Result, len(kinds)), make([]error, len(kinds))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, k := range kinds {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			st, err := c.state(k)
			if err != nil {
				errs[i] = err
				return
			}
			if oldRules && k == StepJoined {
				c.splitRules(st)
			}
			states[i] = figuresOnly(st)
		}()
	}
	wg.Wait()
	for i, k := range kinds {
		need[k] = states[i]
	}
	return errors.Join(errs...)
}

// figuresOnly returns what is kept of a state: its figures and its holes'
// kind, node, priority, effort and coverage, without its persons.
func figuresOnly(res *analysis.Result) *analysis.Result {
	out := &analysis.Result{Framework: res.Framework, Settings: res.Settings, Figures: res.Figures,
		Targets: res.Targets, Teach: res.Teach, Holes: make([]analysis.Hole, len(res.Holes))}
	for i, h := range res.Holes {
		out.Holes[i] = analysis.Hole{Node: h.Node, Kind: h.Kind, Tier: h.Tier, Effort: h.Effort,
			Coverage: h.Coverage, HasCoverage: h.HasCoverage, Met: h.Met, Assessed: h.Assessed}
	}
	return out
}

// happened reports whether a kind of change happened.
func (c *comparer) happened(k StepKind) bool {
	r := c.res
	switch k {
	case StepLeft:
		return len(r.Match.Left) > 0
	case StepJoined:
		return len(r.Match.Joined) > 0
	case StepRules:
		return !r.Rules.Same
	}
	for _, p := range c.changes {
		for _, l := range p.Levels {
			if l.OtherAssessor == (k == StepOtherAssessor) {
				return true
			}
		}
		if k == StepStayed && (p.Renamed || p.RoleChanged || p.TeamChanged || c.profilesChanged(p)) {
			return true
		}
	}
	return false
}

// profilesChanged reports whether a person's profiles column differs.
func (c *comparer) profilesChanged(p *PersonChange) bool {
	x, y := c.res.Before.People[p.Before].Profiles, c.res.After.People[p.After].Profiles
	if (x == nil) != (y == nil) || len(x) != len(y) {
		return true
	}
	for i := range x {
		if x[i] != y[i] {
			return true
		}
	}
	return false
}

// state builds and analyses the state after step k, under Before's rules:
// a roster of the persons then present, one column per leaf of Before's
// framework holding the level the analysis resolved.
func (c *comparer) state(k StepKind) (*analysis.Result, error) {
	r := c.res
	b, a := r.Before, r.After
	fw := b.Framework
	n := len(fw.Leaves)
	ro := &roster.Roster{Source: c.in[1].Roster.Source, Sheet: c.in[1].Roster.Sheet, Columns: fw.Leaves,
		Requirements: c.in[0].Roster.Requirements}
	// who is present, and whose attributes they carry
	type entry struct {
		before, after int32 // -1 when not taken from that side
		drift         bool  // take the levels a different assessor gave
	}
	var es []entry
	switch k {
	case StepLeft, StepStayed, StepOtherAssessor:
		for j := range b.People {
			i := c.pairOfBefore[j]
			switch {
			case i < 0:
			case k == StepLeft:
				es = append(es, entry{int32(j), -1, false})
			default:
				es = append(es, entry{int32(j), i, k == StepOtherAssessor})
			}
		}
	default: // after the persons who joined: every person of After
		for i := range a.People {
			es = append(es, entry{c.pairOfAfter[i], int32(i), true})
		}
	}
	scores := make([]int8, len(es)*n)
	ro.Persons = make([]roster.Person, len(es))
	for e, x := range es {
		row := scores[e*n : (e+1)*n : (e+1)*n]
		var p roster.Person
		if x.after >= 0 {
			p = *a.People[x.after].Person
		} else {
			p = *b.People[x.before].Person
		}
		p.Scores, p.Dates, p.Assessors = row, nil, nil
		var drift map[int32]bool
		if x.before >= 0 && x.after >= 0 && !x.drift {
			drift = c.driftLeaves(x.before)
		}
		for l := range row {
			row[l] = c.level(x.before, x.after, l, drift)
		}
		ro.Persons[e] = p
	}
	return analysis.Analyze(fw, ro, c.in[0].Settings)
}

// level returns the level on leaf l of Before's framework of a person in a
// state: After's level (when the person is on After's side and the leaf in
// After's framework), except where a different assessor gave it and drift
// holds the leaf (the step before the other assessors' levels), then
// Before's.
func (c *comparer) level(before, after int32, l int, drift map[int32]bool) int8 {
	r := c.res
	k := r.leafMap[l]
	switch {
	case after >= 0 && k >= 0 && !drift[int32(l)]:
		return r.After.Level(int(after), int(k))
	case before >= 0:
		return r.Before.Level(int(before), l)
	}
	return roster.Unassessed
}

// driftLeaves returns the leaves on which a different assessor changed
// the level of the person at index before.
func (c *comparer) driftLeaves(before int32) map[int32]bool {
	p := c.changeOf(before)
	if p == nil {
		return nil
	}
	var m map[int32]bool
	for _, l := range p.Levels {
		if l.OtherAssessor {
			if m == nil {
				m = map[int32]bool{}
			}
			m[l.Leaf] = true
		}
	}
	return m
}

// changeOf returns the change of the person at index before of Before,
// nil for a person who left.
func (c *comparer) changeOf(before int32) *PersonChange {
	if k := c.changeIdx[before]; k >= 0 {
		return c.changes[k]
	}
	return nil
}

// splitRules fills in what the new rules made of each person's figures
// from old, After's persons under Before's rules: the gap sum under
// Before's rules, and which profile fits crossed the threshold only under
// the new ones.
func (c *comparer) splitRules(old *analysis.Result) {
	r := c.res
	for k := range r.People {
		p := &r.People[k]
		if p.After < 0 {
			continue
		}
		p.GapSumOldRules = old.People[p.After].Basis.GapSum
		if p.Before < 0 {
			continue
		}
		for x := range p.Gained {
			p.Gained[x].ByRules = !old.Fits(int(p.After), int(p.Gained[x].Profile))
		}
		for x := range p.Lost {
			p.Lost[x].ByRules = old.Fits(int(p.After), int(p.Lost[x].Profile))
		}
	}
}
