package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
	"github.com/xuri/excelize/v2"
)

// BenchmarkUnits compares ten rosters of 10,000 persons each (xlsx, 53
// competences, 20 teams), generated when the benchmark runs, with the
// time it takes just to read them one after the other:
//
//	go test ./cmd/huller -run XXX -bench Units -benchtime 3x
//
// read: roster.Read of the ten files in turn; compare: `huller analyze`
// of the ten (read at once on every core, each analysed, compared, JSON
// written); compare-aggregate: the same with --aggregate (pseudonyms and
// suppression too). cpu-s/op is the CPU time of the process per loop.
func BenchmarkUnits(b *testing.B) {
	dir := b.TempDir()
	files := unitRosters(b, dir, 10, 10_000)
	fw, err := framework.NewLoader(frameworks.FS).Load(frameworks.Default)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("read", func(b *testing.B) {
		defer reportCPU(b, cpuTime())
		for b.Loop() {
			for _, f := range files {
				if _, err := roster.Read(roster.FileSource(f, nil), fw, roster.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	for _, mode := range []string{"compare", "compare-aggregate"} {
		b.Run(mode, func(b *testing.B) {
			args := append([]string{"analyze", "--format", "json"}, files...)
			if mode == "compare-aggregate" {
				args = append(args, "--aggregate")
			}
			defer reportCPU(b, cpuTime())
			for b.Loop() {
				s := &streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }}
				if code := execute(s, args); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// reportCPU reports the CPU time a loop took per operation: on a machine
// shared with other work, wall time says little.
func reportCPU(b *testing.B, start time.Duration) {
	if start > 0 {
		b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
	}
}

// unitRosters writes one roster workbook of n persons and copies it to k
// files (reading costs the same).
func unitRosters(b *testing.B, dir string, k, n int) []string {
	b.Helper()
	fw, err := framework.NewLoader(frameworks.FS).Load(frameworks.Default)
	if err != nil {
		b.Fatal(err)
	}
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	head := []any{"name", "id", "role", "team"}
	for _, l := range fw.Leaves {
		head = append(head, l.ID)
	}
	if err := sw.SetRow("A1", head); err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	roles := []string{"jobkonsulent", "sagsbehandler", "virksomhedskonsulent", "mentor", "administrativ"}
	row := make([]any, len(head))
	for i := range n {
		row[0], row[1] = fmt.Sprintf("Person %d", i+1), fmt.Sprintf("E%06d", i+1)
		row[2], row[3] = roles[r.IntN(len(roles))], fmt.Sprintf("Team %02d", r.IntN(20)+1)
		for l := range fw.Leaves {
			row[4+l] = r.IntN(5)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	first := filepath.Join(dir, "unit-00.xlsx")
	if err := f.SaveAs(first); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(first)
	if err != nil {
		b.Fatal(err)
	}
	files := []string{first}
	for i := 1; i < k; i++ {
		p := filepath.Join(dir, fmt.Sprintf("unit-%02d.xlsx", i))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, p)
	}
	return files
}
