// Package inspect finds what personal data a workbook (or CSV file) holds,
// so that a user can check a file before sending it: for huller's own
// reports what their document properties say they were made for, and for
// any workbook the columns of names and ids (found by the headers a roster
// may have: name, navn, ime, medarbejdernr, …, and the columns of huller's
// reports that list persons) with how many rows hold them, and whether
// those values are pseudonyms.
//
// It reads the file as rosters are read (bounded in memory and size); it
// cannot read free text (comments, notes in cells) for names.
package inspect

import (
	"regexp"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/internal/spreadsheet"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/roster"
)

// headerRows is how far down a sheet the header row is looked for (the
// Heatmap of a report has hidden rows of required levels above it).
const headerRows = 2000

// Result is what one file holds of persons.
type Result struct {
	File string
	// Huller is what a huller report's document properties say; nil for
	// any other file.
	Huller *Recorded
	// Sheets are the sheets (one, "", for a CSV file) with columns of
	// persons.
	Sheets []Sheet
}

// Recorded is what a huller report says of itself.
type Recorded struct {
	// Report is what the workbook is: report, talk, aggregate or units.
	Report string
	// Audience is leader, committee or person; Mode named, pseudonymised
	// or aggregate; Pseudonyms keyed, numbered or "".
	Audience, Mode, Pseudonyms string
	// MinCell is the minimum of an aggregate report ("" otherwise).
	MinCell string
}

// Sheet is a sheet with columns of persons.
type Sheet struct {
	Name    string
	Columns []Column
}

// Column is a column that names persons.
type Column struct {
	// Col is the column (1-based) and Header its header.
	Col    int
	Header string
	// Kind is "name", "id" (a roster's columns) or "list" (a cell listing
	// persons, as a report's "who is below it").
	Kind string
	// Values counts the rows below the header with a value in the column,
	// of which Pseudonyms hold only pseudonyms.
	Values, Pseudonyms int
}

// Personal reports whether the file holds personal data: a column of
// names, ids or pseudonyms with values, or a huller report that says it
// names persons or shows them by pseudonyms (pseudonymised data are
// personal data too).
func (r *Result) Personal() bool {
	if r.Huller != nil && (r.Huller.Mode == "named" || r.Huller.Mode == "pseudonymised") {
		return true
	}
	for _, s := range r.Sheets {
		for _, c := range s.Columns {
			if c.Values > 0 {
				return true
			}
		}
	}
	return false
}

// pseudonym matches huller's pseudonyms, keyed or numbered.
var pseudonym = regexp.MustCompile(`^P-(?:[0-9A-F]{8}|[0-9A-F]{16}|[0-9]{4,})$`)

// File inspects the file at path.
func File(path string) (*Result, error) {
	f, err := spreadsheet.Open(spreadsheet.FileSource(path, nil), spreadsheet.Options{})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res := &Result{File: f.Name()}
	if kind, ok, err := f.Property(privacy.PropReport); err != nil {
		return nil, err
	} else if ok {
		rec := &Recorded{Report: kind}
		for _, p := range []struct {
			name string
			to   *string
		}{{privacy.PropAudience, &rec.Audience}, {privacy.PropMode, &rec.Mode}, {privacy.PropPseudonyms, &rec.Pseudonyms}, {privacy.PropMinCell, &rec.MinCell}} {
			if *p.to, _, err = f.Property(p.name); err != nil {
				return nil, err
			}
		}
		res.Huller = rec
	}
	sheets := []string{""}
	if f.Format() == spreadsheet.XLSX {
		sheets = sheets[:0]
		for _, s := range f.Sheets() {
			if !s.Chart {
				sheets = append(sheets, s.Name)
			}
		}
	}
	for _, name := range sheets {
		if res.Huller != nil && frameworkSheet(name) {
			continue // the framework as used: competences, not persons
		}
		s, err := sheet(f, name)
		if err != nil {
			return nil, err
		}
		if len(s.Columns) > 0 {
			res.Sheets = append(res.Sheets, s)
		}
	}
	return res, nil
}

// sheet finds the columns of persons of one sheet.
func sheet(f *spreadsheet.File, name string) (Sheet, error) {
	s := Sheet{Name: name}
	rows, err := f.Rows(name)
	if err != nil {
		return s, err
	}
	defer rows.Close()
	found := false
	for rows.Next() {
		cells := rows.Cells()
		if !found {
			if rows.Row() > headerRows && rows.Line() == 0 || rows.Line() > headerRows {
				break
			}
			s.Columns = headerColumns(cells)
			found = len(s.Columns) > 0
			continue
		}
		for i := range s.Columns {
			c := &s.Columns[i]
			if c.Col-1 >= len(cells) {
				continue
			}
			v := strings.TrimSpace(cells[c.Col-1])
			if v == "" || v == "–" {
				continue
			}
			c.Values++
			if pseudonyms(v) {
				c.Pseudonyms++
			}
		}
	}
	return s, rows.Err()
}

// pseudonyms reports whether v holds only pseudonyms (one, or a list as a
// report's cells hold: "P-0001, P-0002 (P-0002)").
func pseudonyms(v string) bool {
	for _, w := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '(' || r == ')' || r == ';' }) {
		if !pseudonym.MatchString(w) {
			return false
		}
	}
	return true
}

// headerColumns returns the columns of a row that head persons: the first
// name column, the first id column and every list column. An id column
// counts only beside a name column (as in a roster): alone, "ID" heads
// competence ids in huller's reports.
func headerColumns(cells []string) []Column {
	var out []Column
	names, ids := false, false
	for i, h := range cells {
		k := kindOf(h)
		if k == "" || k == "name" && names || k == "id" && ids {
			continue
		}
		out = append(out, Column{Col: i + 1, Header: strings.TrimSpace(h), Kind: k})
		names, ids = names || k == "name", ids || k == "id"
	}
	if !names {
		out = slices.DeleteFunc(out, func(c Column) bool { return c.Kind == "id" })
	}
	return out
}

// listHeaders are the headers of huller's report columns that list
// persons, in every language.
var listHeaders = func() map[string]bool {
	m := map[string]bool{}
	for _, code := range lang.Languages {
		l := lang.For(code)
		for _, t := range []lang.Term{lang.WhoLacks, lang.WhoShares, lang.Helpers} {
			m[strings.ToLower(l.T(t))] = true
		}
	}
	return m
}()

// frameworkSheet reports whether a sheet of a huller report is its
// Framework sheet (in any language, or continued: "Framework (2)").
func frameworkSheet(name string) bool {
	for _, code := range lang.Languages {
		base := lang.For(code).T(lang.SheetFramework)
		if name == base || strings.HasPrefix(name, base+" (") {
			return true
		}
	}
	return false
}

// kindOf returns the kind of column a header heads: name, id, list or "".
func kindOf(header string) string {
	if k := roster.PersonColumn(header); k != "" {
		return k
	}
	if listHeaders[strings.ToLower(strings.TrimSpace(header))] {
		return "list"
	}
	return ""
}
