// Package analysis scores every person of a roster against a competence
// framework and finds the unit's holes ("huller"), ranked by what matters to
// the unit: what it cannot deliver (a profile none of those expected to hold
// it fits, a basis competence the unit covers below the threshold), what it
// depends on too few people for (a profile with too few specialists, a
// competence only one person holds), what nobody knows (competences no one
// was assessed on), and where those expected to hold a profile are still
// developing. A person's own gaps are not holes: they belong to the person's
// view, for a development talk.
//
// The package is pure: it reads nothing and writes nothing. Analyze takes a
// parsed framework and roster and returns a Result that renderers and report
// writers turn into tables, JSON, CSV, Markdown or a workbook.
package analysis

import (
	"fmt"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// DefaultSpecialists is how many persons should fit a profile when neither
// the settings nor the profile say: one would itself be a single point.
const DefaultSpecialists = 2

// Settings are the thresholds and filters of an analysis. Start from
// DefaultSettings and change what the user asked for.
type Settings struct {
	// Coverage is the team-coverage threshold in [0, 1]: a basis leaf whose
	// coverage is below it is a hole. Default 0.8.
	Coverage float64
	// MinSpecialists is the number of persons who should fit each profile:
	// a profile with fewer fitting persons is a hole (0: never). Negative
	// (the default): each profile's own `specialists`, else
	// DefaultSpecialists.
	MinSpecialists int
	// Target overrides the target level T of every leaf (basis and
	// profile); 0 keeps the framework's (per-profile target, else default).
	Target int
	// Fit overrides the fit threshold of every profile, in (0, 1]; 0 keeps
	// the framework's (the profile's own fit or need, else the default).
	Fit float64
	// FileRequirements are required levels per role id from a
	// --requirements file. They take precedence over the framework's roles
	// and give way to the roster's Requirements sheet.
	FileRequirements map[string][]framework.Requirement
	// RequirementsFile names the file FileRequirements came from (echoed in
	// the result, not read).
	RequirementsFile string
	// Team, when not empty, restricts the analysis to the persons of that
	// team (compared case-insensitively, surrounding spaces ignored).
	Team string
	// Person, when not empty, restricts the persons listed to those whose
	// id equals it or whose name equals it case-insensitively. Holes are
	// still the unit's (the whole roster, or Team).
	Person string
	// ByTeam and ByRole ask to show the figures and holes of each team and
	// of each role (Result.Teams and Result.RoleGroups, which are always
	// computed); HasHoles counts the holes of the groups shown.
	ByTeam, ByRole bool
}

// DefaultSettings returns the defaults: coverage 0.8, each profile's own
// number of specialists (else 2), the framework's target and fit.
func DefaultSettings() Settings {
	return Settings{Coverage: 0.8, MinSpecialists: -1}
}

// Result is the outcome of Analyze. Indices of persons (Hole.People,
// Group.Members, Listed) index People; indices of leaves index
// Framework.Leaves; indices of profiles index Framework.Profiles.
type Result struct {
	Framework *framework.Framework
	Roster    *roster.Roster
	// Settings as used: Target holds the target level of basis leaves and
	// Fit the default fit threshold.
	Settings Settings

	// People are the persons analysed (the whole roster, or Settings.Team),
	// in roster order.
	People []Person
	// Listed are the indices of the persons matching Settings.Person; nil
	// when no person filter was given (then every person is listed).
	Listed []int32
	// Roles are the distinct roles of People with their required levels.
	Roles []Role

	// Targets holds the target level T of each leaf (indexed like
	// Framework.Leaves).
	Targets []int8
	// Teach holds, per leaf, the level at which a person can teach the
	// competence to colleagues: the scale's teaching level ("can teach
	// others") where it has one, else the target level.
	Teach []int8
	// Levels holds the resolved level of every person on every leaf, row by
	// row: Levels[p*len(Framework.Leaves)+leaf]; roster.Unassessed when not
	// assessed. See Level.
	Levels []int8
	// Reach holds, per person and profile, the number of the profile's
	// leaves at or above T: Reach[p*len(Framework.Profiles)+j]. See Fit.
	Reach []uint16
	// Assessed holds, per person and profile, the number of the profile's
	// leaves the person was assessed on. See ProfileAssessed.
	Assessed []uint16

	// Figures are the figures of all People.
	Figures
	// Holes are the holes of all People, ranked (see Rank).
	Holes []Hole
	// Teams are the teams of People in name order (persons without a team
	// last), with their own figures and holes.
	Teams []Group
	// RoleGroups are the roles of People in the order of Roles, with their
	// own figures and holes.
	RoleGroups []Group

	// Defaults says which of the framework's defaults are in use.
	Defaults DefaultsUsed

	needs []int     // per profile: leaves at T a person needs to fit it
	an    *analyzer // the analysis's rules, for FiguresOf and Findings

	// Warnings are problems that did not stop the analysis (an unknown
	// role), each once.
	Warnings []string
}

// Figures are the figures of a group of persons.
type Figures struct {
	Summary  Summary
	Leaves   []LeafStat    // indexed like Framework.Leaves
	Profiles []ProfileStat // indexed like Framework.Profiles
}

// DefaultsUsed says which levels and expectations are huller's defaults
// (marked origin huller in the framework, as in every built-in one), not the
// unit's: a leader should confirm or replace them.
type DefaultsUsed struct {
	// Roles are the roles (indices of Result.Roles) whose required levels
	// are huller's defaults, because neither the roster's Requirements
	// sheet nor a requirements file gives them.
	Roles []int32
	// Expectations counts the persons whose expected profiles are huller's
	// defaults for their role (the roster's profiles column is blank).
	Expectations int
}

// Person is the analysis of one roster person.
type Person struct {
	*roster.Person // name, id, role, team, profiles and scores as read

	// Role indexes Result.Roles.
	Role int32
	// Team indexes Result.Teams.
	Team int32
	// Basis are the person's basis figures.
	Basis Basis
	// Gaps are the person's basis gaps in framework order; their sizes add
	// up to Basis.GapSum.
	Gaps []Gap
	// Expected are the profiles expected of the person (indices of
	// Framework.Profiles, framework order): those of the roster's profiles
	// column, else (when the column is blank) those of the person's role.
	// A column saying "no profile" gives none.
	Expected []int32
	// ExpectedByRole reports that Expected came from the role.
	ExpectedByRole bool
	// ProfileGaps are the assessed leaves of the expected profiles below T,
	// in framework order; Gap.Required is T.
	ProfileGaps []Gap
}

// Basis are one person's (or a group's) basis figures: Required leaves with
// R > 0, of which Met (L ≥ R), NotAssessed (no level) and gaps (L < R, the
// rest) with GapSum, the sum of R − L.
type Basis struct {
	Required    int32
	Met         int32
	NotAssessed int32
	GapSum      int32
}

// Gaps returns the number of required leaves with L < R.
func (b Basis) Gaps() int32 { return b.Required - b.Met - b.NotAssessed }

// Coverage returns Met / (Required − NotAssessed); ok is false when the
// divisor is 0 (nothing required was assessed).
func (b Basis) Coverage() (c float64, ok bool) {
	return ratio(b.Met, b.Required-b.NotAssessed)
}

// Gap is a leaf below its required (basis) or target (profile) level.
type Gap struct {
	Leaf     int32 // index in Framework.Leaves
	Required int8  // R for a basis leaf, T for a profile leaf
	Level    int8
}

// Size returns Required − Level.
func (g Gap) Size() int { return int(g.Required) - int(g.Level) }

// Role is a role id with the required level of each basis leaf.
type Role struct {
	ID   string
	Role *framework.Role // nil when the framework does not define the id
	// Required holds R per basis leaf (indexed like Framework.BasisLeaves),
	// after the precedence roster sheet → requirements file → framework
	// role → framework default.
	Required []int8
	// HullerDefaults reports that Required comes from huller's default
	// levels in the framework (origin huller): neither the roster's
	// Requirements sheet nor a requirements file gives the role's levels,
	// or they give the same levels (a template's sheet left as it came).
	HullerDefaults bool
	// Profiles are the profiles the framework expects of the role (indices
	// of Framework.Profiles, in framework order, each once).
	Profiles []int32
	Persons  int
}

// Summary are the figures of a group of persons.
type Summary struct {
	Persons        int
	Basis          Basis // totals over the persons
	PeopleWithGaps int   // persons with at least one basis gap
}

// LeafStat are a group's figures on one leaf. Required, Assessed, Met,
// GapSum and ReqSum are zero for profile leaves.
type LeafStat struct {
	Required int32 // persons with R > 0 on the leaf
	Assessed int32 // of those, the persons assessed on it
	Met      int32 // of those, the persons with L ≥ R
	GapSum   int32 // sum of R − L over the persons with L < R
	ReqSum   int32 // sum of R over the persons with R > 0
	Holders  int32 // persons with L ≥ T
	Teachers int32 // persons at the teaching level or above
	holder   int32 // the first holder
	below    int8  // the highest assessed level below T, -1 when none
}

// Coverage returns the team coverage Met / Assessed; ok is false when no
// one it is required of was assessed.
func (s LeafStat) Coverage() (c float64, ok bool) { return ratio(s.Met, s.Assessed) }

// ProfileStat are a group's figures on one profile.
type ProfileStat struct {
	Target      int // T of the profile
	Need        int // leaves at L ≥ T a person needs to fit
	Specialists int // persons who should fit (0: no such requirement)
	Fitting     int32
	// Expected counts the persons expected to hold the profile, of whom
	// ExpectedByRole through their role, ExpectedAssessed assessed on at
	// least one of its leaves and ExpectedFitting fitting it.
	Expected, ExpectedByRole, ExpectedAssessed, ExpectedFitting int32
}

// Group is a team's or a role's part of the analysis (Settings.ByTeam,
// Settings.ByRole).
type Group struct {
	Name    string  // the team's name ("" for persons without a team) or the role's id
	Role    int32   // the role (index of Result.Roles) of a role group; -1 for a team
	Members []int32 // indices of People, in roster order
	Figures
	Holes []Hole
}

// ratio returns a/b, false when b is 0.
func ratio(a, b int32) (float64, bool) {
	if b <= 0 {
		return 0, false
	}
	return float64(a) / float64(b), true
}

// Validate checks the settings against the framework.
func (s Settings) Validate(fw *framework.Framework) error {
	if !(s.Coverage >= 0 && s.Coverage <= 1) {
		return fmt.Errorf("coverage threshold %g is not between 0 and 1", s.Coverage)
	}
	if s.Target != 0 && (s.Target < fw.MinLevel() || s.Target > fw.MaxLevel()) {
		return fmt.Errorf("target level %d is not on the scale of %s (%d–%d)",
			s.Target, fw.ID, fw.MinLevel(), fw.MaxLevel())
	}
	if !(s.Fit >= 0 && s.Fit <= 1) {
		return fmt.Errorf("fit threshold %g is not between 0 and 1", s.Fit)
	}
	return nil
}

// matchFold reports whether a equals b ignoring case and surrounding spaces.
func matchFold(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}
