package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/huller/huller/pkg/roster"
	"github.com/huller/huller/pkg/safetext"
)

// age is a span of calendar time back from a day, as --stale takes it: a
// whole number of days (d), weeks (w), months (m) or years (y).
type age struct {
	n    int
	unit byte // d, w, m or y; 0 when not set
}

// maxAgeDays bounds an age: about a century.
const maxAgeDays = 36_600

// parseAge reads 12m, 1y, 6w, 90d (case and surrounding spaces ignored).
func parseAge(s string) (age, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if len(t) < 2 || !strings.ContainsRune("dwmy", rune(t[len(t)-1])) {
		return age{}, fmt.Errorf("%q is not an age such as 12m (months), 1y, 6w or 90d", s)
	}
	n, err := strconv.Atoi(t[:len(t)-1])
	a := age{n: n, unit: t[len(t)-1]}
	if err != nil || n <= 0 || a.days() > maxAgeDays || strings.ContainsAny(t[:len(t)-1], "+-") {
		return age{}, fmt.Errorf("%q is not an age such as 12m (months), 1y, 6w or 90d, up to 100 years", s)
	}
	return a, nil
}

// days is the age's length in days, roughly (months as 31 days), for the
// bound.
func (a age) days() int {
	switch a.unit {
	case 'w':
		return a.n * 7
	case 'm':
		return a.n * 31
	case 'y':
		return a.n * 366
	}
	return a.n
}

// before returns the day the age reaches back to from day: a month back
// from 31 March is 28 (or 29) February, the last day the month has.
func (a age) before(day time.Time) time.Time {
	y, m, d := day.Date()
	switch a.unit {
	case 'd':
		return day.AddDate(0, 0, -a.n)
	case 'w':
		return day.AddDate(0, 0, -7*a.n)
	case 'y':
		m -= time.Month(12 * a.n)
	default:
		m -= time.Month(a.n)
	}
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.UTC)
}

// String writes the age as given: 12m.
func (a age) String() string {
	if a.unit == 0 {
		return ""
	}
	return strconv.Itoa(a.n) + string(a.unit)
}

// words writes the age in English for messages: "12 months".
func (a age) words() string {
	unit := map[byte]string{'d': "day", 'w': "week", 'm': "month", 'y': "year"}[a.unit]
	return strconv.Itoa(a.n) + " " + plural(a.n, unit, unit+"s")
}

// ageValue is the --stale flag.
type ageValue struct{ p *age }

func (v *ageValue) String() string { return v.p.String() }
func (v *ageValue) Type() string   { return "age" }

func (v *ageValue) Set(s string) error {
	a, err := parseAge(s)
	if err != nil {
		return err
	}
	*v.p = a
	return nil
}

// maxStaleListed is how many stale persons the warning lists by name.
const maxStaleListed = 20

// warnStale warns about the persons last assessed more than a before
// today, listing them, and about those without an assessment date.
func warnStale(s *streams, r *roster.Roster, a age, today time.Time) {
	if !hasAssessedColumn(r) {
		s.warn("--stale %s: %s has no assessment dates; add a column assessed (vurderet, ocenjeno) with the date each person was assessed", a, r.Source)
		return
	}
	cutoff := a.before(today)
	stale, undated := r.AssessedBefore(roster.DateOf(cutoff))
	if len(stale) > 0 {
		s.warn("%d of %d %s last assessed more than %s before %s (before %s); reassess them, or correct their dates:",
			len(stale), len(r.Persons), plural(len(r.Persons), "person was", "persons were"), a.words(),
			today.Format("2006-01-02"), cutoff.Format("2006-01-02"))
		for _, i := range stale[:min(len(stale), maxStaleListed)] {
			p := &r.Persons[i]
			line := "  " + personLabel(p) + ": " + p.Assessed.String()
			if p.Assessor != "" {
				line += " by " + p.Assessor
			}
			fmt.Fprintln(s.Err, "huller: "+safetext.Terminal(line))
		}
		if n := len(stale) - maxStaleListed; n > 0 {
			fmt.Fprintf(s.Err, "huller:   … and %d more\n", n)
		}
	}
	if len(undated) > 0 {
		names := make([]string, 0, 5)
		for _, i := range undated[:min(len(undated), 5)] {
			names = append(names, personLabel(&r.Persons[i]))
		}
		more := ""
		if len(undated) > len(names) {
			more = fmt.Sprintf(" and %d more", len(undated)-len(names))
		}
		s.warn("%d %s no assessment date, so --stale cannot tell when %s assessed: %s%s", len(undated),
			plural(len(undated), "person has", "persons have"), plural(len(undated), "this person was", "they were"), strings.Join(names, ", "), more)
	}
}

// hasAssessedColumn reports whether any person has an assessment date
// (a roster without the column has none).
func hasAssessedColumn(r *roster.Roster) bool {
	for i := range r.Persons {
		if r.Persons[i].Assessed != 0 {
			return true
		}
	}
	return false
}

// personLabel is "Name (id)", or the name alone.
func personLabel(p *roster.Person) string {
	if p.ID != "" && p.ID != p.Name {
		return p.Name + " (" + p.ID + ")"
	}
	return p.Name
}
