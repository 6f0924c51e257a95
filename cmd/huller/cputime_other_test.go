//go:build !unix

package main

import "time"

// cpuTime is 0 where the system does not report the process's CPU time:
// the benchmarks then report wall time only.
func cpuTime() time.Duration { return 0 }
