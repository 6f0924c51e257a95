package analysis

import (
	"cmp"
	"slices"
)

// figures computes the figures of a group: the persons members, or every
// person when members is nil.
func (a *analyzer) figures(members []int32) Figures {
	res := a.res
	f := Figures{Leaves: make([]LeafStat, a.nLeaves), Profiles: slices.Clone(a.profStats)}
	for l := range f.Leaves {
		f.Leaves[l].below = -1
	}
	a.each(members, func(pi int) {
		p := &res.People[pi]
		f.Summary.Persons++
		addBasis(&f.Summary.Basis, p.Basis)
		if p.Basis.Gaps() > 0 {
			f.Summary.PeopleWithGaps++
		}
		row := res.Levels[pi*a.nLeaves : (pi+1)*a.nLeaves]
		req := res.Roles[p.Role].Required
		for l, L := range row {
			s := &f.Leaves[l]
			a.hold(s, pi, L, l)
			if l >= a.nBasis || req[l] <= 0 {
				continue
			}
			R := req[l]
			s.Required++
			s.ReqSum += int32(R)
			if L >= 0 {
				s.Assessed++
				if L >= R {
					s.Met++
				} else {
					s.GapSum += int32(R - L)
				}
			}
		}
		a.countProfiles(f.Profiles, pi)
	})
	return f
}

// hold counts person pi as a holder of leaf l when L ≥ T (and a teacher at
// the teaching level), else keeps the highest level below T.
func (a *analyzer) hold(s *LeafStat, pi int, L int8, l int) {
	if L >= a.res.Targets[l] {
		if s.Holders == 0 {
			s.holder = int32(pi)
		}
		s.Holders++
		if L >= a.res.Teach[l] {
			s.Teachers++
		}
	} else if L > s.below {
		s.below = L
	}
}

// countProfiles adds person pi to the fitting and expected counts.
func (a *analyzer) countProfiles(ps []ProfileStat, pi int) {
	res := a.res
	for j := range ps {
		if res.Fits(pi, j) {
			ps[j].Fitting++
		}
	}
	p := &res.People[pi]
	for _, j := range p.Expected {
		s := &ps[j]
		s.Expected++
		if p.ExpectedByRole {
			s.ExpectedByRole++
		}
		if res.Assessed[pi*a.nProf+int(j)] > 0 {
			s.ExpectedAssessed++
		}
		if res.Fits(pi, int(j)) {
			s.ExpectedFitting++
		}
	}
}

// each calls f for every member, or every person when members is nil.
func (a *analyzer) each(members []int32, f func(p int)) {
	if members == nil {
		for p := range a.res.People {
			f(p)
		}
		return
	}
	for _, p := range members {
		f(int(p))
	}
}

// groups computes the figures and holes of the whole unit, of each team
// and of each role.
func (a *analyzer) groups() {
	res := a.res
	res.Figures = a.figures(nil)
	res.Holes = a.holes(nil, res.Figures, true)
	res.Teams = a.teamGroups()
	res.RoleGroups = a.roleGroups()
}

// teamGroups returns the teams in name order, persons without a team last,
// and sets each person's Team.
func (a *analyzer) teamGroups() []Group {
	res := a.res
	idx := map[string]int{}
	var names []string
	for i := range res.People {
		t := res.People[i].Person.Team
		if _, ok := idx[t]; !ok {
			idx[t] = len(names)
			names = append(names, t)
		}
	}
	slices.SortFunc(names, func(x, y string) int {
		if (x == "") != (y == "") {
			if x == "" {
				return 1
			}
			return -1
		}
		return cmp.Compare(x, y)
	})
	groups := make([]Group, len(names))
	for i, n := range names {
		idx[n] = i
		groups[i] = Group{Name: n, Role: -1}
	}
	for pi := range res.People {
		p := &res.People[pi]
		p.Team = int32(idx[p.Person.Team])
		groups[p.Team].Members = append(groups[p.Team].Members, int32(pi))
	}
	for i := range groups {
		a.fill(&groups[i])
	}
	return groups
}

// roleGroups returns the roles in the order of Result.Roles.
func (a *analyzer) roleGroups() []Group {
	res := a.res
	groups := make([]Group, len(res.Roles))
	for i, r := range res.Roles {
		groups[i] = Group{Name: r.ID, Role: int32(i)}
	}
	for pi := range res.People {
		r := res.People[pi].Role
		groups[r].Members = append(groups[r].Members, int32(pi))
	}
	for i := range groups {
		a.fill(&groups[i])
	}
	return groups
}

// fill computes a group's figures and holes.
func (a *analyzer) fill(g *Group) {
	g.Figures = a.figures(g.Members)
	g.Holes = a.holes(g.Members, g.Figures, false)
}
