package privacy

import (
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// DefaultMinCell is the smallest number of persons a figure of an
// aggregate report may be about unless the user says otherwise.
const DefaultMinCell = 5

// Breakdown is how an aggregate report divides the unit into groups.
type Breakdown uint8

// The breakdowns. An aggregate report shows one: with teams and roles
// side by side, a team minus a role would single out the few persons they
// do not share (two caseworkers in a team of administrative officers).
const (
	ByTeam Breakdown = iota
	ByRole
)

// Report is what an aggregate report may show of an analysis: figures of
// the whole unit and of its teams (or roles), each with whether it may be
// shown, and the unit's holes without persons. It holds no person: not a
// name, an id, a level or a row.
type Report struct {
	// Min is the least number of persons a shown figure is about.
	Min       int
	Framework *framework.Framework
	// Source and Sheet name the roster file.
	Source, Sheet string
	// Settings are the analysis settings; Person is always "".
	Settings analysis.Settings
	// Targets and Teach are the target and teaching level of each leaf.
	Targets, Teach []int8
	// Roles are the roles of the unit (the index of a role group's Role).
	Roles []RoleRef
	// DefaultRoles are the roles (indices of Roles) measured against the
	// framework's levels alone.
	DefaultRoles []int32
	// ExpectedByRole counts the persons expected to hold a profile through
	// their role alone.
	ExpectedByRole Figure
	// Unit is the whole unit (the roster, or Settings.Team).
	Unit Group
	// Breakdown says whether Groups are teams or roles.
	Breakdown Breakdown
	// Groups are the teams (name order, no team last) or roles (roster
	// order) of the unit.
	Groups []Group
	// Warnings counts the warnings of the roster and the analysis, which
	// are not shown: they may name persons.
	Warnings int

	setup *analysis.Result
}

// RoleRef is a role of the unit: its id and, when the framework defines
// it, the framework's role (for its name).
type RoleRef struct {
	ID   string
	Role *framework.Role
}

// Group is the unit, a team or a role, with its figures.
type Group struct {
	// Name is the team's name or the role's id ("" for no team or role,
	// and for the unit).
	Name string
	// Role is the role (index of Report.Roles) of a role group; -1 for a
	// team and for the unit.
	Role int32
	// Persons is the number of persons.
	Persons Figure
	// Small reports that the group has fewer than Report.Min persons:
	// none of its figures and none of its holes is shown.
	Small bool
	// Basis is the share of the required levels met among those assessed,
	// over every person and basis competence.
	Basis Figure
	// PeopleWithGaps counts the persons with at least one basis gap.
	PeopleWithGaps Figure
	// Leaves are the figures of each leaf (indexed like
	// Framework.Leaves).
	Leaves []Leaf
	// Profiles are the figures of each profile (indexed like
	// Framework.Profiles).
	Profiles []Profile
	// Holes are the group's holes, ranked by tier, kind and framework
	// order.
	Holes []Hole

	// within says, per basis leaf, which of its counts hold only persons
	// another counts too (see nested).
	within []within
}

// within says which counts of a basis leaf are nested in which: every
// person the first counts, the second counts too.
type within struct {
	holdersInMet, metInHolders, teachersInMet, metInTeachers bool
}

// Leaf are a group's figures on one leaf.
type Leaf struct {
	// Coverage is the share of the persons it is required of and who were
	// assessed on it who meet their required level (basis leaves only).
	Coverage Figure
	// Holders count the persons at the target level or above, Teachers
	// those at the teaching level or above.
	Holders, Teachers Figure
}

// Profile are a group's figures on one profile.
type Profile struct {
	// Target, Need and Specialists are the profile's settings: its target
	// level, the leaves at the target a person needs to fit it, and how
	// many persons should fit it.
	Target, Need, Specialists int
	// Fitting counts the persons who fit it, Expected those expected to
	// hold it and ExpectedFitting those expected who fit it.
	Fitting, Expected, ExpectedFitting Figure
}

// Aggregate returns what an aggregate report of res may show, for groups
// of at least min persons, with the unit divided by b. See README.md
// ("Sharing reports safely") for the rules; suppress.go applies them.
func Aggregate(res *analysis.Result, min int, b Breakdown) *Report {
	fw := res.Framework
	rep := &Report{Min: min, Framework: fw, Settings: res.Settings, Targets: res.Targets, Teach: res.Teach,
		Breakdown: b, Warnings: len(res.AllWarnings())}
	rep.Settings.Person = ""
	rep.setup = setupOf(res)
	if res.Roster != nil {
		rep.Source, rep.Sheet = res.Roster.Source, res.Roster.Sheet
	}
	for _, r := range res.Roles {
		rep.Roles = append(rep.Roles, RoleRef{ID: r.ID, Role: r.Role})
	}
	rep.DefaultRoles = res.Defaults.Roles
	persons := len(res.People)
	rep.ExpectedByRole = Figure{k: res.Defaults.Expectations, n: persons, persons: persons, kind: count}
	rep.Unit = newGroup(res, "", -1, res.Figures, persons)
	rep.Unit.within = nestedCounts(res, nil)
	groups := res.Teams
	if b == ByRole {
		groups = res.RoleGroups
	}
	for _, g := range groups {
		rep.Groups = append(rep.Groups, newGroup(res, g.Name, g.Role, g.Figures, len(g.Members)))
		rep.Groups[len(rep.Groups)-1].within = nestedCounts(res, g.Members)
	}
	rep.suppress()
	rep.Unit.Holes = rep.holes(res, &rep.Unit, res.Holes, true)
	for i, g := range groups {
		rep.Groups[i].Holes = rep.holes(res, &rep.Groups[i], g.Holes, false)
	}
	return rep
}

// newGroup returns the figures of a group of persons with figures f, all
// suppressed until suppress decides.
func newGroup(res *analysis.Result, name string, role int32, f analysis.Figures, persons int) Group {
	fw := res.Framework
	cnt := func(k, n int) Figure { return Figure{k: k, n: n, persons: persons, kind: count} }
	b := f.Summary.Basis
	g := Group{Name: name, Role: role,
		Persons:        Figure{k: persons, n: persons, persons: persons, kind: size},
		Basis:          Figure{k: int(b.Met), n: int(b.Required - b.NotAssessed), persons: persons, kind: pairs},
		PeopleWithGaps: cnt(f.Summary.PeopleWithGaps, persons),
		Leaves:         make([]Leaf, len(fw.Leaves)),
		Profiles:       make([]Profile, len(fw.Profiles)),
	}
	for l, s := range f.Leaves {
		g.Leaves[l] = Leaf{
			Coverage: Figure{k: int(s.Met), n: int(s.Assessed), persons: persons, kind: share},
			Holders:  cnt(int(s.Holders), persons),
			Teachers: cnt(int(s.Teachers), persons),
		}
	}
	for j, s := range f.Profiles {
		g.Profiles[j] = Profile{Target: s.Target, Need: s.Need, Specialists: s.Specialists,
			Fitting:         cnt(int(s.Fitting), persons),
			Expected:        cnt(int(s.Expected), persons),
			ExpectedFitting: Figure{k: int(s.ExpectedFitting), n: int(s.Expected), persons: persons, kind: count},
		}
	}
	return g
}

// nestedCounts finds, for each basis leaf, whether among members (nil for
// everyone) the persons meeting their required level and those at the
// target (or the teaching) level are nested: when everyone at the target
// meets the requirement, the coverage's count minus the holders counts
// the persons who meet it below the target.
func nestedCounts(res *analysis.Result, members []int32) []within {
	out := make([]within, len(res.Framework.BasisLeaves))
	for l := range out {
		var heldNotMet, metNotHeld, taughtNotMet, metNotTaught bool
		each := func(p int) {
			L, R := res.Level(p, l), res.Required(p, l)
			met := R > 0 && L >= 0 && int(L) >= R
			held, teaches := L >= res.Targets[l], L >= res.Teach[l]
			heldNotMet = heldNotMet || held && !met
			metNotHeld = metNotHeld || met && !held
			taughtNotMet = taughtNotMet || teaches && !met
			metNotTaught = metNotTaught || met && !teaches
		}
		if members == nil {
			for p := range res.People {
				each(p)
			}
		} else {
			for _, p := range members {
				each(int(p))
			}
		}
		out[l] = within{holdersInMet: !heldNotMet, metInHolders: !metNotHeld, teachersInMet: !taughtNotMet, metInTeachers: !metNotTaught}
	}
	return out
}

// HasHoles reports whether the unit or any of its groups has a hole.
func (rep *Report) HasHoles() bool {
	for _, g := range rep.groups() {
		if len(g.Holes) > 0 {
			return true
		}
	}
	return false
}

// Setup returns the analysis as set up, without a person and without a
// figure: the framework, the settings, the target and teaching levels, the
// roles with their required levels (and no count of their persons), the
// profiles' targets, needs and specialists, and the roster's file name.
// Writers that show the framework as used take it from here.
func (rep *Report) Setup() *analysis.Result {
	return rep.setup
}

// setupOf returns the setup of res (see Setup).
func setupOf(res *analysis.Result) *analysis.Result {
	s := &analysis.Result{Framework: res.Framework, Settings: res.Settings, Targets: res.Targets, Teach: res.Teach,
		Defaults: analysis.DefaultsUsed{Roles: res.Defaults.Roles}}
	s.Settings.Person = ""
	if res.Roster != nil {
		s.Roster = &roster.Roster{Source: res.Roster.Source, Sheet: res.Roster.Sheet}
	}
	for _, r := range res.Roles {
		r.Persons = 0
		s.Roles = append(s.Roles, r)
	}
	for _, p := range res.Profiles {
		s.Profiles = append(s.Profiles, analysis.ProfileStat{Target: p.Target, Need: p.Need, Specialists: p.Specialists})
	}
	return s
}

// Covered reports whether at least max(1, Specialists) persons fit the
// profile. Like a hole, it says that a figure is above or below a
// threshold, not the figure.
func (p Profile) Covered() bool {
	return p.Fitting.k >= max(1, p.Specialists)
}
