//go:build !race

package spreadsheet

// slowdown scales time budgets: 1 without the race detector.
const slowdown = 1
