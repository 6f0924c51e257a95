package plan

import (
	"math"
	"slices"

	"github.com/huller/huller/pkg/catalog"
)

// offer is a course that meets a need, with the level it brings to.
type offer struct {
	course int32
	to     int8
}

// candidate is a person a course meets open needs of.
type candidate struct {
	person int32
	w      int32   // open needs of the person it meets that are active
	needs  []int32 // every need of the person it can meet
	order  int32   // place in the course's candidate order
}

// courseState is the state of the course phase: for every course, the
// persons it could take and how many active needs each would meet.
type courseState struct {
	b       *builder
	courses []*catalog.Course
	cands   [][]candidate // per course
	slot    [][]int32     // per course and person: the candidate, -1 for none
	cnt     [][]int32     // per course: candidates by weight
	offers  [][]offer     // per need
	active  []bool        // per need
	runs    [][]int32     // per course: its runs (indices of the run list being filled)
	list    *[]Run        // the runs being filled: Plan.Runs, or the deferred ones
	route   Route
	budget  int64 // left; NoBudget for none
	spent   int64
	buf     []int32 // candidates chosen by top
}

// courses chooses course runs for the needs not yet routed: a greedy
// weighted set cover. Each step takes, among every course, either the
// free places of its open run or a new run (of at least its minimum and
// at most its capacity of participants), whichever costs least per need it
// meets: cost ÷ needs, fewer needs, then catalog order breaking ties.
// Participants are those whose open needs the course meets most (a
// person's higher-priority needs first, then roster order); enrolling a
// person meets every open need of theirs the course serves: it develops
// the competence to at least the goal, and its `from` is at most the
// person's level. With a budget, the needs are taken one priority at a
// time; a run that does not fit in what is left is tried smaller (down to
// its minimum), and when a priority cannot be served in full no course is
// bought for a lower one: what courses would still meet is deferred (and
// what that would cost is DeferredCost). Finally each course's
// participants are spread evenly over as few runs as its capacity allows.
func (b *builder) courses() {
	p := b.p
	if p.Catalog == nil || len(p.Catalog.Courses) == 0 {
		return
	}
	st := b.newCourseState()
	if p.Options.Budget == NoBudget {
		st.activate(func(Need) bool { return true })
		st.greedy()
	} else {
		st.budget = p.Options.Budget
		for tier := int8(1); tier <= PriorityOwn; tier++ {
			st.activate(func(n Need) bool { return n.Priority == tier })
			if st.greedy() {
				break
			}
		}
		// what courses would still meet, beyond the budget
		var deferred []Run
		st.list, st.route, st.budget = &deferred, RouteDeferred, NoBudget
		for c := range st.runs {
			st.runs[c] = nil
		}
		st.activate(func(Need) bool { return true })
		st.greedy()
		for _, r := range consolidate(deferred, p.Needs) {
			p.DeferredCost += r.Cost
		}
		for i := range p.Needs {
			if p.Needs[i].Route == RouteDeferred {
				p.Needs[i].Activity = -1
			}
		}
	}
	p.Runs = consolidate(p.Runs, p.Needs)
	for _, r := range p.Runs {
		p.Cost += r.Cost
	}
}

func (b *builder) newCourseState() *courseState {
	p := b.p
	cs := p.Catalog.Courses
	st := &courseState{b: b, courses: cs, cands: make([][]candidate, len(cs)), slot: make([][]int32, len(cs)),
		cnt: make([][]int32, len(cs)), offers: make([][]offer, len(p.Needs)), active: make([]bool, len(p.Needs)),
		runs: make([][]int32, len(cs)), list: &p.Runs, route: RouteCourse, budget: NoBudget}
	byLeaf := make([][]int32, b.nLeaves) // courses per leaf
	slots := make([]int32, len(cs)*len(b.res.People))
	for i := range slots {
		slots[i] = -1
	}
	for c, cr := range cs {
		st.slot[c] = slots[c*len(b.res.People) : (c+1)*len(b.res.People)]
		st.cnt[c] = make([]int32, len(cr.Leaves)+1)
		for _, e := range cr.Leaves {
			byLeaf[e.Leaf] = append(byLeaf[e.Leaf], int32(c))
		}
	}
	for i, n := range p.Needs { // in priority order: candidates in that order
		if n.Route != 0 {
			continue
		}
		for _, c := range byLeaf[n.Leaf] {
			to, ok := cs[c].Takes(int(n.Leaf), int(n.Level), int(n.Goal))
			if !ok {
				continue
			}
			st.offers[i] = append(st.offers[i], offer{c, int8(to)})
			s := st.slot[c][n.Person]
			if s < 0 {
				s = int32(len(st.cands[c]))
				st.slot[c][n.Person] = s
				st.cands[c] = append(st.cands[c], candidate{person: n.Person, order: s})
			}
			st.cands[c][s].needs = append(st.cands[c][s].needs, int32(i))
		}
	}
	return st
}

// activate makes the open needs for which pick is true count.
func (st *courseState) activate(pick func(Need) bool) {
	for i, n := range st.b.p.Needs {
		if n.Route != 0 || st.active[i] || !pick(n) {
			continue
		}
		st.active[i] = true
		for _, o := range st.offers[i] {
			st.adjust(o.course, n.Person, 1)
		}
	}
}

// adjust changes the weight of a person in a course by d.
func (st *courseState) adjust(c, person int32, d int32) {
	cd := &st.cands[c][st.slot[c][person]]
	st.cnt[c][cd.w]--
	cd.w += d
	st.cnt[c][cd.w]++
}

// option is one step the greedy may take.
type option struct {
	course int
	n      int // participants
	fill   bool
	cost   int64
	cov    int64 // needs met
}

// better reports whether x is a better step than y.
func (x option) better(y option) bool {
	if y.cov == 0 {
		return true
	}
	rx, ry := float64(x.cost)/float64(x.cov), float64(y.cost)/float64(y.cov)
	if rx != ry {
		return rx < ry
	}
	if x.cov != y.cov {
		return x.cov > y.cov
	}
	if x.course != y.course {
		return x.course < y.course
	}
	return x.fill && !y.fill
}

// greedy takes steps until none meets an active need; it reports whether
// it stopped because a step did not fit in the budget.
func (st *courseState) greedy() (blocked bool) {
	for {
		best := option{}
		blocked = false
		for c := range st.courses {
			for _, fill := range []bool{true, false} {
				o, ok, short := st.option(c, fill)
				blocked = blocked || short
				if ok && o.cov > 0 && o.better(best) {
					best = o
				}
			}
		}
		if best.cov == 0 {
			return blocked
		}
		st.take(best)
	}
}

// option returns the step of filling course c's open run (fill) or
// opening a new one, and whether it is possible; short reports a step
// that meets needs but does not fit in the budget.
func (st *courseState) option(c int, fill bool) (o option, ok, short bool) {
	cr := st.courses[c]
	pos := st.positive(c)
	if pos == 0 {
		return o, false, false
	}
	capacity := cr.Capacity
	if capacity == 0 {
		capacity = math.MaxInt32
	}
	o = option{course: c, fill: fill}
	var fixed int64
	if fill {
		runs := st.runs[c]
		if len(runs) == 0 {
			return o, false, false
		}
		free := capacity - len((*st.list)[runs[len(runs)-1]].Persons)
		o.n = min(free, pos)
	} else {
		o.n = min(capacity, pos)
		if o.n < cr.Min {
			return o, false, false
		}
		fixed = cr.Cost.Run
	}
	if o.n <= 0 {
		return o, false, false
	}
	if st.budget != NoBudget && fixed+cr.Cost.Participant*int64(o.n) > st.budget {
		switch {
		case fixed > st.budget:
			return o, false, true
		case cr.Cost.Participant > 0:
			o.n = min(o.n, int((st.budget-fixed)/cr.Cost.Participant))
		}
		if o.n < 1 || !fill && o.n < cr.Min {
			return o, false, true
		}
	}
	o.cost = fixed + cr.Cost.Participant*int64(o.n)
	o.cov = st.topSum(c, o.n)
	return o, true, false
}

// positive returns how many candidates of course c have a weight above 0.
func (st *courseState) positive(c int) int {
	n := int32(0)
	for _, k := range st.cnt[c][1:] {
		n += k
	}
	return int(n)
}

// topSum returns the sum of the n largest weights of course c.
func (st *courseState) topSum(c, n int) int64 {
	var sum int64
	cnt := st.cnt[c]
	for w := len(cnt) - 1; w >= 1 && n > 0; w-- {
		k := min(int(cnt[w]), n)
		sum += int64(k) * int64(w)
		n -= k
	}
	return sum
}

// top returns the n candidates of course c with the largest weights (on a
// tie, the first in candidate order), in candidate order: every candidate
// above the least weight taken, and the first ones at that weight. It
// reuses one buffer.
func (st *courseState) top(c, n int) []int32 {
	cnt := st.cnt[c]
	least, above := len(cnt)-1, 0 // the least weight taken; candidates above it
	for least > 1 && above+int(cnt[least]) < n {
		above += int(cnt[least])
		least--
	}
	atLeast := n - above // candidates to take at the least weight
	st.buf = st.buf[:0]
	for k, cd := range st.cands[c] {
		switch {
		case int(cd.w) > least:
			st.buf = append(st.buf, int32(k))
		case int(cd.w) == least && atLeast > 0:
			st.buf = append(st.buf, int32(k))
			atLeast--
		}
	}
	return st.buf
}

// take applies a step: the n candidates of the course with the largest
// weights (then in candidate order) join the open run or a new one.
func (st *courseState) take(o option) {
	p := st.b.p
	cr := st.courses[o.course]
	var run int32
	if o.fill {
		run = st.runs[o.course][len(st.runs[o.course])-1]
	} else {
		run = int32(len(*st.list))
		*st.list = append(*st.list, Run{Course: cr})
		st.runs[o.course] = append(st.runs[o.course], run)
	}
	chosen := st.top(o.course, o.n)
	r := &(*st.list)[run]
	for _, k := range chosen {
		cd := &st.cands[o.course][k]
		r.Persons = append(r.Persons, cd.person)
		for _, i := range cd.needs {
			n := &p.Needs[i]
			if n.Route != 0 {
				continue
			}
			n.Route, n.Activity = st.route, run
			for _, of := range st.offers[i] {
				if int(of.course) == o.course && st.route == RouteCourse {
					n.Expected = max(n.Level, of.to)
				}
				if st.active[i] {
					st.adjust(of.course, n.Person, -1)
				}
			}
			r.Needs = append(r.Needs, i)
		}
	}
	if st.budget != NoBudget {
		st.budget -= o.cost
	}
	st.spent += o.cost
}

// consolidate spreads each course's participants evenly over as few runs
// as its capacity allows (every run keeps at least its minimum: each was
// opened with it), numbers the runs of each course and sets their cost;
// the needs' run indices follow.
func consolidate(runs []Run, needs []Need) []Run {
	var out []Run
	done := map[*catalog.Course]bool{}
	for _, r := range runs {
		cr := r.Course
		if done[cr] {
			continue
		}
		done[cr] = true
		var persons []int32
		var runNeeds [][]int32 // per person, the needs met
		for _, s := range runs {
			if s.Course != cr {
				continue
			}
			per := map[int32][]int32{}
			for _, i := range s.Needs {
				q := needs[i].Person
				per[q] = append(per[q], i)
			}
			for _, q := range s.Persons {
				persons = append(persons, q)
				runNeeds = append(runNeeds, per[q])
			}
		}
		k := 1
		if cr.Capacity > 0 {
			k = (len(persons) + cr.Capacity - 1) / cr.Capacity
		}
		at := 0
		for no := range k {
			size := len(persons) / k
			if no < len(persons)%k {
				size++
			}
			nr := Run{Course: cr, No: no + 1, Persons: persons[at : at+size : at+size], Cost: cr.Cost.Of(size)}
			for j := at; j < at+size; j++ {
				nr.Needs = append(nr.Needs, runNeeds[j]...)
			}
			idx := int32(len(out))
			for _, i := range nr.Needs {
				needs[i].Activity = idx
			}
			slices.Sort(nr.Needs)
			out = append(out, nr)
			at += size
		}
	}
	return out
}
