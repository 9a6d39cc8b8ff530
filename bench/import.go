package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"dossier/model"
	"dossier/workspace"
)

// importSuite: importing a folder of generated articles (text and saved
// web pages) into a new workspace, as `dossier import FOLDER` does.
func importSuite(ctx context.Context, env *Env) ([]Row, error) {
	dir, err := env.Scratch("import")
	if err != nil {
		return nil, err
	}
	files := filepath.Join(dir, "articles")
	if err := env.Corpus().WriteFiles(files); err != nil {
		return nil, err
	}
	os.Remove(filepath.Join(files, "truth.json")) // the ground truth is not an article
	size, err := folderSize(files)
	if err != nil {
		return nil, err
	}
	ws, err := workspace.Create(filepath.Join(dir, "import.dossier"))
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	start := time.Now()
	results, err := ws.Import(ctx, []string{files}, nil)
	took := time.Since(start)
	if err != nil {
		return nil, err
	}
	imported := 0
	for _, r := range results {
		if r.Status == workspace.Imported {
			imported++
		}
	}
	if imported != len(env.Corpus().Articles) {
		return nil, fmt.Errorf("imported %d of %d generated articles", imported, len(env.Corpus().Articles))
	}
	rate := float64(imported) / took.Seconds()
	floor, err := shellStoresArticles(ctx, env, dir)
	if err != nil {
		return nil, err
	}
	return []Row{
		{Issue: "import", Figure: fmt.Sprintf("import a folder of %d articles (%.0f MB, 20%% HTML), names found and proposals stored", imported, float64(size)/1e6),
			Ours: rate, Unit: "articles/s", Target: "≥ 1,000 articles/s", Met: rate >= 1000, HigherIsBetter: true,
			Peer: floor, PeerBy: "sqlite3 shell storing the same articles alone, one transaction each, search index on"},
		{Issue: "import", Figure: "import throughput, same run",
			Ours: float64(size) / 1e6 / took.Seconds(), Unit: "MB/s", Target: "— (reported)", Met: true, HigherIsBetter: true},
	}, nil
}

// shellStoresArticles is the floor under any import into this schema: the
// sqlite3 shell inserting the corpus's articles, already parsed, each in its
// own transaction with its search index kept by the triggers, and nothing
// found in them. It returns articles per second.
func shellStoresArticles(ctx context.Context, env *Env, dir string) (float64, error) {
	rows := env.Rows()
	alone := &Rows{Articles: rows.Articles, Excerpts: make([][]model.Excerpt, len(rows.Articles))}
	took, err := loadShell(ctx, filepath.Join(dir, "shell"), alone, false, true)
	if err != nil {
		return 0, fmt.Errorf("the sqlite3 shell storing the articles: %w", err)
	}
	return float64(len(alone.Articles)) / took.Seconds(), nil
}

func folderSize(dir string) (int64, error) {
	var n int64
	err := filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return err
	})
	return n, err
}
