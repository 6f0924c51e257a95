package plan

import (
	"cmp"
	"slices"

	"github.com/huller/huller/pkg/roster"
)

// unmet marks the needs nothing meets and lists them per competence: most
// needs first, then most levels missing, then framework order.
func (b *builder) unmet() {
	p := b.p
	byLeaf := map[int32]*Unmet{}
	for i := range p.Needs {
		n := &p.Needs[i]
		if n.Route != 0 {
			continue
		}
		n.Route, n.Activity = RouteUnmet, -1
		u := byLeaf[n.Leaf]
		if u == nil {
			u = &Unmet{Leaf: n.Leaf}
			byLeaf[n.Leaf] = u
		}
		u.Needs = append(u.Needs, int32(i))
		u.Levels += n.Gap()
	}
	for _, u := range byLeaf {
		p.Unmet = append(p.Unmet, *u)
	}
	slices.SortFunc(p.Unmet, func(x, y Unmet) int {
		if c := cmp.Compare(len(y.Needs), len(x.Needs)); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Levels, x.Levels); c != 0 {
			return c
		}
		return cmp.Compare(x.Leaf, y.Leaf)
	})
}

// project returns the roster as the plan expects it: the persons analysed,
// one column per leaf of the framework, each need met raised to its
// expected level, and every participant of a course run raised on each
// competence the course develops to the course's level, where they were
// assessed at its `from` level or above (an unassessed level stays
// unassessed).
func (b *builder) project() *roster.Roster {
	res, p := b.res, b.p
	fw := res.Framework
	nL := b.nLeaves
	levels := slices.Clone(res.Levels)
	for _, n := range p.Needs {
		if n.Route.Served() {
			at := int(n.Person)*nL + int(n.Leaf)
			levels[at] = max(levels[at], n.Expected)
		}
	}
	for _, r := range p.Runs {
		for _, q := range r.Persons {
			for _, e := range r.Course.Leaves {
				at := int(q)*nL + e.Leaf
				if L := res.Levels[at]; L >= 0 && int(L) >= e.From && int(levels[at]) < e.To {
					levels[at] = int8(e.To)
				}
			}
		}
	}
	src := res.Roster
	out := &roster.Roster{Source: src.Source, Sheet: src.Sheet, Layout: roster.Wide, Columns: fw.Leaves,
		Requirements: src.Requirements, Framework: src.Framework, Persons: make([]roster.Person, len(res.People))}
	for i := range res.People {
		per := *res.People[i].Person
		per.Scores = levels[i*nL : (i+1)*nL : (i+1)*nL]
		out.Persons[i] = per
	}
	return out
}
