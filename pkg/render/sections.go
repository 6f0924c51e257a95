package render

import (
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
	right   []bool   // right-aligned (numeric) columns
	wrap    []bool   // columns whose text may wrap to fit the width
	omitted int      // rows left out by Options.Limit
	empty   string   // shown instead of a table without rows
	notes   []string // paragraphs shown after the table (or instead of it)
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
		for j := range t.notes {
			t.notes[j] = f(t.notes[j])
		}
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

// document builds the document of a result: for a leader, the notes on
// the defaults in use, the summary, the holes by priority, the teams and
// roles when asked, and the people; with --person, each listed person's
// own view and nothing of anyone else.
func (v *view) document() document {
	res, l := v.res, v.l
	title := l.F(lang.AnalysisTitle, res.Roster.Source, l.Count(lang.PersonNoun, res.Summary.Persons), v.text(v.fw.Title), v.fw.ID)
	if res.Settings.Team != "" {
		title += " · " + l.F(lang.TeamOnly, res.Settings.Team)
	}
	d := document{title: title}
	if note := pseudonymsNote(l, v.o); note != "" {
		d.tables = append(d.tables, table{notes: []string{note}})
	}
	if res.Listed != nil {
		for i := range res.ListedPeople() {
			d.tables = append(d.tables, v.talk(i)...)
		}
		return d
	}
	if notes := v.n.DefaultsNotes(); len(notes) > 0 {
		d.tables = append(d.tables, table{notes: notes})
	}
	d.tables = append(d.tables, v.summary())
	d.tables = append(d.tables, v.holesByTier(res.Holes)...)
	if res.Settings.ByTeam {
		d.tables = append(d.tables, v.groups(lang.ByTeamTitle, res.Teams)...)
	}
	if res.Settings.ByRole {
		d.tables = append(d.tables, v.groups(lang.ByRoleTitle, res.RoleGroups)...)
	}
	d.tables = append(d.tables, v.people())
	return d
}
