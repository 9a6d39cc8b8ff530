package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
)

// RunMicro runs every `go test` benchmark of the project once and parses
// the results.
func RunMicro(ctx context.Context, benchtime string) ([]MicroBench, error) {
	// The window's benchmarks have their own suite and rows.
	cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-bench", ".", "-skip", "^Benchmark(Reader|Excerpts)",
		"-benchmem", "-benchtime", benchtime, "./...")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	benches := parseBenchOutput(out.String())
	if err != nil {
		return benches, fmt.Errorf("go test -bench: %v\n%s", err, lastLines(out.String(), 20))
	}
	return benches, nil
}

func parseBenchOutput(s string) []MicroBench {
	var out []MicroBench
	pkg := ""
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = p
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || f[3] != "ns/op" {
			continue
		}
		ns, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			continue
		}
		out = append(out, MicroBench{Package: pkg, Name: f[0], NsPerOp: ns, Extra: strings.Join(f[4:], " ")})
	}
	return out
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
