package spreadsheet

// Fuzz targets. Each input is read with the limits scaled down
// (fuzzOptions), so that inputs the fuzzer makes reach them, and must stay
// within a budget of time and memory (budget): a quadratic step or a table
// that grows past its limit fails the target, not only a panic.
//
// Run one for a while with
//
//	go test -run='^$' -fuzz='^FuzzXLSX$' -fuzztime=10m -fuzzminimizetime=3s -parallel=1 ./pkg/internal/spreadsheet/
//
// -fuzzminimizetime=3s matters for the xlsx targets: minimising each new
// input for the default 60 s would leave no time to explore. The seeds
// under testdata/fuzz/ (the worst inputs of a reliability review, in small
// form) run with every go test.

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/huller/huller/pkg/internal/cputime"
)

// fuzzOptions are the reader's limits scaled down for fuzzing.
var fuzzOptions = Options{
	MaxUnzipSize: 4 << 20, MaxPart: 1 << 20, MaxInput: 1 << 20, MaxToken: 64 << 10,
	MaxRows: 10000, MaxSheetCells: 1 << 20, MaxMerges: 1000,
	MaxSharedStrings: 10000, MaxSharedStringBytes: 1 << 20,
	MaxFields: 1024, MaxRecord: 64 << 10,
}

// budget bounds what reading one input may cost: CPU time (the machine
// may be shared, so not wall-clock time, which gets a generous backstop),
// bytes allocated in all, and bytes still in use at the point where the
// reader holds the most (its shared strings, merged ranges and current
// row), each plus a share per input byte.
type budget struct {
	time          time.Duration
	alloc, live   uint64 // bytes
	allocB, liveB uint64 // bytes per input byte
}

// fuzzBudget is what any input within fuzzOptions may cost: inflating
// 4 MiB of XML allocates far less than alloc, and the limits keep what is
// held to a few MiB.
var fuzzBudget = budget{time: 2 * time.Second, alloc: 256 << 20, allocB: 256, live: 8 << 20, liveB: 16}

// meter measures one input against a budget.
type meter struct {
	start  time.Time
	cpu    time.Duration
	alloc0 uint64
	live0  uint64
	live   uint64
}

func startMeter() *meter {
	m := &meter{}
	m.live0 = liveHeap()
	m.alloc0 = allocated()
	m.start, m.cpu = time.Now(), cputime.Process()
	return m
}

// peak records the heap in use now, at a point where the reader holds the
// most.
func (m *meter) peak() {
	if l := liveHeap(); l > m.live0 {
		m.live = max(m.live, l-m.live0)
	}
}

func (m *meter) check(t *testing.T, b budget, n int) {
	t.Helper()
	took, cpu, alloc := time.Since(m.start), cputime.Since(m.cpu), allocated()-m.alloc0
	if most := b.time * slowdown; cpu > most || took > 10*most {
		t.Fatalf("reading %d bytes took %v of CPU time (%v in all), more than %v", n, cpu, took, most)
	}
	if most := b.alloc + b.allocB*uint64(n); alloc > most {
		t.Fatalf("reading %d bytes allocated %d KiB, more than %d KiB", n, alloc>>10, most>>10)
	}
	if most := b.live + b.liveB*uint64(n); m.live > most {
		t.Fatalf("reading %d bytes held %d KiB, more than %d KiB", n, m.live>>10, most>>10)
	}
}

func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

var allocSample = []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}

func allocated() uint64 {
	metrics.Read(allocSample)
	return allocSample[0].Value.Uint64()
}

// checkRead opens data as standard input and reads every sheet: whatever
// the input, the reader must end with rows or with an *Error, never a
// panic (which the package would turn into an "internal error"), and stay
// within the budget.
func checkRead(t *testing.T, data []byte) {
	m := startMeter()
	readEverything(t, data, m)
	m.check(t, fuzzBudget, len(data))
}

func readEverything(t *testing.T, data []byte, m *meter) {
	f, err := Open(Source{Name: "fuzz", R: bytes.NewReader(data)}, fuzzOptions)
	if err != nil {
		checkErr(t, err)
		return
	}
	defer f.Close()
	sheets := []string{""}
	if f.Format() == XLSX {
		sheets = sheets[:0]
		for _, s := range f.Sheets() {
			sheets = append(sheets, s.Name)
		}
		_, _, _ = f.Property("HullerFramework")
	}
	for _, s := range sheets {
		err := f.Read(s, func(rows *Rows) error {
			for n := 0; rows.Next(); n++ {
				cells := rows.Cells()
				for i := range cells {
					_ = rows.Pos(i).String()
					_, _ = rows.Merge(i)
					_ = rows.Covered(i)
					_ = rows.ColHidden(i)
				}
				if rows.Row() <= 0 {
					t.Fatalf("row number %d", rows.Row())
				}
				if n == 2 { // as a caller does once it has found the header
					rows.SetColumns(len(cells))
				}
			}
			m.peak()
			return rows.Err()
		})
		if err != nil {
			checkErr(t, err)
		}
	}
}

func checkErr(t *testing.T, err error) {
	var te *Error
	if !errors.As(err, &te) {
		t.Fatalf("error %T %v is not a *table.Error", err, err)
	}
	if strings.Contains(err.Error(), "internal error") {
		t.Fatalf("panic: %v", err)
	}
}

func seedFixtures(f *testing.F, pattern string) {
	paths, _ := filepath.Glob(filepath.Join(fixtureDir, pattern))
	bad, _ := filepath.Glob(filepath.Join(fixtureDir, "bad", pattern))
	for _, p := range append(paths, bad...) {
		if data, err := os.ReadFile(p); err == nil && len(data) < 1<<20 {
			f.Add(data)
		}
	}
}

func FuzzCSV(f *testing.F) {
	seedFixtures(f, "*.csv")
	seedFixtures(f, "*.txt")
	f.Add([]byte("name;1.1\r\n\"a\"\"b\";3,0\r\n"))
	f.Add([]byte("\xff\xfea\x00,\x00b\x00"))
	f.Add([]byte("a,b\nÆ\xe6\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 0 && (data[0] == 'P' || data[0] == 0xD0) {
			return // a zip or OLE file: FuzzXLSX's business
		}
		checkRead(t, data)
	})
}

func FuzzXLSX(f *testing.F) {
	seedFixtures(f, "*.xlsx")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data)
	})
}

// FuzzSheetXML fuzzes the sheet XML inside a valid workbook, where the zip
// layer does not reject mutations first.
func FuzzSheetXML(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>x</t></r></is></c></row><row><c><f>1</f></c></row>`)
	f.Add(`<row r="2" hidden="1"><c r="C2" t="b"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:C3"/></mergeCells><sheetData>`)
	f.Add(`<row r="1"><c r="A1"><v>1</v></c></row></sheetData><cols><col min="1" max="16384" hidden="1"/></cols><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells><sheetData>`)
	f.Fuzz(func(t *testing.T, sheetData string) {
		data := wb{sst: []string{"a", "b"}, sheets: []sheetSpec{{name: "S", xml: sheetData}}}.bytes(t)
		checkRead(t, data)
	})
}

// FuzzSharedStrings fuzzes the shared-string table of a valid workbook
// whose sheet refers to its first entries.
func FuzzSharedStrings(f *testing.F) {
	f.Add(`<sst><si><t>name</t></si><si><r><t>An</t></r><r><rPr><b/></rPr><t xml:space="preserve">ne </t></r><rPh><t>x</t></rPh></si><si><t>a_x000D_b&amp;</t></si></sst>`)
	f.Add(`<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>1.1</x:t></x:si><x:si/></x:sst>`)
	f.Fuzz(func(t *testing.T, sst string) {
		sheet := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c></row>`
		data := wb{sst: []string{}, sheets: []sheetSpec{{name: "S", xml: sheet}}, parts: map[string]string{"xl/sharedStrings.xml": sst}}.bytes(t)
		checkRead(t, data)
	})
}
