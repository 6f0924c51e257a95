package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/roster"
)

// span is a person's part of a slab, set once the slab stops growing.
type span struct{ gaps, pgaps, assigned [2]int32 }

// score makes the one pass over the persons: resolved levels, basis
// figures, gaps, profile reach, and the group figures.
func (a *analyzer) score() error {
	res := a.res
	nP := len(res.People)
	if !a.s.ByTeam {
		a.summaries = []Summary{{}}
		a.leaves = a.newLeafStats()
		a.profiles = append([]ProfileStat(nil), res.Profiles...)
	}
	res.Levels = make([]int8, nP*a.nLeaves)
	res.Reach = make([]uint16, nP*a.nProf)
	gaps := make([]Gap, 0, nP*2)
	pgaps := make([]Gap, 0, nP)
	var assigned []int32
	spans := make([]span, nP)

	for pi := range res.People {
		p := &res.People[pi]
		p.Role = a.role(p.Person.Role)
		p.Team = a.team(p.Person.Team)
		ro := &res.Roles[p.Role]
		ro.Persons++
		row := res.Levels[pi*a.nLeaves : (pi+1)*a.nLeaves]
		a.resolve(row, p.Scores)

		g := int(p.Team)
		st := a.leaves[g*a.nLeaves : (g+1)*a.nLeaves]
		sp := &spans[pi]
		sp.gaps[0] = int32(len(gaps))
		gaps = a.basis(p, pi, row, ro.Required, st, gaps)
		sp.gaps[1] = int32(len(gaps))

		reach := res.Reach[pi*a.nProf : (pi+1)*a.nProf]
		a.profileLeaves(pi, row, st, reach)

		// Assigned profiles: the roster's column, else the role's.
		sp.assigned[0] = int32(len(assigned))
		for _, id := range p.Profiles {
			if j := a.profileIndex(id); j >= 0 {
				assigned = append(assigned, j)
			} else if strings.TrimSpace(id) != "" {
				a.warn(fmt.Sprintf("%s: %q in the profiles column is not a profile of framework %s "+
					"(profiles: %s): ignored", a.r.Source, id, a.fw.ID, a.profileIDs()))
			}
		}
		own := assigned[sp.assigned[0]:]
		slices.Sort(own)
		assigned = assigned[:int(sp.assigned[0])+len(slices.Compact(own))]
		sp.assigned[1] = int32(len(assigned))
		as := assigned[sp.assigned[0]:sp.assigned[1]]
		if len(as) == 0 && len(p.Profiles) == 0 {
			as, p.AssignedFromRole = ro.Profiles, len(ro.Profiles) > 0
		}
		sp.pgaps[0] = int32(len(pgaps))
		pgaps = a.fits(pi, row, reach, as, pgaps)
		sp.pgaps[1] = int32(len(pgaps))
		if p.AssignedFromRole {
			p.Assigned = as
		}

		sum := &a.summaries[g]
		sum.Persons++
		addBasis(&sum.Basis, p.Basis)
		if p.Basis.Gaps() > 0 {
			sum.PeopleWithGaps++
		}
	}
	// The slabs are final: hand out the persons' parts (full slice
	// expressions, so that appending to one never overwrites the next).
	for pi := range res.People {
		p, sp := &res.People[pi], spans[pi]
		p.Gaps = gaps[sp.gaps[0]:sp.gaps[1]:sp.gaps[1]]
		p.ProfileGaps = pgaps[sp.pgaps[0]:sp.pgaps[1]:sp.pgaps[1]]
		if !p.AssignedFromRole {
			p.Assigned = assigned[sp.assigned[0]:sp.assigned[1]:sp.assigned[1]]
		}
	}
	return nil
}

// resolve fills row with the level of each leaf: the first assessed score
// among the leaf's own column and its ancestors' columns.
func (a *analyzer) resolve(row, scores []int8) {
	if a.direct != nil { // every leaf has at most its own column
		for l, c := range a.direct {
			if c >= 0 {
				row[l] = max(scores[c], roster.Unassessed)
			} else {
				row[l] = roster.Unassessed
			}
		}
		return
	}
	off, cols := a.chainOff, a.chainCols
	for l := range row {
		v := roster.Unassessed
		for _, c := range cols[off[l]:off[l+1]] {
			if s := scores[c]; s >= 0 {
				v = s
				break
			}
		}
		row[l] = v
	}
}

// basis scores the basis leaves of one person, adding to the group's leaf
// figures st, and appends the person's gaps.
func (a *analyzer) basis(p *Person, pi int, row, req []int8, st []LeafStat, gaps []Gap) []Gap {
	targets := a.res.Targets
	var b Basis
	for l := 0; l < a.nBasis; l++ {
		L, s := row[l], &st[l]
		a.hold(s, pi, L, targets[l])
		R := req[l]
		if R <= 0 {
			continue
		}
		b.Required++
		s.Required++
		s.ReqSum += int32(R)
		switch {
		case L < 0:
			b.NotAssessed++
		case L >= R:
			b.Met++
			s.Assessed++
			s.Met++
		default:
			d := int32(R - L)
			b.GapSum += d
			s.Assessed++
			s.GapSum += d
			gaps = append(gaps, Gap{Leaf: int32(l), Required: R, Level: L})
		}
	}
	p.Basis = b
	return gaps
}

// hold counts person pi as a holder of a leaf when L ≥ T, else keeps the
// highest level below T.
func (a *analyzer) hold(s *LeafStat, pi int, L, T int8) {
	if L >= T {
		if s.Holders == 0 {
			s.holder = int32(pi)
		}
		s.Holders++
	} else if L > s.below {
		s.below = L
	}
}

// profileLeaves counts holders of the profile leaves and the person's reach.
func (a *analyzer) profileLeaves(pi int, row []int8, st []LeafStat, reach []uint16) {
	targets := a.res.Targets
	for l := a.nBasis; l < a.nLeaves; l++ {
		L, T := row[l], targets[l]
		a.hold(&st[l], pi, L, T)
		if L >= T {
			if j := a.profOf[l]; j >= 0 {
				reach[j]++
			}
		}
	}
}

// fits counts the fitting and assigned persons of each profile and appends
// the profile gaps of the assigned profiles.
func (a *analyzer) fits(pi int, row []int8, reach []uint16, assigned []int32, pgaps []Gap) []Gap {
	g := int(a.res.People[pi].Team)
	ps := a.profiles[g*a.nProf : (g+1)*a.nProf]
	for j := range ps {
		if int(reach[j]) >= ps[j].Need {
			ps[j].Fitting++
		}
	}
	for _, j := range assigned {
		ps[j].Assigned++
		if int(reach[j]) >= ps[j].Need {
			ps[j].AssignedFitting++
		}
		for _, n := range a.fw.Profiles[j].Leaves {
			L, T := row[n.Leaf], a.res.Targets[n.Leaf]
			if L >= 0 && L < T {
				pgaps = append(pgaps, Gap{Leaf: int32(n.Leaf), Required: T, Level: L})
			}
		}
	}
	return pgaps
}

func addBasis(dst *Basis, b Basis) {
	dst.Required += b.Required
	dst.Met += b.Met
	dst.NotAssessed += b.NotAssessed
	dst.GapSum += b.GapSum
}
