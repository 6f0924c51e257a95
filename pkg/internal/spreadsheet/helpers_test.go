package spreadsheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// wb is a hand-made workbook for tests: sheets by name with their
// <sheetData> content (or a whole worksheet XML when it starts with "<?xml"
// or "<worksheet"), plus extra parts.
type wb struct {
	sheets []sheetSpec
	sst    []string // shared strings
	parts  map[string]string
}

type sheetSpec struct {
	name, xml, state string
}

const nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func (w wb) bytes(t testing.TB) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	}
	var sheets, rels strings.Builder
	for i, s := range w.sheets {
		state := ""
		if s.state != "" {
			state = ` state="` + s.state + `"`
		}
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, i+1, state, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		x := s.xml
		if !strings.HasPrefix(x, "<?xml") && !strings.HasPrefix(x, "<worksheet") {
			x = `<?xml version="1.0" encoding="UTF-8"?><worksheet ` + nsMain + `><sheetData>` + x + `</sheetData></worksheet>`
		}
		parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = x
	}
	if w.sst != nil {
		var sb strings.Builder
		fmt.Fprintf(&sb, `<?xml version="1.0" encoding="UTF-8"?><sst %s count="%d" uniqueCount="%d">`, nsMain, len(w.sst), len(w.sst))
		for _, s := range w.sst {
			if strings.HasPrefix(s, "<") {
				sb.WriteString("<si>" + s + "</si>")
			} else {
				sb.WriteString("<si><t>" + s + "</t></si>")
			}
		}
		sb.WriteString("</sst>")
		parts["xl/sharedStrings.xml"] = sb.String()
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, len(w.sheets)+1)
	}
	parts["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8"?><workbook ` + nsMain + `><sheets>` + sheets.String() + `</sheets></workbook>`
	parts["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`
	for k, v := range w.parts {
		parts[k] = v
	}
	return zipBytes(t, parts)
}

func zipBytes(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		f, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// openBytes opens data as if it came from standard input.
func openBytes(t testing.TB, name string, data []byte, opts Options) (*File, error) {
	t.Helper()
	return Open(Source{Name: name, R: bytes.NewReader(data)}, opts)
}

type readRow struct {
	Row    int
	Cells  []string
	Hidden bool
}

// readAll reads every row of a sheet (again, when its merged ranges turn
// out to cover rows read).
func readAll(t testing.TB, f *File, sheet string) ([]readRow, error) {
	t.Helper()
	var out []readRow
	err := f.Read(sheet, func(rows *Rows) error {
		out = out[:0]
		for rows.Next() {
			out = append(out, readRow{rows.Row(), append([]string(nil), rows.Cells()...), rows.Hidden()})
		}
		return rows.Err()
	})
	return out, err
}
