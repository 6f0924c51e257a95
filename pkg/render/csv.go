package render

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/safetext"
)

// csvHeader are the columns of the CSV output.
var csvHeader = []string{"name", "id", "role", "team", "kind", "profile", "competence", "competence_name",
	"required", "level", "gap"}

// CSV writes one row per listed person and gap: the basis gaps (kind
// "basis", required = R), then the gaps in the person's expected profiles
// (kind "profile", required = T). Persons without gaps have no rows. Text
// cells that a spreadsheet would read as a formula are neutralised (see
// safetext.CSV). Only Options.Lang is used (for competence_name).
func CSV(w io.Writer, res *analysis.Result, o Options) error {
	v, err := newView(res, o)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	row := make([]string, len(csvHeader))
	write := func(p *analysis.Person, kind string, g analysis.Gap) error {
		n := res.Framework.Leaves[g.Leaf]
		profile := ""
		if n.Profile != nil {
			profile = n.Profile.ID
		}
		for i, s := range []string{p.Name, p.ID, p.Person.Role, p.Person.Team, kind, profile, n.ID, v.text(n.Name)} {
			row[i] = safetext.CSV(s)
		}
		row[8], row[9], row[10] = strconv.Itoa(int(g.Required)), strconv.Itoa(int(g.Level)), strconv.Itoa(g.Size())
		return cw.Write(row)
	}
	for _, p := range res.ListedPeople() {
		for _, g := range p.Gaps {
			if err := write(p, "basis", g); err != nil {
				return err
			}
		}
		for _, g := range p.ProfileGaps {
			if err := write(p, "profile", g); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
