package risk

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/hint"
	"github.com/huller/huller/pkg/limits"
)

// Hire is a requirement profile for the next person to hire — a role (or
// none) and a profile (or none) — and what a newcomer meeting it would do
// to the unit's findings. The newcomer brings every basis competence the
// role requires at the required level (R > 0), every competence of the
// profile at its target level, and nothing else (the other competences
// count as not assessed); the newcomer is expected to hold the profile, and
// only it.
type Hire struct {
	// Role is the role id ("" for none: the framework's default levels);
	// Profile the index of Framework.Profiles, -1 for none.
	Role    string
	Profile int
	// AlsoAs are the other roles (ids, "" for none) in which a newcomer
	// with the same profile would make exactly the same changes.
	AlsoAs []string
	// Levels are the basis leaves the newcomer must bring and the level,
	// in framework order; ProfileLevels the profile's leaves at its target.
	Levels, ProfileLevels []Level
	// Changes are the nodes whose finding the newcomer would close or ease
	// to a less important tier (resolve), then those whose finding it
	// would improve, each in node order.
	Changes []Delta
	// Resolved counts, by the tier they have now (index: analysis.Tier),
	// the findings closed or eased; Improved the findings whose figure
	// improves.
	Resolved, Improved [5]int32
	// NewHolders are the leaves no one holds at the target level that the
	// newcomer would (node indices): competences the unit gains.
	NewHolders []int
	// Train says, for each of Changes, what developing current staff
	// could do instead.
	Train []Train
	order int // the combination's place, for a stable ranking
}

// Level is a competence and a level.
type Level struct {
	Leaf  int
	Level int8
}

// Train is the alternative to a hire for one of its gains: developing (or
// assessing) current staff.
type Train struct {
	Node int
	// Assess: the finding is that no one is assessed on it; assessing the
	// persons concerned, not training, is the alternative.
	Assess bool
	// Short counts the persons one step short: for a basis competence below
	// the threshold, one level below their required level; for a single
	// point, one level below the target; for a profile no one expected
	// fits or still developing, those expected to hold it who are one
	// competence short; for a profile with too few specialists, anyone one
	// competence short. For Assess, the persons to assess. Developing one of
	// them gives at least the gain of the hire on this finding.
	Short int32
	// Close is how many would have to take that step to close the finding.
	Close int32
	// Run is the cheapest course run of the catalog that takes one of them
	// that step (catalog.Catalog.LeastRun): nil without a catalog, for
	// Assess, or when no course does.
	Run *catalog.Quote
}

// Prices is the hook for a course catalog; *catalog.Catalog implements
// it. LeastRun returns the cheapest single run of one course that takes at
// least one of the learners one step (learners[i]: the steps any one of
// which will do for learner i), with as many of them as the course needs
// to run; CurrencyCode the currency of its costs. Options.Prices brings it
// to an assessment.
type Prices interface {
	LeastRun(learners [][]catalog.Step) (catalog.Quote, bool)
	CurrencyCode() string
}

// hireRole is a role a newcomer may be hired in, with its required levels.
type hireRole struct {
	id  string
	req []int8
}

// hires measures every combination of role and profile and keeps the best
// opts.Hires.
func (a *assessor) hires(rep *Report) error {
	roles, err := a.hireRoles()
	if err != nil {
		return err
	}
	np := len(a.res.Framework.Profiles)
	n := len(roles) * (np + 1)
	if a.opts.Vacancy == "" {
		n += np // a profile without a role
	}
	if n > limits.HireCandidates {
		return fmt.Errorf("%d roles and %d profiles make %d requirement profiles to measure, more than %d; name the role with --vacancy",
			len(roles), np, n, limits.HireCandidates)
	}
	if a.opts.Vacancy != "" {
		rep.Vacancy = roles[0].id
	} else {
		roles = append(roles, hireRole{id: "", req: a.defaultLevels()})
	}
	var all []Hire
	work := State{Figures: clone(a.full.Figures)}
	for _, ro := range roles {
		for j := range np + 1 {
			if j == np && ro.id == "" && a.opts.Vacancy == "" {
				continue // neither role nor profile
			}
			prof := j
			if j == np {
				prof = -1
			}
			h := a.measure(&work, ro, prof)
			h.order = len(all)
			all = append(all, h)
		}
	}
	rep.Candidates = len(all)
	slices.SortFunc(all, better)
	for i, h := range all {
		if len(rep.Hires) == a.opts.Hires || gain(h) == 0 {
			break
		}
		if h.order < 0 {
			continue // merged into an earlier one
		}
		for k := i + 1; k < len(all); k++ {
			if all[k].order >= 0 && sameOutcome(h, all[k]) {
				h.AlsoAs = append(h.AlsoAs, all[k].Role)
				all[k].order = -1
			}
		}
		h.Train = a.train(h)
		rep.Hires = append(rep.Hires, h)
	}
	return nil
}

// sameOutcome reports whether two hires of the same profile change the
// findings of the same nodes in the same way (the same tier and figure).
func sameOutcome(x, y Hire) bool {
	if x.Profile != y.Profile || x.Resolved != y.Resolved || x.Improved != y.Improved ||
		!slices.Equal(x.NewHolders, y.NewHolders) || len(x.Changes) != len(y.Changes) {
		return false
	}
	for i, d := range x.Changes {
		e := y.Changes[i]
		if d.Node != e.Node || d.After.Finding != e.After.Finding {
			return false
		}
		mx, _ := d.After.measure()
		my, _ := e.After.measure()
		if mx.less(my) || my.less(mx) {
			return false
		}
	}
	return true
}

// gain is the number of findings a hire resolves or improves and of leaves
// it brings.
func gain(h Hire) int {
	n := len(h.NewHolders)
	for t := range h.Resolved {
		n += int(h.Resolved[t] + h.Improved[t])
	}
	return n
}

// better orders hires: most findings resolved in the most important tier,
// then in the next tier, and so on; then most findings improved, tier by
// tier; then most leaves brought that no one holds; then the order of the
// combinations (roles in framework order, then the unit's other roles;
// profiles in framework order, then none).
func better(x, y Hire) int {
	for t := analysis.TierCannotDeliver; t <= analysis.TierDeveloping; t++ {
		if c := cmp.Compare(y.Resolved[t], x.Resolved[t]); c != 0 {
			return c
		}
	}
	for t := analysis.TierCannotDeliver; t <= analysis.TierDeveloping; t++ {
		if c := cmp.Compare(y.Improved[t], x.Improved[t]); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(len(y.NewHolders), len(x.NewHolders)); c != 0 {
		return c
	}
	return cmp.Compare(x.order, y.order)
}

// hireRoles returns the roles to measure: the framework's roles in its
// order, then the other roles of the unit (in the order of Result.Roles),
// then the roles the requirements sheet or file define, by id; only the
// Vacancy when given.
func (a *assessor) hireRoles() ([]hireRole, error) {
	res, fw := a.res, a.res.Framework
	seen := map[string]bool{"": true}
	var ids []string
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, r := range fw.Roles {
		add(r.ID)
	}
	for _, r := range res.Roles {
		add(r.ID)
	}
	var extra []string
	for id := range res.Settings.FileRequirements {
		extra = append(extra, id)
	}
	if res.Roster != nil {
		for id := range res.Roster.Requirements {
			extra = append(extra, id)
		}
	}
	slices.Sort(extra)
	for _, id := range extra {
		add(id)
	}
	if v := strings.TrimSpace(a.opts.Vacancy); v != "" {
		id, ok := a.matchRole(v, ids)
		if !ok {
			return nil, hint.With(fmt.Errorf("--vacancy %q is not a role of %s or of the requirements", v, fw.ID),
				"the roles are: %s", strings.Join(ids, ", "))
		}
		ids = []string{id}
	}
	out := make([]hireRole, len(ids))
	for i, id := range ids {
		out[i] = hireRole{id: id, req: a.roleLevels(id)}
	}
	return out, nil
}

// matchRole finds the role whose id, or name in any of the framework's
// languages, is v (case-insensitively).
func (a *assessor) matchRole(v string, ids []string) (string, bool) {
	fw := a.res.Framework
	for _, id := range ids {
		if strings.EqualFold(id, v) {
			return id, true
		}
	}
	for _, id := range ids {
		if r := fw.Role(id); r != nil {
			for _, name := range r.Name {
				if strings.EqualFold(strings.TrimSpace(name), v) {
					return id, true
				}
			}
		}
	}
	return "", false
}

// roleLevels returns the required level of each basis leaf for a newcomer
// in role id: as the unit's persons in that role have it, else by the same
// precedence (roster sheet, requirements file, framework role, default).
func (a *assessor) roleLevels(id string) []int8 {
	res, fw := a.res, a.res.Framework
	for _, r := range res.Roles {
		if r.ID == id {
			return r.Required
		}
	}
	var own []framework.Requirement
	if r := fw.Role(id); r != nil {
		own = r.Requires
	}
	var sheet []framework.Requirement
	if res.Roster != nil {
		sheet = res.Roster.Requirements[id]
	}
	return toLevels(fw.Required(own, res.Settings.FileRequirements[id], sheet))
}

// defaultLevels are the levels required of a person without a role.
func (a *assessor) defaultLevels() []int8 {
	for _, r := range a.res.Roles {
		if r.ID == "" {
			return r.Required
		}
	}
	return toLevels(a.res.Framework.Required())
}

func toLevels(req []int) []int8 {
	out := make([]int8, len(req))
	for i, v := range req {
		out[i] = int8(v)
	}
	return out
}

// measure adds a newcomer of role ro and profile prof (-1: none) to the
// unit's figures in work and compares the findings with the unit's.
func (a *assessor) measure(work *State, ro hireRole, prof int) Hire {
	res := a.res
	h := Hire{Role: ro.id, Profile: prof}
	for l, R := range ro.req {
		if R > 0 {
			h.Levels = append(h.Levels, Level{l, R})
		}
	}
	if prof >= 0 {
		for _, n := range res.Framework.Profiles[prof].Leaves {
			h.ProfileLevels = append(h.ProfileLevels, Level{n.Leaf, res.Targets[n.Leaf]})
		}
	}
	nc := a.newcomer(h)
	work.Figures.Summary = a.full.Figures.Summary
	copy(work.Figures.Leaves, a.full.Figures.Leaves)
	copy(work.Figures.Profiles, a.full.Figures.Profiles)
	work.Figures.Add(&nc, 1)
	work.Findings = res.Findings(&work.Figures, true, work.Findings)
	nl := len(a.full.Figures.Leaves)
	for i := range a.full.Findings {
		before, after := a.full.snapshot(i), work.snapshot(i)
		if i < nl && before.Leaf.Holders == 0 && after.Leaf.Holders > 0 {
			h.NewHolders = append(h.NewHolders, i)
		}
		d := compare(before, after, i, i >= nl)
		t := before.Finding.Tier
		switch {
		case d.Closed || d.Eased:
			h.Resolved[t]++
		case d.Improved:
			h.Improved[t]++
		default:
			continue
		}
		h.Changes = append(h.Changes, d)
	}
	slices.SortStableFunc(h.Changes, func(x, y Delta) int {
		return cmp.Compare(b2i(x.Improved), b2i(y.Improved))
	})
	return h
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// newcomer returns the figures of a newcomer meeting requirement profile h,
// as Analyze would count such a person.
func (a *assessor) newcomer(h Hire) analysis.Figures {
	res := a.res
	f := analysis.Figures{Leaves: make([]analysis.LeafStat, len(a.full.Figures.Leaves)),
		Profiles: make([]analysis.ProfileStat, len(a.full.Figures.Profiles))}
	f.Summary.Persons = 1
	hold := func(l int, L int8) {
		if L >= res.Targets[l] {
			f.Leaves[l].Holders = 1
			if L >= res.Teach[l] {
				f.Leaves[l].Teachers = 1
			}
		}
	}
	for _, lv := range h.Levels {
		s := &f.Leaves[lv.Leaf]
		s.Required, s.Assessed, s.Met, s.ReqSum = 1, 1, 1, int32(lv.Level)
		f.Summary.Basis.Required++
		f.Summary.Basis.Met++
		hold(lv.Leaf, lv.Level)
	}
	for _, lv := range h.ProfileLevels {
		hold(lv.Leaf, lv.Level)
	}
	for j, ps := range a.full.Figures.Profiles {
		reach := 0
		if j == h.Profile {
			reach = len(h.ProfileLevels)
		}
		fits := reach >= ps.Need
		if fits {
			f.Profiles[j].Fitting = 1
		}
		if j == h.Profile {
			f.Profiles[j].Expected = 1
			if reach > 0 {
				f.Profiles[j].ExpectedAssessed = 1
			}
			if fits {
				f.Profiles[j].ExpectedFitting = 1
			}
		}
	}
	return f
}

// trains says, for every node with a finding, what developing current
// staff could do for it.
func (a *assessor) trains() {
	for i := range a.nodes {
		if now := a.full.snapshot(i); now.Finding.Tier != 0 {
			t := a.trainFor(i, now)
			a.nodes[i].Train = &t
		}
	}
}

// train says, for each change of a hire, what developing current staff
// could do instead: each changed node's Train (the hire's changes are of
// nodes with a finding).
func (a *assessor) train(h Hire) []Train {
	out := make([]Train, 0, len(h.Changes))
	for _, d := range h.Changes {
		if t := a.nodes[d.Node].Train; t != nil {
			out = append(out, *t)
		} else {
			out = append(out, a.trainFor(d.Node, d.Before))
		}
	}
	return out
}

func (a *assessor) trainFor(i int, now Snapshot) Train {
	t := Train{Node: i, Close: 1}
	nl := len(a.full.Figures.Leaves)
	b := a.nodes[i].Bench
	if i < nl {
		switch now.Finding.Kind {
		case analysis.KindBasis:
			t.Short, t.Close = b.OneBelowRequired, closeCoverage(now.Leaf.Met, now.Leaf.Assessed, a.res.Settings.Coverage)
		case analysis.KindSinglePoint:
			t.Short = b.OneBelowTarget
		case analysis.KindUnassessed:
			t.Assess, t.Short = true, now.Leaf.Required
		}
		t.Run = a.leafRun(i, now.Finding.Kind)
		return t
	}
	j, ps := i-nl, now.Profile
	switch now.Finding.Tier {
	case analysis.TierCannotDeliver:
		t.Short = b.ExpectedOneShort
	case analysis.TierFragile:
		t.Short, t.Close = b.OneShort, int32(ps.Specialists)-ps.Fitting
	case analysis.TierUnknown:
		t.Assess, t.Short = true, ps.Expected
	case analysis.TierDeveloping:
		t.Short, t.Close = b.ExpectedOneShort, ps.ExpectedAssessed-ps.ExpectedFitting
	}
	if !t.Assess {
		t.Run = a.profileRun(j, now.Finding.Tier != analysis.TierFragile)
	}
	return t
}

// closeCoverage returns how many persons with a gap must reach their
// required level to bring met of assessed to the threshold c.
func closeCoverage(met, assessed int32, c float64) int32 {
	m := int32(1)
	for met+m < assessed && float64(met+m)/float64(assessed) < c {
		m++
	}
	return m
}

// leafRun prices one step for the persons one step short on leaf l: to
// the required level (a basis hole), to the target (a single point).
func (a *assessor) leafRun(l int, kind analysis.Kind) *catalog.Quote {
	res := a.res
	if a.opts.Prices == nil || kind == analysis.KindUnassessed {
		return nil
	}
	var learners [][]catalog.Step
	for p := range res.People {
		L := int(res.Level(p, l))
		to := int(res.Targets[l])
		if kind == analysis.KindBasis {
			to = res.Required(p, l)
		}
		if L >= 0 && L == to-1 {
			learners = append(learners, []catalog.Step{{Leaf: l, From: L, To: to}})
		}
	}
	return a.leastRun(learners)
}

// profileRun prices bringing the persons one competence short of profile
// j to fit it (of those expected to hold it, when expected): each may take
// any of the profile's competences they are assessed on below the target
// to the target.
func (a *assessor) profileRun(j int, expected bool) *catalog.Quote {
	res := a.res
	if a.opts.Prices == nil {
		return nil
	}
	var learners [][]catalog.Step
	for p := range res.People {
		if !a.oneShort(p, j) || expected && !res.IsExpected(p, j) {
			continue
		}
		var steps []catalog.Step
		for _, n := range res.Framework.Profiles[j].Leaves {
			L, T := int(res.Level(p, n.Leaf)), int(res.Targets[n.Leaf])
			if L >= 0 && L < T {
				steps = append(steps, catalog.Step{Leaf: n.Leaf, From: L, To: T})
			}
		}
		if len(steps) > 0 {
			learners = append(learners, steps)
		}
	}
	return a.leastRun(learners)
}

func (a *assessor) leastRun(learners [][]catalog.Step) *catalog.Quote {
	if len(learners) == 0 {
		return nil
	}
	q, ok := a.opts.Prices.LeastRun(learners)
	if !ok {
		return nil
	}
	return &q
}
