// Package narrate says the findings of an analysis in words a leader
// reads: what each hole is, where it stands, what drives it and who could
// help, the notes about the defaults in use, the labels of levels and
// profiles, what absences do to a competence (huller risk) and which needs
// of a plan followed up cannot be judged (huller diff --plan). The terminal, Markdown and the workbooks say a hole the same
// way because they all ask this package.
//
// A Narrator made without names never writes a person's name: for the
// pages that are shown in meetings (the report's Overview).
package narrate

import (
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
)

// Narrator writes the sentences of one result in one language.
type Narrator struct {
	res   *analysis.Result
	fw    *framework.Framework
	L     lang.Lang
	names bool
}

// New returns a Narrator of res in l; names says whether person names may
// appear (a single point's holder, a profile's nearest candidates).
func New(res *analysis.Result, l lang.Lang, names bool) *Narrator {
	return &Narrator{res: res, fw: res.Framework, L: l, names: names}
}

// Text returns a framework text in the narrator's language.
func (n *Narrator) Text(t framework.Text) string { return n.fw.Text(t, n.L.Code()) }

// Node returns "id name" of a node (the id alone when it has no name).
func (n *Narrator) Node(node *framework.Node) string {
	if name := n.Text(node.Name); name != "" && name != node.ID {
		return node.ID + " " + name
	}
	return node.ID
}

// Name returns a node's name, else its id.
func (n *Narrator) Name(node *framework.Node) string {
	if name := n.Text(node.Name); name != "" {
		return name
	}
	return node.ID
}

// Level returns a level with its label: "Specialiseret (3)", or the number
// alone when the scale does not name it.
func (n *Narrator) Level(level int) string {
	for _, s := range n.fw.Scale {
		if s.Level == level {
			if label := n.Text(s.Label); label != "" {
				return label + " (" + strconv.Itoa(level) + ")"
			}
		}
	}
	return strconv.Itoa(level)
}

// Person returns a person's name, with the id when there is one.
func (n *Narrator) Person(p int32) string {
	per := n.res.People[p]
	if per.ID != "" && per.ID != per.Name {
		return per.Name + " (" + per.ID + ")"
	}
	return per.Name
}

// Role returns a role's name in the narrator's language, else its id,
// else "(no role)".
func (n *Narrator) Role(r int32) string {
	ro := n.res.Roles[r]
	if ro.Role != nil {
		if s := n.Text(ro.Role.Name); s != "" {
			return s
		}
	}
	if ro.ID == "" {
		return n.L.T(lang.NoRoleName)
	}
	return ro.ID
}

// Team returns a team's name, "(no team)" for "".
func (n *Narrator) Team(name string) string {
	if name == "" {
		return n.L.T(lang.NoTeamName)
	}
	return name
}

// Tier returns the name of a tier.
func (n *Narrator) Tier(t analysis.Tier) string {
	switch t {
	case analysis.TierCannotDeliver:
		return n.L.T(lang.TierCannotDeliver)
	case analysis.TierFragile:
		return n.L.T(lang.TierFragile)
	case analysis.TierUnknown:
		return n.L.T(lang.TierUnknown)
	}
	return n.L.T(lang.TierDeveloping)
}

// Label returns what kind of hole h is; a profile hole says which of its
// tiers.
func (n *Narrator) Label(h analysis.Hole) string {
	if h.Kind != analysis.KindProfile {
		tm, _ := lang.Kind(h.Kind.String())
		return n.L.T(tm)
	}
	switch h.Tier {
	case analysis.TierCannotDeliver:
		return n.L.T(lang.ProfileNoneFits)
	case analysis.TierFragile:
		return n.L.T(lang.ProfileTooFew)
	case analysis.TierUnknown:
		return n.L.T(lang.ProfileNotAssessed)
	}
	return n.L.T(lang.ProfileNotYet)
}

// Status says where a hole stands: the coverage, how many fit, who alone
// holds it, who was not assessed.
func (n *Narrator) Status(h analysis.Hole) string {
	l := n.L
	switch h.Kind {
	case analysis.KindBasis:
		return l.F(lang.StatusCoverage, l.Percent(h.Coverage, 1), l.Int(int(h.Met)), l.Int(int(h.Assessed)))
	case analysis.KindUnassessed:
		return l.F(lang.StatusNoneAssessed, l.Int(len(h.People)))
	case analysis.KindSinglePoint:
		if n.names {
			return l.F(lang.StatusOnlyHolder, n.Person(h.People[0]))
		}
		return l.T(lang.KindSinglePoint)
	}
	ph := h.Profile
	switch h.Tier {
	case analysis.TierFragile:
		return l.F(lang.StatusSpecialists, l.Int(int(ph.FittingAll)), l.Int(int(ph.Specialists)))
	case analysis.TierUnknown:
		return l.F(lang.StatusNoneExpected, l.Int(int(ph.Expected)))
	}
	return l.F(lang.StatusExpectedFit, l.Int(int(ph.Fitting)), l.Int(int(ph.Assessed)))
}

// Details says what drives a hole and who could help: the roles whose
// requirement it misses and who can teach it (basis); the next best level
// (single point); the bottleneck, the expected through their role alone,
// those not assessed and the nearest candidates (profile).
func (n *Narrator) Details(h analysis.Hole) string {
	l := n.L
	var parts []string
	switch h.Kind {
	case analysis.KindBasis:
		for _, r := range h.Roles {
			parts = append(parts, l.F(lang.RoleNeedText, n.Role(r.Role), n.Level(int(r.Level)), l.Int(int(r.Gaps))))
		}
		parts = append(parts, n.teachers(h.Teachers))
	case analysis.KindSinglePoint:
		parts = append(parts, n.teachers(h.Teachers))
	case analysis.KindProfile:
		parts = n.profileDetails(h)
	}
	return strings.Join(parts, "; ")
}

func (n *Narrator) teachers(k int32) string {
	if k == 0 {
		return n.L.T(lang.NobodyTeaches)
	}
	return n.L.F(lang.TeachersText, n.L.Int(int(k)))
}

func (n *Narrator) profileDetails(h analysis.Hole) []string {
	l, ph := n.L, h.Profile
	var parts []string
	if len(ph.Bottlenecks) > 0 {
		b := ph.Bottlenecks[0]
		parts = append(parts, l.F(lang.BottleneckText, n.Node(n.fw.Leaves[b.Leaf]), l.Int(int(b.Below)), l.Int(int(b.Holders))))
	}
	if ph.ExpectedByRole > 0 {
		parts = append(parts, l.F(lang.ByRoleText, l.Int(int(ph.ExpectedByRole))))
	}
	if len(ph.NotAssessed) > 0 && h.Tier != analysis.TierUnknown {
		parts = append(parts, l.F(lang.NotAssessedText, l.Int(len(ph.NotAssessed))))
	}
	if n.names && len(ph.Candidates) > 0 {
		var names []string
		for _, c := range ph.Candidates {
			names = append(names, n.Person(c.Person))
		}
		parts = append(parts, l.F(lang.NearestText, strings.Join(names, ", ")))
	}
	return parts
}

// maxBriefRoles is how many roles Brief names.
const maxBriefRoles = 2

// Brief says what drives a hole and who could help in a few words, for a
// table on a terminal: the roles with most persons below the requirement,
// the bottleneck by id, the nearest candidate.
func (n *Narrator) Brief(h analysis.Hole) string {
	l := n.L
	var parts []string
	switch h.Kind {
	case analysis.KindBasis:
		for i, r := range h.Roles {
			if i == maxBriefRoles {
				parts = append(parts, l.F(lang.MoreRoles, l.Count(lang.RoleNoun, len(h.Roles)-i)))
				break
			}
			parts = append(parts, l.F(lang.RoleBrief, n.Role(r.Role), l.Int(int(r.Level)), l.Int(int(r.Gaps))))
		}
		parts = append(parts, n.teachers(h.Teachers))
	case analysis.KindSinglePoint:
		parts = append(parts, n.teachers(h.Teachers))
	case analysis.KindProfile:
		ph := h.Profile
		if len(ph.Bottlenecks) > 0 {
			b := ph.Bottlenecks[0]
			parts = append(parts, l.F(lang.BottleneckBrief, n.fw.Leaves[b.Leaf].ID, l.Int(int(b.Below)), l.Int(int(b.Holders))))
		}
		if n.names && len(ph.Candidates) > 0 {
			parts = append(parts, l.F(lang.NearestText, n.Person(ph.Candidates[0].Person)))
		}
	}
	return strings.Join(parts, "; ")
}

// Sentence says a hole in one line: "subject: status; details".
func (n *Narrator) Sentence(h analysis.Hole) string {
	s := n.Node(h.Node) + ": " + n.Status(h)
	if d := n.Details(h); d != "" {
		s += "; " + d
	}
	return s
}

// Tiers says how many holes of each tier there are.
func (n *Narrator) Tiers(holes []analysis.Hole) string {
	return tiers(n.L, holes, func(h analysis.Hole) analysis.Tier { return h.Tier })
}

// tiers says how many of holes are of each tier.
func tiers[H any](l lang.Lang, holes []H, tier func(H) analysis.Tier) string {
	var c [analysis.TierDeveloping + 1]int
	for _, h := range holes {
		c[tier(h)]++
	}
	return l.F(lang.TiersLine, l.Int(c[analysis.TierCannotDeliver]), l.Int(c[analysis.TierFragile]),
		l.Int(c[analysis.TierUnknown]), l.Int(c[analysis.TierDeveloping]))
}

// DefaultsNotes says which of the framework's defaults the analysis used:
// the roles measured against the framework's levels alone, and the persons
// expected to hold a profile through their role alone. None when the unit
// gave its own.
func (n *Narrator) DefaultsNotes() []string {
	d, l := n.res.Defaults, n.L
	var out []string
	if len(d.Roles) > 0 {
		var names []string
		for _, r := range d.Roles {
			names = append(names, n.Role(r))
		}
		out = append(out, l.F(lang.DefaultsNote, strings.Join(names, ", ")))
	}
	if d.Expectations > 0 {
		out = append(out, l.F(lang.ExpectedNote, l.Count(lang.PersonNoun, d.Expectations)))
	}
	return out
}

// Specialists says how many specialists per profile settings s ask for:
// a number, or each profile's own (else the default).
func Specialists(l lang.Lang, s analysis.Settings) string {
	if s.MinSpecialists < 0 {
		return l.F(lang.EachProfileOwn, l.Int(analysis.DefaultSpecialists))
	}
	return l.Int(s.MinSpecialists)
}

// Settings says the thresholds of an analysis in one line: coverage,
// target, fit, specialists per profile and the teaching level ("the
// target" when it is the target); targets and teach are the levels of
// each leaf.
func Settings(l lang.Lang, s analysis.Settings, targets, teach []int8) string {
	t := l.T(lang.TargetWord)
	if len(teach) > 0 && len(targets) > 0 && teach[0] != targets[0] {
		t = l.Int(int(teach[0]))
	}
	return l.F(lang.SettingsLine2, l.Share(s.Coverage), l.Int(s.Target), l.Share(s.Fit), Specialists(l, s), t)
}
