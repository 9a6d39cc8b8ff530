package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"dossier/bench/gen"
)

// Config sizes a benchmark run.
type Config struct {
	Articles int // generated articles
	Size     int // mean article size in bytes
	Excerpts int // excerpts loaded with them
	Actors   int
	Seed     int64
	Dir      string // scratch folder
}

// Env is what the suites share: the configuration and, made once, the
// corpus and its rows.
type Env struct {
	Config
	corpus     *gen.Corpus
	rows       *Rows
	loadedPath string
}

// Corpus generates the articles on first use.
func (e *Env) Corpus() *gen.Corpus {
	if e.corpus == nil {
		e.corpus = gen.Generate(gen.Config{Articles: e.Articles, MeanSize: e.Size, Actors: e.Actors, Seed: e.Seed, HTMLShare: 0.2})
	}
	return e.corpus
}

// Rows converts the corpus to model rows on first use.
func (e *Env) Rows() *Rows {
	if e.rows == nil {
		e.rows = RowsFrom(e.Corpus(), e.Excerpts)
	}
	return e.rows
}

// Scratch returns a new empty folder under the run's scratch folder.
func (e *Env) Scratch(name string) (string, error) {
	dir := filepath.Join(e.Dir, name)
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	return dir, os.MkdirAll(dir, 0o755)
}

// Suite measures one part of Dossier.
type Suite struct {
	Name string
	Run  func(ctx context.Context, env *Env) ([]Row, error)
}

// Suites lists every suite, in report order.
var Suites = []Suite{
	{"storage load", loadSuite},
	{"import", importSuite},
	{"search", searchSuite},
	{"extract", matchSuite},
	{"export", exportSuite},
	{"window", windowSuite},
}

// loadSuite: inserting articles and excerpts, on the trigger path and the
// bulk path, next to the sqlite3 shell doing the same.
func loadSuite(ctx context.Context, env *Env) ([]Row, error) {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		return nil, fmt.Errorf("the sqlite3 shell is not installed (Debian package sqlite3; `make bench` installs it)")
	}
	rows := env.Rows()
	n := float64(rows.Count())
	var out []Row
	for _, bulk := range []bool{false, true} {
		path := "trigger path"
		if bulk {
			path = "bulk path"
		}
		dir, err := env.Scratch("load-" + map[bool]string{false: "trigger", true: "bulk"}[bulk])
		if err != nil {
			return nil, err
		}
		ours, err := loadOurs(ctx, filepath.Join(dir, "ours.dossier"), rows, bulk)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		shell, err := loadShell(ctx, dir, rows, bulk, false)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r := Row{
			Issue: "storage", Figure: fmt.Sprintf("insert %d articles + %d excerpts, %s", len(rows.Articles), rows.Count()-len(rows.Articles), path),
			Ours: n / ours.Seconds(), Peer: n / shell.Seconds(), Unit: "rows/s", PeerBy: "sqlite3 shell, same rows and schema",
			HigherIsBetter: true,
		}
		if bulk {
			r.Target = "within 2× of the shell"
			r.Met = r.Ratio() >= 0.5
		} else {
			r.Target = "— (reported)"
			r.Met = true
		}
		out = append(out, r)
	}
	return out, nil
}
