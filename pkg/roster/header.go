package roster

import (
	"fmt"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
	"github.com/huller/huller/pkg/internal/suggest"
)

// findHeader reads up to the header row: the first row with a name column.
// Title rows above it are skipped (and counted). When the name header is a
// merged cell spanning rows, the header is the last of those rows (a group
// row above the ids). pending reports that the iterator already stands on
// the first data row.
func (rd *rosterReader) findHeader(rows *spreadsheet.Rows) (pending bool, err error) {
	st := &rd.r.Stats
	titleRows := 0
	for rows.Next() {
		cells := rows.Cells()
		if isBlankRow(cells) {
			continue
		}
		nameCol := -1
		for i, c := range cells {
			if fieldOf(c) == fieldName {
				nameCol = i
				break
			}
		}
		if nameCol < 0 {
			st.CellsTitle += fileCells(rows, cells)
			titleRows++
			if titleRows >= maxTitleRows {
				break
			}
			continue
		}
		header := append([]string(nil), cells...)
		cont, covered := headerFlags(rows, len(header))
		base := rows.Pos(0)
		if m, ok := rows.Merge(nameCol); ok && m.Bottom > rows.Row() {
			for rows.Next() {
				if rows.Row() > m.Bottom {
					pending = true
					break
				}
				for i, c := range header {
					if !covered[i] && !isBlank(c) {
						st.CellsHeader++
					}
				}
				header = append(header[:0], rows.Cells()...)
				cont, covered = headerFlags(rows, len(header))
				base = rows.Pos(0)
			}
			if err := rows.Err(); err != nil {
				return false, err
			}
		}
		st.HeaderRow = base.Row
		if base.Line > 0 {
			st.HeaderRow = base.Line
		}
		rd.mapHeader(header, cont, covered, base)
		return pending, nil
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	where := spreadsheet.Pos{File: rd.r.Source, Sheet: rd.r.Sheet}
	what := "row"
	if rd.r.Sheet == "" {
		what = "line"
	}
	rd.probs.add(where.String(), "",
		"no name column: none of the first %d non-blank %ss has a column headed name (or navn, ime); add a header row with name, role and one column per competence id",
		maxTitleRows, what)
	if titleRows == 0 {
		rd.probs = newProblems(rd.r.Source, rd.opts.MaxErrors)
		rd.probs.add(where.String(), "", "is empty: there is no roster in it")
	}
	return false, nil
}

// headerFlags marks the header cells that continue a merged range from the
// left (cont: they have no header of their own), and those covered by a
// merged range at all (their value is a copy, not a cell of the file).
func headerFlags(rows *spreadsheet.Rows, n int) (cont, covered []bool) {
	cont, covered = make([]bool, n), make([]bool, n)
	if !rows.Merged() {
		return cont, covered
	}
	for i := range cont {
		if m, ok := rows.Merge(i); ok {
			cont[i] = m.Left < i
			covered[i] = rows.Covered(i)
		}
	}
	return cont, covered
}

// fileCells counts the non-blank cells of a row that the file holds (not
// copies of a merged cell).
func fileCells(rows *spreadsheet.Rows, cells []string) int {
	n := 0
	for i, c := range cells {
		if !isBlank(c) && !rows.Covered(i) {
			n++
		}
	}
	return n
}

// mapHeader decides what each column holds.
func (rd *rosterReader) mapHeader(header []string, cont, covered []bool, base spreadsheet.Pos) {
	rd.cols = make([]colSpec, len(header))
	rd.width = len(header)
	at := func(col int, h string) string {
		p := base
		p.Col, p.Header = col, shorten(h)
		return p.String()
	}
	nodeCol := map[*framework.Node]int{}
	// Competence and level columns together make the long layout; alone,
	// such a header may name a node ("kompetence" is a profile id).
	hasComp, hasLevel := false, false
	for col, raw := range header {
		if !cont[col] {
			hasComp = hasComp || fieldOf(raw) == fieldCompetence
			hasLevel = hasLevel || fieldOf(raw) == fieldLevel
		}
	}
	long := hasComp && hasLevel
	for col, raw := range header {
		rd.cols[col] = colSpec{score: -1}
		spec := &rd.cols[col]
		h := strings.TrimSpace(raw)
		if cont[col] || h == "" {
			spec.ignore = true
			continue
		}
		if !covered[col] {
			rd.r.Stats.CellsHeader++
		}
		spec.header = shorten(h)
		f := fieldOf(h)
		switch f {
		case fieldCompetence, fieldLevel:
			if !long {
				break
			}
			fallthrough
		case fieldName, fieldID, fieldRole, fieldTeam, fieldProfiles, fieldAssessor, fieldAssessed:
			if prev := rd.fixed[f]; prev >= 0 {
				rd.probs.add(at(col, h), "", "a second %s column (the first is %s); keep one and delete or rename the other",
					f.header(), rd.colName(base, prev))
			} else {
				rd.fixed[f] = col
			}
			spec.field = f
			continue
		}
		if n, ok := rd.m.node(h); ok {
			if prev, dup := nodeCol[n]; dup {
				rd.probs.add(at(col, h), "", "a second column for competence %s (the first is %s); keep one and delete the other",
					n.ID, rd.colName(base, prev))
				continue
			}
			rd.addScoreCol(col, n, nodeCol)
			if w := rd.headerText(h, n); w != "" {
				rd.r.Warnings = append(rd.r.Warnings, Warning{Where: at(col, h), Message: w})
			}
			continue
		}
		rd.unknownColumn(col, h, at(col, h))
	}
	if long {
		if len(rd.r.Columns) > 0 {
			rd.probs.add(at(rd.fixed[fieldCompetence], header[rd.fixed[fieldCompetence]]), "",
				"the header has both competence and level columns (one row per person and competence) and competence columns like %s (one row per person); use one layout",
				rd.r.Columns[0].ID)
			return
		}
		rd.r.Layout = Long
		rd.long = newLongState()
		return
	}
	if len(rd.r.Columns) == 0 && rd.probs.empty() {
		rd.probs.add(base.String(), "",
			"the header row has no competence columns: name each column after a competence id of %s, like %q or %q",
			rd.fw.ID, rd.fw.Leaves[0].ID, rd.fw.Leaves[0].ID+" "+rd.fw.Text(rd.fw.Leaves[0].Name, rd.fw.Language))
	}
}

func (rd *rosterReader) addScoreCol(col int, n *framework.Node, nodeCol map[*framework.Node]int) {
	nodeCol[n] = col
	rd.cols[col].score = len(rd.r.Columns)
	rd.cols[col].header = n.ID
	rd.r.Columns = append(rd.r.Columns, n)
	rd.scoreCols = append(rd.scoreCols, col)
}

func (rd *rosterReader) colName(base spreadsheet.Pos, col int) string {
	if base.Sheet != "" {
		return "column " + spreadsheet.ColumnName(col)
	}
	return fmt.Sprintf("column %d", col+1)
}

func (rd *rosterReader) unknownColumn(col int, h, where string) {
	if rd.opts.IgnoreUnknown {
		rd.cols[col].ignore = true
		rd.ignored = append(rd.ignored, col)
		return
	}
	rd.probs.add(where, "",
		"column %q names no competence of %s and is not a known column (name, id, role, team, profiles, assessor, assessed)%s; rename or delete it, or use --ignore-unknown to skip it",
		shorten(h), rd.fw.ID, suggest.DidYouMean(firstToken(h), rd.m.ids))
}

// shorten keeps messages readable when a header holds a whole sentence.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}
