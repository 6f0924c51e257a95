// Package examples embeds the example rosters: the fictional Jobcenter
// Nordby that `huller analyze --example` analyses, and the two more small
// fictional job centres that `huller analyze --example-units` compares
// with it, all on fagligheder-fase3.
package examples

import _ "embed"

// Roster is examples/nordby-roster.csv: 40 pseudonymous employees of the
// fictional Jobcenter Nordby, assessed on fagligheder-fase3.
//
//go:embed nordby-roster.csv
var Roster []byte

// RosterName is the example roster's file name, as messages show it.
const RosterName = "examples/nordby-roster.csv"

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
