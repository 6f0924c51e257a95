package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// analyzer holds what Analyze precomputes once and the slabs it fills.
type analyzer struct {
	fw  *framework.Framework
	r   *roster.Roster
	s   Settings
	res *Result

	nLeaves, nBasis, nProf int
	// chainOff/chainCols: the roster columns to consult for leaf l are
	// chainCols[chainOff[l]:chainOff[l+1]], the leaf's own column first,
	// then its nearest assessed ancestor's, and so on.
	chainOff, chainCols []int32
	// direct, when no leaf has more than one column to consult, holds the
	// column of each leaf (-1 for none); nil otherwise.
	direct    []int32
	profOf    []int32       // profile index of each leaf, -1 for basis
	profStats []ProfileStat // each profile's target, need and specialists
	minLevel  int8

	roleIdx map[string]int32
	warned  map[string]bool
}

// Analyze scores every person of r against fw and finds the holes. It
// returns an error for invalid settings, a filter that matches no one, or a
// roster whose persons do not have one score per column.
func Analyze(fw *framework.Framework, r *roster.Roster, s Settings) (*Result, error) {
	if fw == nil || r == nil {
		return nil, fmt.Errorf("analysis needs a framework and a roster")
	}
	if err := s.Validate(fw); err != nil {
		return nil, err
	}
	a := &analyzer{
		fw: fw, r: r, s: s,
		nLeaves: len(fw.Leaves), nBasis: len(fw.BasisLeaves), nProf: len(fw.Profiles),
		minLevel: int8(fw.MinLevel()),
		roleIdx:  map[string]int32{}, warned: map[string]bool{},
	}
	a.res = &Result{Framework: fw, Roster: r}
	a.res.an = a
	if err := a.selectPeople(); err != nil {
		return nil, err
	}
	a.resolveSettings()
	a.buildChains()
	if err := a.score(); err != nil {
		return nil, err
	}
	a.groups()
	return a.res, nil
}

// selectPeople applies the team and person filters.
func (a *analyzer) selectPeople() error {
	res, s := a.res, a.s
	n := 0
	for i := range a.r.Persons {
		if s.Team == "" || matchFold(a.r.Persons[i].Team, s.Team) {
			n++
		}
	}
	if n == 0 && s.Team != "" {
		return fmt.Errorf("no person in team %q of %s (teams: %s)",
			s.Team, a.r.Source, strings.Join(a.teamNames(), ", "))
	}
	res.People = make([]Person, 0, n)
	for i := range a.r.Persons {
		p := &a.r.Persons[i]
		if s.Team != "" && !matchFold(p.Team, s.Team) {
			continue
		}
		if len(p.Scores) != len(a.r.Columns) {
			return fmt.Errorf("%s: row %d has %d scores for %d competence columns",
				a.r.Source, p.Row, len(p.Scores), len(a.r.Columns))
		}
		if s.Person != "" && (p.ID == strings.TrimSpace(s.Person) || matchFold(p.Name, s.Person)) {
			res.Listed = append(res.Listed, int32(len(res.People)))
		}
		res.People = append(res.People, Person{Person: p})
	}
	if s.Person != "" && len(res.Listed) == 0 {
		where := a.r.Source
		if s.Team != "" {
			where = fmt.Sprintf("team %q of %s", s.Team, a.r.Source)
		}
		return fmt.Errorf("no person with id or name %q in %s", s.Person, where)
	}
	return nil
}

// teamNames returns the roster's distinct team names, sorted.
func (a *analyzer) teamNames() []string {
	seen := map[string]bool{}
	var out []string
	for i := range a.r.Persons {
		if t := a.r.Persons[i].Team; t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	slices.Sort(out)
	switch {
	case len(out) == 0:
		return []string{"none"}
	case len(out) > 10:
		return append(out[:10], "…")
	}
	return out
}

// resolveSettings fills the effective target and fit, the leaf targets
// and teaching levels, and each profile's target, need and specialists.
func (a *analyzer) resolveSettings() {
	fw, res := a.fw, a.res
	res.Settings = a.s
	if res.Settings.Target == 0 {
		res.Settings.Target = fw.Defaults.Target
	}
	if res.Settings.Fit == 0 {
		res.Settings.Fit = fw.Defaults.Fit
	}
	teach, hasTeach := teachingLevel(fw)
	res.Targets = make([]int8, a.nLeaves)
	res.Teach = make([]int8, a.nLeaves)
	a.profOf = make([]int32, a.nLeaves)
	for l, n := range fw.Leaves {
		a.profOf[l] = -1
		t := fw.TargetOf(n)
		if a.s.Target != 0 {
			t = a.s.Target
		}
		res.Targets[l] = int8(t)
		res.Teach[l] = int8(t)
		if hasTeach {
			res.Teach[l] = int8(teach)
		}
	}
	a.profStats = make([]ProfileStat, a.nProf)
	for j, p := range fw.Profiles {
		for _, l := range p.Leaves {
			a.profOf[l.Leaf] = int32(j)
		}
		t := fw.TargetOf(p)
		if a.s.Target != 0 {
			t = a.s.Target
		}
		need := profileNeed(fw, p, fw.Defaults.Fit)
		if a.s.Fit != 0 {
			need = needFor(len(p.Leaves), a.s.Fit)
		}
		spec := profileSpecialists(fw, p, DefaultSpecialists)
		if a.s.MinSpecialists >= 0 {
			spec = a.s.MinSpecialists
		}
		a.profStats[j] = ProfileStat{Target: t, Need: need, Specialists: spec}
		res.needs = append(res.needs, need)
	}
}

// needFor returns the least k in 0..n with k/n ≥ fit: the leaves at L ≥ T
// a person needs to fit a profile of n leaves.
func needFor(n int, fit float64) int {
	for k := 0; k < n; k++ {
		if float64(k)/float64(n) >= fit {
			return k
		}
	}
	return n
}

// buildChains precomputes, per leaf, the roster columns to consult: the
// leaf's own column, then the nearest ancestor's, and so on.
func (a *analyzer) buildChains() {
	col := make(map[string]int32, len(a.r.Columns))
	for i, n := range a.r.Columns {
		if n == nil {
			continue
		}
		if _, dup := col[n.ID]; !dup {
			col[n.ID] = int32(i)
		}
	}
	a.chainOff = make([]int32, 0, a.nLeaves+1)
	for _, leaf := range a.fw.Leaves {
		a.chainOff = append(a.chainOff, int32(len(a.chainCols)))
		for n := leaf; n != nil; n = n.Parent {
			if c, ok := col[n.ID]; ok {
				a.chainCols = append(a.chainCols, c)
			}
		}
	}
	a.chainOff = append(a.chainOff, int32(len(a.chainCols)))
	a.direct = make([]int32, a.nLeaves)
	for l := range a.direct {
		switch a.chainOff[l+1] - a.chainOff[l] {
		case 0:
			a.direct[l] = -1
		case 1:
			a.direct[l] = a.chainCols[a.chainOff[l]]
		default:
			a.direct = nil
			return
		}
	}
}

// role returns the index of role id in res.Roles, adding it on first sight.
func (a *analyzer) role(id string) int32 {
	if i, ok := a.roleIdx[id]; ok {
		return i
	}
	fw := a.fw
	ro := Role{ID: id, Role: fw.Role(id)}
	var own []framework.Requirement
	if ro.Role != nil {
		own = ro.Role.Requires
		for _, pid := range ro.Role.Profiles {
			if j := a.profileIndex(pid); j >= 0 {
				ro.Profiles = append(ro.Profiles, j)
			}
		}
		// framework order, each once, like a roster's profiles column
		slices.Sort(ro.Profiles)
		ro.Profiles = slices.Compact(ro.Profiles)
	}
	file, inFile := a.s.FileRequirements[id]
	sheet, inSheet := a.r.Requirements[id]
	if id != "" && ro.Role == nil && !inFile && !inSheet {
		a.warn(fmt.Sprintf("%s: role %q is defined neither by framework %s nor by the requirements: "+
			"its persons are measured against the framework's default level %d; "+
			"give the role's levels in a requirements file or sheet, or use a role of the framework",
			a.r.Source, id, fw.ID, fw.Defaults.Required))
	}
	req := fw.Required(own, file, sheet)
	// A Requirements sheet or file that repeats huller's default levels (as
	// the template's sheet does until a unit adapts it) leaves them huller's.
	ro.HullerDefaults = hullerLevels(fw, ro.Role) &&
		(!inFile && !inSheet || slices.Equal(req, fw.Required(own)))
	ro.Required = make([]int8, len(req))
	for i, v := range req {
		ro.Required[i] = int8(v)
	}
	i := int32(len(a.res.Roles))
	a.res.Roles = append(a.res.Roles, ro)
	a.roleIdx[id] = i
	return i
}

// hullerLevels reports whether a role's required levels come from huller's
// defaults (origin huller): the framework's default level, or a level of
// the role that huller set, not the source or the job centre.
func hullerLevels(fw *framework.Framework, r *framework.Role) bool {
	if fw.Defaults.RequiredOrigin == framework.OriginHuller {
		return true
	}
	if r != nil {
		for _, q := range r.Requires {
			if q.Origin == framework.OriginHuller {
				return true
			}
		}
	}
	return false
}

// profileIDs returns the ids of the framework's profiles, for messages.
func (a *analyzer) profileIDs() string {
	ids := make([]string, len(a.fw.Profiles))
	for j, p := range a.fw.Profiles {
		ids[j] = p.ID
	}
	return strings.Join(ids, ", ")
}

// profileIndex returns the index of profile id, or -1.
func (a *analyzer) profileIndex(id string) int32 {
	n := a.fw.Node(strings.TrimSpace(id))
	if n == nil || n.Area != framework.Profile || n.Parent != nil {
		return -1
	}
	for j, p := range a.fw.Profiles {
		if p == n {
			return int32(j)
		}
	}
	return -1
}

func (a *analyzer) warn(msg string) {
	if !a.warned[msg] {
		a.warned[msg] = true
		a.res.Warnings = append(a.res.Warnings, msg)
	}
}
