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
const SchemaVersion = 1

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
	MinSpecialists int     `json:"min_specialists"`
	Target         int     `json:"target"`
	Fit            float64 `json:"fit"`
	Requirements   string  `json:"requirements"`
	Team           string  `json:"team"`
	Person         string  `json:"person"`
	ByTeam         bool    `json:"by_team"`
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
}

type jCompetence struct {
	ID       string   `json:"id"`
	Area     string   `json:"area"`
	Profile  string   `json:"profile"`
	Target   int      `json:"target"`
	Required int      `json:"required"`
	Assessed int      `json:"assessed"`
	Met      int      `json:"met"`
	Coverage *float64 `json:"coverage"`
	GapSum   int      `json:"gap_sum"`
	Holders  int      `json:"holders"`
}

type jProfile struct {
	ID              string `json:"id"`
	Target          int    `json:"target"`
	Leaves          int    `json:"leaves"`
	Need            int    `json:"need"`
	Fitting         int    `json:"fitting"`
	Assigned        int    `json:"assigned"`
	AssignedFitting int    `json:"assigned_fitting"`
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
	ID          string  `json:"id"`
	Fit         float64 `json:"fit"`
	Fits        bool    `json:"fits"`
	Assigned    bool    `json:"assigned"`
	NotAssessed int     `json:"not_assessed"`
	Gaps        *[]jGap `json:"gaps,omitempty"`
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

type jHole struct {
	Kind      string   `json:"kind"`
	ID        string   `json:"id"`
	Severity  int      `json:"severity"`
	Coverage  *float64 `json:"coverage,omitempty"`
	Fit       *float64 `json:"fit,omitempty"`
	People    []string `json:"people"`
	PeopleIDs []string `json:"people_ids"`
}

type jTeam struct {
	Team    string   `json:"team"`
	Persons int      `json:"persons"`
	Summary jSummary `json:"summary"`
	Holes   []jHole  `json:"holes"`
}

// JSON writes res as the documented JSON contract (SchemaVersion): the
// top-level objects indented, the elements of each array compact, one per
// line. It writes element by element, so memory stays flat for large
// rosters. Only Options.Lang is used (for the framework title).
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
	j.field("framework", jFramework{ID: fw.ID, Title: v.text(fw.Title), File: fw.File, Extends: fw.Extends,
		BasisLeaves: len(fw.BasisLeaves), ProfileLeaves: len(fw.Leaves) - len(fw.BasisLeaves), Profiles: len(fw.Profiles)})
	listed := len(res.People)
	if res.Listed != nil {
		listed = len(res.Listed)
	}
	j.field("roster", jRoster{File: r.Source, Sheet: r.Sheet, Persons: len(r.Persons), Analysed: len(res.People), Listed: listed})
	s := res.Settings
	j.field("settings", jSettings{Coverage: s.Coverage, MinSpecialists: s.MinSpecialists, Target: s.Target, Fit: s.Fit,
		Requirements: s.RequirementsFile, Team: s.Team, Person: s.Person, ByTeam: s.ByTeam})
	j.field("summary", jsonSummary(res.Summary, res.Holes))
	j.array("competences", len(fw.Leaves), func(l int) any { return jsonCompetence(res, l) })
	j.array("profiles", len(fw.Profiles), func(k int) any {
		p, ps := fw.Profiles[k], res.Profiles[k]
		return jProfile{ID: p.ID, Target: ps.Target, Leaves: len(p.Leaves), Need: ps.Need, Fitting: int(ps.Fitting),
			Assigned: int(ps.Assigned), AssignedFitting: int(ps.AssignedFitting)}
	})
	idx := listedIndices(res)
	j.array("people", len(idx), func(k int) any { return jsonPerson(res, idx[k]) })
	j.array("holes", len(res.Holes), func(k int) any { return jsonHole(res, res.Holes[k]) })
	j.array("teams", len(res.Teams), func(k int) any {
		t := res.Teams[k]
		holes := make([]jHole, len(t.Holes))
		for i, h := range t.Holes {
			holes[i] = jsonHole(res, h)
		}
		return jTeam{Team: t.Name, Persons: len(t.Members), Summary: jsonSummary(t.Summary, t.Holes), Holes: holes}
	})
	warnings := append([]string{}, res.AllWarnings()...)
	j.last("warnings", warnings)
	j.raw("}\n")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
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

func jsonSummary(s analysis.Summary, holes []analysis.Hole) jSummary {
	counts := map[string]int{}
	for _, k := range analysis.Kinds {
		counts[k.String()] = 0
	}
	for _, h := range holes {
		counts[h.Kind.String()]++
	}
	return jSummary{Persons: s.Persons, Required: int(s.Basis.Required), Met: int(s.Basis.Met),
		NotAssessed: int(s.Basis.NotAssessed), GapSum: int(s.Basis.GapSum),
		Coverage: optional(s.Basis.Coverage()), PeopleWithGaps: s.PeopleWithGaps, Holes: counts}
}

func jsonCompetence(res *analysis.Result, l int) jCompetence {
	n, st := res.Framework.Leaves[l], res.Leaves[l]
	c := jCompetence{ID: n.ID, Area: n.Area.String(), Target: int(res.Targets[l]), Required: int(st.Required),
		Assessed: int(st.Assessed), Met: int(st.Met), Coverage: optional(st.Coverage()), GapSum: int(st.GapSum),
		Holders: int(st.Holders)}
	if n.Area == framework.Profile {
		c.Profile = n.Profile.ID
	}
	return c
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
		e := jPersonProfile{ID: pr.ID, Fit: res.Fit(i, j), Fits: res.Fits(i, j), Assigned: res.IsAssigned(i, j),
			NotAssessed: res.ProfileNotAssessed(i, j)}
		if e.Assigned {
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

func jsonHole(res *analysis.Result, h analysis.Hole) jHole {
	jh := jHole{Kind: h.Kind.String(), ID: h.Node.ID, Severity: h.Severity,
		People: make([]string, len(h.People)), PeopleIDs: make([]string, len(h.People))}
	if h.HasCoverage {
		jh.Coverage = optional(h.Coverage, true)
	}
	if h.Kind == analysis.KindAssignment {
		jh.Fit = optional(h.Fit, true)
	}
	for i, p := range h.People {
		jh.People[i] = res.People[p].Name
		jh.PeopleIDs[i] = res.People[p].ID
	}
	return jh
}

// jsonWriter writes an indented top-level object piece by piece.
type jsonWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
	buf bytes.Buffer
	err error
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
	j.raw("  " + strconv.Quote(name) + ": [")
	if n == 0 {
		j.raw("],\n")
		return
	}
	j.enc.SetIndent("", "") // one compact element per line
	for i := range n {
		if i > 0 {
			j.raw(",")
		}
		j.raw("\n    ")
		j.value(elem(i))
	}
	j.enc.SetIndent("  ", "  ")
	j.raw("\n  ],\n")
}
