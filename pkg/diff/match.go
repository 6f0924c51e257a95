package diff

import (
	"fmt"
	"strings"

	"github.com/huller/huller/pkg/analysis"
)

// Match says which persons of the two rosters are the same person.
type Match struct {
	// Pairs are the persons on both sides, in After's roster order.
	Pairs []Pair
	// ByID and ByName count the pairs matched each way.
	ByID, ByName int
	// Joined are the persons only in After (indices of After.People), Left
	// those only in Before (indices of Before.People), in roster order.
	Joined, Left []int32
}

// Pair is one person on both sides.
type Pair struct {
	Before, After int32 // indices of Before.People and After.People
	ByName        bool  // matched by name (else by id)
}

// NormName is a name as matching compares it: lower case, runs of spaces
// as one, no surrounding spaces.
func NormName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// match pairs the persons: by id where both have one; then a person
// without an id on either side by name, when exactly one person of that
// name is left on each side (ids that differ are two persons, even of one
// name).
func (c *comparer) match() {
	b, a := c.res.Before.People, c.res.After.People
	c.pairOfBefore, c.pairOfAfter = make([]int32, len(b)), make([]int32, len(a))
	for i := range c.pairOfBefore {
		c.pairOfBefore[i] = -1
	}
	for i := range c.pairOfAfter {
		c.pairOfAfter[i] = -1
	}
	byID := make(map[string]int32, len(b))
	for i := range b {
		if b[i].ID != "" {
			byID[b[i].ID] = int32(i)
		}
	}
	m := &c.res.Match
	for i := range a {
		if a[i].ID == "" {
			continue
		}
		if j, ok := byID[a[i].ID]; ok {
			c.pairOfAfter[i], c.pairOfBefore[j] = j, int32(i)
			m.ByID++
		}
	}
	c.matchNames()
	for i := range a {
		if j := c.pairOfAfter[i]; j >= 0 {
			m.Pairs = append(m.Pairs, Pair{Before: j, After: int32(i), ByName: b[j].ID == "" || a[i].ID == ""})
		} else {
			m.Joined = append(m.Joined, int32(i))
		}
	}
	for j := range b {
		if c.pairOfBefore[j] < 0 {
			m.Left = append(m.Left, int32(j))
		}
	}
}

// matchNames pairs the persons left unmatched by name, where at least one
// of the two has no id and the name is unique among the unmatched
// persons of each side.
func (c *comparer) matchNames() {
	b, a := c.res.Before.People, c.res.After.People
	type cands struct{ before, after []int32 }
	names := map[string]*cands{}
	get := func(name string) *cands {
		k := NormName(name)
		x := names[k]
		if x == nil {
			x = &cands{}
			names[k] = x
		}
		return x
	}
	for j := range b {
		if c.pairOfBefore[j] < 0 {
			x := get(b[j].Name)
			x.before = append(x.before, int32(j))
		}
	}
	for i := range a {
		if c.pairOfAfter[i] < 0 {
			if x, ok := names[NormName(a[i].Name)]; ok {
				x.after = append(x.after, int32(i))
			}
		}
	}
	for i := range a {
		if c.pairOfAfter[i] >= 0 {
			continue
		}
		x, ok := names[NormName(a[i].Name)]
		if !ok || len(x.after) == 0 || x.after[0] != int32(i) {
			continue // no such name before, or already decided for this name
		}
		if len(x.before) != 1 || len(x.after) != 1 {
			if eligible(b, a, x.before, x.after) {
				c.res.Warnings = append(c.res.Warnings, fmt.Sprintf(
					"%q names %d persons in %s and %d in %s without ids to tell them apart: they are not matched (counted as left and joined); add an id column",
					a[i].Name, len(x.before), c.in[0].Roster.Source, len(x.after), c.in[1].Roster.Source))
			}
			continue
		}
		j := x.before[0]
		if b[j].ID != "" && a[i].ID != "" {
			continue // two ids: two persons
		}
		c.pairOfAfter[i], c.pairOfBefore[j] = j, int32(i)
		c.res.Match.ByName++
	}
}

// eligible reports whether any of the candidates could be matched by name
// (one of the two without an id).
func eligible(b, a []analysis.Person, before, after []int32) bool {
	for _, j := range before {
		for _, i := range after {
			if b[j].ID == "" || a[i].ID == "" {
				return true
			}
		}
	}
	return false
}
