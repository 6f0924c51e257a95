package roster

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	dec1 := DateOf(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		in   string
		want Date
		err  string
	}{
		{"", 0, ""},
		{"  ", 0, ""},
		{"46357", dec1, ""},
		{"46357.0", dec1, ""},
		{"46357,75", dec1, ""}, // a date-time cell: the time is dropped
		{"2026-12-01", dec1, ""},
		{" 2026-12-01 ", dec1, ""},
		{"2026-12-01T09:30", dec1, ""},
		{"2026-12-01T09:30:00Z", dec1, ""},
		{"2026-12-01 09:30:00.123+01:00", dec1, ""},
		{"1.12.2026", dec1, ""},
		{"01.12.2026", dec1, ""},
		{"1-12-2026", dec1, ""},
		{"01-12-2026", dec1, ""},
		{"1. 12. 2026", dec1, ""}, // Slovenian
		{"29.2.2028", DateOf(time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC)), ""},
		{"1970-01-01", MinDate, ""},
		{"2199-12-31", MaxDate, ""},
		{"29.2.2027", 0, "is not a day of the calendar"},
		{"2026-13-01", 0, "is not a day of the calendar"},
		{"31-04-2026", 0, "is not a day of the calendar"},
		{"0.12.2026", 0, "is not a day of the calendar"},
		{"12/1/2026", 0, "ambiguous"},
		{"1.12.26", 0, "two-digit year"},
		{"3", 0, "not an assessment date"},
		{"2026", 0, "not an assessment date"},
		{"1969-12-31", 0, "not an assessment date"},
		{"2200-01-01", 0, "not an assessment date"},
		{"999999999999", 0, "not a date"},
		{"december 2026", 0, "not a date"},
		{"2026-12-01x", 0, "not a date"},
		{"2026-12-01T25", 0, "not a date with a time"},
		{"1.12.2026.", 0, "not a date"},
		{"1..2026", 0, "not a date"},
		{"Lise Holm", 0, "not a date"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("ParseDate(%q): %v", tt.in, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseDate(%q) = %v, %v; want an error with %q", tt.in, got, err, tt.err)
		case got != tt.want:
			t.Errorf("ParseDate(%q) = %v (%d), want %v (%d)", tt.in, got, got, tt.want, tt.want)
		}
		if err != nil && !strings.Contains(err.Error(), "2026") {
			t.Errorf("ParseDate(%q): error %q shows no example of a date", tt.in, err)
		}
	}
	if dec1 != 46357 || dec1.String() != "2026-12-01" || !dec1.Time().Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("1 December 2026 is %d, %s, %v", dec1, dec1, dec1.Time())
	}
	if Date(0).String() != "" || !Date(0).Time().IsZero() {
		t.Error("the zero Date is not blank")
	}
}

// FuzzParseDate: never a panic; a date read is in range and reads back the
// same from its ISO and Danish forms.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"46357", "46357,5", "2026-12-01", "2026-12-01T09:30:00+01:00", "1.12.2026",
		"01-12-2026", "1. 12. 2026", "12/1/2026", "1.12.26", "29.2.2027", "", "-", "9999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != 0 {
				t.Fatalf("ParseDate(%q) = %d with error %v", s, d, err)
			}
			return
		}
		if d == 0 {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseDate(%q) gave no date and no error", s)
			}
			return
		}
		if d < MinDate || d > MaxDate {
			t.Fatalf("ParseDate(%q) = %d, out of range", s, d)
		}
		for _, again := range []string{d.String(), d.Time().Format("2.1.2006"), d.Time().Format("02-01-2006")} {
			if e, err := ParseDate(again); err != nil || e != d {
				t.Fatalf("ParseDate(%q) = %v; its form %q reads as %v, %v", s, d, again, e, err)
			}
		}
	})
}

func TestReadAssessment(t *testing.T) {
	fw := mini(t)
	r, err := readString(t, fw, "Navn;Rolle;Vurderet af;Vurderet;1.1;1.2\n"+
		"Anne;konsulent;Lise Holm;1.12.2026;3;2\n"+
		"Bo;leder; ;;1;1\n"+
		"Ce;leder;Lise Holm;46000;1;1\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, p := range r.Persons {
		got = append(got, p.Name+"|"+p.Assessor+"|"+p.Assessed.String())
	}
	if want := []string{"Anne|Lise Holm|2026-12-01", "Bo||", "Ce|Lise Holm|2025-12-09"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if r.Persons[0].Dates != nil || r.Persons[0].Assessors != nil {
		t.Error("the wide layout has dates per score")
	}
	// 3 names, 3 roles, 2 assessors, 2 dates
	if r.Stats.CellsFixed != 10 {
		t.Errorf("stats %+v", r.Stats)
	}
	before, undated := r.AssessedBefore(46357)
	if !reflect.DeepEqual(before, []int{2}) || !reflect.DeepEqual(undated, []int{1}) {
		t.Errorf("assessed before 2026-12-01: %v, undated %v", before, undated)
	}

	_, err = readString(t, fw, "name;assessed;1.1\nAnne;12/1/2026;3\nBo;31.4.2026;2\nCe;12/1/2026;1\n", Options{})
	if err == nil {
		t.Fatal("bad dates read")
	}
	for _, want := range []string{`team.csv: line 2, column "assessed" (and 1 more place): "12/1/2026" is ambiguous`,
		`line 3, column "assessed": "31.4.2026" is not a day of the calendar; write it as 2026-12-01 or 1.12.2026`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestReadLongAssessment(t *testing.T) {
	fw := mini(t)
	r, err := readString(t, fw, "navn;kompetence;niveau;vurderet af;vurderet\n"+
		"Anne;1.1;3;Lise;2026-01-10\n"+
		"Anne;1.2;2;Ole;2026-03-01\n"+
		"Bo;1.1;1;;\n"+
		"Anne;2.1;;Ole;2026-04-01\n"+
		"Bo;1.2;2;Lise;2025-05-05\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := r.Persons[0], r.Persons[1]
	// columns: 1.1, 1.2, 2.1
	if a.Assessed.String() != "2026-04-01" || a.Assessor != "Ole" {
		t.Errorf("Anne: %s by %q", a.Assessed, a.Assessor)
	}
	if b.Assessed.String() != "2025-05-05" || b.Assessor != "Lise" {
		t.Errorf("Bo: %s by %q", b.Assessed, b.Assessor)
	}
	dates := func(p Person) []string {
		var out []string
		for i, d := range p.Dates {
			out = append(out, d.String()+"/"+p.Assessors[i])
		}
		return out
	}
	if got, want := dates(a), []string{"2026-01-10/Lise", "2026-03-01/Ole", "/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Anne's dates %v, want %v", got, want)
	}
	if got, want := dates(b), []string{"/", "2025-05-05/Lise", "/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Bo's dates %v, want %v", got, want)
	}
}
