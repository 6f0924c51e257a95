package plan

import (
	"cmp"
	"slices"
)

// teachers returns the persons at the teaching level of leaf l, highest
// level first, then in roster order.
func (b *builder) teachers(l int) []int32 {
	if b.teach == nil {
		b.teach = make([][]int32, b.nLeaves)
		b.teachDone = make([]bool, b.nLeaves)
	}
	if !b.teachDone[l] {
		b.teach[l], b.teachDone[l] = b.findTeachers(l), true
	}
	return b.teach[l]
}

func (b *builder) findTeachers(l int) []int32 {
	res := b.res
	var out []int32
	for q := range res.People {
		if b.level(q, l) >= res.Teach[l] {
			out = append(out, int32(q))
		}
	}
	slices.SortFunc(out, func(x, y int32) int {
		if c := cmp.Compare(b.level(int(y), l), b.level(int(x), l)); c != 0 {
			return c
		}
		return res.ComparePlace(int(x), int(y))
	})
	return out
}

// reach returns what a colleague at level L brings a learner to on leaf l:
// min(L − 1, target).
func (b *builder) reach(L int8, l int) int8 { return min(L-1, b.res.Targets[l]) }

// openByLeaf returns the needs not yet routed, per leaf, in priority
// order, and the leaves in the order of their most urgent need.
func (b *builder) openByLeaf() ([][]int32, []int) {
	byLeaf := make([][]int32, b.nLeaves)
	var order []int
	for i, n := range b.p.Needs {
		if n.Route != 0 {
			continue
		}
		if len(byLeaf[n.Leaf]) == 0 {
			order = append(order, int(n.Leaf))
		}
		byLeaf[n.Leaf] = append(byLeaf[n.Leaf], int32(i))
	}
	return byLeaf, order
}

// joint forms the joint activities. A competence becomes one joint
// activity of the unit when at least JointMin persons need it and more
// need it than can teach it (persons at the teaching level); the
// participants are those whose goal the lead can bring them to. Otherwise
// the same rule is tried within each team, with the team's own persons
// and teachers. The lead is the colleague at the teaching level with the
// highest level (for a team, one of the team first) who leads no other
// joint activity; a competence nobody can teach gets none.
func (b *builder) joint() {
	res, p := b.res, b.p
	byLeaf, order := b.openByLeaf()
	leading := make([]bool, len(res.People))
	for _, l := range order {
		teachers := b.teachers(l)
		if len(teachers) == 0 {
			continue
		}
		if lead := b.pickLead(teachers, leading, "", false); lead >= 0 {
			part := b.participants(byLeaf[l], lead, l, "", false)
			if len(part) >= p.Options.JointMin && len(part) > len(teachers) {
				b.addJoint(l, "", true, lead, len(teachers), part, leading)
				continue
			}
		}
		for _, team := range b.teamsOf(byLeaf[l]) {
			inTeam := 0
			for _, q := range teachers {
				if res.People[q].Person.Team == team {
					inTeam++
				}
			}
			lead := b.pickLead(teachers, leading, team, true)
			if lead < 0 {
				break
			}
			part := b.participants(byLeaf[l], lead, l, team, true)
			if len(part) >= p.Options.JointMin && len(part) > inTeam {
				b.addJoint(l, team, false, lead, inTeam, part, leading)
			}
		}
	}
}

// pickLead returns the first teacher who leads nothing yet, one of team
// first when byTeam; -1 when none is left.
func (b *builder) pickLead(teachers []int32, leading []bool, team string, byTeam bool) int32 {
	if byTeam {
		for _, q := range teachers {
			if !leading[q] && b.res.People[q].Person.Team == team {
				return q
			}
		}
	}
	for _, q := range teachers {
		if !leading[q] {
			return q
		}
	}
	return -1
}

// participants returns the open needs of leaf l (of team, when byTeam)
// whose goal the lead can bring them to, the lead's own excluded.
func (b *builder) participants(open []int32, lead int32, l int, team string, byTeam bool) []int32 {
	reach := b.reach(b.level(int(lead), l), l)
	var out []int32
	for _, i := range open {
		n := b.p.Needs[i]
		if n.Route != 0 || n.Person == lead || n.Goal > reach {
			continue
		}
		if byTeam && b.res.People[n.Person].Person.Team != team {
			continue
		}
		out = append(out, i)
	}
	return out
}

// teamsOf returns the teams (not "") of the open needs, in name order.
func (b *builder) teamsOf(open []int32) []string {
	var teams []string
	for _, i := range open {
		if t := b.res.People[b.p.Needs[i].Person].Person.Team; t != "" {
			teams = append(teams, t)
		}
	}
	slices.Sort(teams)
	return slices.Compact(teams)
}

// addJoint records a joint activity and routes its needs.
func (b *builder) addJoint(l int, team string, unit bool, lead int32, teachers int, needs []int32, leading []bool) {
	p := b.p
	k := int32(len(p.Joint))
	p.Joint = append(p.Joint, Joint{Leaf: int32(l), Team: team, Unit: unit, Lead: lead,
		Reach: b.reach(b.level(int(lead), l), l), Teachers: teachers, Needs: needs})
	leading[lead] = true
	for _, i := range needs {
		n := &p.Needs[i]
		n.Route, n.Activity, n.Expected = RouteJoint, k, n.Goal
	}
}
