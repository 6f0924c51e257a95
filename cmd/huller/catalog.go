package main

import (
	"github.com/huller/huller/examples"
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/framework"
)

// readCatalog reads a course catalog as every command that takes
// --catalog reads it: the file at path (YAML, or a spreadsheet with one row
// per course and competence) checked against fw, else with example the
// built-in example catalog; nil when neither. Warnings go to standard
// error; errors stop the run, each naming its place.
func readCatalog(s *streams, path string, example bool, fw *framework.Framework) (*catalog.Catalog, error) {
	var cat *catalog.Catalog
	var diags framework.Diagnostics
	switch {
	case path != "":
		cat, diags = catalog.Read(path, fw, catalog.SheetOptions{Language: fw.Language})
	case example:
		cat, diags = catalog.Parse(examples.CatalogName, examples.Catalog)
		if len(diags.Errors()) == 0 {
			diags = append(diags, catalog.Check(cat, fw)...)
		}
	default:
		return nil, nil
	}
	if errs := diags.Errors(); len(errs) > 0 {
		return nil, errs
	}
	for _, d := range diags {
		s.warn("%s", d.String())
	}
	return cat, nil
}
