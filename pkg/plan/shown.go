package plan

import "slices"

// Shown is what a person filter (the analysis's Settings.Person) lets an
// output show of a plan: the listed persons' needs, the activities they
// take part in and the wish-list and assessment entries that concern them,
// each as indices in plan order. Without a filter it is everything.
// Outputs name no participant Shows is false for: the colleague or lead
// who would teach a listed person is named as such.
type Shown struct {
	All                                           bool
	listed                                        map[int32]bool
	Needs, Joint, Pairs, Runs, Unmet, Assessments []int
}

// Shown returns what the plan's person filter lets outputs show.
func (p *Plan) Shown() *Shown {
	res := p.Before
	f := &Shown{All: res.Listed == nil, listed: map[int32]bool{}}
	for _, q := range res.Listed {
		f.listed[q] = true
	}
	needOf := func(i int32) bool { return f.Shows(p.Needs[i].Person) }
	for i, n := range p.Needs {
		if f.Shows(n.Person) {
			f.Needs = append(f.Needs, i)
		}
	}
	for k, j := range p.Joint {
		if slices.ContainsFunc(j.Needs, needOf) {
			f.Joint = append(f.Joint, k)
		}
	}
	for k, pr := range p.Pairs {
		if f.Shows(pr.Learner) {
			f.Pairs = append(f.Pairs, k)
		}
	}
	for k, r := range p.Runs {
		if slices.ContainsFunc(r.Persons, f.Shows) {
			f.Runs = append(f.Runs, k)
		}
	}
	for k, u := range p.Unmet {
		if slices.ContainsFunc(u.Needs, needOf) {
			f.Unmet = append(f.Unmet, k)
		}
	}
	for k, a := range p.Assessments {
		if slices.ContainsFunc(a.Persons, f.Shows) {
			f.Assessments = append(f.Assessments, k)
		}
	}
	return f
}

// Shows reports whether person q's needs and participation may be shown.
func (f *Shown) Shows(q int32) bool { return f.All || f.listed[q] }
