// Command exporter writes the full workbook of a workspace, as `dossier
// export --xlsx` does, in a process of its own so that the bench can read
// its peak memory. It prints the seconds the export took.
package main

import (
	"context"
	"fmt"
	"os"
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
	fmt.Printf("%.3f\n", time.Since(start).Seconds())
}
