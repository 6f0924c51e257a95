package workbook

import (
	"slices"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/textwrap"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// The Framework sheet: the framework as used, so that the report stands
// alone, reading as its source reads: the source's own wording quoted in
// full, and what huller added (the scale, default levels, roles, learning
// goals, notes) marked "[huller]". Columns: ID, name, area, group, target,
// source wording, description, indicators, note, learning goals, then the
// required level of each role (after the requirements file and the
// roster's Requirements sheet), continued on numbered sheets when there are
// more roles than columns. Below: roles, learning goals, target groups and
// the source's notes.
const fwFixed = 10

// The widths of the Framework sheet's fixed columns and of a role's column.
var fwWidths = []float64{24, 40, 10, 30, 8, 60, 60, 50, 40, 24}

const fwRoleWidth = 12

// frameworkLayout holds the sheet's rows, made once: their number plans
// the sheets.
type frameworkLayout struct {
	perRole int       // role columns a sheet
	chunks  []*fwRows // the rows of each column chunk
}

func newFrameworkLayout(b *builder) *frameworkLayout {
	fl := &frameworkLayout{perRole: b.lim.Cols - fwFixed}
	for c := range chunks(len(b.res.Roles), fl.perRole) {
		lo, hi := fl.roles(c, len(b.res.Roles))
		fr := &fwRows{b: b}
		if c == 0 {
			fr.about()
			fr.scale()
		}
		fr.competences(lo, hi)
		if c == 0 {
			fr.roles()
			fr.goalTypes()
			fr.targetGroups()
			fr.notes()
		}
		fl.chunks = append(fl.chunks, fr)
	}
	return fl
}

// roles returns the roles (lo..hi-1) of column chunk c.
func (fl *frameworkLayout) roles(c, n int) (lo, hi int) {
	return c * fl.perRole, min((c+1)*fl.perRole, n)
}

func (b *builder) writeFramework(plan *sheetPlan, fl *frameworkLayout) error {
	for c, fr := range fl.chunks {
		rows, names := fr.rows, plan.chunk(c, len(fl.chunks))
		widths := fr.widths
		if widths == nil {
			widths = fwWidths
		}
		pg := b.bk.AddTable(names, len(rows))
		pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
			if err := setWidths(sw, widths); err != nil {
				return 0, err
			}
			return 0, pg.SetColStyle(sw, 1, fwFixed, b.st.text)
		}
		pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
			if sheet != names[0] {
				return nil
			}
			for _, m := range fr.merges {
				if row := first + m.row; row <= last {
					if err := sw.MergeCell(cell(m.c1, row), cell(m.c2, row)); err != nil {
						return err
					}
				}
			}
			return nil
		}
		pg.Rows = func(rlo, rhi int, add func([]any) error) error {
			for _, r := range rows[rlo:rhi] {
				if err := add(r); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return nil
}

// fwRows collects the rows of one column chunk of the Framework sheet.
type fwRows struct {
	b       *builder
	rows    [][]any
	merges  []fwMerge
	pending []fwMerge // the merges of the next row
	// widths are the columns' widths, once the table's header is known:
	// wide enough for every word of the header
	widths []float64
}

// fwMerge merges the columns c1..c2 (1-based) of a row (0-based in rows).
type fwMerge struct{ row, c1, c2 int }

// span merges the columns c1..c2 (1-based) of the next row added.
func (fr *fwRows) span(c1, c2 int) *fwRows {
	fr.pending = append(fr.pending, fwMerge{len(fr.rows), c1, c2})
	return fr
}

// width returns the width of column c (1-based), or of the columns the
// next row merges from c.
func (fr *fwRows) width(c int) float64 {
	last := c
	for _, m := range fr.pending {
		if m.c1 == c {
			last = m.c2
		}
	}
	w := 0.0
	for i := c; i <= last; i++ {
		switch {
		case i <= len(fr.widths):
			w += fr.widths[i-1]
		case i <= len(fwWidths):
			w += fwWidths[i-1]
		default:
			w += fwRoleWidth
		}
	}
	return w
}

// add adds a row, as high as its longest wrapped text needs.
func (fr *fwRows) add(vals ...any) {
	lines := 1
	for i, v := range vals {
		c, ok := v.(excelize.Cell)
		st := fr.b.st
		if !ok || c.StyleID != st.textWrap && c.StyleID != st.headWrap && c.StyleID != st.boldWrap {
			continue
		}
		s, _ := c.Value.(string)
		lines = max(lines, textwrap.CellLines(s, fr.width(i+1)))
	}
	if lines > 1 {
		vals = append(vals, xlsxstream.Height(textwrap.RowHeight(lines)))
	}
	fr.merges = append(fr.merges, fr.pending...)
	fr.pending = fr.pending[:0]
	fr.rows = append(fr.rows, vals)
}

// addWide adds a row of a bold label and a text over the columns B..G.
func (fr *fwRows) addWide(label, text string) {
	fr.span(2, 7).add(excelize.Cell{StyleID: fr.b.st.boldWrap, Value: label}, fr.wrap(text))
}

// num is a number at the top of its cell.
func (fr *fwRows) num(n int) any { return excelize.Cell{StyleID: fr.b.st.top, Value: n} }

func (fr *fwRows) wrap(s string) any {
	return excelize.Cell{StyleID: fr.b.st.textWrap, Value: fr.b.text(s)}
}

func (fr *fwRows) heading(s string) { fr.add(excelize.Cell{StyleID: fr.b.st.h2, Value: s}) }

// fwText returns a framework text in the report's language.
func (b *builder) fwText(t framework.Text) string { return b.res.Framework.Text(t, b.l.Code()) }

// quote quotes the source's own words; "" stays "".
func (b *builder) quote(s string) string {
	if s == "" {
		return ""
	}
	return b.l.F(lang.OutlineQuote, s)
}

// hullerMark appends "[huller]" to s when o is huller's.
func hullerMark(s string, o framework.Origin) string {
	if o != framework.OriginHuller {
		return s
	}
	if s == "" {
		return "[huller]"
	}
	return s + " [huller]"
}

// about writes the title, the framework's properties and, when the
// framework quotes its source or marks huller's additions, the legend.
func (fr *fwRows) about() {
	b, l, fw := fr.b, fr.b.l, fr.b.res.Framework
	title := b.fwText(fw.Title)
	fr.add(excelize.Cell{StyleID: b.st.title, Value: b.text(l.T(lang.FrameworkTitle) + ": " + title)})
	fr.add()
	year := ""
	if fw.Source.Year != 0 {
		year = strconv.Itoa(fw.Source.Year)
	}
	d := fw.Defaults
	kv := [][2]string{
		{l.T(lang.ID), fw.ID}, {l.T(lang.TitleL), title}, {l.T(lang.Language), fw.Language},
		{l.T(lang.Source), fw.Source.Title}, {l.T(lang.Publisher), fw.Source.Publisher}, {l.T(lang.Year), year},
		{l.T(lang.URL), fw.Source.URL}, {l.T(lang.Description), b.fwText(fw.Description)},
		{l.T(lang.Extends), fw.Extends}, {l.T(lang.File), fw.File},
		{l.T(lang.DefRequired), hullerMark(b.levelName(d.Required), d.RequiredOrigin)},
	}
	if len(fw.Profiles) > 0 { // target and fit apply to profiles only
		kv = append(kv, [2]string{l.T(lang.DefTarget), hullerMark(b.levelName(d.Target), d.TargetOrigin)},
			[2]string{l.T(lang.DefFit), hullerMark(l.Share(d.Fit), d.FitOrigin)})
	}
	for _, e := range kv {
		fr.addWide(e[0], e[1])
	}
	if fw.DefaultsOrigin() == framework.OriginHuller {
		fr.add(nil, excelize.Cell{StyleID: b.st.note, Value: l.T(lang.OutlineLevelsHuller)})
	}
	if fr.marked() {
		fr.add()
		fr.add(nil, excelize.Cell{StyleID: b.st.note, Value: l.F(lang.OutlineLegend, b.quote("…"))})
		if fw.GoalsOrigin() == framework.OriginHuller {
			fr.add(nil, excelize.Cell{StyleID: b.st.note, Value: l.T(lang.OutlineGoalsHuller)})
		}
	}
	fr.add()
}

// marked reports whether the framework quotes its source or marks what
// huller added, so that the sheet needs its legend.
func (fr *fwRows) marked() bool {
	fw := fr.b.res.Framework
	if fw.ScaleOrigin() == framework.OriginHuller || fw.Origin == framework.OriginHuller {
		return true
	}
	for _, r := range fw.Roles {
		if r.Statement != nil || r.Origin == framework.OriginHuller {
			return true
		}
	}
	for _, n := range fw.Nodes() {
		if n.Statement != nil || n.NoteOrigin == framework.OriginHuller {
			return true
		}
	}
	return false
}

// scale writes the scale's levels, marked when huller defined them.
func (fr *fwRows) scale() {
	b, l, fw := fr.b, fr.b.l, fr.b.res.Framework
	whole := fw.ScaleOrigin() == framework.OriginHuller
	if whole {
		fr.add(excelize.Cell{StyleID: b.st.h2, Value: l.T(lang.Scale)}, excelize.Cell{StyleID: b.st.note, Value: l.T(lang.OutlineScaleHuller)})
	} else {
		fr.heading(l.T(lang.Scale))
	}
	fr.span(3, 7).add(styled([]string{l.T(lang.Level), l.T(lang.Label), l.T(lang.Description), "", "", "", ""}, b.st.head)...)
	for _, s := range fw.Scale {
		label := b.fwText(s.Label)
		if s.Teaches && !strings.Contains(strings.ToLower(label), strings.ToLower(l.T(lang.OutlineTeaches))) {
			label += " (" + l.T(lang.OutlineTeaches) + ")"
		}
		if !whole {
			label = hullerMark(label, s.Origin)
		}
		fr.span(3, 7).add(fr.num(s.Level), fr.wrap(label), fr.wrap(b.fwText(s.Description)))
	}
	fr.add()
}

// competences writes every node with the required level of roles lo..hi-1;
// a role's column is marked when its levels are huller's defaults.
func (fr *fwRows) competences(lo, hi int) {
	b, l, res := fr.b, fr.b.l, fr.b.res
	fr.heading(l.T(lang.Competences))
	fr.add(excelize.Cell{StyleID: b.st.note, Value: l.T(lang.RolesNote)})
	head := []string{l.T(lang.ID), l.T(lang.Name), l.T(lang.Area), l.T(lang.Group), l.T(lang.Target),
		l.T(lang.SourceWording), l.T(lang.Description), l.T(lang.Indicators), l.T(lang.NoteL), l.T(lang.OutlineGoalTypes)}
	defaults := false
	for r := lo; r < hi; r++ {
		h := l.F(lang.RequiredBy, b.roleName[r])
		if res.Roles[r].HullerDefaults {
			h, defaults = hullerMark(h, framework.OriginHuller), true
		}
		head = append(head, b.text(h))
	}
	if defaults {
		fr.add(excelize.Cell{StyleID: b.st.note, Value: l.T(lang.OutlineLevelsHuller)})
	}
	base := slices.Clone(fwWidths)
	for len(base) < len(head) {
		base = append(base, fwRoleWidth)
	}
	fr.widths, _ = fitHead(head, base, 0)
	fr.add(styled(head, b.st.headWrap)...)
	mixed := res.Framework.GoalsOrigin() != framework.OriginHuller
	for _, n := range res.Framework.Nodes() {
		fr.add(fr.node(n, lo, hi, mixed)...)
	}
}

// node returns the row of one node. mixed: learning goals of different
// origins, so that each row says whose its are.
func (fr *fwRows) node(n *framework.Node, lo, hi int, mixed bool) []any {
	b, res := fr.b, fr.b.res
	row := make([]any, fwFixed+hi-lo)
	name := fr.wrap(b.name(n))
	if !n.IsLeaf() {
		name = excelize.Cell{StyleID: b.st.boldWrap, Value: b.text(b.name(n))}
	}
	row[0] = excelize.Cell{StyleID: b.st.id, Value: b.text(strings.Repeat("  ", n.Depth) + n.ID)}
	row[1] = name
	row[2] = fr.wrap(b.l.T(lang.Basis))
	if n.Area == framework.Profile {
		row[2] = fr.wrap(b.l.T(lang.Profile))
	}
	row[3] = fr.wrap(groupLabel(n.Group, b.name(n.Group)))
	row[5] = fr.wrap(b.quote(res.Framework.Wording(n, b.l.Code())))
	row[6] = fr.wrap(strings.TrimSpace(b.fwText(n.Focus) + "\n" + b.fwText(n.Description)))
	var ind []string
	for _, t := range n.Indicators {
		ind = append(ind, "• "+b.fwText(t))
	}
	row[7] = fr.wrap(strings.Join(ind, "\n"))
	if note := b.fwText(n.Note); note != "" {
		row[8] = fr.wrap(hullerPrefix(note, n.NoteOrigin))
	}
	if len(n.LearningGoals) > 0 {
		names := make([]string, len(n.LearningGoals))
		for i, g := range n.LearningGoals {
			names[i] = b.l.GoalName(string(g))
		}
		s := strings.Join(names, ", ")
		if mixed {
			s = hullerMark(s, n.LearningGoalsOrigin)
		}
		row[9] = fr.wrap(s)
	}
	switch {
	case n.IsLeaf():
		row[4] = fr.num(int(res.Targets[n.Leaf]))
		if n.Area == framework.Basis {
			for r := lo; r < hi; r++ {
				row[fwFixed+r-lo] = fr.num(int(res.Roles[r].Required[n.Leaf]))
			}
		}
	case n.Area == framework.Profile && n.Parent == nil:
		if j := profileIndex(res.Framework, n); j >= 0 {
			row[4] = fr.num(res.Profiles[j].Target)
		}
	}
	return row
}

// hullerPrefix puts "[huller] " before s when o is huller's.
func hullerPrefix(s string, o framework.Origin) string {
	if o != framework.OriginHuller {
		return s
	}
	return "[huller] " + s
}

// roles writes the roles of the persons analysed: the source's wording of
// each, and a mark on those huller defined.
func (fr *fwRows) roles() {
	b, l, res := fr.b, fr.b.l, fr.b.res
	fr.add()
	fr.heading(l.T(lang.Roles))
	fr.add(styled([]string{l.T(lang.ID), l.T(lang.Name), l.T(lang.Persons), l.T(lang.ExpectedProfiles), "", l.T(lang.SourceWording), l.T(lang.Description)}, b.st.head)...)
	for i, r := range res.Roles {
		var profs []string
		for _, j := range r.Profiles {
			profs = append(profs, b.profName[j])
		}
		name, statement, desc := b.roleName[i], "", ""
		if role := r.Role; role != nil {
			statement, desc = b.quote(b.fwText(role.Statement)), b.fwText(role.Description)
			if role.Statement == nil && role.Origin == framework.OriginHuller {
				name += " " + l.T(lang.OutlineRoleHuller)
			}
		}
		fr.add(excelize.Cell{StyleID: b.st.id, Value: b.text(r.ID)}, fr.wrap(name), fr.num(r.Persons), fr.wrap(strings.Join(profs, ", ")), nil, fr.wrap(statement), fr.wrap(desc))
	}
}

// goalTypes writes the source's kinds of learning goal.
func (fr *fwRows) goalTypes() {
	b, l, fw := fr.b, fr.b.l, fr.b.res.Framework
	if len(fw.LearningGoalTypes) == 0 {
		return
	}
	fr.add()
	fr.heading(l.T(lang.OutlineGoalTypes))
	fr.span(2, 6).add(styled([]string{l.T(lang.OutlineLearningGoal), l.T(lang.SourceWording), "", "", "", "", l.T(lang.Description)}, b.st.head)...)
	for _, g := range fw.LearningGoalTypes {
		fr.span(2, 6).add(fr.wrap(b.l.GoalName(string(g.Type))), fr.wrap(b.quote(b.fwText(g.Name))), nil, nil, nil, nil, fr.wrap(b.fwText(g.Description)))
	}
}

// targetGroups writes the groups of people the framework's work is aimed
// at, sub-groups indented.
func (fr *fwRows) targetGroups() {
	b, l, fw := fr.b, fr.b.l, fr.b.res.Framework
	if len(fw.TargetGroups) == 0 {
		return
	}
	fr.add()
	fr.heading(l.T(lang.OutlineTargetGroups))
	fr.span(1, 3).span(4, 6).add(styled([]string{l.T(lang.Name), "", "", l.T(lang.Profile), "", "", l.T(lang.Description)}, b.st.head)...)
	var walk func(depth int, gs []*framework.TargetGroup)
	walk = func(depth int, gs []*framework.TargetGroup) {
		for _, g := range gs {
			prof := ""
			if p := fw.Node(g.Profile); p != nil {
				prof = groupLabel(p, b.name(p))
			}
			fr.span(1, 3).span(4, 6).add(fr.wrap(strings.Repeat("  ", depth)+b.fwText(g.Name)), nil, nil,
				fr.wrap(prof), nil, nil, fr.wrap(b.fwText(g.Description)))
			walk(depth+1, g.Items)
		}
	}
	walk(0, fw.TargetGroups)
}

// notes writes what the source says beyond its items, and huller's remarks.
func (fr *fwRows) notes() {
	b, l, fw := fr.b, fr.b.l, fr.b.res.Framework
	if len(fw.Notes) == 0 {
		return
	}
	fr.add()
	fr.heading(l.T(lang.OutlineNotes))
	fr.span(2, 5).add(styled([]string{l.T(lang.ID), l.T(lang.TitleL), "", "", "", l.T(lang.SourceWording), l.T(lang.Description)}, b.st.head)...)
	for _, n := range fw.Notes {
		fr.span(2, 5).add(excelize.Cell{StyleID: b.st.id, Value: b.text(n.ID)}, fr.wrap(hullerMark(b.fwText(n.Title), n.Origin)), nil, nil, nil,
			fr.wrap(b.quote(b.fwText(n.Statement))), fr.wrap(b.fwText(n.Text)))
	}
}
