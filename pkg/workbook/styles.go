package workbook

import "github.com/xuri/excelize/v2"

// The colours of the heatmap classes, shared by the conditional formats, the
// legend and the Overview.
const (
	colorGap3        = "F8696B" // gap of 3 or more levels: red
	colorGap2        = "FBA46B" // gap of 2 levels: orange
	colorGap1        = "FFE07A" // gap of 1 level: amber
	colorMet         = "8FD19E" // met: green
	colorNotAssessed = "D0D0D0" // required, not assessed: grey
	colorHeader      = "DDEBF7"
	colorGroup       = "BDD7EE"
	colorThreshold   = "C00000"
)

// groupColors colour the basis groups in the coverage chart: blues and
// purples, so that they are not mistaken for the gap colours.
var groupColors = []string{"4472C4", "2E8B8B", "7E57C2", "5B9BD5", "3F51B5", "00897B", "8E6BB8", "1F4E79"}

// font is the workbook's font (excelize's default).
const font = "Calibri"

// styles are the cell style ids of the workbook.
type styles struct {
	title, h2, head, headWrap, headRot, group, note, bold     int
	boldWrap                                                  int // bold, wrapped, at the top
	warnNote                                                  int // a note that asks for action
	input                                                     int // a cell to fill in
	top                                                       int // a number at the top of a tall row
	text, textWrap, pct1, pct0, fitYes, fitNo, level, num, id int
	leftNum, leftPct0, leftPct1                               int    // key figures
	legend                                                    [6]int // gap3, gap2, gap1, met, not assessed, not required
	dxf                                                       [5]int // gap3, gap2, gap1, met, not assessed
}

func (b *builder) newStyles() error {
	f := b.f
	var err error
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	fill := func(c string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
	}
	thin := func(c string) []excelize.Border {
		return []excelize.Border{
			{Type: "left", Color: c, Style: 1}, {Type: "right", Color: c, Style: 1},
			{Type: "top", Color: c, Style: 1}, {Type: "bottom", Color: c, Style: 1},
		}
	}
	pct1 := "0.0%"
	left := &excelize.Alignment{Horizontal: "left"}
	s := &b.st
	s.title = add(&excelize.Style{Font: &excelize.Font{Family: font, Bold: true, Size: 16, Color: "1F4E79"}})
	s.h2 = add(&excelize.Style{Font: &excelize.Font{Family: font, Bold: true, Size: 12, Color: "1F4E79"}})
	s.bold = add(&excelize.Style{Font: &excelize.Font{Family: font, Bold: true}})
	s.boldWrap = add(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Family: font, Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.head = add(&excelize.Style{Font: &excelize.Font{Family: font, Bold: true}, Fill: fill(colorHeader),
		Border: thin("9BC2E6"), Alignment: &excelize.Alignment{Vertical: "center"}})
	s.headWrap = add(&excelize.Style{Font: &excelize.Font{Family: font, Bold: true}, Fill: fill(colorHeader),
		Border: thin("9BC2E6"), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	s.headRot = add(&excelize.Style{Font: &excelize.Font{Family: font, Bold: true}, Fill: fill(colorHeader),
		Border: thin("9BC2E6"), Alignment: &excelize.Alignment{TextRotation: 90,
			Horizontal: "center", Vertical: "bottom"}})
	s.group = add(&excelize.Style{Font: &excelize.Font{Family: font, Bold: true}, Fill: fill(colorGroup),
		Border: thin("9BC2E6"), Alignment: &excelize.Alignment{Horizontal: "center",
			Vertical: "center", WrapText: true}})
	s.note = add(&excelize.Style{Font: &excelize.Font{Family: font, Italic: true, Color: "595959"}})
	s.input = add(&excelize.Style{NumFmt: 49, Border: thin("A6A6A6"), Fill: fill("FFFDE7"),
		Font: &excelize.Font{Family: font}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.warnNote = add(&excelize.Style{Font: &excelize.Font{Family: font, Bold: true, Color: "7F4F00"},
		Fill: fill("FFF2CC"), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.text = add(&excelize.Style{NumFmt: 49})
	s.top = add(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	s.textWrap = add(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.id = add(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}})
	s.pct1 = add(&excelize.Style{CustomNumFmt: &pct1})
	s.pct0 = add(&excelize.Style{NumFmt: 9})
	center := &excelize.Alignment{Horizontal: "center"}
	s.fitYes = add(&excelize.Style{NumFmt: 49, Alignment: center, Font: &excelize.Font{Family: font, Color: "006100"}, Fill: fill("C6EFCE")})
	s.fitNo = add(&excelize.Style{NumFmt: 49, Alignment: center, Font: &excelize.Font{Family: font}})
	s.level = add(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"},
		Border: thin("E7E6E6")})
	s.num = add(&excelize.Style{NumFmt: 1})
	s.leftNum = add(&excelize.Style{NumFmt: 3, Alignment: left})
	s.leftPct0 = add(&excelize.Style{NumFmt: 9, Alignment: left})
	s.leftPct1 = add(&excelize.Style{CustomNumFmt: &pct1, Alignment: left})
	for i, c := range []string{colorGap3, colorGap2, colorGap1, colorMet, colorNotAssessed} {
		s.legend[i] = add(&excelize.Style{Fill: fill(c), Border: thin("A6A6A6"),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
		if err == nil {
			s.dxf[i], err = f.NewConditionalStyle(&excelize.Style{Fill: fill(c)})
		}
	}
	s.legend[5] = add(&excelize.Style{Border: thin("A6A6A6"),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	return err
}
