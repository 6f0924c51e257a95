package analysis

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/huller/huller/frameworks"
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

// randomRoster draws a roster over a random set of columns (leaves and inner
// nodes, in random order), random roles (framework roles, a sheet-only role,
// an unknown one, none), teams and profiles columns.
func randomRoster(r *rand.Rand, fw *framework.Framework, persons int) *roster.Roster {
	nodes := fw.Nodes()
	r.Shuffle(len(nodes), func(i, j int) { nodes[i], nodes[j] = nodes[j], nodes[i] })
	cols := nodes[:1+r.IntN(len(nodes))]
	roles := []string{"", "sheetonly", "ghost"}
	for _, ro := range fw.Roles {
		roles = append(roles, ro.ID)
	}
	var profiles []string
	for _, p := range fw.Profiles {
		profiles = append(profiles, p.ID)
	}
	ro := &roster.Roster{Source: "random.xlsx", Columns: cols,
		Requirements: map[string][]framework.Requirement{"sheetonly": {{Node: fw.BasisLeaves[0].ID, Level: fw.MaxLevel()}}}}
	lo, hi := fw.MinLevel(), fw.MaxLevel()
	blank := r.Float64() * 0.5
	for i := range persons {
		p := roster.Person{Row: i + 2, Name: "P" + string(rune('a'+i%26)), ID: string(rune('0' + i%10)),
			Role: roles[r.IntN(len(roles))], Team: []string{"", "T1", "T2", "T3"}[r.IntN(4)]}
		if r.IntN(2) == 0 {
			for range r.IntN(3) {
				p.Profiles = append(p.Profiles, profiles[r.IntN(len(profiles))])
			}
		}
		p.Scores = make([]int8, len(cols))
		for c := range p.Scores {
			if r.Float64() < blank {
				p.Scores[c] = roster.Unassessed
			} else {
				p.Scores[c] = int8(lo + r.IntN(hi-lo+1))
			}
		}
		ro.Persons = append(ro.Persons, p)
	}
	return ro
}

// naiveLevel resolves a level the slow way: the leaf's column, else the
// nearest ancestor's, by linear search.
func naiveLevel(ro *roster.Roster, p *roster.Person, leaf *framework.Node) int8 {
	for n := leaf; n != nil; n = n.Parent {
		for c, col := range ro.Columns {
			if col.ID == n.ID && p.Scores[c] >= 0 {
				return p.Scores[c]
			}
		}
	}
	return roster.Unassessed
}

func TestProperties(t *testing.T) {
	fws := []*framework.Framework{parseFW(t, tinyYAML), builtin(t, "fagligheder-fase3")}
	for seed := range uint64(150) {
		r := rand.New(rand.NewPCG(seed, 7))
		fw := fws[seed%2]
		ro := randomRoster(r, fw, 1+r.IntN(40))
		s := DefaultSettings()
		s.Coverage = r.Float64()
		s.MinSpecialists = r.IntN(4) - 1 // -1: each profile's own
		if r.IntN(3) == 0 {
			s.Target = fw.MinLevel() + r.IntN(fw.MaxLevel()-fw.MinLevel()+1)
		}
		if r.IntN(3) == 0 {
			s.Fit = 0.05 + 0.95*r.Float64()
		}
		s.ByTeam, s.ByRole = r.IntN(2) == 0, r.IntN(2) == 0
		res, err := Analyze(fw, ro, s)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		checkPeople(t, seed, res)
		checkHoles(t, seed, res, res.Holes, nil)
		for _, g := range append(slices.Clone(res.Teams), res.RoleGroups...) {
			checkHoles(t, seed, res, g.Holes, g.Members)
		}
		checkGroups(t, seed, res, res.RoleGroups)
		checkGroups(t, seed, res, res.Teams)
		for p := range res.People {
			checkTalk(t, seed, res, p)
		}
		checkTeams(t, seed, res)
		if s.ByTeam {
			s.ByTeam = false
			plain, err := Analyze(fw, ro, s)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(holeStrings(res, res.Holes), holeStrings(plain, plain.Holes)) {
				t.Errorf("seed %d: holes depend on ByTeam", seed)
			}
		}
	}
}

func checkPeople(t *testing.T, seed uint64, res *Result) {
	t.Helper()
	fw := res.Framework
	var sum Summary
	for pi := range res.People {
		p := &res.People[pi]
		req := fw.Required(roleReqs(fw, p.Person.Role), nil, res.Roster.Requirements[p.Person.Role])
		var b Basis
		gapSum := 0
		for l, leaf := range fw.Leaves {
			L := res.Level(pi, l)
			if want := naiveLevel(res.Roster, p.Person, leaf); L != want {
				t.Fatalf("seed %d: person %d leaf %s: level %d, naive %d", seed, pi, leaf.ID, L, want)
			}
			if l < len(fw.BasisLeaves) && req[l] > 0 {
				b.Required++
				switch {
				case L < 0:
					b.NotAssessed++
				case int(L) >= req[l]:
					b.Met++
				default:
					b.GapSum += int32(req[l] - int(L))
				}
			}
		}
		for _, g := range p.Gaps {
			gapSum += g.Size()
			if g.Level < 0 || g.Size() <= 0 || int(g.Required) != req[g.Leaf] {
				t.Errorf("seed %d: bad gap %+v", seed, g)
			}
		}
		if p.Basis != b || int(p.Basis.GapSum) != gapSum || p.Basis.Gaps() != int32(len(p.Gaps)) {
			t.Errorf("seed %d: person %d basis %+v, naive %+v, listed gaps sum %d", seed, pi, p.Basis, b, gapSum)
		}
		if c, ok := p.Basis.Coverage(); ok && (c < 0 || c > 1) {
			t.Errorf("seed %d: coverage %v", seed, c)
		}
		for j, pr := range fw.Profiles {
			reach := 0
			for _, leaf := range pr.Leaves {
				if res.Level(pi, leaf.Leaf) >= res.Targets[leaf.Leaf] {
					reach++
				}
			}
			f := res.Fit(pi, j)
			if f < 0 || f > 1 || f != float64(reach)/float64(len(pr.Leaves)) {
				t.Errorf("seed %d: fit %v, reach %d of %d", seed, f, reach, len(pr.Leaves))
			}
			if res.Fits(pi, j) != (reach >= res.Profiles[j].Need) || res.AtTarget(pi, j) != reach {
				t.Errorf("seed %d: fits %v with %d at target, need %d", seed, res.Fits(pi, j), reach, res.Profiles[j].Need)
			}
			if res.Fits(pi, j) && res.ProfileAssessed(pi, j) == 0 {
				t.Errorf("seed %d: fits a profile not assessed", seed)
			}
		}
		parts := 0
		for j := range fw.Profiles {
			parts += len(res.ProfileGapsIn(pi, j))
			if !res.IsExpected(pi, j) && len(res.ProfileGapsIn(pi, j)) > 0 {
				t.Errorf("seed %d: gaps in a profile not expected, %d", seed, j)
			}
		}
		if parts != len(p.ProfileGaps) {
			t.Errorf("seed %d: ProfileGapsIn covers %d of %d profile gaps", seed, parts, len(p.ProfileGaps))
		}
		for _, g := range p.ProfileGaps {
			leaf := fw.Leaves[g.Leaf]
			if g.Level < 0 || g.Level >= g.Required || !slices.Contains(p.Expected, profileOf(fw, leaf)) {
				t.Errorf("seed %d: bad profile gap %+v", seed, g)
			}
		}
		sum.Persons++
		addBasis(&sum.Basis, p.Basis)
		if len(p.Gaps) > 0 {
			sum.PeopleWithGaps++
		}
	}
	if sum != res.Summary {
		t.Errorf("seed %d: summary %+v, naive %+v", seed, res.Summary, sum)
	}
	for l, st := range res.Leaves {
		if c, ok := st.Coverage(); ok && (c < 0 || c > 1) {
			t.Errorf("seed %d: leaf %d coverage %v", seed, l, c)
		}
		if int(st.Holders) != len(res.Holders(l)) {
			t.Errorf("seed %d: leaf %d holders %d, listed %d", seed, l, st.Holders, len(res.Holders(l)))
		}
	}
}

func roleReqs(fw *framework.Framework, id string) []framework.Requirement {
	if ro := fw.Role(id); ro != nil {
		return ro.Requires
	}
	return nil
}

func profileOf(fw *framework.Framework, leaf *framework.Node) int32 {
	for j, p := range fw.Profiles {
		if p == leaf.Profile {
			return int32(j)
		}
	}
	return -1
}

// checkHoles: every hole names an existing node and existing people (of the
// group, ascending, no repeats); efforts are not negative; the list is
// ranked by tier, kind and effort; a profile hole's persons are expected,
// assessed and not fitting, its candidates assessed and not fitting.
func checkHoles(t *testing.T, seed uint64, res *Result, holes []Hole, members []int32) {
	t.Helper()
	basis := map[int]bool{}
	for i, h := range holes {
		if h.Node == nil || res.Framework.Node(h.Node.ID) != h.Node {
			t.Fatalf("seed %d: hole %d names no node of the framework", seed, i)
		}
		wantLeaf := h.Kind == KindBasis || h.Kind == KindUnassessed || h.Kind == KindSinglePoint
		if wantLeaf != (h.Node.Leaf >= 0) || (h.Kind == KindProfile) != (h.Node.Parent == nil && h.Node.Area == framework.Profile) {
			t.Errorf("seed %d: hole %s on node %s", seed, h.Kind, h.Node.ID)
		}
		if h.Effort < 0 || h.Tier < TierCannotDeliver || h.Tier > TierDeveloping {
			t.Errorf("seed %d: hole %s effort %d tier %d", seed, h.Kind, h.Effort, h.Tier)
		}
		if h.HasCoverage && (h.Coverage < 0 || h.Coverage >= res.Settings.Coverage) {
			t.Errorf("seed %d: basis hole coverage %v, threshold %v", seed, h.Coverage, res.Settings.Coverage)
		}
		checkMembers(t, seed, res, h.People, members)
		if h.Kind == KindBasis {
			basis[h.Node.Leaf] = true
		}
		if h.Kind == KindSinglePoint && (len(h.People) != 1 || basis[h.Node.Leaf]) {
			t.Errorf("seed %d: single-point hole %s with %d people", seed, h.Node.ID, len(h.People))
		}
		if h.Kind == KindProfile {
			checkProfileHole(t, seed, res, h, members)
		}
		if i > 0 {
			prev := holes[i-1]
			if prev.Tier > h.Tier || prev.Tier == h.Tier && (prev.Kind > h.Kind || prev.Kind == h.Kind && prev.Effort < h.Effort) {
				t.Errorf("seed %d: holes %d and %d out of order", seed, i-1, i)
			}
		}
	}
}

func checkMembers(t *testing.T, seed uint64, res *Result, people, members []int32) {
	t.Helper()
	for k, p := range people {
		if p < 0 || int(p) >= len(res.People) || (k > 0 && p <= people[k-1]) {
			t.Fatalf("seed %d: hole people %v", seed, people)
		}
		if members != nil && !slices.Contains(members, p) {
			t.Errorf("seed %d: hole names %d outside its group", seed, p)
		}
	}
}

func checkProfileHole(t *testing.T, seed uint64, res *Result, h Hole, members []int32) {
	t.Helper()
	j := int(profileOf(res.Framework, h.Node))
	ph := h.Profile
	for _, p := range h.People {
		if !res.IsExpected(int(p), j) || res.ProfileAssessed(int(p), j) == 0 || res.Fits(int(p), j) {
			t.Errorf("seed %d: profile %s names person %d", seed, h.Node.ID, p)
		}
	}
	checkMembers(t, seed, res, ph.NotAssessed, members)
	for _, p := range ph.NotAssessed {
		if !res.IsExpected(int(p), j) || res.ProfileAssessed(int(p), j) != 0 {
			t.Errorf("seed %d: profile %s: %d is not an unassessed expected person", seed, h.Node.ID, p)
		}
	}
	if int(ph.Assessed)-int(ph.Fitting) != len(h.People) || int(ph.Expected)-int(ph.Assessed) != len(ph.NotAssessed) {
		t.Errorf("seed %d: profile %s counts %+v with %d people", seed, h.Node.ID, ph, len(h.People))
	}
	for _, c := range ph.Candidates {
		if res.Fits(int(c.Person), j) || res.ProfileAssessed(int(c.Person), j) == 0 || c.Effort <= 0 {
			t.Errorf("seed %d: profile %s candidate %+v", seed, h.Node.ID, c)
		}
	}
	if members != nil && ph.Expected == 0 && ph.FittingAll == 0 {
		t.Errorf("seed %d: a group's hole on profile %s nobody in it holds or is expected to", seed, h.Node.ID)
	}
}

// checkGroups: the members of the groups add up to everyone once, and each
// group's figures are those of an analysis of its members alone.
func checkGroups(t *testing.T, seed uint64, res *Result, groups []Group) {
	t.Helper()
	if groups == nil {
		return
	}
	n := 0
	for _, g := range groups {
		n += len(g.Members)
		if g.Summary.Persons != len(g.Members) {
			t.Errorf("seed %d: group %q has %d members, %d persons", seed, g.Name, len(g.Members), g.Summary.Persons)
		}
	}
	if n != len(res.People) {
		t.Errorf("seed %d: groups hold %d of %d persons", seed, n, len(res.People))
	}
}

// checkTalk: a person's talk names only the person, colleagues who can
// teach, and the person's own needs.
func checkTalk(t *testing.T, seed uint64, res *Result, p int) {
	t.Helper()
	talk := res.Talk(p)
	if len(talk.Needs) != len(res.People[p].Gaps)+len(res.People[p].ProfileGaps) || len(talk.Focus) > 3 {
		t.Errorf("seed %d: talk of %d: %d needs, %d focus", seed, p, len(talk.Needs), len(talk.Focus))
	}
	for _, f := range talk.Focus {
		for _, q := range f.Helpers {
			if int(q) == p || res.Level(int(q), int(f.Leaf)) < res.Teach[f.Leaf] {
				t.Errorf("seed %d: talk of %d: helper %d on leaf %d", seed, p, q, f.Leaf)
			}
		}
	}
	for _, s := range talk.Strengths {
		if res.Level(p, int(s.Leaf)) < res.Targets[s.Leaf] {
			t.Errorf("seed %d: talk of %d: strength %d below target", seed, p, s.Leaf)
		}
	}
}
func checkTeams(t *testing.T, seed uint64, res *Result) {
	t.Helper()
	var sum Summary
	n := 0
	for i, tm := range res.Teams {
		n += len(tm.Members)
		sum.Persons += tm.Summary.Persons
		sum.PeopleWithGaps += tm.Summary.PeopleWithGaps
		addBasis(&sum.Basis, tm.Summary.Basis)
		for _, p := range tm.Members {
			if res.People[p].Team != int32(i) || res.People[p].Person.Team != tm.Name {
				t.Errorf("seed %d: member %d of team %q", seed, p, tm.Name)
			}
		}
		if i > 0 && tm.Name != "" && res.Teams[i-1].Name >= tm.Name {
			t.Errorf("seed %d: teams out of order", seed)
		}
	}
	if n != len(res.People) || sum != res.Summary {
		t.Errorf("seed %d: teams add up to %+v (%d members), whole %+v", seed, sum, n, res.Summary)
	}
}
