package roster

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day, counted as Excel counts it: days since 30
// December 1899, so that 46357 is 1 December 2026. The zero Date means no
// date was given.
type Date int32

// The range of assessment dates ParseDate accepts: 1 January 1970 to 31
// December 2199. A date outside it is a typing mistake (a level in the date
// column, a two-digit year read as a serial number), not an assessment.
const (
	MinDate Date = unixDay // 1970-01-01
	MaxDate Date = 109574  // 2199-12-31
)

// unixDay is the Date of 1 January 1970.
const unixDay Date = 25569

// excelEpoch is day 0 of Excel's serial dates (1900 date system, after its
// 29 February 1900 that never was).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// DateOf returns the Date of the day of t (in t's location).
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date(day.Unix()/86400) + unixDay
}

// Time returns the date at midnight UTC; the zero time for no date.
func (d Date) Time() time.Time {
	if d == 0 {
		return time.Time{}
	}
	return excelEpoch.AddDate(0, 0, int(d))
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d == 0 }

// String writes the date as ISO 8601 (2026-12-01); "" for no date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format("2006-01-02")
}

// dateHint says how to write a date, for messages.
const dateHint = "write it as 2026-12-01 or 1.12.2026"

// ParseDate reads an assessment date as spreadsheets and people write it:
//
//   - an Excel serial date (46357, or 46357.5 with a time of day, which is
//     dropped): what a date cell of a workbook holds;
//   - ISO 8601: 2026-12-01, optionally followed by a time (2026-12-01T09:30,
//     2026-12-01 09:30:00), which is dropped;
//   - day first, the Danish and Slovenian way: 1.12.2026, 01.12.2026,
//     1-12-2026, 01-12-2026, 1. 12. 2026.
//
// Years have four digits. A slash (12/1/2026) is refused: it reads as 12
// January in Denmark and 1 December in the United States. The date must
// exist and lie from MinDate to MaxDate. Surrounding spaces are ignored;
// blank text is no date (0, nil).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if len(s) > 40 {
		return 0, fmt.Errorf("%q is not a date; %s", shorten(s), dateHint)
	}
	var (
		d   Date
		err error
	)
	switch {
	case isSerial(s):
		d, err = parseSerial(s)
	case len(s) >= 10 && s[4] == '-' && isDigits(s[:4]):
		d, err = parseISO(s)
	case strings.ContainsRune(s, '/'):
		return 0, fmt.Errorf("%q is ambiguous: day/month or month/day; %s", s, dateHint)
	default:
		d, err = parseDayFirst(s)
	}
	if err != nil {
		return 0, err
	}
	if d < MinDate || d > MaxDate {
		return 0, fmt.Errorf("%q is not an assessment date from %s to %s; %s", s, MinDate, MaxDate, dateHint)
	}
	return d, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isSerial reports whether s is a whole number with an optional fraction:
// digits, then optionally . or , and digits.
func isSerial(s string) bool {
	whole, frac, cut := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	return isDigits(whole) && (!cut || isDigits(frac))
}

func parseSerial(s string) (Date, error) {
	whole, _, _ := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	n, err := strconv.Atoi(whole)
	if err != nil || len(whole) > 9 {
		return 0, fmt.Errorf("%q is not a date; %s", s, dateHint)
	}
	return Date(n), nil
}

// parseISO reads yyyy-mm-dd and an optional time after T or a space.
func parseISO(s string) (Date, error) {
	day, rest := s[:10], s[10:]
	if rest != "" && rest[0] != 'T' && rest[0] != ' ' {
		return 0, fmt.Errorf("%q is not a date; %s", s, dateHint)
	}
	if rest != "" && !isTime(rest[1:]) {
		return 0, fmt.Errorf("%q is not a date with a time of day; %s", s, dateHint)
	}
	if day[7] != '-' || !isDigits(day[5:7]) || !isDigits(day[8:10]) {
		return 0, fmt.Errorf("%q is not a date; %s", s, dateHint)
	}
	y, _ := strconv.Atoi(day[:4])
	m, _ := strconv.Atoi(day[5:7])
	d, _ := strconv.Atoi(day[8:10])
	return makeDate(s, y, m, d)
}

// isTime reports whether s is a time of day: hh:mm, optionally :ss and a
// fraction, optionally a zone (Z, +01:00).
func isTime(s string) bool {
	if i := strings.IndexAny(s, "Z+-"); i >= 0 {
		zone := s[i:]
		s = s[:i]
		if zone != "Z" && !(len(zone) == 6 && zone[3] == ':' && isDigits(zone[1:3]) && isDigits(zone[4:])) &&
			!(len(zone) == 5 && isDigits(zone[1:])) {
			return false
		}
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	if len(parts) == 3 {
		sec, frac, _ := strings.Cut(parts[2], ".")
		if !isDigits(sec) || len(sec) != 2 || frac != "" && !isDigits(frac) {
			return false
		}
	}
	return len(parts[0]) <= 2 && isDigits(parts[0]) && len(parts[1]) == 2 && isDigits(parts[1])
}

// parseDayFirst reads d.m.yyyy, d-m-yyyy and d. m. yyyy.
func parseDayFirst(s string) (Date, error) {
	sep := byte('.')
	if !strings.Contains(s, ".") {
		sep = '-'
	}
	parts := strings.Split(s, string(sep))
	if len(parts) != 3 {
		return 0, fmt.Errorf("%q is not a date; %s", shorten(s), dateHint)
	}
	var n [3]int
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if !isDigits(p) || len(p) > 4 || i < 2 && len(p) > 2 {
			return 0, fmt.Errorf("%q is not a date; %s", shorten(s), dateHint)
		}
		n[i], _ = strconv.Atoi(p)
		if i == 2 && len(p) != 4 {
			return 0, fmt.Errorf("%q has a two-digit year; write the year with four digits (1.12.2026)", s)
		}
	}
	return makeDate(s, n[2], n[1], n[0])
}

// makeDate checks that the day exists.
func makeDate(s string, y, m, d int) (Date, error) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return 0, fmt.Errorf("%q is not a day of the calendar; %s", s, dateHint)
	}
	return DateOf(t), nil
}

// AssessedBefore returns the indices of the persons last assessed before
// cutoff, and of the persons with no assessment date, in roster order. A
// person's date is Person.Assessed: in the long layout, the latest date of
// the person's rows.
func (r *Roster) AssessedBefore(cutoff Date) (before, undated []int) {
	for i := range r.Persons {
		switch d := r.Persons[i].Assessed; {
		case d == 0:
			undated = append(undated, i)
		case d < cutoff:
			before = append(before, i)
		}
	}
	return before, undated
}
