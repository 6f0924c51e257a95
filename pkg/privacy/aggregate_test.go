package privacy

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

func builtin(t testing.TB, id string) *framework.Framework {
	t.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load(id)
	if err != nil {
		t.Fatalf("load %s: %v", id, err)
	}
	return fw
}

// smallTeams draws a roster of 2–8 teams of 1–6 persons each, with the
// framework's roles, profiles for some, and levels drawn around a
// per-person mean so that counts of every size occur (0, all, and in
// between), 10 % not assessed.
func smallTeams(r *rand.Rand, fw *framework.Framework) *roster.Roster {
	ro := &roster.Roster{Source: "small.xlsx", Columns: fw.Leaves}
	var roles []string
	for _, x := range fw.Roles {
		roles = append(roles, x.ID)
	}
	roles = roles[:1+r.IntN(len(roles))]
	teams := 2 + r.IntN(7)
	n := 0
	for t := range teams {
		for range 1 + r.IntN(6) {
			n++
			p := roster.Person{Row: n + 1, Name: fmt.Sprintf("Person Number%d", n), ID: fmt.Sprintf("ID%04d", n),
				Role: roles[r.IntN(len(roles))], Team: fmt.Sprintf("Team %c", 'A'+t)}
			if r.IntN(3) == 0 {
				p.Profiles = []string{fw.Profiles[r.IntN(len(fw.Profiles))].ID}
			}
			mean := 1 + 2.5*r.Float64()
			p.Scores = make([]int8, len(fw.Leaves))
			for l := range p.Scores {
				if r.Float64() < 0.1 {
					p.Scores[l] = roster.Unassessed
				} else {
					p.Scores[l] = int8(max(0, min(4, int(math.Round(mean+r.NormFloat64()*0.7)))))
				}
			}
			ro.Persons = append(ro.Persons, p)
		}
	}
	return ro
}

// TestSuppression: on random rosters of small teams, for teams and roles
// and several minimums, every shown figure is safe on its own, no line of
// figures that add up leaves one suppressed figure to be worked out by
// subtraction (a team's figure as the unit's minus the other teams'), the
// suppressed parts of a line with a shown total are safe together, and no
// suppressed coverage can be worked out from the basis table's rows and
// columns together.
func TestSuppression(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	suppressed, shown := 0, 0
	for seed := range uint64(150) {
		r := rand.New(rand.NewPCG(seed, 17))
		ro := smallTeams(r, fw)
		res, err := analysis.Analyze(fw, ro, analysis.DefaultSettings())
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range []Breakdown{ByTeam, ByRole} {
			for _, min := range []int{3, 5} {
				rep := Aggregate(res, min, b)
				where := fmt.Sprintf("seed %d, breakdown %d, min %d", seed, b, min)
				for _, f := range rep.figures() {
					if f.shown {
						shown++
						checkSafe(t, where, *f, min)
					} else {
						suppressed++
					}
				}
				checkLines(t, where, rep)
				checkNested(t, where, rep)
				checkCoverageNested(t, where, rep, res)
				checkGrid(t, where, rep)
				checkHoles(t, where, rep)
				checkNoPersons(t, where, rep, ro)
			}
		}
	}
	if suppressed == 0 || shown == 0 {
		t.Errorf("%d shown, %d suppressed: the rosters do not test suppression", shown, suppressed)
	}
}

// checkNested: two nested counts of a group are not both shown when their
// difference would give away fewer than Min persons.
func checkNested(t *testing.T, where string, rep *Report) {
	t.Helper()
	for _, g := range rep.groups() {
		pairs := [][2]Figure{}
		for _, lf := range g.Leaves {
			pairs = append(pairs, [2]Figure{lf.Holders, lf.Teachers})
		}
		for _, p := range g.Profiles {
			pairs = append(pairs, [2]Figure{p.Fitting, p.ExpectedFitting})
		}
		for _, p := range pairs {
			if d := p[0].k - p[1].k; p[0].shown && p[1].shown && (d < 0 && -d < rep.Min || d > 0 && d < rep.Min) {
				t.Errorf("%s: group %q shows %d and %d", where, g.Name, p[0].k, p[1].k)
			}
		}
	}
}

// checkCoverageNested: where, among a group's persons, everyone at the
// target (or teaching) level of a basic competence meets their required
// level, or everyone meeting it is at that level, the count meeting it
// and the holders (or teachers) are not both shown when they differ by 1
// to Min-1: their difference would count that few persons.
func checkCoverageNested(t *testing.T, where string, rep *Report, res *analysis.Result) {
	t.Helper()
	groups := res.Teams
	if rep.Breakdown == ByRole {
		groups = res.RoleGroups
	}
	for gi, g := range rep.groups() {
		var members []int
		if gi == 0 {
			for p := range res.People {
				members = append(members, p)
			}
		} else {
			for _, p := range groups[gi-1].Members {
				members = append(members, int(p))
			}
		}
		for l := range res.Framework.BasisLeaves {
			lf := g.Leaves[l]
			for _, c := range []struct {
				f     Figure
				level int8
			}{{lf.Holders, res.Targets[l]}, {lf.Teachers, res.Teach[l]}} {
				aNotB, bNotA := false, false
				for _, p := range members {
					L, R := res.Level(p, l), res.Required(p, l)
					met, at := R > 0 && L >= 0 && int(L) >= R, L >= c.level
					aNotB, bNotA = aNotB || at && !met, bNotA || met && !at
				}
				d := lf.Coverage.k - c.f.k
				if (!aNotB || !bNotA) && lf.Coverage.shown && c.f.shown && small(max(d, -d), rep.Min) {
					t.Errorf("%s: group %q, leaf %s: shows %d meeting and %d at level %d", where, g.Name, res.Framework.Leaves[l].ID, lf.Coverage.k, c.f.k, c.level)
				}
			}
		}
	}
}

// checkSafe checks the primary rule on a shown figure.
func checkSafe(t *testing.T, where string, f Figure, min int) {
	t.Helper()
	if f.persons < min {
		t.Errorf("%s: a figure of %d persons is shown: %+v", where, f.persons, f)
	}
	if f.kind == count || f.kind == share {
		for _, x := range []int{f.n, f.k, f.n - f.k} {
			if x > 0 && x < min {
				t.Errorf("%s: a shown figure gives away %d persons: %+v", where, x, f)
			}
		}
	}
}

// attackLines returns, written out independently of suppress.go, every
// set of figures of the report that add up: per figure, the unit's and the
// groups'.
func attackLines(rep *Report) [][]*Figure {
	u, gs := &rep.Unit, rep.Groups
	var out [][]*Figure
	add := func(f func(g *Group) *Figure) {
		ln := []*Figure{f(u)}
		for i := range gs {
			ln = append(ln, f(&gs[i]))
		}
		out = append(out, ln)
	}
	add(func(g *Group) *Figure { return &g.Persons })
	add(func(g *Group) *Figure { return &g.Basis })
	add(func(g *Group) *Figure { return &g.PeopleWithGaps })
	for l := range u.Leaves {
		if l < len(rep.Framework.BasisLeaves) {
			add(func(g *Group) *Figure { return &g.Leaves[l].Coverage })
		}
		add(func(g *Group) *Figure { return &g.Leaves[l].Holders })
		add(func(g *Group) *Figure { return &g.Leaves[l].Teachers })
	}
	for j := range u.Profiles {
		add(func(g *Group) *Figure { return &g.Profiles[j].Fitting })
		add(func(g *Group) *Figure { return &g.Profiles[j].Expected })
		add(func(g *Group) *Figure { return &g.Profiles[j].ExpectedFitting })
	}
	return out
}

// checkLines attacks every line by subtraction: the unit's figure minus
// the shown groups' must never give a suppressed group's figure; and the
// suppressed groups together must be safe.
func checkLines(t *testing.T, where string, rep *Report) {
	t.Helper()
	for _, ln := range attackLines(rep) {
		total, parts := ln[0], ln[1:]
		// the parts add up to the total
		var k, n int
		for _, p := range parts {
			k, n = k+p.k, n+p.n
		}
		if k != total.k || n != total.n {
			t.Fatalf("%s: parts add up to %d/%d, total %d/%d", where, k, n, total.k, total.n)
		}
		var hidden []*Figure
		for _, p := range parts {
			if !p.shown {
				hidden = append(hidden, p)
			}
		}
		if total.shown && len(hidden) == 1 {
			h := hidden[0]
			dk, dn := total.k, total.n
			for _, p := range parts {
				if p.shown {
					dk, dn = dk-p.k, dn-p.n
				}
			}
			t.Errorf("%s: a suppressed figure %d/%d is the unit's minus the other groups' (%d/%d)", where, h.k, h.n, dk, dn)
		}
		if !total.shown && len(hidden) == 0 {
			t.Errorf("%s: a suppressed unit figure is the sum of the groups' (%d/%d)", where, total.k, total.n)
		}
		if total.shown && len(hidden) > 1 {
			sum := *hidden[0]
			for _, h := range hidden[1:] {
				sum = sum.plus(*h)
			}
			if !sum.safe(rep.Min) {
				t.Errorf("%s: the suppressed figures add up to %d/%d over %d persons", where, sum.k, sum.n, sum.persons)
			}
		}
	}
}

// checkGrid checks by linear algebra that no suppressed figure of the
// basis table (competence rows and the summary row, group columns and the
// unit's) is determined by the rows and columns adding up.
func checkGrid(t *testing.T, where string, rep *Report) {
	t.Helper()
	nb := len(rep.Framework.BasisLeaves)
	cols := append(rep.groups()[1:], &rep.Unit)
	cell := func(r, c int) *Figure {
		if r == nb {
			return &cols[c].Basis
		}
		return &cols[c].Leaves[r].Coverage
	}
	idx := map[[2]int]int{}
	for r := 0; r <= nb; r++ {
		for c := range cols {
			if !cell(r, c).shown {
				idx[[2]int{r, c}] = len(idx)
			}
		}
	}
	if len(idx) == 0 {
		return
	}
	// each row: the groups' cells minus the unit's = 0; each column: the
	// competences' cells minus the summary = 0 (only the unknowns)
	var eqs [][]float64
	for r := 0; r <= nb; r++ {
		eq := make([]float64, len(idx))
		for c := range cols {
			if i, ok := idx[[2]int{r, c}]; ok {
				eq[i] = 1
				if c == len(cols)-1 {
					eq[i] = -1
				}
			}
		}
		eqs = append(eqs, eq)
	}
	for c := range cols {
		eq := make([]float64, len(idx))
		for r := 0; r <= nb; r++ {
			if i, ok := idx[[2]int{r, c}]; ok {
				eq[i] = 1
				if r == nb {
					eq[i] = -1
				}
			}
		}
		eqs = append(eqs, eq)
	}
	// a suppressed figure is determined exactly when the reduced row
	// echelon form of the equations has a row that is its unit vector
	for _, row := range rref(eqs) {
		nz, at := 0, -1
		for i, x := range row {
			if math.Abs(x) > 1e-9 {
				nz, at = nz+1, i
			}
		}
		if nz == 1 {
			for key, i := range idx {
				if i == at {
					t.Errorf("%s: the suppressed coverage at row %d, column %d can be worked out", where, key[0], key[1])
				}
			}
		}
	}
}

func clone(m [][]float64) [][]float64 {
	out := make([][]float64, len(m))
	for i := range m {
		out[i] = append([]float64(nil), m[i]...)
	}
	return out
}

// rref returns the reduced row echelon form of m by Gauss-Jordan
// elimination (entries are small integers, so a tolerance suffices).
func rref(m [][]float64) [][]float64 {
	m = clone(m)
	rk := 0
	for c := 0; len(m) > 0 && c < len(m[0]); c++ {
		p := -1
		for r := rk; r < len(m); r++ {
			if math.Abs(m[r][c]) > 1e-9 {
				p = r
				break
			}
		}
		if p < 0 {
			continue
		}
		m[rk], m[p] = m[p], m[rk]
		piv := m[rk][c]
		for k := range m[rk] {
			m[rk][k] /= piv
		}
		for r := range m {
			if r != rk && math.Abs(m[r][c]) > 1e-9 {
				f := m[r][c]
				for k := c; k < len(m[r]); k++ {
					m[r][k] -= f * m[rk][k]
				}
			}
		}
		rk++
	}
	return m[:rk]
}

// checkHoles: a small group has no holes; no hole says a single person;
// efforts only on the unit's holes whose persons are shown.
func checkHoles(t *testing.T, where string, rep *Report) {
	t.Helper()
	for gi, g := range rep.groups() {
		if g.Small && len(g.Holes) > 0 {
			t.Errorf("%s: group %q of fewer than %d persons has %d holes", where, g.Name, rep.Min, len(g.Holes))
		}
		for _, h := range g.Holes {
			if _, ok := h.Effort(); ok && (gi > 0 || !h.People.shown || h.Kind == HoleProfile && h.People.k == 0) {
				t.Errorf("%s: group %q: hole %s shows its effort", where, g.Name, h.Node.ID)
			}
			if h.People.shown {
				checkSafe(t, where, h.People, rep.Min)
			}
			if h.Kind == HoleFew {
				k := g.Leaves[h.Node.Leaf].Holders.k
				if k < 1 || k >= rep.Min || g.Leaves[h.Node.Leaf].Holders.shown {
					t.Errorf("%s: few-holders hole on %s with %d holders", where, h.Node.ID, k)
				}
			}
		}
	}
}

// checkNoPersons: no text of the report is a person's name or id.
func checkNoPersons(t *testing.T, where string, rep *Report, ro *roster.Roster) {
	t.Helper()
	person := map[string]bool{}
	for _, p := range ro.Persons {
		person[p.Name], person[p.ID] = true, true
	}
	var walk func(v reflect.Value)
	skip := map[reflect.Type]bool{reflect.TypeOf(&framework.Framework{}): true, reflect.TypeOf(&framework.Node{}): true,
		reflect.TypeOf(&framework.Role{}): true}
	walk = func(v reflect.Value) {
		if skip[v.Type()] {
			return
		}
		switch v.Kind() {
		case reflect.String:
			if person[v.String()] {
				t.Errorf("%s: the report holds %q", where, v.String())
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(k)
				walk(v.MapIndex(k))
			}
		}
	}
	walk(reflect.ValueOf(rep))
}
