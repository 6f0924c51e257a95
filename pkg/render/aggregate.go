package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
	"github.com/huller/huller/pkg/privacy"
)

// Aggregate writes an aggregate report in format (one of Formats): the
// unit's and its groups' figures and holes, without a person, each
// suppressed figure shown as · (see privacy.Report). It is the only
// renderer of an aggregate report: it reads nothing but rep.
func Aggregate(w io.Writer, format string, rep *privacy.Report, o Options) error {
	a := newAggView(rep, o)
	switch format {
	case FormatTable, "":
		return a.v.draw(w, a.document())
	case FormatMarkdown:
		return a.v.markdown(w, a.document())
	case FormatJSON:
		return a.json(w)
	case FormatCSV:
		return a.csv(w)
	}
	return fmt.Errorf("output format %q is not one of %s", format, strings.Join(Formats(), ", "))
}

// aggView bundles what the aggregate renderers need; v draws documents (it
// has no result).
type aggView struct {
	rep *privacy.Report
	l   lang.Lang
	n   *narrate.Aggregate
	v   *view
	o   Options
}

func newAggView(rep *privacy.Report, o Options) *aggView {
	if o.Lang == "" {
		o.Lang = "en"
	}
	l := lang.For(o.Lang)
	return &aggView{rep: rep, l: l, n: narrate.NewAggregate(rep, l), v: &view{fw: rep.Framework, l: l, o: o}, o: o}
}

// mark is the suppressed mark.
func (a *aggView) mark() string { return a.l.T(lang.SuppressedMark) }

// document is the aggregate report for the terminal and Markdown: the
// title, what the report is, the notes on defaults, the summary, the
// unit's holes by priority, the coverage matrix of the groups and each
// group's holes.
func (a *aggView) document() document {
	rep, l := a.rep, a.l
	fw := rep.Framework
	title := l.F(lang.AnalysisTitle, rep.Source, a.n.Persons(&rep.Unit), fw.Text(fw.Title, l.Code()), fw.ID)
	if rep.Settings.Team != "" {
		title += " · " + l.F(lang.TeamOnly, rep.Settings.Team)
	}
	d := document{title: title}
	intro := []string{l.F(lang.AggregateIntro, l.Int(rep.Min))}
	if rep.Warnings > 0 {
		intro = append(intro, l.F(lang.WarningsHidden, l.Count(lang.WarningNoun, rep.Warnings)))
	}
	intro = append(intro, a.n.DefaultsNotes()...)
	d.tables = append(d.tables, table{notes: intro}, a.summary())
	d.tables = append(d.tables, a.holesByTier(&rep.Unit)...)
	title2 := lang.ByTeamTitle
	if rep.Breakdown == privacy.ByRole {
		title2 = lang.ByRoleTitle
	}
	d.tables = append(d.tables, a.matrix(title2))
	for i := range rep.Groups {
		g := &rep.Groups[i]
		if g.Small {
			d.tables = append(d.tables, table{heading: l.F(lang.GroupSmall, a.n.Group(g), l.Int(rep.Min))})
			continue
		}
		d.tables = append(d.tables, a.holeTable(a.groupHeading(g), g, 0, len(g.Holes), true))
	}
	return d
}

func (a *aggView) groupHeading(g *privacy.Group) string {
	l, who := a.l, a.n.Persons(g)
	switch {
	case g.Role >= 0:
		return l.F(lang.RoleHeading, a.n.Group(g), who)
	case g.Name == "":
		return l.F(lang.NoTeamHeading, who)
	}
	return l.F(lang.TeamHeading, g.Name, who)
}

// summary is the unit's key figures and the settings.
func (a *aggView) summary() table {
	rep, l, u := a.rep, a.l, &a.rep.Unit
	t := table{heading: l.T(lang.Summary), wrap: []bool{true, true}}
	add := func(label, value string) { t.rows = append(t.rows, []cell{c(label), c(value)}) }
	persons := a.n.Count(u.Persons)
	if u.Small {
		persons = l.F(lang.FewerThan, l.Int(rep.Min))
	}
	add(l.T(lang.Persons), persons)
	if rep.Settings.Team != "" {
		add(l.T(lang.Team), rep.Settings.Team)
	}
	cov := a.n.Percent(u.Basis, 1)
	if k, n, ok := u.Basis.Of(); ok && n > 0 {
		cov += " (" + l.F(lang.CoverageOf, k, n) + ")"
	}
	add(l.T(lang.BasisCoverage), cov)
	add(l.T(lang.PeopleWithGaps), a.n.Of(u.PeopleWithGaps))
	holes := l.T(lang.None)
	if len(u.Holes) > 0 {
		holes = l.Int(len(u.Holes)) + ": " + a.n.Tiers(u.Holes)
	}
	add(l.T(lang.Holes), holes)
	add(l.T(lang.Settings), a.settings())
	add(l.T(lang.MinCellL), l.Int(rep.Min))
	return t
}

// settings says the thresholds in use.
func (a *aggView) settings() string {
	return narrate.Settings(a.l, a.rep.Settings, a.rep.Targets, a.rep.Teach)
}

// holesByTier returns the unit's holes as one table per tier, numbered
// across the tables; Options.Limit bounds the rows in all.
func (a *aggView) holesByTier(g *privacy.Group) []table {
	if g.Small {
		return nil
	}
	return byTier(a.l, len(g.Holes), a.o.Limit, func(i int) analysis.Tier { return g.Holes[i].Tier },
		func(lo, hi int) table { return a.holeTable(a.n.Tier(g.Holes[lo].Tier), g, lo, hi, false) })
}

// holeTable lays out g's holes lo..hi-1 (numbered from lo+1); with tier, a
// column says each hole's priority.
func (a *aggView) holeTable(heading string, g *privacy.Group, lo, hi int, tier bool) table {
	l := a.l
	t := holesHead(l, heading, tier)
	for i := lo; i < hi; i++ {
		if a.o.Limit > 0 && i == a.o.Limit {
			t.omitted = hi - i
			break
		}
		h := g.Holes[i]
		status := a.n.Status(h)
		if d := a.n.Details(h, g); d != "" {
			status += "; " + d
		}
		effort := a.mark()
		if e, ok := h.Effort(); ok {
			effort = l.Int(e)
		}
		row := []cell{c(l.Int(i + 1)), {a.n.Label(h), tierTone[h.Tier]}, c(a.n.Node(h.Node)), c(status), c(effort)}
		if tier {
			row = append([]cell{row[0], {a.n.Tier(h.Tier), tierTone[h.Tier]}}, row[1:]...)
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// matrix is the coverage of every basis competence in each group and in
// the whole unit.
func (a *aggView) matrix(title lang.Term) table {
	l, rep := a.l, a.rep
	t := table{heading: l.T(title), header: []string{l.T(lang.Competence)}, wrap: []bool{true}, right: []bool{false},
		notes: []string{l.F(lang.MatrixNote, l.Share(rep.Settings.Coverage)), l.F(lang.SuppressedNote, l.Int(rep.Min))}}
	groups := append(rep.Groups[:len(rep.Groups):len(rep.Groups)], rep.Unit)
	for i := range groups {
		name := a.n.Group(&groups[i])
		if i == len(groups)-1 {
			name = l.T(lang.UnitRow)
		}
		t.header = append(t.header, name)
		t.wrap, t.right = append(t.wrap, true), append(t.right, true)
	}
	for leaf, n := range rep.Framework.BasisLeaves {
		row := []cell{c(a.n.Node(n))}
		for i := range groups {
			row = append(row, a.coverageCell(groups[i].Leaves[leaf].Coverage))
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// coverageCell shows a coverage, "–" when undefined, · when suppressed.
func (a *aggView) coverageCell(f privacy.Figure) cell {
	x, defined, shown := f.Share()
	switch {
	case !shown:
		return c(a.mark())
	case !defined:
		return c("–")
	}
	tn := good
	if x < a.rep.Settings.Coverage {
		tn = bad
	}
	return cell{a.l.Percent(x, 0), tn}
}
