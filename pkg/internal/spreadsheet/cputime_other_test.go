//go:build !unix

package spreadsheet

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
