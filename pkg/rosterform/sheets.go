package rosterform

import (
	"fmt"
	"strconv"
	"strings"

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
	if err := f.SetRowHeight(SheetRequirements, 1, 64); err != nil {
		return err
	}
	if err := f.SetColWidth(SheetRequirements, "A", "B", 22); err != nil {
		return err
	}
	if err := f.SetColWidth(SheetRequirements, "C", last, 14); err != nil {
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
	}
	if err := f.SetPanes(SheetRequirements, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "C2", ActiveCell: "C2", Pane: "bottomRight"}}}); err != nil {
		return err
	}
	return b.levelValidation(SheetRequirements, fmt.Sprintf("C2:%s%d", last, len(b.fw.Roles)+101))
}

func (b *builder) instructions() error {
	f := b.f
	const s = SheetInstructions
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	widths := map[string]float64{"A": 18, "B": 32, "C": 100}
	for c, w := range widths {
		if err := f.SetColWidth(s, c, c, w); err != nil {
			return err
		}
	}
	row := 1
	put := func(style int, vals ...string) error {
		for i, v := range vals {
			if err := f.SetCellStr(s, cell(i, row), v); err != nil {
				return err
			}
		}
		if style != 0 {
			if err := f.SetCellStyle(s, cell(0, row), cell(max(len(vals)-1, 0), row), style); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	ref := b.opts.Ref.ID
	if b.opts.Ref.File != "" {
		ref = b.opts.Ref.File
	}
	lines := []struct {
		style int
		vals  []string
	}{
		{b.style.title, []string{b.l.T(lang.FormTitle) + ": " + b.text(b.fw.Title)}},
		{0, []string{b.l.T(lang.FormFramework) + ": " + ref}},
		{0, nil},
	}
	steps := []string{b.l.T(lang.FormStepRoster), b.l.T(lang.FormStepAssess), b.l.T(lang.FormStepBlank),
		b.l.T(lang.FormStepHover), b.l.T(lang.FormStepGroups), b.l.T(lang.FormStepRequirements),
		b.l.F(lang.FormStepRun, b.opts.FileName)}
	for i, st := range steps {
		lines = append(lines, struct {
			style int
			vals  []string
		}{b.style.wrap, []string{strconv.Itoa(i+1) + ".", st}})
	}
	for _, l := range lines {
		if err := put(l.style, l.vals...); err != nil {
			return err
		}
	}
	// Steps run across B:C: merge them so the text wraps at a useful width.
	for r := 4; r < row; r++ {
		if err := f.MergeCell(s, cell(1, r), cell(2, r)); err != nil {
			return err
		}
		if err := f.SetRowHeight(s, r, 32); err != nil {
			return err
		}
	}
	section := func(title string, head [3]string, rows [][3]string) error {
		row++
		if err := put(b.style.title, title); err != nil {
			return err
		}
		if err := put(b.style.bold, head[0], head[1], head[2]); err != nil {
			return err
		}
		for _, r := range rows {
			if err := put(b.style.wrap, r[0], r[1], r[2]); err != nil {
				return err
			}
		}
		return nil
	}
	var scale, roles, profs [][3]string
	for _, l := range b.fw.Scale {
		scale = append(scale, [3]string{strconv.Itoa(l.Level), b.text(l.Label), b.text(l.Description)})
	}
	for _, r := range b.fw.Roles {
		roles = append(roles, [3]string{r.ID, b.text(r.Name), strings.Join(r.Profiles, ", ")})
	}
	for _, p := range b.fw.Profiles {
		profs = append(profs, [3]string{p.ID, b.text(p.Name), b.text(p.Focus)})
	}
	if err := section(b.l.T(lang.FormScale), [3]string{b.l.T(lang.FormScaleLevel), b.l.T(lang.FormScaleLabel), b.l.T(lang.FormScaleDescription)}, scale); err != nil {
		return err
	}
	if len(roles) > 0 {
		if err := section(b.l.T(lang.FormRoles), [3]string{b.l.T(lang.FormRoleID), b.l.T(lang.FormRoleName), b.l.T(lang.FormRoleProfiles)}, roles); err != nil {
			return err
		}
	}
	if len(profs) > 0 {
		return section(b.l.T(lang.FormProfiles), [3]string{b.l.T(lang.FormProfileID), b.l.T(lang.FormProfileName), b.l.T(lang.FormProfileFocus)}, profs)
	}
	return nil
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
