// Package roster reads team rosters — one row per person with an assessed
// level per competence — from xlsx and CSV files, and checks them against a
// competence framework.
//
// # The roster contract
//
// A roster is a table with one row per person (pkg/internal/spreadsheet reads the file:
// xlsx, or CSV with a sniffed delimiter and encoding). Its fixed columns are
// found by header, case-insensitively and ignoring surrounding spaces:
//
//	name      navn, ime (also: full name, fulde navn, nom, nome)     required
//	id        medarbejdernr, šifra, employee id, …                   optional
//	role      rolle, funktion, vloga                                 optional (warned)
//	team      afdeling, enhed, tim                                   optional
//	profiles  profiler, profili: ids or names, split by , or ;       optional
//	assessor  vurderet af, ocenjevalec, assessed by                  optional
//	assessed  vurderet, ocenjeno, assessment date: a date            optional
//
// Every other column names a node of the framework: its header is the node
// id, optionally followed by text ("1.1 Anvender fagsystemer …" is 1.1), or
// the node's full name in any of the framework's languages. A column may
// name a leaf or any parent node. Cells hold a level: a whole number on the
// scale (3, 3.0, 3,0, numbers stored as text, formula results), a scale
// label in any language ("Specialiseret", "Expert"), or "3 – Specialiseret".
// Blank, -, n/a and ? mean not assessed. Role and profile cells match ids or
// names in any language, in any case.
//
// The header row is the first row with a name column (title rows above it
// are skipped and counted). When the name header is a merged cell spanning
// rows, the header is the bottom row of the merge (a row of group labels
// above the ids). In the header a cell that continues a merged range from
// the left has no header of its own; elsewhere a merged range's value fills
// every cell it covers (a team merged down over its people). Hidden rows and
// columns are read like any other, with a warning.
//
// A long layout is recognised from its headers: name, competence
// (kompetence, kompetenca) and level (niveau, raven), with optional id, role,
// team, profiles, assessor and assessed: one row per person and competence,
// the assessor and date per competence (Person.Dates, Person.Assessors).
//
// Dates are read by ParseDate: Excel serial dates (a workbook's date
// cells), ISO dates and day-first dates (1.12.2026, 01-12-2026).
//
// In a workbook the roster sheet is Options.Sheet, else a sheet named Roster
// or Medarbejdere, else the first visible sheet. A sheet named Requirements
// (or Krav, Zahteve) holds required levels per role (rows = roles, columns =
// competence ids, see ReadRequirements) and becomes Roster.Requirements. The
// framework a workbook was made for (by `huller template`) is recorded in the
// custom document properties PropFramework and PropFrameworkFile.
//
// Read refuses a roster with problems — no name column, a person twice (the
// same id, or the same name without ids), a column that names no competence
// (unless IgnoreUnknown), an unknown role or profile, a level off the scale,
// no persons — with an *Error listing them (up to Options.MaxErrors, then
// "and N more") by file, sheet and cell or line and column. What does not
// stop the analysis is in Roster.Warnings, never printed by the package.
package roster

import "github.com/huller/huller/pkg/framework"

// Unassessed marks a score that was left blank or marked as not assessed.
const Unassessed int8 = -1

// Layout is the shape of the roster table.
type Layout int

// The two roster layouts.
const (
	Wide Layout = iota // one row per person, one column per competence
	Long               // one row per person and competence
)

// Roster is a team roster checked against a framework.
type Roster struct {
	Source string // the file as given by the user ("-" for standard input)
	Sheet  string // the sheet read; "" for CSV
	Layout Layout
	// Columns are the assessed nodes, one per score column (wide layout) or
	// one per distinct competence (long layout), in first-seen order. A node
	// may be a leaf or any inner node.
	Columns []*framework.Node
	Persons []Person
	// Requirements holds required levels per role id read from a
	// Requirements sheet in the same workbook; nil when there is none.
	Requirements map[string][]framework.Requirement
	// Framework is the framework reference recorded in a workbook made by
	// `huller template` (a built-in id or a path); "" when none.
	Framework string
	// Encoding is the text encoding detected in a CSV file ("UTF-8",
	// "UTF-8 with BOM", "UTF-16LE", "Windows-1252"…); "" for xlsx.
	Encoding string
	Stats    Stats
	Warnings []Warning
}

// Person is one row (wide) or one name (long) of the roster.
type Person struct {
	Row  int // 1-based row (xlsx) or record line (CSV) where the person starts
	Name string
	ID   string
	Role string // a role id of the framework or the requirements; "" when not given
	Team string // "" when not given
	// Profiles are the profile ids of the profiles column: nil when the cell
	// is blank (the role's expected profiles apply), empty but not nil when
	// it says the person has no profile ("ingen", "none", "-", "brez").
	Profiles []string
	Scores   []int8 // one per Roster.Columns entry; Unassessed when not assessed

	// Assessed is the date of the person's assessment (the assessed
	// column); 0 when not given. In the long layout it is the latest date
	// of the person's rows.
	Assessed Date
	// Seq is the person's place among the roster's persons as read (from
	// 0), kept when the persons are listed in another order: a
	// pseudonymised roster lists them in pseudonym order. Wherever huller
	// chooses between equals (the nearest candidates, a colleague to
	// teach, a joint activity's lead) it goes by Seq, then by the place
	// listed, so that a report or plan made with pseudonyms is the one made
	// with names. Readers leave it 0: the place listed is the place read.
	Seq int32
	// Assessor is who assessed the person (the assessor column); "" when
	// not given. In the long layout it is the assessor of the row with the
	// latest date (the first row's when no row has a date).
	Assessor string
	// Dates and Assessors hold, in the long layout, the assessed date and
	// the assessor of each score (one per Roster.Columns entry, 0 and ""
	// where the row gives none); nil in the wide layout, and nil when the
	// roster has no such column.
	Dates     []Date
	Assessors []string
}

// Stats count what the reader saw, so that nothing is lost silently: the
// non-blank cells of the roster sheet number exactly CellsTitle +
// CellsHeader + CellsFixed + CellsRead + CellsMarked + CellsIgnored -
// CellsMerged (a roster with a problem is refused instead).
type Stats struct {
	Persons      int
	Rows         int // data rows below the header (blank rows excluded)
	CellsRead    int // score cells read as a level
	CellsBlank   int // score cells blank or marked not assessed (-, n/a, ?)
	CellsIgnored int // non-blank cells in ignored columns

	HeaderRow   int // the header's row (xlsx) or line (CSV)
	CellsTitle  int // non-blank cells in title rows above the header
	CellsHeader int // non-blank header cells
	// CellsFixed counts the non-blank name, id, role, team and profiles
	// cells (and, in the long layout, the competence cells).
	CellsFixed  int
	CellsMarked int // score cells marked not assessed (-, n/a, ?); part of CellsBlank
	// CellsMerged counts the data cells covered by a merged range (a team
	// name merged down over its persons, say): they are read with the
	// range's value and counted above too, though the file holds no value
	// in them. Title and header counts leave them out.
	CellsMerged int
}

// Warning is a problem the user should know about that does not stop the
// analysis. Where names the place (file, sheet, cell or line).
type Warning struct {
	Where   string
	Message string
}

func (w Warning) String() string {
	if w.Where == "" {
		return w.Message
	}
	return w.Where + ": " + w.Message
}
