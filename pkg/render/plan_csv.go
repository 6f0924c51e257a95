package render

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/plan"
	"github.com/huller/huller/pkg/safetext"
)

// planCSVHeader are the columns of the plan's CSV output.
var planCSVHeader = []string{"name", "id", "role", "team", "competence", "competence_name", "profile", "level", "goal",
	"expected", "priority", "hole", "route", "with", "course", "run", "learning_goals"}

// PlanCSV writes one row per need of the listed persons, in priority
// order: who, what, level now, goal and expected, the priority and the
// hole it helps close ("kind:id"), the route, who teaches (the lead of a
// joint activity or the colleague), the course id and run. Text cells
// are neutralised for spreadsheets (safetext.CSV).
func PlanCSV(w io.Writer, p *plan.Plan, o Options) error {
	v, err := newPlanView(p, o)
	if err != nil {
		return err
	}
	f := newPlanFilter(p)
	cw := csv.NewWriter(w)
	if err := cw.Write(planCSVHeader); err != nil {
		return err
	}
	res, fw := p.Before, p.Framework
	row := make([]string, len(planCSVHeader))
	for _, i := range f.Needs {
		n := p.Needs[i]
		per := res.People[n.Person]
		leaf := fw.Leaves[n.Leaf]
		profile, hole, with, course, run := "", "", "", "", ""
		if n.Profile >= 0 {
			profile = fw.Profiles[n.Profile].ID
		}
		if n.Hole >= 0 {
			hole = holeRef(res.Holes[n.Hole])
		}
		switch n.Route {
		case plan.RouteJoint:
			with = res.People[p.Joint[n.Activity].Lead].Name
		case plan.RouteColleague:
			with = res.People[p.Pairs[n.Activity].Colleague].Name
		case plan.RouteCourse:
			r := p.Runs[n.Activity]
			course, run = r.Course.ID, strconv.Itoa(r.No)
		}
		goals := strings.Join(goalCodes(catalog.LeafGoals(leaf)), " ")
		for k, s := range []string{per.Name, per.ID, per.Person.Role, per.Person.Team, leaf.ID, v.text(leaf.Name), profile} {
			row[k] = safetext.CSV(s)
		}
		row[7], row[8], row[9], row[10] = strconv.Itoa(int(n.Level)), strconv.Itoa(int(n.Goal)), strconv.Itoa(int(n.Expected)), strconv.Itoa(int(n.Priority))
		row[11], row[12], row[13], row[14], row[15], row[16] = hole, n.Route.String(), safetext.CSV(with), safetext.CSV(course), run, goals
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ErrProjectedSheet refuses a projected roster in CSV when the roster's
// required levels came from its Requirements sheet, which a CSV file
// cannot hold.
var ErrProjectedSheet = errors.New("the roster's Requirements sheet cannot go into a CSV file")

// ProjectedCSV writes the plan's projected roster in the roster format:
// name, id, role, team, profiles, then one column per competence of the
// framework (its id), a level or blank (not assessed). `huller analyze`
// on it, with the same framework, requirements file and settings, gives
// the plan's "after" figures. Profiles are written as read ("none" for an
// explicit no profile); text cells are neutralised for spreadsheets
// (safetext.CSV). A roster with a Requirements sheet is refused
// (ErrProjectedSheet): write the projected roster as a workbook instead.
func ProjectedCSV(w io.Writer, p *plan.Plan) error {
	r := p.Projected
	if len(r.Requirements) > 0 {
		return ErrProjectedSheet
	}
	cw := csv.NewWriter(w)
	head := []string{"name", "id", "role", "team", "profiles"}
	for _, n := range r.Columns {
		head = append(head, n.ID)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	row := make([]string, len(head))
	for _, per := range r.Persons {
		profiles := strings.Join(per.Profiles, ", ")
		if per.Profiles != nil && len(per.Profiles) == 0 {
			profiles = "none"
		}
		for k, s := range []string{per.Name, per.ID, per.Role, per.Team, profiles} {
			row[k] = safetext.CSV(s)
		}
		for k, L := range per.Scores {
			row[5+k] = ""
			if L >= 0 {
				row[5+k] = strconv.Itoa(int(L))
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
