package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/risk"
	"github.com/huller/huller/pkg/roster"
	"github.com/xuri/excelize/v2"
)

// randomCSV writes a roster of n persons with random roles, teams,
// profiles and levels (some blank) on every leaf of fagligheder-fase3.
func randomCSV(t *testing.T, r *rand.Rand, n int) string {
	fw, err := loadFramework("fagligheder-fase3", nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("id;name;role;team;profiles")
	for _, l := range fw.Leaves {
		b.WriteString(";" + l.ID)
	}
	b.WriteString("\n")
	for i := range n {
		role := fw.Roles[r.IntN(len(fw.Roles))].ID
		prof := []string{"", "ingen", fw.Profiles[r.IntN(len(fw.Profiles))].ID}[r.IntN(3)]
		fmt.Fprintf(&b, "E%02d;Person %02d;%s;T%d;%s", i, i, role, r.IntN(3), prof)
		for range fw.Leaves {
			if r.IntN(8) == 0 {
				b.WriteString(";")
			} else {
				fmt.Fprintf(&b, ";%d", min(4, r.IntN(6)))
			}
		}
		b.WriteString("\n")
	}
	path := filepath.Join(t.TempDir(), "team.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// scenarioJSON is what the test reads of analyze --without's JSON.
type scenarioJSON struct {
	AfterRaw    map[string]any `json:"after"`
	Competences []struct {
		ID       string `json:"id"`
		Required int    `json:"required"`
		Assessed int    `json:"assessed"`
		Met      int    `json:"met"`
		GapSum   int    `json:"gap_sum"`
		Holders  int    `json:"holders"`
		Teachers int    `json:"teachers"`
	} `json:"competences"`
	Profiles []struct {
		ID               string `json:"id"`
		Fitting          int    `json:"fitting"`
		Expected         int    `json:"expected"`
		ExpectedByRole   int    `json:"expected_by_role"`
		ExpectedAssessed int    `json:"expected_assessed"`
		ExpectedFitting  int    `json:"expected_fitting"`
	} `json:"profiles"`
	Holes []struct {
		Kind string `json:"kind"`
		Tier string `json:"tier"`
		ID   string `json:"id"`
	} `json:"holes"`
}

// TestWithoutEqualsIncremental: for random rosters and every person,
// huller analyze --without that person (its JSON) gives the figures and
// findings the incremental N−1 computation gives (risk.Without), which a
// property test of package risk proves equal to an analysis of the roster
// without that row.
func TestWithoutEqualsIncremental(t *testing.T) {
	for seed := range uint64(4) {
		r := rand.New(rand.NewPCG(seed, 21))
		path := randomCSV(t, r, 6+r.IntN(8))
		fw, _ := loadFramework("fagligheder-fase3", nil)
		ro, err := roster.Read(roster.FileSource(path, nil), fw, roster.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := analysis.Analyze(fw, ro, analysis.DefaultSettings())
		if err != nil {
			t.Fatal(err)
		}
		for p := range res.People {
			var out, errb bytes.Buffer
			s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
			args := []string{"analyze", path, "--without", res.People[p].ID, "--format", "json"}
			if code := execute(s, args); code != 0 {
				t.Fatalf("%v: exit %d\n%s", args, code, errb.String())
			}
			var got scenarioJSON
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			checkAgainst(t, fmt.Sprintf("seed %d without %s", seed, res.People[p].ID), res, risk.Without(res, []int32{int32(p)}), got)
		}
	}
}

func checkAgainst(t *testing.T, where string, res *analysis.Result, want risk.State, got scenarioJSON) {
	t.Helper()
	fw := res.Framework
	f := want.Figures
	if int(got.AfterRaw["persons"].(float64)) != f.Summary.Persons || int(got.AfterRaw["met"].(float64)) != int(f.Summary.Basis.Met) ||
		int(got.AfterRaw["gap_sum"].(float64)) != int(f.Summary.Basis.GapSum) {
		t.Errorf("%s: summary %v, incremental %+v", where, got.AfterRaw, f.Summary)
	}
	for l, c := range got.Competences {
		s := f.Leaves[l]
		if c.ID != fw.Leaves[l].ID || c.Required != int(s.Required) || c.Assessed != int(s.Assessed) || c.Met != int(s.Met) ||
			c.GapSum != int(s.GapSum) || c.Holders != int(s.Holders) || c.Teachers != int(s.Teachers) {
			t.Errorf("%s: competence %+v, incremental %+v", where, c, s)
		}
	}
	for j, pj := range got.Profiles {
		s := f.Profiles[j]
		if pj.Fitting != int(s.Fitting) || pj.Expected != int(s.Expected) || pj.ExpectedByRole != int(s.ExpectedByRole) ||
			pj.ExpectedAssessed != int(s.ExpectedAssessed) || pj.ExpectedFitting != int(s.ExpectedFitting) {
			t.Errorf("%s: profile %+v, incremental %+v", where, pj, s)
		}
	}
	// the most important hole on each node is the incremental finding
	tier := map[string]analysis.Tier{}
	for _, tr := range analysis.Tiers {
		tier[tr.String()] = tr
	}
	found := map[string]string{}
	for _, h := range got.Holes {
		if prev, ok := found[h.ID]; !ok || tier[h.Tier] < tier[strings.SplitN(prev, " ", 2)[1]] {
			found[h.ID] = h.Kind + " " + h.Tier
		}
	}
	for i, fd := range want.Findings {
		id := fw.Leaves[min(i, len(fw.Leaves)-1)].ID
		if i >= len(fw.Leaves) {
			id = fw.Profiles[i-len(fw.Leaves)].ID
		}
		w := ""
		if fd.Tier != 0 {
			w = fd.Kind.String() + " " + fd.Tier.String()
		}
		if found[id] != w {
			t.Errorf("%s: %s has %q in the JSON, %q incrementally", where, id, found[id], w)
		}
	}
}

// TestWithoutReport: the report of analyze --without is that of the unit
// without them, and its Overview says whom it leaves out, in the report's
// language.
func TestWithoutReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.xlsx")
	var stdout, errb bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &stdout, Err: &errb, Getenv: func(string) string { return "" }}
	if code := execute(s, []string{"analyze", "--example", "--without", "N1021", "-o", out, "--format", "csv"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line, err := f.GetCellValue("Overblik", "A2")
	if err != nil || !strings.HasPrefix(line, "examples/nordby-roster.csv uden Jesper Thorsen (N1021): 39 medarbejdere") {
		t.Errorf("the Overview's second line is %q (%v)", line, err)
	}
}
