package examples

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"
)

func records(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestMapping2026 checks that the first mapping holds the example roster's
// persons and levels, with an assessor and a date per person.
func TestMapping2026(t *testing.T) {
	roster, mapping := records(t, Roster), records(t, Mapping2026)
	if len(roster) != len(mapping) {
		t.Fatalf("%d rows, the roster has %d", len(mapping), len(roster))
	}
	for i := range roster {
		m := mapping[i]
		if i == 0 && (m[5] != "Vurderet af" || m[6] != "Vurderet") {
			t.Fatalf("header %q", m[:7])
		}
		if i > 0 && (m[5] == "" || m[6] == "") {
			t.Errorf("row %d has no assessor or date", i+1)
		}
		if got := slices.Concat(m[:5], m[7:]); !slices.Equal(got, roster[i]) {
			t.Errorf("row %d differs from the roster:\n%q\n%q", i+1, got, roster[i])
		}
	}
	later := records(t, Mapping2027)
	if !slices.Equal(later[0], mapping[0]) {
		t.Errorf("the two mappings' headers differ")
	}
}
