package roster

// PersonColumn says whether a column header names persons as a roster's
// fixed columns do: "name" for a name column (name, navn, ime, …), "id"
// for an id column (id, medarbejdernr, šifra, …), "" for any other. It
// lets a workbook be checked for personal data with the roster's own
// header aliases.
func PersonColumn(header string) string {
	switch fieldOf(header) {
	case fieldName:
		return "name"
	case fieldID:
		return "id"
	}
	return ""
}
