// Package cputime reads the CPU time huller's process has used so far, for
// benchmarks: on a machine shared with other work the wall time says more
// about the neighbours than about huller, the CPU time does not.
package cputime

import "time"

// Process returns the CPU time (user and system, all threads) the process
// has used so far, or 0 where the system does not report it.
func Process() time.Duration { return process() }

// Since returns the CPU time used since start, a value of Process.
func Since(start time.Duration) time.Duration { return process() - start }
