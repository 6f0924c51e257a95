package render

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/diff"
)

// DiffSchemaVersion is the version of the JSON contract of `huller diff`.
// Fields may be added within a version; renaming or removing one needs a
// new version.
const DiffSchemaVersion = 1

type jSide struct {
	Framework       jFramework `json:"framework"`
	Roster          jRoster    `json:"roster"`
	Requirements    string     `json:"requirements"` // the requirements file; "" for none
	Summary         jSummary   `json:"summary"`
	ProfilesCovered int        `json:"profiles_covered"`
}

type jMatch struct {
	Both   int `json:"both"`
	ByID   int `json:"by_id"`
	ByName int `json:"by_name"`
	Joined int `json:"joined"`
	Left   int `json:"left"`
}

type jLevelRule struct {
	Competence string `json:"competence"`
	Before     int    `json:"before"`
	After      int    `json:"after"`
}

type jProfileRule struct {
	Profile     string `json:"profile"`
	Target      [2]int `json:"target"`
	Need        [2]int `json:"need"`
	Specialists [2]int `json:"specialists"`
}

type jRequirementRule struct {
	Role       string `json:"role"`
	Competence string `json:"competence"`
	Before     int    `json:"before"`
	After      int    `json:"after"`
}

type jRoleProfilesRule struct {
	Role   string   `json:"role"`
	Before []string `json:"before"`
	After  []string `json:"after"`
}

type jRules struct {
	Same               bool                `json:"same"`
	FrameworkEdited    bool                `json:"framework_edited"`
	RequirementsEdited bool                `json:"requirements_edited"`
	CompetencesAdded   []string            `json:"competences_added"`
	CompetencesRemoved []string            `json:"competences_removed"`
	ProfilesAdded      []string            `json:"profiles_added"`
	ProfilesRemoved    []string            `json:"profiles_removed"`
	Targets            []jLevelRule        `json:"targets"`
	Teaching           []jLevelRule        `json:"teaching"`
	Profiles           []jProfileRule      `json:"profiles"`
	Requirements       []jRequirementRule  `json:"requirements"`
	RoleProfiles       []jRoleProfilesRule `json:"role_profiles"`
}

type jStep struct {
	Step            string   `json:"step"`
	Summary         jSummary `json:"summary"`
	ProfilesCovered int      `json:"profiles_covered"`
}

type jHoleSide struct {
	Kind   string `json:"kind"`
	Tier   string `json:"tier"`
	Effort int    `json:"effort"`
}

type jHoleChange struct {
	Status string     `json:"status"`
	ID     string     `json:"id"`
	Before *jHoleSide `json:"before"`
	After  *jHoleSide `json:"after"`
	Worse  bool       `json:"worse"`
	Better bool       `json:"better"`
	Causes []string   `json:"causes"`
}

type jLeafSide struct {
	Required int      `json:"required"`
	Assessed int      `json:"assessed"`
	Met      int      `json:"met"`
	Coverage *float64 `json:"coverage"`
	GapSum   int      `json:"gap_sum"`
	Holders  int      `json:"holders"`
}

type jLeafChange struct {
	ID       string     `json:"id"`
	Before   *jLeafSide `json:"before"`
	After    *jLeafSide `json:"after"`
	OldRules *jLeafSide `json:"after_old_rules,omitempty"`
}

type jProfileSide struct {
	Fitting     int  `json:"fitting"`
	Specialists int  `json:"specialists"`
	Covered     bool `json:"covered"`
}

type jProfileChange struct {
	ID     string        `json:"id"`
	Before *jProfileSide `json:"before"`
	After  *jProfileSide `json:"after"`
}

type jLevelChange struct {
	Competence    string `json:"competence"`
	Change        string `json:"change"`
	Before        *int   `json:"before"`
	After         *int   `json:"after"`
	Assessment    string `json:"assessment"`
	OtherAssessor bool   `json:"other_assessor"`
}

type jProfileFit struct {
	Profile string `json:"profile"`
	ByRules bool   `json:"by_rules"`
}

type jPersonChange struct {
	Status         string         `json:"status"` // joined, left, both
	Name           string         `json:"name"`
	ID             string         `json:"id"`
	MatchedBy      string         `json:"matched_by,omitempty"`
	NameBefore     string         `json:"name_before,omitempty"`
	Role           [2]string      `json:"role"`
	Team           [2]string      `json:"team"`
	Levels         []jLevelChange `json:"levels"`
	Up             int            `json:"up"`
	Down           int            `json:"down"`
	Removed        int            `json:"removed"`
	Added          int            `json:"added"`
	GapSum         [2]*int        `json:"gap_sum"`
	GapSumOldRules *int           `json:"gap_sum_old_rules"`
	Gained         []jProfileFit  `json:"gained"`
	Lost           []jProfileFit  `json:"lost"`
	Assessment     string         `json:"assessment"`
	Assessed       [2]string      `json:"assessed"`
	Assessor       [2]string      `json:"assessor"`
	OtherAssessor  bool           `json:"other_assessor"`
}

// DiffJSON writes a comparison as the documented JSON contract
// (DiffSchemaVersion), element by element like JSON.
func DiffJSON(w io.Writer, d *diff.Result, o Options) error {
	dv := newDiffView(d, o)
	j := &jsonWriter{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.enc.SetIndent("  ", "  ")
	j.raw("{\n")
	j.field("schema_version", DiffSchemaVersion)
	j.field("mode", mode(o))
	j.field("audience", audience(o))
	j.field("before", dv.jsonSide(dv.b))
	j.field("after", dv.jsonSide(dv.a))
	j.field("settings", jsonSettings(d.After.Settings))
	m := d.Match
	j.field("match", jMatch{Both: len(m.Pairs), ByID: m.ByID, ByName: m.ByName, Joined: len(m.Joined), Left: len(m.Left)})
	j.field("rules", jsonRules(d.Rules))
	dv.planJSON(j)
	j.array("steps", len(d.Steps), func(i int) any {
		s := d.Steps[i]
		return jStep{Step: s.Kind.String(), Summary: jsonSummary(s.State.Summary, s.State.Holes), ProfilesCovered: diff.ProfilesCovered(s.State)}
	})
	j.array("holes", len(d.Holes), func(i int) any { return jsonHoleChange(d.Holes[i]) })
	j.array("competences", len(d.Leaves), func(i int) any { return dv.jsonLeafChange(d.Leaves[i]) })
	j.array("profiles", len(d.Profiles), func(i int) any { return dv.jsonProfileChange(d.Profiles[i]) })
	j.array("people", len(d.People), func(i int) any { return dv.jsonPersonChange(d.People[i]) })
	j.last("warnings", append(append([]string{}, d.Before.AllWarnings()...), append(d.After.AllWarnings(), d.Warnings...)...))
	j.raw("}\n")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

func (dv *diffView) jsonSide(v *view) jSide {
	res := v.res
	fw, r := res.Framework, res.Roster
	return jSide{
		Framework: jFramework{ID: fw.ID, Title: v.text(fw.Title), File: fw.File, Extends: fw.Extends,
			BasisLeaves: len(fw.BasisLeaves), ProfileLeaves: len(fw.Leaves) - len(fw.BasisLeaves), Profiles: len(fw.Profiles)},
		Roster:          jRoster{File: r.Source, Sheet: r.Sheet, Persons: len(r.Persons), Analysed: len(res.People), Listed: len(res.People)},
		Requirements:    res.Settings.RequirementsFile,
		Summary:         jsonSummary(res.Summary, res.Holes),
		ProfilesCovered: diff.ProfilesCovered(res),
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func jsonRules(r diff.Rules) jRules {
	jr := jRules{Same: r.Same, FrameworkEdited: r.FrameworkEdited, RequirementsEdited: r.RequirementsEdited,
		CompetencesAdded: nonNil(r.LeavesAdded), CompetencesRemoved: nonNil(r.LeavesRemoved),
		ProfilesAdded: nonNil(r.ProfilesAdded), ProfilesRemoved: nonNil(r.ProfilesRemoved),
		Targets: []jLevelRule{}, Teaching: []jLevelRule{}, Profiles: []jProfileRule{}, Requirements: []jRequirementRule{},
		RoleProfiles: []jRoleProfilesRule{}}
	for _, x := range r.Targets {
		jr.Targets = append(jr.Targets, jLevelRule{x.Leaf, x.Before, x.After})
	}
	for _, x := range r.Teach {
		jr.Teaching = append(jr.Teaching, jLevelRule{x.Leaf, x.Before, x.After})
	}
	for _, x := range r.Profiles {
		jr.Profiles = append(jr.Profiles, jProfileRule{Profile: x.Profile, Target: [2]int{x.TargetBefore, x.TargetAfter},
			Need: [2]int{x.NeedBefore, x.NeedAfter}, Specialists: [2]int{x.SpecialistsBefore, x.SpecialistsAfter}})
	}
	for _, x := range r.Requirements {
		jr.Requirements = append(jr.Requirements, jRequirementRule{x.Role, x.Leaf, x.Before, x.After})
	}
	for _, x := range r.RoleProfiles {
		jr.RoleProfiles = append(jr.RoleProfiles, jRoleProfilesRule{x.Role, x.Before, x.After})
	}
	return jr
}

func jsonHoleSide(h *analysis.Hole) *jHoleSide {
	if h == nil {
		return nil
	}
	return &jHoleSide{Kind: h.Kind.String(), Tier: h.Tier.String(), Effort: h.Effort}
}

func jsonHoleChange(h diff.HoleChange) jHoleChange {
	jh := jHoleChange{Status: h.Status.String(), ID: h.ID(), Before: jsonHoleSide(h.Before), After: jsonHoleSide(h.After),
		Worse: h.Worse(), Better: h.Better(), Causes: []string{}}
	for _, k := range h.Causes {
		jh.Causes = append(jh.Causes, k.String())
	}
	return jh
}

func jsonLeafSide(s analysis.LeafStat, ok bool) *jLeafSide {
	if !ok {
		return nil
	}
	return &jLeafSide{Required: int(s.Required), Assessed: int(s.Assessed), Met: int(s.Met), Coverage: optional(s.Coverage()),
		GapSum: int(s.GapSum), Holders: int(s.Holders)}
}

func (dv *diffView) jsonLeafChange(lc diff.LeafChange) jLeafChange {
	d := dv.d
	jl := jLeafChange{ID: d.LeafNode(lc).ID, Before: jsonLeafSide(d.Stat(lc, 0)), After: jsonLeafSide(d.Stat(lc, 1))}
	if lc.OldRules != nil {
		jl.OldRules = jsonLeafSide(*lc.OldRules, true)
	}
	return jl
}

func jsonProfileSide(res *analysis.Result, j int32) *jProfileSide {
	if j < 0 {
		return nil
	}
	ps := res.Profiles[j]
	return &jProfileSide{Fitting: int(ps.Fitting), Specialists: ps.Specialists, Covered: diff.Covered(res, int(j))}
}

func (dv *diffView) jsonProfileChange(pc diff.ProfileChange) jProfileChange {
	d := dv.d
	id := ""
	if pc.After >= 0 {
		id = d.After.Framework.Profiles[pc.After].ID
	} else {
		id = d.Before.Framework.Profiles[pc.Before].ID
	}
	return jProfileChange{ID: id, Before: jsonProfileSide(d.Before, pc.Before), After: jsonProfileSide(d.After, pc.After)}
}

func levelPtr(x int8) *int {
	if x < 0 {
		return nil
	}
	return ptr(int(x))
}

func (dv *diffView) jsonPersonChange(p diff.PersonChange) jPersonChange {
	d := dv.d
	jp := jPersonChange{Levels: []jLevelChange{}, Gained: []jProfileFit{}, Lost: []jProfileFit{},
		Up: p.Up, Down: p.Down, Removed: p.Removed, Added: p.Added, Assessment: p.Assessment.String(),
		Assessor: p.Assessors, OtherAssessor: p.OtherAssessor}
	var pb, pa *analysis.Person
	if p.Before >= 0 {
		pb = &d.Before.People[p.Before]
		jp.Role[0], jp.Team[0], jp.Assessed[0] = pb.Person.Role, pb.Person.Team, pb.Assessed.String()
		jp.GapSum[0] = ptr(int(p.GapSum[0]))
		jp.Name, jp.ID = pb.Name, pb.ID
	}
	if p.After >= 0 {
		pa = &d.After.People[p.After]
		jp.Role[1], jp.Team[1], jp.Assessed[1] = pa.Person.Role, pa.Person.Team, pa.Assessed.String()
		jp.GapSum[1], jp.GapSumOldRules = ptr(int(p.GapSum[1])), ptr(int(p.GapSumOldRules))
		jp.Name, jp.ID = pa.Name, pa.ID
	}
	switch {
	case pb == nil:
		jp.Status = "joined"
	case pa == nil:
		jp.Status = "left"
	default:
		jp.Status, jp.MatchedBy = "both", "id"
		if p.ByName {
			jp.MatchedBy = "name"
		}
		if p.Renamed {
			jp.NameBefore = pb.Name
		}
	}
	fw := d.Before.Framework
	for _, lc := range p.Levels {
		jp.Levels = append(jp.Levels, jLevelChange{Competence: fw.Leaves[lc.Leaf].ID, Change: lc.Change.String(),
			Before: levelPtr(lc.Before), After: levelPtr(lc.After), Assessment: lc.Assessment.String(), OtherAssessor: lc.OtherAssessor})
	}
	for _, g := range p.Gained {
		jp.Gained = append(jp.Gained, jProfileFit{fw.Profiles[g.Profile].ID, g.ByRules})
	}
	for _, g := range p.Lost {
		jp.Lost = append(jp.Lost, jProfileFit{fw.Profiles[g.Profile].ID, g.ByRules})
	}
	return jp
}
