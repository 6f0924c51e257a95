package render

import (
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
)

// tone is the meaning of a cell, shown as a colour on a terminal.
type tone uint8

const (
	plain tone = iota
	bad
	warn
	good
)

type cell struct {
	s    string
	tone tone
}

func c(s string) cell { return cell{s: s} }

// table is a format-neutral table of the terminal and Markdown output.
type table struct {
	heading string   // shown above the table; "" for none
	header  []string // nil for a list of label/value pairs
	rows    [][]cell
	right   []bool // right-aligned (numeric) columns
	wrap    []bool // columns whose text may wrap to fit the width
	omitted int    // rows left out by Options.Limit
	empty   string // shown instead of a table without rows
}

// document is everything the human renderers show, in order.
type document struct {
	title  string
	tables []table
}

// each replaces every text of the document d by f(text).
func (d *document) each(f func(string) string) {
	d.title = f(d.title)
	for i := range d.tables {
		t := &d.tables[i]
		t.heading, t.empty = f(t.heading), f(t.empty)
		for j := range t.header {
			t.header[j] = f(t.header[j])
		}
		for _, row := range t.rows {
			for j := range row {
				row[j].s = f(row[j].s)
			}
		}
	}
}

// document builds the document of a result.
func (v *view) document() document {
	res, l := v.res, v.l
	title := l.F(lang.AnalysisTitle, res.Roster.Source, l.Count(lang.PersonNoun, res.Summary.Persons), v.text(v.fw.Title), v.fw.ID)
	if res.Settings.Team != "" {
		title += " · " + l.F(lang.TeamOnly, res.Settings.Team)
	}
	d := document{title: title}
	d.tables = append(d.tables, v.summary(), v.holes(l.T(lang.Holes), res.Holes))
	if res.Listed != nil {
		for i, p := range res.ListedPeople() {
			d.tables = append(d.tables, v.personGaps(i, p), v.personProfiles(i, p))
			if len(p.Assigned) > 0 {
				d.tables = append(d.tables, v.profileGaps(p))
			}
		}
	} else {
		d.tables = append(d.tables, v.people())
	}
	for _, t := range res.Teams {
		heading := l.F(lang.TeamHeading, t.Name, l.Count(lang.PersonNoun, len(t.Members)))
		if t.Name == "" {
			heading = l.F(lang.NoTeamHeading, l.Count(lang.PersonNoun, len(t.Members)))
		}
		d.tables = append(d.tables, v.holes(heading, t.Holes))
	}
	return d
}

func (v *view) summary() table {
	res, l := v.res, v.l
	s := res.Summary
	t := table{heading: l.T(lang.Summary), wrap: []bool{false, true}}
	add := func(label, value string, tn tone) {
		t.rows = append(t.rows, []cell{c(label), {value, tn}})
	}
	persons := itoa(s.Persons)
	if res.Listed != nil {
		persons += " (" + l.F(lang.Listed, len(res.Listed)) + ")"
	}
	add(l.T(lang.Persons), persons, plain)
	if res.Settings.Team != "" {
		add(l.T(lang.Team), res.Settings.Team, plain)
	}
	cov, ok := s.Basis.Coverage()
	covText := v.coverage(cov, ok)
	if ok {
		covText += " (" + l.F(lang.CoverageOf, s.Basis.Met, s.Basis.Required-s.Basis.NotAssessed) + ")"
	}
	add(l.T(lang.BasisCoverage), covText, v.coverageTone(cov, ok))
	add(l.T(lang.GapSum), itoa(int(s.Basis.GapSum)), plain)
	add(l.T(lang.PeopleWithGaps), l.Of(s.PeopleWithGaps, s.Persons), plain)
	add(l.T(lang.NotAssessedReqs), itoa(int(s.Basis.NotAssessed)), plain)
	add(l.T(lang.Holes), v.holeCounts(res.Holes), plain)
	st := res.Settings
	add(l.T(lang.Settings), l.F(lang.SettingsLine, v.pctShort(st.Coverage), st.Target, v.pctShort(st.Fit), st.MinSpecialists), plain)
	return t
}

// holeCounts returns "n (a kind, b kind, …)".
func (v *view) holeCounts(holes []analysis.Hole) string {
	if len(holes) == 0 {
		return v.l.T(lang.None)
	}
	n := make([]int, len(analysis.Kinds))
	for _, h := range holes {
		n[h.Kind]++
	}
	var parts []string
	for _, k := range analysis.Kinds {
		if n[k] > 0 {
			parts = append(parts, itoa(n[k])+" "+v.kind(k))
		}
	}
	return itoa(len(holes)) + " (" + strings.Join(parts, ", ") + ")"
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

var kindTone = map[analysis.Kind]tone{
	analysis.KindBasis: bad, analysis.KindUnassessed: warn, analysis.KindProfile: bad,
	analysis.KindAssignment: warn, analysis.KindSinglePoint: warn,
}

// maxNames is how many names a holes table shows per hole.
const maxNames = 5

func (v *view) holes(heading string, holes []analysis.Hole) table {
	l := v.l
	t := table{heading: heading,
		header: []string{l.T(lang.Rank), l.T(lang.Severity), l.T(lang.KindHeader), l.T(lang.Competence), l.T(lang.Coverage), l.T(lang.Persons)},
		right:  []bool{true, true, false, false, true, false},
		wrap:   []bool{false, false, true, true, false, true},
		empty:  l.T(lang.NoHoles)}
	for i, h := range holes {
		if v.o.Limit > 0 && i == v.o.Limit {
			t.omitted = len(holes) - i
			break
		}
		cov := ""
		if h.HasCoverage {
			cov = v.pct(h.Coverage)
		}
		people := v.names(h.People, maxNames)
		if h.Kind == analysis.KindAssignment {
			people += " (" + l.F(lang.FitOf, v.pct(h.Fit)) + ")"
		}
		t.rows = append(t.rows, []cell{c(itoa(i + 1)), c(itoa(h.Severity)), {v.kind(h.Kind), kindTone[h.Kind]},
			c(v.nodeLabel(h.Node)), {cov, bad}, c(people)})
	}
	return t
}

func (v *view) people() table {
	l, res := v.l, v.res
	t := table{heading: l.T(lang.SheetPeople),
		header: []string{l.T(lang.Name), l.T(lang.Role), l.T(lang.Team), l.T(lang.Coverage), l.T(lang.GapSum), l.T(lang.BestProfile)},
		right:  []bool{false, false, false, true, true, false},
		wrap:   []bool{true, true, true, false, false, true}}
	for i, p := range res.ListedPeople() {
		if v.o.Limit > 0 && len(t.rows) == v.o.Limit {
			t.omitted = len(res.People) - len(t.rows)
			break
		}
		cov, ok := p.Basis.Coverage()
		gaps := cell{itoa(int(p.Basis.GapSum)), plain}
		if p.Basis.GapSum > 0 {
			gaps.tone = bad
		}
		t.rows = append(t.rows, []cell{c(personName(p)), c(v.roleName(p)), c(v.teamName(p.Person.Team)),
			{v.coverage(cov, ok), v.coverageTone(cov, ok)}, gaps, c(v.best(i))})
	}
	return t
}

// best returns "profile, profile (fit)" of a person's best profiles.
func (v *view) best(p int) string {
	best, fit := v.res.Best(p)
	if len(best) == 0 {
		return "–"
	}
	names := make([]string, len(best))
	for k, j := range best {
		names[k] = v.text(v.fw.Profiles[j].Name)
		if names[k] == "" {
			names[k] = v.fw.Profiles[j].ID
		}
	}
	return strings.Join(names, ", ") + " (" + v.pct(fit) + ")"
}

// personGaps lists every required basis leaf a person does not meet: the
// gaps, and the leaves not assessed.
func (v *view) personGaps(pi int, p *analysis.Person) table {
	l, res := v.l, v.res
	t := table{heading: l.F(lang.PersonGaps, personName(p)) + " · " + v.roleName(p) + " · " + v.teamName(p.Person.Team),
		header: []string{l.T(lang.Competence), l.T(lang.Required), l.T(lang.Level), l.T(lang.Gap)},
		right:  []bool{false, true, true, true},
		wrap:   []bool{true, false, false, false},
		empty:  l.T(lang.NoGaps)}
	for leaf, n := range v.fw.BasisLeaves {
		R, L := res.Required(pi, leaf), res.Level(pi, leaf)
		switch {
		case R <= 0 || int(L) >= R:
		case L < 0:
			t.rows = append(t.rows, []cell{c(v.nodeLabel(n)), c(itoa(R)), {l.T(lang.NotAssessedCell), warn}, c("–")})
		default:
			t.rows = append(t.rows, []cell{c(v.nodeLabel(n)), c(itoa(R)), c(itoa(int(L))), {itoa(R - int(L)), bad}})
		}
	}
	return t
}

func (v *view) personProfiles(pi int, p *analysis.Person) table {
	l, res := v.l, v.res
	t := table{heading: l.F(lang.PersonProfiles, personName(p)),
		header: []string{l.T(lang.Profile), l.T(lang.Fit), l.T(lang.Fits), l.T(lang.Assigned)},
		right:  []bool{false, true, false, false},
		wrap:   []bool{true, false, false, false}}
	for j, pr := range v.fw.Profiles {
		fits := cell{l.T(lang.No), plain}
		if res.Fits(pi, j) {
			fits = cell{l.T(lang.Yes), good}
		}
		assigned := c(l.T(lang.No))
		if res.IsAssigned(pi, j) {
			assigned = c(l.T(lang.Yes))
			if fits.tone != good {
				fits.tone = bad
			}
		}
		t.rows = append(t.rows, []cell{c(v.nodeLabel(pr)), c(v.pct(res.Fit(pi, j))), fits, assigned})
	}
	return t
}

func (v *view) profileGaps(p *analysis.Person) table {
	l := v.l
	t := table{heading: l.F(lang.ProfileGaps, personName(p)),
		header: []string{l.T(lang.Profile), l.T(lang.Competence), l.T(lang.Target), l.T(lang.Level), l.T(lang.Gap)},
		right:  []bool{false, false, true, true, true},
		wrap:   []bool{true, true, false, false, false},
		empty:  l.T(lang.NoGaps)}
	for _, g := range p.ProfileGaps {
		n := v.fw.Leaves[g.Leaf]
		t.rows = append(t.rows, []cell{c(n.Profile.ID), c(v.nodeLabel(n)), c(itoa(int(g.Required))),
			c(itoa(int(g.Level))), {itoa(g.Size()), bad}})
	}
	return t
}
