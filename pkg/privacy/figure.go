package privacy

// kind is what a figure counts, which decides when it may be shown.
type kind uint8

const (
	// size is the number of persons of a group.
	size kind = iota
	// count is a number of persons (k) among a base of persons (n): those
	// who hold a competence, fit a profile, have development needs, …
	count
	// share is the persons meeting a requirement (k) among those assessed
	// on it (n): a coverage.
	share
	// pairs is the requirements met (k) among those assessed (n), counted
	// over persons and competences: a group's basis coverage.
	pairs
)

// Figure is one figure of an aggregate report: a count of persons, or a
// share of two counts, of one group, and whether it may be shown. Its
// value can be read only when it may be shown, so that a renderer cannot
// show what was suppressed.
type Figure struct {
	k, n    int // the count (numerator) and its base (denominator)
	persons int // the persons of the group (or groups) it is about
	kind    kind
	shown   bool
}

// Shown reports whether the figure may be shown.
func (f Figure) Shown() bool { return f.shown }

// Count returns the count (persons, or the numerator of a share) when the
// figure may be shown.
func (f Figure) Count() (int, bool) {
	if !f.shown {
		return 0, false
	}
	return f.k, true
}

// Of returns the count and its base ("k of n") when the figure may be
// shown.
func (f Figure) Of() (k, n int, shown bool) {
	if !f.shown {
		return 0, 0, false
	}
	return f.k, f.n, true
}

// Share returns k/n when the figure may be shown (shown) and its base is
// not 0 (defined).
func (f Figure) Share() (x float64, defined, shown bool) {
	if !f.shown {
		return 0, false, false
	}
	if f.n == 0 {
		return 0, false, true
	}
	return float64(f.k) / float64(f.n), true, true
}

// rest returns the figure of the rest of the base: those assessed and not
// meeting a requirement, for a share; shown exactly when f is.
func (f Figure) rest() Figure {
	return Figure{k: f.n - f.k, n: f.n, persons: f.persons, kind: count, shown: f.shown}
}

// safe reports whether a figure may be shown on its own (primary
// suppression), for a minimum of min persons:
//
//   - every figure: its group has at least min persons;
//   - a count of persons: the count and the rest of its base (those it
//     does not count) are each 0 or at least min, and the base is 0 or at
//     least min;
//   - a share: the same for the persons meeting it and those not meeting
//     it among those assessed;
//   - a share of requirements (pairs): its group has at least min persons.
func (f Figure) safe(min int) bool {
	if f.persons < min {
		return false
	}
	switch f.kind {
	case count, share:
		return !small(f.n, min) && !small(f.k, min) && !small(f.n-f.k, min)
	}
	return true
}

// small reports whether x persons are too few to show: 1 to min-1.
func small(x, min int) bool { return x > 0 && x < min }

// plus returns the sum of two figures of the same kind: the figure of the
// two groups together.
func (f Figure) plus(g Figure) Figure {
	return Figure{k: f.k + g.k, n: f.n + g.n, persons: f.persons + g.persons, kind: f.kind}
}
