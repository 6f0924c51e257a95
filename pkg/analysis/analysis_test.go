package analysis

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/rostertest"
	"github.com/huller/huller/pkg/roster"
)

// frameworkYAML returns a test framework: id, a scale of five levels from
// minLevel, defaults, then body (basis, profiles, roles).
func frameworkYAML(id string, minLevel int, defaults, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "id: %s\ntitle: %s\nlanguage: en\nscale:\n", id, id)
	for l := minLevel; l < minLevel+5; l++ {
		fmt.Fprintf(&b, "  - {level: %d, label: L%d}\n", l, l)
	}
	fmt.Fprintf(&b, "defaults: %s\n", defaults)
	return b.String() + body
}

// tinyYAML is rostertest.Tiny.
var tinyYAML = rostertest.Tiny

func parseFW(t testing.TB, src string) *framework.Framework {
	t.Helper()
	fw, err := framework.Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("parse framework: %v", err)
	}
	return fw
}

const u = roster.Unassessed

// tinyColumns: A2 is an inner node whose score applies to A2a and A2b.
var tinyColumns = []string{"A1", "A2", "A2a", "A2b", "B1", "P1", "P2", "P3", "P4", "Q1", "Q2"}

type rp struct {
	name, id, role, team string
	profiles             []string
	scores               []int8
}

func makeRoster(t testing.TB, fw *framework.Framework, cols []string, persons ...rp) *roster.Roster {
	t.Helper()
	r := &roster.Roster{Source: "team.xlsx", Sheet: "Roster"}
	for _, id := range cols {
		n := fw.Node(id)
		if n == nil {
			t.Fatalf("no node %q", id)
		}
		r.Columns = append(r.Columns, n)
	}
	for i, p := range persons {
		r.Persons = append(r.Persons, roster.Person{Row: i + 2, Name: p.name, ID: p.id, Role: p.role,
			Team: p.team, Profiles: p.profiles, Scores: p.scores})
	}
	r.Stats.Persons = len(persons)
	return r
}

// tinyRoster is the roster the hand computations below are made on.
func tinyRoster(t testing.TB, fw *framework.Framework) *roster.Roster {
	return makeRoster(t, fw, tinyColumns,
		//                                       A1 A2 A2a A2b B1 P1 P2 P3 P4 Q1 Q2
		rp{"Ann", "E1", "lead", "X", nil, []int8{3, 3, u, 2, 0, 3, 3, 3, 1, 2, u}},
		rp{"Bo", "E2", "aide", "X", []string{"Q"}, []int8{2, u, 1, u, u, 1, 0, u, 0, 3, 1}},
		rp{"Cy", "E3", "", "Y", nil, []int8{1, u, u, u, u, u, u, u, 3, u, 2}},
	)
}

func analyze(t testing.TB, fw *framework.Framework, r *roster.Roster, s Settings) *Result {
	t.Helper()
	res, err := Analyze(fw, r, s)
	if err != nil {
		t.Fatalf("Analyze: %v", err)
	}
	return res
}

func TestLevelsParentNodeScores(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	res := analyze(t, fw, tinyRoster(t, fw), DefaultSettings())
	want := [][]int8{
		// A1 A2a A2b B1 P1 P2 P3 P4 Q1 Q2
		{3, 3, 2, 0, 3, 3, 3, 1, 2, u}, // Ann: A2a blank takes A2's 3; A2b keeps its own 2
		{2, 1, u, u, 1, 0, u, 0, 3, 1}, // Bo: A2 blank, so A2b stays unassessed
		{1, u, u, u, u, u, u, 3, u, 2}, // Cy
	}
	for p, row := range want {
		for l, w := range row {
			if got := res.Level(p, l); got != w {
				t.Errorf("person %d leaf %s: level %d, want %d", p, fw.Leaves[l].ID, got, w)
			}
		}
	}
}

func TestParentColumnOnly(t *testing.T) {
	// A score on group A applies to A1, A2a and A2b; a score on A2 beats A's
	// for A2a and A2b (nearest ancestor first).
	fw := parseFW(t, tinyYAML)
	r := makeRoster(t, fw, []string{"A", "A2", "B1"},
		rp{"Ann", "E1", "aide", "", nil, []int8{3, 1, 2}},
		rp{"Bo", "E2", "aide", "", nil, []int8{2, u, u}},
	)
	res := analyze(t, fw, r, DefaultSettings())
	want := [][]int8{{3, 1, 1, 2}, {2, 2, 2, u}}
	for p, row := range want {
		for l, w := range row {
			if got := res.Level(p, l); got != w {
				t.Errorf("person %d leaf %s: level %d, want %d", p, fw.Leaves[l].ID, got, w)
			}
		}
		for l := 4; l < len(fw.Leaves); l++ {
			if got := res.Level(p, l); got != u {
				t.Errorf("person %d leaf %s: level %d, want unassessed", p, fw.Leaves[l].ID, got)
			}
		}
	}
}

func TestBasisPerPerson(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	res := analyze(t, fw, tinyRoster(t, fw), DefaultSettings())
	tests := []struct {
		name     string
		basis    Basis
		gaps     []Gap
		coverage float64
		ok       bool
	}{
		// Ann (lead: A* = 3, B1 = 0 so not required): A1 met, A2a met, A2b 2 < 3.
		{"Ann", Basis{Required: 3, Met: 2, NotAssessed: 0, GapSum: 1}, []Gap{{2, 3, 2}}, 2.0 / 3, true},
		// Bo (aide: default 2, A2b 1): A1 met, A2a 1 < 2, A2b and B1 unassessed.
		{"Bo", Basis{Required: 4, Met: 1, NotAssessed: 2, GapSum: 1}, []Gap{{1, 2, 1}}, 0.5, true},
		// Cy (no role: default 2 everywhere): A1 1 < 2, the rest unassessed.
		{"Cy", Basis{Required: 4, Met: 0, NotAssessed: 3, GapSum: 1}, []Gap{{0, 2, 1}}, 0, true},
	}
	for i, tt := range tests {
		p := res.People[i]
		if p.Name != tt.name {
			t.Fatalf("person %d is %s, want %s", i, p.Name, tt.name)
		}
		if p.Basis != tt.basis {
			t.Errorf("%s: basis %+v, want %+v", tt.name, p.Basis, tt.basis)
		}
		if !reflect.DeepEqual(p.Gaps, tt.gaps) {
			t.Errorf("%s: gaps %+v, want %+v", tt.name, p.Gaps, tt.gaps)
		}
		if c, ok := p.Basis.Coverage(); c != tt.coverage || ok != tt.ok {
			t.Errorf("%s: coverage %v %v, want %v %v", tt.name, c, ok, tt.coverage, tt.ok)
		}
	}
	want := Summary{Persons: 3, Basis: Basis{Required: 11, Met: 3, NotAssessed: 5, GapSum: 3}, PeopleWithGaps: 3}
	if res.Summary != want {
		t.Errorf("summary %+v, want %+v", res.Summary, want)
	}
}

func TestCoverageUndefined(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	r := makeRoster(t, fw, []string{"A1"}, rp{"Ann", "E1", "aide", "", nil, []int8{u}})
	res := analyze(t, fw, r, DefaultSettings())
	if c, ok := res.People[0].Basis.Coverage(); ok {
		t.Errorf("coverage %v defined, want undefined (nothing required was assessed)", c)
	}
}

func TestProfiles(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	res := analyze(t, fw, tinyRoster(t, fw), DefaultSettings())
	type pf struct {
		fit      [2]float64
		fits     [2]bool
		atTarget [2]int
		assessed [2]int
		expected []int32
		byRole   bool
		pgaps    []Gap
		best     []int
		bestFit  float64
	}
	want := []pf{
		// Ann: P1–P3 at 3 → 0.75 fits P; Q1 2 ≥ T=2, Q2 blank → 0.5. P via role lead.
		{[2]float64{0.75, 0.5}, [2]bool{true, false}, [2]int{3, 1}, [2]int{4, 1}, []int32{0}, true, []Gap{{7, 3, 1}}, []int{0}, 0.75},
		// Bo: no P leaf at 3; Q1 3, Q2 1 → 0.5. Q from the roster, gap Q2 2−1.
		{[2]float64{0, 0.5}, [2]bool{false, false}, [2]int{0, 1}, [2]int{3, 2}, []int32{1}, false, []Gap{{9, 2, 1}}, []int{1}, 0.5},
		// Cy: P4 at 3 → 0.25; Q2 2 → 0.5. No role, no profiles.
		{[2]float64{0.25, 0.5}, [2]bool{false, false}, [2]int{1, 1}, [2]int{1, 1}, nil, false, nil, []int{1}, 0.5},
	}
	for p, w := range want {
		for j := range 2 {
			if f := res.Fit(p, j); f != w.fit[j] {
				t.Errorf("person %d profile %d: fit %v, want %v", p, j, f, w.fit[j])
			}
			if f := res.Fits(p, j); f != w.fits[j] {
				t.Errorf("person %d profile %d: fits %v, want %v", p, j, f, w.fits[j])
			}
			if k, n := res.AtTarget(p, j), res.ProfileAssessed(p, j); k != w.atTarget[j] || n != w.assessed[j] {
				t.Errorf("person %d profile %d: %d at target, %d assessed; want %d, %d", p, j, k, n, w.atTarget[j], w.assessed[j])
			}
		}
		pp := res.People[p]
		if len(pp.Expected) != len(w.expected) || (len(w.expected) > 0 && !reflect.DeepEqual(pp.Expected, w.expected)) {
			t.Errorf("person %d: expected %v, want %v", p, pp.Expected, w.expected)
		}
		if pp.ExpectedByRole != w.byRole {
			t.Errorf("person %d: expected by role %v, want %v", p, pp.ExpectedByRole, w.byRole)
		}
		if len(pp.ProfileGaps) != len(w.pgaps) || (len(w.pgaps) > 0 && !reflect.DeepEqual(pp.ProfileGaps, w.pgaps)) {
			t.Errorf("person %d: profile gaps %v, want %v", p, pp.ProfileGaps, w.pgaps)
		}
		if best, f := res.Best(p); !reflect.DeepEqual(best, w.best) || f != w.bestFit {
			t.Errorf("person %d: best %v %v, want %v %v", p, best, f, w.best, w.bestFit)
		}
	}
	wantStats := []ProfileStat{
		{Target: 3, Need: 3, Specialists: 2, Fitting: 1, Expected: 1, ExpectedByRole: 1, ExpectedAssessed: 1, ExpectedFitting: 1},
		{Target: 2, Need: 2, Specialists: 2, Fitting: 0, Expected: 1, ExpectedByRole: 0, ExpectedAssessed: 1, ExpectedFitting: 0},
	}
	if !reflect.DeepEqual(res.Profiles, wantStats) {
		t.Errorf("profile stats %+v, want %+v", res.Profiles, wantStats)
	}
}

func TestBestTies(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	r := makeRoster(t, fw, []string{"P1", "P2", "Q1"},
		rp{"Ann", "E1", "", "", nil, []int8{3, 3, 2}}, // P 0.5, Q 0.5: both best
		rp{"Bo", "E2", "", "", nil, []int8{0, 0, 0}},  // nothing: no best profile
	)
	res := analyze(t, fw, r, DefaultSettings())
	if best, f := res.Best(0); !reflect.DeepEqual(best, []int{0, 1}) || f != 0.5 {
		t.Errorf("Ann: best %v %v, want [0 1] 0.5", best, f)
	}
	if best, f := res.Best(1); len(best) != 0 || f != 0 {
		t.Errorf("Bo: best %v %v, want none", best, f)
	}
}

func holeString(res *Result, h Hole) string {
	var names []string
	for _, p := range h.People {
		names = append(names, res.People[p].Name)
	}
	s := fmt.Sprintf("%s %s %s %d [%s]", h.Kind, h.Node.ID, h.Tier, h.Effort, strings.Join(names, " "))
	if h.HasCoverage {
		s += fmt.Sprintf(" cov=%.3f", h.Coverage)
	}
	return s
}

func holeStrings(res *Result, hs []Hole) []string {
	out := []string{}
	for _, h := range hs {
		out = append(out, holeString(res, h))
	}
	return out
}

func TestHolesRanked(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	res := analyze(t, fw, tinyRoster(t, fw), DefaultSettings())
	want := []string{
		// Tier 1, profiles first. Q: Bo is expected to hold it (roster),
		// assessed, and does not fit: none of those expected fits. Effort:
		// Bo's Q2 1→2, and, for the second specialist, the cheapest other
		// candidate (Ann: Q2 from 0 to 2).
		"profile Q cannot-deliver 3 [Bo]",
		// Basis coverage below 0.8, effort 1 each, in framework order.
		"basis A1 cannot-deliver 1 [Cy] cov=0.667",  // Ann 3≥3, Bo 2≥2, Cy 1<2
		"basis A2a cannot-deliver 1 [Bo] cov=0.500", // Ann met, Bo 1<2, Cy unassessed
		"basis A2b cannot-deliver 1 [Ann] cov=0.000",
		// Tier 2. P: Ann (expected, by role) fits; one of 2 specialists.
		// The cheapest second is Cy: P1–P3 from unassessed (0) to 3, two of
		// them: 6.
		"profile P fragile 6 []",
		// Single points, effort first: P2 next best Bo at 0; P3 no one
		// else assessed, so from the scale's 0; P1 Bo at 1; P4 Ann at 1;
		// Q2 (T 2) Bo at 1. A1 and A2a, which Ann alone holds, are basis
		// holes already.
		"single-point P2 fragile 3 [Ann]",
		"single-point P3 fragile 3 [Ann]",
		"single-point P1 fragile 2 [Ann]",
		"single-point P4 fragile 2 [Cy]",
		"single-point Q2 fragile 1 [Cy]",
		// Tier 3: B1 is required of Bo and Cy (2 each) and neither is
		// assessed.
		"unassessed B1 unknown 4 [Bo Cy]",
	}
	if got := holeStrings(res, res.Holes); !reflect.DeepEqual(got, want) {
		t.Errorf("holes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !res.HasHoles() || !res.HasGaps() {
		t.Errorf("HasHoles %v HasGaps %v, want true true", res.HasHoles(), res.HasGaps())
	}
	q, p := res.Holes[0].Profile, res.Holes[4].Profile
	wantQ := &ProfileHole{Expected: 1, Assessed: 1, Specialists: 2,
		Bottlenecks: []Bottleneck{{Leaf: 9, Below: 1, Holders: 1}},       // Q2: Bo below; Cy holds it
		Candidates:  []Candidate{{Person: 1, Effort: 1}, {0, 2}, {2, 2}}} // Bo, then Ann and Cy in roster order
	if !reflect.DeepEqual(q, wantQ) {
		t.Errorf("profile Q hole %+v, want %+v", q, wantQ)
	}
	wantP := &ProfileHole{Expected: 1, ExpectedByRole: 1, Assessed: 1, Fitting: 1, FittingAll: 1, Specialists: 2,
		// nobody expected lacks it: what keeps the candidates (Cy, Bo) from it
		Bottlenecks: []Bottleneck{{4, 1, 1}, {5, 1, 1}, {7, 1, 1}},
		Candidates:  []Candidate{{2, 6}, {1, 8}}}
	if !reflect.DeepEqual(p, wantP) {
		t.Errorf("profile P hole %+v, want %+v", p, wantP)
	}
	// The roles behind a basis hole: Cy (no role, default 2) on A1; Ann
	// (lead, 3) on A2b.
	if a1 := res.Holes[1]; !reflect.DeepEqual(a1.Roles, []RoleNeed{{Role: 2, Level: 2, Gaps: 1}}) || a1.Holders != 1 || a1.Teachers != 1 {
		t.Errorf("A1 roles %+v holders %d teachers %d", a1.Roles, a1.Holders, a1.Teachers)
	}
	if a2b := res.Holes[3]; !reflect.DeepEqual(a2b.Roles, []RoleNeed{{Role: 0, Level: 3, Gaps: 1}}) {
		t.Errorf("A2b roles %+v", a2b.Roles)
	}
	// Leaf figures and holders.
	a1 := res.Leaves[0]
	if a1.Required != 3 || a1.Assessed != 3 || a1.Met != 2 || a1.GapSum != 1 || a1.Holders != 1 {
		t.Errorf("A1 figures %+v", a1)
	}
	if h := res.Holders(8); !reflect.DeepEqual(h, []int32{0, 1}) { // Q1 at ≥ T 2: Ann 2, Bo 3
		t.Errorf("Q1 holders %v, want [0 1]", h)
	}
}

func TestByTeam(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	s := DefaultSettings()
	s.ByTeam, s.ByRole = true, true
	res := analyze(t, fw, tinyRoster(t, fw), s)
	if len(res.Teams) != 2 || res.Teams[0].Name != "X" || res.Teams[1].Name != "Y" {
		t.Fatalf("teams %+v", res.Teams)
	}
	wantX := []string{
		"profile Q cannot-deliver 3 [Bo]",
		"basis A2a cannot-deliver 1 [Bo] cov=0.500",
		"basis A2b cannot-deliver 1 [Ann] cov=0.000",
		// Ann (expected) fits P; the team's second specialist would be Bo
		// (P1 1→3, P2 0→3, P3 0→3).
		"profile P fragile 8 []",
		"single-point P2 fragile 3 [Ann]",
		"single-point P3 fragile 3 [Ann]",
		"single-point P1 fragile 2 [Ann]",
		"single-point A1 fragile 1 [Ann]", // A1 is no hole in team X: Bo meets his 2
		"unassessed B1 unknown 2 [Bo]",    // Ann's B1 is not required (R = 0)
	}
	// Cy is expected to hold no profile and fits none: no profile hole and no
	// single point on a profile leaf in team Y.
	wantY := []string{
		"basis A1 cannot-deliver 1 [Cy] cov=0.000",
		"unassessed A2a unknown 2 [Cy]",
		"unassessed A2b unknown 2 [Cy]",
		"unassessed B1 unknown 2 [Cy]",
	}
	if got := holeStrings(res, res.Teams[0].Holes); !reflect.DeepEqual(got, wantX) {
		t.Errorf("team X holes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantX, "\n"))
	}
	if got := holeStrings(res, res.Teams[1].Holes); !reflect.DeepEqual(got, wantY) {
		t.Errorf("team Y holes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantY, "\n"))
	}
	// Roles: lead (Ann) holds P, which the role expects: Q, which no lead
	// is expected to hold or fits, is not the role's hole. A second
	// specialist for P would be a newcomer: 3 leaves from 0 to 3.
	if len(res.RoleGroups) != 3 || res.RoleGroups[0].Name != "lead" || res.RoleGroups[0].Role != 0 {
		t.Fatalf("role groups %+v", res.RoleGroups)
	}
	wantLead := []string{
		"basis A2b cannot-deliver 1 [Ann] cov=0.000",
		"profile P fragile 9 []",
		"single-point A1 fragile 3 [Ann]",
		"single-point A2a fragile 3 [Ann]",
		"single-point P1 fragile 3 [Ann]",
		"single-point P2 fragile 3 [Ann]",
		"single-point P3 fragile 3 [Ann]",
	}
	if got := holeStrings(res, res.RoleGroups[0].Holes); !reflect.DeepEqual(got, wantLead) {
		t.Errorf("role lead holes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantLead, "\n"))
	}
	// Aide (Bo): Q, expected of him, needs him (Q2 1→2) and a newcomer
	// (2 leaves × 2 levels).
	wantAide := []string{
		"profile Q cannot-deliver 5 [Bo]",
		"basis A2a cannot-deliver 1 [Bo] cov=0.000",
		"single-point Q1 fragile 2 [Bo]",
		"unassessed B1 unknown 2 [Bo]",
		"unassessed A2b unknown 1 [Bo]",
	}
	if got := holeStrings(res, res.RoleGroups[1].Holes); !reflect.DeepEqual(got, wantAide) {
		t.Errorf("role aide holes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantAide, "\n"))
	}
	// The whole roster's holes do not depend on ByTeam.
	plain := analyze(t, fw, tinyRoster(t, fw), DefaultSettings())
	if !reflect.DeepEqual(holeStrings(res, res.Holes), holeStrings(plain, plain.Holes)) {
		t.Errorf("whole-roster holes differ with ByTeam")
	}
	if !reflect.DeepEqual(res.Leaves, plain.Leaves) || res.Summary != plain.Summary ||
		!reflect.DeepEqual(res.Profiles, plain.Profiles) {
		t.Errorf("whole-roster figures differ with ByTeam")
	}
	if !reflect.DeepEqual(res.Teams[0].Members, []int32{0, 1}) || !reflect.DeepEqual(res.Teams[1].Members, []int32{2}) {
		t.Errorf("members %v %v", res.Teams[0].Members, res.Teams[1].Members)
	}
	// A role's coverage: lead (Ann) meets A1 and A2a, not A2b.
	if c, ok := res.RoleGroups[0].Leaves[2].Coverage(); !ok || c != 0 {
		t.Errorf("lead A2b coverage %v %v", c, ok)
	}
}

func TestTeamFilter(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	s := DefaultSettings()
	s.Team = " x "
	res := analyze(t, fw, tinyRoster(t, fw), s)
	if len(res.People) != 2 || res.People[1].Name != "Bo" {
		t.Fatalf("people %d", len(res.People))
	}
	if h := res.Holes[len(res.Holes)-1]; h.Kind != KindUnassessed || h.Node.ID != "B1" || h.Effort != 2 {
		t.Errorf("team X last hole: %s", holeString(res, h))
	}
}

func TestPersonFilter(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	for _, q := range []string{"bo", "E2", " BO "} {
		s := DefaultSettings()
		s.Person = q
		res := analyze(t, fw, tinyRoster(t, fw), s)
		if !reflect.DeepEqual(res.Listed, []int32{1}) {
			t.Errorf("%q: listed %v, want [1]", q, res.Listed)
		}
		if len(res.Holes) != 11 {
			t.Errorf("%q: %d holes, want the unit's 11", q, len(res.Holes))
		}
		n := 0
		for i, p := range res.ListedPeople() {
			n++
			if i != 1 || p.Name != "Bo" {
				t.Errorf("%q: listed %d %s", q, i, p.Name)
			}
		}
		if n != 1 {
			t.Errorf("%q: %d listed", q, n)
		}
	}
}

func TestErrors(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	tests := []struct {
		name string
		edit func(*Settings)
		want string
	}{
		{"coverage", func(s *Settings) { s.Coverage = 1.5 }, "coverage threshold 1.5 is not between 0 and 1"},
		{"fit", func(s *Settings) { s.Fit = -0.1 }, "fit threshold -0.1 is not between 0 and 1"},
		{"target", func(s *Settings) { s.Target = 7 }, "target level 7 is not on the scale of tiny (0–4)"},
		{"team", func(s *Settings) { s.Team = "Z" }, `no person in team "Z" of team.xlsx (teams: X, Y)`},
		{"person", func(s *Settings) { s.Person = "Di" }, `no person with id or name "Di" in team.xlsx`},
		{"person in team", func(s *Settings) { s.Person = "Cy"; s.Team = "X" },
			`no person with id or name "Cy" in team "X" of team.xlsx`},
	}
	for _, tt := range tests {
		s := DefaultSettings()
		tt.edit(&s)
		_, err := Analyze(fw, tinyRoster(t, fw), s)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
	r := tinyRoster(t, fw)
	r.Persons[1].Scores = r.Persons[1].Scores[:3]
	if _, err := Analyze(fw, r, DefaultSettings()); err == nil ||
		err.Error() != "team.xlsx: row 3 has 3 scores for 11 competence columns" {
		t.Errorf("short scores: %v", err)
	}
}

func TestRequirementsPrecedence(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	r := makeRoster(t, fw, []string{"A1"},
		rp{"Ann", "E1", "lead", "", nil, []int8{1}},
		rp{"Bo", "E2", "temp", "", nil, []int8{1}},
		rp{"Cy", "E3", "ghost", "", nil, []int8{1}},
		rp{"Di", "E4", "", "", nil, []int8{1}},
	)
	// Sheet beats file beats role beats default; keys on groups apply
	// below them, a deeper key overrides within a layer.
	r.Requirements = map[string][]framework.Requirement{
		"lead": {{Node: "A1", Level: 1}},
		"temp": {{Node: "B", Level: 1}},
	}
	s := DefaultSettings()
	s.FileRequirements = map[string][]framework.Requirement{
		"lead": {{Node: "A1", Level: 2}, {Node: "A2b", Level: 2}},
		"temp": {{Node: "A", Level: 4}, {Node: "A2", Level: 0}},
	}
	res := analyze(t, fw, r, s)
	want := map[string][]int8{
		"lead":  {1, 3, 2, 0}, // A1 sheet, A2a role, A2b file, B1 role 0
		"temp":  {4, 0, 0, 1}, // A from file, A2 from file overrides it, B sheet
		"ghost": {2, 2, 2, 2}, // unknown: the default
		"":      {2, 2, 2, 2},
	}
	for _, ro := range res.Roles {
		if !reflect.DeepEqual(ro.Required, want[ro.ID]) {
			t.Errorf("role %q: required %v, want %v", ro.ID, ro.Required, want[ro.ID])
		}
		if ro.Persons != 1 {
			t.Errorf("role %q: %d persons", ro.ID, ro.Persons)
		}
	}
	if len(res.Roles) != 4 {
		t.Errorf("%d roles, want 4", len(res.Roles))
	}
	wantWarn := []string{`team.xlsx: role "ghost" is defined neither by framework tiny nor by the requirements: ` +
		`its persons are measured against the framework's default level 2; ` +
		`give the role's levels in a requirements file or sheet, or use a role of the framework`}
	if !reflect.DeepEqual(res.Warnings, wantWarn) {
		t.Errorf("warnings %q, want %q", res.Warnings, wantWarn)
	}
	if got := res.Required(0, 0); got != 1 {
		t.Errorf("Required(Ann, A1) = %d, want 1", got)
	}
	if got := res.Required(0, 5); got != 0 {
		t.Errorf("Required(Ann, P2) = %d, want 0 (profile leaf)", got)
	}
}

// TestExpected: the roster's profiles column replaces the role's
// expectation; those expected and assessed who do not fit make one hole per
// profile, not one per person.
func TestExpected(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	r := makeRoster(t, fw, []string{"P1", "P2", "P3", "P4", "Q1", "Q2"},
		// lead with an explicit profiles column: Q replaces the role's P.
		rp{"Ann", "E1", "lead", "", []string{"Q", "nope", "Q"}, []int8{0, 0, 0, 0, 2, 2}},
		// lead without: P from the role; P1 2, P2 1, P3 blank, P4 3 → 1 at
		// target, needs 2 more: the cheapest shortfalls are P1 (1) and P2
		// (2) → 3.
		rp{"Bo", "E2", "lead", "", nil, []int8{2, 1, u, 3, 0, 0}},
		rp{"Cy", "E3", "lead", "", nil, []int8{2, 1, u, 3, 0, 0}},
	)
	s := DefaultSettings()
	s.MinSpecialists = 0
	res := analyze(t, fw, r, s)
	if !reflect.DeepEqual(res.People[0].Expected, []int32{1}) || res.People[0].ExpectedByRole {
		t.Errorf("Ann expected %v (by role %v), want [1] from the roster", res.People[0].Expected, res.People[0].ExpectedByRole)
	}
	if !reflect.DeepEqual(res.People[1].Expected, []int32{0}) || !res.People[1].ExpectedByRole {
		t.Errorf("Bo expected %v, want [0] from the role", res.People[1].Expected)
	}
	want := []string{
		"profile P cannot-deliver 6 [Bo Cy]", // Bo 3 + Cy 3
		"single-point Q1 fragile 2 [Ann]",    // Ann fits Q, expected of her
		"single-point Q2 fragile 2 [Ann]",
		"unassessed A1 unknown 9 [Ann Bo Cy]", // three leads, R 3, none assessed
		"unassessed A2a unknown 9 [Ann Bo Cy]",
		"unassessed A2b unknown 9 [Ann Bo Cy]",
	}
	if got := holeStrings(res, res.Holes); !reflect.DeepEqual(got, want) {
		t.Errorf("holes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantP := &ProfileHole{Expected: 2, ExpectedByRole: 2, Assessed: 2,
		Bottlenecks: []Bottleneck{{4, 2, 0}, {5, 2, 0}},  // P1 and P2: both below, no one holds them
		Candidates:  []Candidate{{1, 3}, {2, 3}, {0, 9}}} // Ann last: all four from 0
	if got := res.Holes[0].Profile; !reflect.DeepEqual(got, wantP) {
		t.Errorf("profile P %+v, want %+v", got, wantP)
	}
	if want := []string{`team.xlsx: "nope" in the profiles column is not a profile of framework tiny (profiles: P, Q): ignored`}; !reflect.DeepEqual(res.Warnings, want) {
		t.Errorf("warnings %q", res.Warnings)
	}
	// Profile gaps of an expected profile list the assessed leaves below T.
	wantPG := []Gap{{4, 3, 2}, {5, 3, 1}}
	if !reflect.DeepEqual(res.People[1].ProfileGaps, wantPG) {
		t.Errorf("Bo profile gaps %v, want %v", res.People[1].ProfileGaps, wantPG)
	}
	if g := res.ProfileGapsIn(1, 0); !reflect.DeepEqual(g, wantPG) {
		t.Errorf("Bo gaps in P %v, want %v", g, wantPG)
	}
	if g := res.ProfileGapsIn(1, 1); len(g) != 0 {
		t.Errorf("Bo gaps in Q %v, want none", g)
	}
	if n := res.ProfileNotAssessed(1, 0); n != 1 {
		t.Errorf("Bo P not assessed %d, want 1", n)
	}
}

// TestNotAssessedIsNotZero: a person expected to hold a profile but
// assessed on none of its leaves is not a mismatch and not a candidate; when
// nobody expected was assessed, the hole says so (unknown).
func TestNotAssessedIsNotZero(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	r := makeRoster(t, fw, []string{"P1", "P2", "P3", "P4"},
		rp{"Ann", "E1", "lead", "", nil, []int8{u, u, u, u}}, // P by role, nothing assessed
		rp{"Bo", "E2", "", "", nil, []int8{3, 3, 3, u}},      // fits P, not expected to
	)
	s := DefaultSettings()
	s.MinSpecialists = 1
	res := analyze(t, fw, r, s)
	var p *Hole
	for i, h := range res.Holes {
		if h.Kind == KindProfile {
			p = &res.Holes[i]
		}
	}
	// one specialist is enough; Ann's fit is unknown: 1 expected × need 3
	// × 3 levels at most.
	if p == nil || p.Tier != TierUnknown || p.Effort != 9 || len(p.People) != 0 ||
		!reflect.DeepEqual(p.Profile.NotAssessed, []int32{0}) || len(p.Profile.Candidates) != 0 {
		t.Fatalf("profile P hole %+v", p)
	}
	if res.Fits(0, 0) || res.ProfileAssessed(0, 0) != 0 {
		t.Error("Ann fits or was assessed")
	}
	if talk := res.Talk(0); !reflect.DeepEqual(talk.ProfilesNotAssessed, []int32{0}) || len(talk.Needs) != 0 {
		t.Errorf("Ann's talk: %+v", talk)
	}
	// Partly assessed: "k of n, m not assessed".
	if k, n := res.AtTarget(1, 0), res.ProfileNotAssessed(1, 0); k != 3 || n != 1 {
		t.Errorf("Bo: %d at target, %d not assessed", k, n)
	}
}

// TestNoProfileCell: a profiles cell saying "no profile" (an empty, not nil,
// list) keeps the role's expectation away.
func TestNoProfileCell(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	r := makeRoster(t, fw, []string{"P1"},
		rp{"Ann", "E1", "lead", "", []string{}, []int8{1}},
		rp{"Bo", "E2", "lead", "", nil, []int8{1}},
	)
	res := analyze(t, fw, r, DefaultSettings())
	if len(res.People[0].Expected) != 0 || res.People[0].ExpectedByRole {
		t.Errorf("Ann expected %v", res.People[0].Expected)
	}
	if !reflect.DeepEqual(res.People[1].Expected, []int32{0}) || !res.People[1].ExpectedByRole {
		t.Errorf("Bo expected %v", res.People[1].Expected)
	}
	if res.Profiles[0].Expected != 1 {
		t.Errorf("P expected of %d", res.Profiles[0].Expected)
	}
}

func TestRoleProfilesOnce(t *testing.T) {
	// A role listing a profile twice, out of framework order, expects each
	// once in framework order: one hole and one set of gaps per profile.
	fw := parseFW(t, tinyYAML+"  - {id: both, name: Both, profiles: [Q, P, Q]}\n")
	r := makeRoster(t, fw, []string{"P1", "Q1"}, rp{"Ann", "E1", "both", "", nil, []int8{1, 1}})
	s := DefaultSettings()
	s.MinSpecialists = 0
	res := analyze(t, fw, r, s)
	ann := res.People[0]
	if !reflect.DeepEqual(ann.Expected, []int32{0, 1}) || !ann.ExpectedByRole {
		t.Errorf("expected %v (by role %v), want [0 1] from the role", ann.Expected, ann.ExpectedByRole)
	}
	if want := []Gap{{4, 3, 1}, {8, 2, 1}}; !reflect.DeepEqual(ann.ProfileGaps, want) {
		t.Errorf("profile gaps %v, want %v", ann.ProfileGaps, want)
	}
	if res.Profiles[1].Expected != 1 {
		t.Errorf("Q expected %d times, want 1", res.Profiles[1].Expected)
	}
	var got []string
	for _, h := range res.Holes {
		if h.Kind == KindProfile {
			got = append(got, holeString(res, h))
		}
	}
	// P: 3 leaves to raise (P1 from 1, P2 and P3 from 0) = 2+3+3; Q: Q1 1→2
	// and Q2 0→2.
	if want := []string{"profile P cannot-deliver 8 [Ann]", "profile Q cannot-deliver 3 [Ann]"}; !reflect.DeepEqual(got, want) {
		t.Errorf("profile holes %q, want %q", got, want)
	}
}

func TestOverrides(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	s := DefaultSettings()
	s.Target, s.Fit = 2, 0.5
	res := analyze(t, fw, tinyRoster(t, fw), s)
	if res.Settings.Target != 2 || res.Settings.Fit != 0.5 {
		t.Errorf("settings %+v", res.Settings)
	}
	for l, tg := range res.Targets {
		if tg != 2 {
			t.Errorf("leaf %d target %d, want 2", l, tg)
		}
	}
	// P needs 2 of 4 at ≥ 2, Q 1 of 2.
	if res.Profiles[0].Need != 2 || res.Profiles[1].Need != 1 {
		t.Errorf("needs %d %d", res.Profiles[0].Need, res.Profiles[1].Need)
	}
	if !res.Fits(1, 1) || res.Fits(1, 0) || !res.Fits(2, 1) {
		t.Errorf("fits with overrides wrong")
	}
	d := analyze(t, fw, tinyRoster(t, fw), DefaultSettings())
	if d.Settings.Target != 3 || d.Settings.Fit != 0.75 {
		t.Errorf("default settings resolved to %+v", d.Settings)
	}
}

func TestCoverageThreshold(t *testing.T) {
	// 4 of 5 meeting is exactly 0.8: not a hole; 3 of 4 is.
	fw := parseFW(t, tinyYAML)
	mk := func(levels ...int8) *roster.Roster {
		var ps []rp
		for i, l := range levels {
			ps = append(ps, rp{fmt.Sprint("P", i), fmt.Sprint(i), "aide", "", nil, []int8{l}})
		}
		return makeRoster(t, fw, []string{"A1"}, ps...)
	}
	res := analyze(t, fw, mk(2, 2, 2, 2, 1), DefaultSettings())
	for _, h := range res.Holes {
		if h.Kind == KindBasis {
			t.Errorf("0.8 coverage gave %s", holeString(res, h))
		}
	}
	res = analyze(t, fw, mk(2, 2, 2, 0, u), DefaultSettings())
	var basis []string
	for _, h := range res.Holes {
		if h.Kind == KindBasis {
			basis = append(basis, holeString(res, h))
		}
	}
	if want := []string{"basis A1 cannot-deliver 2 [P3] cov=0.750"}; !reflect.DeepEqual(basis, want) {
		t.Errorf("basis holes %q, want %q", basis, want)
	}
	s := DefaultSettings()
	s.Coverage = 0
	res = analyze(t, fw, mk(0, 0), s)
	for _, h := range res.Holes {
		if h.Kind == KindBasis {
			t.Errorf("coverage 0 gave %s", holeString(res, h))
		}
	}
}

func TestProfileHoleMinSpecialists(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	r := makeRoster(t, fw, []string{"Q1", "Q2"},
		rp{"Ann", "E1", "", "", nil, []int8{2, 2}}, // fits Q
		rp{"Bo", "E2", "", "", nil, []int8{2, 1}},  // cost 1
	)
	s := DefaultSettings()
	s.MinSpecialists = 3
	res := analyze(t, fw, r, s)
	var q *Hole
	for i := range res.Holes {
		if res.Holes[i].Kind == KindProfile && res.Holes[i].Node.ID == "Q" {
			q = &res.Holes[i]
		}
	}
	// Two more specialists: Bo (1) and a newcomer (2 leaves × 2 levels).
	if q == nil || q.Tier != TierFragile || q.Effort != 5 || len(q.People) != 0 ||
		q.Profile.FittingAll != 1 || q.Profile.Specialists != 3 || !reflect.DeepEqual(q.Profile.Candidates, []Candidate{{1, 1}}) {
		t.Fatalf("profile Q hole %+v, want effort 5, Bo the candidate", q)
	}
	// Without a setting, each profile needs DefaultSpecialists.
	res = analyze(t, fw, r, DefaultSettings())
	if res.Profiles[1].Specialists != DefaultSpecialists {
		t.Errorf("default specialists %d", res.Profiles[1].Specialists)
	}
}

func TestNoHoles(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	r := makeRoster(t, fw, tinyColumns,
		rp{"Ann", "E1", "", "", nil, []int8{4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4}},
		rp{"Bo", "E2", "", "", nil, []int8{3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}},
	)
	res := analyze(t, fw, r, DefaultSettings())
	if res.HasHoles() || res.HasGaps() || len(res.Holes) != 0 {
		t.Errorf("holes %q", holeStrings(res, res.Holes))
	}
}

func TestKindString(t *testing.T) {
	want := []string{"profile", "basis", "single-point", "unassessed"}
	for i, k := range Kinds {
		if k.String() != want[i] {
			t.Errorf("kind %d: %s", i, k)
		}
	}
	if Kind(9).String() != "unknown" {
		t.Errorf("Kind(9)")
	}
	tiers := []string{"cannot-deliver", "fragile", "unknown", "developing"}
	for i, tr := range Tiers {
		if tr.String() != tiers[i] || int(tr) != i+1 {
			t.Errorf("tier %d: %s", i, tr)
		}
	}
}

func TestNeed(t *testing.T) {
	tests := []struct {
		n    int
		fit  float64
		want int
	}{{4, 0.75, 3}, {9, 0.75, 7}, {3, 0.75, 3}, {5, 0.75, 4}, {5, 0.8, 4}, {2, 0.5, 1}, {4, 0, 0}, {4, 1, 4}, {10, 0.7, 7}}
	for _, tt := range tests {
		if got := needFor(tt.n, tt.fit); got != tt.want {
			t.Errorf("needFor(%d, %g) = %d, want %d", tt.n, tt.fit, got, tt.want)
		}
	}
}

func TestEmpty(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	tests := []struct {
		r    *roster.Roster
		want []string
	}{
		// No one: nobody fits either profile; two specialists each, both
		// newcomers (P: 3 leaves from 0 to 3; Q: 2 leaves from 0 to 2).
		{makeRoster(t, fw, nil), []string{"profile P fragile 18 []", "profile Q fragile 8 []"}},
		// One lead with no score columns at all: P is expected of her, but
		// she was not assessed, so she is no candidate.
		{makeRoster(t, fw, nil, rp{"Ann", "E1", "lead", "", nil, nil}), []string{
			"profile P fragile 18 []", "profile Q fragile 8 []",
			"unassessed A1 unknown 3 [Ann]", "unassessed A2a unknown 3 [Ann]", "unassessed A2b unknown 3 [Ann]"}},
	}
	for _, tt := range tests {
		s := DefaultSettings()
		s.ByTeam = true
		res := analyze(t, fw, tt.r, s)
		if got := holeStrings(res, res.Holes); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("holes %q, want %q", got, tt.want)
		}
	}
}

func TestScaleFromOne(t *testing.T) {
	// Shortfalls of unassessed leaves count from the scale's lowest level.
	fw := parseFW(t, frameworkYAML("one", 1, "{required: 3, target: 4, fit: 0.5}", `
basis:
  - id: G
    name: G
    items: [{id: G1, name: g1}, {id: G2, name: g2}]
profiles:
  - id: P
    name: P
    items: [{id: P1, name: p1}, {id: P2, name: p2}]
`))
	r := makeRoster(t, fw, []string{"G1", "P1"},
		rp{"Ann", "E1", "", "", nil, []int8{u, 4}},
		rp{"Bo", "E2", "", "", nil, []int8{u, u}},
	)
	s := DefaultSettings()
	s.MinSpecialists = 2
	res := analyze(t, fw, r, s)
	want := []string{
		"profile P fragile 3 []",           // Bo is not assessed: a newcomer, one leaf from 1 to 4
		"single-point P1 fragile 3 [Ann]",  // no one else assessed: from 1 to 4
		"unassessed G1 unknown 4 [Ann Bo]", // 2 × (3 − 1)
		"unassessed G2 unknown 4 [Ann Bo]",
	}
	if got := holeStrings(res, res.Holes); !reflect.DeepEqual(got, want) {
		t.Errorf("holes %q, want %q", got, want)
	}
}

// TestTalk: Bo's development talk, by hand on the tiny roster.
func TestTalk(t *testing.T) {
	fw := parseFW(t, tinyYAML)
	res := analyze(t, fw, tinyRoster(t, fw), DefaultSettings())
	got := res.Talk(1)
	want := Talk{
		Person: 1,
		// Q1 at 3 (target 2); without a teaching level, the target is
		// where one can teach.
		Strengths: []Strength{{Leaf: 8, Level: 3, Teaches: true}},
		// A2a 1 of a required 2; Q2 1 of the target 2 in Q, expected of Bo.
		Needs:       []Need{{Gap{1, 2, 1}, -1}, {Gap{9, 2, 1}, 1}},
		NotAssessed: []int32{2, 3}, // A2b and B1 are required of an aide
		// Both needs are holes of the unit (A2a a basis hole, Q2 the
		// bottleneck of Q); Ann, in Bo's team, can teach A2a; Cy, in
		// another, Q2.
		Focus: []Focus{
			{Need: Need{Gap{1, 2, 1}, -1}, UnitHole: true, Helpers: []int32{0}},
			{Need: Need{Gap{9, 2, 1}, 1}, UnitHole: true, Helpers: []int32{2}},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("talk\n%+v\nwant\n%+v", got, want)
	}
}

// TestDefaultsUsed: the roles measured against the framework's levels
// alone, and the persons whose profiles come from their role.
func TestDefaultsUsed(t *testing.T) {
	// a framework whose levels and roles are the job centre's own: no note
	fw := parseFW(t, tinyYAML)
	res := analyze(t, fw, tinyRoster(t, fw), DefaultSettings())
	if res.Defaults.Roles != nil || res.Defaults.Expectations != 0 {
		t.Errorf("defaults of a local framework %+v", res.Defaults)
	}
	// huller's defaults, as in every built-in framework
	fw = parseFW(t, "origin: huller\n"+tinyYAML)
	res = analyze(t, fw, tinyRoster(t, fw), DefaultSettings())
	if want := (DefaultsUsed{Roles: []int32{0, 1, 2}, Expectations: 1}); !reflect.DeepEqual(res.Defaults, want) {
		t.Errorf("defaults %+v, want %+v", res.Defaults, want)
	}
	r := tinyRoster(t, fw)
	r.Requirements = map[string][]framework.Requirement{"aide": {{Node: "A1", Level: 1}}}
	s := DefaultSettings()
	s.FileRequirements = map[string][]framework.Requirement{"lead": {{Node: "A1", Level: 2}}}
	res = analyze(t, fw, r, s)
	if want := []int32{2}; !reflect.DeepEqual(res.Defaults.Roles, want) {
		t.Errorf("roles on defaults %v, want %v", res.Defaults.Roles, want)
	}
	// a Requirements sheet that repeats huller's levels (a template's,
	// left as it came) leaves them huller's
	r = tinyRoster(t, fw)
	r.Requirements = map[string][]framework.Requirement{"aide": {{Node: "A2b", Level: 1}}, "lead": {{Node: "A1", Level: 2}}}
	res = analyze(t, fw, r, DefaultSettings())
	var onDefaults []string
	for _, i := range res.Defaults.Roles {
		onDefaults = append(onDefaults, res.Roles[i].ID)
	}
	if want := []string{"aide", ""}; !reflect.DeepEqual(onDefaults, want) {
		t.Errorf("roles on defaults %q, want %q", onDefaults, want)
	}
}
