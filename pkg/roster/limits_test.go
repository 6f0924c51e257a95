package roster

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/internal/spreadsheet"
)

// TestWarningsAggregated: many headerless or ignored columns give one
// warning each kind, not one a column.
func TestWarningsAggregated(t *testing.T) {
	fw := mini(t)
	var b strings.Builder
	b.WriteString("name,1.1")
	for i := range 30 {
		fmt.Fprintf(&b, ",Noter %d", i)
	}
	b.WriteString("\nAnne,1")
	b.WriteString(strings.Repeat(",x", 30))  // the ignored columns
	b.WriteString(strings.Repeat(",y", 500)) // 500 columns beyond the header
	b.WriteString("\nBo,2\n")
	r, err := readString(t, fw, b.String(), Options{IgnoreUnknown: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 4 {
		t.Errorf("%d warnings: %v", len(r.Warnings), r.Warnings)
	}
	for _, w := range []string{
		`team.csv: ignored 30 columns that name no competence of mini: column 3 "Noter 0" (1 value), column 4 "Noter 1" (1 value),`,
		`column 12 "Noter 9" (1 value) and 20 more`,
		"team.csv: 500 columns have no header, so their 500 values were ignored (columns 33, 34, 35, 36, 37, 38, 39, 40, 41, 42 and 490 more); give them competence ids as headers, or delete them",
	} {
		if !hasWarning(r, w) {
			t.Errorf("no warning %q in %v", w, r.Warnings)
		}
	}
	if r.Stats.CellsIgnored != 530 {
		t.Errorf("stats %+v", r.Stats)
	}

	// A requirements file the same way.
	reqs, warns, err := ReadRequirements(Source{Name: "req.csv", R: strings.NewReader("role,1.1,a,b,c,d\nkonsulent,2,1,1,1,1\n")}, fw, Options{IgnoreUnknown: true})
	if err != nil || len(reqs) != 1 {
		t.Fatal(reqs, err)
	}
	if len(warns) != 1 || warns[0].String() != `req.csv: ignored 4 columns that name no competence of mini: column 3 "a", column 4 "b", column 5 "c", column 6 "d"` {
		t.Errorf("warnings %v", warns)
	}
	// A few get a warning each.
	_, warns, _ = ReadRequirements(Source{Name: "req.csv", R: strings.NewReader("role,1.1,a,b\nkonsulent,2,1,1\n")}, fw, Options{IgnoreUnknown: true})
	if len(warns) != 2 || warns[1].String() != `req.csv: line 1, column 4: ignored column "b": it names no competence of mini` {
		t.Errorf("warnings %v", warns)
	}
	r, err = readString(t, fw, "name,1.1,a,b\nAnne,1,x,y,z\n", Options{IgnoreUnknown: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`team.csv: ignored column 3 "a": it names no competence of mini (1 value)`, `team.csv: column 5 has no header, so its 1 value was ignored`} {
		if !hasWarning(r, w) {
			t.Errorf("no warning %q in %v", w, r.Warnings)
		}
	}
}

func TestRosterLimits(t *testing.T) {
	fw := mini(t)
	var rows strings.Builder
	rows.WriteString("name,1.1,1.2,2.1\n")
	for i := range 20 {
		fmt.Fprintf(&rows, "P%d,1,2,3\n", i)
	}
	var long strings.Builder
	long.WriteString("name,competence,level\n")
	for i := range 20 {
		fmt.Fprintf(&long, "P%d,1.1,1\nP%d,1.2,2\n", i, i)
	}
	tests := []struct {
		name, text string
		opts       Options
		want       string
	}{
		{"persons", rows.String(), Options{maxPersons: 10},
			"team.csv: line 12: the roster has more than 10 persons, as many as a sheet can hold"},
		{"levels", rows.String(), Options{maxLevels: 30},
			"team.csv: line 12: the roster holds more than 30 levels (persons × competence columns, here 11 × 3)"},
		{"long persons", long.String(), Options{maxPersons: 10},
			"team.csv: line 22: the roster has more than 10 persons"},
		{"long levels", long.String(), Options{maxLong: 15},
			"team.csv: line 17: the roster has more than 15 rows of levels"},
		{"long persons × competences", long.String(), Options{maxLevels: 30},
			"team.csv: the roster holds more than 30 levels (persons × competences, here 20 × 2)"},
	}
	for _, tt := range tests {
		_, err := readString(t, fw, tt.text, tt.opts)
		var re *Error
		if !errors.As(err, &re) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v\nwant %q", tt.name, err, tt.want)
		}
		if re != nil && len(re.Problems) != 1 {
			t.Errorf("%s: %d problems", tt.name, len(re.Problems))
		}
	}
	if _, err := readString(t, fw, rows.String(), Options{maxPersons: 20, maxLevels: 60}); err != nil {
		t.Errorf("at the limits: %v", err)
	}
}

// TestLongDuplicates: many levels for the same person and competence
// are reported without comparing each with all before it.
func TestLongDuplicates(t *testing.T) {
	var b strings.Builder
	b.WriteString("name,competence,level\n")
	for range 50000 {
		b.WriteString("Anne,1.1,1\n")
	}
	_, err := readString(t, mini(t), b.String(), Options{})
	var re *Error
	if !errors.As(err, &re) || re.Problems[0].Message != "Anne has two levels for competence 1.1 (line 2 and line 3); keep one" || re.More+len(re.Problems) != 49999 {
		t.Errorf("error %v", err)
	}
}

// TestRequirementsCSVLimits: the --requirements CSV path has the roster's
// limits.
func TestRequirementsCSVLimits(t *testing.T) {
	text := "role,1.1\nkonsulent,2" + strings.Repeat(",", 20000) + "\n"
	_, _, err := ReadRequirements(Source{Name: "req.csv", R: strings.NewReader(text)}, mini(t), Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "req.csv: line 2: has more than 16,384 fields") || !errors.Is(err, spreadsheet.ErrTooLarge) {
		t.Errorf("error %v", err)
	}
}
