package roster

import (
	"io"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
	"github.com/huller/huller/pkg/limits"
)

// Source is a roster input: a file path, or a reader such as standard input.
type Source = spreadsheet.Source

// FileSource returns the Source of a path; "-" stands for stdin.
func FileSource(path string, stdin io.Reader) Source { return spreadsheet.FileSource(path, stdin) }

// Options tune Read.
type Options struct {
	// Sheet is the workbook sheet to read; "" picks a sheet named Roster
	// (or Medarbejdere), else the first visible sheet.
	Sheet string
	// IgnoreUnknown turns columns that name no competence into warnings.
	IgnoreUnknown bool
	// ExtraRoles are role ids known besides the framework's, e.g. from a
	// --requirements file.
	ExtraRoles []string
	// MaxErrors is how many problems an error lists; 0 = DefaultMaxErrors.
	MaxErrors int
	// Table tunes the low-level reader (size limits, CSV delimiter).
	Table spreadsheet.Options

	// Limits (tests set them lower); 0 = the limits package's.
	maxPersons int   // limits.Persons
	maxLevels  int64 // limits.RosterLevels
	maxLong    int   // limits.LongLevels
}

func (o Options) withDefaults() Options {
	if o.maxPersons <= 0 {
		o.maxPersons = limits.Persons
	}
	if o.maxLevels <= 0 {
		o.maxLevels = limits.RosterLevels
	}
	if o.maxLong <= 0 {
		o.maxLong = limits.LongLevels
	}
	return o
}

// rosterSheets are the sheet names Read picks by default, in order.
var rosterSheets = []string{"Roster", "Medarbejdere"}

// requirementsSheets are the names of a requirements sheet in a roster
// workbook.
var requirementsSheets = []string{"Requirements", "Krav", "Zahteve"}

// maxTitleRows is how far down Read looks for the header row.
const maxTitleRows = 50

// Read reads and checks a roster against fw. It returns an *Error listing
// the problems when the roster cannot be used, or a table error (file,
// format, size) when it cannot be read at all. Problems that do not stop the
// analysis are in Roster.Warnings.
func Read(src Source, fw *framework.Framework, opts Options) (*Roster, error) {
	f, err := spreadsheet.Open(src, opts.Table)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := &Roster{Source: f.Name(), Encoding: f.Encoding()}
	extra := append([]string(nil), opts.ExtraRoles...)
	if f.Format() == spreadsheet.XLSX {
		r.Sheet = opts.Sheet
		if r.Sheet == "" {
			if s, ok := f.FindSheet(rosterSheets...); ok {
				r.Sheet = s
			} else {
				r.Sheet = f.FirstSheet()
			}
		} else if s, ok := f.FindSheet(r.Sheet); ok {
			r.Sheet = s
		}
		ref, err := recordedIn(f)
		if err != nil {
			return nil, err
		}
		r.Framework = ref.String()
		if rs, ok := f.FindSheet(requirementsSheets...); ok && rs != r.Sheet {
			reqs, order, warns, err := readRequirementsSheet(f, rs, fw, opts)
			if err != nil {
				return nil, err
			}
			r.Requirements = reqs
			r.Warnings = append(r.Warnings, warns...)
			extra = append(extra, order...)
		}
	}
	sheet := r.Sheet
	if f.Format() == spreadsheet.CSV {
		sheet = opts.Sheet // "" unless the user asked for a sheet: an error
	}
	// A second reading (to apply merged ranges found at the sheet's end)
	// starts from what was known before the first.
	base, warns := *r, r.Warnings
	err = f.Read(sheet, func(rows *spreadsheet.Rows) error {
		*r = base
		r.Warnings = slices.Clone(warns)
		return newRosterReader(r, fw, opts, extra).read(rows)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// colSpec says what a table column holds.
type colSpec struct {
	field  field // a fixed column, or fieldNone
	score  int   // index into Roster.Columns; -1 when not a score column
	ignore bool  // ignored (unknown with IgnoreUnknown, or no header)
	header string
}

type rosterReader struct {
	r     *Roster
	fw    *framework.Framework
	m     *matcher
	opts  Options
	probs *problems

	cols      []colSpec
	fixed     [fieldLabel + 1]int // table column of each fixed field; -1
	scoreCols []int               // table column of each Roster.Columns entry
	ignored   []int               // table columns ignored
	width     int                 // columns mapped by the header

	seen     map[string]int // lower-case name of a person without id -> row
	seenIDs  map[string]int // id -> row
	teams    map[string]string
	profSets map[string][]string
	arena    []int8
	long     *longState
	full     bool // the roster reached a limit of persons or levels: reading stopped

	assessors map[string]string // interns the assessor names, as teams does the teams
	// textChecks counts the headers whose text was checked against the
	// framework's names (see headerText).
	textChecks int

	hiddenRows    []int
	hiddenCount   int
	noRole        []string
	noRoleCount   int
	uncached      int
	uncachedFirst string
	ignoredVals   map[int]int
	unassessed    []string
	unassessedN   int
}

func newRosterReader(r *Roster, fw *framework.Framework, opts Options, extraRoles []string) *rosterReader {
	opts = opts.withDefaults()
	rd := &rosterReader{
		r: r, fw: fw, opts: opts, m: newMatcher(fw, extraRoles),
		probs: newProblems(r.Source, opts.MaxErrors),
		seen:  map[string]int{}, seenIDs: map[string]int{}, teams: map[string]string{}, profSets: map[string][]string{},
		ignoredVals: map[int]int{}, assessors: map[string]string{},
	}
	for i := range rd.fixed {
		rd.fixed[i] = -1
	}
	return rd
}

func (rd *rosterReader) read(rows *spreadsheet.Rows) error {
	pending, err := rd.findHeader(rows)
	if err != nil {
		return err
	}
	if !rd.probs.empty() {
		return rd.probs.err()
	}
	rows.SetColumns(rd.width)
	rd.grow(rows.SizeHint())
	if pending {
		rd.dataRow(rows)
	}
	for !rd.full && rows.Next() {
		rd.dataRow(rows)
		if rd.r.Stats.Rows == 1000 {
			rd.grow(rows.SizeHint())
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if rd.long != nil {
		rd.finishLong()
	}
	if rd.probs.empty() && len(rd.r.Persons) == 0 {
		where := rd.where(rows, -1)
		where.Row, where.Line = rd.r.Stats.HeaderRow, rd.r.Stats.HeaderRow
		rd.probs.add(where.String(), "", "the roster has a header row but no persons below it; add one row per person")
	}
	if err := rd.probs.err(); err != nil {
		return err
	}
	rd.r.Stats.Persons = len(rd.r.Persons)
	rd.warnings(rows)
	return nil
}

// grow makes room for the persons the table expects, so that a large
// roster is not copied as it grows.
func (rd *rosterReader) grow(hint int) {
	hint = min(hint+hint/16, 1<<21)
	if rd.long != nil || hint <= cap(rd.r.Persons) {
		return
	}
	ps := make([]Person, len(rd.r.Persons), hint)
	copy(ps, rd.r.Persons)
	rd.r.Persons = ps
}

// where returns the position of a cell of the current row, with the column's
// header for CSV messages.
func (rd *rosterReader) where(rows *spreadsheet.Rows, col int) spreadsheet.Pos {
	p := rows.Pos(col)
	if col >= 0 && col < len(rd.cols) {
		p.Header = rd.cols[col].header
	}
	return p
}

func isBlankRow(cells []string) bool {
	for _, c := range cells {
		if !isBlank(c) {
			return false
		}
	}
	return true
}

func isBlank(s string) bool {
	return s == "" || strings.TrimSpace(s) == ""
}
