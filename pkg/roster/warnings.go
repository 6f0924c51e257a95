package roster

import (
	"fmt"
	"sort"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
)

// warnings adds what the user should know but that does not stop the analysis.
func (rd *rosterReader) warnings(rows *spreadsheet.Rows) {
	rd.columnWarnings(rows)
	rd.rowWarnings()
}

// warn adds a warning about the sheet.
func (rd *rosterReader) warn(format string, args ...any) {
	sheet := spreadsheet.Pos{File: rd.r.Source, Sheet: rd.r.Sheet}.String()
	rd.r.Warnings = append(rd.r.Warnings, Warning{Where: sheet, Message: fmt.Sprintf(format, args...)})
}

// columnWord names column col as the user sees it: by letter in a
// workbook, by number in a CSV file.
func (rd *rosterReader) columnWord(col int) string {
	if rd.r.Sheet != "" {
		return "column " + spreadsheet.ColumnName(col)
	}
	return fmt.Sprintf("column %d", col+1)
}

// columnWarnings warns of the columns ignored (naming no competence, or
// without a header) and of hidden columns read.
func (rd *rosterReader) columnWarnings(rows *spreadsheet.Rows) {
	warn, colName := rd.warn, rd.columnWord
	// A few ignored or headerless columns get a warning each; more get
	// one warning for all (a row can reach 16,384 columns).
	if len(rd.ignored) <= fewColumns {
		for _, col := range rd.ignored {
			warn("ignored %s %q: it names no competence of %s (%s)", colName(col), rd.cols[col].header,
				rd.fw.ID, count(rd.ignoredVals[col], "value", "values"))
		}
	} else {
		list := make([]string, 0, maxListed)
		for _, col := range rd.ignored[:min(len(rd.ignored), maxListed)] {
			list = append(list, fmt.Sprintf("%s %q (%s)", colName(col), rd.cols[col].header, count(rd.ignoredVals[col], "value", "values")))
		}
		warn("ignored %s columns that name no competence of %s: %s", commas(int64(len(rd.ignored))), rd.fw.ID, listMore(list, len(rd.ignored)))
	}
	if n := rd.ignoredVals[-1]; n > 0 {
		warn("ignored %d %s whose competence names none of %s", n, plural(n, "row", "rows"), rd.fw.ID)
	}
	var blankCols []int
	blankVals := 0
	for col, n := range rd.ignoredVals {
		if col >= 0 && n > 0 && (col >= len(rd.cols) || rd.cols[col].header == "") {
			blankCols = append(blankCols, col)
			blankVals += n
		}
	}
	sort.Ints(blankCols)
	if len(blankCols) <= fewColumns {
		for _, col := range blankCols {
			warn("%s has no header, so its %s ignored; give it a competence id as header, or delete it",
				colName(col), count(rd.ignoredVals[col], "value was", "values were"))
		}
	} else {
		names := make([]string, 0, maxListed)
		for _, col := range blankCols[:min(len(blankCols), maxListed)] {
			names = append(names, strings.TrimPrefix(colName(col), "column "))
		}
		warn("%s columns have no header, so their %s ignored (columns %s); give them competence ids as headers, or delete them",
			commas(int64(len(blankCols))), count(blankVals, "value was", "values were"), listMore(names, len(blankCols)))
	}
	var hiddenCols []string
	for col, spec := range rd.cols {
		if (spec.score >= 0 || (spec.field != fieldNone && rd.fixed[spec.field] == col)) && rows.ColHidden(col) {
			hiddenCols = append(hiddenCols, fmt.Sprintf("%s (%s)", spreadsheet.ColumnName(col), spec.header))
		}
	}
	if len(hiddenCols) > 0 {
		warn("hidden %s %s read as usual: %s", plural(len(hiddenCols), "column", "columns"),
			plural(len(hiddenCols), "was", "were"), strings.Join(hiddenCols, ", "))
	}
}

// rowWarnings warns of hidden rows read, formulas without results, persons
// without a role or without any assessment, and competences no column
// covers.
func (rd *rosterReader) rowWarnings() {
	warn := rd.warn
	if rd.hiddenCount > 0 {
		warn("%d hidden %s read as usual (%s); unhide %s to check, or delete %s to leave out",
			rd.hiddenCount, plural(rd.hiddenCount, "row was", "rows were"), listMore(rowsWords(rd, rd.hiddenRows), rd.hiddenCount),
			plural(rd.hiddenCount, "it", "them"), plural(rd.hiddenCount, "it", "them"))
	}
	if rd.uncached > 0 {
		warn("%d %s a formula without a saved result and %s read as blank (first: %s); open the file in Excel or LibreOffice and save it",
			rd.uncached, plural(rd.uncached, "cell holds", "cells hold"), plural(rd.uncached, "was", "were"), rd.uncachedFirst)
	}
	if rd.fixed[fieldRole] < 0 {
		warn("there is no role column, so only the default requirements apply; add a role column (role, rolle or vloga) to use the roles' requirements")
	} else if rd.noRoleCount > 0 {
		warn("%d %s no role, so only the default requirements apply (%s)", rd.noRoleCount,
			plural(rd.noRoleCount, "person has", "persons have"), listMore(rd.noRole, rd.noRoleCount))
	}
	if rd.unassessedN > 0 {
		warn("%d %s nothing assessed: %s", rd.unassessedN, plural(rd.unassessedN, "person has", "persons have"),
			listMore(rd.unassessed, rd.unassessedN))
	}
	if missing := rd.uncovered(); len(missing) > 0 {
		ids := make([]string, 0, 10)
		for _, n := range missing[:min(len(missing), 10)] {
			ids = append(ids, n.ID)
		}
		warn("no column covers %d of the %d competences of %s (%s); they count as not assessed",
			len(missing), len(rd.fw.Leaves), rd.fw.ID, listMore(ids, len(missing)))
	}
}

func rowsWords(rd *rosterReader, rows []int) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = rd.rowWord(r)
	}
	return out
}

// maxListed is how many columns a warning names before "and N more".
const maxListed = 10

// fewColumns is how many ignored columns get a warning each.
const fewColumns = 3

// count says "1 value" or "3 values".
func count(n int, one, many string) string {
	return commas(int64(n)) + " " + plural(n, one, many)
}

// listMore joins items and says how many more there are.
func listMore(items []string, total int) string {
	s := strings.Join(items, ", ")
	if total > len(items) {
		s += " and " + commas(int64(total-len(items))) + " more"
	}
	return s
}

// uncovered returns the framework leaves that no column covers (a column
// covers the leaves at and below its node).
func (rd *rosterReader) uncovered() []*framework.Node {
	covered := make([]bool, len(rd.fw.Leaves))
	for _, n := range rd.r.Columns {
		for _, l := range n.Leaves {
			covered[l.Leaf] = true
		}
	}
	var out []*framework.Node
	for i, l := range rd.fw.Leaves {
		if !covered[i] {
			out = append(out, l)
		}
	}
	return out
}
