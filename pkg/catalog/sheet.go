package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
	"github.com/huller/huller/pkg/internal/suggest"
	"github.com/huller/huller/pkg/limits"
)

// Properties a catalog workbook made by `huller template --catalog`
// carries, which ReadSheet reads.
const (
	// PropFramework holds the id of the framework the catalog is for.
	PropFramework = "HullerFramework"
	// PropKind says that the workbook is a catalog.
	PropKind = "HullerKind"
)

// SheetNames are the names ReadSheet looks for, in order, before it takes
// the first sheet.
var SheetNames = []string{"Catalog", "Kursuskatalog", "Katalog", "Katalog tečajev"}

// Column is a column of the catalog sheet: its key and the headers that
// name it (compared case-insensitively, with spaces, hyphens and dots
// taken as underscores).
type Column struct {
	Key     string
	Headers []string
}

// Columns are the columns of a catalog sheet, in the order the template
// writes them. id and competence are required; the others may be left
// out.
var Columns = []Column{
	{"id", []string{"id", "course_id", "kursus_id", "kursusid"}},
	{"name", []string{"name", "navn", "kursusnavn", "course_name"}},
	{"name_en", []string{"name_en", "navn_en", "english_name"}},
	{"provider", []string{"provider", "udbyder"}},
	{"form", []string{"form"}},
	{"activity", []string{"activity", "aktivitet", "activity_type", "aktivitetstype"}},
	{"learning_goals", []string{"learning_goals", "læringsmål", "laeringsmaal", "goals"}},
	{"competence", []string{"competence", "kompetence", "develops"}},
	{"from", []string{"from", "fra"}},
	{"to", []string{"to", "til"}},
	{"duration", []string{"duration", "varighed"}},
	{"duration_en", []string{"duration_en", "varighed_en"}},
	{"hours", []string{"hours", "timer"}},
	{"cost_participant", []string{"cost_participant", "cost_per_participant", "pris_pr_deltager", "pris_deltager"}},
	{"cost_run", []string{"cost_run", "cost_per_run", "pris_pr_hold", "pris_hold"}},
	{"capacity", []string{"capacity", "kapacitet", "max_participants", "maks_deltagere"}},
	{"min", []string{"min", "min_participants", "min_deltagere"}},
	{"language", []string{"language", "sprog"}},
	{"url", []string{"url", "link"}},
	{"description", []string{"description", "beskrivelse"}},
	{"description_en", []string{"description_en", "beskrivelse_en"}},
}

// SheetOptions tune ReadSheet.
type SheetOptions struct {
	// Sheet to read; "" looks for SheetNames, else takes the first.
	Sheet string
	// Language of the sheet's texts (the catalog's language): the
	// framework's. "" means da.
	Language string
	// Table tunes the spreadsheet reader (limits, delimiter).
	Table spreadsheet.Options
}

// maxTitleRows is how many non-blank rows ReadSheet looks through for the
// header row.
const maxTitleRows = 20

// ReadSheet reads a catalog from a spreadsheet (xlsx or CSV) with one row
// per course and competence. The rows of one course share its id; a
// course's own fields (name, provider, form, …) may be repeated on each of
// its rows or given once, but may not differ. It returns the catalog as
// far as it could be read and every problem found, each naming the sheet
// and cell (or line and column).
func ReadSheet(src spreadsheet.Source, opts SheetOptions) (*Catalog, framework.Diagnostics) {
	name := src.DisplayName()
	lang := opts.Language
	if lang == "" {
		lang = "da"
	}
	c := &Catalog{File: name, Language: lang, Currency: DefaultCurrency}
	c.Pos = framework.Pos{File: name}
	c.FrameworkPos = c.Pos
	f, err := spreadsheet.Open(src, opts.Table)
	if err != nil {
		return nil, framework.Diagnostics{{Pos: framework.Pos{File: name}, Message: trimFile(err.Error(), name)}}
	}
	defer f.Close()
	if id, _, err := f.Property(PropFramework); err == nil {
		c.Framework = strings.TrimSpace(id)
	}
	sheet := ""
	if f.Format() == spreadsheet.XLSX {
		sheet = opts.Sheet
		if s, ok := f.FindSheet(append([]string{opts.Sheet}, SheetNames...)...); ok {
			sheet = s
		} else if sheet == "" {
			sheet = f.FirstSheet()
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, framework.Diagnostics{{Pos: framework.Pos{File: name}, Message: trimFile(err.Error(), name)}}
	}
	defer rows.Close()
	r := &sheetReader{c: c, rows: rows, courses: map[string]*sheetCourse{}}
	r.read()
	if err := rows.Err(); err != nil {
		r.diags = append(r.diags, framework.Diagnostic{Pos: framework.Pos{File: name}, Message: trimFile(err.Error(), name)})
		return nil, r.diags
	}
	r.finish()
	return c, r.diags
}

// trimFile drops a leading "file: " from a reader's message, which the
// diagnostic's position names already.
func trimFile(msg, file string) string { return strings.TrimPrefix(msg, file+": ") }

// sheetReader reads the rows of a catalog sheet.
type sheetReader struct {
	c       *Catalog
	rows    *spreadsheet.Rows
	col     map[string]int // column key → 0-based column
	courses map[string]*sheetCourse
	headers []string // the header row's cells, for CSV positions
	diags   framework.Diagnostics
	n       int // data rows read
}

// sheetCourse is a course being read, with where each of its fields was
// first given.
type sheetCourse struct {
	c     *Course
	first map[string]fieldAt
}

type fieldAt struct {
	value string
	pos   string
}

func (r *sheetReader) at(col int) framework.Pos {
	return framework.Pos{File: r.pos(col)}
}

// cellName names a cell of the current row without the file: `sheet
// "Catalog", cell F7` or `line 7, column "to"`.
func (r *sheetReader) cellName(col int) string {
	p := r.rows.Pos(col)
	p.File = ""
	if col >= 0 && col < len(r.headers) {
		p.Header = r.headers[col]
	}
	return p.String()
}

// pos names a cell of the current row: sheet and cell, or line and
// column header (CSV).
func (r *sheetReader) pos(col int) string {
	p := r.rows.Pos(col)
	if col >= 0 && col < len(r.headers) {
		p.Header = r.headers[col]
	}
	return p.String()
}

func (r *sheetReader) errorf(col int, format string, args ...any) {
	r.diags = append(r.diags, framework.Diagnostic{Pos: r.at(col), Severity: framework.Error, Message: fmt.Sprintf(format, args...)})
}

func (r *sheetReader) read() {
	title := 0
	for r.rows.Next() {
		cells := r.rows.Cells()
		if blank(cells) {
			continue
		}
		if r.col == nil {
			if r.header(cells) {
				continue
			}
			title++
			if title == maxTitleRows {
				r.errorf(-1, "no header row: none of the first %d non-blank rows has the columns id and competence (or kursus_id and kompetence); write `huller template --catalog` for a sheet to fill in", maxTitleRows)
				return
			}
			continue
		}
		r.n++
		if r.n > limits.CatalogRows {
			r.errorf(-1, "the catalog has more than %d rows; split it into several catalogs", limits.CatalogRows)
			return
		}
		r.row(cells)
	}
	if r.col == nil && r.rows.Err() == nil {
		r.diags = append(r.diags, framework.Diagnostic{Pos: r.c.Pos, Severity: framework.Error, Message: "no header row with the columns id and competence (or kursus_id and kompetence); write `huller template --catalog` for a sheet to fill in"})
	}
}

func blank(cells []string) bool {
	for _, s := range cells {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// normHeader folds a header for matching.
func normHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "_", "-", "_", ".", "").Replace(s)
}

// header recognises the header row: it needs id and competence columns.
func (r *sheetReader) header(cells []string) bool {
	col := map[string]int{}
	for i, h := range cells {
		h = normHeader(h)
		for _, c := range Columns {
			if slices.Contains(c.Headers, h) {
				if _, dup := col[c.Key]; !dup {
					col[c.Key] = i
				}
			}
		}
	}
	_, hasID := col["id"]
	_, hasComp := col["competence"]
	if !hasID || !hasComp {
		return false
	}
	r.col = col
	for _, h := range cells {
		r.headers = append(r.headers, strings.TrimSpace(h))
	}
	return true
}

// cell returns the trimmed cell of a column key and its column, -1 when
// the sheet has no such column.
func (r *sheetReader) cell(cells []string, key string) (string, int) {
	i, ok := r.col[key]
	if !ok {
		return "", -1
	}
	if i >= len(cells) {
		return "", i
	}
	return strings.TrimSpace(cells[i]), i
}

// row reads one data row.
func (r *sheetReader) row(cells []string) {
	id, idCol := r.cell(cells, "id")
	if id == "" {
		r.errorf(idCol, "no course id in this row; give every row the id of its course")
		return
	}
	if len(id) > limits.FrameworkID {
		r.errorf(idCol, "course id %s is %d characters long; huller accepts ids of at most %d", framework.Quote(id), len(id), limits.FrameworkID)
		return
	}
	if !idPattern.MatchString(id) {
		r.errorf(idCol, "course id %s may only hold ASCII letters, digits, '.', '_' and '-' (no spaces), starting with a letter or digit", framework.Quote(id))
		return
	}
	sc := r.courses[id]
	if sc == nil {
		if len(r.c.Courses) == limits.Courses {
			r.errorf(idCol, "the catalog has more than %d courses; split it into several catalogs", limits.Courses)
			return
		}
		sc = &sheetCourse{c: &Course{ID: id, Min: 1, Pos: r.at(idCol)}, first: map[string]fieldAt{}}
		r.courses[id] = sc
		r.c.Courses = append(r.c.Courses, sc.c)
	}
	for _, key := range []string{"name", "name_en", "provider", "form", "activity", "learning_goals", "duration",
		"duration_en", "hours", "cost_participant", "cost_run", "capacity", "min", "language", "url", "description", "description_en"} {
		v, col := r.cell(cells, key)
		if v == "" {
			continue
		}
		if f, seen := sc.first[key]; seen {
			if f.value != v {
				r.errorf(col, "course %s has %s %s here but %s at %s; give a course's fields once, or the same on each of its rows", framework.Quote(id), key, framework.Quote(v), framework.Quote(f.value), f.pos)
			}
			continue
		}
		sc.first[key] = fieldAt{v, r.cellName(col)}
		r.field(sc.c, key, v, col)
	}
	r.effect(sc.c, cells)
}

// field sets one field of a course from its first cell.
func (r *sheetReader) field(c *Course, key, v string, col int) {
	lang := r.c.Language
	setText := func(t *framework.Text, code string) {
		if *t == nil {
			*t = framework.Text{}
		}
		(*t)[code] = v
	}
	switch key {
	case "name":
		setText(&c.Name, lang)
	case "name_en":
		setText(&c.Name, "en")
	case "duration":
		setText(&c.Duration, lang)
	case "duration_en":
		setText(&c.Duration, "en")
	case "description":
		setText(&c.Description, lang)
	case "description_en":
		setText(&c.Description, "en")
	case "provider":
		c.Provider = v
	case "url":
		c.URL = v
	case "language":
		if !langPattern.MatchString(v) {
			r.errorf(col, "language %s is not a BCP 47 language code such as da, sl or en", framework.Quote(v))
		}
		c.Language = v
	case "form":
		if !slices.Contains(formNames(), v) {
			r.errorf(col, "form %s is not one of: %s%s", framework.Quote(v), strings.Join(formNames(), ", "), suggest.DidYouMean(v, formNames()))
		}
		c.Form = Form(v)
	case "activity":
		if !slices.Contains(activityNames(), v) {
			r.errorf(col, "activity %s is not one of: %s%s", framework.Quote(v), strings.Join(activityNames(), ", "), suggest.DidYouMean(v, activityNames()))
		}
		c.Activity = Activity(v)
	case "learning_goals":
		for _, g := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
			switch {
			case !slices.Contains(goalNames(), g):
				r.errorf(col, "learning goal %s is not one of: %s%s", framework.Quote(g), strings.Join(goalNames(), ", "), suggest.DidYouMean(g, goalNames()))
			case slices.Contains(goalStrings(c.Goals), g):
				r.errorf(col, "learning goal %s is given twice", framework.Quote(g))
			default:
				c.Goals = append(c.Goals, LearningGoal(g))
			}
		}
	case "hours":
		x, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
		if err != nil || !(x > 0 && x <= 100_000) {
			r.errorf(col, "hours %s is not a number of hours above 0 (e.g. 14 or 7,5)", framework.Quote(v))
		}
		c.Hours = x
	case "cost_participant", "cost_run":
		x, ok := r.whole(v, col, key, 0, maxAmount)
		if ok && key == "cost_participant" {
			c.Cost.Participant = x
		} else if ok {
			c.Cost.Run = x
		}
	case "capacity":
		if x, ok := r.whole(v, col, key, 1, 1_000_000); ok {
			c.Capacity = int(x)
		}
	case "min":
		if x, ok := r.whole(v, col, key, 1, 1_000_000); ok {
			c.Min = int(x)
		}
	}
}

// grouped matches a whole number written with thousands separators:
// 9.500, 12,500, 1.250.000.
var grouped = regexp.MustCompile(`^-?\d{1,3}([.,]\d{3})+$`)

// whole reads a whole number in [lo, hi]: digits, optionally with a zero
// decimal part ("4500.0", as a spreadsheet may store it), spaces between
// digit groups, or thousands separators (9.500 or 9,500: a price in whole
// units cannot mean 9.5).
func (r *sheetReader) whole(v string, col int, what string, lo, hi int64) (int64, bool) {
	s := strings.ReplaceAll(strings.ReplaceAll(v, " ", ""), "\u00a0", "")
	if grouped.MatchString(s) {
		s = strings.NewReplacer(".", "", ",", "").Replace(s)
	}
	for _, z := range []string{".0", ",0", ".00", ",00"} {
		if strings.HasSuffix(s, z) {
			s = strings.TrimSuffix(s, z)
			break
		}
	}
	x, err := strconv.ParseInt(s, 10, 64)
	if err != nil || x < lo || x > hi {
		r.errorf(col, "%s %s is not a whole number from %d to %d", what, framework.Quote(v), lo, hi)
		return 0, false
	}
	return x, true
}

// effect reads the competence, from and to of a row.
func (r *sheetReader) effect(c *Course, cells []string) {
	comp, compCol := r.cell(cells, "competence")
	from, fromCol := r.cell(cells, "from")
	to, toCol := r.cell(cells, "to")
	if comp == "" {
		if from != "" || to != "" {
			r.errorf(compCol, "course %q: a level is given but no competence; name the competence this row develops", c.ID)
		}
		return
	}
	if len(c.Develops) == limits.CourseEffects {
		r.errorf(compCol, "a course develops at most %d competences", limits.CourseEffects)
		return
	}
	e := Effect{Competence: comp, Pos: r.at(compCol)}
	if to == "" {
		r.errorf(toCol, "course %q: no `to` level for competence %s; give the level a participant reaches", c.ID, framework.Quote(comp))
		return
	}
	x, ok := r.whole(to, toCol, "to", -1000, 1000)
	if !ok {
		return
	}
	e.To, e.ToPos = int(x), r.at(toCol)
	if from != "" {
		x, ok := r.whole(from, fromCol, "from", -1000, 1000)
		if !ok {
			return
		}
		e.From, e.HasFrom, e.FromPos = int(x), true, r.at(fromCol)
	}
	c.Develops = append(c.Develops, e)
}

// finish checks what the courses need once all rows are read (the YAML
// form refuses their absence while parsing).
func (r *sheetReader) finish() {
	c := r.c
	for _, cr := range c.Courses {
		sc := r.courses[cr.ID]
		var missing []string
		for _, m := range []struct {
			key string
			ok  bool
		}{{"name", cr.Name[c.Language] != ""}, {"provider", cr.Provider != ""}, {"form", cr.Form != ""},
			{"activity", cr.Activity != ""}, {"learning_goals", len(cr.Goals) > 0}, {"competence", len(cr.Develops) > 0},
			{"duration", cr.Duration[c.Language] != ""},
			{"cost_participant or cost_run", sc.has("cost_participant") || sc.has("cost_run")}} {
			if !m.ok {
				missing = append(missing, m.key)
			}
		}
		if len(missing) > 0 {
			r.diags = append(r.diags, framework.Diagnostic{Pos: cr.Pos, Severity: framework.Error,
				Message: fmt.Sprintf("course %q has no %s on any of its rows", cr.ID, strings.Join(missing, ", "))})
		}
		if cr.Capacity > 0 && cr.Min > cr.Capacity {
			r.diags = append(r.diags, framework.Diagnostic{Pos: cr.Pos, Severity: framework.Error,
				Message: fmt.Sprintf("course %q needs at least %d participants a run but takes at most %d (capacity); lower min or raise capacity", cr.ID, cr.Min, cr.Capacity)})
		}
	}
}

func (sc *sheetCourse) has(key string) bool {
	_, ok := sc.first[key]
	return ok
}
