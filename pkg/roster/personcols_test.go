package roster

import "testing"

func TestPersonColumn(t *testing.T) {
	for h, want := range map[string]string{"Navn": "name", " name ": "name", "Ime in priimek": "name",
		"Medarbejdernr.": "id", "ID": "id", "šifra": "id", "Rolle": "", "1.1": "", "": ""} {
		if got := PersonColumn(h); got != want {
			t.Errorf("PersonColumn(%q) = %q, want %q", h, got, want)
		}
	}
}
