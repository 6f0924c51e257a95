package plan

// queue is a list of colleagues at the teaching level of a leaf, highest
// level first, with the colleagues at its head who can take no more
// learners skipped for good.
type queue struct {
	q    []int32
	head int
}

// colleagues proposes, for each need not yet routed (in priority order),
// a colleague at the teaching level who can bring the learner to the goal
// — min(colleague's level − 1, target) ≥ goal — and has fewer than
// MaxMentees learners, or already teaches this learner: a colleague who
// already teaches the learner something first, then one of the learner's
// team, then anyone; among those, the highest level, then roster order.
// Never the learner themself.
func (b *builder) colleagues() {
	res, p := b.res, b.p
	st := &mentoring{b: b, max: p.Options.MaxMentees, learners: make([]int, len(res.People)),
		mentors: make([][]int32, len(res.People)), pair: map[[2]int32]int32{},
		all: make([]*queue, b.nLeaves), team: map[teamLeaf]*queue{}}
	for i := range p.Needs {
		n := &p.Needs[i]
		if n.Route != 0 {
			continue
		}
		q := st.choose(*n)
		if q < 0 {
			continue
		}
		k := st.pairWith(q, n.Person)
		p.Pairs[k].Needs = append(p.Pairs[k].Needs, int32(i))
		n.Route, n.Activity, n.Expected = RouteColleague, k, n.Goal
	}
}

type teamLeaf struct {
	team string
	leaf int32
}

// mentoring is the state of the colleagues phase.
type mentoring struct {
	b        *builder
	max      int
	learners []int     // distinct learners per colleague
	mentors  [][]int32 // colleagues per learner
	pair     map[[2]int32]int32
	all      []*queue // per leaf
	team     map[teamLeaf]*queue
}

func (m *mentoring) full(q int32) bool { return m.learners[q] >= m.max }

// can reports whether colleague q can bring n's person to the goal.
func (m *mentoring) can(q int32, n Need) bool {
	L := m.b.level(int(q), int(n.Leaf))
	return q != n.Person && L >= m.b.res.Teach[n.Leaf] && m.b.reach(L, int(n.Leaf)) >= n.Goal
}

// choose returns the colleague for need n, -1 for none.
func (m *mentoring) choose(n Need) int32 {
	for _, q := range m.mentors[n.Person] {
		if m.can(q, n) {
			return q
		}
	}
	if team := m.b.res.People[n.Person].Person.Team; team != "" {
		if q := m.first(m.teamQueue(team, n.Leaf), n); q >= 0 {
			return q
		}
	}
	return m.first(m.allQueue(n.Leaf), n)
}

// first returns the first colleague of qu who can take the learner and
// bring them to the goal; the queue is in descending level, so the first
// one too low ends the search.
func (m *mentoring) first(qu *queue, n Need) int32 {
	for qu.head < len(qu.q) && m.full(qu.q[qu.head]) {
		qu.head++
	}
	for _, q := range qu.q[qu.head:] {
		if m.full(q) || q == n.Person {
			continue
		}
		if !m.can(q, n) {
			return -1
		}
		return q
	}
	return -1
}

func (m *mentoring) allQueue(l int32) *queue {
	if m.all[l] == nil {
		m.all[l] = &queue{q: m.b.teachers(int(l))}
	}
	return m.all[l]
}

func (m *mentoring) teamQueue(team string, l int32) *queue {
	k := teamLeaf{team, l}
	qu := m.team[k]
	if qu == nil {
		qu = &queue{}
		for _, q := range m.allQueue(l).q {
			if m.b.res.People[q].Person.Team == team {
				qu.q = append(qu.q, q)
			}
		}
		m.team[k] = qu
	}
	return qu
}

// pairWith returns the pairing of colleague q and learner, making it when
// new.
func (m *mentoring) pairWith(q, learner int32) int32 {
	k := [2]int32{q, learner}
	if i, ok := m.pair[k]; ok {
		return i
	}
	p := m.b.p
	i := int32(len(p.Pairs))
	p.Pairs = append(p.Pairs, Pair{Colleague: q, Learner: learner})
	m.pair[k] = i
	m.learners[q]++
	m.mentors[learner] = append(m.mentors[learner], q)
	return i
}
