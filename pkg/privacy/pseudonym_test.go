package privacy

import (
	"regexp"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/roster"
)

func team() *roster.Roster {
	return &roster.Roster{Source: "t.csv", Persons: []roster.Person{
		{Name: "Anne Nielsen", ID: "E1"}, {Name: "Bo Kjær", ID: "E2"}, {Name: "Bo", ID: ""}, {Name: "Eva  Holm"},
	}, Warnings: []roster.Warning{{Message: "2 persons have nothing assessed: Bo Kjær, Bo; Borgere stay"}}}
}

func TestPseudonymiseKeyed(t *testing.T) {
	key := []byte("0123456789abcdef0123")
	r := team()
	m, err := Pseudonymise(r, key)
	if err != nil {
		t.Fatal(err)
	}
	pat := regexp.MustCompile(`^P-[0-9A-F]{8}$`)
	seen := map[string]bool{}
	for i, p := range r.Persons {
		if !pat.MatchString(p.Name) || p.ID != p.Name || seen[p.Name] || m[i].Pseudonym != p.Name {
			t.Errorf("person %d: %+v (%+v)", i, p, m[i])
		}
		seen[p.Name] = true
	}
	if m[0].Name != "Anne Nielsen" || m[0].ID != "E1" {
		t.Errorf("mapping %+v", m[0])
	}
	w := r.Warnings[0].Message
	if strings.Contains(w, "Bo Kjær") || strings.Contains(w, "Bo,") || !strings.Contains(w, "Borgere") ||
		!strings.Contains(w, m[1].Pseudonym) || !strings.Contains(w, m[2].Pseudonym) {
		t.Errorf("warning %q", w)
	}
	// the same key gives the same pseudonyms, also in another roster and
	// order; a name is compared without case and spacing
	other := &roster.Roster{Persons: []roster.Person{{Name: "eva holm"}, {Name: "X", ID: "E1"}}}
	m2, _ := Pseudonymise(other, key)
	if m2[0].Pseudonym != m[3].Pseudonym || m2[1].Pseudonym != m[0].Pseudonym {
		t.Errorf("not stable: %+v vs %+v", m2, m)
	}
	// another key, other pseudonyms
	m3, _ := Pseudonymise(team(), []byte("another key of sixteen bytes"))
	for i := range m3 {
		if m3[i].Pseudonym == m[i].Pseudonym {
			t.Errorf("person %d keeps %s under another key", i, m[i].Pseudonym)
		}
	}
	if _, err := Pseudonymise(team(), []byte("short")); err == nil || !strings.Contains(err.Error(), "at least 16") {
		t.Errorf("short key: %v", err)
	}
}

func TestPseudonymiseNumbered(t *testing.T) {
	r := team()
	m, err := Pseudonymise(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"P-0001", "P-0002", "P-0003", "P-0004"} {
		if r.Persons[i].Name != want || m[i].Pseudonym != want {
			t.Errorf("person %d: %s", i, r.Persons[i].Name)
		}
	}
}

func TestReplaceWord(t *testing.T) {
	tests := []struct{ s, word, to, want string }{
		{"Bo and Borgere, Bo.", "Bo", "P", "P and Borgere, P."},
		{"Ærø Ærø2 xÆrø", "Ærø", "P", "P Ærø2 xÆrø"},
		{"E1, E12", "E1", "P", "P, E12"},
	}
	for _, tt := range tests {
		if got := replaceWord(tt.s, tt.word, tt.to); got != tt.want {
			t.Errorf("replaceWord(%q, %q) = %q, want %q", tt.s, tt.word, got, tt.want)
		}
	}
}
