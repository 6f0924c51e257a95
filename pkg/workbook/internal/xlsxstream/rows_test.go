package xlsxstream

import (
	"encoding/xml"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestRow: the SpreadsheetML of rows, as excelize's StreamWriter writes it:
// column styles, a cell's own style, empty cells left out, a row height.
func TestRow(t *testing.T) {
	var sb strings.Builder
	e := newRowEncoder(&sb, []int{3, 0, 7})
	rows := [][]any{
		{"Søren & Co", 4, excelize.Cell{StyleID: 12, Value: 0.25}, nil, "", excelize.Cell{StyleID: 5000, Value: " x"}},
		{nil, excelize.Cell{Value: math.NaN()}, 7, Height(30.5)},
		{},
		{"Søren & Co"}, // as two rows above: the same text again
		{"Søren & Cp"}, // as long, but another text
	}
	for i, r := range rows {
		if err := e.row(9+i, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.close(); err != nil {
		t.Fatal(err)
	}
	want := `<row r="9"><c r="A9" s="3" t="inlineStr"><is><t>Søren &amp; Co</t></is></c><c r="B9"><v>4</v></c>` +
		`<c r="C9" s="12"><v>0.25</v></c><c r="F9" s="5000" t="inlineStr"><is><t xml:space="preserve"> x</t></is></c></row>` +
		`<row r="10" ht="30.5" customHeight="1"><c r="B10"><v>0</v></c><c r="C10" s="7"><v>7</v></c></row>` +
		`<row r="11"></row>` +
		`<row r="12"><c r="A12" s="3" t="inlineStr"><is><t>Søren &amp; Co</t></is></c></row>` +
		`<row r="13"><c r="A13" s="3" t="inlineStr"><is><t>Søren &amp; Cp</t></is></c></row>`
	if sb.String() != want {
		t.Errorf("got\n%s\nwant\n%s", sb.String(), want)
	}
}

func TestAppendText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"Søren & <Co>", "Søren &amp; &lt;Co&gt;"},
		{"a\r\nb\tc", "a&#xD;\nb\tc"},
		{"bell\x07", "bell_x0007_"},
		{"_x0041_ stays", "_x005F_x0041_ stays"},
		{"_x00 short, _y0041_", "_x00 short, _y0041_"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"non\uFFFEchar", "non\uFFFDchar"},
		{"æøå ČŠŽ ★", "æøå ČŠŽ ★"},
	} {
		if got := string(appendText(nil, tc.in)); got != tc.want {
			t.Errorf("appendText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzAppendText: whatever the text, the inline string rowEncoder writes is
// well-formed XML, and reading it back as Excel does (XML, then _xHHHH_
// escapes) gives the text, with invalid UTF-8 and U+FFFE/U+FFFF replaced.
func FuzzAppendText(f *testing.F) {
	for _, s := range []string{"plain", "Søren & <Co>", "a\r\nb", "bell\x07\x1f", "_x0041_", "_x004",
		"bad \xff", "\xed\xa0\x80 surrogate", "non\uFFFEchar\uFFFF", "a]]>b", " lead", "😀"} {
		f.Add(s)
	}
	escape := regexp.MustCompile(`_x[0-9A-Fa-f]{4}_`)
	f.Fuzz(func(t *testing.T, s string) {
		var e rowEncoder
		var sb strings.Builder
		e.w = &sb
		if err := e.row(1, []any{s}); err != nil {
			t.Fatal(err)
		}
		if err := e.close(); err != nil {
			t.Fatal(err)
		}
		var row struct {
			C []struct {
				T string `xml:"is>t"`
			} `xml:"c"`
		}
		d := xml.NewDecoder(strings.NewReader(sb.String()))
		d.Strict = true
		if err := d.Decode(&row); err != nil {
			t.Fatalf("%q: %v in %s", s, err, sb.String())
		}
		if s == "" {
			return
		}
		if len(row.C) != 1 {
			t.Fatalf("%q: %d cells", s, len(row.C))
		}
		got := escape.ReplaceAllStringFunc(row.C[0].T, func(m string) string {
			n, _ := strconv.ParseUint(m[2:6], 16, 16)
			return string(rune(n))
		})
		var want strings.Builder
		for _, r := range s { // an invalid byte comes as U+FFFD
			if r == 0xFFFE || r == 0xFFFF {
				r = 0xFFFD
			}
			want.WriteRune(r)
		}
		if got != want.String() {
			t.Errorf("%q reads back as %q", s, got)
		}
	})
}
