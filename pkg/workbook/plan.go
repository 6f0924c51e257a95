package workbook

import (
	"errors"
	"io"
	"strings"

	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/plan"
	"github.com/xuri/excelize/v2"
)

// WritePlan writes a development plan as a workbook a leader can act on:
// an Overview (the plan in figures, the budget, the unit before and after,
// each hole before and after, charts; no person named), the Courses (one
// row per run), the Joint activities, the Participants (one row per person
// and activity, filterable, ready for enrolment), the Colleagues who could
// teach (to be agreed), the People (each person's plan, one row per
// need), the Unmet needs (the wish list for course providers, no names)
// and what To assess first. Every activity carries the transfer fields,
// and columns to fill in (agreed, follow-up date). With a person filter
// the lists hold only that person's needs and activities. The bytes depend
// only on the plan and Options; texts are never formulas.
func WritePlan(w io.Writer, p *plan.Plan, opts Options) error {
	if p == nil || p.Before == nil {
		return errors.New("plan workbook: no plan")
	}
	return writeBook(w, p.Before, opts, "plan workbook", func(b *builder) error {
		pb := &planBook{builder: b, p: p, shown: p.Shown()}
		return pb.build()
	})
}

// planBook builds the plan workbook on the report's builder.
type planBook struct {
	*builder
	p     *plan.Plan
	shown *plan.Shown
	// topNum is a number at the top of a tall row; closedTop says
	// "closed" there, in green
	topNum, closedTop int
	// participation is one row of the Participants sheet per person and
	// activity.
	participation []participation
}

// participation is a person's part in one activity: the needs of theirs it
// meets.
type participation struct {
	person int32
	route  plan.Route
	act    int32
	needs  []int32
}

// list is a streamed list sheet: a header row, frozen, with an
// autofilter; text columns in text format; columns to fill in styled as
// input.
type list struct {
	name   lang.Term
	head   []string
	widths []float64
	text   []int // 1-based columns holding text
	input  []int // 1-based columns to fill in
	// transferAt is the 1-based column of the first transfer field; 0
	// for none
	transferAt int
	n          int
	row        func(row []any, i int)
}

func (pb *planBook) build() error {
	if err := pb.newStyles(); err != nil {
		return err
	}
	if err := pb.planStyles(); err != nil {
		return err
	}
	pb.prepareNames()
	pb.collectParticipation()
	lists := pb.lists()
	overview := pb.l.T(lang.SheetOverview)
	pb.plan = append(pb.plan, &sheetPlan{base: overview, pages: []string{overview}})
	plans := make([]*sheetPlan, len(lists))
	for i, ls := range lists {
		plans[i] = pb.newPlan(pb.l.T(ls.name), 1, ls.n, 1)
	}
	if err := pb.createSheets(); err != nil {
		return err
	}
	for i, ls := range lists {
		pb.writeList(plans[i], ls)
	}
	if err := pb.bk.WriteTables(); err != nil {
		return err
	}
	if err := pb.writePlanOverview(); err != nil {
		return err
	}
	return pb.setPlanProps()
}

// planStyles makes the styles of the plan's pages beyond the report's.
func (pb *planBook) planStyles() error {
	var err error
	if pb.topNum, err = pb.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return err
	}
	if pb.closedTop, err = pb.f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Family: font, Color: "006100"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C6EFCE"}}, Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return err
	}
	return nil
}

// writeList registers a list sheet's table.
func (pb *planBook) writeList(sp *sheetPlan, ls list) {
	st := &pb.st
	t := pb.bk.AddTable(sp.pages, ls.n)
	t.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		widths, height := fitHead(ls.head, ls.widths, 45)
		if err := setWidths(sw, widths); err != nil {
			return 0, err
		}
		for _, c := range ls.text {
			if err := t.SetColStyle(sw, c, c, st.text); err != nil {
				return 0, err
			}
		}
		for _, c := range ls.input {
			if err := t.SetColStyle(sw, c, c, st.input); err != nil {
				return 0, err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
			return 0, err
		}
		if err := sw.SetRow("A1", styled(ls.head, st.headWrap), excelize.RowOpts{Height: height}); err != nil {
			return 0, err
		}
		if ls.transferAt > 0 {
			return 1, pb.transferComment(sheet, ls.transferAt)
		}
		return 1, nil
	}
	t.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
		return pb.f.AutoFilter(sheet, "A1:"+cell(len(ls.head), max(last, 1)), nil)
	}
	t.Rows = func(lo, hi int, add func([]any) error) error {
		row := make([]any, len(ls.head))
		for i := lo; i < hi; i++ {
			clear(row)
			ls.row(row, i)
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
}

// lists returns the list sheets after the Overview, in workbook order.
func (pb *planBook) lists() []list {
	return []list{pb.coursesList(), pb.jointList(), pb.participantsList(), pb.colleaguesList(),
		pb.peopleList(), pb.unmetList(), pb.assessList()}
}

// collectParticipation lists each shown person's part in each activity,
// in plan order of the persons' needs.
func (pb *planBook) collectParticipation() {
	p := pb.p
	type key struct {
		q     int32
		route plan.Route
		act   int32
	}
	at := map[key]int{}
	for q := range p.Before.People {
		if !pb.shown.Shows(int32(q)) {
			continue
		}
		for _, i := range p.PersonNeeds(q) {
			n := p.Needs[i]
			if !n.Route.Served() {
				continue
			}
			k := key{int32(q), n.Route, n.Activity}
			j, ok := at[k]
			if !ok {
				j = len(pb.participation)
				at[k] = j
				pb.participation = append(pb.participation, participation{person: int32(q), route: n.Route, act: n.Activity})
			}
			pb.participation[j].needs = append(pb.participation[j].needs, i)
		}
	}
}

// setPlanProps sets the document properties, titled as a plan.
func (pb *planBook) setPlanProps() error {
	if err := pb.setProps(); err != nil {
		return err
	}
	fw := pb.res.Framework
	props, err := pb.f.GetDocProps()
	if err != nil {
		return err
	}
	props.Title = pb.l.F(lang.PlanReportTitle, fw.Text(fw.Title, pb.l.Code()))
	return pb.f.SetDocProps(props)
}

// Texts shared by the sheets.

// courseName is a course's name in the workbook's language.
func (pb *planBook) courseName(c *catalog.Course) string {
	if s := pb.p.Catalog.Text(c.Name, pb.l.Code()); s != "" {
		return s
	}
	return c.ID
}

// goals names kinds of learning goal.
func (pb *planBook) goals(gs []catalog.LearningGoal) string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = pb.l.T(lang.Goal(string(g)))
	}
	return strings.Join(out, ", ")
}

// leafGoals names the kinds of learning goal of a leaf.
func (pb *planBook) leafGoals(leaf int32) string {
	return pb.goals(catalog.LeafGoals(pb.res.Framework.Leaves[leaf]))
}

// leafForm names the learning form the source recommends for a leaf.
func (pb *planBook) leafForm(leaf int32) string {
	return pb.l.T(lang.LearningFormOf(plan.FormFor(catalog.LeafGoals(pb.res.Framework.Leaves[leaf]))))
}

// node names a leaf: "id name".
func (pb *planBook) node(leaf int32) string { return pb.narrator.Node(pb.res.Framework.Leaves[leaf]) }

// transfer fills the four transfer cells of an activity of kind k from
// row[at] on.
func (pb *planBook) transfer(row []any, at int, k plan.Kind) {
	l := pb.l
	tr := plan.TransferFor(k)
	parties := make([]string, len(tr.Parties))
	for i, s := range tr.Parties {
		parties[i] = l.T(lang.TransferValue(s))
	}
	row[at], row[at+1] = l.T(lang.TransferShort(tr.Preparation)), strings.Join(parties, ", ")
	row[at+2], row[at+3] = l.T(lang.TransferShort(tr.After)), l.T(lang.TransferShort(tr.Sharing))
}

// transferComment explains the transfer fields in a comment on the first
// one's header: what each preparation means, and why transfer matters.
func (pb *planBook) transferComment(sheet string, col int) error {
	l := pb.l
	text := l.T(lang.TransferNote) + "\n\n" + l.T(lang.PrepLearningTalkShort) + ": " + l.T(lang.PrepLearningTalk) + "\n\n" +
		l.T(lang.PrepPlanningMeetingShort) + ": " + l.T(lang.PrepPlanningMeeting)
	return pb.comment(sheet, cell(col, 1), text)
}

// transferHead are the headers of the transfer cells and the follow-up
// date to fill in.
func (pb *planBook) transferHead() []string {
	l := pb.l
	return []string{l.T(lang.Preparation), l.T(lang.PartiesL), l.T(lang.LeaderAfter), l.T(lang.Sharing), l.T(lang.FollowUpDate)}
}

// money writes an amount with the currency.
func (pb *planBook) money(x int64) string {
	cur := catalog.DefaultCurrency
	if pb.p.Catalog != nil {
		cur = pb.p.Catalog.Currency
	}
	return pb.l.F(lang.Money, pb.l.Int(int(x)), cur)
}

// holesOf names the holes a set of needs helps close, "#rank id", in rank
// order.
func (pb *planBook) holesOf(needs []int32) string {
	seen := map[int32]bool{}
	for _, i := range needs {
		if h := pb.p.Needs[i].Hole; h >= 0 {
			seen[h] = true
		}
	}
	var out []string
	for h := range pb.p.Before.Holes {
		if seen[int32(h)] {
			out = append(out, "#"+pb.l.Int(h+1)+" "+pb.p.Before.Holes[h].Node.ID)
		}
	}
	return strings.Join(out, ", ")
}

// competences names the leaves of a set of needs, each once.
func (pb *planBook) competences(needs []int32) string {
	var out []string
	seen := map[int32]bool{}
	for _, i := range needs {
		if l := pb.p.Needs[i].Leaf; !seen[l] {
			seen[l] = true
			out = append(out, pb.node(l))
		}
	}
	return strings.Join(out, "; ")
}
