// Package rosterform writes the roster template that `huller template` hands
// to users: a workbook to fill in (or a CSV header), laid out so that
// pkg/roster reads it back as it is.
//
// The workbook has these sheets:
//   - Roster: the fixed columns (name, id, role, team, profiles, with
//     headers in the template's language), then, per basis group and per
//     profile, an optional group column followed by one column per leaf.
//     Headers are "id short name"; a comment on each holds the full name,
//     description and indicators. Level cells have a drop-down of the
//     scale's levels, the role cells one of the roles. The header row and
//     the name column are frozen; each group's leaf columns form an outline
//     group that collapses onto the group column.
//   - Requirements: one row per role of the framework with the required
//     level of every basis leaf, pre-filled from the framework, with the same
//     drop-downs; a comment on each role whose levels are huller's defaults
//     says to adapt them. pkg/roster reads it back as the roster's
//     requirements.
//   - Instructions: how to fill it in; the scale, roles and profiles; the
//     source's learning goals, target groups and notes. The source's own
//     words are quoted, and what huller added (the scale, default levels,
//     roles) is marked "[huller]".
//   - Lists (hidden, only when needed): drop-down values too long to be
//     written inline (Excel's limit is 255 characters).
//
// The framework is recorded as custom document properties (see
// roster.PropFramework and roster.PropFrameworkFile), which Excel and
// LibreOffice keep when they save the file.
package rosterform

import (
	"io"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/roster"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbook.
const (
	SheetRoster       = "Roster"
	SheetRequirements = "Requirements"
	SheetInstructions = "Instructions"
	SheetLists        = "Lists"
)

// defaultRows is how many data rows get drop-downs.
const defaultRows = 2000

// Options tune the template.
type Options struct {
	// Lang is the language of the texts; "" for the framework's own.
	Lang string
	// Ref is the framework reference recorded in the workbook; a zero Ref
	// records the framework's id.
	Ref roster.FrameworkRef
	// Rows is how many data rows get drop-downs; 0 = defaultRows.
	Rows int
	// FileName is the name the instructions use in "huller analyze …";
	// "" = roster.xlsx.
	FileName string
}

type column struct {
	header  string
	node    *framework.Node // nil for a fixed column
	group   bool            // an optional group (or profile) column
	outline bool            // a leaf inside an outline group
}

type builder struct {
	f     *excelize.File
	fw    *framework.Framework
	opts  Options
	l     lang.Lang
	lists int // columns used on the Lists sheet
	style struct{ header, group, text, wrap, bold, title, note int }
}

// WriteXLSX writes the template workbook for fw to w.
func WriteXLSX(w io.Writer, fw *framework.Framework, opts Options) error {
	b, err := build(fw, opts)
	if err != nil {
		return err
	}
	defer b.f.Close()
	return b.f.Write(w)
}

func build(fw *framework.Framework, opts Options) (*builder, error) {
	if opts.Lang == "" {
		opts.Lang = fw.Language
	}
	if opts.Rows <= 0 {
		opts.Rows = defaultRows
	}
	if opts.FileName == "" {
		opts.FileName = "roster.xlsx"
	}
	if opts.Ref.IsZero() {
		opts.Ref = roster.FrameworkRef{ID: fw.ID}
	}
	b := &builder{f: excelize.NewFile(), fw: fw, opts: opts, l: lang.For(opts.Lang)}
	steps := []func() error{b.styles, b.roster, b.requirements, b.instructions, b.properties}
	for _, step := range steps {
		if err := step(); err != nil {
			b.f.Close()
			return nil, err
		}
	}
	return b, nil
}

func (b *builder) text(t framework.Text) string { return b.fw.Text(t, b.l.Code()) }

// quote quotes the source's own words; "" stays "".
func (b *builder) quote(s string) string {
	if s == "" {
		return ""
	}
	return b.l.F(lang.OutlineQuote, s)
}

// hullerLevels reports whether role r's levels are (at least in part)
// huller's defaults, not the source's or the unit's.
func (b *builder) hullerLevels(r *framework.Role) bool {
	if b.fw.Defaults.RequiredOrigin == framework.OriginHuller {
		return true
	}
	for _, q := range r.Requires {
		if q.Origin == framework.OriginHuller {
			return true
		}
	}
	return false
}

func (b *builder) styles() error {
	var err error
	newStyle := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = b.f.NewStyle(s)
		return id
	}
	top := &excelize.Alignment{WrapText: true, Vertical: "top"}
	b.style.header = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	b.style.group = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"BFBFBF"}}})
	b.style.text = newStyle(&excelize.Style{NumFmt: 49})
	b.style.wrap = newStyle(&excelize.Style{Alignment: top})
	b.style.bold = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top})
	b.style.title = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}})
	b.style.note = newStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}, Alignment: top})
	return err
}

// shortName shortens a competence name for a column header: at most 40
// characters, cut at a word.
func shortName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= 40 {
		return s
	}
	cut := 39
	for i := 39; i > 20; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:–-") + " …"
}

// nodeHeader is the column header of a node: "1.1 Anvender fagsystemer".
func nodeHeader(n *framework.Node, name string) string {
	if name == "" {
		return n.ID
	}
	return n.ID + " " + shortName(name)
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col + 1)
	return name
}
