package analysis

import (
	"cmp"
	"slices"
	"testing"
)

// TestCandidates: the candidates of a profile are the first maxListed of
// all assessed members who do not fit it, in a stable sort by effort, then
// expected first (roster order among equals), in the whole unit and in
// every team, on a generated roster where many tie.
func TestCandidates(t *testing.T) {
	fw := builtin(t, "fagligheder-fase3")
	a, err := run(fw, genRoster(t, fw, 3000, 2), DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	res := a.res
	groups := [][]int32{nil}
	for _, g := range res.Teams {
		groups = append(groups, g.Members)
	}
	listed := 0
	for _, members := range groups {
		for j := range fw.Profiles {
			var all []Candidate
			a.each(members, func(p int) {
				if res.Assessed[p*a.nProf+j] > 0 && !res.Fits(p, j) {
					all = append(all, Candidate{Person: int32(p), Effort: a.cost(p, j)})
				}
			})
			slices.SortStableFunc(all, func(x, y Candidate) int {
				if c := cmp.Compare(x.Effort, y.Effort); c != 0 {
					return c
				}
				return cmp.Compare(b2i(!res.IsExpected(int(x.Person), j)), b2i(!res.IsExpected(int(y.Person), j)))
			})
			want := all[:min(len(all), maxListed)]
			if got := a.candidates(members, j); !slices.Equal(got, want) {
				t.Errorf("profile %s, %d members: candidates %v, want %v", fw.Profiles[j].ID, len(members), got, want)
			}
			listed += len(want)
		}
	}
	if listed < len(groups)*len(fw.Profiles) {
		t.Errorf("only %d candidates in all: the test compares little", listed)
	}
}

func b2i(x bool) int {
	if x {
		return 1
	}
	return 0
}
