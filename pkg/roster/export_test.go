package roster

import "testing"

// BenchRoster writes a generated roster of n persons (kind "xlsx",
// "xlsx-sst" or "csv") into dir and returns its path, for the benchmarks
// of package roster_test.
func BenchRoster(tb testing.TB, dir string, n int, kind string) string {
	switch kind {
	case "xlsx":
		return genXLSX(tb, dir, n, genOptions{})
	case "xlsx-sst":
		return genSSTXLSX(tb, dir, n, genOptions{})
	}
	return genCSV(tb, dir, n, genOptions{})
}
