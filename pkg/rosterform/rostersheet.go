package rosterform

import (
	"fmt"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/textwrap"
	"github.com/huller/huller/pkg/lang"
	"github.com/xuri/excelize/v2"
)

// columns lays out the Roster sheet.
func (b *builder) columns() []column {
	cols := make([]column, 0, 5+len(b.fw.Leaves)+len(b.fw.Basis)+len(b.fw.Profiles))
	for _, h := range fixedHeaders(b.l) {
		cols = append(cols, column{header: h})
	}
	for _, g := range append(append([]*framework.Node(nil), b.fw.Basis...), b.fw.Profiles...) {
		if g.IsLeaf() {
			cols = append(cols, column{header: nodeHeader(g, b.text(g.Name)), node: g})
			continue
		}
		cols = append(cols, column{header: nodeHeader(g, b.text(g.Name)), node: g, group: true})
		for _, l := range g.Leaves {
			cols = append(cols, column{header: nodeHeader(l, b.text(l.Name)), node: l, outline: true})
		}
	}
	return cols
}

func (b *builder) roster() error {
	f := b.f
	if err := f.SetSheetName("Sheet1", SheetRoster); err != nil {
		return err
	}
	cols := b.columns()
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = c.header
	}
	// Text columns first: a column style also restyles the cells set so far.
	for _, c := range []int{0, 1, 3, 4} { // name, id, team, profiles
		if err := f.SetColStyle(SheetRoster, colName(c), b.style.text); err != nil {
			return err
		}
	}
	if err := f.SetSheetRow(SheetRoster, "A1", &header); err != nil {
		return err
	}
	last := colName(len(cols) - 1)
	if err := f.SetCellStyle(SheetRoster, "A1", last+"1", b.style.header); err != nil {
		return err
	}
	if err := setHeadLayout(f, SheetRoster, header, []float64{24, 14, 20, 14, 24}, 14); err != nil {
		return err
	}
	if err := b.fixedComments(); err != nil {
		return err
	}
	for i, c := range cols {
		if c.node == nil {
			continue
		}
		if c.group {
			if err := f.SetCellStyle(SheetRoster, cell(i, 1), cell(i, 1), b.style.group); err != nil {
				return err
			}
		}
		if c.outline {
			if err := f.SetColOutlineLevel(SheetRoster, colName(i), 1); err != nil {
				return err
			}
		}
		if err := b.nodeComment(SheetRoster, cell(i, 1), c.node, c.group); err != nil {
			return err
		}
	}
	right := false
	if err := f.SetSheetProps(SheetRoster, &excelize.SheetPropsOptions{OutlineSummaryRight: &right}); err != nil {
		return err
	}
	if err := f.SetPanes(SheetRoster, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "B2", ActiveCell: "B2", Pane: "bottomRight"}}}); err != nil {
		return err
	}
	lastRow := b.opts.Rows + 1
	if err := b.levelValidation(SheetRoster, fmt.Sprintf("%s2:%s%d", colName(5), last, lastRow)); err != nil {
		return err
	}
	return b.roleValidation(fmt.Sprintf("C2:C%d", lastRow))
}

func (b *builder) fixedComments() error {
	roles := make([]string, len(b.fw.Roles))
	for i, r := range b.fw.Roles {
		roles[i] = r.ID
	}
	profs := make([]string, len(b.fw.Profiles))
	for i, p := range b.fw.Profiles {
		profs[i] = p.ID
	}
	notes := []string{
		b.l.T(lang.FormNameComment),
		b.l.T(lang.FormIDComment),
		b.l.T(lang.FormRoleComment) + strings.Join(roles, ", "),
		b.l.T(lang.FormTeamComment),
		b.l.T(lang.FormProfilesComment) + strings.Join(profs, ", "),
	}
	for i, n := range notes {
		if err := b.comment(SheetRoster, cell(i, 1), []excelize.RichTextRun{{Text: n}}); err != nil {
			return err
		}
	}
	return nil
}

// nodeComment puts a node's full name, the source's full wording (when the
// name shortens it), description, indicators and note on its header.
func (b *builder) nodeComment(sheet, ref string, n *framework.Node, group bool) error {
	runs := []excelize.RichTextRun{{Text: n.ID + " " + b.text(n.Name), Font: &excelize.Font{Bold: true}}}
	add := func(s string) {
		if s != "" {
			runs = append(runs, excelize.RichTextRun{Text: "\n\n" + s})
		}
	}
	add(b.quote(b.text(n.Statement)))
	add(b.text(n.Focus))
	add(b.text(n.Description))
	if len(n.Indicators) > 0 {
		var sb strings.Builder
		sb.WriteString(b.l.T(lang.FormIndicators))
		for _, ind := range n.Indicators {
			sb.WriteString("\n• " + b.text(ind))
		}
		add(sb.String())
	}
	if note := b.text(n.Note); note != "" && n.NoteOrigin == framework.OriginHuller {
		add("[huller] " + note)
	} else {
		add(note)
	}
	if group {
		add(b.l.T(lang.FormGroupComment))
	}
	return b.comment(sheet, ref, runs)
}

func (b *builder) comment(sheet, ref string, runs []excelize.RichTextRun) error {
	n := 0
	for _, r := range runs {
		n += len([]rune(r.Text))/45 + strings.Count(r.Text, "\n") + 1
	}
	return b.f.AddComment(sheet, excelize.Comment{Author: "huller", Cell: ref, Paragraph: runs,
		Width: 360, Height: uint(min(60+16*n, 640))})
}

// setHeadLayout sets the widths of a sheet's columns — base for the first,
// rest for the others, each widened to show its header's longest word
// whole — and the header row's height, at least 64 points.
func setHeadLayout(f *excelize.File, sheet string, header []any, base []float64, rest float64) error {
	head := make([]string, len(header))
	widths := make([]float64, len(header))
	for i, h := range header {
		head[i] = fmt.Sprint(h)
		widths[i] = rest
		if i < len(base) {
			widths[i] = base[i]
		}
	}
	widths, height := textwrap.FitHead(head, widths, 64)
	for i, w := range widths {
		if err := f.SetColWidth(sheet, colName(i), colName(i), w); err != nil {
			return err
		}
	}
	return f.SetRowHeight(sheet, 1, height)
}
