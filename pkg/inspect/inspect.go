// Package inspect finds what personal data a workbook (or CSV file) holds,
// so that a user can check a file before sending it: for huller's own
// reports what their document properties say they were made for, and for
// any workbook the columns of names and ids (found by the headers a roster
// may have: name, navn, ime, medarbejdernr, …, and the columns of huller's
// reports that list persons) with how many rows hold them, and whether
// those values are pseudonyms.
//
// It reads the file as rosters are read (bounded in memory and size). It
// cannot read free text for names: it lists who wrote the cell comments
// (other than huller), and counts a file with such comments as one that
// may hold personal data.
//
// It also gives the document's author and last editor as its properties
// name them: personal data of whoever made the file, not of the persons
// assessed.
package inspect

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/internal/spreadsheet"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/roster"
)

// formInstructions is the sheet of huller's roster template that explains
// the framework (rosterform.SheetInstructions): competences, not persons.
const formInstructions = "Instructions"

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
	// Creator and LastModifiedBy are the author and the last editor the
	// document properties name, "" when none or huller.
	Creator, LastModifiedBy string
	// Comments are the authors of the cell comments that huller did not
	// write, each with how many they wrote.
	Comments []CommentAuthor
}

// CommentAuthor is an author of cell comments ("" for comments saved
// without their author's name).
type CommentAuthor struct {
	Name     string
	Comments int
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

// Where names column c of sheet s as a user finds it: by letter in a
// workbook ("column K"), by number in a CSV file ("column 11").
func (s Sheet) Where(c Column) string {
	if s.Name == "" {
		return fmt.Sprintf("column %d", c.Col)
	}
	return "column " + spreadsheet.ColumnName(c.Col-1)
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

// Personal reports whether the file holds or may hold personal data: it
// shows persons (see Persons; pseudonymised data are personal data too),
// or it has cell comments not written by huller, which may say anything of
// anyone.
func (r *Result) Personal() bool {
	return r.Persons() || len(r.Comments) > 0
}

// Persons reports whether the file shows persons: a column of names, ids
// or pseudonyms with values, or a huller report that says it names persons
// or shows them by pseudonyms. Personal is Persons, or cell comments huller
// cannot check.
func (r *Result) Persons() bool {
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
	if err := authors(f, res); err != nil {
		return nil, err
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
	form := false // a roster made from huller's template
	if _, ok, err := f.Property(roster.PropFramework); err != nil {
		return nil, err
	} else if ok {
		form = true
	}
	for _, name := range sheets {
		if res.Huller != nil && frameworkSheet(name) || form && name == formInstructions {
			continue // the framework as used: competences, not persons
		}
		s, err := sheet(f, name, res.Huller != nil)
		if err != nil {
			return nil, err
		}
		if len(s.Columns) > 0 {
			res.Sheets = append(res.Sheets, s)
		}
	}
	return res, nil
}

// authors records whom the file names as its authors, and who wrote its
// cell comments, leaving out huller: huller's workbooks are made by
// "huller" or "huller VERSION" ("huller 1.2.0", "huller (devel)"), and
// their comments (competences' statements, explanations of headers) by
// "huller". LibreOffice saves comments without their author; in a huller
// report, comments without one are huller's when their texts are the
// texts huller wrote (the digest it recorded, privacy.PropComments).
func authors(f *spreadsheet.File, res *Result) error {
	a, err := f.Authorship()
	if err != nil {
		return err
	}
	isHuller := func(s string) bool { return s == "huller" || strings.HasPrefix(s, "huller ") }
	if !isHuller(a.Creator) {
		res.Creator = a.Creator
	}
	if !isHuller(a.LastModifiedBy) {
		res.LastModifiedBy = a.LastModifiedBy
	}
	// the comments are huller's as written when their texts are, though an
	// application (LibreOffice) saved them without their author
	recorded, _, err := f.Property(privacy.PropComments)
	if err != nil {
		return err
	}
	own := res.Huller != nil && recorded != "" && recorded == a.Digest
	for _, c := range a.Comments {
		if !isHuller(c.Name) && !(own && c.Name == "") {
			res.Comments = append(res.Comments, CommentAuthor{c.Name, c.Comments})
		}
	}
	return nil
}

// sheet finds the columns of persons of one sheet (of a huller report when
// report).
func sheet(f *spreadsheet.File, name string, report bool) (Sheet, error) {
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
			s.Columns = headerColumns(cells, report)
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
	for _, p := range phrases {
		v, _ = strings.CutSuffix(v, p)
	}
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
// competence ids in huller's reports. In a huller report, the columns of
// its plans and comparisons that name persons count too.
func headerColumns(cells []string, report bool) []Column {
	var out []Column
	names, ids := false, false
	for i, h := range cells {
		k := kindOf(h, report)
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
// persons, in every language; reportHeaders those of huller's plans and
// comparisons, too general to count in any other workbook ("Who",
// "Colleague").
var (
	listHeaders   = headers(lang.WhoLacks, lang.WhoShares, lang.Helpers)
	reportHeaders = headers(lang.Lead, lang.ParticipantNames, lang.ColleagueL, lang.Learner,
		lang.WhoToAssess, lang.AssessedBy)
	// phrases are the words huller writes after a person in those
	// columns ("P-7F3A9C21 – to be agreed").
	phrases = func() []string {
		var out []string
		for _, code := range lang.Languages {
			out = append(out, " – "+lang.For(code).T(lang.ToBeAgreed))
		}
		return out
	}()
)

// headers returns the texts of terms in every language, in lower case.
func headers(terms ...lang.Term) map[string]bool {
	m := map[string]bool{}
	for _, code := range lang.Languages {
		l := lang.For(code)
		for _, t := range terms {
			m[strings.ToLower(l.T(t))] = true
		}
	}
	return m
}

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

// kindOf returns the kind of column a header heads (of a huller report
// when report): name, id, list or "".
func kindOf(header string, report bool) string {
	if k := roster.PersonColumn(header); k != "" {
		return k
	}
	h := strings.ToLower(strings.TrimSpace(header))
	if listHeaders[h] || report && reportHeaders[h] {
		return "list"
	}
	return ""
}
