package rosterform

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/textwrap"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/roster"
	"github.com/xuri/excelize/v2"
)

func (b *builder) requirements() error {
	f := b.f
	if _, err := f.NewSheet(SheetRequirements); err != nil {
		return err
	}
	leaves := b.fw.BasisLeaves
	header := []any{fixedHeaders(b.l)[2], b.l.T(lang.HeaderRoleName)}
	for _, l := range leaves {
		header = append(header, nodeHeader(l, b.text(l.Name)))
	}
	if err := f.SetSheetRow(SheetRequirements, "A1", &header); err != nil {
		return err
	}
	last := colName(len(header) - 1)
	if err := f.SetCellStyle(SheetRequirements, "A1", last+"1", b.style.header); err != nil {
		return err
	}
	if err := setHeadLayout(f, SheetRequirements, header, []float64{22, 22}, 14); err != nil {
		return err
	}
	for i, l := range leaves {
		if err := b.nodeComment(SheetRequirements, cell(i+2, 1), l, false); err != nil {
			return err
		}
	}
	for r, role := range b.fw.Roles {
		req := b.fw.Required(role.Requires)
		row := []any{role.ID, b.text(role.Name)}
		for _, v := range req {
			row = append(row, v)
		}
		if err := f.SetSheetRow(SheetRequirements, cell(0, r+2), &row); err != nil {
			return err
		}
		if b.hullerLevels(role) {
			if err := b.comment(SheetRequirements, cell(1, r+2), []excelize.RichTextRun{{Text: b.l.T(lang.OutlineLevelsHuller)}}); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(SheetRequirements, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "C2", ActiveCell: "C2", Pane: "bottomRight"}}}); err != nil {
		return err
	}
	return b.levelValidation(SheetRequirements, fmt.Sprintf("C2:%s%d", last, len(b.fw.Roles)+101))
}

// instrWidths are the widths of the Instructions sheet's columns.
var instrWidths = []float64{18, 32, 34, 80}

// instructions writes how to fill the template in, and what a user should
// know of the framework: its scale, roles, profiles, learning goals,
// target groups and notes, the source's own words quoted and huller's
// additions marked.
func (b *builder) instructions() error {
	w := &instrWriter{b: b, row: 1}
	if _, err := b.f.NewSheet(SheetInstructions); err != nil {
		return err
	}
	for i, width := range instrWidths {
		w.do(func() error { return b.f.SetColWidth(SheetInstructions, colName(i), colName(i), width) })
	}
	ref := b.opts.Ref.ID
	if b.opts.Ref.File != "" {
		ref = b.opts.Ref.File
	}
	l, fw := b.l, b.fw
	w.line(b.style.title, l.T(lang.FormTitle)+": "+b.text(fw.Title))
	w.line(0, l.T(lang.FormFramework)+": "+ref)
	w.row++
	steps := []string{l.T(lang.FormStepRoster), l.T(lang.FormStepAssess), l.T(lang.FormStepBlank),
		l.T(lang.FormStepHover), l.T(lang.FormStepGroups), l.T(lang.FormStepRequirements)}
	if slices.ContainsFunc(fw.Roles, b.hullerLevels) {
		steps = append(steps, l.T(lang.FormStepDefaults))
	}
	steps = append(steps, l.F(lang.FormStepRun, b.opts.FileName))
	for i, st := range steps {
		w.put(b.style.wrap, []int{0, 1, 3}, strconv.Itoa(i+1)+".", st)
	}
	if b.marked() {
		w.row++
		w.put(b.style.note, []int{0, 3}, l.F(lang.OutlineLegend, b.quote("…")))
	}
	w.scale()
	w.roles()
	w.profiles()
	w.goalTypes()
	w.targetGroups()
	w.notes()
	return w.err
}

// marked reports whether the framework quotes its source or marks what
// huller added.
func (b *builder) marked() bool {
	fw := b.fw
	if fw.Origin == framework.OriginHuller || fw.ScaleOrigin() == framework.OriginHuller {
		return true
	}
	for _, r := range fw.Roles {
		if r.Statement != nil || r.Origin == framework.OriginHuller {
			return true
		}
	}
	return slices.ContainsFunc(fw.Nodes(), func(n *framework.Node) bool { return n.Statement != nil })
}

// instrWriter writes the Instructions sheet row by row.
type instrWriter struct {
	b   *builder
	row int
	err error
}

func (w *instrWriter) do(fn func() error) {
	if w.err == nil {
		w.err = fn()
	}
}

// line writes a text in column A that may run over the empty cells beside
// it.
func (w *instrWriter) line(style int, text string) {
	w.put(style, nil, text)
}

// put writes one row. cols[i] is the first column (0-based) of vals[i],
// which spans, merged, up to the column before the next value's; the last
// value spans up to the column cols[len(vals)]. nil puts the values in
// columns A, B, C, … The row is made as high as its longest text needs.
func (w *instrWriter) put(style int, cols []int, vals ...string) {
	s := SheetInstructions
	if cols == nil {
		for i := range vals {
			cols = append(cols, i)
		}
		cols = append(cols, len(vals)-1)
	}
	lines := 1
	for i, v := range vals {
		c1, c2 := cols[i], cols[i]
		if i+1 < len(cols) {
			c2 = max(c1, cols[i+1]-1)
			if i+1 == len(vals) {
				c2 = cols[i+1]
			}
		}
		w.do(func() error { return w.b.f.SetCellStr(s, cell(c1, w.row), v) })
		if style != 0 {
			w.do(func() error { return w.b.f.SetCellStyle(s, cell(c1, w.row), cell(c2, w.row), style) })
		}
		if c2 > c1 {
			w.do(func() error { return w.b.f.MergeCell(s, cell(c1, w.row), cell(c2, w.row)) })
		}
		if style == w.b.style.wrap || style == w.b.style.note || style == w.b.style.bold {
			width := 0.0
			for c := c1; c <= c2; c++ {
				width += instrWidths[c]
			}
			lines = max(lines, textwrap.CellLines(v, width))
		}
	}
	if lines > 1 {
		w.do(func() error { return w.b.f.SetRowHeight(s, w.row, textwrap.RowHeight(lines)) })
	}
	w.row++
}

// section starts a section: a blank row, a title (and a mark beside it),
// and the column headings over cols.
func (w *instrWriter) section(title, mark string, cols []int, head ...string) {
	w.row++
	w.put(w.b.style.title, nil, title)
	if mark != "" { // beside the title
		w.row--
		w.put(w.b.style.note, []int{1, 3}, mark)
	}
	w.put(w.b.style.bold, cols, head...)
}

// The columns of a section's rows: three values, the last over C:D; and
// four values.
var (
	cols3 = []int{0, 1, 2, 3}
	cols4 = []int{0, 1, 2, 3, 3}
)

func (w *instrWriter) scale() {
	b, l, fw := w.b, w.b.l, w.b.fw
	whole := fw.ScaleOrigin() == framework.OriginHuller
	mark := ""
	if whole {
		mark = l.T(lang.OutlineScaleHuller)
	}
	w.section(l.T(lang.FormScale), mark, cols3, l.T(lang.FormScaleLevel), l.T(lang.FormScaleLabel), l.T(lang.FormScaleDescription))
	for _, s := range fw.Scale {
		label := b.text(s.Label)
		if s.Teaches && !strings.Contains(strings.ToLower(label), strings.ToLower(l.T(lang.OutlineTeaches))) {
			label += " (" + l.T(lang.OutlineTeaches) + ")"
		}
		if !whole && s.Origin == framework.OriginHuller {
			label += " [huller]"
		}
		w.put(b.style.wrap, cols3, strconv.Itoa(s.Level), label, b.text(s.Description))
	}
}

func (w *instrWriter) roles() {
	b, l, fw := w.b, w.b.l, w.b.fw
	if len(fw.Roles) == 0 {
		return
	}
	mark := ""
	if slices.ContainsFunc(fw.Roles, b.hullerLevels) {
		mark = l.T(lang.OutlineLevelsHuller)
	}
	w.section(l.T(lang.FormRoles), mark, cols4, l.T(lang.FormRoleID), l.T(lang.FormRoleName), l.T(lang.FormRoleProfiles), l.T(lang.SourceWording))
	for _, r := range fw.Roles {
		name := b.text(r.Name)
		if r.Statement == nil && r.Origin == framework.OriginHuller {
			name += " " + l.T(lang.OutlineRoleHuller)
		}
		w.put(b.style.wrap, cols4, r.ID, name, strings.Join(r.Profiles, ", "), b.quote(b.text(r.Statement)))
	}
}

func (w *instrWriter) profiles() {
	b, l, fw := w.b, w.b.l, w.b.fw
	if len(fw.Profiles) == 0 {
		return
	}
	w.section(l.T(lang.FormProfiles), "", cols4, l.T(lang.FormProfileID), l.T(lang.FormProfileName), l.T(lang.FormProfileFocus), l.T(lang.SourceWording))
	for _, p := range fw.Profiles {
		w.put(b.style.wrap, cols4, p.ID, b.text(p.Name), b.text(p.Focus), b.quote(b.text(p.Statement)))
	}
}

func (w *instrWriter) goalTypes() {
	b, l, fw := w.b, w.b.l, w.b.fw
	if len(fw.LearningGoalTypes) == 0 {
		return
	}
	w.section(l.T(lang.OutlineGoalTypes), "", cols3, l.T(lang.OutlineLearningGoal), l.T(lang.SourceWording), l.T(lang.Description))
	for _, g := range fw.LearningGoalTypes {
		w.put(b.style.wrap, cols3, l.GoalName(string(g.Type)), b.quote(b.text(g.Name)), b.text(g.Description))
	}
}

func (w *instrWriter) targetGroups() {
	b, l, fw := w.b, w.b.l, w.b.fw
	if len(fw.TargetGroups) == 0 {
		return
	}
	cols := []int{0, 2, 3, 3} // name over A:B, profile, description
	w.section(l.T(lang.OutlineTargetGroups), "", cols, l.T(lang.FormRoleName), l.T(lang.FormProfileID), l.T(lang.Description))
	var walk func(depth int, gs []*framework.TargetGroup)
	walk = func(depth int, gs []*framework.TargetGroup) {
		for _, g := range gs {
			w.put(b.style.wrap, cols, strings.Repeat("  ", depth)+b.text(g.Name), g.Profile, b.text(g.Description))
			walk(depth+1, g.Items)
		}
	}
	walk(0, fw.TargetGroups)
}

func (w *instrWriter) notes() {
	b, l, fw := w.b, w.b.l, w.b.fw
	if len(fw.Notes) == 0 {
		return
	}
	cols := []int{0, 2, 3, 3} // title over A:B, the source's wording, text
	w.section(l.T(lang.OutlineNotes), "", cols, l.T(lang.TitleL), l.T(lang.SourceWording), l.T(lang.Description))
	for _, n := range fw.Notes {
		title := b.text(n.Title)
		if n.Origin == framework.OriginHuller {
			title += " [huller]"
		}
		w.put(b.style.wrap, cols, title, b.quote(b.text(n.Statement)), b.text(n.Text))
	}
}

func (b *builder) properties() error {
	f := b.f
	if err := f.SetCustomProps(excelize.CustomProperty{Name: roster.PropFramework, Value: b.opts.Ref.ID}); err != nil {
		return err
	}
	if b.opts.Ref.File != "" {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: roster.PropFrameworkFile, Value: b.opts.Ref.File}); err != nil {
			return err
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: b.l.T(lang.FormTitle) + ": " + b.text(b.fw.Title), Creator: "huller",
		Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z", Language: b.l.Code()}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return nil
}
