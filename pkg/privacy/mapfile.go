package privacy

import (
	"encoding/csv"
	"io"

	"github.com/huller/huller/pkg/safetext"
)

// MapHeader are the columns of the pseudonym table WriteMap writes.
var MapHeader = []string{"pseudonym", "name", "id", "roster"}

// WriteMap writes the mapping as CSV (UTF-8, comma-separated): one row per
// person and roster, in the mapping's order. Text a spreadsheet would read
// as a formula is neutralised (safetext.CSV).
func WriteMap(w io.Writer, m Mapping) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(MapHeader); err != nil {
		return err
	}
	for _, e := range m {
		if err := cw.Write([]string{e.Pseudonym, safetext.CSV(e.Name), safetext.CSV(e.ID), safetext.CSV(e.Roster)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
