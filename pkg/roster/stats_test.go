package roster

import (
	"testing"
)

// accounted is every non-blank cell the reader saw, by the Stats contract.
func accounted(s Stats) int {
	return s.CellsTitle + s.CellsHeader + s.CellsFixed + s.CellsRead + s.CellsMarked + s.CellsIgnored - s.CellsMerged
}

// TestNothingLost checks, on realistic rosters, that every non-blank cell
// of the roster sheet was either read or reported: the Stats account for
// exactly the non-blank cells that an independent reader (excelize, or
// encoding/csv) finds.
func TestNothingLost(t *testing.T) {
	fw := realFramework(t)
	dir := t.TempDir()
	o := genOptions{title: true, notes: true, marks: true}
	tests := []struct {
		name, path, sheet string
		count             func() int
		opts              Options
	}{
		{"excelize fixture", fixture("excelize.xlsx"), "Roster", nil, Options{}},
		{"libreoffice fixture", fixture("libreoffice.xlsx"), "Medarbejdere", nil, Options{}},
		{"generated xlsx", genXLSX(t, dir, 2000, o), "Roster", nil, Options{IgnoreUnknown: true}},
		{"generated csv", genCSV(t, dir, 2000, o), "", nil, Options{IgnoreUnknown: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Read(Source{Path: tt.path}, fw, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var want int
			if tt.sheet != "" {
				want = nonBlankXLSX(t, tt.path, tt.sheet)
			} else {
				want = nonBlankCSV(t, tt.path)
			}
			if got := accounted(r.Stats); got != want {
				t.Errorf("stats account for %d non-blank cells, the file has %d: %+v", got, want, r.Stats)
			}
			cells := 0
			for _, p := range r.Persons {
				for _, s := range p.Scores {
					if s != Unassessed {
						cells++
					}
				}
			}
			if cells != r.Stats.CellsRead {
				t.Errorf("%d scores kept, CellsRead %d", cells, r.Stats.CellsRead)
			}
			if r.Stats.Persons != len(r.Persons) || r.Stats.Rows != len(r.Persons) {
				t.Errorf("stats %+v for %d persons", r.Stats, len(r.Persons))
			}
			if r.Stats.CellsRead+r.Stats.CellsBlank != len(r.Persons)*len(r.Columns) {
				t.Errorf("read %d + blank %d != %d persons x %d columns", r.Stats.CellsRead, r.Stats.CellsBlank, len(r.Persons), len(r.Columns))
			}
		})
	}
}
