package analysis

import (
	"fmt"
	"slices"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// span is a person's part of a slab, set once the slab stops growing.
type span struct{ gaps, pgaps, expected [2]int32 }

// score makes the one pass over the persons: resolved levels, basis
// figures and gaps, profile reach and assessment, expected profiles and
// their gaps.
func (a *analyzer) score() error {
	res := a.res
	nP := len(res.People)
	res.Levels = make([]int8, nP*a.nLeaves)
	res.Reach = make([]uint16, nP*a.nProf)
	res.Assessed = make([]uint16, nP*a.nProf)
	gaps := make([]Gap, 0, nP*2)
	pgaps := make([]Gap, 0, nP)
	var expected []int32
	spans := make([]span, nP)

	for pi := range res.People {
		p := &res.People[pi]
		p.Role = a.role(p.Person.Role)
		ro := &res.Roles[p.Role]
		ro.Persons++
		row := res.Levels[pi*a.nLeaves : (pi+1)*a.nLeaves]
		a.resolve(row, p.Scores)

		sp := &spans[pi]
		sp.gaps[0] = int32(len(gaps))
		gaps = a.basis(p, row, ro.Required, gaps)
		sp.gaps[1] = int32(len(gaps))

		a.profileLeaves(row, res.Reach[pi*a.nProf:(pi+1)*a.nProf], res.Assessed[pi*a.nProf:(pi+1)*a.nProf])

		// Expected profiles: the roster's column, else the role's.
		sp.expected[0] = int32(len(expected))
		for _, id := range p.Profiles {
			if j := a.profileIndex(id); j >= 0 {
				expected = append(expected, j)
			} else {
				a.warn(fmt.Sprintf("%s: %q in the profiles column is not a profile of framework %s "+
					"(profiles: %s): ignored", a.r.Source, id, a.fw.ID, a.profileIDs()))
			}
		}
		own := expected[sp.expected[0]:]
		slices.Sort(own)
		expected = expected[:int(sp.expected[0])+len(slices.Compact(own))]
		sp.expected[1] = int32(len(expected))
		ex := expected[sp.expected[0]:sp.expected[1]]
		if p.Profiles == nil {
			ex, p.ExpectedByRole = ro.Profiles, len(ro.Profiles) > 0
		}
		sp.pgaps[0] = int32(len(pgaps))
		pgaps = a.expectedGaps(row, ex, pgaps)
		sp.pgaps[1] = int32(len(pgaps))
		if p.ExpectedByRole {
			p.Expected = ex
			if ro.Role != nil && ro.Role.Origin == framework.OriginHuller {
				res.Defaults.Expectations++
			}
		}
	}
	// The slabs are final: hand out the persons' parts (full slice
	// expressions, so that appending to one never overwrites the next).
	for pi := range res.People {
		p, sp := &res.People[pi], spans[pi]
		p.Gaps = gaps[sp.gaps[0]:sp.gaps[1]:sp.gaps[1]]
		p.ProfileGaps = pgaps[sp.pgaps[0]:sp.pgaps[1]:sp.pgaps[1]]
		if !p.ExpectedByRole {
			p.Expected = expected[sp.expected[0]:sp.expected[1]:sp.expected[1]]
		}
	}
	for i, ro := range res.Roles {
		if ro.HullerDefaults {
			res.Defaults.Roles = append(res.Defaults.Roles, int32(i))
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

// basis scores the basis leaves of one person and appends the person's
// gaps.
func (a *analyzer) basis(p *Person, row, req []int8, gaps []Gap) []Gap {
	var b Basis
	for l := 0; l < a.nBasis; l++ {
		L, R := row[l], req[l]
		if R <= 0 {
			continue
		}
		b.Required++
		switch {
		case L < 0:
			b.NotAssessed++
		case L >= R:
			b.Met++
		default:
			b.GapSum += int32(R - L)
			gaps = append(gaps, Gap{Leaf: int32(l), Required: R, Level: L})
		}
	}
	p.Basis = b
	return gaps
}

// profileLeaves counts, per profile, the person's leaves at or above T
// (reach) and the leaves assessed.
func (a *analyzer) profileLeaves(row []int8, reach, assessed []uint16) {
	targets := a.res.Targets
	for l := a.nBasis; l < a.nLeaves; l++ {
		j := a.profOf[l]
		if j < 0 {
			continue
		}
		if L := row[l]; L >= 0 {
			assessed[j]++
			if L >= targets[l] {
				reach[j]++
			}
		}
	}
}

// expectedGaps appends the gaps in the expected profiles: their assessed
// leaves below T.
func (a *analyzer) expectedGaps(row []int8, expected []int32, pgaps []Gap) []Gap {
	for _, j := range expected {
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
