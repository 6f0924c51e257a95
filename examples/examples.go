// Package examples embeds the example roster that `huller analyze
// --example` analyses, the two mappings of it a year apart that `huller
// diff --example` compares, and the example course catalog that `huller
// plan --example` plans with: a fictional job centre on fagligheder-fase3;
// and two more small fictional job centres that `huller analyze
// --example-units` compares with it.
package examples

import _ "embed"

// Roster is examples/nordby-roster.csv: 40 pseudonymous employees of the
// fictional Jobcenter Nordby, assessed on fagligheder-fase3.
//
//go:embed nordby-roster.csv
var Roster []byte

// RosterName is the example roster's file name, as messages show it.
const RosterName = "examples/nordby-roster.csv"

// Mapping2026 and Mapping2027 are two mappings of Jobcenter Nordby a year
// apart, for `huller diff --example`: nordby-2026.csv holds the levels of
// nordby-roster.csv with who assessed each person and when;
// nordby-2027.csv is the mapping a year on (two persons left, three
// joined, courses completed, a new assessor in one team, one team not
// assessed again).
//
//go:embed nordby-2026.csv
var Mapping2026 []byte

//go:embed nordby-2027.csv
var Mapping2027 []byte

// The file names of the two mappings, as messages show them.
const (
	Mapping2026Name = "examples/nordby-2026.csv"
	Mapping2027Name = "examples/nordby-2027.csv"
)

// Catalog is examples/kursuskatalog.yaml: a fictional course catalog of
// Jobcenter Nordby for fagligheder-fase3, which `huller plan --example`
// plans with.
//
//go:embed kursuskatalog.yaml
var Catalog []byte

// CatalogName is the example catalog's file name, as messages show it.
const CatalogName = "examples/kursuskatalog.yaml"

//go:embed sydby-roster.xlsx
var sydby []byte

//go:embed vestby-roster.csv
var vestby []byte

// Unit is an example roster of one job centre.
type Unit struct {
	Name string // the file name, as messages show it
	Data []byte
}

// Units are the three example job centres: Nordby (40 persons, CSV, the
// framework's required levels), Sydby (24 persons, a workbook with its own
// Requirements sheet) and Vestby (14 persons in teams of 6, 4 and 4, CSV).
func Units() []Unit {
	return []Unit{
		{RosterName, Roster},
		{"examples/sydby-roster.xlsx", sydby},
		{"examples/vestby-roster.csv", vestby},
	}
}
