package catalog

import "testing"

func TestTakes(t *testing.T) {
	c := &Course{Leaves: []LeafEffect{{Leaf: 2, From: 1, To: 3}, {Leaf: 5, From: 0, To: 2}}}
	tests := []struct {
		leaf, level, goal int
		to                int
		ok                bool
	}{
		{2, 1, 3, 3, true},
		{2, 2, 2, 3, true},  // beyond the goal
		{2, 0, 3, 0, false}, // below from
		{2, 1, 4, 0, false}, // not that far
		{5, 0, 2, 2, true},
		{3, 1, 2, 0, false}, // not developed
	}
	for _, tt := range tests {
		if to, ok := c.Takes(tt.leaf, tt.level, tt.goal); to != tt.to || ok != tt.ok {
			t.Errorf("Takes(%d, %d, %d) = %d, %v; want %d, %v", tt.leaf, tt.level, tt.goal, to, ok, tt.to, tt.ok)
		}
	}
}

func TestLeastRun(t *testing.T) {
	course := func(id string, leaf, from, to int, cost Cost, min int) *Course {
		return &Course{ID: id, Cost: cost, Min: min, Leaves: []LeafEffect{{Leaf: leaf, From: from, To: to}}}
	}
	one := func(leaf, from, to int) []Step { return []Step{{Leaf: leaf, From: from, To: to}} }
	// five learners one level below 3 on competence 0, one at 1 on it
	short := [][]Step{one(0, 2, 3), one(0, 2, 3), one(0, 2, 3), one(0, 2, 3), one(0, 1, 3)}
	tests := []struct {
		name     string
		courses  []*Course
		learners [][]Step
		course   string // "" for none
		n        int
		cost     int64
	}{
		{"per participant", []*Course{course("a", 0, 1, 3, Cost{Participant: 4500}, 1)}, short, "a", 1, 4500},
		{"a run's fixed part and its minimum", []*Course{course("ws", 0, 1, 3, Cost{Run: 42000, Participant: 100}, 4)}, short, "ws", 4, 42400},
		{"the minimum not reached", []*Course{course("ws", 0, 1, 3, Cost{Run: 42000}, 6)}, short, "", 0, 0},
		// only four learners are at 2 or above
		{"from keeps a learner off", []*Course{course("adv", 0, 2, 3, Cost{Run: 1000}, 5)}, short, "", 0, 0},
		{"to short of the step", []*Course{course("intro", 0, 0, 2, Cost{Participant: 10}, 1)}, short, "", 0, 0},
		{"the cheapest of several", []*Course{course("dear", 0, 1, 4, Cost{Participant: 9000}, 1),
			course("group", 0, 1, 3, Cost{Run: 6000}, 3), course("other", 1, 0, 3, Cost{Participant: 1}, 1)}, short, "group", 3, 6000},
		{"a tie goes to the first", []*Course{course("b", 0, 1, 3, Cost{Participant: 500}, 1), course("a", 0, 1, 3, Cost{Participant: 500}, 1)}, short, "b", 1, 500},
		// a learner one competence short of a profile may take any of the missing ones
		{"any of a learner's steps", []*Course{course("p2", 7, 1, 3, Cost{Participant: 300}, 2)},
			[][]Step{{{Leaf: 6, From: 2, To: 3}, {Leaf: 7, From: 1, To: 3}}, one(7, 2, 3), one(6, 1, 3)}, "p2", 2, 600},
		{"no learners", []*Course{course("a", 0, 1, 3, Cost{Participant: 1}, 1)}, nil, "", 0, 0},
		{"no courses", nil, short, "", 0, 0},
	}
	for _, tt := range tests {
		c := &Catalog{Courses: tt.courses}
		q, ok := c.LeastRun(tt.learners)
		switch {
		case tt.course == "" && ok:
			t.Errorf("%s: %s for %d at %d, want none", tt.name, q.Course.ID, q.Participants, q.Cost)
		case tt.course == "":
		case !ok:
			t.Errorf("%s: none, want %s", tt.name, tt.course)
		case q.Course.ID != tt.course || q.Participants != tt.n || q.Cost != tt.cost:
			t.Errorf("%s: %s for %d at %d, want %s for %d at %d", tt.name, q.Course.ID, q.Participants, q.Cost, tt.course, tt.n, tt.cost)
		}
	}
	if got := (&Catalog{}).CurrencyCode(); got != DefaultCurrency {
		t.Errorf("currency of a catalog naming none: %q", got)
	}
	if got := (&Catalog{Currency: "EUR"}).CurrencyCode(); got != "EUR" {
		t.Errorf("currency %q, want EUR", got)
	}
}
