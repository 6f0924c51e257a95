package spreadsheet

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/huller/huller/pkg/internal/heapwatch"
	"github.com/xuri/excelize/v2"
)

const (
	nsComments = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsCore     = `xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"`
)

func TestAuthorship(t *testing.T) {
	legacy := `<?xml version="1.0" encoding="UTF-8"?><comments ` + nsComments + `><authors><author>Hanne Jensen</author><author>tc={6A1}</author><author>huller</author></authors>` +
		`<commentList><comment ref="A1" authorId="0"><text><t>Bo is on sick leave</t></text></comment>` +
		`<comment ref="B1" authorId="1"><text><t>[Threaded comment]</t></text></comment>` +
		`<comment ref="C1" authorId="2"><text><t>a statement</t></text></comment>` +
		`<comment ref="D1" authorId="0"><text><t>ask Bo</t></text></comment>` +
		`<comment ref="E1" authorId="7"><text><t>no such author</t></text></comment></commentList></comments>`
	persons := `<?xml version="1.0" encoding="UTF-8"?><personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">` +
		`<person displayName="Bo Kjær" id="{6A1}" userId="bo@nordby.dk" providerId="AD"/></personList>`
	threaded := `<?xml version="1.0" encoding="UTF-8"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">` +
		`<threadedComment ref="B1" personId="{6A1}" id="{1}"><text>ask Hanne</text></threadedComment>` +
		`<threadedComment ref="B1" personId="{6A1}" id="{2}" parentId="{1}"><text>done</text></threadedComment>` +
		`<threadedComment ref="B2" personId="{FFF}" id="{3}"><text>who?</text></threadedComment></ThreadedComments>`
	tests := []struct {
		name  string
		parts map[string]string
		want  string
	}{
		{"none", nil, `"" "" []`},
		{"core properties", map[string]string{"docProps/core.xml": `<?xml version="1.0"?><cp:coreProperties ` + nsCore +
			`><dc:creator> Hanne Jensen </dc:creator><cp:lastModifiedBy>Bo Kjær</cp:lastModifiedBy></cp:coreProperties>`},
			`"Hanne Jensen" "Bo Kjær" []`},
		{"legacy and threaded comments", map[string]string{"xl/comments1.xml": legacy, "xl/persons/person.xml": persons,
			"xl/threadedComments/threadedComment1.xml": threaded},
			`"" "" [{Bo Kjær 2} {Hanne Jensen 2} {? 1} {huller 1} {{FFF} 1}]`},
		{"a long name is cut", map[string]string{"xl/comments2.xml": `<comments ` + nsComments + `><authors><author>` + strings.Repeat("x", 500) +
			`</author></authors><commentList><comment ref="A1" authorId="0"/></commentList></comments>`},
			`"" "" [{` + strings.Repeat("x", maxAuthorName) + `… 1}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := wb{sheets: []sheetSpec{{name: "S", xml: `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`}}, parts: tt.parts}.bytes(t)
			if got := authorship(t, data); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestAuthorshipExcelize: the authors of a workbook excelize wrote.
func TestAuthorshipExcelize(t *testing.T) {
	x := excelize.NewFile()
	if err := x.SetDocProps(&excelize.DocProperties{Creator: "Hanne Jensen", LastModifiedBy: "Hanne Jensen"}); err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{"A1", "B2", "C3"} {
		if err := x.AddComment("Sheet1", excelize.Comment{Cell: cell, Author: "Bo Kjær", Text: "see me"}); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	if got := authorship(t, buf.Bytes()); got != `"Hanne Jensen" "Hanne Jensen" [{Bo Kjær 3}]` {
		t.Errorf("got %s", got)
	}
}

// TestCommentsDigest: the digest of the comments read is the digest of
// the texts written, whatever their order and their runs; another text
// or one more comment changes it.
func TestCommentsDigest(t *testing.T) {
	x := excelize.NewFile()
	texts := []string{"Løftebehov: <effort> & more", "a", "a"}
	for i, text := range texts {
		runs := []excelize.RichTextRun{{Text: text}}
		if i == 0 { // two runs, as an application may split a text
			runs = []excelize.RichTextRun{{Text: text[:5]}, {Text: text[5:]}}
		}
		if err := x.AddComment("Sheet1", excelize.Comment{Cell: fmt.Sprint("A", i+1), Author: "huller", Paragraph: runs}); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	f, err := openBytes(t, "b.xlsx", buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := f.Authorship()
	if err != nil {
		t.Fatal(err)
	}
	if want := CommentsDigest([]string{"a", texts[0], "a"}); a.Digest != want {
		t.Errorf("digest %s, want %s", a.Digest, want)
	}
	for _, other := range [][]string{{"a", texts[0]}, {"a", texts[0], "a", "a"}, {"a", texts[0], "b"}} {
		if CommentsDigest(other) == a.Digest {
			t.Errorf("%q has the same digest", other)
		}
	}
}

// authorship reads the authorship of a workbook, written out.
func authorship(t *testing.T, data []byte) string {
	t.Helper()
	f, err := openBytes(t, "b.xlsx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := f.Authorship()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%q %q %v", a.Creator, a.LastModifiedBy, a.Comments)
}

// TestAuthorshipCorrupt: a comments part cut off in a tag is an error,
// not a silent zero.
func TestAuthorshipCorrupt(t *testing.T) {
	data := wb{sheets: []sheetSpec{{name: "S", xml: ``}}, parts: map[string]string{"xl/comments1.xml": `<comments><authors><author>x</author></authors><commentList><comment authorId="0`}}.bytes(t)
	f, err := openBytes(t, "b.xlsx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Authorship(); err == nil || !strings.Contains(err.Error(), "comments1.xml") {
		t.Errorf("err = %v", err)
	}
}

// FuzzAuthorship: any comments, persons and core-properties parts are
// read or refused with an error, never a panic; every author is counted
// at least once and no name is longer than the cut.
func FuzzAuthorship(f *testing.F) {
	f.Add(`<comments><authors><author>A</author></authors><commentList><comment authorId="0"/></commentList></comments>`,
		`<personList><person displayName="B" id="1"/></personList>`, `<threadedComment personId="1"/>`, `<creator>C</creator>`)
	f.Add(`<comments><author>&amp;</author><comment authorId="99999999999"/></comments>`, ``, `<x`, `<lastModifiedBy>`)
	f.Fuzz(func(t *testing.T, comments, persons, threaded, core string) {
		data := zipBytes(t, map[string]string{
			"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
			"xl/workbook.xml": `<workbook ` + nsMain + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
			"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
			"xl/worksheets/sheet1.xml":                 `<worksheet ` + nsMain + `><sheetData/></worksheet>`,
			"xl/comments1.xml":                         comments,
			"xl/persons/person.xml":                    persons,
			"xl/threadedComments/threadedComment1.xml": threaded,
			"docProps/core.xml":                        core,
		})
		file, err := openBytes(t, "f.xlsx", data, Options{})
		if err != nil {
			return
		}
		defer file.Close()
		a, err := file.Authorship()
		if err != nil {
			return
		}
		for _, c := range append(a.Comments, CommentAuthor{a.Creator, 1}, CommentAuthor{a.LastModifiedBy, 1}) {
			if c.Comments < 1 || utf8.RuneCountInString(c.Name) > maxAuthorName+1 {
				t.Fatalf("author %q with %d comments", c.Name, c.Comments)
			}
		}
	})
}

// TestAuthorshipHostile: comments parts built to cost memory — a million
// nested elements, a million authors, a text of 8 MiB — are read in
// little memory, their authors cut and capped.
func TestAuthorshipHostile(t *testing.T) {
	nested := `<comments>` + strings.Repeat(`<a x="1">`, 1<<20) + `</comments>`
	var many strings.Builder
	many.WriteString(`<comments><authors>`)
	for i := range 1 << 20 {
		fmt.Fprintf(&many, `<author>A%d</author>`, i)
	}
	many.WriteString(`</authors><commentList>`)
	for i := range 1000 {
		fmt.Fprintf(&many, `<comment authorId="%d"/>`, i)
	}
	many.WriteString(`</commentList></comments>`)
	long := `<comments><authors><author>` + strings.Repeat("ø", 4<<20) + `</author></authors><commentList><comment authorId="0"/></commentList></comments>`
	for name, part := range map[string]string{"nested": nested, "many authors": many.String(), "a long author": long} {
		t.Run(name, func(t *testing.T) {
			data := wb{sheets: []sheetSpec{{name: "S", xml: ``}}, parts: map[string]string{"xl/comments1.xml": part}}.bytes(t)
			f, err := openBytes(t, "b.xlsx", data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			stop := heapwatch.Start(2 * time.Millisecond)
			a, err := f.Authorship()
			peak, growth := stop()
			if growth > 48<<20 {
				t.Errorf("heap grew %d MiB (peak %d MiB)", growth>>20, peak>>20)
			}
			if err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("error %v: want a *spreadsheet.Error", err)
				}
				return
			}
			if len(a.Comments) > maxAuthors {
				t.Errorf("%d comment authors", len(a.Comments))
			}
		})
	}
}
