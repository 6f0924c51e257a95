package workbook

import (
	"errors"
	"io"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
)

// WriteTalk writes one person's workbook for a development talk: the
// person's strengths, profiles, development needs and suggested focus with
// the colleagues who could help, and empty fields for what the talk agrees
// (learning goal, form, who takes part, date, follow-up). It holds no other
// person's assessment: colleagues appear only as those who could help.
func WriteTalk(w io.Writer, res *analysis.Result, p int, opts Options) error {
	if res == nil || p < 0 || p >= len(res.People) {
		return errors.New("talk: no such person")
	}
	return writeBook(w, res, opts, "talk", func(b *builder) error {
		if err := b.newStyles(); err != nil {
			return err
		}
		b.prepareNames()
		t := &talkSheet{ovw: ovw{b: b, sheet: b.l.T(lang.TalkSheet), row: 1, widths: talkWidths}, tk: res.Talk(p)}
		if err := t.write(); err != nil {
			return err
		}
		return b.setProps()
	})
}

// talkWidths are the widths of the talk sheet's columns.
var talkWidths = []float64{46, 24, 24, 40, 14, 16}

// talkSheet writes the one sheet of a talk workbook.
type talkSheet struct {
	ovw
	tk analysis.Talk
}

func (t *talkSheet) write() error {
	b := t.b
	if err := b.f.SetSheetName("Sheet1", t.sheet); err != nil {
		return err
	}
	for i, w := range talkWidths {
		if err := b.f.SetColWidth(t.sheet, xlsxstream.ColName(i+1), xlsxstream.ColName(i+1), w); err != nil {
			return err
		}
	}
	if err := b.pageSetup(t.sheet, false); err != nil {
		return err
	}
	t.header()
	t.strengths()
	t.profiles()
	t.needs()
	t.focus()
	t.agreement()
	return t.err
}

// header names the person, the role, the team and the date.
func (t *talkSheet) header() {
	b, l, n := t.b, t.b.l, t.b.narrator
	p := t.tk.Person
	per := &b.res.People[p]
	t.set(1, l.T(lang.TalkSheet)+": "+n.Person(p), b.st.title)
	t.row++
	line := n.Role(per.Role) + " · " + n.Team(per.Person.Team)
	if !b.opts.Date.IsZero() {
		line += " · " + b.opts.Date.Format("2006-01-02")
	}
	t.set(1, line, 0)
	t.row++
	t.madeFor()
	t.set(1, l.T(lang.TalkIntro), b.st.note)
	t.row++
}

func (t *talkSheet) strengths() {
	b, l, fw := t.b, t.b.l, t.b.res.Framework
	t.table(l.T(lang.Strengths), l.T(lang.Competence), l.T(lang.Level), "")
	if len(t.tk.Strengths) == 0 {
		t.set(1, l.T(lang.NoStrengths), b.st.note)
		t.row++
	}
	for _, s := range t.tk.Strengths {
		name := b.narrator.Node(fw.Leaves[s.Leaf])
		t.set(1, name, b.st.textWrap)
		t.set(2, b.narrator.Level(int(s.Level)), b.st.fitYes)
		if s.Teaches {
			t.set(3, l.T(lang.CanTeachMark), b.st.textWrap)
		}
		t.fitRow(span{name, 1, 1})
		t.row++
	}
}

func (t *talkSheet) profiles() {
	b, l, res := t.b, t.b.l, t.b.res
	p := int(t.tk.Person)
	t.table(l.T(lang.TalkProfiles), l.T(lang.Profile), l.T(lang.Status), "")
	for j, pr := range res.Framework.Profiles {
		t.set(1, b.narrator.Node(pr), b.st.textWrap)
		t.fitRow(span{b.narrator.Node(pr), 1, 1})
		status := b.l.T(lang.NotAssessedCell)
		if res.ProfileAssessed(p, j) > 0 {
			status = l.Of(res.AtTarget(p, j), len(pr.Leaves))
			if res.Fits(p, j) {
				status = l.T(lang.ProfileFits) + " · " + status
			}
		}
		t.set(2, status, b.st.textWrap)
		if res.IsExpected(p, j) {
			t.set(3, l.T(lang.ExpectedMark), b.st.textWrap)
		}
		t.row++
	}
}

func (t *talkSheet) needs() {
	b, l, fw := t.b, t.b.l, t.b.res.Framework
	t.table(l.T(lang.TalkNeeds), l.T(lang.Competence), l.T(lang.LevelNow), l.T(lang.LevelWanted))
	if len(t.tk.Needs)+len(t.tk.NotAssessed) == 0 {
		t.set(1, l.T(lang.NoNeeds), b.st.note)
		t.row++
	}
	for _, n := range t.tk.Needs {
		t.set(1, t.needLabel(n), b.st.textWrap)
		t.fitRow(span{t.needLabel(n), 1, 1})
		t.set(2, b.narrator.Level(int(n.Level)), b.st.textWrap)
		t.set(3, b.narrator.Level(int(n.Required)), b.st.textWrap)
		t.row++
	}
	for _, leaf := range t.tk.NotAssessed {
		t.set(1, b.narrator.Node(fw.Leaves[leaf]), b.st.textWrap)
		t.fitRow(span{b.narrator.Node(fw.Leaves[leaf]), 1, 1})
		t.set(2, l.T(lang.NotAssessedCell), 0)
		t.row++
	}
}

func (t *talkSheet) needLabel(n analysis.Need) string {
	fw := t.b.res.Framework
	s := t.b.narrator.Node(fw.Leaves[n.Leaf])
	if n.Profile >= 0 {
		s += " (" + t.b.narrator.Name(fw.Profiles[n.Profile]) + ")"
	}
	return s
}

func (t *talkSheet) focus() {
	b, l := t.b, t.b.l
	t.table(l.T(lang.TalkFocus), l.T(lang.Competence), l.T(lang.NowToGoal), l.T(lang.Helpers))
	for _, f := range t.tk.Focus {
		what := t.needLabel(f.Need)
		if f.UnitHole {
			what += " · " + l.T(lang.UnitHoleMark)
		}
		t.set(1, what, b.st.textWrap)
		t.set(2, b.narrator.Level(int(f.Level))+" → "+b.narrator.Level(int(f.Required)), b.st.textWrap)
		helpers := l.T(lang.NoHelpers)
		if len(f.Helpers) > 0 {
			var names []string
			for _, q := range f.Helpers {
				names = append(names, b.narrator.Person(q))
			}
			helpers = strings.Join(names, ", ")
		}
		t.set(3, helpers, b.st.textWrap)
		t.fitRow(span{what, 1, 1}, span{helpers, 3, 3})
		t.row++
	}
	if len(t.tk.Focus) > 0 {
		t.set(1, l.T(lang.HelpersNote), b.st.note)
		t.row++
	}
}

// agreement leaves rows to fill in during the talk, one per focus item (at
// least three).
func (t *talkSheet) agreement() {
	b, l := t.b, t.b.l
	t.table(l.T(lang.Agreed), l.T(lang.Competence), l.T(lang.LearningGoal), l.T(lang.LearningForm),
		l.T(lang.Participants), l.T(lang.Date), l.T(lang.FollowUp))
	n := max(3, len(t.tk.Focus))
	for i := range n {
		for c := 1; c <= 6; c++ {
			t.set(c, "", b.st.input)
		}
		if i < len(t.tk.Focus) {
			t.set(1, t.needLabel(t.tk.Focus[i].Need), b.st.input)
		}
		if t.err == nil {
			t.err = b.f.SetRowHeight(t.sheet, t.row, 36)
		}
		t.row++
	}
}
