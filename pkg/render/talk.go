package render

import (
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
)

// talk is person p's own view, for a development talk: strengths first,
// the profiles, the development needs, and a few suggested focus items
// with the colleagues who could help. Nothing of any other person's
// assessment is shown.
func (v *view) talk(p int) []table {
	l, res := v.l, v.res
	tk := res.Talk(p)
	per := &res.People[p]
	heading := l.F(lang.TalkHeading, v.n.Person(int32(p)), v.n.Role(per.Role), v.n.Team(per.Person.Team))
	out := []table{{heading: heading, notes: []string{l.T(lang.TalkIntro)}}}
	out = append(out, v.strengths(tk), v.talkProfiles(p), v.needs(tk), v.focus(tk))
	return out
}

func (v *view) strengths(tk analysis.Talk) table {
	l := v.l
	t := table{heading: l.T(lang.Strengths), empty: l.T(lang.NoStrengths),
		header: []string{l.T(lang.Competence), l.T(lang.Level), ""},
		wrap:   []bool{true, true, true}, right: []bool{false, false, false}}
	for _, s := range tk.Strengths {
		mark := ""
		if s.Teaches {
			mark = l.T(lang.CanTeachMark)
		}
		t.rows = append(t.rows, []cell{c(v.n.Node(v.fw.Leaves[s.Leaf])), {v.n.Level(int(s.Level)), good}, c(mark)})
	}
	return t
}

func (v *view) talkProfiles(p int) table {
	l, res := v.l, v.res
	t := table{heading: l.T(lang.TalkProfiles),
		header: []string{l.T(lang.Profile), l.T(lang.Status), ""},
		wrap:   []bool{true, true, true}, right: []bool{false, false, false}}
	per := &res.People[p]
	for j, pr := range v.fw.Profiles {
		mark := ""
		if res.IsExpected(p, j) {
			mark = l.T(lang.ExpectedMark)
			if per.ExpectedByRole {
				mark = l.T(lang.ExpectedByRole)
			}
		}
		tn := plain
		if res.Fits(p, j) {
			tn = good
		}
		t.rows = append(t.rows, []cell{c(v.n.Node(pr)), {v.profileStatus(p, j), tn}, c(mark)})
	}
	return t
}

func (v *view) needs(tk analysis.Talk) table {
	l := v.l
	t := table{heading: l.T(lang.TalkNeeds), empty: l.T(lang.NoNeeds),
		header: []string{l.T(lang.Competence), l.T(lang.LevelNow), l.T(lang.LevelWanted), l.T(lang.Gap)},
		wrap:   []bool{true, true, true, false}, right: []bool{false, false, false, true}}
	for _, n := range tk.Needs {
		t.rows = append(t.rows, []cell{c(v.needLabel(n)), c(v.n.Level(int(n.Level))), c(v.n.Level(int(n.Required))),
			{l.Int(n.Size()), bad}})
	}
	for _, leaf := range tk.NotAssessed {
		t.rows = append(t.rows, []cell{c(v.n.Node(v.fw.Leaves[leaf])), {l.T(lang.NotAssessedCell), warn}, c("–"), c("–")})
	}
	return t
}

// needLabel names a need's competence, with its profile for a profile gap.
func (v *view) needLabel(n analysis.Need) string {
	s := v.n.Node(v.fw.Leaves[n.Leaf])
	if n.Profile >= 0 {
		s += " (" + v.n.Name(v.fw.Profiles[n.Profile]) + ")"
	}
	return s
}

func (v *view) focus(tk analysis.Talk) table {
	l := v.l
	t := table{heading: l.T(lang.TalkFocus), empty: l.T(lang.NoNeeds),
		header: []string{l.T(lang.Competence), l.T(lang.NowToGoal), l.T(lang.Helpers)},
		wrap:   []bool{true, true, true}, right: []bool{false, false, false}}
	for _, f := range tk.Focus {
		what := v.needLabel(f.Need)
		if f.UnitHole {
			what += " · " + l.T(lang.UnitHoleMark)
		}
		helpers := l.T(lang.NoHelpers)
		if len(f.Helpers) > 0 {
			var names []string
			for _, q := range f.Helpers {
				names = append(names, v.n.Person(q))
			}
			helpers = strings.Join(names, ", ")
		}
		t.rows = append(t.rows, []cell{c(what), c(v.n.Level(int(f.Level)) + " → " + v.n.Level(int(f.Required))), c(helpers)})
	}
	if len(tk.Focus) > 0 {
		t.notes = []string{l.T(lang.HelpersNote)}
	}
	return t
}
