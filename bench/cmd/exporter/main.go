// Command exporter writes the full workbook of a workspace, as `dossier
// export --xlsx` does, in a process of its own so that the bench can read
// its peak memory. It prints the seconds the export took and its peak
// memory in KiB.
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"dossier/workspace"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: exporter WORKSPACE OUT.xlsx")
		os.Exit(2)
	}
	ws, err := workspace.Open(os.Args[1], workspace.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "exporter:", err)
		os.Exit(1)
	}
	defer ws.Close()
	start := time.Now()
	if _, err := ws.ExportWorkbookFile(context.Background(), os.Args[2], workspace.ExportOptions{}, nil); err != nil {
		fmt.Fprintln(os.Stderr, "exporter:", err)
		os.Exit(1)
	}
	fmt.Printf("%.3f %d\n", time.Since(start).Seconds(), peakKiB())
}

// peakKiB is the process's peak resident memory (VmHWM). getrusage would
// report the bench's own peak: Linux hands a parent's peak to the child it
// execs.
func peakKiB() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}
