package workspace

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"dossier/extract"
	"dossier/ingest"
	"dossier/model"
)

// ImportStatus is what became of one file.
type ImportStatus string

// Import outcomes.
const (
	Imported  ImportStatus = "imported"
	Duplicate ImportStatus = "duplicate"
	Refused   ImportStatus = "refused"
)

// ImportResult is the outcome for one file or paste.
type ImportResult struct {
	Path      string       `json:"path"`
	Status    ImportStatus `json:"status"`
	ArticleID int64        `json:"article_id,omitempty"` // the new article, or the one it duplicates
	Title     string       `json:"title,omitempty"`
	Detail    string       `json:"detail"` // a sentence: what was imported, or why not

	findingsFailed bool // stored, but not what the extractor found in it
}

// Progress reports an import under way.
type Progress struct {
	Done, Total int
	Current     string // the file being stored
	// Result is what became of the file just stored, so that a window can
	// list the outcomes as they come; nil before the first file, and in a
	// rescan.
	Result *ImportResult
}

// Import reads files and folders (recursively) into articles, each in its
// own transaction, and returns a result per file in the order given (a
// folder's files in name order). A file that cannot be read is refused with
// its reason; the rest go on. Cancelling ctx stops before the next file:
// the file being stored then is stored whole, and its result is the last.
// progress, when not nil, is called from Import's goroutine after each file.
func (ws *Workspace) Import(ctx context.Context, paths []string, progress func(Progress)) ([]ImportResult, error) {
	// Each store runs to its end whatever becomes of ctx, so that its
	// result says what happened; that also spares the driver a watcher
	// for every statement.
	storeCtx := context.WithoutCancel(ctx)
	files, results := expand(paths)
	total := len(files) + len(results)
	report := func(current string, r *ImportResult) {
		if progress != nil {
			progress(Progress{Done: len(results), Total: total, Current: current, Result: r})
		}
	}
	report("", nil)
	gen := ws.namesGen.Load()
	k, err := ws.known(ctx)
	if err != nil {
		return results, err
	}
	// Articles stored with names that changed meanwhile, or whose findings
	// could not be stored, are searched again once the import ends.
	var stale []int64
	defer func() { ws.rescanLater(stale) }()
	for parsed := range readAll(ctx, files, k) {
		if err := ctx.Err(); err != nil {
			return results, err
		}
		r := ws.store(storeCtx, parsed)
		results = append(results, r)
		if r.Status == Imported && (r.findingsFailed || ws.namesGen.Load() != gen) {
			stale = append(stale, r.ArticleID)
		}
		report(parsed.path, &r)
	}
	if err := ctx.Err(); err != nil {
		return results, err
	}
	return results, nil
}

// ImportText stores pasted text as an article; name says where it came from.
func (ws *Workspace) ImportText(ctx context.Context, name, text string) (ImportResult, error) {
	doc, err := ingest.FromPaste(text)
	p := parsedFile{path: name, doc: doc, err: err}
	if err == nil {
		k, err := ws.known(ctx)
		if err != nil {
			return ImportResult{}, err
		}
		f := find(k, doc.Body)
		p.found = &f
	}
	r := ws.store(ctx, p)
	if r.findingsFailed {
		ws.rescanLater([]int64{r.ArticleID})
	}
	if r.Status == Refused {
		return r, model.Invalidf("%s", r.Detail)
	}
	return r, nil
}

// parsedFile is a file read by ingest, on its way to storage.
type parsedFile struct {
	path string
	doc  ingest.Document
	err  error
	// found is what the extractor saw in the body, when it looked.
	found *findings
}

// store writes one parsed file as an article, or says why not.
func (ws *Workspace) store(ctx context.Context, p parsedFile) ImportResult {
	r := ImportResult{Path: p.path}
	if p.err != nil {
		return refused(r, p.err)
	}
	a := articleFrom(p.doc, ws.Now())
	// The duplicate check is the one CreateArticle makes inside its
	// transaction: a look-up beforehand would cost a read per file and
	// could still be overtaken by another writer.
	var dup *model.DuplicateError
	var found findings
	if p.found != nil {
		found = *p.found
	}
	findingsErr, err := ws.CreateArticleWithFindings(ctx, &a, found.mentions, found.proposals)
	if errors.As(err, &dup) {
		r.Status, r.ArticleID, r.Title = Duplicate, dup.ArticleID, dup.Title
		r.Detail = fmt.Sprintf("duplicate of article %d %q", dup.ArticleID, dup.Title)
		return r
	} else if err != nil {
		return refused(r, err)
	}
	r.Status, r.ArticleID, r.Title = Imported, a.ID, a.Title
	r.Detail = fmt.Sprintf("article %d %q", a.ID, a.Title)
	if findingsErr != nil {
		// The article is stored; its names are searched again once the
		// import ends, so a failure here does not undo the import.
		r.Detail += fmt.Sprintf("; its names could not be stored (%v) and will be searched again", findingsErr)
		r.findingsFailed = true
	}
	return r
}

func refused(r ImportResult, err error) ImportResult {
	r.Status, r.Detail = Refused, err.Error()
	return r
}

// expand lists the files to read: the paths themselves, and every file
// under a folder in name order, hidden files and folders left out. Paths
// that cannot be listed become refusals at once.
func expand(paths []string) (files []string, refusals []ImportResult) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			refusals = append(refusals, refused(ImportResult{Path: p}, notReadable(err)))
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				refusals = append(refusals, refused(ImportResult{Path: path}, notReadable(err)))
				return nil
			}
			hidden := strings.HasPrefix(d.Name(), ".") && path != p
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case !d.IsDir() && !hidden && d.Type().IsRegular():
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			refusals = append(refusals, refused(ImportResult{Path: p}, notReadable(err)))
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, refusals
}

func notReadable(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("no such file or folder; check the path")
	}
	if errors.Is(err, fs.ErrPermission) {
		return errors.New("permission denied; check the file's permissions")
	}
	return err
}

// readAll parses files, and finds the names and proposals in them, on
// every core, and yields them in the given order,
// so that storing (one writer) overlaps with reading. It stops early when
// ctx is cancelled.
func readAll(ctx context.Context, files []string, k *extract.Known) <-chan parsedFile {
	out := make(chan parsedFile)
	workers := max(1, min(runtime.NumCPU(), len(files)))
	slots := make([]chan parsedFile, len(files))
	for i := range slots {
		slots[i] = make(chan parsedFile, 1)
	}
	next := make(chan int)
	ahead := make(chan struct{}, 4*workers) // bounds the parsed files held in memory
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := parsedFile{path: files[i]}
				p.doc, p.err = ingest.ReadFile(files[i])
				if p.err == nil && k != nil { // the extractor runs here, on every core
					f := find(k, p.doc.Body)
					p.found = &f
				}
				slots[i] <- p
			}
		}()
	}
	go func() { // hand out work, at most a few files ahead of the writer
		defer close(next)
		for i := range files {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		defer close(out)
		defer wg.Wait()
		for i := range files {
			select {
			case p := <-slots[i]:
				<-ahead
				select {
				case out <- p:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
