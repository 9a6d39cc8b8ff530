// Package bench measures Dossier against its targets and against peers run
// on the same machine in the same run, and writes BENCHMARKS.md.
package bench

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"
)

// Row is one figure of the report: ours, next to a peer or a limit.
type Row struct {
	Issue  string // which part of Dossier the figure belongs to
	Figure string
	Ours   float64
	Unit   string
	Peer   float64 // 0 when the figure is compared with a limit only
	PeerBy string  // what the peer is ("sqlite3 shell", "grep -F")
	// Target in words, and whether the figure meets it.
	Target string
	Met    bool
	// HigherIsBetter says how to read Ours/Peer (rates vs times).
	HigherIsBetter bool
	Note           string
}

// Ratio is ours over the peer's figure, or 0 without a peer.
func (r Row) Ratio() float64 {
	if r.Peer == 0 {
		return 0
	}
	return r.Ours / r.Peer
}

// MicroBench is one line of `go test -bench` output.
type MicroBench struct {
	Package, Name string
	NsPerOp       float64
	Extra         string // B/op, allocs/op, custom metrics
}

// Report is everything one run measured.
type Report struct {
	Started  time.Time
	Duration time.Duration
	Command  string
	Config   string
	Rows     []Row
	Micro    []MicroBench
	Failures []string // suites that could not run, and why
}

// WriteMarkdown writes the report as BENCHMARKS.md.
func (rep *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# Benchmarks\n\n")
	fmt.Fprintf(&b, "Measured %s on %s/%s, %d cores, %s, by `%s` in %s.\n",
		rep.Started.UTC().Format("2006-01-02 15:04 MST"), runtime.GOOS, runtime.GOARCH,
		runtime.NumCPU(), runtime.Version(), rep.Command, rep.Duration.Round(time.Second))
	if rep.Config != "" {
		fmt.Fprintf(&b, "Data: %s.\n", rep.Config)
	}
	b.WriteString("\nEach peer ran on the same data in the same run. Ratio is ours ÷ peer: for a rate, above 1 means we are faster; for a time, below 1 means we are faster.\n\n")
	b.WriteString("| Part | Figure | Ours | Peer or limit | Ratio | Target | Met |\n|---|---|---|---|---|---|---|\n")
	for _, r := range rep.Rows {
		peer := "—"
		if r.PeerBy != "" {
			peer = fmt.Sprintf("%s %s (%s)", num(r.Peer), r.Unit, r.PeerBy)
		}
		ratio := "—"
		if r.Ratio() != 0 {
			ratio = fmt.Sprintf("%.2f", r.Ratio())
		}
		met := "no"
		if r.Met {
			met = "yes"
		}
		fig := r.Figure
		if r.Note != "" {
			fig += " — " + r.Note
		}
		fmt.Fprintf(&b, "| %s | %s | %s %s | %s | %s | %s | %s |\n", r.Issue, fig, num(r.Ours), r.Unit, peer, ratio, r.Target, met)
	}
	if len(rep.Failures) > 0 {
		b.WriteString("\n## Not measured\n\n")
		for _, f := range rep.Failures {
			fmt.Fprintf(&b, "- %s\n", f)
		}
	}
	if len(rep.Micro) > 0 {
		b.WriteString("\n## Micro-benchmarks (`go test -bench`)\n\n| Package | Benchmark | ns/op | Other |\n|---|---|---|---|\n")
		for _, m := range rep.Micro {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", m.Package, m.Name, num(m.NsPerOp), m.Extra)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// num prints a figure with sensible precision.
func num(v float64) string {
	switch {
	case v == 0:
		return "0"
	case v >= 1000:
		return groupThousands(fmt.Sprintf("%.0f", v))
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

func groupThousands(s string) string {
	n := len(s)
	if n <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (n-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
