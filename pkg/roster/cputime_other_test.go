//go:build !unix

package roster

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
