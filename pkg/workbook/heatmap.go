package workbook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// The Heatmap sheet: one row per person, one column per leaf, each cell the
// person's level. Conditional formats colour a cell by comparing the level
// with the person's required level R (the role's for a basis leaf, T for a
// leaf of an assigned profile, else 0). R comes from hidden rows at the top
// of the sheet, one per distinct combination of role and assigned profiles;
// a hidden column E holds each person's row number there:
//
//	rows 1..K         hidden: R per leaf for each requirement combination
//	row K+1           title and legend
//	rows K+2..K+1+D   group headers (basis groups, profiles; deeper levels)
//	row K+2+D         column headers; leaf headers carry the full name as a comment
//	rows below        one per person: name, id, team, role, key, levels
const hmFixed = 5 // name, id, team, role, key

// heatmapLayout is what the Heatmap's pages share.
type heatmapLayout struct {
	keys     [][]int8 // R per leaf for each requirement row
	keyNames []string
	keyOf    []int32 // requirement row (1-based) per person (People index)
	depth    int     // group header rows
	headRows int
	perChunk int // leaf columns a sheet
	chunks   int
}

func newHeatmapLayout(b *builder) *heatmapLayout {
	res, fw := b.res, b.res.Framework
	hm := &heatmapLayout{keyOf: make([]int32, len(res.People))}
	idx := map[string]int32{}
	var key strings.Builder
	for _, p := range b.listed() {
		per := &res.People[p]
		key.Reset()
		key.WriteString(strconv.Itoa(int(per.Role)))
		for _, j := range per.Expected {
			key.WriteByte(',')
			key.WriteString(strconv.Itoa(int(j)))
		}
		k, ok := idx[key.String()]
		if !ok {
			req := make([]int8, len(fw.Leaves))
			copy(req, res.Roles[per.Role].Required)
			names := make([]string, 0, len(per.Expected))
			for _, j := range per.Expected {
				for _, n := range fw.Profiles[j].Leaves {
					req[n.Leaf] = res.Targets[n.Leaf]
				}
				names = append(names, b.profName[j])
			}
			hm.keys = append(hm.keys, req)
			label := b.roleName[per.Role]
			if len(names) > 0 {
				label += " + " + strings.Join(names, ", ")
			}
			hm.keyNames = append(hm.keyNames, label)
			k = int32(len(hm.keys))
			idx[key.String()] = k
		}
		hm.keyOf[p] = k
	}
	for _, n := range fw.Leaves {
		hm.depth = max(hm.depth, n.Depth)
	}
	hm.depth = max(hm.depth, 1)
	hm.headRows = len(hm.keys) + 1 + hm.depth + 1
	hm.perChunk = b.lim.Cols - hmFixed
	hm.chunks = chunks(len(fw.Leaves), hm.perChunk)
	return hm
}

// writeHeatmap writes the heatmap, one column chunk after the other.
func (b *builder) writeHeatmap(plan *sheetPlan, hm *heatmapLayout, listed []int32) error {
	res, fw := b.res, b.res.Framework
	nLeaves := len(fw.Leaves)
	for c := range hm.chunks {
		lo, hi := c*hm.perChunk, min((c+1)*hm.perChunk, nLeaves)
		leaves := fw.Leaves[lo:hi]
		pg := b.bk.AddTable(plan.chunk(c, hm.chunks), len(listed))
		pg.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
			return b.heatmapHead(pg, sw, sheet, hm, leaves)
		}
		pg.Tail = func(sw *excelize.StreamWriter, sheet string, first, last int) error {
			if last < first || len(leaves) == 0 {
				return nil
			}
			return b.heatmapFormats(sheet, hm, len(leaves), first, last)
		}
		pg.Rows = func(rlo, rhi int, add func([]any) error) error {
			row := make([]any, hmFixed+len(leaves))
			for _, p := range listed[rlo:rhi] {
				per := &res.People[p]
				row[0] = b.text(b.names[p])
				row[1] = b.text(per.ID)
				row[2] = b.text(per.Person.Team)
				row[3] = b.text(b.roleName[per.Role])
				row[4] = int(hm.keyOf[p])
				lv := res.Levels[int(p)*nLeaves+lo : int(p)*nLeaves+hi]
				for i, L := range lv {
					if L < 0 {
						row[hmFixed+i] = nil
					} else {
						row[hmFixed+i] = levelValues[L]
					}
				}
				if err := add(row); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return nil
}

// levelValues are the levels as interface values, boxed once.
var levelValues = func() []any {
	out := make([]any, 128)
	for i := range out {
		out[i] = i
	}
	return out
}()

// heatmapHead writes the hidden requirement rows, the title and legend, the
// group headers and the column headers of one heatmap sheet, and returns the
// number of rows it wrote.
func (b *builder) heatmapHead(t *xlsxstream.Table, sw *excelize.StreamWriter, sheet string, hm *heatmapLayout, leaves []*framework.Node) (int, error) {
	h := &hmHead{b: b, sw: sw, sheet: sheet, hm: hm, leaves: leaves, last: hmFixed + len(leaves), row: 1}
	steps := []func() error{
		func() error { return h.columns(t) },
		h.requirementRows,
		func() error { err := b.heatmapLegend(sw, sheet, h.row, len(leaves)); h.row++; return err },
	}
	for d := 0; d < hm.depth; d++ {
		steps = append(steps, func() error { return h.groupRow(d) })
	}
	steps = append(steps, h.columnHeaders)
	for _, step := range steps {
		if err := step(); err != nil {
			return 0, err
		}
	}
	return h.row - 1, nil
}

// hmHead writes the head of one heatmap sheet, row by row.
type hmHead struct {
	b      *builder
	sw     *excelize.StreamWriter
	sheet  string
	hm     *heatmapLayout
	leaves []*framework.Node
	last   int // the last column
	row    int // the next row
}

// columns sets the widths and styles of the columns and freezes the names
// and the head.
func (h *hmHead) columns(t *xlsxstream.Table) error {
	sw, st := h.sw, &h.b.st
	if err := setWidths(sw, []float64{26, 11, 18, 22, 6}); err != nil {
		return err
	}
	if err := sw.SetColVisible(5, 5, false); err != nil {
		return err
	}
	if err := t.SetColStyle(sw, 1, 4, st.text); err != nil {
		return err
	}
	if len(h.leaves) > 0 {
		if err := sw.SetColWidth(hmFixed+1, h.last, 4.7); err != nil {
			return err
		}
		if err := t.SetColStyle(sw, hmFixed+1, h.last, st.level); err != nil {
			return err
		}
	}
	return sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: hmFixed, YSplit: h.hm.headRows,
		TopLeftCell: cell(hmFixed+1, h.hm.headRows+1), ActivePane: "bottomRight"})
}

// requirementRows writes the hidden rows of required levels, one per
// combination of role and assigned profiles.
func (h *hmHead) requirementRows() error {
	lo := h.leaves[0].Leaf
	for k, req := range h.hm.keys {
		vals := make([]any, h.last)
		vals[0] = h.b.text(h.b.l.T(lang.RequirementRow) + " " + strconv.Itoa(k+1) + ": " + h.hm.keyNames[k])
		for i := range h.leaves {
			vals[hmFixed+i] = int(req[lo+i])
		}
		if err := h.sw.SetRow(cell(1, h.row), vals, excelize.RowOpts{Hidden: true}); err != nil {
			return err
		}
		h.row++
	}
	return nil
}

// groupRow writes the headers of the groups at depth d, each merged over
// its leaves' columns.
func (h *hmHead) groupRow(d int) error {
	b, st := h.b, &h.b.st
	vals := make([]any, h.last)
	for i := 0; i < hmFixed; i++ {
		vals[i] = excelize.Cell{StyleID: st.head}
	}
	type span struct {
		n      *framework.Node
		c1, c2 int
	}
	var spans []span
	for i, leaf := range h.leaves {
		a, col := ancestorAt(leaf, d), hmFixed+1+i
		vals[col-1] = excelize.Cell{StyleID: st.group}
		switch {
		case a == nil:
		case len(spans) > 0 && spans[len(spans)-1].n == a && spans[len(spans)-1].c2 == col-1:
			spans[len(spans)-1].c2 = col
		default:
			spans = append(spans, span{a, col, col})
			vals[col-1] = excelize.Cell{StyleID: st.group, Value: b.text(groupLabel(a, b.name(a)))}
		}
	}
	if err := h.sw.SetRow(cell(1, h.row), vals, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	for _, s := range spans {
		if s.c2 > s.c1 {
			if err := h.sw.MergeCell(cell(s.c1, h.row), cell(s.c2, h.row)); err != nil {
				return err
			}
		}
		if err := b.comment(h.sheet, cell(s.c1, h.row), groupLabel(s.n, b.name(s.n))); err != nil {
			return err
		}
	}
	h.row++
	return nil
}

// columnHeaders writes the row of column headers: the person columns, then
// each competence, rotated, with its full name in a comment.
func (h *hmHead) columnHeaders() error {
	b, l, st := h.b, h.b.l, &h.b.st
	vals := make([]any, h.last)
	for i, t := range []string{l.T(lang.Name), l.T(lang.ID), l.T(lang.Team), l.T(lang.Role), l.T(lang.RequirementRow)} {
		vals[i] = excelize.Cell{StyleID: st.head, Value: t}
	}
	for i, leaf := range h.leaves {
		vals[hmFixed+i] = excelize.Cell{StyleID: st.headRot, Value: b.text(short(leaf.ID+" "+b.name(leaf), 27))}
	}
	if err := h.sw.SetRow(cell(1, h.row), vals, excelize.RowOpts{Height: 170}); err != nil {
		return err
	}
	for i, leaf := range h.leaves {
		if err := b.comment(h.sheet, cell(hmFixed+1+i, h.row), leaf.ID+" "+b.name(leaf)); err != nil {
			return err
		}
	}
	h.row++
	return nil
}

// heatmapLegend writes the title and the colour legend on row.
func (b *builder) heatmapLegend(sw *excelize.StreamWriter, sheet string, row, nLeaves int) error {
	l, st := b.l, &b.st
	items := []string{l.T(lang.LegendGap3), l.T(lang.LegendGap2), l.T(lang.LegendGap1), l.T(lang.LegendMet), l.T(lang.LegendNotAssessed), l.T(lang.LegendNotRequired)}
	room := b.lim.Cols - hmFixed
	span := 5
	for span > 1 && span*len(items) > room {
		span--
	}
	last := min(b.lim.Cols, hmFixed+max(nLeaves, span*len(items)))
	vals := make([]any, last)
	vals[0] = excelize.Cell{StyleID: st.h2, Value: l.T(lang.HeatmapTitle)}
	vals[3] = excelize.Cell{StyleID: st.bold, Value: l.T(lang.Legend)}
	var merges [][2]int
	for i, it := range items {
		c := hmFixed + 1 + i*span
		if c > last {
			break
		}
		vals[c-1] = excelize.Cell{StyleID: st.legend[i], Value: it}
		for k := 1; k < span && c+k <= last; k++ {
			vals[c+k-1] = excelize.Cell{StyleID: st.legend[i]}
		}
		if span > 1 && c+span-1 <= last {
			merges = append(merges, [2]int{c, c + span - 1})
		}
	}
	if err := sw.SetRow(cell(1, row), vals, excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	for _, m := range merges {
		if err := sw.MergeCell(cell(m[0], row), cell(m[1], row)); err != nil {
			return err
		}
	}
	return b.comment(sheet, cell(1, row), l.T(lang.HeatmapNote))
}

// heatmapFormats adds the conditional formats to the level cells of rows
// first..last: with r the requirement from the hidden rows, a blank cell
// with r > 0 is grey, a level below r red, orange or amber by the size of
// the gap, a level at or above r green; cells with r = 0 stay plain.
func (b *builder) heatmapFormats(sheet string, hm *heatmapLayout, nLeaves, first, last int) error {
	st := &b.st
	c1 := xlsxstream.ColName(hmFixed + 1)
	tl := c1 + strconv.Itoa(first)
	key := "$" + xlsxstream.ColName(hmFixed) + strconv.Itoa(first)
	r := fmt.Sprintf("INDEX(%s$1:%s$%d,%s)", c1, c1, len(hm.keys), key)
	rules := []struct {
		formula string
		style   int
	}{
		{fmt.Sprintf(`AND(%s="",%s>0)`, tl, r), st.dxf[4]},
		{fmt.Sprintf(`AND(ISNUMBER(%s),%s-%s>=3)`, tl, r, tl), st.dxf[0]},
		{fmt.Sprintf(`AND(ISNUMBER(%s),%s-%s=2)`, tl, r, tl), st.dxf[1]},
		{fmt.Sprintf(`AND(ISNUMBER(%s),%s-%s=1)`, tl, r, tl), st.dxf[2]},
		{fmt.Sprintf(`AND(ISNUMBER(%s),%s>0,%s>=%s)`, tl, r, tl, r), st.dxf[3]},
	}
	opts := make([]excelize.ConditionalFormatOptions, len(rules))
	for i, ru := range rules {
		opts[i] = excelize.ConditionalFormatOptions{Type: "formula", Criteria: ru.formula,
			Format: &ru.style, StopIfTrue: true}
	}
	rng := tl + ":" + cell(hmFixed+nLeaves, last)
	return b.f.SetConditionalFormat(sheet, rng, opts)
}

// ancestorAt returns n's ancestor at depth d (n's group for d = 0), or nil
// when n is not deeper than d.
func ancestorAt(n *framework.Node, d int) *framework.Node {
	if n.Depth <= d {
		return nil
	}
	var chain []*framework.Node
	for a := n.Parent; a != nil; a = a.Parent {
		chain = append(chain, a)
	}
	slices.Reverse(chain)
	if d < len(chain) {
		return chain[d]
	}
	return nil
}

// groupLabel returns "1 Name" for a basis group or competence with a short
// id, the name alone for profiles and long ids.
func groupLabel(n *framework.Node, name string) string {
	if n.Area == framework.Basis && len(n.ID) <= 6 && n.ID != name {
		return n.ID + " " + name
	}
	return name
}

// short cuts s to n runes, ending in "…".
func short(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
