package render

import (
	"strings"

	"github.com/huller/huller/pkg/lang"
)

// people is one row per person: role, team, basis coverage, gap sum and
// best-fitting profiles.
func (v *view) people() table {
	l, res := v.l, v.res
	t := table{heading: l.T(lang.SheetPeople),
		header: []string{l.T(lang.Name), l.T(lang.Role), l.T(lang.Team), l.T(lang.Coverage), l.T(lang.GapSum), l.T(lang.BestProfile)},
		right:  []bool{false, false, false, true, true, false},
		wrap:   []bool{true, true, true, false, false, true}}
	for i, p := range res.ListedPeople() {
		if v.o.Limit > 0 && len(t.rows) == v.o.Limit {
			t.omitted = len(res.People) - len(t.rows)
			break
		}
		cov, ok := p.Basis.Coverage()
		gaps := cell{l.Int(int(p.Basis.GapSum)), plain}
		if p.Basis.GapSum > 0 {
			gaps.tone = bad
		}
		t.rows = append(t.rows, []cell{c(v.n.Person(int32(i))), c(v.n.Role(p.Role)), c(v.n.Team(p.Person.Team)),
			{v.coverage(cov, ok), v.coverageTone(cov, ok)}, gaps, c(v.best(i))})
	}
	return t
}

// best returns "profile, profile (k of n)" of a person's best profiles.
func (v *view) best(p int) string {
	best, _ := v.res.Best(p)
	if len(best) == 0 {
		return "–"
	}
	names := make([]string, len(best))
	for k, j := range best {
		names[k] = v.n.Name(v.fw.Profiles[j])
	}
	j := best[0]
	return strings.Join(names, ", ") + " (" + v.l.Of(v.res.AtTarget(p, j), len(v.fw.Profiles[j].Leaves)) + ")"
}

// profileStatus says where person p stands on profile j: "fits · 3 of 4
// at the target level", "2 of 3 at the target level, 1 not assessed", "not
// assessed".
func (v *view) profileStatus(p, j int) string {
	l, res := v.l, v.res
	n := len(v.fw.Profiles[j].Leaves)
	assessed := res.ProfileAssessed(p, j)
	if assessed == 0 {
		return l.T(lang.NotAssessedCell)
	}
	k := l.F(lang.KOfN, l.Int(res.AtTarget(p, j)), l.Int(n))
	if assessed < n {
		k = l.F(lang.KOfNNotAssessed, l.Int(res.AtTarget(p, j)), l.Int(n), l.Int(n-assessed))
	}
	if res.Fits(p, j) {
		return l.T(lang.ProfileFits) + " · " + k
	}
	return k
}
