// Package heapwatch samples the heap while a test or a benchmark works, for
// the tests that bound the memory an input may take (the hostile inputs of
// the reader, the roster's benchmarks).
package heapwatch

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Start collects garbage, then samples the heap in use every interval
// until the returned stop is called. stop returns the peak in use and its
// growth over the heap in use at the start.
func Start(every time.Duration) (stop func() (peak, growth uint64)) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var top atomic.Uint64
	top.Store(base)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > top.Load() {
				top.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() (uint64, uint64) {
		close(done)
		wg.Wait()
		p := top.Load()
		return p, p - base
	}
}
