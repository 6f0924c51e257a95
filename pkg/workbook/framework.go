package workbook

import (
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
		}
		fl.chunks = append(fl.chunks, fr.rows)
	}
	return fl
}

// roles returns the roles (lo..hi-1) of column chunk c.
func (fl *frameworkLayout) roles(c, n int) (lo, hi int) {
	return c * fl.perRole, min((c+1)*fl.perRole, n)
}

func (b *builder) writeFramework(plan *sheetPlan, fl *frameworkLayout) error {
	for c, rows := range fl.chunks {
		lo, hi := fl.roles(c, len(b.res.Roles))
		pg := b.bk.AddTable(plan.chunk(c, len(fl.chunks)), len(rows))
		pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
			if err := setWidths(sw, []float64{24, 46, 10, 30, 8, 60, 50}); err != nil {
				return 0, err
			}
			if hi > lo {
				if err := sw.SetColWidth(fwFixed+1, fwFixed+hi-lo, 12); err != nil {
					return 0, err
				}
			}
			return 0, pg.SetColStyle(sw, 1, fwFixed, b.st.text)
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
	b    *builder
	rows [][]any
}

func (fr *fwRows) add(vals ...any) { fr.rows = append(fr.rows, vals) }

func (fr *fwRows) text(s string) any {
	return excelize.Cell{StyleID: fr.b.st.text, Value: fr.b.text(s)}
}

func (fr *fwRows) wrap(s string) any {
	return excelize.Cell{StyleID: fr.b.st.textWrap, Value: fr.b.text(s)}
}

func (fr *fwRows) heading(s string) { fr.add(excelize.Cell{StyleID: fr.b.st.h2, Value: s}) }

// fwText returns a framework text in the report's language.
func (b *builder) fwText(t framework.Text) string { return b.res.Framework.Text(t, b.l.Code()) }

// about writes the title and the framework's properties.
func (fr *fwRows) about() {
	b, l, fw := fr.b, fr.b.l, fr.b.res.Framework
	title := b.fwText(fw.Title)
	fr.add(excelize.Cell{StyleID: b.st.title, Value: b.text(l.T(lang.FrameworkTitle) + ": " + title)})
	fr.add()
	year := ""
	if fw.Source.Year != 0 {
		year = strconv.Itoa(fw.Source.Year)
	}
	kv := [][2]string{
		{l.T(lang.ID), fw.ID}, {l.T(lang.TitleL), title}, {l.T(lang.Language), fw.Language},
		{l.T(lang.Source), fw.Source.Title}, {l.T(lang.Publisher), fw.Source.Publisher}, {l.T(lang.Year), year},
		{l.T(lang.URL), fw.Source.URL}, {l.T(lang.Description), b.fwText(fw.Description)},
		{l.T(lang.Extends), fw.Extends}, {l.T(lang.File), fw.File},
		{l.T(lang.DefRequired), b.levelName(fw.Defaults.Required)},
		{l.T(lang.DefTarget), b.levelName(fw.Defaults.Target)},
		{l.T(lang.DefFit), l.Share(fw.Defaults.Fit)},
	}
	for _, e := range kv {
		fr.add(excelize.Cell{StyleID: b.st.bold, Value: e[0]}, fr.wrap(e[1]))
	}
	fr.add()
}

// scale writes the scale's levels.
func (fr *fwRows) scale() {
	b, l := fr.b, fr.b.l
	fr.heading(l.T(lang.Scale))
	fr.add(styled([]string{l.T(lang.Level), l.T(lang.Label), l.T(lang.Description)}, b.st.head)...)
	for _, s := range b.res.Framework.Scale {
		fr.add(s.Level, fr.text(b.fwText(s.Label)), fr.text(b.fwText(s.Description)))
	}
	fr.add()
}

// competences writes every node with the required level of roles lo..hi-1.
func (fr *fwRows) competences(lo, hi int) {
	b, l := fr.b, fr.b.l
	fr.heading(l.T(lang.Competences))
	fr.add(excelize.Cell{StyleID: b.st.note, Value: l.T(lang.RolesNote)})
	head := []string{l.T(lang.ID), l.T(lang.Name), l.T(lang.Area), l.T(lang.Group), l.T(lang.Target), l.T(lang.Description), l.T(lang.Indicators)}
	for r := lo; r < hi; r++ {
		head = append(head, b.text(l.F(lang.RequiredBy, b.roleName[r])))
	}
	fr.add(styled(head, b.st.headWrap)...)
	for _, n := range b.res.Framework.Nodes() {
		fr.add(fr.node(n, lo, hi)...)
	}
}

// node returns the row of one node.
func (fr *fwRows) node(n *framework.Node, lo, hi int) []any {
	b, res := fr.b, fr.b.res
	row := make([]any, fwFixed+hi-lo)
	style := b.st.text
	if !n.IsLeaf() {
		style = b.st.bold
	}
	row[0] = excelize.Cell{StyleID: style, Value: b.text(strings.Repeat("  ", n.Depth) + n.ID)}
	row[1] = excelize.Cell{StyleID: style, Value: b.text(b.name(n))}
	row[2] = fr.text(b.l.T(lang.Basis))
	if n.Area == framework.Profile {
		row[2] = fr.text(b.l.T(lang.Profile))
	}
	row[3] = fr.text(groupLabel(n.Group, b.name(n.Group)))
	row[5] = fr.wrap(strings.TrimSpace(b.fwText(n.Focus) + "\n" + b.fwText(n.Description)))
	var ind []string
	for _, t := range n.Indicators {
		ind = append(ind, "• "+b.fwText(t))
	}
	row[6] = fr.wrap(strings.Join(ind, "\n"))
	switch {
	case n.IsLeaf():
		row[4] = int(res.Targets[n.Leaf])
		if n.Area == framework.Basis {
			for r := lo; r < hi; r++ {
				row[fwFixed+r-lo] = int(res.Roles[r].Required[n.Leaf])
			}
		}
	case n.Area == framework.Profile && n.Parent == nil:
		if j := profileIndex(res.Framework, n); j >= 0 {
			row[4] = res.Profiles[j].Target
		}
	}
	return row
}

// roles writes the roles of the persons analysed.
func (fr *fwRows) roles() {
	b, l, res := fr.b, fr.b.l, fr.b.res
	fr.add()
	fr.heading(l.T(lang.Roles))
	fr.add(styled([]string{l.T(lang.ID), l.T(lang.Name), l.T(lang.Persons), l.T(lang.ExpectedProfiles), "", l.T(lang.Description)}, b.st.head)...)
	for i, r := range res.Roles {
		var profs []string
		for _, j := range r.Profiles {
			profs = append(profs, b.profName[j])
		}
		desc := ""
		if r.Role != nil {
			desc = b.fwText(r.Role.Description)
		}
		fr.add(fr.text(r.ID), fr.text(b.roleName[i]), r.Persons, fr.text(strings.Join(profs, ", ")), nil, fr.wrap(desc))
	}
}
