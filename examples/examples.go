// Package examples embeds the example roster that `huller analyze
// --example` analyses: a fictional job centre on fagligheder-fase3.
package examples

import _ "embed"

// Roster is examples/nordby-roster.csv: 40 pseudonymous employees of the
// fictional Jobcenter Nordby, assessed on fagligheder-fase3.
//
//go:embed nordby-roster.csv
var Roster []byte

// RosterName is the example roster's file name, as messages show it.
const RosterName = "examples/nordby-roster.csv"
