package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func runHuller(t *testing.T, args ...string) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
	if code := execute(s, args); code != 0 {
		t.Fatalf("huller %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
	}
	return out.String(), errb.String()
}

// TestExampleFindings: on the example job centre, the coordination profile
// (none of those expected fits it) is in the top five, no hole is one
// person's mismatch, and nobody unassessed on a profile is named in a
// profile hole.
func TestExampleFindings(t *testing.T) {
	out, _ := runHuller(t, "analyze", "--example", "--format", "json")
	var doc struct {
		People []struct {
			Name     string
			Profiles []struct {
				ID       string
				Assessed int
			}
		}
		Holes []struct {
			Tier, Kind, ID string
			People         []string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	top := -1
	for i, h := range doc.Holes {
		if h.Kind == "profile" && h.ID == "koordination" {
			top = i
		}
		if h.Kind == "assignment" {
			t.Errorf("hole %d is one person's mismatch", i+1)
		}
		if h.Kind != "profile" {
			continue
		}
		for _, name := range h.People {
			for _, p := range doc.People {
				for _, pr := range p.Profiles {
					if p.Name == name && pr.ID == h.ID && pr.Assessed == 0 {
						t.Errorf("profile hole %s names %s, not assessed on it", h.ID, name)
					}
				}
			}
		}
	}
	if top < 0 || top >= 5 || doc.Holes[top].Tier != "cannot-deliver" {
		t.Errorf("the coordination profile is hole %d, want in the top five", top+1)
	}
}

// TestPersonView: --person shows the person's own view; of colleagues only
// the names of those who could help.
func TestPersonView(t *testing.T) {
	out, _ := runHuller(t, "analyze", "--example", "--person", "Bo Kjær", "--lang", "en")
	if !strings.Contains(out, "Bo Kjær (N1001) · Job consultant · Ungeteamet") || !strings.Contains(out, "Strengths") {
		t.Fatalf("person view:\n%s", out)
	}
	helpers := out[strings.Index(out, "Suggested focus"):]
	for _, name := range []string{"Peter Aagaard", "Jesper Thorsen", "Line Skov"} { // colleagues with gaps
		if strings.Contains(out, name) && !strings.Contains(helpers, name) {
			t.Errorf("the person view names %s", name)
		}
	}
	for _, section := range []string{"The unit cannot deliver", "Summary", "People"} {
		if strings.Contains(out, "\n"+section+"\n") {
			t.Errorf("the person view shows the unit's %s", section)
		}
	}
}
