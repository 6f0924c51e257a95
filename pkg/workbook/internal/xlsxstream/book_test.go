package xlsxstream

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book writes a workbook of one table of n rows over sheets of at most
// maxRows rows, each row a text, a number and a styled number; every fifth
// row 30 points high.
func book(t *testing.T, n, maxRows int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	bk := New(f, maxRows)
	per := maxRows - 1
	sheets := []string{"Sheet1"}
	for i := 1; i*per < n; i++ {
		name := fmt.Sprintf("Sheet1 (%d)", i+1)
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		sheets = append(sheets, name)
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		t.Fatal(err)
	}
	tb := bk.AddTable(sheets, n)
	tb.Head = func(sw *excelize.StreamWriter, sheet string) (int, error) {
		return 1, sw.SetRow("A1", []any{"text", "number", "share"})
	}
	tb.Rows = func(lo, hi int, add func([]any) error) error {
		for i := lo; i < hi; i++ {
			row := []any{fmt.Sprintf("row %d & <ø>", i), i, excelize.Cell{StyleID: style, Value: float64(i) / 100}}
			if i%5 == 0 {
				row = append(row, Height(30))
			}
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	}
	if err := bk.WriteTables(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := bk.WriteTo(&b, 0, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestBook: the rows come back from excelize as written, continued over
// sheets below their own header, and the bytes do not depend on the number
// of cores.
func TestBook(t *testing.T) {
	data := book(t, 25, 10)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); len(got) != 3 {
		t.Fatalf("sheets %q", got)
	}
	i := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if rows[0][0] != "text" {
			t.Errorf("%s: header %q", sheet, rows[0])
		}
		for k, r := range rows[1:] {
			if want := fmt.Sprintf("row %d & <ø>", i); len(r) != 3 || r[0] != want || r[1] != fmt.Sprint(i) {
				t.Errorf("%s: row %q, want %q, %d", sheet, r, want, i)
			}
			h, err := f.GetRowHeight(sheet, k+2)
			if err != nil {
				t.Fatal(err)
			}
			if high := h == 30; high != (i%5 == 0) {
				t.Errorf("%s: row %d is %g high", sheet, i, h)
			}
			i++
		}
	}
	if i != 25 {
		t.Errorf("%d rows read back, want 25", i)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	if one := book(t, 25, 10); !bytes.Equal(one, data) {
		t.Error("the bytes differ with GOMAXPROCS=1")
	}
}

func TestColName(t *testing.T) {
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA", 16384: "XFD"} {
		if got := ColName(col); got != want {
			t.Errorf("ColName(%d) = %q, want %q", col, got, want)
		}
	}
}
