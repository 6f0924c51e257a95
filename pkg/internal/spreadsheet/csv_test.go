package spreadsheet

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/charmap"
)

func TestSniffDelimiter(t *testing.T) {
	tests := []struct {
		text string
		want rune
	}{
		{"name,role,1.1\nAnne,x,1\n", ','},
		{"name;role;1.1\nAnne;x;1\n", ';'},
		{"name\trole\t1.1\nAnne\tx\t1\n", '\t'},
		{"name;1.1;1.2\n\"Hansen, Anne\";3,0;2\n\"Bo, B\";1;2,0\n", ';'},
		{"Title line\n\nname;1.1;1.2\nA;1;2\nB;2;3\n", ';'},
		{"\"a;b\",c\n\"d;e\",f\n", ','},
		{"\"multi\nline;;;\",x,y\nA,B,C\n", ','},
		{"name\n", ','},
		{"", ','},
	}
	for _, tt := range tests {
		if got := sniffDelimiter([]byte(tt.text)); got != tt.want {
			t.Errorf("sniffDelimiter(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func readCSV(t *testing.T, r io.Reader, opts Options) (*File, [][]string, []int, error) {
	t.Helper()
	f, err := Open(Source{Name: "t.csv", R: r}, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	rows, err := f.Rows("")
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	var lines []int
	for rows.Next() {
		out = append(out, append([]string(nil), rows.Cells()...))
		lines = append(lines, rows.Line())
	}
	return f, out, lines, rows.Err()
}

func TestCSVEncodings(t *testing.T) {
	cp := func(s string) []byte {
		b, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		return b
	}
	long := strings.Repeat("ascii,line,only\n", 20000) // past the first chunks
	tests := []struct {
		name string
		data []byte
		enc  string
		last string
	}{
		{"utf8", []byte("a,b\nÆble,ø\n"), "UTF-8", "Æble"},
		{"utf8 bom", []byte("\xEF\xBB\xBFname,b\nÅse,ø\n"), "UTF-8 with BOM", "Åse"},
		{"cp1252", cp("name;b\nÆble;øå\n"), "Windows-1252", "Æble"},
		{"cp1252 euro", cp("a,b\n€ and “quotes”,x\n"), "Windows-1252", "€ and “quotes”"},
		{"cp1252 late", append([]byte(long), cp("Ærø,x,y\n")...), "Windows-1252", "Ærø"},
		{"utf16le bom", utf16leBOM("a\tb\r\nØrn\tx\r\n"), "UTF-16LE", "Ørn"},
		{"utf16le no bom", utf16le("a\tb\r\nØrn\tx\r\n"), "UTF-16LE", "Ørn"},
		{"utf16be bom", utf16beBOM("a\tb\nØrn\tx\n"), "UTF-16BE", "Ørn"},
	}
	for _, tt := range tests {
		for _, oneByte := range []bool{false, true} {
			var r io.Reader = bytes.NewReader(tt.data)
			if oneByte {
				r = iotest.OneByteReader(r)
			}
			f, rows, _, err := readCSV(t, r, Options{})
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if got := rows[len(rows)-1][0]; got != tt.last {
				t.Errorf("%s (one byte %v): last row starts %q, want %q", tt.name, oneByte, got, tt.last)
			}
			if f.Encoding() != tt.enc {
				t.Errorf("%s: encoding %q, want %q", tt.name, f.Encoding(), tt.enc)
			}
			if rows[0][0] != "a" && rows[0][0] != "name" && rows[0][0] != "ascii" {
				t.Errorf("%s: first cell %q (BOM kept?)", tt.name, rows[0][0])
			}
		}
	}
}

func utf16leBOM(s string) []byte { return append([]byte{0xFF, 0xFE}, utf16le(s)...) }

func utf16beBOM(s string) []byte {
	le := utf16le(s)
	be := []byte{0xFE, 0xFF}
	for i := 0; i+1 < len(le); i += 2 {
		be = append(be, le[i+1], le[i])
	}
	return be
}

func TestCSVMixedEncoding(t *testing.T) {
	data := append([]byte("name\nSøren\nBo\n"), 0xC6, 'x', '\n')
	_, _, _, err := readCSV(t, bytes.NewReader(data), Options{})
	if err == nil || err.Error() != "t.csv: line 4: is not valid UTF-8 here, though earlier lines are: the file mixes text encodings; save it again as CSV UTF-8" {
		t.Errorf("error %v", err)
	}
}

func TestCSVStructure(t *testing.T) {
	text := "Title;;\r\n\r\nname;team;1.1\r\n\"Jensen; Anne\";\"Nord\r\n2. sal\";3\r\nBo;\"Syd \"\"B\"\"\";2\r\n"
	_, rows, lines, err := readCSV(t, strings.NewReader(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Title", "", ""}, {"name", "team", "1.1"}, {"Jensen; Anne", "Nord\n2. sal", "3"}, {"Bo", "Syd \"B\"", "2"}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %q", rows)
	}
	if !reflect.DeepEqual(lines, []int{1, 3, 4, 6}) {
		t.Errorf("lines %v", lines)
	}
}

func TestCSVPositions(t *testing.T) {
	f, err := Open(Source{Name: "t.csv", R: strings.NewReader("a,b,c\n1,\"x\ny\",3\n")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.Rows("")
	rows.Next()
	rows.Next()
	p := rows.Pos(2)
	p.Header = "c"
	if p.String() != `t.csv: line 3, column "c"` || rows.Pos(0).String() != "t.csv: line 2, column 1" || rows.Pos(-1).String() != "t.csv: line 2" {
		t.Errorf("positions %q %q %q", p, rows.Pos(0), rows.Pos(-1))
	}
}

func TestCSVErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"a,b\nAnne \"A\",2\n", `t.csv: line 2: a quote (") at character 6 is inside a field that is not quoted`},
		{"a,b\n\"Anne,2\nBo,3\n", `t.csv: line 2: a quoted field that starts on this line is still open on line 3`},
		{"a,b\n\"An\"ne,2\n", `t.csv: line 2: the quoted field at character 4 is not closed properly`},
	}
	for _, tt := range tests {
		_, _, _, err := readCSV(t, strings.NewReader(tt.text), Options{})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.text, err, tt.want)
		}
	}
	f, _ := Open(Source{Name: "t.csv", R: strings.NewReader("a\n")}, Options{})
	if _, err := f.Rows(""); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Rows(""); err == nil {
		t.Error("a CSV file read twice")
	}
	if _, err := Open(Source{Name: "t.csv", R: strings.NewReader("a\n")}, Options{Delimiter: 'x'}); err == nil {
		t.Error("delimiter x accepted")
	}
}

func TestCSVDelimiterOption(t *testing.T) {
	_, rows, _, err := readCSV(t, strings.NewReader("a;b,c\n1;2,3\n"), Options{Delimiter: ','})
	if err != nil || !reflect.DeepEqual(rows[0], []string{"a;b", "c"}) {
		t.Errorf("rows %q %v", rows, err)
	}
}

func TestPos(t *testing.T) {
	tests := []struct {
		p    Pos
		want string
	}{
		{Pos{File: "t.xlsx", Sheet: "Roster", Row: 7, Col: 5}, `t.xlsx: sheet "Roster", cell F7`},
		{Pos{File: "t.xlsx", Sheet: "Roster", Row: 7, Col: -1}, `t.xlsx: sheet "Roster", row 7`},
		{Pos{File: "t.xlsx", Sheet: "Roster", Col: -1}, `t.xlsx: sheet "Roster"`},
		{Pos{File: "t.csv", Line: 12, Col: 2, Header: "2.3"}, `t.csv: line 12, column "2.3"`},
		{Pos{File: "t.csv", Line: 12, Col: 2}, `t.csv: line 12, column 3`},
		{Pos{File: "t.csv", Line: 12, Col: -1}, `t.csv: line 12`},
		{Pos{File: "t.csv", Col: -1}, `t.csv`},
		{Pos{Sheet: "S", Row: 1, Col: 0}, `sheet "S", cell A1`},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.p, got, tt.want)
		}
	}
	for col, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
		if c, r, ok := parseCellRef(want + "9"); !ok || c != col || r != 9 {
			t.Errorf("parseCellRef(%q) = %d, %d, %v", want+"9", c, r, ok)
		}
	}
	for _, bad := range []string{"", "9", "A-1", "XFE1", "A1B"} {
		if _, _, ok := parseCellRef(bad); ok {
			t.Errorf("parseCellRef(%q) ok", bad)
		}
	}
}

func TestOpenFile(t *testing.T) {
	_, err := Open(Source{Path: "/nonexistent/x.csv"}, Options{})
	if err == nil || err.Error() != "/nonexistent/x.csv: no such file" {
		t.Errorf("error %v", err)
	}
	_, err = Open(Source{Path: t.TempDir()}, Options{})
	if err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("error %v", err)
	}
	if s := FileSource("-", strings.NewReader("")); s.DisplayName() != "-" || s.R == nil {
		t.Errorf("FileSource(-) = %+v", s)
	}
}
