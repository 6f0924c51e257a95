package workbook

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/textwrap"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/workbook/internal/xlsxstream"
	"github.com/xuri/excelize/v2"
)

// catalogFormRows is how many rows of the catalog form carry drop-downs.
const catalogFormRows = 500

// WriteCatalogForm writes a course catalog to fill in, for framework fw:
// a sheet with one column per field of the catalog's spreadsheet form
// (catalog.Columns), one row per course and competence, with drop-downs of
// the forms, activities, kinds of learning goal, the framework's
// competences and the scale's levels; a sheet of instructions; and the
// framework recorded in the workbook, so that `huller plan` and `huller
// validate` check it against the right one. Options.Lang picks the
// language of sheet names and instructions. The bytes depend only on fw
// and opts.
func WriteCatalogForm(w io.Writer, fw *framework.Framework, opts Options) (err error) {
	code := opts.Lang
	if code == "" {
		code = fw.Language
	}
	l := lang.For(code)
	f := excelize.NewFile(excelize.Options{TmpDir: opts.TmpDir})
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	cf := &catalogForm{f: f, fw: fw, l: l, sheet: l.T(lang.SheetCatalog), lists: l.T(lang.SheetLists)}
	for _, step := range []func() error{cf.styles, cf.form, cf.dropDowns, cf.help, cf.props} {
		if err := step(); err != nil {
			return err
		}
	}
	b := &builder{f: f, opts: opts, l: l}
	if err := b.setFormProps(fw); err != nil {
		return err
	}
	return xlsxstream.New(f, MaxRows).WriteTo(w, opts.Compression, opts.TmpDir)
}

// WriteCatalogFormCSV writes the header row of the catalog's spreadsheet
// form as CSV (UTF-8 with a BOM, so that Excel reads ø and æ).
func WriteCatalogFormCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	head := make([]string, len(catalog.Columns))
	for i, c := range catalog.Columns {
		head[i] = c.Key
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

type catalogForm struct {
	f            *excelize.File
	fw           *framework.Framework
	l            lang.Lang
	sheet, lists string
	head, input  int
}

func (cf *catalogForm) styles() error {
	var err error
	if cf.head, err = cf.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: font, Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorHeader}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}); err != nil {
		return err
	}
	cf.input, err = cf.f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Family: font}})
	return err
}

// form writes the header row, with each column's meaning as a comment.
func (cf *catalogForm) form() error {
	f := cf.f
	if err := f.SetSheetName("Sheet1", cf.sheet); err != nil {
		return err
	}
	widths := map[string]float64{"name": 34, "name_en": 34, "provider": 24, "activity": 18, "learning_goals": 18, "competence": 14,
		"duration": 20, "duration_en": 20, "url": 30, "description": 40, "description_en": 40}
	for i, c := range catalog.Columns {
		col := xlsxstream.ColName(i + 1)
		wd := widths[c.Key]
		if wd == 0 {
			wd = 12
		}
		wd = max(wd, textwrap.HeadWidth(c.Key)) // the key whole
		if err := f.SetColWidth(cf.sheet, col, col, wd); err != nil {
			return err
		}
		if err := f.SetColStyle(cf.sheet, col, cf.input); err != nil {
			return err
		}
		if err := f.SetCellStr(cf.sheet, col+"1", c.Key); err != nil {
			return err
		}
		if err := f.AddComment(cf.sheet, excelize.Comment{Cell: col + "1", Author: "huller",
			Paragraph: []excelize.RichTextRun{{Text: cf.l.T(lang.CatalogColumnHelp(c.Key))}}, Width: 300, Height: 110}); err != nil {
			return err
		}
	}
	last := xlsxstream.ColName(len(catalog.Columns))
	if err := f.SetCellStyle(cf.sheet, "A1", last+"1", cf.head); err != nil {
		return err
	}
	if err := f.SetRowHeight(cf.sheet, 1, 30); err != nil {
		return err
	}
	yes, land, a4, one, zero := true, "landscape", 9, 1, 0
	if err := f.SetSheetProps(cf.sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	if err := f.SetPageLayout(cf.sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &land, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	return f.SetPanes(cf.sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// column returns the letters of a catalog column.
func column(key string) string {
	for i, c := range catalog.Columns {
		if c.Key == key {
			return xlsxstream.ColName(i + 1)
		}
	}
	return ""
}

// dropDowns adds the drop-downs: the values on a hidden sheet.
func (cf *catalogForm) dropDowns() error {
	f, l := cf.f, cf.l
	if _, err := f.NewSheet(cf.lists); err != nil {
		return err
	}
	var levels []string
	for _, s := range cf.fw.Scale {
		levels = append(levels, strconv.Itoa(s.Level))
	}
	var ids []string
	for _, n := range cf.fw.Nodes() {
		ids = append(ids, n.ID)
	}
	var forms, acts, goals []string
	for _, x := range catalog.Forms {
		forms = append(forms, string(x))
	}
	for _, x := range catalog.Activities {
		acts = append(acts, string(x))
	}
	for _, x := range catalog.LearningGoals {
		goals = append(goals, string(x))
	}
	lists := []struct {
		keys   []string
		values []string
		strict bool
	}{
		{[]string{"form"}, forms, true},
		{[]string{"activity"}, acts, true},
		{[]string{"learning_goals"}, goals, false}, // several may be given: "methods, role"
		{[]string{"competence"}, ids, true},
		{[]string{"from", "to"}, levels, true},
	}
	for k, ls := range lists {
		col := xlsxstream.ColName(k + 1)
		for i, v := range ls.values {
			if err := f.SetCellStr(cf.lists, col+strconv.Itoa(i+1), v); err != nil {
				return err
			}
		}
		for _, key := range ls.keys {
			c := column(key)
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(c + "2:" + c + strconv.Itoa(catalogFormRows+1))
			dv.SetSqrefDropList("'" + cf.lists + "'!$" + col + "$1:$" + col + "$" + strconv.Itoa(len(ls.values)))
			style := excelize.DataValidationErrorStyleStop
			if !ls.strict {
				style = excelize.DataValidationErrorStyleWarning
			}
			dv.SetError(style, key, limit255(l.F(lang.CatalogDropError, strings.Join(ls.values, ", "))))
			if err := f.AddDataValidation(cf.sheet, dv); err != nil {
				return err
			}
		}
	}
	return f.SetSheetVisible(cf.lists, false)
}

// limit255 cuts a data-validation message to Excel's 255 characters.
func limit255(s string) string {
	if utf16Len(s) <= 255 {
		return s
	}
	r := []rune(s)
	for utf16Len(string(r)) > 254 {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// help writes the instructions sheet.
func (cf *catalogForm) help() error {
	f, l := cf.f, cf.l
	sheet := l.T(lang.SheetCatalogHelp)
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", "A", 18); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", 100); err != nil {
		return err
	}
	row := 1
	put := func(a, b string, style int) error {
		if err := f.SetCellStr(sheet, "A"+strconv.Itoa(row), a); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, "B"+strconv.Itoa(row), b); err != nil {
			return err
		}
		if style != 0 {
			if err := f.SetCellStyle(sheet, "A"+strconv.Itoa(row), "B"+strconv.Itoa(row), style); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	fwName := cf.fw.ID + ": " + cf.fw.Text(cf.fw.Title, l.Code())
	if err := put(l.T(lang.CatalogHelpTitle), "", cf.head); err != nil {
		return err
	}
	if err := put("", l.F(lang.CatalogHelpIntro, fwName, cf.sheet), 0); err != nil {
		return err
	}
	row++
	for _, c := range catalog.Columns {
		if err := put(c.Key, l.T(lang.CatalogColumnHelp(c.Key)), 0); err != nil {
			return err
		}
	}
	return nil
}

// props records the framework and that the workbook is a catalog.
func (cf *catalogForm) props() error {
	if err := cf.f.SetCustomProps(excelize.CustomProperty{Name: catalog.PropFramework, Value: cf.fw.ID}); err != nil {
		return err
	}
	if err := cf.f.SetCustomProps(excelize.CustomProperty{Name: catalog.PropKind, Value: catalog.Kind}); err != nil {
		return err
	}
	cf.f.SetActiveSheet(0)
	return nil
}

// setFormProps sets the document properties of a form, dated as Options
// say.
func (b *builder) setFormProps(fw *framework.Framework) error {
	b.res = nil
	d := b.opts.Date
	stamp := "1980-01-01T00:00:00Z"
	if !d.IsZero() {
		stamp = d.UTC().Format("2006-01-02T15:04:05Z")
	}
	gen := b.opts.Generator
	if gen == "" {
		gen = "huller"
	}
	if err := b.f.SetDocProps(&excelize.DocProperties{Created: stamp, Modified: stamp, Creator: gen, LastModifiedBy: gen,
		Title: b.l.F(lang.CatalogFormTitle, fw.ID), Language: b.l.Code()}); err != nil {
		return err
	}
	return b.f.SetAppProps(&excelize.AppProperties{Application: gen})
}
