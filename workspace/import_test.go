package workspace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/model"
)

const samplePath = "../../shared/samples/peace-talks-miami.txt"

func mustCreate(t *testing.T) *Workspace {
	t.Helper()
	ws, err := Create(filepath.Join(t.TempDir(), "w.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

func firstLine(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	line, _, _ := strings.Cut(strings.TrimLeft(string(b), "\ufeff\n "), "\n")
	return strings.TrimSpace(line)
}

func TestImportSampleThenDuplicate(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	results, err := ws.Import(ctx, []string{samplePath}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 1 || results[0].Status != Imported {
		t.Fatalf("first import: %+v", results)
	}
	a, err := ws.Article(ctx, results[0].ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if want := firstLine(t, samplePath); a.Title != want {
		t.Fatalf("title %q, want the first line %q", a.Title, want)
	}
	again, err := ws.Import(ctx, []string{samplePath}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 1 || again[0].Status != Duplicate || again[0].ArticleID != a.ID {
		t.Fatalf("second import: %+v, want a duplicate of article %d", again, a.ID)
	}
	if !strings.Contains(again[0].Detail, a.Title) {
		t.Fatalf("duplicate detail %q does not name the article", again[0].Detail)
	}
	if _, total, _ := ws.ListArticles(ctx, model.ArticleFilter{}); total != 1 {
		t.Fatalf("%d articles after importing the same file twice", total)
	}
}

func TestImportFolderWithOneRefusal(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":            "Talks resume in Geneva\n\nDelegations met on Monday.",
		"sub/b.md":         "# Sanctions list grows\n\nThe *council* added nine names.",
		"sub/deeper/c.htm": "<html><head><title>Vote delayed</title></head><body><article><p>The vote was delayed again.</p></article></body></html>",
		"broken.txt":       "binary\x00\x00\x00data",
		".hidden/d.txt":    "never read",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var seen []Progress
	results, err := ws.Import(ctx, []string{dir}, func(p Progress) { seen = append(seen, p) })
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]ImportStatus{}
	for _, r := range results {
		rel, _ := filepath.Rel(dir, r.Path)
		got[filepath.ToSlash(rel)] = r.Status
		if r.Status == Refused && !strings.Contains(r.Detail, "binary") {
			t.Errorf("refusal of %s says %q", rel, r.Detail)
		}
	}
	want := map[string]ImportStatus{"a.txt": Imported, "sub/b.md": Imported, "sub/deeper/c.htm": Imported, "broken.txt": Refused}
	if len(got) != len(want) {
		t.Fatalf("results %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s, want %s", k, got[k], v)
		}
	}
	last := seen[len(seen)-1]
	if len(seen) != 5 || last.Done != 4 || last.Total != 4 {
		t.Fatalf("progress %+v", seen)
	}
	if _, total, _ := ws.ListArticles(ctx, model.ArticleFilter{}); total != 3 {
		t.Fatalf("%d articles, want 3", total)
	}
}

func TestImportMissingPathAndCancel(t *testing.T) {
	ws := mustCreate(t)
	results, err := ws.Import(context.Background(), []string{filepath.Join(t.TempDir(), "nope.txt")}, nil)
	if err != nil || len(results) != 1 || results[0].Status != Refused || !strings.Contains(results[0].Detail, "no such file") {
		t.Fatalf("missing path: %+v %v", results, err)
	}
	dir := t.TempDir()
	for _, n := range []string{"1.txt", "2.txt", "3.txt"} {
		os.WriteFile(filepath.Join(dir, n), []byte("Title "+n+"\n\nBody of "+n), 0o644)
	}
	ctx, cancel := context.WithCancel(context.Background())
	results, err = ws.Import(ctx, []string{dir}, func(p Progress) {
		if p.Done == 1 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || len(results) != 1 {
		t.Fatalf("cancelled import: %d results, err %v", len(results), err)
	}
	if _, total, _ := ws.ListArticles(context.Background(), model.ArticleFilter{}); total != 1 {
		t.Fatalf("%d articles after cancelling at the second file, want 1", total)
	}
}

func TestImportText(t *testing.T) {
	ws := mustCreate(t)
	r, err := ws.ImportText(context.Background(), "pasted", "Ceasefire holds\n\nFor a third day.")
	if err != nil || r.Status != Imported || r.Title != "Ceasefire holds" {
		t.Fatalf("%+v %v", r, err)
	}
	if _, err := ws.ImportText(context.Background(), "pasted", "  \n\n "); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("empty paste: %v", err)
	}
}

func TestImportFolderWithRepeatedText(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	dir := t.TempDir()
	files := map[string]string{
		"1-first.txt":  "Talks resume in Geneva\n\nDelegations met on Monday.",
		"2-copy.txt":   "Talks resume in Geneva\r\n\r\nDelegations met on Monday.\r\n", // the same text once normalised
		"3-other.txt":  "Vote delayed\n\nThe vote was delayed again.",
		"4-copy.txt":   "\ufeffVote delayed  \n\n\nThe vote was delayed again.\n",
		"5-second.txt": "Sanctions list grows\n\nThe council added nine names.",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	results, err := ws.Import(ctx, []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != len(files) {
		t.Fatalf("%d results for %d files", len(results), len(files))
	}
	first, other := results[0], results[2]
	want := []struct {
		status ImportStatus
		of     ImportResult // the result whose article a duplicate names
	}{{Imported, first}, {Duplicate, first}, {Imported, other}, {Duplicate, other}, {Imported, ImportResult{}}}
	for i, w := range want {
		r := results[i]
		if r.Status != w.status {
			t.Fatalf("%s: %s (%s), want %s", filepath.Base(r.Path), r.Status, r.Detail, w.status)
		}
		if w.status != Duplicate {
			continue
		}
		detail := fmt.Sprintf("duplicate of article %d %q", w.of.ArticleID, w.of.Title)
		if r.ArticleID != w.of.ArticleID || r.Title != w.of.Title || r.Detail != detail {
			t.Errorf("%s: %+v, want a duplicate of article %d %q (%s)", filepath.Base(r.Path), r, w.of.ArticleID, w.of.Title, detail)
		}
	}
	if _, total, _ := ws.ListArticles(ctx, model.ArticleFilter{}); total != 3 {
		t.Fatalf("%d articles, want 3", total)
	}
}

// TestImportFindsNamesAddedWhileItRuns adds an alias after the first file
// is stored: the second, stored with the names known at the start, is
// searched again once the import ends and mentions the actor.
func TestImportFindsNamesAddedWhileItRuns(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	actor := model.Actor{Name: "Marta Quell", Kind: model.ActorPerson}
	if err := ws.CreateActor(ctx, &actor); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"1.txt": "Harbour talks\n\nMarta Quell opened the harbour talks on Monday.",
		"2.txt": "Envoy arrives\n\nThe envoy Zorblat arrived in Castrel on Tuesday.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	added := false
	results, err := ws.Import(ctx, []string{dir}, func(p Progress) {
		if p.Result != nil && !added {
			added = true
			if err := ws.AddAlias(ctx, &model.Alias{ActorID: actor.ID, Name: "Zorblat"}); err != nil {
				t.Error(err)
			}
		}
	})
	if err != nil || len(results) != 2 {
		t.Fatalf("import: %v, %d results", err, len(results))
	}
	ws.WaitRescans()
	second := results[1].ArticleID
	ms, _, err := ws.ListMentions(ctx, model.MentionFilter{ArticleID: second})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].ActorID != actor.ID || ms[0].Text != "Zorblat" {
		t.Errorf("mentions in the article stored after the alias was added = %+v, want Zorblat as %s", ms, actor.Name)
	}
}
