package bench

import (
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// windowFigure maps one metric of a window benchmark (run with Fyne's
// test driver by `go test -bench` in ./app) to a row of the report.
type windowFigure struct {
	bench  string // benchmark name without the -N suffix
	unit   string // the metric in its output: ns/op or a custom one
	figure string
	target string
	limit  float64 // in the row's unit; 0 reports without a target
	scale  float64 // the metric times scale gives the row's unit
	rowTo  string  // the row's unit
}

// windowFigures are the issue's targets for the window.
var windowFigures = []windowFigure{
	{"BenchmarkReaderOpen50KB", "ns/op", "open a 50 KB article with 100 highlights in the reader (laid out, first screen)", "≤ 200 ms", 200, 1e-6, "ms"},
	{"BenchmarkReaderOpen50KBPainted", "ns/op", "the same, painted by the test driver's software renderer", "— (reported)", 0, 1e-6, "ms"},
	{"BenchmarkExcerptsFirstPage/position", "ns/op", "first page of a 100,000-row excerpts table", "≤ 100 ms", 100, 1e-6, "ms"},
	{"BenchmarkExcerptsFirstPage/quote", "ns/op", "the same, sorted by quote", "— (reported)", 0, 1e-6, "ms"},
	{"BenchmarkExcerptsFirstPage/speaker", "ns/op", "the same, sorted by speaker", "— (reported)", 0, 1e-6, "ms"},
	{"BenchmarkExcerptsScroll", "ns/page", "scroll through 1,000 rows of it, per page of 100 rows read", "≤ 16 ms", 16, 1e-6, "ms"},
	{"BenchmarkExcerptsScroll", "ns/screen", "the same, per screen scrolled", "— (reported)", 0, 1e-6, "ms"},
	{"BenchmarkExcerptsScroll", "sys-MB", "memory of the app with that workspace open (all the Go runtime holds)", "≤ 300 MB", 300, 1, "MB"},
}

// windowSuite runs the window's benchmarks, which need Fyne's test driver
// and therefore live in the app package's tests.
func windowSuite(ctx context.Context, env *Env) ([]Row, error) {
	names := map[string]bool{}
	for _, f := range windowFigures {
		top, _, _ := strings.Cut(f.bench, "/") // -bench matches each level apart
		names[regexp.QuoteMeta(top)] = true
	}
	var alt []string
	for n := range names {
		alt = append(alt, n)
	}
	cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-bench", "^("+strings.Join(alt, "|")+")$",
		"-benchtime", "5x", "./app")
	cmd.Env = append(cmd.Environ(), "LANG=en_US.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("go test -bench ./app: %v\n%s", err, lastLines(string(out), 20))
	}
	return windowRows(string(out))
}

func windowRows(out string) ([]Row, error) {
	var rows []Row
	var missing []string
	for _, f := range windowFigures {
		v, ok := benchMetric(out, f.bench, f.unit)
		if !ok {
			missing = append(missing, f.bench+" "+f.unit)
			continue
		}
		v *= f.scale
		r := Row{Issue: "window", Figure: f.figure, Ours: v, Unit: f.rowTo, Target: f.target, Met: true}
		if f.limit > 0 {
			r.Met = v <= f.limit
		}
		rows = append(rows, r)
	}
	if len(missing) > 0 {
		return rows, fmt.Errorf("no figure for %s in the benchmark output", strings.Join(missing, ", "))
	}
	return rows, nil
}

// benchMetric finds the value printed before unit on the line of bench.
func benchMetric(out, bench, unit string) (float64, bool) {
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || (f[0] != bench && !strings.HasPrefix(f[0], bench+"-")) {
			continue
		}
		for i := 2; i+1 < len(f); i += 2 {
			if f[i+1] == unit {
				v, err := strconv.ParseFloat(f[i], 64)
				return v, err == nil
			}
		}
	}
	return 0, false
}
