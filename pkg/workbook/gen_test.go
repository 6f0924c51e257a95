package workbook

import (
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/rostertest"
	"github.com/huller/huller/pkg/roster"
)

func builtin(tb testing.TB, id string) *framework.Framework {
	tb.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load(id)
	if err != nil {
		tb.Fatalf("load %s: %v", id, err)
	}
	return fw
}

// genRoster is rostertest.Generate for the report's tests.
func genRoster(tb testing.TB, fw *framework.Framework, n, teams int, seed uint64) *roster.Roster {
	tb.Helper()
	return rostertest.Generate(fw, n, teams, seed)
}

// genResult analyses a generated roster.
func genResult(tb testing.TB, n, teams int, s analysis.Settings) *analysis.Result {
	tb.Helper()
	fw := builtin(tb, "fagligheder-fase3")
	res, err := analysis.Analyze(fw, genRoster(tb, fw, n, teams, 1), s)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}
