package render

import (
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
)

// document builds the document of a comparison: with a plan, which
// planned development happened, first; what the persons are measured
// against, when it changed; the summary; where the change
// came from; the holes by what became of them; the coverage per basis
// competence and the profiles; the persons who joined, left and changed.
func (dv *diffView) document() document {
	d, l := dv.d, dv.l
	fw := d.After.Framework
	who := l.Int(len(d.Before.People)) + " → " + l.Count(lang.PersonNoun, len(d.After.People))
	doc := document{title: l.F(lang.DiffTitle, d.Before.Roster.Source, d.After.Roster.Source, who, dv.a.text(fw.Title), fw.ID),
		tables: pseudonymsTables(l, dv.o)}
	doc.tables = append(doc.tables, dv.planTables()...)
	if !d.Rules.Same {
		doc.tables = append(doc.tables, dv.rules())
	}
	doc.tables = append(doc.tables, dv.summary())
	if len(d.Steps) > 0 {
		doc.tables = append(doc.tables, dv.steps())
	}
	doc.tables = append(doc.tables, dv.holes()...)
	doc.tables = append(doc.tables, dv.coverage(), dv.profiles())
	doc.tables = append(doc.tables, dv.movers(lang.DiffJoinedTitle, lang.DiffNoneJoined, true), dv.movers(lang.DiffLeftTitle, lang.DiffNoneLeft, false))
	doc.tables = append(doc.tables, dv.changed())
	return doc
}

// signed writes n with its sign: +3, -2, 0.
func (dv *diffView) signed(n int) string {
	if n > 0 {
		return "+" + dv.l.Int(n)
	}
	return dv.l.Int(n)
}

// points writes a change of a share as percentage points with one
// decimal: +3.3 points, -2.0 points.
func (dv *diffView) points(x float64) string {
	return dv.l.F(lang.DiffPoints, dv.signedPoints(x))
}

// signedPoints writes a change of a share in percentage points, with one
// decimal and its sign: +3.3, -2.0, 0.0.
func (dv *diffView) signedPoints(x float64) string {
	s := strconv.FormatFloat(x*100, 'f', 1, 64)
	switch {
	case s == "-0.0":
		s = "0.0"
	case x > 0 && s != "0.0":
		s = "+" + s
	}
	return strings.Replace(s, ".", dv.l.Decimal(), 1)
}

// trend is the tone of a change: good when it goes the way wanted.
func trend(delta float64, upIsGood bool) tone {
	switch {
	case delta == 0:
		return plain
	case (delta > 0) == upIsGood:
		return good
	}
	return bad
}

// rules lists what the persons are measured against that changed.
func (dv *diffView) rules() table {
	d, l := dv.d, dv.l
	r := d.Rules
	t := table{heading: l.T(lang.DiffRulesTitle), header: []string{l.T(lang.DiffWhat), l.T(lang.DiffBefore), l.T(lang.DiffAfter)},
		right: []bool{false, true, true}, wrap: []bool{true, true, true},
		notes: []string{l.F(lang.DiffRulesNote, l.T(lang.DiffStepRules), l.T(lang.DiffOldRulesCol))}}
	row := func(what, before, after string) {
		t.rows = append(t.rows, []cell{c(what), c(before), c(after)})
	}
	bfw, afw := d.Before.Framework, d.After.Framework
	leaf := func(id string) string {
		if n := afw.Node(id); n != nil {
			return dv.na.Node(n)
		}
		return dv.nb.Node(bfw.Node(id))
	}
	for _, x := range r.Requirements {
		row(l.F(lang.DiffRuleRequirement, dv.roleName(x.Role), leaf(x.Leaf)), l.Int(x.Before), l.Int(x.After))
	}
	for _, x := range r.Targets {
		row(l.F(lang.DiffRuleTarget, leaf(x.Leaf)), l.Int(x.Before), l.Int(x.After))
	}
	for _, x := range r.Teach {
		row(l.F(lang.DiffRuleTeach, leaf(x.Leaf)), l.Int(x.Before), l.Int(x.After))
	}
	for _, x := range r.Profiles {
		row(l.F(lang.DiffRuleProfile, dv.na.Node(afw.Node(x.Profile))),
			l.Int(x.TargetBefore)+", "+l.Int(x.NeedBefore)+", "+l.Int(x.SpecialistsBefore),
			l.Int(x.TargetAfter)+", "+l.Int(x.NeedAfter)+", "+l.Int(x.SpecialistsAfter))
	}
	for _, x := range r.RoleProfiles {
		row(l.F(lang.DiffRuleRoleProfiles, dv.roleName(x.Role)), orDash(strings.Join(x.Before, ", ")), orDash(strings.Join(x.After, ", ")))
	}
	for _, id := range r.LeavesAdded {
		row(l.F(lang.DiffRuleLeafAdded, dv.na.Node(afw.Node(id))), "", "")
	}
	for _, id := range r.LeavesRemoved {
		row(l.F(lang.DiffRuleLeafRemoved, dv.nb.Node(bfw.Node(id))), "", "")
	}
	for _, id := range r.ProfilesAdded {
		row(l.F(lang.DiffRuleProfAdded, dv.na.Node(afw.Node(id))), "", "")
	}
	for _, id := range r.ProfilesRemoved {
		row(l.F(lang.DiffRuleProfRemoved, dv.nb.Node(bfw.Node(id))), "", "")
	}
	if !r.Listed() {
		t.header, t.rows = nil, nil
		if r.FrameworkEdited {
			t.notes = []string{l.T(lang.DiffRuleFrameworkTxt)}
		} else {
			t.notes = []string{l.T(lang.DiffRuleReqOther)}
		}
	}
	return t
}

// roleName names a role of After (else of Before) by its id.
func (dv *diffView) roleName(id string) string {
	for _, side := range []*view{dv.a, dv.b} {
		for i, r := range side.res.Roles {
			if r.ID == id {
				return side.n.Role(int32(i))
			}
		}
	}
	return id
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// summary are the unit's figures before and after.
func (dv *diffView) summary() table {
	d, l := dv.d, dv.l
	b, a := d.Before, d.After
	m := d.Match
	t := table{heading: l.T(lang.Summary), wrap: []bool{false, true}, notes: []string{l.T(lang.DiffCoveredNote)}}
	add := func(label, value string, tn tone) {
		t.rows = append(t.rows, []cell{c(label), {value, tn}})
	}
	add(l.T(lang.Persons), l.F(lang.DiffPersonsLine, l.Int(len(b.People)), l.Int(len(a.People)), l.Int(len(m.Pairs)),
		l.Int(m.ByName), l.Int(len(m.Joined)), l.Int(len(m.Left))), plain)
	cb, okb := b.Summary.Basis.Coverage()
	ca, oka := a.Summary.Basis.Coverage()
	cov := dv.b.coverage(cb, okb) + " → " + dv.a.coverage(ca, oka)
	tn := plain
	if okb && oka {
		cov += " (" + dv.points(ca-cb) + ")"
		tn = trend(ca-cb, true)
	}
	add(l.T(lang.BasisCoverage), cov, tn)
	gb, ga := int(b.Summary.Basis.GapSum), int(a.Summary.Basis.GapSum)
	add(l.T(lang.GapSum), l.Int(gb)+" → "+l.Int(ga)+" ("+dv.signed(ga-gb)+")", trend(float64(ga-gb), false))
	add(l.T(lang.PeopleWithGaps), l.Of(b.Summary.PeopleWithGaps, b.Summary.Persons)+" → "+l.Of(a.Summary.PeopleWithGaps, a.Summary.Persons), plain)
	pb, pa := diff.ProfilesCovered(b), diff.ProfilesCovered(a)
	add(l.T(lang.ProfilesCovered), l.Of(pb, len(b.Framework.Profiles))+" → "+l.Of(pa, len(a.Framework.Profiles)), trend(float64(pa-pb), true))
	n := d.Tally()
	holes := l.F(lang.DiffHoleCounts, l.Int(len(b.Holes)), l.Int(len(a.Holes)), l.Int(n.Holes[diff.Opened]), l.Int(n.Holes[diff.ChangedKind]),
		l.Int(n.Holes[diff.Persisting]), l.Int(n.Worse), l.Int(n.Better), l.Int(n.Holes[diff.Closed]))
	tn = plain
	if d.HasRegressions() {
		tn = bad
	}
	add(l.T(lang.Holes), holes, tn)
	if n.Dated() {
		as := n.Assessments
		add(l.T(lang.DiffAssessmentsL), l.F(lang.DiffAssessmentsLine, l.Int(as[diff.Reassessed]), l.Int(as[diff.CarriedOver]),
			l.Int(as[diff.Undated]+as[diff.Earlier])), plain)
	}
	if n.OtherAssessor > 0 {
		add(l.T(lang.DiffOtherAssessorL), l.F(lang.DiffOtherLine, l.Int(n.OtherLevels), l.Int(n.OtherAssessor)), warn)
	}
	add(l.T(lang.Settings), dv.a.settings(), plain)
	return t
}

// stepName names a step.
func (dv *diffView) stepName(k diff.StepKind) string { return narrate.Step(dv.l, dv.d, k) }

// causeName names a step as the cause of a hole's change.
func (dv *diffView) causeName(k diff.StepKind) string {
	tm := map[diff.StepKind]lang.Term{diff.StepLeft: lang.DiffCauseLeft, diff.StepStayed: lang.DiffCauseStayed,
		diff.StepOtherAssessor: lang.DiffCauseOther, diff.StepJoined: lang.DiffCauseJoined, diff.StepRules: lang.DiffCauseRules}[k]
	return dv.l.T(tm)
}

// steps is the unit after each step on the way from before to after.
func (dv *diffView) steps() table {
	d, l := dv.d, dv.l
	t := table{heading: l.T(lang.DiffStepsTitle),
		header: []string{l.T(lang.DiffStepCol), l.T(lang.Persons), l.T(lang.BasisCoverage), l.T(lang.GapSum), l.T(lang.Holes)},
		right:  []bool{false, true, true, true, true}, wrap: []bool{true, true, true, true, true},
		notes: []string{l.T(lang.DiffStepsNote)}}
	row := func(name string, res *analysis.Result) {
		cov, ok := res.Summary.Basis.Coverage()
		t.rows = append(t.rows, []cell{c(name), c(l.Int(res.Summary.Persons)), c(dv.a.coverage(cov, ok)),
			c(l.Int(int(res.Summary.Basis.GapSum))), c(l.Int(len(res.Holes)))})
	}
	row(l.F(lang.DiffStepStart, d.Before.Roster.Source), d.Before)
	for _, s := range d.Steps {
		row(dv.stepName(s.Kind), s.State)
	}
	return t
}

// holeSide says a hole's priority and effort: "Depends on too few; 3 to
// raise".
func (dv *diffView) holeSide(v *view, h *analysis.Hole) string {
	return dv.l.F(lang.DiffHoleSide, v.n.Tier(h.Tier), dv.l.F(lang.DiffLevelsToRaise, dv.l.Int(h.Effort)))
}

// holes lists the holes by what became of them, Options.Limit rows a
// table.
func (dv *diffView) holes() []table {
	d, l := dv.d, dv.l
	titles := map[diff.HoleStatus]lang.Term{diff.Opened: lang.DiffHolesOpened, diff.ChangedKind: lang.DiffHolesChanged,
		diff.Persisting: lang.DiffHolesPersisting, diff.Closed: lang.DiffHolesClosed}
	var out []table
	for _, st := range diff.HoleStatuses {
		t := table{heading: l.T(titles[st]), empty: l.T(lang.DiffNoHoleChanges),
			header: []string{l.T(lang.KindHeader), l.T(lang.Competence), l.T(lang.DiffChangeCol)},
			right:  []bool{false, false, false}, wrap: []bool{true, true, true}}
		if len(d.Steps) > 0 {
			t.header = append(t.header, l.T(lang.DiffCauseCol))
			t.right, t.wrap = append(t.right, false), append(t.wrap, true)
		}
		for _, h := range d.Holes {
			if h.Status != st {
				continue
			}
			if dv.o.Limit > 0 && len(t.rows) == dv.o.Limit {
				t.omitted++
				continue
			}
			t.rows = append(t.rows, dv.holeRow(h, len(d.Steps) > 0))
		}
		if len(t.rows) > 0 || t.omitted > 0 || st == diff.Opened || st == diff.Closed {
			out = append(out, t)
		}
	}
	return out
}

// holeRow lays out one hole's change.
func (dv *diffView) holeRow(h diff.HoleChange, causes bool) []cell {
	l := dv.l
	var kind, node, change string
	tn := plain
	switch h.Status {
	case diff.Opened:
		kind, node, change = dv.a.n.Label(*h.After), dv.a.n.Node(h.After.Node), dv.holeSide(dv.a, h.After)
	case diff.Closed:
		kind, node, change = dv.b.n.Label(*h.Before), dv.b.n.Node(h.Before.Node), l.F(lang.DiffWas, dv.holeSide(dv.b, h.Before))
		tn = good
	default:
		kind, node = dv.a.n.Label(*h.After), dv.a.n.Node(h.After.Node)
		b, a := h.Before, h.After
		tier := dv.b.n.Tier(b.Tier)
		if b.Tier != a.Tier {
			tier += " → " + dv.a.n.Tier(a.Tier)
		}
		effort := l.Int(b.Effort)
		if b.Effort != a.Effort {
			effort += " → " + l.Int(a.Effort)
		}
		change = l.F(lang.DiffHoleSide, tier, l.F(lang.DiffLevelsToRaise, effort))
		if h.Status == diff.ChangedKind {
			change = dv.b.n.Label(*b) + ": " + change
		}
		switch {
		case h.Worse():
			change += " (" + l.T(lang.DiffWorse) + ")"
		case h.Better():
			change += " (" + l.T(lang.DiffBetter) + ")"
		default:
			change += " (" + l.T(lang.DiffUnchanged) + ")"
		}
	}
	if h.Worse() {
		tn = bad
	} else if h.Better() {
		tn = good
	}
	row := []cell{{kind, tn}, c(node), {change, tn}}
	if causes {
		var cs []string
		for _, k := range h.Causes {
			cs = append(cs, dv.causeName(k))
		}
		row = append(row, c(orDash(strings.Join(cs, ", "))))
	}
	return row
}

// coverage is the team coverage of every basis competence before and
// after (and after under the requirements before, when they changed).
func (dv *diffView) coverage() table {
	d, l := dv.d, dv.l
	t := table{heading: l.T(lang.CoverageTable),
		header: []string{l.T(lang.Competence), l.T(lang.DiffBefore), l.T(lang.DiffAfter), l.T(lang.DiffPointsCol)},
		right:  []bool{false, true, true, true}, wrap: []bool{true, false, false, true}}
	old := d.OldRules() != nil
	if old {
		t.header = append(t.header, l.T(lang.DiffOldRulesCol))
		t.right, t.wrap = append(t.right, true), append(t.wrap, true)
	}
	for _, lc := range d.Leaves {
		sb, okb := d.Stat(lc, 0)
		sa, oka := d.Stat(lc, 1)
		cb, hb := sb.Coverage()
		ca, ha := sa.Coverage()
		row := []cell{c(dv.leafName(lc)), c(dv.side(okb, dv.b.coverage(cb, hb))), c(dv.side(oka, dv.a.coverage(ca, ha))), c("")}
		if hb && ha && okb && oka {
			row[3] = cell{dv.signedPoints(ca - cb), trend(ca-cb, true)}
		}
		if old {
			x := "–"
			if lc.OldRules != nil {
				co, ho := lc.OldRules.Coverage()
				x = dv.a.coverage(co, ho)
			}
			row = append(row, c(x))
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// side writes a figure, or that the framework lacks the competence.
func (dv *diffView) side(ok bool, s string) string {
	if !ok {
		return dv.l.T(lang.DiffMissing)
	}
	return s
}

func (dv *diffView) leafName(lc diff.LeafChange) string {
	if lc.After >= 0 {
		return dv.a.n.Node(dv.d.After.Framework.Leaves[lc.After])
	}
	return dv.b.n.Node(dv.d.Before.Framework.Leaves[lc.Before])
}

// profiles are the persons fitting each profile before and after, and
// whether it is covered.
func (dv *diffView) profiles() table {
	d, l := dv.d, dv.l
	t := table{heading: l.T(lang.DiffProfilesDiff),
		header: []string{l.T(lang.ProfileL), l.T(lang.DiffBefore), l.T(lang.DiffAfter), l.T(lang.DiffCoveredCol)},
		right:  []bool{false, true, true, false}, wrap: []bool{true, false, false, true}}
	yes := func(ok bool) string {
		if ok {
			return l.T(lang.Yes)
		}
		return l.T(lang.No)
	}
	for _, pc := range d.Profiles {
		var name, fb, fa, cb, ca string
		if pc.After >= 0 {
			name = dv.a.n.Node(d.After.Framework.Profiles[pc.After])
			fa, ca = l.Int(int(d.After.Profiles[pc.After].Fitting)), yes(diff.Covered(d.After, int(pc.After)))
		} else {
			fa, ca = l.T(lang.DiffMissing), "–"
		}
		if pc.Before >= 0 {
			name = orWord(name, dv.b.n.Node(d.Before.Framework.Profiles[pc.Before]))
			fb, cb = l.Int(int(d.Before.Profiles[pc.Before].Fitting)), yes(diff.Covered(d.Before, int(pc.Before)))
		} else {
			fb, cb = l.T(lang.DiffMissing), "–"
		}
		tn := plain
		if cb != ca {
			tn = good
			if ca != l.T(lang.Yes) {
				tn = bad
			}
		}
		t.rows = append(t.rows, []cell{c(name), c(fb), c(fa), {cb + " → " + ca, tn}})
	}
	return t
}

func orWord(s, word string) string {
	if s == "" {
		return word
	}
	return s
}

// movers lists the persons who joined (after's figures) or left
// (before's).
func (dv *diffView) movers(title, none lang.Term, joined bool) table {
	d, l := dv.d, dv.l
	side, idx := dv.b, d.Match.Left
	if joined {
		side, idx = dv.a, d.Match.Joined
	}
	t := table{heading: l.T(title) + " (" + l.Int(len(idx)) + ")", empty: l.T(none),
		header: []string{l.T(lang.Name), l.T(lang.Role), l.T(lang.Team), l.T(lang.GapSum)},
		right:  []bool{false, false, false, true}, wrap: []bool{true, true, true, false}}
	for k, i := range idx {
		if dv.o.Limit > 0 && k == dv.o.Limit {
			t.omitted = len(idx) - k
			break
		}
		p := &side.res.People[i]
		t.rows = append(t.rows, []cell{c(side.n.Person(i)), c(side.n.Role(p.Role)), c(side.n.Team(p.Person.Team)), c(l.Int(int(p.Basis.GapSum)))})
	}
	return t
}

// changed lists what changed for each person in both mappings.
func (dv *diffView) changed() table {
	d, l := dv.d, dv.l
	t := table{heading: l.T(lang.DiffChangedTitle), empty: l.T(lang.DiffNoneChanged),
		header: []string{l.T(lang.Name), l.T(lang.DiffWhatChanged), l.T(lang.GapSum), l.T(lang.DiffAssessmentsL)},
		right:  []bool{false, false, true, false}, wrap: []bool{true, true, true, true}}
	unchanged, other := 0, false
	for _, p := range d.People {
		if p.Joined() || p.Left() {
			continue
		}
		if !p.Changed() {
			unchanged++
			continue
		}
		if dv.o.Limit > 0 && len(t.rows) == dv.o.Limit {
			t.omitted++
			continue
		}
		what, o := dv.whatChanged(p)
		other = other || o
		gb, ga := int(p.GapSum[0]), int(p.GapSum[1])
		gaps := l.Int(gb) + " → " + l.Int(ga)
		if p.GapSumOldRules != p.GapSum[1] {
			gaps = l.F(lang.DiffGapSumOldRules, l.Int(gb), l.Int(ga), dv.signed(ga-int(p.GapSumOldRules)))
		}
		t.rows = append(t.rows, []cell{c(dv.a.n.Person(p.After)), c(what), {gaps, trend(float64(ga-gb), false)}, c(dv.assessment(p.Assessment))})
	}
	if unchanged > 0 {
		t.notes = append(t.notes, l.F(lang.DiffUnchangedNote, l.Count(lang.PersonNoun, unchanged)))
	}
	if other {
		t.notes = append(t.notes, l.T(lang.DiffOtherNote))
	}
	return t
}

// assessment words an assessment state.
func (dv *diffView) assessment(a diff.Assessment) string {
	switch a {
	case diff.Reassessed:
		return dv.l.T(lang.DiffReassessed)
	case diff.CarriedOver:
		return dv.l.T(lang.DiffCarriedOver)
	case diff.Earlier:
		return dv.l.T(lang.DiffEarlierDate)
	}
	return "–"
}

// level writes a level, "–" when not assessed.
func level(x int8) string {
	if x < 0 {
		return "–"
	}
	return string('0' + rune(x))
}

// whatChanged says what changed for a person, and whether another
// assessor gave a level (marked *).
func (dv *diffView) whatChanged(p diff.PersonChange) (string, bool) {
	d, l := dv.d, dv.l
	pb, pa := &d.Before.People[p.Before], &d.After.People[p.After]
	var parts []string
	if p.Renamed {
		parts = append(parts, l.F(lang.DiffRenamedFrom, pb.Name))
	}
	if p.RoleChanged {
		parts = append(parts, l.F(lang.DiffRoleChange, dv.b.n.Role(pb.Role), dv.a.n.Role(pa.Role)))
	}
	if p.TeamChanged {
		parts = append(parts, l.F(lang.DiffTeamChange, dv.b.n.Team(pb.Person.Team), dv.a.n.Team(pa.Person.Team)))
	}
	other := false
	lists := map[diff.Change][]string{}
	for _, lc := range p.Levels {
		s := d.Before.Framework.Leaves[lc.Leaf].ID + " " + level(lc.Before) + "→" + level(lc.After)
		switch lc.Change {
		case diff.Removed:
			s = d.Before.Framework.Leaves[lc.Leaf].ID + " (" + level(lc.Before) + ")"
		case diff.Added:
			s = d.Before.Framework.Leaves[lc.Leaf].ID + " (" + level(lc.After) + ")"
		}
		if lc.OtherAssessor {
			s += "*"
			other = true
		}
		lists[lc.Change] = append(lists[lc.Change], s)
	}
	for _, x := range []struct {
		ch diff.Change
		tm lang.Term
	}{{diff.Up, lang.DiffLevelsUp}, {diff.Down, lang.DiffLevelsDown}, {diff.Removed, lang.DiffLevelsRemoved}, {diff.Added, lang.DiffLevelsAdded}} {
		if s := lists[x.ch]; len(s) > 0 {
			parts = append(parts, l.F(x.tm, strings.Join(s, ", ")))
		}
	}
	fits := func(tm lang.Term, ps []diff.ProfileFit) {
		if len(ps) == 0 {
			return
		}
		names := make([]string, len(ps))
		for i, pf := range ps {
			names[i] = dv.b.n.Name(d.Before.Framework.Profiles[pf.Profile])
			if pf.ByRules {
				names[i] = l.F(lang.DiffByNewRules, names[i])
			}
		}
		parts = append(parts, l.F(tm, strings.Join(names, ", ")))
	}
	fits(lang.DiffNowFits, p.Gained)
	fits(lang.DiffNoLongerFits, p.Lost)
	if len(parts) == 0 {
		return "–", other
	}
	return strings.Join(parts, "; "), other
}
