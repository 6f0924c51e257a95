package catalog

// Step is one way for a learner to take a step: raise the competence Leaf
// (an index of the framework's leaves) from level From to level To.
type Step struct {
	Leaf, From, To int
}

// Quote is a priced run of a course (see LeastRun).
type Quote struct {
	Course *Course
	// Participants is the run's size: the course's minimum, at least 1.
	Participants int
	// Cost is Course.Cost.Of(Participants), in the catalog's currency.
	Cost int64
}

// LeastRun returns the cheapest single run of one of the catalog's courses
// that takes at least one of the learners one step. learners[i] are the
// steps any one of which will do for learner i (one step for a competence,
// one per competence short for a profile). A course takes a learner when
// it takes one of the learner's steps (Course.Takes: it develops the
// competence to at least the step's level, from at most the learner's
// level). A run takes place with the course's minimum of participants (at
// least 1), all of them learners it takes — the others gain the step too;
// so a course that takes fewer learners than its minimum is no option. The
// run's cost is Cost.Of(that minimum). On a tie the course listed first
// wins. It reports false when no course takes enough of the learners.
// Colleagues who could teach are not counted: they cost nothing here.
func (c *Catalog) LeastRun(learners [][]Step) (Quote, bool) {
	var best Quote
	found := false
	for _, cr := range c.Courses {
		need := max(cr.Min, 1)
		if len(learners) < need {
			continue
		}
		taken := 0
		for _, steps := range learners {
			if takesAny(cr, steps) {
				taken++
				if taken == need {
					break
				}
			}
		}
		if taken < need {
			continue
		}
		q := Quote{Course: cr, Participants: need, Cost: cr.Cost.Of(need)}
		if !found || q.Cost < best.Cost {
			best, found = q, true
		}
	}
	return best, found
}

func takesAny(cr *Course, steps []Step) bool {
	for _, s := range steps {
		if _, ok := cr.Takes(s.Leaf, s.From, s.To); ok {
			return true
		}
	}
	return false
}

// CurrencyCode returns the currency of the catalog's prices (ISO 4217):
// Currency, else DefaultCurrency.
func (c *Catalog) CurrencyCode() string {
	if c.Currency == "" {
		return DefaultCurrency
	}
	return c.Currency
}
