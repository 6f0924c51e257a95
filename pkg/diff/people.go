package diff

import (
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// Change is what happened to a person's level on a competence.
type Change uint8

// The changes of a level, for a competence on both sides.
const (
	Up      Change = iota + 1 // assessed on both sides, higher after
	Down                      // assessed on both sides, lower after
	Removed                   // assessed before, not after: the assessment disappeared
	Added                     // not assessed before, assessed after
)

var changeNames = [...]string{"", "up", "down", "removed", "added"}

// String returns the change's name as used in JSON and CSV.
func (c Change) String() string {
	if int(c) >= len(changeNames) {
		return ""
	}
	return changeNames[c]
}

// Assessment says whether a person (or a competence) was assessed again
// between the two mappings, from the assessment dates.
type Assessment uint8

// The assessment states.
const (
	// Undated: a date is missing on one side or both.
	Undated Assessment = iota
	// Reassessed: the date after is later than the date before.
	Reassessed
	// CarriedOver: the same date on both sides: the levels were carried
	// over, not assessed again.
	CarriedOver
	// Earlier: the date after is earlier than the date before.
	Earlier
)

var assessmentNames = [...]string{"undated", "reassessed", "carried-over", "earlier"}

// String returns the state's name as used in JSON and CSV.
func (a Assessment) String() string { return assessmentNames[a] }

// assessmentOf compares two dates.
func assessmentOf(before, after roster.Date) Assessment {
	switch {
	case before == 0 || after == 0:
		return Undated
	case after > before:
		return Reassessed
	case after == before:
		return CarriedOver
	}
	return Earlier
}

// PersonChange is what changed for one person.
type PersonChange struct {
	// Before and After are the person's indices in Before.People and
	// After.People; -1 on the side the person is not on.
	Before, After int32
	// ByName reports a person matched by name (else by id).
	ByName bool
	// Renamed, RoleChanged and TeamChanged report a name (beyond case and
	// spacing), role or team that differs.
	Renamed, RoleChanged, TeamChanged bool
	// Levels are the changed levels, in Before's framework order.
	Levels []LevelChange
	// Up, Down, Removed and Added count Levels by change.
	Up, Down, Removed, Added int
	// GapSum is the basis gap sum before and after; GapSumOldRules the gap
	// sum after under Before's requirements (equal to GapSum[1] when the
	// rules did not change), so that GapSum[1] − GapSumOldRules is what
	// the new requirements made.
	GapSum         [2]int32
	GapSumOldRules int32
	// Gained and Lost are the profiles (indices of Before's framework) the
	// person fits after and not before, or before and not after.
	Gained, Lost []ProfileFit
	// Assessment compares the person's assessment dates.
	Assessment Assessment
	// Assessors are the person's assessors before and after ("" when not
	// given); OtherAssessor reports that both are given and differ.
	Assessors     [2]string
	OtherAssessor bool
}

// Joined reports a person only in After; Left a person only in Before.
func (p *PersonChange) Joined() bool { return p.Before < 0 }

// Left reports a person only in Before.
func (p *PersonChange) Left() bool { return p.After < 0 }

// Changed reports whether anything changed for a person on both sides.
func (p *PersonChange) Changed() bool {
	return p.Renamed || p.RoleChanged || p.TeamChanged || len(p.Levels) > 0 || p.GapSum[0] != p.GapSum[1] ||
		len(p.Gained) > 0 || len(p.Lost) > 0
}

// LevelChange is a person's level on a competence that changed.
type LevelChange struct {
	Leaf          int32 // index of Before's framework's leaves
	Before, After int8  // roster.Unassessed when not assessed
	Change        Change
	// Assessment compares the competence's assessment dates (the
	// person's, unless a long roster dates each competence).
	Assessment Assessment
	// OtherAssessor reports a level given by a different assessor than the
	// one before (both known): possible rater drift.
	OtherAssessor bool
}

// Size returns After − Before for a level assessed on both sides, else 0.
func (l LevelChange) Size() int {
	if l.Before < 0 || l.After < 0 {
		return 0
	}
	return int(l.After) - int(l.Before)
}

// ProfileFit is a profile a person came to fit or no longer fits.
type ProfileFit struct {
	Profile int32 // index of Before's framework's profiles
	// ByRules reports that the person's fit under Before's rules did not
	// cross the threshold: the change in the profile's target or need made
	// it.
	ByRules bool
}

// people builds the per-person changes: the pairs in After's order, then
// the persons who joined among them, then those who left.
func (c *comparer) people() {
	r := c.res
	b, a := r.Before, r.After
	sides := [2]*side{newSide(b), newSide(a)}
	c.changes = make([]*PersonChange, len(r.Match.Pairs))
	out := make([]PersonChange, 0, len(a.People)+len(r.Match.Left))
	pair := 0
	for i := range a.People {
		if j := c.pairOfAfter[i]; j >= 0 {
			out = append(out, c.personChange(sides, r.Match.Pairs[pair]))
			pair++
			continue
		}
		out = append(out, PersonChange{Before: -1, After: int32(i), GapSum: [2]int32{0, a.People[i].Basis.GapSum},
			GapSumOldRules: a.People[i].Basis.GapSum, Assessors: [2]string{"", a.People[i].Assessor}})
	}
	for _, j := range r.Match.Left {
		out = append(out, PersonChange{Before: j, After: -1, GapSum: [2]int32{b.People[j].Basis.GapSum, 0},
			Assessors: [2]string{b.People[j].Assessor, ""}})
	}
	r.People = out
	c.changeIdx = make([]int32, len(b.People))
	for j := range c.changeIdx {
		c.changeIdx[j] = -1
	}
	pair = 0
	for k := range r.People {
		if p := &r.People[k]; p.Before >= 0 && p.After >= 0 {
			c.changes[pair] = p
			c.changeIdx[p.Before] = int32(pair)
			pair++
		}
	}
}

// personChange compares a person on both sides.
func (c *comparer) personChange(sides [2]*side, pr Pair) PersonChange {
	r := c.res
	b, a := r.Before, r.After
	pb, pa := &b.People[pr.Before], &a.People[pr.After]
	pc := PersonChange{Before: pr.Before, After: pr.After, ByName: pr.ByName,
		Renamed:     NormName(pb.Name) != NormName(pa.Name),
		RoleChanged: pb.Person.Role != pa.Person.Role, TeamChanged: pb.Person.Team != pa.Person.Team,
		GapSum:     [2]int32{pb.Basis.GapSum, pa.Basis.GapSum},
		Assessment: assessmentOf(pb.Assessed, pa.Assessed), Assessors: [2]string{pb.Assessor, pa.Assessor}}
	pc.GapSumOldRules = pc.GapSum[1]
	pc.OtherAssessor = otherAssessor(pb.Assessor, pa.Assessor)
	for l := range b.Framework.Leaves {
		k := int(r.leafMap[l])
		if k < 0 {
			continue
		}
		x, y := b.Level(int(pr.Before), l), a.Level(int(pr.After), k)
		if x == y {
			continue
		}
		lc := LevelChange{Leaf: int32(l), Before: x, After: y}
		switch {
		case x >= 0 && y >= 0 && y > x:
			lc.Change, pc.Up = Up, pc.Up+1
		case x >= 0 && y >= 0:
			lc.Change, pc.Down = Down, pc.Down+1
		case x >= 0:
			lc.Change, pc.Removed = Removed, pc.Removed+1
		default:
			lc.Change, pc.Added = Added, pc.Added+1
		}
		db, wb := sides[0].assessment(int(pr.Before), b.Framework.Leaves[l])
		da, wa := sides[1].assessment(int(pr.After), a.Framework.Leaves[k])
		lc.Assessment, lc.OtherAssessor = assessmentOf(db, da), otherAssessor(wb, wa)
		c.scratch = append(c.scratch, lc)
	}
	pc.Levels = c.keep(c.scratch)
	c.scratch = c.scratch[:0]
	for j := range b.Framework.Profiles {
		k := int(r.profMap[j])
		if k < 0 {
			continue
		}
		x, y := b.Fits(int(pr.Before), j), a.Fits(int(pr.After), k)
		switch {
		case y && !x:
			pc.Gained = append(pc.Gained, ProfileFit{Profile: int32(j)})
		case x && !y:
			pc.Lost = append(pc.Lost, ProfileFit{Profile: int32(j)})
		}
	}
	return pc
}

// keep copies a person's level changes into blocks shared by many
// persons, so that 100,000 persons' changes take a few allocations and no
// slack.
func (c *comparer) keep(ls []LevelChange) []LevelChange {
	if len(ls) == 0 {
		return nil
	}
	if len(c.block) < len(ls) {
		c.block = make([]LevelChange, max(len(ls), 1<<14))
	}
	out := c.block[:len(ls):len(ls)]
	copy(out, ls)
	c.block = c.block[len(ls):]
	return out
}

// otherAssessor reports two assessors, both given, who differ beyond case
// and spacing.
func otherAssessor(x, y string) bool {
	return x != "" && y != "" && NormName(x) != NormName(y)
}

// side finds the assessment of a competence in a roster: the person's,
// unless a long roster dates each competence.
type side struct {
	res *analysis.Result
	col map[*framework.Node]int // roster column of each node
}

func newSide(res *analysis.Result) *side {
	s := &side{res: res, col: map[*framework.Node]int{}}
	for i, n := range res.Roster.Columns {
		if n != nil {
			if _, dup := s.col[n]; !dup {
				s.col[n] = i
			}
		}
	}
	return s
}

// assessment returns the date and the assessor of person p's level on
// leaf: those of the column the level comes from (the leaf's, else the
// nearest assessed parent's) in a long roster with dates per competence,
// else the person's.
func (s *side) assessment(p int, leaf *framework.Node) (roster.Date, string) {
	per := s.res.People[p].Person
	if per.Dates == nil && per.Assessors == nil {
		return per.Assessed, per.Assessor
	}
	for n := leaf; n != nil; n = n.Parent {
		c, ok := s.col[n]
		if !ok || per.Scores[c] < 0 {
			continue
		}
		var d roster.Date
		w := ""
		if per.Dates != nil {
			d = per.Dates[c]
		}
		if per.Assessors != nil {
			w = per.Assessors[c]
		}
		return d, w
	}
	return per.Assessed, per.Assessor
}
