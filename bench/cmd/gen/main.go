// Command gen writes a deterministic corpus of fictional news articles with
// their ground truth (truth.json), for Dossier's benchmarks and extraction
// tests.
//
//	go run ./bench/cmd/gen -articles 1000 -size 5000 -actors 200 -seed 1 -html 0.2 -out corpus
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"dossier/bench/gen"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	var cfg gen.Config
	fs.IntVar(&cfg.Articles, "articles", 100, "number of articles")
	fs.IntVar(&cfg.MeanSize, "size", 5000, "mean article body size in bytes")
	fs.IntVar(&cfg.Actors, "actors", 200, "number of invented actors (at least 12)")
	fs.IntVar(&cfg.Documents, "docs", 0, "number of tracked documents (0: actors/20, at least 5)")
	fs.Int64Var(&cfg.Seed, "seed", 1, "random seed; the same flags give the same files")
	fs.Float64Var(&cfg.HTMLShare, "html", 0.2, "share of articles written as HTML pages, 0 to 1")
	out := fs.String("out", "", "directory to write (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		fs.Usage()
		return fmt.Errorf("-out is required")
	}
	if cfg.Articles < 0 || cfg.MeanSize < 0 || cfg.Actors < 0 || cfg.Documents < 0 || cfg.HTMLShare < 0 || cfg.HTMLShare > 1 {
		return fmt.Errorf("counts must not be negative and -html must lie between 0 and 1")
	}
	started := time.Now()
	c := gen.Generate(cfg)
	generated := time.Since(started)
	if err := c.WriteFiles(*out); err != nil {
		return err
	}
	bytes := 0
	for _, a := range c.Articles {
		bytes += len(a.Body)
	}
	fmt.Printf("wrote %d articles (%.1f MB of text), %d actors, %d documents to %s in %v (generation %v)\n",
		len(c.Articles), float64(bytes)/1e6, len(c.Actors), len(c.Documents), *out,
		time.Since(started).Round(time.Millisecond), generated.Round(time.Millisecond))
	return nil
}
