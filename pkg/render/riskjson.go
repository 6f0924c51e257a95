package render

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/risk"
)

// RiskSchemaVersion is the version of huller risk's JSON contract. Fields
// may be added within a version; renaming or removing one needs a new
// version.
const RiskSchemaVersion = 1

type jFinding struct {
	Kind string `json:"kind"`
	Tier string `json:"tier"`
}

// jsonFinding is a finding, nil for none.
func jsonFinding(f analysis.Finding) *jFinding {
	if f.Tier == 0 {
		return nil
	}
	return &jFinding{Kind: f.Kind.String(), Tier: f.Tier.String()}
}

// jLeafState is a competence in one state.
type jLeafState struct {
	Finding  *jFinding `json:"finding"`
	Required int       `json:"required"`
	Assessed int       `json:"assessed"`
	Met      int       `json:"met"`
	Coverage *float64  `json:"coverage"`
	Holders  int       `json:"holders"`
	Teachers int       `json:"teachers"`
}

// jProfileState is a profile in one state.
type jProfileState struct {
	Finding          *jFinding `json:"finding"`
	Fitting          int       `json:"fitting"`
	Specialists      int       `json:"specialists"`
	Expected         int       `json:"expected"`
	ExpectedAssessed int       `json:"expected_assessed"`
	ExpectedFitting  int       `json:"expected_fitting"`
}

// jsonState is node i in snapshot s.
func (v *view) jsonState(i int, s risk.Snapshot) any {
	if v.isProfile(i) {
		p := s.Profile
		return jProfileState{Finding: jsonFinding(s.Finding), Fitting: int(p.Fitting), Specialists: p.Specialists,
			Expected: int(p.Expected), ExpectedAssessed: int(p.ExpectedAssessed), ExpectedFitting: int(p.ExpectedFitting)}
	}
	ls := s.Leaf
	return jLeafState{Finding: jsonFinding(s.Finding), Required: int(ls.Required), Assessed: int(ls.Assessed), Met: int(ls.Met),
		Coverage: optional(ls.Coverage()), Holders: int(ls.Holders), Teachers: int(ls.Teachers)}
}

type jOneAbsence struct {
	Opens   int `json:"opens"`
	Worsens int `json:"worsens"`
	Then    any `json:"then"` // the node after the worst of them; null when none
}

type jLeafBench struct {
	AtTarget         int  `json:"at_target"`
	Teachers         int  `json:"teachers"`
	OneBelowTarget   int  `json:"one_below_target"`
	MeetRequired     *int `json:"meet_required"`      // basis leaves only
	OneBelowRequired *int `json:"one_below_required"` // basis leaves only
}

type jProfileBench struct {
	Fitting          int `json:"fitting"`
	OneShort         int `json:"one_short"`
	Expected         int `json:"expected"`
	ExpectedFitting  int `json:"expected_fitting"`
	ExpectedOneShort int `json:"expected_one_short"`
}

type jRiskNode struct {
	ID         string      `json:"id"`
	Area       string      `json:"area,omitempty"`
	Profile    string      `json:"profile,omitempty"`
	Target     int         `json:"target"`
	Now        any         `json:"now"`
	OneAbsence jOneAbsence `json:"one_absence"`
	Depth      *int        `json:"depth"` // null: no absences weaken it
	Path       string      `json:"path,omitempty"`
	Bench      any         `json:"bench"`
	Train      *jTrain     `json:"train"` // null: no finding
}

type jLevel struct {
	Competence string `json:"competence"`
	Level      int    `json:"level"`
}

type jTrain struct {
	Assess       bool    `json:"assess"`
	Short        int     `json:"short"`
	Close        int     `json:"close"`
	Cost         *int64  `json:"cost"`         // null without a catalog or a course
	Course       *string `json:"course"`       // the course of that run; null as cost
	Participants *int    `json:"participants"` // the run's participants; null as cost
}

// jsonTrain writes what developing current staff could do for a finding.
func jsonTrain(tr risk.Train) jTrain {
	jt := jTrain{Assess: tr.Assess, Short: int(tr.Short), Close: int(tr.Close)}
	if q := tr.Run; q != nil {
		jt.Cost, jt.Course, jt.Participants = ptr(q.Cost), ptr(q.Course.ID), ptr(q.Participants)
	}
	return jt
}

type jChange struct {
	ID     string `json:"id"`
	Change string `json:"change"` // closed, eased or improved
	Before any    `json:"before"`
	After  any    `json:"after"`
	Train  jTrain `json:"train"`
}

type jHire struct {
	Rank          int              `json:"rank"`
	Role          string           `json:"role"` // "" for none
	AlsoAs        []string         `json:"also_as"`
	Profile       *string          `json:"profile"`
	Levels        []jLevel         `json:"levels"`
	ProfileLevels []jLevel         `json:"profile_levels"`
	Resolved      map[string]int32 `json:"resolved"`
	Improved      map[string]int32 `json:"improved"`
	Changes       []jChange        `json:"changes"`
	NewHolders    []string         `json:"new_holders"`
}

// jRiskSummary counts the competences and profiles by the fewest absences
// that weaken them.
type jRiskSummary struct {
	Nodes          int `json:"nodes"`
	ByOne          int `json:"by_one"`
	OpenedByOne    int `json:"opened_by_one"`   // of by_one: a finding opened or the last holder lost
	WorsenedByOne  int `json:"worsened_by_one"` // of by_one: a finding worsened
	ByTwoOrThree   int `json:"by_two_or_three"`
	WithstandThree int `json:"withstand_three"`
	Never          int `json:"never"` // no absences weaken them
}

// riskJSON writes the risk contract, element by element.
func (v *view) riskJSON(w io.Writer, rep *risk.Report) error {
	res, fw := rep.Result, v.fw
	j := &jsonWriter{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.enc.SetIndent("  ", "  ")
	j.raw("{\n")
	j.field("schema_version", RiskSchemaVersion)
	j.field("mode", mode(v.o))
	j.field("audience", audience(v.o))
	j.field("framework", jFramework{ID: fw.ID, Title: v.text(fw.Title), File: fw.File, Extends: fw.Extends,
		BasisLeaves: len(fw.BasisLeaves), ProfileLeaves: len(fw.Leaves) - len(fw.BasisLeaves), Profiles: len(fw.Profiles)})
	j.field("roster", jRoster{File: res.Roster.Source, Sheet: res.Roster.Sheet, Persons: len(res.Roster.Persons),
		Analysed: len(res.People), Listed: len(res.People)})
	j.field("settings", jsonSettings(res.Settings))
	j.field("vacancy", rep.Vacancy)
	j.field("summary", riskSummary(rep))
	nl := len(fw.Leaves)
	j.array("competences", nl, func(i int) any { return v.jsonRiskNode(rep, i) })
	j.array("profiles", len(fw.Profiles), func(k int) any { return v.jsonRiskNode(rep, nl+k) })
	j.array("hires", len(rep.Hires), func(k int) any { return v.jsonHire(rep, k) })
	j.field("candidates", rep.Candidates)
	j.field("priced", rep.Priced)
	if rep.Priced {
		j.field("currency", rep.Currency)
	} else {
		j.field("currency", nil)
	}
	j.last("warnings", append([]string{}, res.AllWarnings()...))
	j.raw("}\n")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

func riskSummary(rep *risk.Report) jRiskSummary {
	s := jRiskSummary{Nodes: len(rep.Nodes)}
	for _, n := range rep.Nodes {
		switch {
		case n.Depth == 0:
			s.Never++
		case n.Depth == 1 && n.Opens > 0:
			s.ByOne++
			s.OpenedByOne++
		case n.Depth == 1:
			s.ByOne++
			s.WorsenedByOne++
		case n.Depth <= 3:
			s.ByTwoOrThree++
		default:
			s.WithstandThree++
		}
	}
	return s
}

func (v *view) jsonRiskNode(rep *risk.Report, i int) jRiskNode {
	n := rep.Nodes[i]
	node := v.nodeOf(i)
	jn := jRiskNode{ID: node.ID, Now: v.jsonState(i, n.Now),
		OneAbsence: jOneAbsence{Opens: int(n.Opens), Worsens: int(n.Worsens)}, Path: n.Path.String()}
	if n.Opens+n.Worsens > 0 {
		jn.OneAbsence.Then = v.jsonState(i, n.Then)
	}
	if n.Depth > 0 {
		jn.Depth = ptr(int(n.Depth))
	}
	if n.Train != nil {
		jn.Train = ptr(jsonTrain(*n.Train))
	}
	b := n.Bench
	if v.isProfile(i) {
		jn.Target = v.res.Profiles[i-len(v.fw.Leaves)].Target
		jn.Bench = jProfileBench{Fitting: int(b.Fitting), OneShort: int(b.OneShort), Expected: int(b.Expected),
			ExpectedFitting: int(b.ExpectedFitting), ExpectedOneShort: int(b.ExpectedOneShort)}
		return jn
	}
	jn.Area, jn.Target = node.Area.String(), int(v.res.Targets[i])
	if node.Profile != nil {
		jn.Profile = node.Profile.ID
	}
	lb := jLeafBench{AtTarget: int(b.AtTarget), Teachers: int(b.Teachers), OneBelowTarget: int(b.OneBelowTarget)}
	if i < len(v.fw.BasisLeaves) {
		lb.MeetRequired, lb.OneBelowRequired = ptr(int(b.MeetRequired)), ptr(int(b.OneBelowRequired))
	}
	jn.Bench = lb
	return jn
}

func (v *view) jsonHire(rep *risk.Report, k int) jHire {
	h := rep.Hires[k]
	jh := jHire{Rank: k + 1, Role: h.Role, AlsoAs: append([]string{}, h.AlsoAs...), Levels: []jLevel{}, ProfileLevels: []jLevel{},
		Resolved: tierCounts(h.Resolved), Improved: tierCounts(h.Improved), Changes: []jChange{}, NewHolders: []string{}}
	if h.Profile >= 0 {
		jh.Profile = ptr(v.fw.Profiles[h.Profile].ID)
	}
	for _, lv := range h.Levels {
		jh.Levels = append(jh.Levels, jLevel{v.fw.Leaves[lv.Leaf].ID, int(lv.Level)})
	}
	for _, lv := range h.ProfileLevels {
		jh.ProfileLevels = append(jh.ProfileLevels, jLevel{v.fw.Leaves[lv.Leaf].ID, int(lv.Level)})
	}
	for c, d := range h.Changes {
		jt := jsonTrain(h.Train[c])
		jh.Changes = append(jh.Changes, jChange{ID: v.nodeID(d.Node), Change: changeName(d),
			Before: v.jsonState(d.Node, d.Before), After: v.jsonState(d.Node, d.After), Train: jt})
	}
	for _, n := range h.NewHolders {
		jh.NewHolders = append(jh.NewHolders, v.nodeID(n))
	}
	return jh
}

// tierCounts names counts indexed by tier.
func tierCounts(c [5]int32) map[string]int32 {
	out := map[string]int32{}
	for _, t := range analysis.Tiers {
		out[t.String()] = c[t]
	}
	return out
}

// changeName is the machine name of what happened to a node: the first of
// opened, worsened, unheld, closed, eased, improved that applies, else
// changed (its figures only).
func changeName(d risk.Delta) string {
	switch {
	case d.Opened:
		return "opened"
	case d.Worsened:
		return "worsened"
	case d.Unheld:
		return "unheld"
	case d.Closed:
		return "closed"
	case d.Eased:
		return "eased"
	case d.Improved:
		return "improved"
	}
	return "changed"
}
