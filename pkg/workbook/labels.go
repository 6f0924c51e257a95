package workbook

import (
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
)

// sheetNames returns the names of the report's seven sheets in code's
// language (English when huller has no texts in it), in workbook order.
// Continuation sheets add " (2)", " (3)", … to a name.
func sheetNames(code string) []string {
	l := lang.For(code)
	return []string{l.T(lang.SheetOverview), l.T(lang.SheetHuller), l.T(lang.SheetHeatmap), l.T(lang.SheetGaps),
		l.T(lang.SheetProfiles), l.T(lang.SheetPeople), l.T(lang.SheetFramework)}
}

// kindTerm returns the vocabulary's name of a kind of hole.
func kindTerm(k analysis.Kind) lang.Term {
	tm, _ := lang.Kind(k.String())
	return tm
}
