package workbook

import (
	"github.com/huller/huller/pkg/lang"
)

// sheetNames returns the names of the report's ten sheets in code's
// language (English when huller has no texts in it), in workbook order.
// Continuation sheets add " (2)", " (3)", … to a name.
func sheetNames(code string) []string {
	l := lang.For(code)
	return []string{l.T(lang.SheetOverview), l.T(lang.SheetHuller), l.T(lang.SheetTeams), l.T(lang.SheetRoles), l.T(lang.SheetRisk),
		l.T(lang.SheetHeatmap), l.T(lang.SheetGaps), l.T(lang.SheetProfiles), l.T(lang.SheetPeople), l.T(lang.SheetFramework)}
}
