//go:build !race

package roster

// slowdown scales time budgets: 1 without the race detector.
const slowdown = 1
