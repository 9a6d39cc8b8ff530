package bench

import (
	"runtime"
	"time"

	"golang.org/x/sys/unix"
)

// threadCPU measures the CPU time (user + sys) that fn spends on its own
// thread, by the thread's own CPU clock: the measure the sqlite3 shell's
// .timer gives, and one that other processes on the machine do not
// inflate. fn must do its work on the calling goroutine, as SQLite calls
// do. (getrusage(RUSAGE_THREAD) is sampled per tick and rescaled: for
// intervals of a few milliseconds it was off by more than a fifth.)
func threadCPU(fn func() error) (time.Duration, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	before, err := threadTime()
	if err != nil {
		return 0, err
	}
	if err := fn(); err != nil {
		return 0, err
	}
	after, err := threadTime()
	return after - before, err
}

func threadTime() (time.Duration, error) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0, err
	}
	return time.Duration(ts.Nano()), nil
}
