package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
)

// SchemaVersion is the version of the JSON contract. Fields may be added
// within a version; renaming or removing one needs a new version.
//
// Version 2: holes are ranked by tier ("tier") and measured by "effort"
// (was "severity"); a profile has one hole, with its expected persons,
// bottlenecks and candidates, instead of one "assignment" hole per person;
// profiles are "expected" of persons (was "assigned"), with "expected_by";
// a person's profile says "at_target" of "leaves" and "assessed"; teams and
// roles carry their coverage per competence; "defaults" and, with --person,
// "talks" are new.
const SchemaVersion = 2

type jFramework struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	File          string `json:"file"`
	Extends       string `json:"extends"`
	BasisLeaves   int    `json:"basis_leaves"`
	ProfileLeaves int    `json:"profile_leaves"`
	Profiles      int    `json:"profiles"`
}

type jRoster struct {
	File     string `json:"file"`
	Sheet    string `json:"sheet"`
	Persons  int    `json:"persons"`
	Analysed int    `json:"analysed"`
	Listed   int    `json:"listed"`
}

type jSettings struct {
	Coverage       float64 `json:"coverage"`
	MinSpecialists *int    `json:"min_specialists"` // null: each profile's own, else 2
	Target         int     `json:"target"`
	Fit            float64 `json:"fit"`
	Requirements   string  `json:"requirements"`
	Team           string  `json:"team"`
	Person         string  `json:"person"`
	ByTeam         bool    `json:"by_team"`
	ByRole         bool    `json:"by_role"`
}

type jDefaults struct {
	Roles               []string `json:"roles"`
	ExpectedThroughRole int      `json:"expected_through_role"`
}

type jSummary struct {
	Persons        int            `json:"persons"`
	Required       int            `json:"required"`
	Met            int            `json:"met"`
	NotAssessed    int            `json:"not_assessed"`
	GapSum         int            `json:"gap_sum"`
	Coverage       *float64       `json:"coverage"`
	PeopleWithGaps int            `json:"people_with_gaps"`
	Holes          map[string]int `json:"holes"`
	Tiers          map[string]int `json:"tiers"`
}

type jCompetence struct {
	ID       string   `json:"id"`
	Area     string   `json:"area,omitempty"`
	Profile  string   `json:"profile,omitempty"`
	Target   int      `json:"target,omitempty"`
	Required int      `json:"required"`
	Assessed int      `json:"assessed"`
	Met      int      `json:"met"`
	Coverage *float64 `json:"coverage"`
	GapSum   int      `json:"gap_sum"`
	Holders  int      `json:"holders"`
	Teachers int      `json:"teachers"`
}

type jProfile struct {
	ID               string `json:"id"`
	Target           int    `json:"target"`
	Leaves           int    `json:"leaves"`
	Need             int    `json:"need"`
	Specialists      int    `json:"specialists"`
	Fitting          int    `json:"fitting"`
	Expected         int    `json:"expected"`
	ExpectedByRole   int    `json:"expected_by_role"`
	ExpectedAssessed int    `json:"expected_assessed"`
	ExpectedFitting  int    `json:"expected_fitting"`
}

type jBasis struct {
	Met         int      `json:"met"`
	Required    int      `json:"required"`
	NotAssessed int      `json:"not_assessed"`
	GapSum      int      `json:"gap_sum"`
	Coverage    *float64 `json:"coverage"`
}

type jGap struct {
	Competence string `json:"competence"`
	Required   int    `json:"required"`
	Level      int    `json:"level"`
	Gap        int    `json:"gap"`
}

type jPersonProfile struct {
	ID         string  `json:"id"`
	AtTarget   int     `json:"at_target"`
	Leaves     int     `json:"leaves"`
	Assessed   int     `json:"assessed"`
	Fit        float64 `json:"fit"`
	Fits       bool    `json:"fits"`
	Expected   bool    `json:"expected"`
	ExpectedBy string  `json:"expected_by,omitempty"` // roster or role
	Gaps       *[]jGap `json:"gaps,omitempty"`
}

type jPerson struct {
	Name         string           `json:"name"`
	ID           string           `json:"id"`
	Row          int              `json:"row"`
	Role         string           `json:"role"`
	Team         string           `json:"team"`
	Basis        jBasis           `json:"basis"`
	Gaps         []jGap           `json:"gaps"`
	Profiles     []jPersonProfile `json:"profiles"`
	BestProfiles []string         `json:"best_profiles"`
}

type jName struct {
	Name string `json:"name"`
	ID   string `json:"id"`
}

// jGroupHead is a team or role before its "holes", which follow it,
// streamed (jsonholes.go).
type jGroupHead struct {
	Team        *string       `json:"team,omitempty"`
	Role        *string       `json:"role,omitempty"`
	Persons     int           `json:"persons"`
	Summary     jSummary      `json:"summary"`
	Competences []jCompetence `json:"competences"`
}

type jStrength struct {
	Competence string `json:"competence"`
	Level      int    `json:"level"`
	Teaches    bool   `json:"teaches"`
}

type jNeed struct {
	Competence string `json:"competence"`
	Profile    string `json:"profile,omitempty"`
	Level      int    `json:"level"`
	Required   int    `json:"required"`
	Gap        int    `json:"gap"`
}

type jFocus struct {
	jNeed
	UnitHole bool    `json:"unit_hole"`
	Helpers  []jName `json:"helpers"`
}

type jTalk struct {
	Name                string      `json:"name"`
	ID                  string      `json:"id"`
	Strengths           []jStrength `json:"strengths"`
	Fits                []string    `json:"fits"`
	Needs               []jNeed     `json:"needs"`
	NotAssessed         []string    `json:"not_assessed"`
	ProfilesNotAssessed []string    `json:"profiles_not_assessed"`
	Focus               []jFocus    `json:"focus"`
}

// JSON writes res as the documented JSON contract (SchemaVersion): the
// top-level objects indented, the elements of each array compact, one per
// line. It writes element by element, so memory stays flat for large
// rosters. Only Options.Lang is used (for the framework title). With a
// person filter it holds that person's talk and none of the unit's holes,
// which name other persons.
func JSON(w io.Writer, res *analysis.Result, o Options) error {
	v, err := newView(res, o)
	if err != nil {
		return err
	}
	j := &jsonWriter{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.enc.SetIndent("  ", "  ")
	fw, r := res.Framework, res.Roster

	j.raw("{\n")
	j.field("schema_version", SchemaVersion)
	j.field("mode", mode(o))
	j.field("audience", audience(o))
	j.field("framework", jFramework{ID: fw.ID, Title: v.text(fw.Title), File: fw.File, Extends: fw.Extends,
		BasisLeaves: len(fw.BasisLeaves), ProfileLeaves: len(fw.Leaves) - len(fw.BasisLeaves), Profiles: len(fw.Profiles)})
	idx := listedIndices(res)
	j.field("roster", jRoster{File: r.Source, Sheet: r.Sheet, Persons: len(r.Persons), Analysed: len(res.People), Listed: len(idx)})
	j.field("settings", jsonSettings(res.Settings))
	j.field("defaults", jsonDefaults(res))
	j.field("summary", jsonSummary(res.Summary, res.Holes))
	j.array("competences", len(fw.Leaves), func(l int) any { return jsonCompetence(res, res.Leaves, l) })
	j.array("profiles", len(fw.Profiles), func(k int) any { return jsonProfile(res, k) })
	j.array("people", len(idx), func(k int) any { p := jsonPerson(res, idx[k]); return &p })
	personal := res.Listed != nil
	holes := res.Holes
	if personal {
		holes = nil
	}
	j.arrayOf("holes", len(holes), func(k int) { j.hole(res, holes[k]) })
	j.arrayOf("teams", len(shown(res.Teams, res.Settings.ByTeam && !personal)), func(k int) { j.group(res, res.Teams[k]) })
	j.arrayOf("roles", len(shown(res.RoleGroups, res.Settings.ByRole && !personal)), func(k int) { j.group(res, res.RoleGroups[k]) })
	if personal {
		j.array("talks", len(idx), func(k int) any { return jsonTalk(res, idx[k]) })
	}
	j.last("warnings", append([]string{}, res.AllWarnings()...))
	j.raw("}\n")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

// shown returns groups when show, else none.
func shown(groups []analysis.Group, show bool) []analysis.Group {
	if !show {
		return nil
	}
	return groups
}

// listedIndices returns the indices of the listed persons.
func listedIndices(res *analysis.Result) []int32 {
	if res.Listed != nil {
		return res.Listed
	}
	idx := make([]int32, len(res.People))
	for i := range idx {
		idx[i] = int32(i)
	}
	return idx
}

func optional(x float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &x
}

func ptr[T any](x T) *T { return &x }

func jsonSettings(s analysis.Settings) jSettings {
	js := jSettings{Coverage: s.Coverage, Target: s.Target, Fit: s.Fit,
		Requirements: s.RequirementsFile, Team: s.Team, Person: s.Person, ByTeam: s.ByTeam, ByRole: s.ByRole}
	if s.MinSpecialists >= 0 {
		js.MinSpecialists = ptr(s.MinSpecialists)
	}
	return js
}

func jsonDefaults(res *analysis.Result) jDefaults {
	d := jDefaults{Roles: []string{}, ExpectedThroughRole: res.Defaults.Expectations}
	for _, r := range res.Defaults.Roles {
		d.Roles = append(d.Roles, res.Roles[r].ID)
	}
	return d
}

func jsonSummary(s analysis.Summary, holes []analysis.Hole) jSummary {
	kinds, tiers := map[string]int{}, map[string]int{}
	for _, k := range analysis.Kinds {
		kinds[k.String()] = 0
	}
	for _, t := range analysis.Tiers {
		tiers[t.String()] = 0
	}
	for _, h := range holes {
		kinds[h.Kind.String()]++
		tiers[h.Tier.String()]++
	}
	return jSummary{Persons: s.Persons, Required: int(s.Basis.Required), Met: int(s.Basis.Met),
		NotAssessed: int(s.Basis.NotAssessed), GapSum: int(s.Basis.GapSum),
		Coverage: optional(s.Basis.Coverage()), PeopleWithGaps: s.PeopleWithGaps, Holes: kinds, Tiers: tiers}
}

func jsonCompetence(res *analysis.Result, stats []analysis.LeafStat, l int) jCompetence {
	n, st := res.Framework.Leaves[l], stats[l]
	c := jCompetence{ID: n.ID, Area: n.Area.String(), Target: int(res.Targets[l]), Required: int(st.Required),
		Assessed: int(st.Assessed), Met: int(st.Met), Coverage: optional(st.Coverage()), GapSum: int(st.GapSum),
		Holders: int(st.Holders), Teachers: int(st.Teachers)}
	if n.Area == framework.Profile {
		c.Profile = n.Profile.ID
	}
	return c
}

func jsonProfile(res *analysis.Result, k int) jProfile {
	p, ps := res.Framework.Profiles[k], res.Profiles[k]
	return jProfile{ID: p.ID, Target: ps.Target, Leaves: len(p.Leaves), Need: ps.Need, Specialists: ps.Specialists,
		Fitting: int(ps.Fitting), Expected: int(ps.Expected), ExpectedByRole: int(ps.ExpectedByRole),
		ExpectedAssessed: int(ps.ExpectedAssessed), ExpectedFitting: int(ps.ExpectedFitting)}
}

func jsonGaps(res *analysis.Result, gaps []analysis.Gap) []jGap {
	out := make([]jGap, len(gaps))
	for i, g := range gaps {
		out[i] = jGap{Competence: res.Framework.Leaves[g.Leaf].ID, Required: int(g.Required), Level: int(g.Level), Gap: g.Size()}
	}
	return out
}

func jsonPerson(res *analysis.Result, pi int32) jPerson {
	p, i := &res.People[pi], int(pi)
	cov, ok := p.Basis.Coverage()
	jp := jPerson{Name: p.Name, ID: p.ID, Row: p.Row, Role: p.Person.Role, Team: p.Person.Team,
		Basis: jBasis{Met: int(p.Basis.Met), Required: int(p.Basis.Required), NotAssessed: int(p.Basis.NotAssessed),
			GapSum: int(p.Basis.GapSum), Coverage: optional(cov, ok)},
		Gaps: jsonGaps(res, p.Gaps), Profiles: make([]jPersonProfile, 0, len(res.Framework.Profiles)),
		BestProfiles: []string{}}
	for j, pr := range res.Framework.Profiles {
		e := jPersonProfile{ID: pr.ID, AtTarget: res.AtTarget(i, j), Leaves: len(pr.Leaves), Assessed: res.ProfileAssessed(i, j),
			Fit: res.Fit(i, j), Fits: res.Fits(i, j), Expected: res.IsExpected(i, j)}
		if e.Expected {
			e.ExpectedBy = "roster"
			if p.ExpectedByRole {
				e.ExpectedBy = "role"
			}
			jg := jsonGaps(res, res.ProfileGapsIn(i, j))
			e.Gaps = &jg
		}
		jp.Profiles = append(jp.Profiles, e)
	}
	best, _ := res.Best(i)
	for _, j := range best {
		jp.BestProfiles = append(jp.BestProfiles, res.Framework.Profiles[j].ID)
	}
	return jp
}

func jsonName(res *analysis.Result, p int32) jName {
	return jName{Name: res.People[p].Name, ID: res.People[p].ID}
}

func jsonNeed(res *analysis.Result, n analysis.Need) jNeed {
	jn := jNeed{Competence: res.Framework.Leaves[n.Leaf].ID, Level: int(n.Level), Required: int(n.Required), Gap: n.Size()}
	if n.Profile >= 0 {
		jn.Profile = res.Framework.Profiles[n.Profile].ID
	}
	return jn
}

func jsonTalk(res *analysis.Result, p int32) jTalk {
	tk := res.Talk(int(p))
	fw := res.Framework
	jt := jTalk{Name: res.People[p].Name, ID: res.People[p].ID, Strengths: []jStrength{}, Fits: []string{},
		Needs: []jNeed{}, NotAssessed: []string{}, ProfilesNotAssessed: []string{}, Focus: []jFocus{}}
	for _, s := range tk.Strengths {
		jt.Strengths = append(jt.Strengths, jStrength{Competence: fw.Leaves[s.Leaf].ID, Level: int(s.Level), Teaches: s.Teaches})
	}
	for _, j := range tk.Fits {
		jt.Fits = append(jt.Fits, fw.Profiles[j].ID)
	}
	for _, n := range tk.Needs {
		jt.Needs = append(jt.Needs, jsonNeed(res, n))
	}
	for _, l := range tk.NotAssessed {
		jt.NotAssessed = append(jt.NotAssessed, fw.Leaves[l].ID)
	}
	for _, j := range tk.ProfilesNotAssessed {
		jt.ProfilesNotAssessed = append(jt.ProfilesNotAssessed, fw.Profiles[j].ID)
	}
	for _, f := range tk.Focus {
		jf := jFocus{jNeed: jsonNeed(res, f.Need), UnitHole: f.UnitHole, Helpers: []jName{}}
		for _, q := range f.Helpers {
			jf.Helpers = append(jf.Helpers, jsonName(res, q))
		}
		jt.Focus = append(jt.Focus, jf)
	}
	return jt
}

// jsonWriter writes an indented top-level object piece by piece.
type jsonWriter struct {
	w       *bufio.Writer
	enc     *json.Encoder
	buf     bytes.Buffer
	err     error
	compact bool   // enc writes without indentation
	scratch []byte // for appenders
}

// jsonAppender is a value that appends itself as encoding/json writes it
// without indentation, faster; ok is false when encoding/json would fail.
type jsonAppender interface {
	appendJSON(b []byte) (_ []byte, ok bool)
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// value writes v indented for its depth (prefix already set).
func (j *jsonWriter) value(v any) {
	if j.err != nil {
		return
	}
	if a, ok := v.(jsonAppender); ok && j.compact {
		if b, ok := a.appendJSON(j.scratch[:0]); ok {
			j.scratch = b
			_, j.err = j.w.Write(b)
			return
		}
	}
	j.buf.Reset()
	if j.err = j.enc.Encode(v); j.err != nil {
		return
	}
	_, j.err = j.w.Write(bytes.TrimRight(j.buf.Bytes(), "\n"))
}

func (j *jsonWriter) field(name string, v any) {
	j.raw("  " + strconv.Quote(name) + ": ")
	j.value(v)
	j.raw(",\n")
}

func (j *jsonWriter) last(name string, v any) {
	j.raw("  " + strconv.Quote(name) + ": ")
	j.value(v)
	j.raw("\n")
}

// array writes a field holding n elements, one at a time, each compact on
// its own line (arrays can hold 100,000 persons).
func (j *jsonWriter) array(name string, n int, elem func(i int) any) {
	j.arrayOf(name, n, func(i int) { j.value(elem(i)) })
}

// arrayOf is array with elements that write themselves, compact.
func (j *jsonWriter) arrayOf(name string, n int, write func(i int)) {
	j.raw("  " + strconv.Quote(name) + ": [")
	if n == 0 {
		j.raw("],\n")
		return
	}
	j.enc.SetIndent("", "") // one compact element per line
	j.compact = true
	for i := range n {
		if i > 0 {
			j.raw(",")
		}
		j.raw("\n    ")
		write(i)
	}
	j.enc.SetIndent("  ", "  ")
	j.compact = false
	j.raw("\n  ],\n")
}
