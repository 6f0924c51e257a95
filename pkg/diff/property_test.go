package diff

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/rostertest"
	"github.com/huller/huller/pkg/roster"
)

func builtin(t testing.TB, id string) *framework.Framework {
	t.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

// later returns a later mapping of r: some persons left, some joined, some
// changed levels, roles, teams or were not assessed again; with dates and
// assessors on both sides.
func later(rng *rand.Rand, fw *framework.Framework, r *roster.Roster, seed uint64) (*roster.Roster, *roster.Roster) {
	assessors := []string{"Lise Holm", "Ole Krogh", "Kim Bach", ""}
	for i := range r.Persons {
		p := &r.Persons[i]
		p.Assessor = assessors[rng.IntN(len(assessors))]
		p.Assessed = roster.Date(46000 + rng.IntN(300))
		if rng.IntN(10) == 0 {
			p.ID = "" // matched by name
		}
	}
	joiners := rostertest.Generate(fw, 1+rng.IntN(8), 3, seed+1)
	out := &roster.Roster{Source: "later.csv", Columns: r.Columns, Requirements: r.Requirements}
	roles := []string{"jobkonsulent", "sagsbehandler", "mentor"}
	for i := range r.Persons {
		if rng.IntN(8) == 0 {
			continue // left
		}
		p := r.Persons[i]
		p.Scores = append([]int8(nil), p.Scores...)
		for l := range p.Scores {
			switch rng.IntN(12) {
			case 0:
				p.Scores[l] = min(p.Scores[l]+1, 4)
			case 1:
				p.Scores[l] = max(p.Scores[l]-1, 0)
			case 2:
				p.Scores[l] = roster.Unassessed
			}
		}
		if rng.IntN(6) == 0 {
			p.Role = roles[rng.IntN(len(roles))]
		}
		if rng.IntN(6) == 0 {
			p.Team = "Team 99"
		}
		if rng.IntN(3) > 0 {
			p.Assessed += roster.Date(300 + rng.IntN(100))
			if rng.IntN(3) == 0 {
				p.Assessor = assessors[rng.IntN(len(assessors))]
			}
		}
		out.Persons = append(out.Persons, p)
	}
	for i, p := range joiners.Persons {
		p.ID = fmt.Sprintf("J%03d", i)
		p.Name = fmt.Sprintf("New Person %d", i)
		out.Persons = append(out.Persons, p)
	}
	return r, out
}

// TestProperties checks, on random pairs of rosters: the same roster twice
// is no change; each side's figures are huller analyze's on that roster
// alone; the steps end at After, and their states are what the analysis
// gives the persons and levels then present; every hole and person of
// either side is accounted for once; the reverse comparison mirrors it.
func TestProperties(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	idOnOneSide := 0 // pairs matched by name, one of them with an id
	for seed := uint64(1); seed <= 40; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		a, b := later(rng, fw, rostertest.Generate(fw, 5+rng.IntN(60), 1+rng.IntN(4), seed), seed)
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			same(t, fw, a)
			res := compare(t, input(fw, a), input(fw, b))
			alone(t, fw, a, res.Before)
			alone(t, fw, b, res.After)
			accounted(t, res)
			chain(t, res)
			mirrored(t, res, compare(t, input(fw, b), input(fw, a)))
			nameMatches(t, a, b, res)
			mixed := mixIDs(b)
			idOnOneSide += nameMatches(t, a, mixed, compare(t, input(fw, a), input(fw, mixed)))
		})
	}
	if idOnOneSide < 20 {
		t.Errorf("%d pairs matched by name with an id on one side: too few to test NameMatches", idOnOneSide)
	}
}

// mixIDs returns r with every third person's id taken away, and an id
// given to every other person without one: persons with an id on one side
// only, whom Compare matches by name.
func mixIDs(r *roster.Roster) *roster.Roster {
	out := *r
	out.Persons = slices.Clone(r.Persons)
	for i := range out.Persons {
		p := &out.Persons[i]
		switch {
		case p.ID == "" && i%2 == 0:
			p.ID = fmt.Sprintf("M%03d", i)
		case i%3 == 0:
			p.ID = ""
		}
	}
	return &out
}

// nameMatches checks NameMatches against the pairs Compare matched by
// name, and against the plan persons matchPlan finds by name (a plan
// naming the persons of the later mapping, followed up in the earlier).
func nameMatches(t *testing.T, a, b *roster.Roster, res *Result) (mixed int) {
	idents := func(r *roster.Roster) []Ident {
		out := make([]Ident, len(r.Persons))
		for i, p := range r.Persons {
			out[i] = Ident{p.Name, p.ID}
		}
		return out
	}
	var want [][2]int
	for _, p := range res.Match.Pairs {
		if p.ByName {
			want = append(want, [2]int{int(p.Before), int(p.After)})
		}
	}
	got := NameMatches(idents(a), idents(b))
	for _, p := range got {
		if (a.Persons[p[0]].ID == "") != (b.Persons[p[1]].ID == "") {
			mixed++
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NameMatches %v, Compare matched by name %v", got, want)
	}
	sp := &SavedPlan{}
	for _, id := range idents(b) {
		sp.Persons = append(sp.Persons, PlanPerson(id))
	}
	found, byName := matchPlan(sp, res.Before)
	want = want[:0]
	for q, j := range found {
		if j >= 0 && (sp.Persons[q].ID == "" || a.Persons[j].ID == "") {
			want = append(want, [2]int{int(j), q})
		}
	}
	if !reflect.DeepEqual(got, want) || byName != len(want) {
		t.Errorf("NameMatches %v, matchPlan found by name %v (%d)", got, want, byName)
	}
	return mixed
}

func same(t *testing.T, fw *framework.Framework, r *roster.Roster) {
	res := compare(t, input(fw, r), input(fw, r))
	if len(res.Steps) != 0 || res.HasRegressions() || !res.Rules.Same || res.Rules.Listed() {
		t.Errorf("R vs R: %d steps, rules %+v", len(res.Steps), res.Rules)
	}
	if res.Match.ByID+res.Match.ByName != len(r.Persons) || len(res.Match.Joined)+len(res.Match.Left) != 0 {
		t.Errorf("R vs R: match %+v", res.Match)
	}
	for _, h := range res.Holes {
		if h.Status != Persisting || len(h.Causes) != 0 || h.Worse() || h.Better() {
			t.Errorf("R vs R: %s", holeLine(h))
		}
	}
	for _, p := range res.People {
		if p.Changed() || p.Assessment == Reassessed || p.OtherAssessor {
			t.Errorf("R vs R: %s", personLine(res, p))
		}
	}
}

// alone checks a side against the analysis of its roster alone.
func alone(t *testing.T, fw *framework.Framework, r *roster.Roster, got *analysis.Result) {
	want, err := analysis.Analyze(fw, r, analysis.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Summary, want.Summary) || !reflect.DeepEqual(got.Leaves, want.Leaves) ||
		!reflect.DeepEqual(got.Profiles, want.Profiles) || !reflect.DeepEqual(holeKeys(got), holeKeys(want)) {
		t.Errorf("%s: the diff's figures differ from the analysis alone", r.Source)
	}
}

func holeKeys(res *analysis.Result) []string {
	var out []string
	for _, h := range res.Holes {
		out = append(out, fmt.Sprintf("%s %s %s %d %v", h.Kind, h.Node.ID, h.Tier, h.Effort, h.People))
	}
	return out
}

func accounted(t *testing.T, res *Result) {
	m := res.Match
	nb, na := len(res.Before.People), len(res.After.People)
	if len(m.Pairs)+len(m.Left) != nb || len(m.Pairs)+len(m.Joined) != na || len(res.People) != na+len(m.Left) ||
		m.ByID+m.ByName != len(m.Pairs) {
		t.Errorf("match %d+%d+%d of %d and %d", len(m.Pairs), len(m.Left), len(m.Joined), nb, na)
	}
	seenB, seenA := map[*analysis.Hole]int{}, map[*analysis.Hole]int{}
	for _, h := range res.Holes {
		if (h.Before == nil) != (h.Status == Opened) || (h.After == nil) != (h.Status == Closed) {
			t.Errorf("hole %s", holeLine(h))
		}
		if h.Before != nil {
			seenB[h.Before]++
		}
		if h.After != nil {
			seenA[h.After]++
		}
		if h.Status == Persisting && (h.Before.Kind != h.After.Kind || h.ID() != h.Before.Node.ID) ||
			h.Status == ChangedKind && (h.Before.Kind == h.After.Kind || h.Before.Node.ID != h.After.Node.ID) {
			t.Errorf("hole %s", holeLine(h))
		}
		if (h.Status == Opened || h.Status == Closed || h.Status == ChangedKind) && len(h.Causes) != 1 {
			t.Errorf("hole %s has no single cause", holeLine(h))
		}
	}
	if len(seenB) != len(res.Before.Holes) || len(seenA) != len(res.After.Holes) {
		t.Errorf("%d of %d holes before and %d of %d after listed", len(seenB), len(res.Before.Holes), len(seenA), len(res.After.Holes))
	}
	for _, p := range res.People {
		if p.Before < 0 || p.After < 0 {
			continue
		}
		n := [5]int{}
		for _, l := range p.Levels {
			n[l.Change]++
			x := res.Before.Level(int(p.Before), int(l.Leaf))
			y := res.After.Level(int(p.After), res.AfterLeaf(int(l.Leaf)))
			if x != l.Before || y != l.After || x == y {
				t.Errorf("%s: level %+v, the analyses say %d and %d", personLine(res, p), l, x, y)
			}
		}
		if n[Up] != p.Up || n[Down] != p.Down || n[Removed] != p.Removed || n[Added] != p.Added {
			t.Errorf("%s: counts", personLine(res, p))
		}
	}
}

// chain checks the steps: one per kind of change, in order, ending at
// After; and that a state built from resolved levels analyses like the
// roster it stands for (the full After, under the same rules).
func chain(t *testing.T, res *Result) {
	if n := len(res.Steps); n > 0 && res.Steps[n-1].State != res.After {
		t.Error("the last state is not After")
	}
	for i := 1; i < len(res.Steps); i++ {
		if res.Steps[i].Kind <= res.Steps[i-1].Kind {
			t.Errorf("steps out of order: %v", res.Steps)
		}
	}
	c := &comparer{in: [2]Input{{Framework: res.Before.Framework, Roster: res.Before.Roster, Settings: analysis.DefaultSettings()},
		{Framework: res.After.Framework, Roster: res.After.Roster, Settings: analysis.DefaultSettings()}}, res: &Result{Before: res.Before, After: res.After}}
	c.mapLeaves()
	c.match()
	c.rules()
	c.people()
	full, err := c.state(StepJoined)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(full.Summary, res.After.Summary) || !reflect.DeepEqual(full.Leaves, res.After.Leaves) ||
		!reflect.DeepEqual(holeKeys(full), holeKeys(res.After)) {
		t.Errorf("the state of every person of After differs from After:\n%v\n%v", holeKeys(full), holeKeys(res.After))
	}
}

// mirrored checks that comparing the other way round swaps what opened and
// closed, who joined and who left.
func mirrored(t *testing.T, res, back *Result) {
	count := func(r *Result) map[HoleStatus]int {
		m := map[HoleStatus]int{}
		for _, h := range r.Holes {
			m[h.Status]++
		}
		return m
	}
	x, y := count(res), count(back)
	if x[Opened] != y[Closed] || x[Closed] != y[Opened] || x[Persisting] != y[Persisting] || x[ChangedKind] != y[ChangedKind] {
		t.Errorf("forwards %v, backwards %v", x, y)
	}
	if len(res.Match.Joined) != len(back.Match.Left) || len(res.Match.Left) != len(back.Match.Joined) {
		t.Errorf("joined %d left %d, backwards %d %d", len(res.Match.Joined), len(res.Match.Left), len(back.Match.Joined), len(back.Match.Left))
	}
}
