package render

import (
	"fmt"
	"strings"

	"github.com/huller/huller/pkg/analysis"
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

// document builds the document of a result.
func (v *view) document() document {
	res, l := v.res, v.l
	title := fmt.Sprintf(l.title, res.Roster.Source, l.personsN(res.Summary.Persons), v.text(v.fw.Title), v.fw.ID)
	if res.Settings.Team != "" {
		title += " · " + fmt.Sprintf(l.teamOnly, res.Settings.Team)
	}
	d := document{title: title}
	d.tables = append(d.tables, v.summary(), v.holes(l.holes, res.Holes))
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
		heading := fmt.Sprintf(l.teamHeading, t.Name, l.personsN(len(t.Members)))
		if t.Name == "" {
			heading = fmt.Sprintf(l.noTeamHeading, l.personsN(len(t.Members)))
		}
		d.tables = append(d.tables, v.holes(heading, t.Holes))
	}
	return d
}

func (v *view) summary() table {
	res, l := v.res, v.l
	s := res.Summary
	t := table{heading: l.summary, wrap: []bool{false, true}}
	add := func(label, value string, tn tone) {
		t.rows = append(t.rows, []cell{c(label), {value, tn}})
	}
	persons := itoa(s.Persons)
	if res.Listed != nil {
		persons += " (" + fmt.Sprintf(l.listed, len(res.Listed)) + ")"
	}
	add(l.persons, persons, plain)
	if res.Settings.Team != "" {
		add(l.team, res.Settings.Team, plain)
	}
	cov, ok := s.Basis.Coverage()
	covText := v.coverage(cov, ok)
	if ok {
		covText += " (" + fmt.Sprintf(l.coverageOf, s.Basis.Met, s.Basis.Required-s.Basis.NotAssessed) + ")"
	}
	add(l.coverage, covText, v.coverageTone(cov, ok))
	add(l.gapSum, itoa(int(s.Basis.GapSum)), plain)
	add(l.peopleWithGaps, fmt.Sprintf(l.withGaps, s.PeopleWithGaps, s.Persons), plain)
	add(l.notAssessed, itoa(int(s.Basis.NotAssessed)), plain)
	add(l.holes, v.holeCounts(res.Holes), plain)
	st := res.Settings
	add(l.settings, fmt.Sprintf(l.settingsFmt, v.pctShort(st.Coverage), st.Target, v.pctShort(st.Fit), st.MinSpecialists), plain)
	return t
}

// holeCounts returns "n (a kind, b kind, …)".
func (v *view) holeCounts(holes []analysis.Hole) string {
	if len(holes) == 0 {
		return v.l.none
	}
	n := make([]int, len(analysis.Kinds))
	for _, h := range holes {
		n[h.Kind]++
	}
	var parts []string
	for _, k := range analysis.Kinds {
		if n[k] > 0 {
			parts = append(parts, itoa(n[k])+" "+v.l.kinds[k])
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
		header: []string{l.rank, l.severity, l.kind, l.competence, l.cov, l.people},
		right:  []bool{true, true, false, false, true, false},
		wrap:   []bool{false, false, true, true, false, true},
		empty:  l.noHoles}
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
			people += " (" + fmt.Sprintf(l.fitNote, v.pct(h.Fit)) + ")"
		}
		t.rows = append(t.rows, []cell{c(itoa(i + 1)), c(itoa(h.Severity)), {l.kinds[h.Kind], kindTone[h.Kind]},
			c(v.nodeLabel(h.Node)), {cov, bad}, c(people)})
	}
	return t
}

func (v *view) people() table {
	l, res := v.l, v.res
	t := table{heading: l.overview,
		header: []string{l.name, l.role, l.team, l.cov, l.gaps, l.best},
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
	t := table{heading: fmt.Sprintf(l.personGaps, personName(p)) + " · " + v.roleName(p) + " · " + v.teamName(p.Person.Team),
		header: []string{l.competence, l.required, l.level, l.gap},
		right:  []bool{false, true, true, true},
		wrap:   []bool{true, false, false, false},
		empty:  l.noGaps}
	for leaf, n := range v.fw.BasisLeaves {
		R, L := res.Required(pi, leaf), res.Level(pi, leaf)
		switch {
		case R <= 0 || int(L) >= R:
		case L < 0:
			t.rows = append(t.rows, []cell{c(v.nodeLabel(n)), c(itoa(R)), {l.notAssessedCell, warn}, c("–")})
		default:
			t.rows = append(t.rows, []cell{c(v.nodeLabel(n)), c(itoa(R)), c(itoa(int(L))), {itoa(R - int(L)), bad}})
		}
	}
	return t
}

func (v *view) personProfiles(pi int, p *analysis.Person) table {
	l, res := v.l, v.res
	t := table{heading: fmt.Sprintf(l.personProfiles, personName(p)),
		header: []string{l.profile, l.fit, l.fits, l.assigned},
		right:  []bool{false, true, false, false},
		wrap:   []bool{true, false, false, false}}
	for j, pr := range v.fw.Profiles {
		fits := cell{l.no, plain}
		if res.Fits(pi, j) {
			fits = cell{l.yes, good}
		}
		assigned := c(l.no)
		if res.IsAssigned(pi, j) {
			assigned = c(l.yes)
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
	t := table{heading: fmt.Sprintf(l.profileGaps, personName(p)),
		header: []string{l.profile, l.competence, l.target, l.level, l.gap},
		right:  []bool{false, false, true, true, true},
		wrap:   []bool{true, true, false, false, false},
		empty:  l.noGaps}
	for _, g := range p.ProfileGaps {
		n := v.fw.Leaves[g.Leaf]
		t.rows = append(t.rows, []cell{c(n.Profile.ID), c(v.nodeLabel(n)), c(itoa(int(g.Required))),
			c(itoa(int(g.Level))), {itoa(g.Size()), bad}})
	}
	return t
}
