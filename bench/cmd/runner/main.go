// Command runner runs every benchmark of Dossier and writes BENCHMARKS.md:
// each figure next to a peer measured in the same run, or a limit.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"time"

	"dossier/bench"
)

func main() {
	var cfg bench.Config
	flag.IntVar(&cfg.Articles, "articles", 10000, "generated articles")
	flag.IntVar(&cfg.Size, "size", 5000, "mean article size in bytes")
	flag.IntVar(&cfg.Excerpts, "excerpts", 100000, "excerpts loaded with the articles")
	flag.IntVar(&cfg.Actors, "actors", 2000, "generated actors")
	flag.Int64Var(&cfg.Seed, "seed", 1, "generator seed")
	out := flag.String("out", "BENCHMARKS.md", "report file")
	only := flag.String("only", "", "run only the suites whose name contains this text")
	micro := flag.String("benchtime", "1x", "benchtime for the go test micro-benchmarks; empty skips them")
	keep := flag.Bool("keep", false, "keep the scratch folder (its path is printed) for a closer look")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the suites to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer pprof.StopCPUProfile()
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	dir, err := os.MkdirTemp("", "dossier-bench-")
	if err != nil {
		fail(err)
	}
	if *keep {
		fmt.Fprintf(os.Stderr, "bench: scratch folder %s is kept\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	cfg.Dir = dir

	rep := &bench.Report{Started: time.Now(), Command: "make bench",
		Config: fmt.Sprintf("%d generated articles of about %d bytes, %d excerpts, %d actors, seed %d", cfg.Articles, cfg.Size, cfg.Excerpts, cfg.Actors, cfg.Seed)}
	env := &bench.Env{Config: cfg}
	for _, s := range bench.Suites {
		if *only != "" && !strings.Contains(s.Name, *only) {
			continue
		}
		fmt.Fprintf(os.Stderr, "bench: %s…\n", s.Name)
		rows, err := s.Run(ctx, env)
		if err != nil {
			rep.Failures = append(rep.Failures, fmt.Sprintf("%s: %v", s.Name, err))
			fmt.Fprintf(os.Stderr, "bench: %s: %v\n", s.Name, err)
		}
		rep.Rows = append(rep.Rows, rows...)
	}
	if *micro != "" && *only == "" {
		fmt.Fprintln(os.Stderr, "bench: go test micro-benchmarks…")
		rep.Micro, err = bench.RunMicro(ctx, *micro)
		if err != nil {
			rep.Failures = append(rep.Failures, err.Error())
		}
	}
	rep.Duration = time.Since(rep.Started)
	f, err := os.Create(*out)
	if err != nil {
		fail(err)
	}
	if err := rep.WriteMarkdown(f); err != nil {
		fail(err)
	}
	if err := f.Close(); err != nil {
		fail(err)
	}
	for _, r := range rep.Rows {
		fmt.Printf("%-70s %12.1f %s  (peer %.1f, ratio %.2f, target %s, met %v)\n", r.Figure, r.Ours, r.Unit, r.Peer, r.Ratio(), r.Target, r.Met)
	}
	fmt.Printf("wrote %s\n", *out)
	if len(rep.Failures) > 0 {
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "bench: %v\n", err)
	os.Exit(1)
}
