// Package diff compares two mappings of the same unit — a roster and the
// same roster a year on, after a round of training — and says what
// changed: the unit's figures and holes before and after, and for each
// person who left, joined or stayed, what moved.
//
// Real change is kept apart from what only looks like change. Each roster
// is analysed alone (Result.Before, Result.After: the figures huller
// analyze gives), and the way from one to the other is taken in steps, each
// analysed on its own (Result.Steps): the persons who left leave; those who
// stayed take their new roles, teams and the levels their own assessor
// gave; then the levels a different assessor gave (rater drift); then the
// persons who joined join; last the requirements and the framework change
// to the new ones. A hole that opened or closed is put down to the step at
// which it last did; a person's gap sum says how much of its change the new
// requirements made.
//
// Persons are matched by id, else by name (case and spacing ignored);
// competences and profiles by id.
//
// Given a plan made from the old mapping (the JSON `huller plan` writes,
// read by ReadPlan), Compare also says which planned development happened:
// each need's level in the new mapping against its goal (Result.Plan).
//
// The package is pure: it reads nothing and writes nothing (ReadPlan reads
// the reader it is given).
package diff

import (
	"errors"
	"fmt"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// Input is one side of a comparison: a roster read against a framework,
// and the settings to analyse it with.
type Input struct {
	Framework *framework.Framework
	Roster    *roster.Roster
	// Settings are those of huller analyze; the thresholds (coverage,
	// target, fit, specialists) must be the same on both sides, and the
	// team and person filters empty. FileRequirements may differ (a
	// requirements file for each mapping).
	Settings analysis.Settings
}

// Options tune Compare.
type Options struct {
	// AllowDisjoint compares rosters that have no person in common
	// (otherwise ErrDisjoint).
	AllowDisjoint bool
	// Plan, when not nil, is a plan made from the old mapping (ReadPlan):
	// Result.Plan then says which planned development happened.
	Plan *SavedPlan
}

// ErrDisjoint is returned (wrapped) when the two rosters have no person in
// common and Options.AllowDisjoint is not set.
var ErrDisjoint = errors.New("no person in common")

// ErrFrameworks is returned (wrapped) when the two rosters are measured
// against different frameworks (different ids).
var ErrFrameworks = errors.New("different frameworks")

// Result is the outcome of Compare. Indices of persons index
// Before.People or After.People; indices of leaves and profiles index the
// side's framework.
type Result struct {
	// Before and After are the two rosters, each analysed alone.
	Before, After *analysis.Result
	// Match says which persons are the same.
	Match Match
	// Rules are the differences in framework and requirements between the
	// two sides; Rules.Same when there are none.
	Rules Rules
	// Steps go from Before to After, one per kind of change that
	// happened, in the order of StepKinds; the last step's state is After.
	Steps []Step
	// Holes are the unit's holes that closed, opened, persisted or changed
	// kind: opened first, then changed kind, persisting, closed; within
	// each, in the order of the side they stand on (After, else Before).
	Holes []HoleChange
	// Leaves are the basis competences of either side, Before's framework
	// order first, with their team coverage before and after.
	Leaves []LeafChange
	// Profiles are the profiles of either side, with the persons fitting
	// them before and after.
	Profiles []ProfileChange
	// People are the persons of either side: those who stayed and those
	// who joined in After's roster order, then those who left in Before's.
	People []PersonChange
	// Plan follows up Options.Plan; nil without one.
	Plan *FollowUp
	// Warnings are problems that did not stop the comparison (a name that
	// matches several persons).
	Warnings []string

	// leafMap maps each leaf of Before's framework to the leaf of After's
	// with the same id, -1 when it has none; profMap the same for profiles.
	leafMap, profMap []int32
	// oldRules is the analysis of After's persons and levels under
	// Before's framework and requirements (nil when Rules.Same): what the
	// new mapping would show had the rules not changed; its figures only.
	oldRules *analysis.Result
}

// Compare compares two mappings of a unit, before and after.
func Compare(before, after Input, o Options) (*Result, error) {
	if err := checkInputs(before, after); err != nil {
		return nil, err
	}
	b, err := analysis.Analyze(before.Framework, before.Roster, before.Settings)
	if err != nil {
		return nil, err
	}
	a, err := analysis.Analyze(after.Framework, after.Roster, after.Settings)
	if err != nil {
		return nil, err
	}
	c := &comparer{in: [2]Input{before, after}, res: &Result{Before: b, After: a}}
	c.mapLeaves()
	c.match()
	if len(c.res.Match.Pairs) == 0 && !o.AllowDisjoint && len(b.People) > 0 && len(a.People) > 0 {
		return nil, fmt.Errorf("%s and %s have %w (matched by id, else by name): they may be two different units, or the ids changed",
			before.Roster.Source, after.Roster.Source, ErrDisjoint)
	}
	c.rules()
	c.people()
	if err := c.steps(); err != nil {
		return nil, err
	}
	c.holes()
	c.leaves()
	c.profiles()
	if o.Plan != nil {
		if err := c.followPlan(o.Plan); err != nil {
			return nil, err
		}
	}
	return c.res, nil
}

// checkInputs refuses what cannot be compared: a missing side, two
// frameworks, thresholds that differ, filters.
func checkInputs(before, after Input) error {
	for _, in := range []Input{before, after} {
		if in.Framework == nil || in.Roster == nil {
			return errors.New("diff needs a framework and a roster on each side")
		}
		if in.Settings.Team != "" || in.Settings.Person != "" {
			return errors.New("diff compares whole rosters: no team or person filter")
		}
	}
	if before.Framework.ID != after.Framework.ID {
		return fmt.Errorf("%s is measured against framework %s and %s against %s: %w",
			before.Roster.Source, before.Framework.ID, after.Roster.Source, after.Framework.ID, ErrFrameworks)
	}
	s, t := before.Settings, after.Settings
	if s.Coverage != t.Coverage || s.Target != t.Target || s.Fit != t.Fit || s.MinSpecialists != t.MinSpecialists {
		return errors.New("diff applies one set of thresholds to both rosters: coverage, target, fit and specialists must be equal")
	}
	return nil
}

// comparer holds what Compare works on.
type comparer struct {
	in  [2]Input
	res *Result
	// pairOfBefore and pairOfAfter give, per person, the index of the same
	// person on the other side, -1 when none.
	pairOfBefore, pairOfAfter []int32
	// changes are the per-person changes of the matched persons, indexed
	// like Match.Pairs; changeIdx gives, per person of Before, the index
	// of the person's change, -1 for a person who left.
	changes   []*PersonChange
	changeIdx []int32
	// scratch collects one person's level changes; block is where keep
	// stores them.
	scratch, block []LevelChange
}

// mapLeaves matches leaves and profiles by id.
func (c *comparer) mapLeaves() {
	bf, af := c.res.Before.Framework, c.res.After.Framework
	c.res.leafMap = make([]int32, len(bf.Leaves))
	for l, n := range bf.Leaves {
		c.res.leafMap[l] = -1
		if m := af.Node(n.ID); m != nil && m.Leaf >= 0 && (m.Area == n.Area) {
			c.res.leafMap[l] = int32(m.Leaf)
		}
	}
	c.res.profMap = make([]int32, len(bf.Profiles))
	for j, p := range bf.Profiles {
		c.res.profMap[j] = int32(profileIndex(af, p.ID))
	}
}

// profileIndex returns the index of profile id in fw, or -1.
func profileIndex(fw *framework.Framework, id string) int {
	for j, p := range fw.Profiles {
		if p.ID == id {
			return j
		}
	}
	return -1
}

// AfterLeaf returns the leaf of After's framework with the id of leaf l of
// Before's, -1 when it has none.
func (r *Result) AfterLeaf(l int) int { return int(r.leafMap[l]) }

// AfterProfile returns the profile of After's framework with the id of
// profile j of Before's, -1 when it has none.
func (r *Result) AfterProfile(j int) int { return int(r.profMap[j]) }

// OldRules returns the figures of After's persons and levels under
// Before's framework and requirements (Summary, Leaves, Profiles, holes;
// not the persons): what the new mapping would show had the rules not
// changed; nil when they did not change.
func (r *Result) OldRules() *analysis.Result { return r.oldRules }

// HasRegressions reports whether a hole of the unit opened, or got more
// severe (see HoleChange.Worse).
func (r *Result) HasRegressions() bool {
	for _, h := range r.Holes {
		if h.Worse() {
			return true
		}
	}
	return false
}
