package render

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/safetext"
)

// aggCSVHeader are the columns of an aggregate report's CSV.
var aggCSVHeader = []string{"unit", "group", "group_kind", "competence", "competence_name", "assessed", "met", "coverage"}

// csvSuppressed is what a suppressed figure is written as in CSV.
const csvSuppressed = "suppressed"

// csv writes one row per group and basis competence: the unit's rows, then
// each group's; a suppressed figure is written as "suppressed", an
// undefined coverage (nobody assessed) as an empty cell.
func (a *aggView) csv(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(aggCSVHeader); err != nil {
		return err
	}
	if err := a.csvRows(cw, unitName(a.rep.Source)); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvRows writes the rows of the report as unit unit.
func (a *aggView) csvRows(cw *csv.Writer, unit string) error {
	rep := a.rep
	kind := "team"
	if rep.Breakdown == privacy.ByRole {
		kind = "role"
	}
	write := func(g *privacy.Group, group, kind string) error {
		for l, n := range rep.Framework.BasisLeaves {
			if err := cw.Write(coverageRow(unit, group, kind, n.ID, a.n.Name(n), g.Leaves[l].Coverage)); err != nil {
				return err
			}
		}
		return nil
	}
	if err := write(&rep.Unit, "", "unit"); err != nil {
		return err
	}
	for i := range rep.Groups {
		if err := write(&rep.Groups[i], rep.Groups[i].Name, kind); err != nil {
			return err
		}
	}
	return nil
}

// coverageRow is a CSV row of a coverage that may be suppressed: unit,
// group, kind, competence id and name, assessed, met, coverage.
func coverageRow(unit, group, kind, id, name string, f privacy.Figure) []string {
	row := []string{safetext.CSV(unit), safetext.CSV(group), kind, safetext.CSV(id), safetext.CSV(name),
		csvSuppressed, csvSuppressed, csvSuppressed}
	if k, m, ok := f.Of(); ok {
		row[5], row[6], row[7] = strconv.Itoa(m), strconv.Itoa(k), ""
		if x, defined, _ := f.Share(); defined {
			row[7] = strconv.FormatFloat(x, 'f', 4, 64)
		}
	}
	return row
}
