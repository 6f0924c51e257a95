//go:build unix

package cputime

import (
	"testing"
	"time"
)

// TestProcess: busy work shows as CPU time.
func TestProcess(t *testing.T) {
	start := Process()
	x := uint64(1)
	for deadline := time.Now().Add(5 * time.Second); Since(start) < 10*time.Millisecond; {
		if time.Now().After(deadline) {
			t.Fatalf("no CPU time measured after 5 s of work: %v", Since(start))
		}
		for i := range 1_000_000 {
			x = x*6364136223846793005 + uint64(i)
		}
	}
	if x == 0 {
		t.Log("unlikely")
	}
}
