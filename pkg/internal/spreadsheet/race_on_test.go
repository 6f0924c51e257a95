//go:build race

package spreadsheet

// slowdown scales time budgets: the race detector makes code several
// times slower.
const slowdown = 10
