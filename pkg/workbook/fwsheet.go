package workbook

import (
	"slices"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/xuri/excelize/v2"
)

// The Framework sheet: the framework as used, so that the report stands
// alone. Columns: ID, name, area, group, target, description, indicators,
// then the required level of each role (after the requirements file and the
// roster's Requirements sheet), continued on numbered sheets when there are
// more roles than columns.
const fwFixed = 7

// frameworkLayout holds the sheet's rows, made once: their number plans
// the sheets.
type frameworkLayout struct {
	perRole int       // role columns a sheet
	chunks  [][][]any // the rows of each column chunk
}

func newFrameworkLayout(b *builder) (*frameworkLayout, error) {
	fl := &frameworkLayout{perRole: b.lim.Cols - fwFixed}
	for c := range chunks(len(b.res.Roles), fl.perRole) {
		lo, hi := fl.roles(c, len(b.res.Roles))
		var rows [][]any
		add := func(r []any) error { rows = append(rows, slices.Clone(r)); return nil }
		if err := b.frameworkRows(add, c == 0, lo, hi); err != nil {
			return nil, err
		}
		fl.chunks = append(fl.chunks, rows)
	}
	return fl, nil
}

// roles returns the roles (lo..hi-1) of column chunk c.
func (fl *frameworkLayout) roles(c, n int) (lo, hi int) {
	return c * fl.perRole, min((c+1)*fl.perRole, n)
}

func (b *builder) writeFramework(plan *sheetPlan, fl *frameworkLayout) error {
	for c, rows := range fl.chunks {
		lo, hi := fl.roles(c, len(b.res.Roles))
		pg := b.newTable(plan.chunk(c, len(fl.chunks)), len(rows))
		pg.head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
			if err := setWidths(sw, []float64{24, 46, 10, 30, 8, 60, 50}); err != nil {
				return 0, err
			}
			if hi > lo {
				if err := sw.SetColWidth(fwFixed+1, fwFixed+hi-lo, 12); err != nil {
					return 0, err
				}
			}
			return 0, pg.setColStyle(sw, 1, fwFixed, b.st.text)
		}
		pg.rows = func(rlo, rhi int, add func([]any) error) error {
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

// frameworkRows writes the sections; only the competence table when not
// the first chunk.
func (b *builder) frameworkRows(add func([]any) error, first bool, lo, hi int) error {
	l, st, res := b.l, &b.st, b.res
	fw := res.Framework
	txt := func(s string) any { return excelize.Cell{StyleID: st.text, Value: b.text(s)} }
	wrap := func(s string) any { return excelize.Cell{StyleID: st.textWrap, Value: b.text(s)} }
	blank := func() error { return add(nil) }
	if first {
		title := fw.Text(fw.Title, b.l.Code())
		if err := add([]any{excelize.Cell{StyleID: st.title, Value: b.text(l.T(lang.FrameworkTitle) + ": " + title)}}); err != nil {
			return err
		}
		if err := blank(); err != nil {
			return err
		}
		year := ""
		if fw.Source.Year != 0 {
			year = strconv.Itoa(fw.Source.Year)
		}
		kv := [][2]string{
			{l.T(lang.ID), fw.ID}, {l.T(lang.TitleL), title}, {l.T(lang.Language), fw.Language},
			{l.T(lang.Source), fw.Source.Title}, {l.T(lang.Publisher), fw.Source.Publisher}, {l.T(lang.Year), year},
			{l.T(lang.URL), fw.Source.URL}, {l.T(lang.Description), fw.Text(fw.Description, b.l.Code())},
			{l.T(lang.Extends), fw.Extends}, {l.T(lang.File), fw.File},
			{l.T(lang.DefRequired), b.levelName(fw.Defaults.Required)},
			{l.T(lang.DefTarget), b.levelName(fw.Defaults.Target)},
			{l.T(lang.DefFit), l.Share(fw.Defaults.Fit)},
		}
		for _, e := range kv {
			if err := add([]any{excelize.Cell{StyleID: st.bold, Value: e[0]}, wrap(e[1])}); err != nil {
				return err
			}
		}
		if err := blank(); err != nil {
			return err
		}
		if err := add([]any{excelize.Cell{StyleID: st.h2, Value: l.T(lang.Scale)}}); err != nil {
			return err
		}
		if err := add(styled([]string{l.T(lang.Level), l.T(lang.Label), l.T(lang.Description)}, st.head)); err != nil {
			return err
		}
		for _, s := range fw.Scale {
			if err := add([]any{s.Level, txt(fw.Text(s.Label, b.l.Code())), txt(fw.Text(s.Description, b.l.Code()))}); err != nil {
				return err
			}
		}
		if err := blank(); err != nil {
			return err
		}
	}
	if err := add([]any{excelize.Cell{StyleID: st.h2, Value: l.T(lang.Competences)}}); err != nil {
		return err
	}
	if err := add([]any{excelize.Cell{StyleID: st.note, Value: l.T(lang.RolesNote)}}); err != nil {
		return err
	}
	head := []string{l.T(lang.ID), l.T(lang.Name), l.T(lang.Area), l.T(lang.Group), l.T(lang.Target), l.T(lang.Description), l.T(lang.Indicators)}
	for r := lo; r < hi; r++ {
		head = append(head, b.text(l.F(lang.RequiredBy, b.roleName[r])))
	}
	if err := add(styled(head, st.headWrap)); err != nil {
		return err
	}
	row := make([]any, fwFixed+hi-lo)
	for _, n := range fw.Nodes() {
		clear(row)
		style := st.text
		if !n.IsLeaf() {
			style = st.bold
		}
		row[0] = excelize.Cell{StyleID: style, Value: b.text(strings.Repeat("  ", n.Depth) + n.ID)}
		row[1] = excelize.Cell{StyleID: style, Value: b.text(b.name(n))}
		area := l.T(lang.Basis)
		if n.Area == framework.Profile {
			area = l.T(lang.Profile)
		}
		row[2] = txt(area)
		row[3] = txt(groupLabel(n.Group, b.name(n.Group)))
		desc := fw.Text(n.Description, b.l.Code())
		if focus := fw.Text(n.Focus, b.l.Code()); focus != "" {
			desc = strings.TrimSpace(focus + "\n" + desc)
		}
		row[5] = wrap(desc)
		var ind []string
		for _, t := range n.Indicators {
			ind = append(ind, "• "+fw.Text(t, b.l.Code()))
		}
		row[6] = wrap(strings.Join(ind, "\n"))
		if n.IsLeaf() {
			row[4] = int(res.Targets[n.Leaf])
			if n.Area == framework.Basis {
				for r := lo; r < hi; r++ {
					row[fwFixed+r-lo] = int(res.Roles[r].Required[n.Leaf])
				}
			}
		} else if n.Area == framework.Profile && n.Parent == nil {
			if j := profileIndex(fw, n); j >= 0 {
				row[4] = res.Profiles[j].Target
			}
		}
		if err := add(row); err != nil {
			return err
		}
	}
	if !first {
		return nil
	}
	if err := blank(); err != nil {
		return err
	}
	if err := add([]any{excelize.Cell{StyleID: st.h2, Value: l.T(lang.Roles)}}); err != nil {
		return err
	}
	if err := add(styled([]string{l.T(lang.ID), l.T(lang.Name), l.T(lang.Persons), l.T(lang.ExpectedProfiles), "", l.T(lang.Description)}, st.head)); err != nil {
		return err
	}
	for i, r := range res.Roles {
		var profs []string
		for _, j := range r.Profiles {
			profs = append(profs, b.profName[j])
		}
		desc := ""
		if r.Role != nil {
			desc = fw.Text(r.Role.Description, b.l.Code())
		}
		if err := add([]any{txt(r.ID), txt(b.roleName[i]), r.Persons, txt(strings.Join(profs, ", ")), nil, wrap(desc)}); err != nil {
			return err
		}
	}
	return nil
}
