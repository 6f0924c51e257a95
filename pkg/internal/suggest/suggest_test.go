package suggest

import (
	"reflect"
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"kitten", "sitting", 3}, {"1.1", "1.1", 0},
		{"koordination", "kordination", 1}, {"æøå", "aoa", 3}, {"Ærø", "ærø", 1},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	ids := []string{"1.1", "1.2", "1.3", "2.1", "koordination", "kompetence", "empowerment"}
	for _, c := range []struct {
		s    string
		n    int
		want []string
	}{
		{"1.4", 3, []string{"1.1", "1.2", "1.3"}},
		{"1.4", 2, []string{"1.1", "1.2"}},
		{"Koordinaton", 3, []string{"koordination"}},
		{"xyz", 3, nil},
		{"", 3, nil},
		{strings.Repeat("k", 200), 3, nil}, // far in length: not compared
	} {
		if got := Closest(c.s, ids, c.n); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Closest(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	if got, want := DidYouMean("1.4", []string{"1.1", "2.2", "9.9.9.9"}), ` (did you mean "1.1" or "2.2"?)`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := DidYouMean("zzz", []string{"1.1"}); got != "" {
		t.Errorf("got %q for nothing near", got)
	}
}
