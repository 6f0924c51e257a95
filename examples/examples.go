// Package examples embeds the example roster that `huller analyze
// --example` analyses and the example course catalog that `huller plan
// --example` plans with: a fictional job centre on fagligheder-fase3.
package examples

import _ "embed"

// Roster is examples/nordby-roster.csv: 40 pseudonymous employees of the
// fictional Jobcenter Nordby, assessed on fagligheder-fase3.
//
//go:embed nordby-roster.csv
var Roster []byte

// RosterName is the example roster's file name, as messages show it.
const RosterName = "examples/nordby-roster.csv"

// Catalog is examples/kursuskatalog.yaml: a fictional course catalog of
// Jobcenter Nordby for fagligheder-fase3, which `huller plan --example`
// plans with.
//
//go:embed kursuskatalog.yaml
var Catalog []byte

// CatalogName is the example catalog's file name, as messages show it.
const CatalogName = "examples/kursuskatalog.yaml"
