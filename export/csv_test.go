package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestNeutralise(t *testing.T) {
	cases := []struct{ in, out string }{
		{"=1+1", "'=1+1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"+7 killed", "'+7 killed"},
		{"-Miami", "'-Miami"},
		{"\tindented", "'\tindented"},
		{"\rreturn", "'\rreturn"},
		{"\nline", "'\nline"},
		{"'=already", "''=already"},
		{"''=twice", "'''=twice"},
		{"'plain quote", "'plain quote"},
		{"plain", "plain"},
		{"", ""},
		{"a=b", "a=b"},
		{"Зеленський", "Зеленський"},
	}
	for _, c := range cases {
		if got := Neutralise(c.in); got != c.out {
			t.Errorf("Neutralise(%q) = %q, want %q", c.in, got, c.out)
		}
		if back := Unneutralise(c.out); back != c.in {
			t.Errorf("Unneutralise(%q) = %q, want %q", c.out, back, c.in)
		}
	}
}

func FuzzNeutralise(f *testing.F) {
	for _, s := range append(tricky, "", "'", "''", "'-", "x") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Neutralise(s)
		if formulaStart(n) {
			t.Errorf("Neutralise(%q) = %q still starts a formula", s, n)
		}
		if back := Unneutralise(n); back != s {
			t.Errorf("Unneutralise(Neutralise(%q)) = %q", s, back)
		}
	})
}

func TestCSVTable(t *testing.T) {
	src := sampleSource(len(tricky))
	var buf bytes.Buffer
	rep, err := CSV(context.Background(), &buf, src, Excerpts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows(Excerpts) != len(src.excerpts) {
		t.Errorf("report: %d rows, want %d", rep.Rows(Excerpts), len(src.excerpts))
	}
	data := buf.Bytes()
	if !bytes.HasPrefix(data, []byte(bom)) {
		t.Fatalf("no byte order mark: %q", data[:10])
	}
	if !bytes.Contains(data, []byte("\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n"))+countNewlinesInText(src) {
		t.Errorf("line ends are not CRLF")
	}
	records, err := csv.NewReader(bytes.NewReader(data[len(bom):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := records[0]
	text, published := slices.Index(header, "Text"), slices.Index(header, "Published (UTC)")
	for i, e := range src.excerpts {
		rec := records[i+1]
		if want := Neutralise(e.Excerpt.Selector.Exact); rec[text] != want {
			t.Errorf("row %d: text %q, want %q", i+1, rec[text], want)
		}
		if want := e.Published.UTC().Format("2006-01-02T15:04:05Z"); rec[published] != want {
			t.Errorf("row %d: published %q, want %q", i+1, rec[published], want)
		}
	}
}

// countNewlinesInText counts line feeds inside the texts of the excerpts
// CSV, which stay bare inside their quotes.
func countNewlinesInText(src *memSource) int {
	n := 0
	for _, e := range src.excerpts {
		n += strings.Count(e.Excerpt.Selector.Exact, "\n")
	}
	return n
}

func TestCSVFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var last Progress
	rep, err := CSVFiles(context.Background(), dir, sampleSource(3), Options{}, func(p Progress) { last = p })
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"actors.csv", "articles.csv", "document-history.csv", "documents.csv", "excerpts.csv", "mentions.csv", "relations.csv", "tags.csv"}
	if !slices.Equal(names, want) {
		t.Errorf("files %q, want %q (and no temporary files)", names, want)
	}
	if len(rep.Files) != len(want) || last.Done != last.Total {
		t.Errorf("report %+v, last progress %+v", rep, last)
	}
	info, err := os.Stat(filepath.Join(dir, "actors.csv"))
	if err != nil || info.Mode().Perm()&0o044 == 0 {
		t.Errorf("actors.csv mode %v (%v), want readable by others", info.Mode(), err)
	}
}

func TestCSVFilesCancelledLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := CSVFiles(ctx, dir, sampleSource(300), Options{}, nil)
	if err == nil {
		t.Fatal("no error from a cancelled export")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a cancelled export left %d files", len(entries))
	}
}

// TestCSVFilesCancelledKeepsTheEarlierExport cancels once the first file
// is complete: the files of the earlier export stay as they were, all of
// them, and no temporary file is left.
func TestCSVFilesCancelledKeepsTheEarlierExport(t *testing.T) {
	dir := t.TempDir()
	if _, err := CSVFiles(context.Background(), dir, sampleSource(3), Options{}, nil); err != nil {
		t.Fatal(err)
	}
	before := csvFolder(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := ""
	_, err := CSVFiles(ctx, dir, sampleSource(300), Options{}, func(p Progress) {
		if first == "" {
			first = p.Sheet
		}
		if p.Sheet != first {
			cancel() // the first file is written whole by now
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("export = %v, want it cancelled", err)
	}
	if after := csvFolder(t, dir); !maps.Equal(after, before) {
		t.Errorf("the folder changed: %d files before, %d after", len(before), len(after))
	}
}

// csvFolder reads every file of dir by name.
func csvFolder(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

func TestWorkbookLinkLimit(t *testing.T) {
	defer func(n int) { maxLinks = n }(maxLinks)
	maxLinks = 2
	_, rep := mustWorkbook(t, sampleSource(3), Options{Tables: []Table{Articles, Excerpts}})
	// Articles: 3 URLs, Excerpts: 6 links to articles; 2 of each kept.
	if rep.LinksLeftOut != 1+4 {
		t.Errorf("%d links left out, want 5", rep.LinksLeftOut)
	}
}
