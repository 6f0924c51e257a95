package privacy

import (
	"cmp"
	"slices"
)

// line is a set of figures that add up: total = the sum of parts (the
// unit's figure and the same figure of each group; or a group's basis
// coverage and its coverage of each basis competence, counted over
// requirements). When the total and all parts but one are shown, the one
// left can be worked out by subtraction.
type line struct {
	total *Figure
	parts []*Figure
	// within says the parts are about the total's persons (a group's
	// competences), not about persons of their own (the groups of the
	// unit): the sum of some parts is then a share of requirements of the
	// total's persons.
	within bool
}

// suppress decides which figures of the report may be shown.
//
// Primary suppression: a figure is shown only when it is safe on its own
// (Figure.safe): a group of fewer than Min persons shows nothing.
//
// Complementary suppression, in every line of figures that add up (the
// unit and its groups, per figure; a group's basis coverage and its
// competences): a line never has exactly one suppressed figure; when its
// total is shown, the suppressed parts together (which subtraction gives)
// are safe too; and in the table of basis coverage by competence and group,
// with the totals of its rows and columns, no suppressed figure can be
// worked out from the figures of its row and column together (it lies on a
// cycle of suppressed figures). Where a line breaks a rule, the shown part
// with the smallest base is suppressed too, until every line keeps them.
// Two nested counts of a group (holders and teachers, fitting and expected
// fitting, and those meeting a basic competence's requirement and its
// holders or teachers where one set holds the other) are not both shown
// when their difference is 1 to Min-1.
func (rep *Report) suppress() {
	for _, g := range rep.groups() {
		g.Small = g.Persons.k < rep.Min
	}
	for _, f := range rep.figures() {
		f.shown = f.safe(rep.Min)
	}
	rows, grid := rep.lines()
	nested := rep.nested()
	for changed := true; changed; {
		changed = false
		for _, ln := range rows {
			if fixLine(ln, rep.Min) {
				changed = true
			}
		}
		for _, n := range nested {
			if n.outer.shown && n.inner.shown && small(n.outer.k-n.inner.k, rep.Min) {
				n.inner.shown, changed = false, true
			}
		}
		if !changed {
			changed = grid.fixBridges()
		}
	}
}

// nesting is two counts of one group where every person the inner counts
// the outer counts too: their difference is a count of persons as well
// (those who hold a competence at the target level but cannot teach it;
// those who fit a profile without being expected to; those who meet their
// required level below the target, where everyone at the target meets it).
type nesting struct{ outer, inner *Figure }

// nested returns the nested counts of every group; where both are shown
// and their difference is 1 to Min-1, the inner one is suppressed.
func (rep *Report) nested() []nesting {
	var out []nesting
	for _, g := range rep.groups() {
		for l := range g.Leaves {
			lf := &g.Leaves[l]
			if rep.Teach[l] >= rep.Targets[l] {
				out = append(out, nesting{&lf.Holders, &lf.Teachers})
			} else {
				out = append(out, nesting{&lf.Teachers, &lf.Holders})
			}
		}
		for j := range g.Profiles {
			p := &g.Profiles[j]
			out = append(out, nesting{&p.Fitting, &p.ExpectedFitting})
		}
		for l, w := range g.within {
			lf := &g.Leaves[l]
			for _, n := range []struct {
				count          *Figure
				inMet, metInIt bool
			}{{&lf.Holders, w.holdersInMet, w.metInHolders}, {&lf.Teachers, w.teachersInMet, w.metInTeachers}} {
				switch {
				case n.inMet:
					out = append(out, nesting{&lf.Coverage, n.count})
				case n.metInIt:
					out = append(out, nesting{n.count, &lf.Coverage})
				}
			}
		}
	}
	return out
}

// figures returns every figure of the report.
func (rep *Report) figures() []*Figure {
	out := []*Figure{&rep.ExpectedByRole}
	for _, g := range rep.groups() {
		out = append(out, &g.Persons, &g.Basis, &g.PeopleWithGaps)
		for l := range g.Leaves {
			lf := &g.Leaves[l]
			out = append(out, &lf.Coverage, &lf.Holders, &lf.Teachers)
		}
		for j := range g.Profiles {
			p := &g.Profiles[j]
			out = append(out, &p.Fitting, &p.Expected, &p.ExpectedFitting)
		}
	}
	return out
}

// groups returns the unit, then the groups.
func (rep *Report) groups() []*Group {
	out := []*Group{&rep.Unit}
	for i := range rep.Groups {
		out = append(out, &rep.Groups[i])
	}
	return out
}

// lines returns every line of figures that add up, and the table of basis
// coverage (competences and the basis summary by groups and the unit).
func (rep *Report) lines() ([]line, *grid) {
	u, gs := &rep.Unit, rep.Groups
	across := func(f func(g *Group) *Figure) line {
		ln := line{total: f(u)}
		for i := range gs {
			ln.parts = append(ln.parts, f(&gs[i]))
		}
		return ln
	}
	out := []line{
		across(func(g *Group) *Figure { return &g.Persons }),
		across(func(g *Group) *Figure { return &g.PeopleWithGaps }),
	}
	for l := range u.Leaves {
		out = append(out,
			across(func(g *Group) *Figure { return &g.Leaves[l].Holders }),
			across(func(g *Group) *Figure { return &g.Leaves[l].Teachers }))
	}
	for j := range u.Profiles {
		out = append(out,
			across(func(g *Group) *Figure { return &g.Profiles[j].Fitting }),
			across(func(g *Group) *Figure { return &g.Profiles[j].Expected }),
			across(func(g *Group) *Figure { return &g.Profiles[j].ExpectedFitting }))
	}
	// the basis table: a row per basis leaf and the summary row; a column
	// per group and the unit's
	nb := len(rep.Framework.BasisLeaves)
	gr := &grid{}
	for r := 0; r <= nb; r++ {
		var row []*Figure
		for _, g := range append(rep.groups()[1:], u) {
			if r < nb {
				row = append(row, &g.Leaves[r].Coverage)
			} else {
				row = append(row, &g.Basis)
			}
		}
		gr.cells = append(gr.cells, row)
	}
	for r := range gr.cells {
		out = append(out, gr.row(r))
	}
	for c := range gr.cells[0] {
		out = append(out, gr.col(c))
	}
	return out, gr
}

// fixLine suppresses one more figure of a line that breaks a rule and
// reports whether it did.
func fixLine(ln line, min int) bool {
	hidden := 0
	var sum Figure
	for _, p := range ln.parts {
		if !p.shown {
			if hidden == 0 {
				sum = *p
			} else {
				sum = sum.plus(*p)
			}
			hidden++
		}
	}
	if !ln.total.shown {
		hidden++
	}
	if ln.within {
		sum.kind, sum.persons = ln.total.kind, ln.total.persons
	}
	switch {
	case hidden == 1:
	case hidden > 1 && ln.total.shown && !sum.safe(min):
	default:
		return false
	}
	if p := smallestShown(ln.parts); p != nil {
		p.shown = false
		return true
	}
	if ln.total.shown {
		ln.total.shown = false
		return true
	}
	return false
}

// smallestShown returns the shown figure with the smallest base (then the
// fewest persons, then the first), or nil.
func smallestShown(fs []*Figure) *Figure {
	var best *Figure
	for _, f := range fs {
		if f.shown && (best == nil || cmp.Or(cmp.Compare(f.n, best.n), cmp.Compare(f.persons, best.persons)) < 0) {
			best = f
		}
	}
	return best
}

// grid is a table of figures whose rows and columns add up: the last
// column is the total of each row, the last row the total of each column.
type grid struct {
	cells [][]*Figure // [row][column]
}

func (g *grid) row(r int) line {
	n := len(g.cells[r])
	return line{total: g.cells[r][n-1], parts: g.cells[r][:n-1]}
}

func (g *grid) col(c int) line {
	n := len(g.cells)
	ln := line{total: g.cells[n-1][c], within: true}
	for r := 0; r < n-1; r++ {
		ln.parts = append(ln.parts, g.cells[r][c])
	}
	return ln
}

// fixBridges suppresses one more figure when a suppressed figure can be
// worked out from its row and column together, and reports whether it did.
//
// With every row and column adding up, the suppressed figures are the
// unknowns of a transportation table: one is determined exactly when it is
// a bridge of the graph whose vertices are the rows and columns and whose
// edges are the suppressed figures (no cycle of suppressed figures passes
// through it). A bridge gets a cycle by suppressing the smallest shown
// figure of its row (else of its column, else of the table).
func (g *grid) fixBridges() bool {
	nr, nc := len(g.cells), len(g.cells[0])
	type edge struct{ r, c int }
	var edges []edge
	adj := make([][]int, nr+nc) // vertex → edge indices; rows 0..nr-1, columns nr..
	for r, row := range g.cells {
		for c, f := range row {
			if !f.shown {
				adj[r] = append(adj[r], len(edges))
				adj[nr+c] = append(adj[nr+c], len(edges))
				edges = append(edges, edge{r, c})
			}
		}
	}
	other := func(e, v int) int {
		if edges[e].r == v {
			return nr + edges[e].c
		}
		return edges[e].r
	}
	bridge := firstBridge(len(adj), adj, other)
	if bridge < 0 {
		return false
	}
	e := edges[bridge]
	cands := slices.Clone(g.cells[e.r])
	if f := smallestShown(cands); f != nil {
		f.shown = false
		return true
	}
	var col []*Figure
	for r := range nr {
		col = append(col, g.cells[r][e.c])
	}
	if f := smallestShown(col); f != nil {
		f.shown = false
		return true
	}
	var all []*Figure
	for _, row := range g.cells {
		all = append(all, row...)
	}
	if f := smallestShown(all); f != nil {
		f.shown = false
		return true
	}
	return false
}

// firstBridge returns the first bridge (an edge on no cycle) of a
// multigraph of n vertices, or -1: Tarjan's low-link search,
// iterative so that a large table cannot exhaust the stack.
func firstBridge(n int, adj [][]int, other func(e, v int) int) int {
	disc, low := make([]int, n), make([]int, n)
	for i := range disc {
		disc[i] = -1
	}
	type frame struct{ v, via, next int }
	t := 0
	for root := range n {
		if disc[root] >= 0 || len(adj[root]) == 0 {
			continue
		}
		disc[root], low[root] = t, t
		t++
		stack := []frame{{root, -1, 0}}
		for len(stack) > 0 {
			fr := &stack[len(stack)-1]
			if fr.next < len(adj[fr.v]) {
				e := adj[fr.v][fr.next]
				fr.next++
				if e == fr.via {
					continue
				}
				w := other(e, fr.v)
				if disc[w] < 0 {
					disc[w], low[w] = t, t
					t++
					stack = append(stack, frame{w, e, 0})
				} else {
					low[fr.v] = min(low[fr.v], disc[w])
				}
				continue
			}
			done := *fr
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				parent := &stack[len(stack)-1]
				low[parent.v] = min(low[parent.v], low[done.v])
				if low[done.v] > disc[parent.v] {
					return done.via
				}
			}
		}
	}
	return -1
}
