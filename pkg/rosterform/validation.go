package rosterform

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/huller/huller/pkg/lang"
	"github.com/xuri/excelize/v2"
)

// levels are the scale's levels as drop-down values.
func (b *builder) levels() []string {
	out := make([]string, len(b.fw.Scale))
	for i, l := range b.fw.Scale {
		out[i] = strconv.Itoa(l.Level)
	}
	return out
}

func (b *builder) levelValidation(sheet, sqref string) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	if err := b.dropList(dv, b.levels()); err != nil {
		return err
	}
	var prompt []string
	for _, l := range b.fw.Scale {
		prompt = append(prompt, fmt.Sprintf("%d %s", l.Level, b.text(l.Label)))
	}
	dv.SetInput(b.l.T(lang.FormLevelPrompt), limit255(strings.Join(prompt, "\n")))
	dv.SetError(excelize.DataValidationErrorStyleWarning, b.l.T(lang.FormLevelPrompt), limit255(b.l.T(lang.FormLevelError)))
	return b.f.AddDataValidation(sheet, dv)
}

func (b *builder) roleValidation(sqref string) error {
	if len(b.fw.Roles) == 0 {
		return nil
	}
	ids := make([]string, len(b.fw.Roles))
	for i, r := range b.fw.Roles {
		ids[i] = r.ID
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	if err := b.dropList(dv, ids); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, fixedHeaders(b.l)[2], limit255(b.l.T(lang.FormRoleError)))
	return b.f.AddDataValidation(SheetRoster, dv)
}

// utf16Len counts as Excel does.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// limit255 cuts a data-validation message to Excel's 255 characters.
func limit255(s string) string {
	if utf16Len(s) <= 255 {
		return s
	}
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > 254 {
			return s[:i] + "…"
		}
	}
	return s // not reached: s is longer than 255
}

// dropList sets a drop-down list, inline when Excel allows it (at most 255
// characters, no commas or quotes in the values), else from a column of the
// hidden Lists sheet.
func (b *builder) dropList(dv *excelize.DataValidation, values []string) error {
	inline := utf16Len(strings.Join(values, ",")) <= 255
	for _, v := range values {
		inline = inline && !strings.ContainsAny(v, ",\"")
	}
	if inline {
		return dv.SetDropList(values)
	}
	if b.lists == 0 {
		if _, err := b.f.NewSheet(SheetLists); err != nil {
			return err
		}
		if err := b.f.SetSheetVisible(SheetLists, false); err != nil {
			return err
		}
	}
	col := colName(b.lists)
	b.lists++
	for i, v := range values {
		if err := b.f.SetCellStr(SheetLists, fmt.Sprintf("%s%d", col, i+1), v); err != nil {
			return err
		}
	}
	dv.SetSqrefDropList(fmt.Sprintf("%s!$%s$1:$%s$%d", SheetLists, col, col, len(values)))
	return nil
}
