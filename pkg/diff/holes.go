package diff

import (
	"github.com/huller/huller/pkg/analysis"
)

// HoleStatus is what became of a hole of the unit.
type HoleStatus uint8

// The statuses, in the order Result.Holes lists them.
const (
	// Opened: a hole After has and Before has not, on no kind.
	Opened HoleStatus = iota + 1
	// ChangedKind: the competence or profile is a hole on both sides, of
	// another kind (a basis hole become a key person, say).
	ChangedKind
	// Persisting: the same hole (kind and competence or profile) on both
	// sides.
	Persisting
	// Closed: a hole Before has and After has not, on no kind.
	Closed
)

var statusNames = [...]string{"", "opened", "changed-kind", "persisting", "closed"}

// String returns the status's name as used in JSON.
func (s HoleStatus) String() string {
	if int(s) >= len(statusNames) {
		return ""
	}
	return statusNames[s]
}

// HoleStatuses lists the statuses in the order Result.Holes lists them.
var HoleStatuses = []HoleStatus{Opened, ChangedKind, Persisting, Closed}

// HoleChange is a hole of the unit before, after, or both.
type HoleChange struct {
	Status HoleStatus
	// Before and After are the hole on each side; nil on the side it is
	// not on.
	Before, After *analysis.Hole
	// Causes are the steps that made the change: for a hole that opened,
	// closed or changed kind, the step at which it last did; for a
	// persisting hole, every step that changed its priority or effort
	// (none when it stayed as it was).
	Causes []StepKind
}

// ID returns the id of the competence or profile the hole is on.
func (h HoleChange) ID() string {
	if h.After != nil {
		return h.After.Node.ID
	}
	return h.Before.Node.ID
}

// Worse reports a hole that opened, or that got more severe: a higher
// priority (tier) than before, or the same priority and more levels to
// raise.
func (h HoleChange) Worse() bool {
	switch h.Status {
	case Opened:
		return true
	case Closed:
		return false
	}
	b, a := h.Before, h.After
	return a.Tier < b.Tier || a.Tier == b.Tier && a.Effort > b.Effort
}

// Better reports a hole that closed, or that got less severe.
func (h HoleChange) Better() bool {
	switch h.Status {
	case Opened:
		return false
	case Closed:
		return true
	}
	b, a := h.Before, h.After
	return a.Tier > b.Tier || a.Tier == b.Tier && a.Effort < b.Effort
}

// holeKey identifies a hole within a group: its kind and its node.
type holeKey struct {
	kind analysis.Kind
	id   string
}

func keyOf(h *analysis.Hole) holeKey { return holeKey{h.Kind, h.Node.ID} }

// holeState is a hole as a state has it.
type holeState struct {
	tier   analysis.Tier
	effort int
}

// holes matches the unit's holes before and after: the same kind and node
// persist; of the rest, one of each side on the same node changed kind;
// the others opened or closed.
func (c *comparer) holes() {
	r := c.res
	bh, ah := r.Before.Holes, r.After.Holes
	before := make(map[holeKey]int, len(bh))
	for i := range bh {
		before[keyOf(&bh[i])] = i
	}
	usedB, usedA := make([]bool, len(bh)), make([]bool, len(ah))
	var persisting, changed, opened, closed []HoleChange
	for i := range ah {
		if j, ok := before[keyOf(&ah[i])]; ok {
			usedB[j], usedA[i] = true, true
			persisting = append(persisting, HoleChange{Status: Persisting, Before: &bh[j], After: &ah[i]})
		}
	}
	// the rest, by node: a node left on both sides changed kind
	rest := map[string][]int{}
	for j := range bh {
		if !usedB[j] {
			rest[bh[j].Node.ID] = append(rest[bh[j].Node.ID], j)
		}
	}
	for i := range ah {
		if usedA[i] {
			continue
		}
		id := ah[i].Node.ID
		if js := rest[id]; len(js) > 0 {
			j := js[0]
			rest[id] = js[1:]
			usedB[j], usedA[i] = true, true
			changed = append(changed, HoleChange{Status: ChangedKind, Before: &bh[j], After: &ah[i]})
			continue
		}
		usedA[i] = true
		opened = append(opened, HoleChange{Status: Opened, After: &ah[i]})
	}
	for j := range bh {
		if !usedB[j] {
			closed = append(closed, HoleChange{Status: Closed, Before: &bh[j]})
		}
	}
	out := append(append(append(opened, changed...), persisting...), closed...)
	c.causes(out)
	r.Holes = out
}

// causes sets the steps that made each change, from the holes of the
// states along the way.
func (c *comparer) causes(hs []HoleChange) {
	r := c.res
	if len(r.Steps) == 0 {
		return
	}
	states := make([]map[holeKey]holeState, 0, len(r.Steps)+1)
	for _, res := range append([]*analysis.Result{r.Before}, stepStates(r.Steps)...) {
		m := make(map[holeKey]holeState, len(res.Holes))
		for i := range res.Holes {
			h := &res.Holes[i]
			m[keyOf(h)] = holeState{h.Tier, h.Effort}
		}
		states = append(states, m)
	}
	for k := range hs {
		h := &hs[k]
		switch h.Status {
		case Opened, ChangedKind:
			h.Causes = c.lastTransition(states, keyOf(h.After), false)
		case Closed:
			h.Causes = c.lastTransition(states, keyOf(h.Before), true)
		case Persisting:
			key := keyOf(h.After)
			for i := 1; i < len(states); i++ {
				x, okx := states[i-1][key]
				y, oky := states[i][key]
				if okx != oky || x != y {
					h.Causes = append(h.Causes, r.Steps[i-1].Kind)
				}
			}
		}
	}
}

// lastTransition returns the step at which key last appeared (present
// false) or disappeared (present true).
func (c *comparer) lastTransition(states []map[holeKey]holeState, key holeKey, present bool) []StepKind {
	for i := len(states) - 1; i > 0; i-- {
		_, was := states[i-1][key]
		_, is := states[i][key]
		if was == present && is != present {
			return []StepKind{c.res.Steps[i-1].Kind}
		}
	}
	return nil
}

func stepStates(steps []Step) []*analysis.Result {
	out := make([]*analysis.Result, len(steps))
	for i, s := range steps {
		out[i] = s.State
	}
	return out
}
