package render

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/safetext"
)

// DiffCSVHeader are the columns of the CSV output of a comparison.
var DiffCSVHeader = []string{"name", "id", "change", "competence", "competence_name", "before", "after",
	"assessment", "other_assessor", "assessor_before", "assessor_after"}

// DiffCSV writes one row per change of a person: joined, left, renamed,
// role, team, then each changed level (up, down, removed, added), then
// each profile gained or lost (profile-gained, profile-lost); persons in
// the order of Result.People, persons without a change without rows. Text
// cells are made safe for spreadsheets (safetext.CSV).
func DiffCSV(w io.Writer, d *diff.Result, o Options) error {
	dv := newDiffView(d, o)
	cw := csv.NewWriter(w)
	if err := cw.Write(DiffCSVHeader); err != nil {
		return err
	}
	for _, p := range d.People {
		for _, row := range dv.csvRows(p) {
			for i := range row {
				row[i] = safetext.CSV(row[i])
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvRows are a person's rows.
func (dv *diffView) csvRows(p diff.PersonChange) [][]string {
	d := dv.d
	var name, id string
	if p.After >= 0 {
		name, id = d.After.People[p.After].Name, d.After.People[p.After].ID
	} else {
		name, id = d.Before.People[p.Before].Name, d.Before.People[p.Before].ID
	}
	var rows [][]string
	add := func(change, comp, compName, before, after, assessment, other string) {
		rows = append(rows, []string{name, id, change, comp, compName, before, after, assessment, other, p.Assessors[0], p.Assessors[1]})
	}
	switch {
	case p.Joined():
		add("joined", "", "", "", "", "", "")
		return rows
	case p.Left():
		add("left", "", "", "", "", "", "")
		return rows
	}
	pb, pa := &d.Before.People[p.Before], &d.After.People[p.After]
	if p.Renamed {
		add("renamed", "", "", pb.Name, pa.Name, "", "")
	}
	if p.RoleChanged {
		add("role", "", "", pb.Person.Role, pa.Person.Role, "", "")
	}
	if p.TeamChanged {
		add("team", "", "", pb.Person.Team, pa.Person.Team, "", "")
	}
	fw := d.Before.Framework
	for _, lc := range p.Levels {
		n := fw.Leaves[lc.Leaf]
		add(lc.Change.String(), n.ID, dv.b.text(n.Name), csvLevel(lc.Before), csvLevel(lc.After), lc.Assessment.String(),
			strconv.FormatBool(lc.OtherAssessor))
	}
	for _, g := range p.Gained {
		n := fw.Profiles[g.Profile]
		add("profile-gained", n.ID, dv.b.text(n.Name), "no", "yes", "", "")
	}
	for _, g := range p.Lost {
		n := fw.Profiles[g.Profile]
		add("profile-lost", n.ID, dv.b.text(n.Name), "yes", "no", "", "")
	}
	return rows
}

func csvLevel(x int8) string {
	if x < 0 {
		return ""
	}
	return strconv.Itoa(int(x))
}
