package render

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"

	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/safetext"
)

// DiffCSVHeader are the columns of the CSV output of a comparison.
var DiffCSVHeader = []string{"name", "id", "change", "competence", "competence_name", "before", "after",
	"assessment", "other_assessor", "assessor_before", "assessor_after"}

// DiffPlanCSVColumns are the columns a comparison with a plan adds to
// DiffCSVHeader, filled on the rows of the plan's needs.
var DiffPlanCSVColumns = []string{"goal", "expected", "route", "activity", "outcome"}

// DiffCSV writes one row per change of a person: joined, left, renamed,
// role, team, then each changed level (up, down, removed, added), then
// each profile gained or lost (profile-gained, profile-lost); persons in
// the order of Result.People, persons without a change without rows. With
// a plan, the rows of its needs (change "planned") come first, and the
// columns DiffPlanCSVColumns follow. Text cells are made safe for
// spreadsheets (safetext.CSV).
func DiffCSV(w io.Writer, d *diff.Result, o Options) error {
	dv := newDiffView(d, o)
	cw := csv.NewWriter(w)
	header := DiffCSVHeader
	if d.Plan != nil {
		header = append(slices.Clip(DiffCSVHeader), DiffPlanCSVColumns...)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	write := func(row []string) error {
		for i := range row {
			row[i] = safetext.CSV(row[i])
		}
		return cw.Write(append(row, make([]string, len(header)-len(row))...))
	}
	if f := d.Plan; f != nil {
		for k := range f.Plan.Needs {
			if err := write(dv.csvPlanRow(f, k)); err != nil {
				return err
			}
		}
	}
	for _, p := range d.People {
		for _, row := range dv.csvRows(p) {
			if err := write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvPlanRow is the row of a need of the plan: the plan's level before,
// the new level after.
func (dv *diffView) csvPlanRow(f *diff.FollowUp, k int) []string {
	d := dv.d
	n, nf := f.Plan.Needs[k], f.Needs[k]
	pp := f.Plan.Persons[n.Person]
	var name string
	if node := d.Before.Framework.Node(n.Competence); node != nil {
		name = dv.b.text(node.Name)
	}
	var who [2]string
	if j := f.Before[n.Person]; j >= 0 {
		who[0] = d.Before.People[j].Assessor
	}
	if i := f.After[n.Person]; i >= 0 {
		who[1] = d.After.People[i].Assessor
	}
	act := ""
	if n.Activity >= 0 {
		act = strconv.Itoa(n.Activity)
	}
	return []string{pp.Name, pp.ID, "planned", n.Competence, name, strconv.Itoa(n.Level), csvLevel(nf.New), nf.Assessment.String(), "",
		who[0], who[1], strconv.Itoa(n.Goal), strconv.Itoa(n.Expected), n.Route, act, nf.Outcome.String()}
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
