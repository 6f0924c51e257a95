package workbook

import (
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/plan"
	"github.com/xuri/excelize/v2"
)

// coursesList is one row per run of a catalog course.
func (pb *planBook) coursesList() list {
	l, p := pb.l, pb.p
	runs := pb.shown.Runs
	head := append([]string{l.T(lang.ID), l.T(lang.Course), l.T(lang.ProviderL), l.T(lang.ActivityL), l.T(lang.FormL),
		l.T(lang.GoalKind), l.T(lang.Run), l.T(lang.ParticipantsN), l.T(lang.Cost), l.T(lang.HoursL), l.T(lang.DurationL),
		l.T(lang.CompetencesL), l.T(lang.Closes)}, pb.transferHead()...)
	return list{name: lang.SheetCourses, head: head, n: len(runs),
		widths: []float64{24, 44, 32, 18, 16, 24, 6, 12, 13, 8, 28, 50, 26, 34, 26, 26, 26, 14},
		text:   []int{1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16, 17}, input: []int{18}, transferAt: 14,
		row: func(row []any, i int) {
			r := p.Runs[runs[i]]
			c := r.Course
			row[0], row[1], row[2] = pb.text(c.ID), pb.text(pb.courseName(c)), pb.text(c.Provider)
			row[3], row[4], row[5] = l.T(lang.ActivityName(string(c.Activity))), l.T(lang.FormName(string(c.Form))), pb.goals(c.Goals)
			row[6], row[7], row[8] = r.No, len(r.Persons), excelize.Cell{StyleID: pb.st.leftNum, Value: int(r.Cost)}
			if c.Hours > 0 {
				row[9] = c.Hours
			}
			row[10], row[11], row[12] = pb.text(p.Catalog.Text(c.Duration, l.Code())), pb.text(pb.competences(r.Needs)), pb.holesOf(r.Needs)
			pb.transfer(row, 13, plan.RunKind(c))
		}}
}

// jointList is one row per joint activity: those led by colleagues, then
// the runs of courses held at the workplace.
func (pb *planBook) jointList() list {
	l, p := pb.l, pb.p
	var runs []int
	for _, k := range pb.shown.Runs {
		if p.Runs[k].Course.IsJoint() {
			runs = append(runs, k)
		}
	}
	joint := pb.shown.Joint
	head := append([]string{l.T(lang.ActivityL), l.T(lang.CompetencesL), l.T(lang.ForWhom), l.T(lang.Lead), l.T(lang.ParticipantsN),
		l.T(lang.ParticipantNames), l.T(lang.GoalKind), l.T(lang.LearningForm), l.T(lang.LevelReached)}, pb.transferHead()...)
	return list{name: lang.SheetJoint, head: head, n: len(joint) + len(runs),
		widths: []float64{30, 40, 18, 30, 12, 40, 24, 40, 16, 34, 30, 26, 34, 14},
		text:   []int{1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13}, input: []int{14}, transferAt: 10,
		row: func(row []any, i int) {
			if i < len(joint) {
				j := p.Joint[joint[i]]
				row[0], row[1] = l.T(lang.KindJoint), pb.text(pb.node(j.Leaf))
				row[2] = l.T(lang.WholeUnit)
				if !j.Unit {
					row[2] = pb.text(l.F(lang.TeamOnly, j.Team))
				}
				row[3], row[4], row[5] = pb.text(pb.narrator.Person(j.Lead)+" – "+l.T(lang.ToBeAgreed)), len(j.Needs), pb.needNames(j.Needs)
				row[6], row[7], row[8] = pb.leafGoals(j.Leaf), pb.leafForm(j.Leaf), pb.narrator.Level(int(j.Reach))
				pb.transfer(row, 9, plan.KindJoint)
				return
			}
			r := p.Runs[runs[i-len(joint)]]
			c := r.Course
			row[0], row[1] = pb.text(pb.courseName(c)+", "+l.T(lang.Run)+" "+l.Int(r.No)), pb.text(pb.competences(r.Needs))
			row[2], row[3], row[4], row[5] = l.T(lang.WholeUnit), pb.text(c.Provider), len(r.Persons), pb.personNames(r.Persons)
			row[6], row[7] = pb.goals(c.Goals), l.T(lang.ActivityName(string(c.Activity)))+" · "+l.T(lang.FormName(string(c.Form)))
			pb.transfer(row, 9, plan.KindJointCourse)
		}}
}

// needNames joins the shown persons of needs (each once); the others are
// counted, not named.
func (pb *planBook) needNames(needs []int32) string {
	var ps []int32
	for _, i := range needs {
		ps = append(ps, pb.p.Needs[i].Person)
	}
	return pb.personNames(ps)
}

// personNames joins the names of the shown persons, up to the list limit.
func (pb *planBook) personNames(ps []int32) string {
	j := &joiner{b: pb.builder}
	for _, q := range ps {
		if pb.shown.Shows(q) {
			j.add(pb.names[q])
		}
	}
	return j.String()
}

// participantsList is one row per person and activity, ready for
// enrolment.
func (pb *planBook) participantsList() list {
	l := pb.l
	head := []string{l.T(lang.Name), l.T(lang.ID), l.T(lang.Team), l.T(lang.Role), l.T(lang.ActivityL), l.T(lang.Course),
		l.T(lang.Run), l.T(lang.WithWhom), l.T(lang.CompetencesL), l.T(lang.PriorityL), l.T(lang.Agreed)}
	return list{name: lang.SheetParticipants, head: head, n: len(pb.participation),
		widths: []float64{26, 11, 18, 22, 22, 40, 6, 36, 50, 24, 16},
		text:   []int{1, 2, 3, 4, 5, 6, 8, 9, 10}, input: []int{11},
		row: func(row []any, i int) {
			pa := pb.participation[i]
			per := &pb.res.People[pa.person]
			row[0], row[1], row[2], row[3] = pb.text(pb.names[pa.person]), pb.text(per.ID), pb.text(per.Person.Team), pb.text(pb.roleName[per.Role])
			kind, course, run, with := pb.activity(pa.route, pa.act)
			row[4], row[5], row[7] = l.T(lang.KindName(string(kind))), course, with
			if run > 0 {
				row[6] = run
			}
			row[8], row[9] = pb.text(pb.competences(pa.needs)), pb.priority(pb.p.Needs[pa.needs[0]])
		}}
}

// activity describes an activity: its kind, the course (if any), the run
// number (0 for none) and who teaches (the lead, the colleague, the
// provider).
func (pb *planBook) activity(route plan.Route, act int32) (plan.Kind, string, int, string) {
	p, l := pb.p, pb.l
	switch route {
	case plan.RouteJoint:
		return plan.KindJoint, "", 0, pb.text(pb.narrator.Person(p.Joint[act].Lead) + " – " + l.T(lang.ToBeAgreed))
	case plan.RouteColleague:
		return plan.KindColleague, "", 0, pb.text(pb.narrator.Person(p.Pairs[act].Colleague) + " – " + l.T(lang.ToBeAgreed))
	}
	r := p.Runs[act]
	return plan.RunKind(r.Course), pb.text(pb.courseName(r.Course)), r.No, pb.text(r.Course.Provider)
}

// priority names a need's priority: the tier of its hole, or the
// person's own development.
func (pb *planBook) priority(n plan.Need) string {
	if n.Priority == plan.PriorityOwn {
		return pb.l.T(lang.PriorityOwn)
	}
	return pb.narrator.Tier(analysis.Tier(n.Priority))
}

// colleaguesList is one row per colleague and learner.
func (pb *planBook) colleaguesList() list {
	l, p := pb.l, pb.p
	pairs := pb.shown.Pairs
	head := append([]string{l.T(lang.ColleagueL), l.T(lang.Team), l.T(lang.Learner), l.T(lang.Team), l.T(lang.CompetencesL),
		l.T(lang.NowToExpected), l.T(lang.AgreedWithColleague)}, pb.transferHead()...)
	return list{name: lang.SheetColleagues, head: head, n: len(pairs),
		widths: []float64{26, 18, 26, 18, 44, 34, 16, 34, 26, 26, 26, 14},
		text:   []int{1, 2, 3, 4, 5, 6, 8, 9, 10, 11}, input: []int{7, 12}, transferAt: 8,
		row: func(row []any, i int) {
			pr := p.Pairs[pairs[i]]
			c, ln := &pb.res.People[pr.Colleague], &pb.res.People[pr.Learner]
			row[0], row[1] = pb.text(pb.names[pr.Colleague]), pb.text(c.Person.Team)
			row[2], row[3] = pb.text(pb.names[pr.Learner]), pb.text(ln.Person.Team)
			var levels []string
			for _, k := range pr.Needs {
				n := p.Needs[k]
				levels = append(levels, p.Framework.Leaves[n.Leaf].ID+": "+l.Int(int(n.Level))+" → "+l.Int(int(n.Expected)))
			}
			row[4], row[5] = pb.text(pb.competences(pr.Needs)), strings.Join(levels, "; ")
			pb.transfer(row, 7, plan.KindColleague)
		}}
}

// peopleList is each person's plan: one row per need, in priority order
// per person.
func (pb *planBook) peopleList() list {
	l, p := pb.l, pb.p
	var needs []int32
	for q := range p.Before.People {
		if pb.shown.Shows(int32(q)) {
			needs = append(needs, p.PersonNeeds(q)...)
		}
	}
	head := []string{l.T(lang.Name), l.T(lang.ID), l.T(lang.Team), l.T(lang.Role), l.T(lang.PriorityL), l.T(lang.ID),
		l.T(lang.Competence), l.T(lang.ProfileL), l.T(lang.LevelNow), l.T(lang.GoalL), l.T(lang.ExpectedLevel), l.T(lang.RouteL),
		l.T(lang.WithWhom), l.T(lang.GoalKind), l.T(lang.LearningForm), l.T(lang.Agreed), l.T(lang.FollowUpDate)}
	return list{name: lang.SheetPlanPeople, head: head, n: len(needs),
		widths: []float64{26, 11, 18, 22, 22, 13, 40, 24, 8, 8, 10, 22, 34, 20, 30, 24, 14},
		text:   []int{1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15}, input: []int{16, 17},
		row: func(row []any, i int) {
			n := p.Needs[needs[i]]
			per := &pb.res.People[n.Person]
			leaf := p.Framework.Leaves[n.Leaf]
			row[0], row[1], row[2], row[3] = pb.text(pb.names[n.Person]), pb.text(per.ID), pb.text(per.Person.Team), pb.text(pb.roleName[per.Role])
			row[4], row[5], row[6] = pb.priority(n), leaf.ID, pb.text(pb.name(leaf))
			if n.Profile >= 0 {
				row[7] = pb.profName[n.Profile]
			}
			row[8], row[9], row[10] = levelValues[n.Level], levelValues[n.Goal], levelValues[n.Expected]
			switch {
			case n.Route.Served():
				kind, course, run, with := pb.activity(n.Route, n.Activity)
				row[11] = l.T(lang.KindName(string(kind)))
				if course != "" {
					with = course + ", " + l.T(lang.Run) + " " + l.Int(run) + " (" + with + ")"
				}
				row[12] = with
			case n.Route == plan.RouteDeferred:
				row[11] = l.T(lang.RouteDeferredL)
			default:
				row[11] = l.T(lang.RouteUnmetL)
			}
			row[13], row[14] = pb.leafGoals(n.Leaf), pb.leafForm(n.Leaf)
		}}
}

// unmetList is the wish list for course providers: no names.
func (pb *planBook) unmetList() list {
	l, p := pb.l, pb.p
	unmet := pb.shown.Unmet
	head := []string{l.T(lang.ID), l.T(lang.Competence), l.T(lang.PersonsShort), l.T(lang.LevelsMissing), l.T(lang.FromTo),
		l.T(lang.GoalKind), l.T(lang.LearningForm), l.T(lang.AskFor)}
	return list{name: lang.SheetUnmet, head: head, n: len(unmet),
		widths: []float64{13, 44, 9, 10, 30, 20, 34, 20},
		text:   []int{1, 2, 5, 6, 7, 8},
		row: func(row []any, i int) {
			u := p.Unmet[unmet[i]]
			lo, hi := int8(127), int8(0)
			persons, levels := 0, 0
			for _, k := range u.Needs {
				if n := p.Needs[k]; pb.shown.Shows(n.Person) {
					lo, hi = min(lo, n.Level), max(hi, n.Goal)
					persons++
					levels += n.Gap()
				}
			}
			leaf := p.Framework.Leaves[u.Leaf]
			row[0], row[1], row[2], row[3] = leaf.ID, pb.text(pb.name(leaf)), persons, levels
			row[4] = pb.narrator.Level(int(lo)) + " → " + pb.narrator.Level(int(hi))
			row[5], row[6] = pb.leafGoals(u.Leaf), pb.leafForm(u.Leaf)
			row[7] = l.T(lang.AskCourse)
			if persons >= p.Options.JointMin {
				row[7] = l.T(lang.AskJoint)
			}
		}}
}

// assessList lists what to assess before planning.
func (pb *planBook) assessList() list {
	l, p := pb.l, pb.p
	as := pb.shown.Assessments
	head := []string{l.T(lang.ID), l.T(lang.Competence), l.T(lang.PersonsShort), l.T(lang.WhoToAssess), l.T(lang.HoleL)}
	return list{name: lang.SheetAssess, head: head, n: len(as),
		widths: []float64{13, 44, 9, 50, 22},
		text:   []int{1, 2, 4, 5},
		row: func(row []any, i int) {
			a := p.Assessments[as[i]]
			leaf := p.Framework.Leaves[a.Leaf]
			row[0], row[1], row[3] = leaf.ID, pb.text(pb.name(leaf)), pb.personNames(a.Persons)
			n := 0
			for _, q := range a.Persons {
				if pb.shown.Shows(q) {
					n++
				}
			}
			row[2] = n
			if a.Hole {
				row[4] = l.T(lang.KindUnassessed)
			}
		}}
}
