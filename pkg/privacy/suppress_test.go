package privacy

import "testing"

// TestFixBridges: a suppressed figure whose row and column each hold other
// suppressed figures can still be determined, when it joins two blocks of
// suppressed figures that share no row or column (a bridge); fixBridges
// suppresses more until none is determined.
func TestFixBridges(t *testing.T) {
	g := &grid{}
	for r := range 5 {
		var row []*Figure
		for c := range 5 {
			row = append(row, &Figure{k: 10 + r + c, n: 40, persons: 50, kind: share, shown: true})
		}
		g.cells = append(g.cells, row)
	}
	for _, rc := range [][2]int{{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 2}, {2, 3}, {3, 2}, {3, 3}, {1, 2}} {
		g.cells[rc[0]][rc[1]].shown = false
	}
	// every row and column has 0 or at least 2 suppressed figures
	for r := range 5 {
		for _, ln := range []line{g.row(r), g.col(r)} {
			if fixLine(ln, 5) {
				t.Fatalf("line %d breaks the line rule", r)
			}
		}
	}
	if !g.fixBridges() {
		t.Fatal("the bridge at (1, 2) was not found")
	}
	n := 0
	for g.fixBridges() {
		n++
		if n > 25 {
			t.Fatal("fixBridges does not end")
		}
	}
	hidden := 0
	for _, row := range g.cells {
		for _, f := range row {
			if !f.shown {
				hidden++
			}
		}
	}
	if hidden < 10 {
		t.Errorf("%d suppressed figures after fixing", hidden)
	}
}

// TestFirstBridge on small graphs: a cycle has no bridge, a path has.
func TestFirstBridge(t *testing.T) {
	type e struct{ a, b int }
	run := func(n int, edges []e) int {
		adj := make([][]int, n)
		for i, x := range edges {
			adj[x.a] = append(adj[x.a], i)
			adj[x.b] = append(adj[x.b], i)
		}
		return firstBridge(n, adj, func(i, v int) int {
			if edges[i].a == v {
				return edges[i].b
			}
			return edges[i].a
		})
	}
	if b := run(4, []e{{0, 1}, {1, 2}, {2, 3}, {3, 0}}); b != -1 {
		t.Errorf("cycle: bridge %d", b)
	}
	if b := run(3, []e{{0, 1}, {1, 2}}); b < 0 {
		t.Error("path: no bridge")
	}
	// two parallel edges make a cycle
	if b := run(2, []e{{0, 1}, {0, 1}}); b != -1 {
		t.Errorf("parallel edges: bridge %d", b)
	}
	// two triangles joined by an edge: that edge
	if b := run(6, []e{{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}}); b != 6 {
		t.Errorf("joined triangles: bridge %d, want 6", b)
	}
}

// TestSafe pins the primary rule with a minimum of 5.
func TestSafe(t *testing.T) {
	tests := []struct {
		f    Figure
		want bool
	}{
		{Figure{k: 9, n: 9, persons: 9, kind: size}, true},
		{Figure{k: 4, n: 4, persons: 4, kind: size}, false},
		{Figure{k: 0, n: 9, persons: 9, kind: count}, true},    // none
		{Figure{k: 9, n: 9, persons: 9, kind: count}, true},    // all
		{Figure{k: 5, n: 10, persons: 10, kind: count}, true},  // 5 and 5
		{Figure{k: 6, n: 10, persons: 10, kind: count}, false}, // the 4 others
		{Figure{k: 1, n: 40, persons: 40, kind: count}, false}, // one person
		{Figure{k: 0, n: 3, persons: 9, kind: count}, false},   // none of 3
		{Figure{k: 8, n: 9, persons: 9, kind: share}, false},   // the one who lacks it
		{Figure{k: 0, n: 0, persons: 9, kind: share}, true},    // nobody assessed
		{Figure{k: 30, n: 40, persons: 40, kind: share}, true},
		{Figure{k: 150, n: 151, persons: 7, kind: pairs}, true}, // requirements, not persons
		{Figure{k: 150, n: 151, persons: 4, kind: pairs}, false},
	}
	for _, tt := range tests {
		if got := tt.f.safe(5); got != tt.want {
			t.Errorf("%+v: safe = %v, want %v", tt.f, got, tt.want)
		}
	}
}
