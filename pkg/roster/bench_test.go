package roster

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/huller/huller/pkg/internal/cputime"
	"github.com/huller/huller/pkg/internal/heapwatch"
)

// Benchmarks read rosters of 10k and 100k persons x 53 competences,
// generated at run time (gen_test.go), as xlsx (inline strings, as
// excelize writes them, and a shared-string table, as Excel saves it) and
// as CSV, next to the
// "floor" of reading such a workbook: inflating the sheet and tokenising it
// with encoding/xml, nothing else (as /work/shared/perf/floor). The target:
// Read within 2x of the floor measured in the same run.
//
//	go test ./pkg/roster -run XXX -bench . -benchtime 3x
//
// The peak RSS of a whole process is measured with TestReadDriver:
//
//	go test -c -o roster.test ./pkg/roster
//	HULLER_ROSTER=roster-100000.xlsx /usr/bin/time -v ./roster.test -test.run TestReadDriver -test.v

var (
	benchOnce  sync.Map // size -> *benchFiles
	benchDirMu sync.Mutex
	benchDir   string
)

type benchFiles struct {
	once           sync.Once
	xlsx, sst, csv string
}

func benchInput(b *testing.B, n int) *benchFiles {
	b.Helper()
	v, _ := benchOnce.LoadOrStore(n, &benchFiles{})
	f := v.(*benchFiles)
	f.once.Do(func() {
		benchDirMu.Lock()
		if benchDir == "" {
			d, err := os.MkdirTemp("", "huller-bench-")
			if err != nil {
				b.Fatal(err)
			}
			benchDir = d
		}
		benchDirMu.Unlock()
		f.xlsx = genXLSX(b, benchDir, n, genOptions{})
		f.sst = genSSTXLSX(b, benchDir, n, genOptions{})
		f.csv = genCSV(b, benchDir, n, genOptions{})
	})
	return f
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

var sizes = []int{10_000, 100_000}

func BenchmarkRead(b *testing.B) {
	fw := realFramework(b)
	for _, n := range sizes {
		for _, format := range []string{"xlsx", "xlsx-sst", "csv"} {
			b.Run(fmt.Sprintf("%s/%dk", format, n/1000), func(b *testing.B) {
				in := benchInput(b, n)
				path := map[string]string{"xlsx": in.xlsx, "xlsx-sst": in.sst, "csv": in.csv}[format]
				st, _ := os.Stat(path)
				b.SetBytes(st.Size())
				b.ReportAllocs()
				stop := heapwatch.Start(10 * time.Millisecond)
				cpu := cputime.Process()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					r, err := Read(Source{Path: path}, fw, Options{})
					if err != nil {
						b.Fatal(err)
					}
					if len(r.Persons) != n {
						b.Fatalf("%d persons", len(r.Persons))
					}
				}
				b.StopTimer()
				peak, _ := stop()
				b.ReportMetric(float64(peak>>20), "MiB-heap-peak")
				b.ReportMetric(cputime.Since(cpu).Seconds()/float64(b.N), "cpu-s/op")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/person")
			})
		}
	}
}

// BenchmarkFloor is the least any reader of the workbook must do: inflate
// the sheet and tokenise its XML (no values kept).
func BenchmarkFloor(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("xlsx/%dk", n/1000), func(b *testing.B) {
			in := benchInput(b, n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if cells, err := floor(in.xlsx); err != nil || cells < n*50 {
					b.Fatal(cells, err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/person")
		})
	}
}

// floor counts the cells of xl/worksheets/sheet1.xml with encoding/xml's
// Token, like /work/shared/perf/floor.
func floor(path string) (int, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return 0, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return 0, err
		}
		defer rc.Close()
		d := xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))
		cells := 0
		for {
			tok, err := d.Token()
			if err == io.EOF {
				return cells, nil
			}
			if err != nil {
				return cells, err
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "c" {
				cells++
			}
		}
	}
	return 0, fmt.Errorf("no sheet1.xml")
}

// TestReadDriver reads the roster named by $HULLER_ROSTER with the built-in
// default framework and prints what it read, so that a whole process can be
// measured with /usr/bin/time -v (see the top of this file). With
// $HULLER_FLOOR set it runs the floor instead, for comparison.
func TestReadDriver(t *testing.T) {
	path := os.Getenv("HULLER_ROSTER")
	if path == "" {
		t.Skip("set HULLER_ROSTER to a roster file")
	}
	start := time.Now()
	if os.Getenv("HULLER_FLOOR") != "" {
		cells, err := floor(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("floor: %d cells in %.3f s", cells, time.Since(start).Seconds())
		return
	}
	fw := realFramework(t)
	r, err := Read(Source{Path: path}, fw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("read %d persons x %d columns in %.3f s; stats %+v; %d warnings",
		len(r.Persons), len(r.Columns), time.Since(start).Seconds(), r.Stats, len(r.Warnings))
}
