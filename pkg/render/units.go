package render

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/compare"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/privacy"
)

// Units writes a comparison of units in format (one of Formats): a row
// per unit in name order (persons, basis coverage, holes by priority,
// profiles with enough specialists, where the required levels came from)
// and the coverage of every basis competence per unit. It names no
// person; in an aggregate comparison a suppressed figure is shown as ·.
func Units(w io.Writer, format string, c *compare.Comparison, o Options) error {
	if o.Lang == "" {
		o.Lang = "en"
	}
	l := lang.For(o.Lang)
	u := &unitsView{c: c, l: l, v: &view{fw: c.Framework, l: l, o: o}, o: o}
	switch format {
	case FormatTable, "":
		return u.v.draw(w, u.document())
	case FormatMarkdown:
		return u.v.markdown(w, u.document())
	case FormatJSON:
		return u.json(w)
	case FormatCSV:
		return u.csv(w)
	}
	return fmt.Errorf("output format %q is not one of %s", format, strings.Join(Formats(), ", "))
}

type unitsView struct {
	c *compare.Comparison
	l lang.Lang
	v *view
	o Options
}

func (u *unitsView) mark() string { return u.l.T(lang.SuppressedMark) }

// persons says a unit's persons: a number, "fewer than 5", or the mark.
func (u *unitsView) persons(r *compare.Row) string {
	l := u.l
	if r.Small {
		return l.F(lang.FewerThan, l.Int(u.c.Min))
	}
	if n, ok := r.Persons.Count(); ok {
		return l.Int(n)
	}
	return u.mark()
}

// share writes a share with digits decimals, "–" when undefined, or the
// mark.
func (u *unitsView) share(f privacy.Figure, digits int) string {
	x, defined, shown := f.Share()
	switch {
	case !shown:
		return u.mark()
	case !defined:
		return "–"
	}
	return u.l.Percent(x, digits)
}

func (u *unitsView) document() document {
	c, l := u.c, u.l
	fw := c.Framework
	d := document{title: l.F(lang.UnitsTitle, l.Int(len(c.Units)), fw.Text(fw.Title, l.Code()), fw.ID)}
	notes := []string{l.T(lang.UnitsNote)}
	if c.Min > 0 {
		notes = append(notes, l.F(lang.AggregateIntro, l.Int(c.Min)))
	}
	d.tables = append(d.tables, table{notes: notes})
	units := table{heading: l.T(lang.SheetUnits),
		header: []string{l.T(lang.Unit), l.T(lang.Persons), l.T(lang.BasisCoverage), l.T(lang.ProfilesCoveredOf), l.T(lang.RequirementsFrom)},
		right:  []bool{false, true, true, true, false}, wrap: []bool{true, true, true, true, true}}
	holes := table{heading: l.T(lang.UnitsHoles),
		header: []string{l.T(lang.Unit), l.T(lang.TierCannotDeliver), l.T(lang.TierFragile), l.T(lang.TierUnknown), l.T(lang.TierDeveloping)},
		right:  []bool{false, true, true, true, true}, wrap: []bool{true, true, true, true, true}}
	var warnings []string
	for i := range c.Units {
		r := &c.Units[i]
		covered := u.mark()
		if !r.Small {
			covered = l.Of(r.Covered, r.Profiles)
		}
		units.rows = append(units.rows, []cell{c1(r.Name), c1(u.persons(r)), c1(u.share(r.Basis, 1)), c1(covered),
			c1(compare.RequirementsText(l, r.Requirements))})
		row := []cell{c1(r.Name)}
		for _, t := range analysis.Tiers {
			if r.Small {
				row = append(row, c1(u.mark()))
			} else {
				row = append(row, c1(l.Int(r.Tiers[t])))
			}
		}
		holes.rows = append(holes.rows, row)
		if r.Warnings > 0 {
			warnings = append(warnings, l.F(lang.UnitsWarnings, r.Name, l.Count(lang.WarningNoun, r.Warnings)))
		}
	}
	units.notes = warnings
	d.tables = append(d.tables, units, holes, u.matrix())
	return d
}

func c1(s string) cell { return cell{s: s} }

// matrix is the coverage of every basis competence per unit.
func (u *unitsView) matrix() table {
	c, l := u.c, u.l
	t := table{heading: l.T(lang.UnitsCoverage), header: []string{l.T(lang.Competence)}, wrap: []bool{true}, right: []bool{false},
		notes: []string{l.F(lang.MatrixNote, l.Share(c.Settings.Coverage))}}
	if c.Min > 0 {
		t.notes = append(t.notes, l.F(lang.SuppressedNote, l.Int(c.Min)))
	}
	for _, r := range c.Units {
		t.header = append(t.header, r.Name)
		t.wrap, t.right = append(t.wrap, true), append(t.right, true)
	}
	for leaf, n := range c.Framework.BasisLeaves {
		row := []cell{c1(u.v.text(n.Name))}
		row[0].s = n.ID + " " + row[0].s
		for _, r := range c.Units {
			x, defined, shown := r.Coverage[leaf].Share()
			switch {
			case !shown:
				row = append(row, c1(u.mark()))
			case !defined:
				row = append(row, c1("–"))
			case x < c.Settings.Coverage:
				row = append(row, cell{l.Percent(x, 0), bad})
			default:
				row = append(row, cell{l.Percent(x, 0), good})
			}
		}
		t.rows = append(t.rows, row)
	}
	return t
}

type jUnitCompetence struct {
	ID         string   `json:"id"`
	Assessed   *int     `json:"assessed"`
	Met        *int     `json:"met"`
	Coverage   *float64 `json:"coverage"`
	Suppressed []string `json:"suppressed"`
}

type jUnitHole struct {
	Tier string `json:"tier"`
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

type jRoleSource struct {
	Role string `json:"role"`
	From string `json:"from"`
}

type jUnit struct {
	Name            string            `json:"name"`
	File            string            `json:"file"`
	Persons         *int              `json:"persons"`
	Small           bool              `json:"small"`
	Coverage        *float64          `json:"coverage"`
	Met             *int              `json:"met"`
	Assessed        *int              `json:"assessed"`
	Tiers           map[string]int    `json:"tiers"`
	Holes           []jUnitHole       `json:"holes"`
	ProfilesCovered *int              `json:"profiles_covered"`
	Profiles        int               `json:"profiles"`
	Requirements    []jRoleSource     `json:"requirements"`
	Competences     []jUnitCompetence `json:"competences"`
	Warnings        int               `json:"warnings"`
	Suppressed      []string          `json:"suppressed"`
}

// json writes the comparison: the settings and one object per unit, in
// name order.
func (u *unitsView) json(w io.Writer) error {
	c := u.c
	fw := c.Framework
	j := &jsonWriter{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.enc.SetIndent("  ", "  ")
	j.raw("{\n")
	j.field("schema_version", SchemaVersion)
	m := mode(u.o)
	if c.Min > 0 {
		m = "aggregate"
	}
	j.field("mode", m)
	j.field("audience", audience(u.o))
	j.field("min_cell", c.Min)
	j.field("framework", jFramework{ID: fw.ID, Title: u.v.text(fw.Title), File: fw.File, Extends: fw.Extends,
		BasisLeaves: len(fw.BasisLeaves), ProfileLeaves: len(fw.Leaves) - len(fw.BasisLeaves), Profiles: len(fw.Profiles)})
	j.field("settings", jsonSettings(c.Settings))
	j.array("units", len(c.Units), func(i int) any { return u.jsonUnit(&c.Units[i]) })
	j.last("order", "name")
	j.raw("}\n")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

func (u *unitsView) jsonUnit(r *compare.Row) jUnit {
	var s sup
	ju := jUnit{Name: r.Name, File: r.File, Small: r.Small, Tiers: map[string]int{}, Holes: []jUnitHole{},
		Profiles: r.Profiles, Requirements: []jRoleSource{}, Competences: []jUnitCompetence{}, Warnings: r.Warnings}
	ju.Persons = s.count("persons", r.Persons)
	ju.Coverage = s.share("coverage", r.Basis)
	ju.Met, ju.Assessed = parts(r.Basis)
	if ju.Met == nil {
		s.names = append(s.names, "met", "assessed")
	}
	for _, t := range analysis.Tiers {
		ju.Tiers[t.String()] = r.Tiers[t]
	}
	for _, h := range r.Holes {
		ju.Holes = append(ju.Holes, jUnitHole{Tier: h.Tier.String(), Kind: h.Kind, ID: h.Node.ID})
	}
	if !r.Small {
		ju.ProfilesCovered = &r.Covered
	} else {
		s.names = append(s.names, "profiles_covered")
	}
	for _, rs := range r.Requirements {
		ju.Requirements = append(ju.Requirements, jRoleSource{rs.Role, rs.From})
	}
	for leaf, n := range u.c.Framework.BasisLeaves {
		var cs sup
		jc := jUnitCompetence{ID: n.ID}
		jc.Coverage = cs.share("coverage", r.Coverage[leaf])
		jc.Met, jc.Assessed = parts(r.Coverage[leaf])
		if jc.Met == nil {
			cs.names = append(cs.names, "met", "assessed")
		}
		jc.Suppressed = cs.list()
		ju.Competences = append(ju.Competences, jc)
	}
	ju.Suppressed = s.list()
	return ju
}

// csv writes one row per unit and basis competence, in the columns of an
// aggregate report's CSV.
func (u *unitsView) csv(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(aggCSVHeader); err != nil {
		return err
	}
	for _, r := range u.c.Units {
		for leaf, n := range u.c.Framework.BasisLeaves {
			if err := cw.Write(coverageRow(r.Name, "", "unit", n.ID, u.v.text(n.Name), r.Coverage[leaf])); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
