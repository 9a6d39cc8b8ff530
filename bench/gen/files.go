package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// TruthFile is the name of the ground-truth file WriteFiles writes.
const TruthFile = "truth.json"

// WriteFiles writes one file per article into dir (created if missing) and
// the whole corpus as indented JSON in truth.json. Plain-text files hold the
// body with a final newline; one in eight uses CRLF line endings, as files
// from other systems do, so importers meet both.
func (c *Corpus) WriteFiles(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write corpus %s: %w", dir, err)
	}
	for i := range c.Articles {
		a := &c.Articles[i]
		path := filepath.Join(dir, a.FileName)
		if err := os.WriteFile(path, c.FileContent(a), 0o644); err != nil {
			return fmt.Errorf("write article %s: %w", path, err)
		}
	}
	return c.writeTruth(filepath.Join(dir, TruthFile))
}

// FileContent is the file written for a: a news page for .html names, the
// plain body otherwise.
func (c *Corpus) FileContent(a *Article) []byte {
	if strings.HasSuffix(a.FileName, ".html") {
		return c.page(a)
	}
	text := a.Body + "\n"
	if variant(a.ID, 8) == 3 {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	return []byte(text)
}

// variant picks a deterministic 0..n-1 per article for presentation choices,
// so files can be rewritten identically from a decoded truth.json.
func variant(id, n int) int {
	x := uint64(id)*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019
	x ^= x >> 31
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 29
	return int(x % uint64(n))
}

func (c *Corpus) writeTruth(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write truth %s: %w", path, err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = c.encodeTruth(w)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write truth %s: %w", path, err)
	}
	return nil
}

// encodeTruth writes what json.MarshalIndent(c, "", "  ") would, one article
// at a time, so that a large corpus is never held twice in memory.
func (c *Corpus) encodeTruth(w io.Writer) error {
	actors, err := json.MarshalIndent(c.Actors, "  ", "  ")
	if err != nil {
		return err
	}
	docs, err := json.MarshalIndent(c.Documents, "  ", "  ")
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "{\n  \"actors\": %s,\n  \"documents\": %s,\n  \"articles\": ", actors, docs); err != nil {
		return err
	}
	if c.Articles == nil {
		_, err := io.WriteString(w, "null\n}")
		return err
	}
	if len(c.Articles) == 0 {
		_, err := io.WriteString(w, "[]\n}")
		return err
	}
	sep := "[\n    "
	for i := range c.Articles {
		b, err := json.MarshalIndent(&c.Articles[i], "    ", "  ")
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
		sep = ",\n    "
	}
	_, err = io.WriteString(w, "\n  ]\n}")
	return err
}

// ReadTruth loads a truth.json written by WriteFiles.
func ReadTruth(path string) (*Corpus, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read truth %s: %w", path, err)
	}
	var c Corpus
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("read truth %s: %w", path, err)
	}
	return &c, nil
}

// AliasList returns every actor and document alias, one per entry, for a
// whole-word fixed-string comparison.
func (c *Corpus) AliasList() []string {
	var out []string
	for _, a := range c.Actors {
		out = append(out, a.Aliases...)
	}
	for _, d := range c.Documents {
		out = append(out, d.Aliases...)
	}
	return out
}
