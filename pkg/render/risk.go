package render

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/risk"
)

// Risk writes a vulnerability report (huller risk) in format, one of
// Formats: the terminal and Markdown show the exposure of the competences
// and profiles to absences, the depth behind each and the best next hires
// (with a Vacancy, the requirement profiles only, ready for a job ad); JSON
// is the risk contract (RiskSchemaVersion); CSV one row per competence and
// profile. No person is named.
func Risk(w io.Writer, format string, rep *risk.Report, o Options) error {
	v, err := newView(rep.Result, o)
	if err != nil {
		return err
	}
	switch format {
	case FormatTable, "", FormatMarkdown:
		if rep.Vacancy != "" {
			return v.drawAs(w, format, v.vacancyDocument(rep))
		}
		return v.drawAs(w, format, v.riskDocument(rep))
	case FormatJSON:
		return v.riskJSON(w, rep)
	case FormatCSV:
		return v.riskCSV(w, rep)
	}
	return fmt.Errorf("output format %q is not one of %s", format, strings.Join(Formats(), ", "))
}

// riskTitle is the analysis's title line.
func (v *view) riskTitle() string {
	res, l := v.res, v.l
	title := l.F(lang.AnalysisTitle, res.Roster.Source, l.Count(lang.PersonNoun, res.Summary.Persons), v.text(v.fw.Title), v.fw.ID)
	if res.Settings.Team != "" {
		title += " · " + l.F(lang.TeamOnly, res.Settings.Team)
	}
	return title
}

// riskDocument: the summary, the competences and profiles one absence
// weakens, those more absences weaken, the depth tables and the hires.
func (v *view) riskDocument(rep *risk.Report) document {
	l := v.l
	d := document{title: v.riskTitle(), tables: pseudonymsTables(l, v.o)}
	d.tables = append(d.tables, table{heading: l.T(lang.RiskHeading), notes: []string{l.T(lang.RiskIntro)}},
		v.riskSummary(rep), v.byOne(rep), v.byMore(rep), v.depthLeaves(rep), v.depthProfiles(rep), v.hireTable(rep))
	return d
}

// riskSummary counts the nodes by the fewest absences that weaken them.
func (v *view) riskSummary(rep *risk.Report) table {
	l := v.l
	s := riskSummary(rep)
	t := table{heading: l.T(lang.RiskSummary), wrap: []bool{true, true}}
	add := func(label, value string) { t.rows = append(t.rows, []cell{c(label), c(value)}) }
	add(l.T(lang.Competences), l.Int(s.Nodes))
	add(l.T(lang.RiskSumOne), l.F(lang.RiskSumOneValue, l.Int(s.ByOne), l.Int(s.OpenedByOne), l.Int(s.WorsenedByOne)))
	add(l.T(lang.RiskSumFew), l.Int(s.ByTwoOrThree))
	add(l.T(lang.RiskSumMany), l.Int(s.WithstandThree))
	add(l.T(lang.RiskSumNever), l.Int(s.Never))
	return t
}

// byOne lists the nodes one absence weakens: those where it opens a
// finding or leaves no holder first, then framework order.
func (v *view) byOne(rep *risk.Report) table {
	l := v.l
	t := table{heading: l.T(lang.RiskByOne), empty: l.T(lang.RiskByOneNone),
		header: []string{l.T(lang.Subject), l.T(lang.RiskNow), l.T(lang.RiskAbsences), l.T(lang.RiskThen)},
		wrap:   []bool{true, true, true, true}, right: []bool{false, false, false, false},
		notes: []string{l.T(lang.RiskByOneNote)}}
	var idx []int
	for i, n := range rep.Nodes {
		if n.Depth == 1 {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(x, y int) int {
		return cmp.Compare(min(rep.Nodes[y].Opens, 1), min(rep.Nodes[x].Opens, 1))
	})
	for _, i := range idx {
		if v.o.Limit > 0 && len(t.rows) == v.o.Limit {
			t.omitted = len(idx) - len(t.rows)
			break
		}
		n := rep.Nodes[i]
		who := l.Count(lang.PersonNoun, 1)
		if k := int(n.Opens + n.Worsens); k > 1 {
			who = l.F(lang.RiskAnyOf, l.Count(lang.PersonNoun, k))
		}
		t.rows = append(t.rows, []cell{c(v.n.Node(v.nodeOf(i))), {v.stateText(i, n.Now), stateTone(n.Now)},
			c(who), {v.stateText(i, n.Then), stateTone(n.Then)}})
	}
	if len(t.rows) == 0 {
		t.notes = nil
	}
	return t
}

// byMore lists the nodes two or three absences weaken, fewest absences
// first; it counts the others.
func (v *view) byMore(rep *risk.Report) table {
	l := v.l
	t := table{heading: l.T(lang.RiskByMore), empty: l.T(lang.ScenarioNone),
		header: []string{l.T(lang.Subject), l.T(lang.RiskNow), l.T(lang.RiskFewest), l.T(lang.RiskThen)},
		wrap:   []bool{true, true, false, true}, right: []bool{false, false, true, false},
		notes: []string{l.T(lang.RiskByMoreNote)}}
	var idx []int
	rest := 0
	for i, n := range rep.Nodes {
		switch {
		case n.Depth == 2 || n.Depth == 3:
			idx = append(idx, i)
		case n.Depth > 3:
			rest++
		}
	}
	if rest > 0 {
		t.notes = append(t.notes, l.F(lang.RiskByMoreRest, l.Int(rest)))
	}
	slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(rep.Nodes[x].Depth, rep.Nodes[y].Depth) })
	for _, i := range idx {
		if v.o.Limit > 0 && len(t.rows) == v.o.Limit {
			t.omitted = len(idx) - len(t.rows)
			break
		}
		n := rep.Nodes[i]
		t.rows = append(t.rows, []cell{c(v.n.Node(v.nodeOf(i))), {v.stateText(i, n.Now), stateTone(n.Now)},
			c(l.Int(int(n.Depth))), c(v.n.Path(i, n.Path))})
	}
	return t
}

// depthLeaves is the depth behind every competence.
func (v *view) depthLeaves(rep *risk.Report) table {
	l := v.l
	t := table{heading: l.T(lang.RiskDepth),
		header: []string{l.T(lang.Competence), l.T(lang.Holders), l.T(lang.RiskOneBelowTarget), l.T(lang.RiskMeetRequired), l.T(lang.RiskOneBelowRequired)},
		wrap:   []bool{true, true, true, true, true}, right: []bool{false, true, true, true, true},
		notes: []string{l.T(lang.RiskDepthNote)}}
	for i, leaf := range v.fw.Leaves {
		if v.o.Limit > 0 && len(t.rows) == v.o.Limit {
			t.omitted = len(v.fw.Leaves) - len(t.rows)
			break
		}
		b := rep.Nodes[i].Bench
		at := cell{l.Int(int(b.AtTarget)), plain}
		if b.AtTarget <= 1 {
			at.tone = warn
		}
		meet, below := "–", "–"
		if i < len(v.fw.BasisLeaves) && b.Required > 0 {
			meet, below = l.Of(int(b.MeetRequired), int(b.Required)), l.Int(int(b.OneBelowRequired))
		}
		t.rows = append(t.rows, []cell{c(v.n.Node(leaf)), at, c(l.Int(int(b.OneBelowTarget))), c(meet), c(below)})
	}
	return t
}

// depthProfiles is the depth behind every profile.
func (v *view) depthProfiles(rep *risk.Report) table {
	l := v.l
	t := table{heading: l.T(lang.RiskDepthProfiles),
		header: []string{l.T(lang.ProfileL), l.T(lang.Fitting), l.T(lang.RiskOneShort), l.T(lang.Assigned), l.T(lang.AssignedFitting), l.T(lang.RiskExpectedOneShort)},
		wrap:   []bool{true, true, true, true, true, true}, right: []bool{false, true, true, true, true, true},
		notes: []string{l.T(lang.RiskDepthProfilesNote)}}
	nl := len(v.fw.Leaves)
	for j, p := range v.fw.Profiles {
		b := rep.Nodes[nl+j].Bench
		fit := cell{l.Int(int(b.Fitting)), plain}
		if int(b.Fitting) < v.res.Profiles[j].Specialists {
			fit.tone = warn
		}
		t.rows = append(t.rows, []cell{c(v.n.Node(p)), fit, c(l.Int(int(b.OneShort))), c(l.Int(int(b.Expected))),
			c(l.Int(int(b.ExpectedFitting))), c(l.Int(int(b.ExpectedOneShort)))})
	}
	return t
}

// hireTable lists the best requirement profiles: what each resolves and
// what developing current staff could do instead.
func (v *view) hireTable(rep *risk.Report) table {
	l := v.l
	t := table{heading: l.T(lang.RiskHire), empty: l.T(lang.RiskNoHire),
		header: []string{l.T(lang.Rank), l.T(lang.RiskProposal), l.T(lang.RiskGain), l.T(lang.RiskTrain)},
		wrap:   []bool{false, true, true, true}, right: []bool{true, false, false, false},
		notes: []string{l.T(lang.RiskHireNote)}}
	for k, h := range rep.Hires {
		t.rows = append(t.rows, []cell{c(l.Int(k + 1)), c(v.proposal(h)), c(v.gains(h)), c(v.trainText(rep, h))})
	}
	if rep.Priced && len(rep.Hires) > 0 {
		t.notes = append(t.notes, l.T(lang.RiskPricedNote))
	}
	if rep.Vacancy == "" && len(rep.Hires) > 0 {
		t.notes = append(t.notes, l.T(lang.RiskVacancyHint))
	}
	return t
}

// roleName names a role id for a newcomer.
func (v *view) roleName(id string) string {
	if id == "" {
		return v.l.T(lang.RiskNoRoleHire)
	}
	if r := v.fw.Role(id); r != nil {
		if s := v.text(r.Name); s != "" {
			return s
		}
	}
	return id
}

// proposal says a requirement profile: "The coordination profile, as Job
// consultant (the same as Caseworker, …)".
func (v *view) proposal(h risk.Hire) string {
	l := v.l
	prof := l.T(lang.RiskNoProfile)
	if h.Profile >= 0 {
		prof = v.n.Name(v.fw.Profiles[h.Profile])
	}
	s := l.F(lang.RiskAsRole, prof, v.roleName(h.Role))
	if len(h.AlsoAs) > 0 {
		names := make([]string, len(h.AlsoAs))
		for i, id := range h.AlsoAs {
			names[i] = v.roleName(id)
		}
		s += " (" + l.F(lang.RiskAlsoAs, strings.Join(names, ", ")) + ")"
	}
	return s
}

// gains says what a hire resolves (a finding's tier before → after) and
// improves, and the competences it brings that no one holds.
func (v *view) gains(h risk.Hire) string {
	l := v.l
	var parts, improved []string
	for _, d := range h.Changes {
		if d.Improved {
			improved = append(improved, v.nodeID(d.Node))
			continue
		}
		parts = append(parts, v.nodeID(d.Node)+": "+l.F(lang.RiskArrow, v.n.Finding(d.Before.Finding), v.n.Finding(d.After.Finding)))
	}
	if len(improved) > 0 {
		parts = append(parts, l.F(lang.RiskImproves, strings.Join(improved, ", ")))
	}
	if len(h.NewHolders) > 0 {
		ids := make([]string, len(h.NewHolders))
		for i, n := range h.NewHolders {
			ids[i] = v.nodeID(n)
		}
		parts = append(parts, l.F(lang.RiskBrings, strings.Join(ids, ", ")))
	}
	return strings.Join(parts, "; ")
}

// trainText says, gain by gain, what developing (or assessing) current
// staff could do instead of the hire, and for how many of the gains.
func (v *view) trainText(rep *risk.Report, h risk.Hire) string {
	l := v.l
	var parts []string
	could := 0
	for k, d := range h.Changes {
		parts = append(parts, v.nodeID(d.Node)+": "+v.trainOne(rep, d, h.Train[k]))
		if h.Train[k].Short > 0 {
			could++
		}
	}
	if len(h.Changes) == 0 {
		return "–"
	}
	return l.F(lang.RiskTrainSum, l.Int(could), l.Int(len(h.Changes))) + ". " + strings.Join(parts, "; ")
}

// trainOne says the alternative to a hire for one of its gains.
func (v *view) trainOne(rep *risk.Report, d risk.Delta, tr risk.Train) string {
	l := v.l
	var s string
	switch {
	case tr.Assess:
		return l.F(lang.RiskAssess, l.Int(int(tr.Short)))
	case tr.Short == 0:
		return l.T(lang.RiskNoOneShort)
	case v.isProfile(d.Node):
		s = l.F(lang.RiskShortComp, l.Int(int(tr.Short)))
	case d.Before.Finding.Kind == analysis.KindSinglePoint:
		s = l.F(lang.RiskShortTarget, l.Int(int(tr.Short)))
	default:
		s = l.F(lang.RiskShortLevel, l.Int(int(tr.Short)))
	}
	if tr.Close > 1 {
		s += " (" + l.F(lang.RiskCloseIt, l.Int(int(tr.Close))) + ")"
	}
	switch q := tr.Run; {
	case q != nil:
		s += ", " + l.F(lang.RiskRunCost, q.Course.ID, l.Count(lang.PersonNoun, q.Participants), l.F(lang.Money, l.Int(int(q.Cost)), rep.Currency))
	case rep.Priced:
		s += ", " + l.T(lang.RiskNoCourse)
	}
	return s
}

// vacancyDocument holds the requirement profiles for one role, ready for
// a job ad: the basis levels the new person brings, the profile's
// competences at the target, and why (for the decision).
func (v *view) vacancyDocument(rep *risk.Report) document {
	l := v.l
	d := document{title: l.F(lang.RiskVacancyTitle, v.roleName(rep.Vacancy)) + " · " + v.riskTitle()}
	if len(rep.Hires) == 0 {
		d.tables = append(d.tables, table{empty: l.T(lang.RiskNoHire)})
		return d
	}
	for k, h := range rep.Hires {
		d.tables = append(d.tables, v.spec(rep, k, h)...)
	}
	return d
}

// spec is one requirement profile: its levels and why.
func (v *view) spec(rep *risk.Report, k int, h risk.Hire) []table {
	l := v.l
	basis := table{heading: l.T(lang.RiskSpecBasis), empty: l.T(lang.RiskSpecNoBasis),
		header: []string{l.T(lang.Competence), l.T(lang.Level)}, wrap: []bool{true, true}, right: []bool{false, false}}
	for _, lv := range h.Levels {
		basis.rows = append(basis.rows, []cell{c(v.n.Node(v.fw.Leaves[lv.Leaf])), c(v.n.Level(int(lv.Level)))})
	}
	out := []table{{heading: l.F(lang.RiskSpecHeading, l.Int(k+1), v.proposal(h))}, basis}
	if h.Profile >= 0 {
		p := v.fw.Profiles[h.Profile]
		name := v.n.Name(p)
		if focus := v.text(p.Focus); focus != "" {
			name += " (" + focus + ")"
		}
		pt := table{heading: l.F(lang.RiskSpecProfile, name),
			header: []string{l.T(lang.Competence), l.T(lang.Level)}, wrap: []bool{true, true}, right: []bool{false, false}}
		for _, lv := range h.ProfileLevels {
			pt.rows = append(pt.rows, []cell{c(v.n.Node(v.fw.Leaves[lv.Leaf])), c(v.n.Level(int(lv.Level)))})
		}
		out = append(out, pt)
	}
	why := table{heading: l.T(lang.RiskSpecWhy),
		header: []string{l.T(lang.Subject), l.T(lang.RiskNow), l.T(lang.RiskWithHire), l.T(lang.RiskTrain)},
		wrap:   []bool{true, true, true, true}, right: []bool{false, false, false, false}}
	for k, d := range h.Changes {
		why.rows = append(why.rows, []cell{c(v.n.Node(v.nodeOf(d.Node))), c(v.stateText(d.Node, d.Before)),
			c(v.stateText(d.Node, d.After)), c(v.trainOne(rep, d, h.Train[k]))})
	}
	if len(h.NewHolders) > 0 {
		ids := make([]string, len(h.NewHolders))
		for i, n := range h.NewHolders {
			ids[i] = v.nodeID(n)
		}
		why.notes = append(why.notes, l.F(lang.RiskBrings, strings.Join(ids, ", ")))
	}
	return append(out, why)
}
