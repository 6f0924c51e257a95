package xlsxstream

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book writes a workbook of one table of n rows over sheets of at most
// maxRows rows, each row a text, a number and a styled number; every fifth
// row 30 points high.
func book(t *testing.T, n, maxRows int) []byte {
	t.Helper()
	b, err := writeBook(t, n, maxRows, zipOptions{tmpDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// zipOptions are the zip writer's chunk size and memory limit (0 for the
// defaults) and its folder for temporary files.
type zipOptions struct {
	chunk, mem int
	tmpDir     string
}

// writeBook writes the workbook of book with the zip writer set by o.
func writeBook(t *testing.T, n, maxRows int, o zipOptions) ([]byte, error) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	bk := New(f, maxRows)
	bk.chunkSize, bk.memLimit = o.chunk, o.mem
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
	err = bk.WriteTo(&b, 0, o.tmpDir)
	return b.Bytes(), err
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

// TestBookConcurrent: a workbook whose sheets are rendered and deflated in
// many chunks on several goroutines, the compressed parts kept in a
// temporary file, has the same bytes whatever the number of cores and
// however often it is written, leaves no file behind, and holds the same
// parts as when every part is deflated in one piece in memory.
func TestBookConcurrent(t *testing.T) {
	const n, maxRows = 20_000, 7_000 // 3 sheets of about 1.3 MB of XML each
	tmp := t.TempDir()
	chunked := zipOptions{chunk: 4 << 10, mem: 64 << 10, tmpDir: tmp}
	write := func(procs int, o zipOptions) []byte {
		t.Helper()
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		b, err := writeBook(t, n, maxRows, o)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	ref := write(2, chunked)
	for _, procs := range []int{1, 2, 4, 8} {
		if b := write(procs, chunked); !bytes.Equal(b, ref) {
			t.Errorf("the bytes differ with GOMAXPROCS=%d", procs)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
		t.Errorf("files left behind: %q", left)
	}
	// the compressed parts do go to a file: without a folder to put it in
	// the write fails
	if _, err := writeBook(t, n, maxRows, zipOptions{chunk: 4 << 10, mem: 64 << 10, tmpDir: filepath.Join(tmp, "nosuch")}); err == nil {
		t.Error("no temporary file was needed")
	}
	whole := write(2, zipOptions{chunk: 16 << 20, mem: 1 << 30, tmpDir: filepath.Join(tmp, "nosuch")})
	if bytes.Equal(whole, ref) {
		t.Error("the same bytes in one chunk as in many")
	}
	a, b := unzipAll(t, ref), unzipAll(t, whole)
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("%d parts against %d", len(a), len(b))
	}
	for name, data := range b {
		if a[name] != data {
			t.Errorf("part %s differs", name)
		}
	}
	if rows := strings.Count(a["xl/worksheets/sheet1.xml"], "<row "); rows != maxRows {
		t.Errorf("the first sheet has %d rows, want %d", rows, maxRows)
	}
}

// unzipAll returns the parts of a zip archive by name, checking their
// CRC-32.
func unzipAll(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc) // fails on a wrong CRC-32 or size
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = string(b)
	}
	return parts
}

func TestColName(t *testing.T) {
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA", 16384: "XFD"} {
		if got := ColName(col); got != want {
			t.Errorf("ColName(%d) = %q, want %q", col, got, want)
		}
	}
}
