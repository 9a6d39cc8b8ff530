package bench

import (
	"runtime"
	"syscall"
	"time"
)

// rusageThread asks getrusage for the calling thread only (Linux).
const rusageThread = 1

// threadCPU measures the CPU time (user + sys) that fn spends on its own
// thread: the same measure the sqlite3 shell's .timer gives, and one that
// other processes on the machine do not inflate. fn must do its work on
// the calling goroutine, as SQLite calls do.
func threadCPU(fn func() error) (time.Duration, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	before, err := rusage()
	if err != nil {
		return 0, err
	}
	if err := fn(); err != nil {
		return 0, err
	}
	after, err := rusage()
	return after - before, err
}

func rusage() (time.Duration, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, err
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}
