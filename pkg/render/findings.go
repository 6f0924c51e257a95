package render

import (
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
)

// summary is the key figures of the unit and the settings.
func (v *view) summary() table {
	res, l := v.res, v.l
	s := res.Summary
	t := table{heading: l.T(lang.Summary), wrap: []bool{false, true}}
	add := func(label, value string, tn tone) {
		t.rows = append(t.rows, []cell{c(label), {value, tn}})
	}
	add(l.T(lang.Persons), l.Int(s.Persons), plain)
	if res.Settings.Team != "" {
		add(l.T(lang.Team), res.Settings.Team, plain)
	}
	cov, ok := s.Basis.Coverage()
	covText := v.coverage(cov, ok)
	if ok {
		covText += " (" + l.F(lang.CoverageOf, s.Basis.Met, s.Basis.Required-s.Basis.NotAssessed) + ")"
	}
	add(l.T(lang.BasisCoverage), covText, v.coverageTone(cov, ok))
	add(l.T(lang.PeopleWithGaps), l.Of(s.PeopleWithGaps, s.Persons), plain)
	add(l.T(lang.GapSum), l.Int(int(s.Basis.GapSum)), plain)
	add(l.T(lang.NotAssessedReqs), l.Int(int(s.Basis.NotAssessed)), plain)
	holes := l.T(lang.None)
	if len(res.Holes) > 0 {
		holes = l.Int(len(res.Holes)) + ": " + v.n.Tiers(res.Holes)
	}
	add(l.T(lang.Holes), holes, plain)
	add(l.T(lang.Settings), v.settings(), plain)
	return t
}

// settings says the thresholds in use.
func (v *view) settings() string {
	return narrate.Settings(v.l, v.res.Settings, v.res.Targets, v.res.Teach)
}

func (v *view) coverageTone(cov float64, ok bool) tone {
	switch {
	case !ok:
		return plain
	case cov < v.res.Settings.Coverage:
		return bad
	case cov >= 1:
		return good
	}
	return plain
}

var tierTone = map[analysis.Tier]tone{
	analysis.TierCannotDeliver: bad, analysis.TierFragile: warn, analysis.TierUnknown: warn, analysis.TierDeveloping: plain,
}

// holesByTier returns the unit's holes as one table per tier, numbered
// across the tables; Options.Limit bounds the rows in all.
func (v *view) holesByTier(holes []analysis.Hole) []table {
	return byTier(v.l, len(holes), v.o.Limit, func(i int) analysis.Tier { return holes[i].Tier },
		func(lo, hi int) table { return v.holeTable(v.n.Tier(holes[lo].Tier), holes, lo, hi, false) })
}

// holesHead starts a table of holes: rank, kind, competence, status and
// effort, with a column of priority after the rank when tier.
func holesHead(l lang.Lang, heading string, tier bool) table {
	t := table{heading: heading, empty: l.T(lang.NoHoles),
		header: []string{l.T(lang.Rank), l.T(lang.KindHeader), l.T(lang.Competence), l.T(lang.Status), l.T(lang.Effort)},
		right:  []bool{true, false, false, false, true},
		wrap:   []bool{false, true, true, true, false}}
	if tier {
		t.header = append([]string{t.header[0], l.T(lang.TierHeader)}, t.header[1:]...)
		t.right = append([]bool{true, false}, t.right[1:]...)
		t.wrap = append([]bool{false, true}, t.wrap[1:]...)
	}
	return t
}

// byTier lays out n holes, ranked by tier (tier(i) is hole i's), as one
// table per tier, numbered across the tables: layout lays out holes lo..hi-1
// under their tier's name, and cuts them at the limit when it must. limit
// (0 for none) bounds the rows in all.
func byTier(l lang.Lang, n, limit int, tier func(i int) analysis.Tier, layout func(lo, hi int) table) []table {
	if n == 0 {
		return []table{{heading: l.T(lang.Holes), empty: l.T(lang.NoHoles)}}
	}
	var out []table
	for i := 0; i < n; {
		if limit > 0 && i >= limit {
			out[len(out)-1].omitted = n - i
			break
		}
		j := i
		for j < n && tier(j) == tier(i) {
			j++
		}
		t := layout(i, j)
		if t.omitted > 0 {
			t.omitted = n - (i + len(t.rows))
			return append(out, t)
		}
		out = append(out, t)
		i = j
	}
	return out
}

func (v *view) holeTable(heading string, holes []analysis.Hole, lo, hi int, tier bool) table {
	l := v.l
	t := holesHead(l, heading, tier)
	for i := lo; i < hi; i++ {
		if v.o.Limit > 0 && i == v.o.Limit {
			t.omitted = hi - i
			break
		}
		h := holes[i]
		status := v.n.Status(h)
		if d := v.n.Brief(h); d != "" {
			status += "; " + d
		}
		row := []cell{c(l.Int(i + 1)), {v.n.Label(h), tierTone[h.Tier]}, c(v.n.Node(h.Node)), c(status), c(l.Int(h.Effort))}
		if tier {
			row = append([]cell{row[0], {v.n.Tier(h.Tier), tierTone[h.Tier]}}, row[1:]...)
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// groups returns the coverage matrix of teams or roles, then each group's
// holes.
func (v *view) groups(title lang.Term, groups []analysis.Group) []table {
	out := []table{v.matrix(title, groups)}
	for _, g := range groups {
		out = append(out, v.holeTable(v.groupHeading(g), g.Holes, 0, len(g.Holes), true))
	}
	return out
}

// groupName names a team or a role.
func (v *view) groupName(g analysis.Group) string {
	if g.Role >= 0 {
		return v.n.Role(g.Role)
	}
	return v.n.Team(g.Name)
}

func (v *view) groupHeading(g analysis.Group) string {
	l := v.l
	who := l.Count(lang.PersonNoun, len(g.Members))
	switch {
	case g.Role >= 0 && g.Name == "":
		return l.F(lang.NoRoleHeading, who)
	case g.Role >= 0:
		return l.F(lang.RoleHeading, v.groupName(g), who)
	case g.Name == "":
		return l.F(lang.NoTeamHeading, who)
	}
	return l.F(lang.TeamHeading, v.groupName(g), who)
}

// matrix is the coverage of every basis competence in each group and in
// the whole unit.
func (v *view) matrix(title lang.Term, groups []analysis.Group) table {
	l, res := v.l, v.res
	t := table{heading: l.T(title), header: []string{l.T(lang.Competence)}, wrap: []bool{true}, right: []bool{false},
		notes: []string{l.F(lang.MatrixNote, v.pctShort(res.Settings.Coverage))}}
	for _, g := range groups {
		t.header = append(t.header, v.groupName(g))
		t.wrap, t.right = append(t.wrap, true), append(t.right, true)
	}
	t.header = append(t.header, l.T(lang.UnitRow))
	t.wrap, t.right = append(t.wrap, true), append(t.right, true)
	for leaf, n := range v.fw.BasisLeaves {
		row := []cell{c(v.n.Node(n))}
		for _, g := range groups {
			row = append(row, v.coverageCell(g.Leaves[leaf]))
		}
		t.rows = append(t.rows, append(row, v.coverageCell(res.Leaves[leaf])))
	}
	return t
}

// coverageCell shows a leaf's coverage, "–" when undefined.
func (v *view) coverageCell(s analysis.LeafStat) cell {
	cov, ok := s.Coverage()
	if !ok {
		return c("–")
	}
	tn := good
	if cov < v.res.Settings.Coverage {
		tn = bad
	}
	return cell{v.l.Percent(cov, 0), tn}
}
