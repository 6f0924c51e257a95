// Package layers states how huller's packages may depend on each other, and
// its test checks every import against it. A package may import only
// packages of a lower layer; nothing under pkg/ may import the command-line
// or terminal libraries, which belong to cmd/huller alone.
//
//	layer 0  limits, lang, safetext, hint, framework's own helpers:
//	         what everything may use
//	layer 1  framework, spreadsheet reading, outfile
//	layer 2  roster, catalog (the course catalog)
//	layer 3  analysis
//	layer 4  plan: from holes to a plan; risk: vulnerability and hires;
//	         diff: two mappings compared; privacy: pseudonyms and the
//	         figures an aggregate report may show
//	layer 5  narrate: the findings in words; compare: units side by side;
//	         inspect: what personal data a file holds
//	layer 6  outputs: render (text), workbook (Excel), rosterform (template),
//	         outline (a framework as text)
//
// A new package gets a layer in Layers; the test fails until it has one.
package layers

// Module is the path of huller's module.
const Module = "github.com/huller/huller"

// Layers gives the layer of every package under pkg/ (paths relative to
// the module); test-only helper packages are listed as high as they need.
var Layers = map[string]int{
	"pkg/limits":                       0,
	"pkg/lang":                         0,
	"pkg/safetext":                     0,
	"pkg/outfile":                      1,
	"pkg/internal/layers":              0,
	"pkg/framework":                    1,
	"pkg/internal/spreadsheet":         1,
	"pkg/internal/textwrap":            0,
	"pkg/internal/cputime":             0,
	"pkg/internal/suggest":             0,
	"pkg/internal/heapwatch":           0,
	"pkg/roster":                       2,
	"pkg/catalog":                      2,
	"pkg/internal/hint":                0,
	"pkg/analysis":                     3,
	"pkg/internal/rostertest":          3,
	"pkg/diff":                         4,
	"pkg/plan":                         4,
	"pkg/risk":                         4,
	"pkg/privacy":                      4,
	"pkg/narrate":                      5,
	"pkg/compare":                      5,
	"pkg/inspect":                      5,
	"pkg/render":                       6,
	"pkg/outline":                      6,
	"pkg/workbook":                     6,
	"pkg/workbook/internal/xlsxstream": 2,
	"pkg/rosterform":                   6,
}

// Forbidden are the imports no package under pkg/ may have: the command
// line and the terminal are cmd/huller's.
var Forbidden = []string{
	"github.com/spf13/cobra",
	"github.com/spf13/pflag",
	"golang.org/x/term",
}
