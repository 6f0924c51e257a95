package heapwatch

import (
	"testing"
	"time"
)

var sink []byte

// TestGrowth: a 64 MiB allocation held while the heap is watched shows in
// the peak and in its growth.
func TestGrowth(t *testing.T) {
	stop := Start(time.Millisecond)
	sink = make([]byte, 64<<20)
	for i := range sink {
		sink[i] = byte(i)
	}
	time.Sleep(20 * time.Millisecond)
	peak, growth := stop()
	if growth < 60<<20 || peak < growth {
		t.Errorf("peak %d, growth %d: the 64 MiB allocation is missing", peak, growth)
	}
	sink = nil
}
