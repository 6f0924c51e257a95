package workbook

import (
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// builder holds what the sheets share while the workbook is built.
type builder struct {
	f    *excelize.File
	res  *analysis.Result
	opts Options
	lim  Limits
	l    lang.Lang
	st   styles
	// narrator says the holes in words with names (the detail sheets),
	// overview without (the Overview, shown in meetings).
	narrator, overview *narrate.Narrator

	kind      string           // what the workbook is (PropReport); "" to tell from the result
	plan      []*sheetPlan     // in workbook order
	bk        *xlsxstream.Book // the streamed sheets
	truncated atomic.Int64     // texts cut at lim.CellChars

	holes    []holeRow  // the holes of the Huller sheet and the Overview
	names    []string   // display name of each person (People index)
	profName []string   // name of each profile
	roleName []string   // display name of each role (Result.Roles index)
	fitCells []fitCells // the Profiles sheet's cells of each profile
	comments []string   // the texts of the cell comments written (privacy.PropComments)
}

// sheetPlan is one sheet of the report and its continuation sheets.
type sheetPlan struct {
	base  string
	pages []string // sheet names, base first
}

// pageName returns the name of the i-th sheet (0-based) of a plan.
func pageName(base string, i int) string {
	if i == 0 {
		return base
	}
	return base + " (" + strconv.Itoa(i+1) + ")"
}

// newPlan plans a sheet of dataRows rows below headRows header rows, in
// colChunks column chunks.
func (b *builder) newPlan(base string, headRows, dataRows, colChunks int) *sheetPlan {
	per := b.lim.Rows - headRows
	rowPages := max(1, (dataRows+per-1)/per)
	p := &sheetPlan{base: base}
	for i := range rowPages * max(1, colChunks) {
		p.pages = append(p.pages, pageName(base, i))
	}
	b.plan = append(b.plan, p)
	return p
}

// chunk returns the sheets of column chunk c of a plan.
func (p *sheetPlan) chunk(c, chunks int) []string {
	n := len(p.pages) / max(1, chunks)
	return p.pages[c*n : (c+1)*n]
}

// reportSheet is one sheet of the report (with its continuation sheets):
// its size, to plan the sheets, and how to write it.
type reportSheet struct {
	name                          lang.Term
	headRows, dataRows, colChunks int
	write                         func(p *sheetPlan) error
}

// sheets returns the report's sheets after the Overview, in workbook
// order: the one place to add a sheet.
func (b *builder) sheets() ([]reportSheet, error) {
	res, fw := b.res, b.res.Framework
	listed := b.listed()
	hm := newHeatmapLayout(b)
	if hm.headRows >= b.lim.Rows {
		return nil, fmt.Errorf("report: the heatmap needs %d header rows (one per combination of role and assigned profiles), more than the row limit %d",
			hm.headRows, b.lim.Rows)
	}
	gapRows := 0
	for _, p := range listed {
		gapRows += len(res.People[p].Gaps) + len(res.People[p].ProfileGaps)
	}
	profChunks := chunks(len(fw.Profiles), b.lim.Cols-profFixed)
	groupChunks := chunks(len(fw.BasisLeaves), b.lim.Cols-groupFixed)
	fwl := newFrameworkLayout(b)
	rs, err := b.newRiskSheet()
	if err != nil {
		return nil, err
	}
	out := []reportSheet{
		{lang.SheetHuller, 1, len(b.holes), 1, func(p *sheetPlan) error { return b.writeHuller(p, b.holes) }},
		{lang.SheetTeams, 2, len(res.Teams) + 1, groupChunks, func(p *sheetPlan) error { return b.writeGroups(p, res.Teams, groupChunks) }},
		{lang.SheetRoles, 2, len(res.RoleGroups) + 1, groupChunks, func(p *sheetPlan) error { return b.writeGroups(p, res.RoleGroups, groupChunks) }},
		{lang.SheetRisk, 0, 0, 1, func(p *sheetPlan) error { return b.writeRisk(p, rs) }}, // small: one row per leaf and profile
	}
	if pl := b.opts.Plan; pl != nil { // small: one row per hole and basic competence
		out = append(out, reportSheet{lang.SheetPlan, 0, 0, 1, func(p *sheetPlan) error {
			pb := &planBook{builder: b, p: pl, shown: pl.Shown()}
			if err := pb.planStyles(); err != nil {
				return err
			}
			return pb.writePlanSummary(p.pages[0])
		}})
	}
	return append(out, []reportSheet{
		{lang.SheetHeatmap, hm.headRows, len(listed), hm.chunks, func(p *sheetPlan) error { return b.writeHeatmap(p, hm, listed) }},
		{lang.SheetGaps, 1, gapRows, 1, func(p *sheetPlan) error { return b.writeGaps(p, listed) }},
		{lang.SheetProfiles, 2, len(listed), profChunks, func(p *sheetPlan) error { return b.writeProfiles(p, profChunks, listed) }},
		{lang.SheetPeople, 1, len(listed), 1, func(p *sheetPlan) error { return b.writePeople(p, listed) }},
		{lang.SheetFramework, 0, len(fwl.chunks[0].rows), len(fwl.chunks), func(p *sheetPlan) error { return b.writeFramework(p, fwl) }},
	}...), nil
}

// build lays out and writes every sheet: the Overview first (the active
// sheet) but written last, when the other sheets and their continuations
// are known.
func (b *builder) build() error {
	if err := b.newStyles(); err != nil {
		return err
	}
	b.prepareNames()
	b.prepareFitCells()
	b.holes = b.holeRows()
	sheets, err := b.sheets()
	if err != nil {
		return err
	}
	overview := b.l.T(lang.SheetOverview)
	b.plan = append(b.plan, &sheetPlan{base: overview, pages: []string{overview}})
	plans := make([]*sheetPlan, len(sheets))
	for i, s := range sheets {
		plans[i] = b.newPlan(b.l.T(s.name), s.headRows, s.dataRows, s.colChunks)
	}
	if err := b.createSheets(); err != nil {
		return err
	}
	for i, s := range sheets {
		if err := s.write(plans[i]); err != nil {
			return err
		}
	}
	if err := b.bk.WriteTables(); err != nil {
		return err
	}
	if err := b.writeOverview(); err != nil {
		return err
	}
	return b.setProps()
}

// prepareNames sets the display names of persons, profiles and roles.
func (b *builder) prepareNames() {
	res, fw := b.res, b.res.Framework
	b.names = personNames(res)
	for _, p := range fw.Profiles {
		b.profName = append(b.profName, b.fwText(p.Name))
	}
	for _, r := range res.Roles {
		name := r.ID
		if r.Role != nil {
			if s := b.fwText(r.Role.Name); s != "" {
				name = s
			}
		}
		b.roleName = append(b.roleName, name)
	}
}

// createSheets creates the planned sheets in workbook order; the first is
// excelize's Sheet1, renamed.
func (b *builder) createSheets() error {
	if err := b.f.SetSheetName("Sheet1", b.plan[0].base); err != nil {
		return err
	}
	for i, p := range b.plan {
		for _, name := range p.pages {
			if i > 0 {
				if _, err := b.f.NewSheet(name); err != nil {
					return err
				}
			}
			if err := b.pageSetup(name, i == 0); err != nil {
				return err
			}
		}
	}
	return nil
}

// pageSetup prints a sheet landscape, one page wide (the Overview on one
// page), on A4.
func (b *builder) pageSetup(sheet string, onePage bool) error {
	yes, land, a4, one, zero := true, "landscape", 9, 1, 0
	if onePage {
		zero = 1
	}
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	return b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &land,
		FitToWidth: &one, FitToHeight: &zero})
}

// chunks returns how many sheets n columns need at per columns a sheet.
func chunks(n, per int) int { return max(1, (n+per-1)/per) }

// listed returns the indices of the persons to list.
func (b *builder) listed() []int32 {
	if b.res.Listed != nil {
		return b.res.Listed
	}
	out := make([]int32, len(b.res.People))
	for i := range out {
		out[i] = int32(i)
	}
	return out
}

// setProps sets the document properties from Options.Date.
func (b *builder) setProps() error {
	d := b.opts.Date
	if d.IsZero() {
		d = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	stamp := d.UTC().Format(time.RFC3339)
	gen := b.opts.Generator
	if gen == "" {
		gen = "huller"
	}
	fw := b.res.Framework
	if err := b.shareProps(); err != nil {
		return err
	}
	if len(b.comments) > 0 {
		digest := excelize.CustomProperty{Name: privacy.PropComments, Value: spreadsheet.CommentsDigest(b.comments)}
		if err := b.f.SetCustomProps(digest); err != nil {
			return err
		}
	}
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Created: stamp, Modified: stamp, Creator: gen, LastModifiedBy: gen,
		Title:    b.l.F(lang.ReportTitle, fw.Text(fw.Title, b.l.Code())),
		Language: b.l.Code(),
	}); err != nil {
		return err
	}
	return b.f.SetAppProps(&excelize.AppProperties{Application: gen})
}

// text prepares a text for a cell: cut at the cell limit (counted in UTF-16
// code units, as Excel does), ending in "…" when cut. Invalid UTF-8 is
// replaced, so that the XML stays well-formed.
func (b *builder) text(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) <= b.lim.CellChars || utf16Len(s) <= b.lim.CellChars { // bytes ≥ UTF-16 units
		return s
	}
	n := 0
	for i, r := range s {
		n += utf16.RuneLen(r)
		if n > b.lim.CellChars-1 {
			b.truncated.Add(1)
			return s[:i] + "…"
		}
	}
	return s // not reached: s is longer than the limit
}

// tooLong reports whether a text of the roster or the framework exceeds
// the cell limit (the data rows are rendered after the Overview, so their
// cuts are not counted in time for its notes).
func (b *builder) tooLong() bool {
	long := func(s string) bool { return len(s) > b.lim.CellChars && utf16Len(s) > b.lim.CellChars }
	for i := range b.res.People {
		p := b.res.People[i].Person
		if long(b.names[i]) || long(p.ID) || long(p.Team) || long(p.Role) {
			return true
		}
	}
	for _, n := range b.res.Framework.Nodes() {
		if long(b.name(n)) || long(b.res.Framework.Text(n.Description, b.l.Code())) {
			return true
		}
	}
	return false
}

// joiner builds a list of names in one cell: as many as fit in the cell
// limit, then "… and N more".
type joiner struct {
	b     *builder
	sb    strings.Builder
	n     int // names added
	shown int // names written
	units int // UTF-16 units written
	full  bool
}

func (j *joiner) add(name string) {
	j.n++
	if j.full {
		return
	}
	u := utf16Len(name) + 2
	// keep room for the "… and N more" suffix
	if j.units+u > j.b.lim.ListChars-24 {
		j.full = true
		return
	}
	if j.shown > 0 {
		j.sb.WriteString(", ")
	}
	j.sb.WriteString(name)
	j.units += u
	j.shown++
}

func (j *joiner) String() string {
	if j.shown < j.n {
		if j.shown > 0 {
			j.sb.WriteString(" ")
		}
		j.sb.WriteString(j.b.l.F(lang.More, j.b.l.Int(j.n-j.shown)))
		j.shown = j.n
	}
	return j.b.text(j.sb.String())
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// personNames returns a display name per person: the name, with the id
// added when the name is shared or empty.
func personNames(res *analysis.Result) []string {
	count := make(map[string]int, len(res.People))
	for i := range res.People {
		count[res.People[i].Name]++
	}
	out := make([]string, len(res.People))
	for i := range res.People {
		p := res.People[i].Person
		switch {
		case p.Name == "" && p.ID == "":
			out[i] = "#" + strconv.Itoa(p.Row)
		case p.Name == "":
			out[i] = p.ID
		case count[p.Name] > 1 && p.ID != "":
			out[i] = p.Name + " (" + p.ID + ")"
		default:
			out[i] = p.Name
		}
	}
	return out
}

// name returns a node's name in the report's language.
func (b *builder) name(n *framework.Node) string {
	return b.res.Framework.Text(n.Name, b.l.Code())
}

// cell returns the name of the cell at col, row (1-based).
func cell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// ref returns an absolute reference to a range of a sheet for formulas and
// charts: 'Sheet'!$A$1:$B$2.
func ref(sheet string, c1, r1, c2, r2 int) string {
	q := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	a := "$" + xlsxstream.ColName(c1) + "$" + strconv.Itoa(r1)
	if c1 == c2 && r1 == r2 {
		return q + a
	}
	return q + a + ":$" + xlsxstream.ColName(c2) + "$" + strconv.Itoa(r2)
}
