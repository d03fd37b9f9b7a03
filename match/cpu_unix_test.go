//go:build unix

package match

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) this process has used,
// so that a benchmark on a shared machine can report the CPU time of its
// loop besides the wall-clock time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
