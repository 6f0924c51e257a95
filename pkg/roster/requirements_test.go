package roster

import (
	"reflect"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
)

func reqMap(reqs map[string][]framework.Requirement) map[string]map[string]int {
	out := map[string]map[string]int{}
	for role, list := range reqs {
		out[role] = map[string]int{}
		for _, r := range list {
			out[role][r.Node] = r.Level
		}
	}
	return out
}

func TestReadRequirementsFiles(t *testing.T) {
	fw := realFramework(t)
	want := map[string]map[string]int{
		"jobkonsulent": {"1": 3, "4": 2},
		"teamleder":    {"1": 2, "2.3": 2},
	}
	csvWant := map[string]map[string]int{
		"jobkonsulent": {"1": 3, "4": 2},
		"teamleder":    {"1": 2, "2.3": 2, "4": 2},
	}
	for file, w := range map[string]map[string]map[string]int{"requirements.yaml": want, "requirements.csv": csvWant} {
		reqs, warns, err := ReadRequirements(FileSource(fixture(file), nil), fw, Options{})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if got := reqMap(reqs); !reflect.DeepEqual(got, w) {
			t.Errorf("%s: %v, want %v", file, got, w)
		}
		if len(warns) != 0 {
			t.Errorf("%s: warnings %v", file, warns)
		}
	}
	// The excelize fixture's Requirements sheet, as a --requirements file.
	reqs, _, err := ReadRequirements(FileSource(fixture("excelize.xlsx"), nil), fw, Options{})
	if err != nil || len(reqs) != 5 || len(reqs["mentor"]) != 22 {
		t.Errorf("excelize.xlsx: %d roles, %v", len(reqs), err)
	}
	// A role only the requirements know is accepted in a roster.
	r, err := Read(Source{Name: "t.csv", R: strings.NewReader("name,role,1.1\nAnne,Teamleder,2\n")}, fw,
		Options{ExtraRoles: []string{"teamleder"}})
	if err != nil || r.Persons[0].Role != "teamleder" {
		t.Errorf("extra role: %v %+v", err, r)
	}
}

func TestRequirementsProblems(t *testing.T) {
	fw := mini(t)
	tests := []struct{ name, text, want string }{
		{"no role column", "name,1\nx,2\n", "no role column"},
		{"profile column", "role,virksomhed.1\nkonsulent,2\n", `column "virksomhed.1" is a profile item; requirements apply to basic competences only`},
		{"unknown column", "role,9\nkonsulent,2\n", `column "9" names no basic competence of mini`},
		{"bad level", "role,1\nkonsulent,høj\n", `"høj" is not a level`},
		{"outside", "role,1\nkonsulent,7\n", `"7" is outside the scale`},
		{"twice", "role,1\nkonsulent,2\nKonsulent,3\n", `role "konsulent" has a second row (the first is line 2)`},
		{"no role", "role,1\n,2\n", "this row has levels but no role"},
	}
	for _, tt := range tests {
		_, _, err := ReadRequirements(Source{Name: "req.csv", R: strings.NewReader(tt.text)}, fw, Options{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
	// A role close to a framework role is probably a typo: warn.
	_, warns, err := ReadRequirements(Source{Name: "req.csv", R: strings.NewReader("rolle,rollenavn,1\nkonsulnt,X,2\n")}, fw, Options{})
	if err != nil || len(warns) != 1 || !strings.Contains(warns[0].String(), `role "konsulnt" is not a role of mini (did you mean "konsulent"?)`) {
		t.Errorf("warnings %v, error %v", warns, err)
	}
}

func TestRequirementsYAML(t *testing.T) {
	fw := mini(t)
	tests := []struct{ text, want string }{
		{"konsulent: {\"1\": 2, \"2.1\": Ekspert}\n", ""},
		{"requirements:\n  leder: {\"2\": 1}\n", ""},
		{"- a\n", "expected a map of role to a map"},
		{"konsulent: 2\n", `the requirements of role "konsulent" must be a map`},
		{"konsulent: {\"9\": 2}\n", `req.yaml:1:13: "9" names no competence of mini`},
		{"konsulent: {\"virksomhed\": 2}\n", "is a profile; requirements apply to basic competences only"},
		{"konsulent: {\"1\": 9}\n", `req.yaml:1:18: "9" is not a level`},
		{"konsulent: {\"1\": 1}\nKonsulent: {\"1\": 2}\n", `role "konsulent" is given twice`},
		{"a: [\n", "req.yaml:"},
		{"", "is empty"},
	}
	for _, tt := range tests {
		reqs, _, err := parseRequirementsYAML("req.yaml", []byte(tt.text), fw, Options{})
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.text, err)
		case tt.want == "" && len(reqs) != 1:
			t.Errorf("%q: %v", tt.text, reqs)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: error %v, want %q", tt.text, err, tt.want)
		}
	}
}

func TestRecordedFramework(t *testing.T) {
	ref, err := RecordedFramework(fixture("excelize.xlsx"))
	if err != nil || ref != (FrameworkRef{ID: "fagligheder-fase3"}) || ref.String() != "fagligheder-fase3" {
		t.Errorf("excelize.xlsx: %+v %v", ref, err)
	}
	for _, p := range []string{fixture("libreoffice.xlsx"), fixture("comma.csv"), "-"} {
		ref, err := RecordedFramework(p)
		if err != nil || !ref.IsZero() {
			t.Errorf("%s: %+v %v", p, ref, err)
		}
	}
	if _, err := RecordedFramework(fixture("bad/not-a-spreadsheet.pdf")); err == nil {
		t.Error("no error for a PDF")
	}
	if got := (FrameworkRef{ID: "x", File: "/a/x.yaml"}).String(); got != "/a/x.yaml" {
		t.Errorf("String() = %q", got)
	}
}

func TestRequirementsSheetWithoutRoles(t *testing.T) {
	fw := mini(t)
	f, err := spreadsheet.Open(Source{Name: "t.xlsx", Path: fixture("excelize.xlsx")}, spreadsheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// A sheet with a role column but roster columns is still refused.
	if _, _, _, err := readRequirementsSheet(f, "Roster", fw, Options{}); err == nil {
		t.Error("no error")
	}
	// A sheet without a role column (notes) is passed over with a warning.
	g, err := spreadsheet.Open(Source{Name: "n.csv", R: strings.NewReader("Noter\nhusk kaffe\n")}, spreadsheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	reqs, _, warns, err := readRequirementsSheet(g, "", fw, Options{})
	if err != nil || reqs != nil || len(warns) != 1 || !strings.Contains(warns[0].String(), "n.csv: has no role column, so it was not read as requirements") {
		t.Errorf("reqs %v warnings %v error %v", reqs, warns, err)
	}
}
