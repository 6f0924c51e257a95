package privacy

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/roster"
)

func team() *roster.Roster {
	return &roster.Roster{Source: "t.csv", Persons: []roster.Person{
		{Name: "Anne Nielsen", ID: "E1", Row: 2, Scores: []int8{1}}, {Name: "Bo Kjær", ID: "E2", Row: 3, Scores: []int8{2}},
		{Name: "Bo", ID: "", Row: 4, Scores: []int8{3}}, {Name: "Eva  Holm", Row: 5, Scores: []int8{0}},
	}, Warnings: []roster.Warning{{Message: "2 persons have nothing assessed: Bo Kjær (row 3), Bo; Borgere stay (row 9)"}}}
}

// byName returns the mapping entry of a person.
func byName(m Mapping, name string) Entry {
	for _, e := range m {
		if e.Name == name {
			return e
		}
	}
	return Entry{}
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
		if !pat.MatchString(p.Name) || p.ID != p.Name || seen[p.Name] || m[i].Pseudonym != p.Name || p.Row != 0 {
			t.Errorf("person %d: %+v (%+v)", i, p, m[i])
		}
		if i > 0 && r.Persons[i-1].Name > p.Name {
			t.Errorf("persons not in pseudonym order: %s before %s", r.Persons[i-1].Name, p.Name)
		}
		seen[p.Name] = true
	}
	anne := byName(m, "Anne Nielsen")
	if anne.ID != "E1" || anne.Roster != "t.csv" {
		t.Errorf("mapping %+v", anne)
	}
	// the levels travel with the person
	for i, p := range r.Persons {
		if want := map[string]int8{"Anne Nielsen": 1, "Bo Kjær": 2, "Bo": 3, "Eva  Holm": 0}[m[i].Name]; p.Scores[0] != want {
			t.Errorf("%s has level %d, want %d", m[i].Name, p.Scores[0], want)
		}
	}
	w := r.Warnings[0].Message
	if strings.Contains(w, "Bo Kjær") || strings.Contains(w, "Bo,") || !strings.Contains(w, "Borgere stay (row 9)") || strings.Contains(w, "row 3") ||
		!strings.Contains(w, byName(m, "Bo Kjær").Pseudonym) || !strings.Contains(w, byName(m, "Bo").Pseudonym) {
		t.Errorf("warning %q", w)
	}
	// the same key gives the same pseudonyms, also in another roster and
	// order; a name is compared without case and spacing
	other := &roster.Roster{Persons: []roster.Person{{Name: "eva holm"}, {Name: "X", ID: "E1"}}}
	m2, _ := Pseudonymise(other, key)
	if byName(m2, "eva holm").Pseudonym != byName(m, "Eva  Holm").Pseudonym || byName(m2, "X").Pseudonym != anne.Pseudonym {
		t.Errorf("not stable: %+v vs %+v", m2, m)
	}
	// another key, other pseudonyms
	m3, _ := Pseudonymise(team(), []byte("another key of sixteen bytes"))
	for _, e := range m3 {
		if e.Pseudonym == byName(m, e.Name).Pseudonym {
			t.Errorf("%s keeps %s under another key", e.Name, e.Pseudonym)
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
	// the same roster gives the same numbers
	m2, _ := Pseudonymise(team(), nil)
	for i := range m {
		if m[i] != m2[i] {
			t.Errorf("numbering not reproducible: %+v vs %+v", m[i], m2[i])
		}
	}
	// the numbers do not follow the roster order for every roster: among
	// a few rosters differing only in their levels, some order differs
	differs := false
	for lv := int8(0); lv < 8 && !differs; lv++ {
		r := team()
		r.Persons[0].Scores[0] = lv
		m, _ := Pseudonymise(r, nil)
		for i, want := range []string{"Anne Nielsen", "Bo Kjær", "Bo", "Eva  Holm"} {
			if m[i].Name != want {
				differs = true
			}
		}
	}
	if !differs {
		t.Error("numbered pseudonyms follow the roster order")
	}
}

// TestPseudonymiseAll: a person in two rosters keeps one pseudonym, keyed
// or numbered, and persons who differ never share one.
func TestPseudonymiseAll(t *testing.T) {
	for _, key := range [][]byte{nil, []byte("0123456789abcdef0123")} {
		a := team()
		b := &roster.Roster{Source: "u.csv", Persons: []roster.Person{{Name: "Anne N.", ID: "E1"}, {Name: "Åse", ID: "E9"}}}
		m, err := PseudonymiseAll([]*roster.Roster{a, b}, key)
		if err != nil {
			t.Fatal(err)
		}
		if len(m) != 6 {
			t.Fatalf("%d entries", len(m))
		}
		who := map[string]string{}
		for _, e := range m {
			id := e.ID
			if id == "" {
				id = e.Name
			}
			if prev, ok := who[e.Pseudonym]; ok && prev != id {
				t.Errorf("%s stands for %s and %s", e.Pseudonym, prev, id)
			}
			who[e.Pseudonym] = id
		}
		var anne []string
		for _, e := range m {
			if e.ID == "E1" {
				anne = append(anne, e.Pseudonym+"@"+e.Roster)
			}
		}
		if len(anne) != 2 || strings.Split(anne[0], "@")[0] != strings.Split(anne[1], "@")[0] {
			t.Errorf("E1 in two rosters: %v", anne)
		}
	}
}

// TestKeyedCollisions: persons whose short digits collide get 16 digits,
// the others keep theirs (forced here with 1 short digit: 40 identities
// over 16 values must collide).
func TestKeyedCollisions(t *testing.T) {
	key := []byte("0123456789abcdef0123")
	var ids []string
	for i := range 40 {
		ids = append(ids, fmt.Sprintf("id\x00E%d", i))
	}
	names := keyedNames(key, ids, 1)
	seen := map[string]bool{}
	long := 0
	for _, id := range ids {
		p := names[id]
		if seen[p] {
			t.Errorf("%s given twice", p)
		}
		seen[p] = true
		switch len(p) {
		case 3:
		case 18:
			long++
			if !strings.HasPrefix(p, keyed(key, id, 1)) {
				t.Errorf("%s does not extend %s", p, keyed(key, id, 1))
			}
		default:
			t.Errorf("pseudonym %q", p)
		}
	}
	if long < 40-16 {
		t.Errorf("only %d long pseudonyms", long)
	}
}

func TestWriteMap(t *testing.T) {
	var buf bytes.Buffer
	m := Mapping{{Pseudonym: "P-0001", Name: "=cmd()", ID: "E1", Roster: "a.xlsx"}}
	if err := WriteMap(&buf, m); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || strings.Join(rows[0], ",") != "pseudonym,name,id,roster" || rows[1][1] != "'=cmd()" {
		t.Errorf("%q", rows)
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

// FuzzReplaceWord: after replacing a word, it no longer stands alone in
// the text, and the text is otherwise kept.
func FuzzReplaceWord(f *testing.F) {
	f.Add("Bo and Borgere, Bo.", "Bo")
	f.Add("E1, E12 (row 3)", "E1")
	f.Add("Ærø\xffÆrø", "Ærø")
	f.Fuzz(func(t *testing.T, s, word string) {
		if word == "" || strings.Contains("P-0001", word) || strings.Contains(word, "P-0001") {
			return
		}
		got := replaceWord(s, word, "P-0001")
		if strings.ReplaceAll(got, "P-0001", word) != s && !strings.Contains(s, "P-0001") {
			t.Fatalf("replaceWord(%q, %q) = %q changed more than the word", s, word, got)
		}
	})
}

// TestPseudonymiseAssessors: an assessor who is a person of the roster
// gets the person's pseudonym; another gets one of their own, listed in
// the mapping without an id; the long layout's assessors per score too.
func TestPseudonymiseAssessors(t *testing.T) {
	for _, key := range [][]byte{nil, []byte("0123456789abcdef0123")} {
		r := team()
		r.Persons[0].Assessor = "bo  kjær"
		r.Persons[1].Assessor = "Lone Leder"
		r.Persons[2].Assessors = []string{"Lone Leder", "", "Anne Nielsen"}
		m, err := Pseudonymise(r, key)
		if err != nil {
			t.Fatal(err)
		}
		bo, lone := byName(m, "Bo Kjær"), byName(m, "Lone Leder")
		if lone.Pseudonym == "" || lone.ID != "" || len(m) != 5 {
			t.Fatalf("mapping %+v", m)
		}
		var assessors []string
		for _, p := range r.Persons {
			assessors = append(assessors, p.Assessor)
			assessors = append(assessors, p.Assessors...)
		}
		got := strings.Join(assessors, ",")
		for _, w := range []string{"Lone", "Bo", "Anne"} {
			if strings.Contains(got, w) {
				t.Errorf("assessors %q", got)
			}
		}
		if !strings.Contains(got, bo.Pseudonym) || !strings.Contains(got, lone.Pseudonym) || !strings.Contains(got, byName(m, "Anne Nielsen").Pseudonym) {
			t.Errorf("assessors %q, Bo %s, Lone %s", got, bo.Pseudonym, lone.Pseudonym)
		}
	}
}
