package render

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/privacy"
)

// The JSON of an aggregate report ("mode": "aggregate"): the figures of
// the unit and its groups, never a person. A suppressed figure is null and
// named in the "suppressed" list of its object (a coverage that is null
// without being listed is undefined: nobody assessed).

type jAggSummary struct {
	Persons        *int           `json:"persons"`
	Small          bool           `json:"small"`
	Coverage       *float64       `json:"coverage"`
	Met            *int           `json:"met"`
	Assessed       *int           `json:"assessed"`
	PeopleWithGaps *int           `json:"people_with_gaps"`
	Holes          map[string]int `json:"holes"`
	Tiers          map[string]int `json:"tiers"`
	Suppressed     []string       `json:"suppressed"`
}

type jAggCompetence struct {
	ID         string   `json:"id"`
	Area       string   `json:"area,omitempty"`
	Profile    string   `json:"profile,omitempty"`
	Target     int      `json:"target,omitempty"`
	Assessed   *int     `json:"assessed"`
	Met        *int     `json:"met"`
	Coverage   *float64 `json:"coverage"`
	Holders    *int     `json:"holders"`
	Teachers   *int     `json:"teachers"`
	Suppressed []string `json:"suppressed"`
}

type jAggProfile struct {
	ID              string   `json:"id"`
	Target          int      `json:"target"`
	Leaves          int      `json:"leaves"`
	Need            int      `json:"need"`
	Specialists     int      `json:"specialists"`
	Fitting         *int     `json:"fitting"`
	Expected        *int     `json:"expected"`
	ExpectedFitting *int     `json:"expected_fitting"`
	Suppressed      []string `json:"suppressed"`
}

type jAggHole struct {
	Tier        string       `json:"tier"`
	Kind        string       `json:"kind"`
	ID          string       `json:"id"`
	Effort      *int         `json:"effort"`
	Persons     *int         `json:"persons"`
	Coverage    *float64     `json:"coverage,omitempty"`
	Profile     *jAggProfile `json:"profile,omitempty"`
	Bottlenecks []string     `json:"bottlenecks,omitempty"`
	Suppressed  []string     `json:"suppressed"`
}

type jAggGroup struct {
	Team        *string          `json:"team,omitempty"`
	Role        *string          `json:"role,omitempty"`
	Summary     jAggSummary      `json:"summary"`
	Competences []jAggCompetence `json:"competences"`
	Profiles    []jAggProfile    `json:"profiles"`
	Holes       []jAggHole       `json:"holes"`
}

type jAggDefaults struct {
	Roles               []string `json:"roles"`
	ExpectedThroughRole *int     `json:"expected_through_role"`
	Suppressed          []string `json:"suppressed"`
}

// sup records which fields of one JSON object are suppressed.
type sup struct{ names []string }

func (s *sup) list() []string {
	if s.names == nil {
		return []string{}
	}
	return s.names
}

// count returns a shown count, or nil after noting name as suppressed.
func (s *sup) count(name string, f privacy.Figure) *int {
	if n, ok := f.Count(); ok {
		return &n
	}
	s.names = append(s.names, name)
	return nil
}

// share returns a shown and defined share, nil when undefined, or nil
// after noting name as suppressed.
func (s *sup) share(name string, f privacy.Figure) *float64 {
	x, defined, shown := f.Share()
	if !shown {
		s.names = append(s.names, name)
		return nil
	}
	return optional(x, defined)
}

// parts returns the numerator and base of a shown share, nil when
// suppressed (noted once by share).
func parts(f privacy.Figure) (k, n *int) {
	if a, b, ok := f.Of(); ok {
		return &a, &b
	}
	return nil, nil
}

// json writes the aggregate report as JSON, in the shape of the leader's
// contract where it can be (schema_version 2, "mode": "aggregate").
func (a *aggView) json(w io.Writer) error {
	rep := a.rep
	fw := rep.Framework
	j := &jsonWriter{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.enc.SetIndent("  ", "  ")
	j.raw("{\n")
	j.field("schema_version", SchemaVersion)
	j.field("mode", "aggregate")
	j.field("audience", audience(a.o))
	j.field("min_cell", rep.Min)
	j.field("framework", jFramework{ID: fw.ID, Title: a.v.text(fw.Title), File: fw.File, Extends: fw.Extends,
		BasisLeaves: len(fw.BasisLeaves), ProfileLeaves: len(fw.Leaves) - len(fw.BasisLeaves), Profiles: len(fw.Profiles)})
	j.field("roster", struct {
		File  string `json:"file"`
		Sheet string `json:"sheet"`
	}{rep.Source, rep.Sheet})
	j.field("settings", jsonSettings(rep.Settings))
	j.field("defaults", a.jsonDefaults())
	u := &rep.Unit
	j.field("summary", a.jsonSummary(u))
	j.array("competences", len(fw.Leaves), func(l int) any { return a.jsonCompetence(u, l) })
	j.array("profiles", len(fw.Profiles), func(k int) any { return a.jsonProfile(u, k) })
	j.array("holes", len(u.Holes), func(k int) any { return a.jsonHole(u, u.Holes[k]) })
	breakdown := "team"
	if rep.Breakdown == privacy.ByRole {
		breakdown = "role"
	}
	j.field("breakdown", breakdown)
	groups := func(role bool) int {
		if (rep.Breakdown == privacy.ByRole) != role {
			return 0
		}
		return len(rep.Groups)
	}
	j.array("teams", groups(false), func(k int) any { return a.jsonGroup(&rep.Groups[k]) })
	j.array("roles", groups(true), func(k int) any { return a.jsonGroup(&rep.Groups[k]) })
	j.field("warnings", []string{})
	j.last("warnings_withheld", rep.Warnings)
	j.raw("}\n")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

func (a *aggView) jsonDefaults() jAggDefaults {
	var s sup
	d := jAggDefaults{Roles: []string{}}
	for _, r := range a.rep.DefaultRoles {
		d.Roles = append(d.Roles, a.rep.Roles[r].ID)
	}
	d.ExpectedThroughRole = s.count("expected_through_role", a.rep.ExpectedByRole)
	d.Suppressed = s.list()
	return d
}

func (a *aggView) jsonSummary(g *privacy.Group) jAggSummary {
	var s sup
	js := jAggSummary{Small: g.Small, Holes: map[string]int{}, Tiers: map[string]int{}}
	js.Persons = s.count("persons", g.Persons)
	js.Coverage = s.share("coverage", g.Basis)
	js.Met, js.Assessed = parts(g.Basis)
	if js.Met == nil {
		s.names = append(s.names, "met", "assessed")
	}
	js.PeopleWithGaps = s.count("people_with_gaps", g.PeopleWithGaps)
	for _, k := range []privacy.HoleKind{privacy.HoleProfile, privacy.HoleBasis, privacy.HoleFew, privacy.HoleUnassessed} {
		js.Holes[k.String()] = 0
	}
	for _, t := range tiersOf() {
		js.Tiers[t] = 0
	}
	for _, h := range g.Holes {
		js.Holes[h.Kind.String()]++
		js.Tiers[h.Tier.String()]++
	}
	js.Suppressed = s.list()
	return js
}

func (a *aggView) jsonCompetence(g *privacy.Group, l int) jAggCompetence {
	n, lf := a.rep.Framework.Leaves[l], g.Leaves[l]
	var s sup
	c := jAggCompetence{ID: n.ID, Area: n.Area.String(), Target: int(a.rep.Targets[l])}
	if n.Area == framework.Profile {
		c.Profile = n.Profile.ID
	} else {
		c.Coverage = s.share("coverage", lf.Coverage)
		c.Met, c.Assessed = parts(lf.Coverage)
		if c.Met == nil {
			s.names = append(s.names, "met", "assessed")
		}
	}
	c.Holders = s.count("holders", lf.Holders)
	c.Teachers = s.count("teachers", lf.Teachers)
	c.Suppressed = s.list()
	return c
}

func (a *aggView) jsonProfile(g *privacy.Group, k int) jAggProfile {
	p, ps := a.rep.Framework.Profiles[k], g.Profiles[k]
	var s sup
	jp := jAggProfile{ID: p.ID, Target: ps.Target, Leaves: len(p.Leaves), Need: ps.Need, Specialists: ps.Specialists}
	jp.Fitting = s.count("fitting", ps.Fitting)
	jp.Expected = s.count("expected", ps.Expected)
	jp.ExpectedFitting = s.count("expected_fitting", ps.ExpectedFitting)
	jp.Suppressed = s.list()
	return jp
}

func (a *aggView) jsonHole(g *privacy.Group, h privacy.Hole) jAggHole {
	var s sup
	jh := jAggHole{Tier: h.Tier.String(), Kind: h.Kind.String(), ID: h.Node.ID}
	if e, ok := h.Effort(); ok {
		jh.Effort = &e
	} else {
		s.names = append(s.names, "effort")
	}
	jh.Persons = s.count("persons", h.People)
	switch h.Kind {
	case privacy.HoleBasis:
		jh.Coverage = s.share("coverage", h.Coverage)
	case privacy.HoleProfile:
		pr := a.jsonProfile(g, profileIndex(a.rep.Framework, h.Node))
		jh.Profile = &pr
		for _, b := range h.Bottlenecks {
			jh.Bottlenecks = append(jh.Bottlenecks, b.ID)
		}
	}
	jh.Suppressed = s.list()
	return jh
}

func (a *aggView) jsonGroup(g *privacy.Group) jAggGroup {
	jg := jAggGroup{Summary: a.jsonSummary(g), Competences: []jAggCompetence{}, Profiles: []jAggProfile{}, Holes: []jAggHole{}}
	if g.Role >= 0 {
		jg.Role = ptr(g.Name)
	} else {
		jg.Team = ptr(g.Name)
	}
	for l := range a.rep.Framework.BasisLeaves {
		c := a.jsonCompetence(g, l)
		c.Area, c.Target = "", 0
		jg.Competences = append(jg.Competences, c)
	}
	for k := range a.rep.Framework.Profiles {
		jg.Profiles = append(jg.Profiles, a.jsonProfile(g, k))
	}
	for _, h := range g.Holes {
		jg.Holes = append(jg.Holes, a.jsonHole(g, h))
	}
	return jg
}

// profileIndex returns the index of profile node n.
func profileIndex(fw *framework.Framework, n *framework.Node) int {
	for j, p := range fw.Profiles {
		if p == n {
			return j
		}
	}
	return -1
}
