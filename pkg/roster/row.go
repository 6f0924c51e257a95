package roster

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/internal/spreadsheet"
	"github.com/huller/huller/pkg/internal/suggest"
)

func (rd *rosterReader) cell(cells []string, f field) string {
	col := rd.fixed[f]
	if col < 0 || col >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[col])
}

// rowRef is how a person's row is recorded: the sheet row, or the CSV line.
func rowRef(rows *spreadsheet.Rows) int {
	if l := rows.Line(); l > 0 {
		return l
	}
	return rows.Row()
}

// dataRow reads one data row: its accounting (hidden, merged, uncached and
// ignored cells), then its person in the wide or the long layout.
func (rd *rosterReader) dataRow(rows *spreadsheet.Rows) {
	cells := rows.Cells()
	if isBlankRow(cells) {
		return
	}
	rd.account(rows, cells)
	if rd.long != nil {
		rd.longRow(rows, cells)
		return
	}
	if !rd.room(rows, len(rd.r.Persons)+1, len(rd.r.Columns)) {
		return
	}
	p, ok := rd.person(rows, cells)
	if !ok {
		return
	}
	if !rd.scores(rows, cells, &p) {
		rd.unassessedN++
		if len(rd.unassessed) < 5 {
			rd.unassessed = append(rd.unassessed, fmt.Sprintf("%s (%s)", p.Name, rd.rowWord(p.Row)))
		}
	}
	if !rd.unique(rows, &p) {
		return
	}
	rd.r.Persons = append(rd.r.Persons, p)
}

// account counts what a row holds besides its person: whether it is hidden,
// its merged and uncached cells, and the values in ignored columns,
// headerless ones and those beyond the header (one pass over the row's
// cells, whatever the header's width).
func (rd *rosterReader) account(rows *spreadsheet.Rows, cells []string) {
	st := &rd.r.Stats
	st.Rows++
	if rows.Hidden() {
		rd.hiddenCount++
		if len(rd.hiddenRows) < 5 {
			rd.hiddenRows = append(rd.hiddenRows, rowRef(rows))
		}
	}
	if rows.Merged() {
		for col, c := range cells {
			if !isBlank(c) && rows.Covered(col) {
				st.CellsMerged++
			}
		}
	}
	if unc := rows.Uncached(); len(unc) > 0 {
		if rd.uncached == 0 {
			rd.uncachedFirst = rd.where(rows, unc[0]).String()
		}
		rd.uncached += len(unc)
	}
	for col, c := range cells {
		if (col >= len(rd.cols) || rd.cols[col].ignore) && !isBlank(c) {
			st.CellsIgnored++
			rd.ignoredVals[col]++
		}
	}
}

// scores reads the levels of a wide row into p.Scores and reports whether
// any competence was assessed; a cell that is no level is a problem at its
// place.
func (rd *rosterReader) scores(rows *spreadsheet.Rows, cells []string, p *Person) (assessed bool) {
	st := &rd.r.Stats
	p.Scores = rd.alloc(len(rd.r.Columns))
	for i, col := range rd.scoreCols {
		v := ""
		if col < len(cells) {
			v = cells[col]
		}
		p.Scores[i] = Unassessed
		if lvl, ok := rd.level(rows, col, v); ok {
			p.Scores[i] = lvl
			st.CellsRead++
			assessed = true
		}
	}
	return assessed
}

// level reads the level cell v of table column col, in either layout: a
// level on the scale is returned with true (the caller counts it); a blank
// or marked cell (-, n/a, ?) is counted as such; anything else is a
// problem at its place.
func (rd *rosterReader) level(rows *spreadsheet.Rows, col int, v string) (int8, bool) {
	st := &rd.r.Stats
	if v == "" {
		st.CellsBlank++
		return 0, false
	}
	lvl, kind := rd.m.levels.parse(v)
	switch kind {
	case scoreLevel:
		return lvl, true
	case scoreBlank:
		st.CellsBlank++
	case scoreMarked:
		st.CellsBlank++
		st.CellsMarked++
	case scoreOutside:
		rd.levelProblem(rows, col, v, true)
	default:
		rd.levelProblem(rows, col, v, false)
	}
	return 0, false
}

// hasData reports whether a row has values outside ignored columns.
func (rd *rosterReader) hasData(cells []string) bool {
	for col, c := range cells {
		if col < len(rd.cols) && !rd.cols[col].ignore && !isBlank(c) {
			return true
		}
	}
	return false
}

func (rd *rosterReader) levelProblem(rows *spreadsheet.Rows, col int, v string, outside bool) {
	w := rd.where(rows, col).String()
	v = strings.TrimSpace(v)
	if outside {
		rd.probs.add(w, "outside\x00"+v, "%q is outside the scale: levels go from %d to %d",
			v, rd.m.levels.min, rd.m.levels.max)
		return
	}
	if strings.HasPrefix(v, "#") {
		rd.probs.add(w, "bad\x00"+v, "%q is a formula error, not a level (%s)", v, rd.m.levels.hint)
		return
	}
	rd.probs.add(w, "bad\x00"+v, "%q is not a level (%s)", shorten(v), rd.m.levels.hint)
}

// fixedCells reads id, role, team and profiles into p.
func (rd *rosterReader) fixedCells(rows *spreadsheet.Rows, cells []string, p *Person) {
	st := &rd.r.Stats
	st.CellsFixed++ // the name
	if id := rd.cell(cells, fieldID); id != "" {
		p.ID = strings.Clone(id)
		st.CellsFixed++
	}
	if rd.fixed[fieldRole] >= 0 {
		role := rd.cell(cells, fieldRole)
		if role == "" && rd.long == nil {
			rd.noRoleCount++
			if len(rd.noRole) < 5 {
				rd.noRole = append(rd.noRole, rd.rowWord(rowRef(rows)))
			}
		} else if role != "" {
			st.CellsFixed++
			if id, ok := rd.m.role(role); ok {
				p.Role = id
			} else {
				rd.probs.add(rd.where(rows, rd.fixed[fieldRole]).String(), "role\x00"+strings.ToLower(role),
					"unknown role %q%s; the known roles are %s", shorten(role), suggest.DidYouMean(role, rd.m.roleIDs), strings.Join(rd.m.roleIDs, ", "))
			}
		}
	}
	if team := rd.cell(cells, fieldTeam); team != "" {
		st.CellsFixed++
		t, ok := rd.teams[team]
		if !ok {
			t = strings.Clone(team)
			rd.teams[t] = t
		}
		p.Team = t
	}
	if ps := rd.cell(cells, fieldProfiles); ps != "" {
		st.CellsFixed++
		p.Profiles = rd.profiles(rows, ps)
	}
	rd.assessment(rows, cells, p)
}

// assessment reads the assessor and assessed cells into p.
func (rd *rosterReader) assessment(rows *spreadsheet.Rows, cells []string, p *Person) {
	st := &rd.r.Stats
	if who := rd.cell(cells, fieldAssessor); who != "" {
		st.CellsFixed++
		a, ok := rd.assessors[who]
		if !ok {
			a = strings.Clone(who)
			rd.assessors[a] = a
		}
		p.Assessor = a
	}
	if v := rd.cell(cells, fieldAssessed); v != "" {
		st.CellsFixed++
		d, err := ParseDate(v)
		if err != nil {
			rd.probs.add(rd.where(rows, rd.fixed[fieldAssessed]).String(), "date\x00"+v, "%s", err.Error())
			return
		}
		p.Assessed = d
	}
}

// noProfile are the cells that say a person has no profile, so that the
// role's expected profiles do not apply: Danish, English, Slovenian,
// Italian, French, and a dash.
var noProfile = []string{"ingen", "none", "brez", "nessuno", "aucun", "-", "–"}

// profiles resolves a profiles cell ("virksomhed, Integrationsprofilen");
// equal cells share one slice. A cell saying "no profile" gives an empty,
// non-nil slice.
func (rd *rosterReader) profiles(rows *spreadsheet.Rows, cell string) []string {
	if ids, ok := rd.profSets[cell]; ok {
		return ids
	}
	if slices.ContainsFunc(noProfile, func(w string) bool { return strings.EqualFold(strings.TrimSpace(cell), w) }) {
		return []string{}
	}
	var ids []string
	bad := false
	for _, part := range strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, ok := rd.m.profile(part)
		if !ok {
			bad = true
			rd.probs.add(rd.where(rows, rd.fixed[fieldProfiles]).String(), "profile\x00"+strings.ToLower(part),
				"unknown profile %q%s (profiles of %s: %s)", shorten(part), suggest.DidYouMean(part, rd.m.profileIDs()),
				rd.fw.ID, strings.Join(rd.m.profileIDs(), ", "))
			continue
		}
		dup := false
		for _, x := range ids {
			dup = dup || x == id
		}
		if !dup {
			ids = append(ids, id)
		}
	}
	if !bad {
		rd.profSets[strings.Clone(cell)] = ids
	}
	return ids
}

// unique checks that a person appears once: by id, or by name when the
// person has no id.
func (rd *rosterReader) unique(rows *spreadsheet.Rows, p *Person) bool {
	seen, key := rd.seenIDs, p.ID
	if key == "" {
		seen, key = rd.seen, strings.ToLower(p.Name)
	}
	if first, dup := seen[key]; dup {
		what, hint := fmt.Sprintf("id %q", p.ID), "remove the duplicate"
		if p.ID == "" {
			what, hint = fmt.Sprintf("%q", p.Name), "remove the duplicate, or tell two people of the same name apart with an id column"
		}
		rd.probs.add(rd.where(rows, -1).String(), "", "%s appears twice (also on %s); %s", what, rd.rowWord(first), hint)
		return false
	}
	seen[key] = p.Row
	return true
}

func (rd *rosterReader) rowWord(row int) string {
	if rd.r.Sheet == "" {
		return fmt.Sprintf("line %d", row)
	}
	return fmt.Sprintf("row %d", row)
}

// room checks that a roster of this many persons and competence columns
// stays within the limits of persons and levels (limits.Persons,
// limits.RosterLevels); past them, it records the problem and stops the
// reading, which would otherwise take memory in proportion.
func (rd *rosterReader) room(rows *spreadsheet.Rows, persons, columns int) bool {
	var msg string
	switch {
	case persons > rd.opts.maxPersons:
		msg = fmt.Sprintf("the roster has more than %s persons, as many as a sheet can hold; analyse it in parts (by team, say)", commas(int64(rd.opts.maxPersons)))
	case int64(persons)*int64(columns) > rd.opts.maxLevels:
		msg = fmt.Sprintf("the roster holds more than %s levels (persons × competence columns, here %s × %s), more than huller keeps in memory; analyse it in parts (by team, say)",
			commas(rd.opts.maxLevels), commas(int64(persons)), commas(int64(columns)))
	default:
		return true
	}
	rd.full = true
	rd.probs.add(rd.where(rows, -1).String(), "", "%s", msg)
	return false
}

// alloc hands out score slices from larger blocks.
func (rd *rosterReader) alloc(n int) []int8 {
	if n == 0 {
		return []int8{}
	}
	if len(rd.arena) < n {
		rd.arena = make([]int8, max(n*1024, 64<<10))
	}
	s := rd.arena[:n:n]
	rd.arena = rd.arena[n:]
	return s
}

// person reads a row's fixed columns; a row without a name is skipped, and
// reported when it holds other values.
func (rd *rosterReader) person(rows *spreadsheet.Rows, cells []string) (Person, bool) {
	name := rd.cell(cells, fieldName)
	if name == "" {
		if rd.hasData(cells) {
			rd.probs.add(rd.where(rows, rd.fixed[fieldName]).String(), "",
				"this row has values but no name; fill in the name or delete the row")
		}
		return Person{}, false
	}
	p := Person{Row: rowRef(rows), Name: strings.Clone(name)}
	rd.fixedCells(rows, cells, &p)
	return p, true
}

// commas formats n with thousands separators: 1048576 → "1,048,576".
func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 0 {
		return "-" + commas(-n)
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
