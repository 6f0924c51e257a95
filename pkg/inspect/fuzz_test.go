package inspect

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzFile: any file content is inspected or refused with an error, never
// a panic; a result is consistent (values only in found columns).
func FuzzFile(f *testing.F) {
	f.Add([]byte("name,id\nAnne,E1\n"))
	f.Add([]byte("Navn;Medarbejdernr\nP-0001;P-0001\n"))
	f.Add([]byte("ID,Competence\n1.1,x\n"))
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.csv")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		r, err := File(path)
		if err != nil {
			return
		}
		for _, s := range r.Sheets {
			for _, c := range s.Columns {
				if c.Pseudonyms > c.Values || c.Col < 1 || c.Kind == "" {
					t.Fatalf("column %+v", c)
				}
			}
		}
	})
}
