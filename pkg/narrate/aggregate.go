package narrate

import (
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/privacy"
)

// Aggregate says the findings of an aggregate report in words: the same
// words as a Narrator where they apply, without a person and without a
// figure that was suppressed (that place says only what the hole itself
// says: that a figure is below a threshold).
type Aggregate struct {
	rep  *privacy.Report
	base *Narrator // the framework's words: names, levels, tiers
	L    lang.Lang
}

// NewAggregate returns the narrator of an aggregate report in l.
func NewAggregate(rep *privacy.Report, l lang.Lang) *Aggregate {
	return &Aggregate{rep: rep, base: &Narrator{fw: rep.Framework, L: l}, L: l}
}

// Node returns "id name" of a node.
func (a *Aggregate) Node(n *framework.Node) string { return a.base.Node(n) }

// Name returns a node's name, else its id.
func (a *Aggregate) Name(n *framework.Node) string { return a.base.Name(n) }

// Text returns a framework text in the narrator's language.
func (a *Aggregate) Text(t framework.Text) string { return a.base.Text(t) }

// Tier returns the name of a tier.
func (a *Aggregate) Tier(t analysis.Tier) string { return a.base.Tier(t) }

// Role returns a role's name, else its id, else "(no role)".
func (a *Aggregate) Role(r int32) string {
	ro := a.rep.Roles[r]
	if ro.Role != nil {
		if s := a.Text(ro.Role.Name); s != "" {
			return s
		}
	}
	if ro.ID == "" {
		return a.L.T(lang.NoRoleName)
	}
	return ro.ID
}

// Group returns the name of a team or role.
func (a *Aggregate) Group(g *privacy.Group) string {
	if g.Role >= 0 {
		return a.Role(g.Role)
	}
	return a.base.Team(g.Name)
}

// Persons says how many persons a group has: "9 persons", "fewer than 5
// persons", or the suppressed mark.
func (a *Aggregate) Persons(g *privacy.Group) string {
	l := a.L
	if g.Small {
		return l.F(lang.FewerThan, l.Count(lang.PersonNoun, a.rep.Min))
	}
	if n, ok := g.Persons.Count(); ok {
		return l.Count(lang.PersonNoun, n)
	}
	return l.T(lang.SuppressedMark)
}

// Count writes a count, or the suppressed mark.
func (a *Aggregate) Count(f privacy.Figure) string {
	if n, ok := f.Count(); ok {
		return a.L.Int(n)
	}
	return a.L.T(lang.SuppressedMark)
}

// Of writes "k of n", or the suppressed mark.
func (a *Aggregate) Of(f privacy.Figure) string {
	if k, n, ok := f.Of(); ok {
		return a.L.Of(k, n)
	}
	return a.L.T(lang.SuppressedMark)
}

// Percent writes a share with digits decimals, "–" when undefined, or the
// suppressed mark.
func (a *Aggregate) Percent(f privacy.Figure, digits int) string {
	x, defined, shown := f.Share()
	switch {
	case !shown:
		return a.L.T(lang.SuppressedMark)
	case !defined:
		return "–"
	}
	return a.L.Percent(x, digits)
}

// Label returns what kind of hole h is.
func (a *Aggregate) Label(h privacy.Hole) string {
	switch h.Kind {
	case privacy.HoleBasis:
		return a.L.T(lang.KindBasis)
	case privacy.HoleUnassessed:
		return a.L.T(lang.KindUnassessed)
	case privacy.HoleFew:
		return a.L.T(lang.KindFew)
	}
	return a.base.Label(analysis.Hole{Kind: analysis.KindProfile, Tier: h.Tier})
}

// Status says where a hole stands, with the figures that may be shown.
func (a *Aggregate) Status(h privacy.Hole) string {
	l, rep := a.L, a.rep
	switch h.Kind {
	case privacy.HoleBasis:
		if x, defined, shown := h.Coverage.Share(); shown && defined {
			k, n, _ := h.Coverage.Of()
			return l.F(lang.StatusCoverage, l.Percent(x, 1), l.Int(k), l.Int(n))
		}
		return l.F(lang.StatusBelow, l.Share(rep.Settings.Coverage))
	case privacy.HoleUnassessed:
		if n, ok := h.People.Count(); ok {
			return l.F(lang.StatusNoneAssessed, l.Int(n))
		}
		return l.T(lang.StatusNobody)
	case privacy.HoleFew:
		return l.F(lang.StatusFew, l.Int(rep.Min))
	}
	p := h.Profile
	switch h.Tier {
	case analysis.TierFragile:
		if k, ok := p.Fitting.Count(); ok {
			return l.F(lang.StatusSpecialists, l.Int(k), l.Int(p.Specialists))
		}
		return l.F(lang.StatusTooFew, l.Int(p.Specialists))
	case analysis.TierUnknown:
		return l.T(lang.StatusNoneSeen)
	}
	if k, n, ok := p.ExpectedFitting.Of(); ok {
		return l.F(lang.StatusExpected, l.Int(k), l.Int(n))
	}
	if h.Tier == analysis.TierCannotDeliver {
		return l.T(lang.StatusNoneFits)
	}
	return l.T(lang.StatusNotYet)
}

// Details says what more may be said of a hole: how many are below a basis
// requirement and can teach it, a profile's bottlenecks and how many fit
// it.
func (a *Aggregate) Details(h privacy.Hole, g *privacy.Group) string {
	l := a.L
	var parts []string
	switch h.Kind {
	case privacy.HoleBasis:
		if n, ok := h.People.Count(); ok {
			parts = append(parts, l.F(lang.BelowText, l.Int(n)))
		}
		if n, ok := g.Leaves[h.Node.Leaf].Teachers.Count(); ok {
			if n == 0 {
				parts = append(parts, l.T(lang.NobodyTeaches))
			} else {
				parts = append(parts, l.F(lang.TeachersText, l.Int(n)))
			}
		}
	case privacy.HoleProfile:
		if len(h.Bottlenecks) > 0 {
			var ids []string
			for _, b := range h.Bottlenecks {
				ids = append(ids, b.ID)
			}
			parts = append(parts, l.F(lang.BottlenecksText, strings.Join(ids, ", ")))
		}
		if n, ok := h.Profile.Fitting.Count(); ok && h.Tier != analysis.TierFragile {
			parts = append(parts, l.F(lang.FitsText, l.Int(n)))
		}
	}
	return strings.Join(parts, "; ")
}

// Sentence says a hole in one line: "subject: status; details".
func (a *Aggregate) Sentence(h privacy.Hole, g *privacy.Group) string {
	s := a.Node(h.Node) + ": " + a.Status(h)
	if d := a.Details(h, g); d != "" {
		s += "; " + d
	}
	return s
}

// Tiers says how many holes of each tier there are.
func (a *Aggregate) Tiers(holes []privacy.Hole) string {
	return tiers(a.L, holes, func(h privacy.Hole) analysis.Tier { return h.Tier })
}

// DefaultsNotes says which of the framework's defaults the analysis used,
// without a count of persons that may not be shown.
func (a *Aggregate) DefaultsNotes() []string {
	l, rep := a.L, a.rep
	var out []string
	if len(rep.DefaultRoles) > 0 {
		var names []string
		for _, r := range rep.DefaultRoles {
			names = append(names, a.Role(r))
		}
		out = append(out, l.F(lang.DefaultsNote, strings.Join(names, ", ")))
	}
	switch n, ok := rep.ExpectedByRole.Count(); {
	case ok && n > 0:
		out = append(out, l.F(lang.ExpectedNote, l.Count(lang.PersonNoun, n)))
	case !ok && !rep.Unit.Small: // then 1 to all but Min-1 of them
		out = append(out, l.T(lang.ExpectedNoteFew))
	}
	return out
}
