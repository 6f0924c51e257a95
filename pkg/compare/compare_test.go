package compare

import (
	"regexp"
	"strings"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/roster"
)

func fase3(t *testing.T) *framework.Framework {
	t.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load("fagligheder-fase3")
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// unit analyses a roster of n persons (levels 2 everywhere, one person at
// 4 on every leaf) with a Requirements sheet for the sheet roles.
func unit(t *testing.T, fw *framework.Framework, n int, sheet ...string) *analysis.Result {
	t.Helper()
	r := &roster.Roster{Source: "u.xlsx", Columns: fw.Leaves, Requirements: map[string][]framework.Requirement{}}
	for _, id := range sheet {
		r.Requirements[id] = []framework.Requirement{{Node: "1", Level: 1}}
	}
	roles := []string{"jobkonsulent", "sagsbehandler", "mentor", ""}
	for i := range n {
		p := roster.Person{Name: "P", ID: string(rune('a' + i)), Role: roles[i%len(roles)], Team: "T", Scores: make([]int8, len(fw.Leaves))}
		for l := range p.Scores {
			p.Scores[l] = 2
			if i == 0 {
				p.Scores[l] = 4
			}
		}
		r.Persons = append(r.Persons, p)
	}
	res, err := analysis.Analyze(fw, r, analysis.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestCompare(t *testing.T) {
	fw := fase3(t)
	a, b, small := unit(t, fw, 12, "mentor"), unit(t, fw, 8), unit(t, fw, 3)
	units := []Unit{
		{Name: "vest", File: "vest.csv", Report: privacy.Aggregate(a, 5, privacy.ByTeam), Requirements: RequirementsOf(a)},
		{Name: "Nord", File: "nord.csv", Report: privacy.Aggregate(b, 5, privacy.ByTeam), Requirements: RequirementsOf(b)},
		{Name: "syd", File: "syd.csv", Report: privacy.Aggregate(small, 5, privacy.ByTeam), Requirements: RequirementsOf(small)},
	}
	c, err := Compare(fw, units, 5)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range c.Units {
		names = append(names, r.Name)
	}
	if strings.Join(names, " ") != "Nord syd vest" {
		t.Errorf("order %v", names)
	}
	s := c.Units[1]
	if !s.Small || len(s.Holes) != 0 || s.Covered != 0 || s.Persons.Shown() {
		t.Errorf("a unit of 3 with a minimum of 5: %+v", s)
	}
	if n, ok := c.Units[2].Persons.Count(); !ok || n != 12 || len(c.Units[2].Coverage) != len(fw.BasisLeaves) {
		t.Errorf("vest: %+v", c.Units[2])
	}
	for _, r := range c.Units {
		total := 0
		for _, n := range r.Tiers {
			total += n
		}
		if total != len(r.Holes) {
			t.Errorf("%s: %d holes by tier, %d holes", r.Name, total, len(r.Holes))
		}
	}
	// the same name twice is an error
	units[1].Name = "vest"
	if _, err := Compare(fw, units, 5); err == nil || !strings.Contains(err.Error(), `are both named unit "vest"`) {
		t.Errorf("duplicate names: %v", err)
	}
}

func TestRequirementsOf(t *testing.T) {
	fw := fase3(t)
	res := unit(t, fw, 8, "mentor")
	res.Settings.FileRequirements = map[string][]framework.Requirement{"sagsbehandler": nil}
	got := RequirementsOf(res)
	want := []RoleSource{{"jobkonsulent", FromFramework}, {"sagsbehandler", FromFile}, {"mentor", FromSheet}, {"", FromFramework}}
	if len(got) != len(want) {
		t.Fatalf("%v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: %v, want %v", i, got[i], want[i])
		}
	}
	l := lang.For("en")
	if s := RequirementsText(l, got); s != "Requirements sheet: mentor; requirements file: sagsbehandler; framework: jobkonsulent, (no role)" {
		t.Errorf("text %q", s)
	}
	if s := RequirementsSummary(l, got); s != "Requirements sheet (1 role), requirements file (1 role), framework (2 roles)" {
		t.Errorf("summary %q", s)
	}
}

func TestUnitName(t *testing.T) {
	tests := []struct {
		file, pattern, want, err string
	}{
		{"data/nordby-2026.xlsx", "", "nordby-2026", ""},
		{`C:\data\Sydby.csv`, "", "Sydby", ""},
		{"-", "", "-", ""},
		{"data/nordby-2026.xlsx", `^([a-z]+)`, "nordby", ""},
		{"data/nordby-2026.xlsx", `[0-9]+`, "2026", ""},
		{"data/nordby-2026.xlsx", `^(x)`, "", "does not match"},
		{"data/nordby-2026.xlsx", `^(x?)`, "", "captures nothing"},
	}
	for _, tt := range tests {
		var re *regexp.Regexp
		if tt.pattern != "" {
			re = regexp.MustCompile(tt.pattern)
		}
		got, err := UnitName(tt.file, re)
		if got != tt.want || (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("UnitName(%q, %q) = %q, %v", tt.file, tt.pattern, got, err)
		}
	}
}
