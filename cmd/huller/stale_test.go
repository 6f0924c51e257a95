package main

import (
	"strings"
	"testing"
	"time"
)

func TestParseAge(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{"12m", "12m", false}, {" 1Y ", "1y", false}, {"6w", "6w", false}, {"90d", "90d", false},
		{"100y", "100y", false}, {"101y", "", true}, {"0m", "", true}, {"-3m", "", true}, {"+3m", "", true},
		{"12", "", true}, {"m", "", true}, {"12 months", "", true}, {"1.5y", "", true}, {"", "", true},
		{"99999999999999999999d", "", true},
	}
	for _, tt := range tests {
		a, err := parseAge(tt.in)
		if (err != nil) != tt.err || err == nil && a.String() != tt.want {
			t.Errorf("parseAge(%q) = %v, %v", tt.in, a, err)
		}
		if err != nil && !strings.Contains(err.Error(), "12m (months)") {
			t.Errorf("parseAge(%q): %v gives no example", tt.in, err)
		}
	}
}

func TestAgeBefore(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct{ age, from, want string }{
		{"12m", "2026-12-01", "2025-12-01"},
		{"1y", "2028-02-29", "2027-02-28"},
		{"1m", "2026-03-31", "2026-02-28"},
		{"3m", "2026-01-15", "2025-10-15"},
		{"14m", "2026-01-31", "2024-11-30"},
		{"2w", "2026-01-05", "2025-12-22"},
		{"90d", "2026-03-01", "2025-12-01"},
	}
	for _, tt := range tests {
		a, err := parseAge(tt.age)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.before(day(tt.from)).Format("2006-01-02"); got != tt.want {
			t.Errorf("%s before %s = %s, want %s", tt.age, tt.from, got, tt.want)
		}
	}
}

// FuzzParseAge: no panic; an age read is bounded and writes back as read.
func FuzzParseAge(f *testing.F) {
	for _, s := range []string{"12m", "1y", "6w", "90d", "0d", "-1m", "1e3d", "١٢m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := parseAge(s)
		if err != nil {
			return
		}
		if a.n <= 0 || a.days() > maxAgeDays {
			t.Fatalf("parseAge(%q) = %+v", s, a)
		}
		if b, err := parseAge(a.String()); err != nil || b != a {
			t.Fatalf("parseAge(%q) = %v; again %v, %v", s, a, b, err)
		}
		_ = a.before(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	})
}
