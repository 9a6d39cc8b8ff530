package gen

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

var smallCorpus = Config{Articles: 30, MeanSize: 2500, Actors: 60, Seed: 7, HTMLShare: 0.4}

func TestTemplatesParse(t *testing.T) {
	if _, err := templates(); err != nil {
		t.Fatal(err)
	}
	bad := []string{"{P1.nope} said.", "{X1} said.", "{P9} said.", "{F:unicorns}", "{P1 said.", "{S1.g:a|b}", "{P1.g:a}", "{weather}"}
	for _, s := range bad {
		if _, err := parseTemplate(s, ""); err == nil {
			t.Errorf("parseTemplate(%q) accepted a bad slot", s)
		}
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := Generate(smallCorpus).WriteFiles(a); err != nil {
		t.Fatal(err)
	}
	if err := Generate(smallCorpus).WriteFiles(b); err != nil {
		t.Fatal(err)
	}
	names := dirNames(t, a)
	if got := dirNames(t, b); !slices.Equal(names, got) {
		t.Fatalf("file lists differ: %v vs %v", names, got)
	}
	for _, n := range names {
		if !bytes.Equal(readFile(t, filepath.Join(a, n)), readFile(t, filepath.Join(b, n))) {
			t.Errorf("%s differs between two runs", n)
		}
	}
	other := smallCorpus
	other.Seed++
	if reflect.DeepEqual(Generate(other).Articles[0].Body, Generate(smallCorpus).Articles[0].Body) {
		t.Error("a different seed gave the same first article")
	}
}

func TestSpansMatchBody(t *testing.T) {
	c := Generate(smallCorpus)
	for _, a := range c.Articles {
		body := []rune(a.Body)
		slice := func(what string, start, end int) string {
			if start < 0 || start >= end || end > len(body) {
				t.Fatalf("article %d: %s span [%d,%d) outside body of %d code points", a.ID, what, start, end, len(body))
			}
			return string(body[start:end])
		}
		for _, m := range a.Mentions {
			if got := slice("mention", m.Start, m.End); got != m.Text {
				t.Errorf("article %d: mention text %q, body has %q", a.ID, m.Text, got)
			}
		}
		for _, q := range a.Quotes {
			if got := slice("quote", q.Start, q.End); got != q.Text {
				t.Errorf("article %d: quote text %q, body has %q", a.ID, q.Text, got)
			}
		}
		for _, f := range a.Figures {
			if got := slice("figure", f.Start, f.End); got != f.Text {
				t.Errorf("article %d: figure text %q, body has %q", a.ID, f.Text, got)
			}
		}
		for _, e := range a.Excerpts {
			slice("excerpt", e.Start, e.End)
		}
	}
}

func TestMentionsNameTheirEntity(t *testing.T) {
	c := Generate(smallCorpus)
	for _, a := range c.Articles {
		for _, m := range a.Mentions {
			var aliases []string
			switch {
			case m.ActorID > 0 && m.DocumentID == 0 && m.ActorID <= len(c.Actors):
				aliases = c.Actors[m.ActorID-1].Aliases
			case m.DocumentID > 0 && m.ActorID == 0 && m.DocumentID <= len(c.Documents):
				aliases = c.Documents[m.DocumentID-1].Aliases
			default:
				t.Fatalf("article %d: mention %+v must name exactly one existing entity", a.ID, m)
			}
			if !slices.Contains(aliases, m.Text) {
				t.Errorf("article %d: mention %q is not an alias of %v", a.ID, m.Text, aliases)
			}
			if m.Role != "" && !strings.HasSuffix(runesBefore(a.Body, m.Start), m.Role+" ") &&
				!strings.HasSuffix(runesBefore(a.Body, m.Start), m.Role+", ") {
				t.Errorf("article %d: role %q does not precede %q", a.ID, m.Role, m.Text)
			}
		}
	}
}

func TestQuotesAndExcerptsHaveKnownSpeakers(t *testing.T) {
	c := Generate(smallCorpus)
	excerpts, joint, anonymous := 0, 0, 0
	for _, a := range c.Articles {
		for _, q := range a.Quotes {
			for _, id := range q.SpeakerIDs {
				if id < 1 || id > len(c.Actors) {
					t.Errorf("article %d: quote %q has unknown speaker %d", a.ID, q.Text, id)
				}
			}
			switch len(q.SpeakerIDs) {
			case 0:
				anonymous++
			case 2:
				joint++
			}
		}
		for _, e := range a.Excerpts {
			if !slices.Contains([]string{"quote", "claim", "figure", "event"}, e.Kind) {
				t.Errorf("article %d: excerpt kind %q", a.ID, e.Kind)
			}
			if e.SpeakerID < 0 || e.SpeakerID > len(c.Actors) {
				t.Errorf("article %d: excerpt speaker %d", a.ID, e.SpeakerID)
			}
		}
		excerpts += len(a.Excerpts)
	}
	if joint == 0 || anonymous == 0 {
		t.Errorf("want joint statements and anonymous quotes in the corpus, got %d and %d", joint, anonymous)
	}
	if excerpts == 0 {
		t.Error("no excerpts")
	}
}

func TestEveryQuotationIsRecorded(t *testing.T) {
	c := Generate(smallCorpus)
	for _, a := range c.Articles {
		starts := map[int]bool{}
		for _, q := range a.Quotes {
			starts[q.Start] = true
		}
		open := false // straight quotes alternate within a paragraph
		for i, r := range []rune(a.Body) {
			switch r {
			case '\n':
				open = false
			case '"':
				open = !open
				if !open {
					continue
				}
				fallthrough
			case '“', '«':
				if !starts[i+1] {
					t.Errorf("article %d: quotation at %d has no Quote", a.ID, i)
				}
			}
		}
	}
}

func TestEveryAliasOccurrenceIsAMention(t *testing.T) {
	c := Generate(Config{Articles: 15, MeanSize: 3000, Actors: 40, Seed: 3})
	type entity struct{ actor, doc int }
	owners := map[string]entity{}
	for _, a := range c.Actors {
		for _, al := range a.Aliases {
			owners[al] = entity{actor: a.ID}
		}
	}
	for _, d := range c.Documents {
		for _, al := range d.Aliases {
			owners[al] = entity{doc: d.ID}
		}
	}
	found := 0
	for _, a := range c.Articles {
		for alias, owner := range owners {
			for _, start := range wordOccurrences(a.Body, alias) {
				found++
				end := start + utf8.RuneCountInString(alias)
				covered := slices.ContainsFunc(a.Mentions, func(m Mention) bool {
					return m.Start <= start && end <= m.End && m.ActorID == owner.actor && m.DocumentID == owner.doc
				})
				if !covered {
					t.Errorf("article %d: %q at %d is not inside a mention of its entity", a.ID, alias, start)
				}
			}
		}
	}
	if found < len(c.Articles) {
		t.Errorf("only %d alias occurrences in %d articles", found, len(c.Articles))
	}
}

func TestAliasesAreUniqueAndNeverNested(t *testing.T) {
	c := Generate(Config{Actors: 300, Seed: 11})
	owner := map[string]int{}
	for i, a := range c.Actors {
		for _, al := range a.Aliases {
			k := strings.ToLower(al)
			if o, ok := owner[k]; ok && o != i {
				t.Errorf("alias %q belongs to two entities", al)
			}
			owner[k] = i
		}
	}
	for i, d := range c.Documents {
		for _, al := range d.Aliases {
			k := strings.ToLower(al)
			if _, ok := owner[k]; ok {
				t.Errorf("alias %q is used twice", al)
			}
			owner[k] = len(c.Actors) + i
		}
	}
	list := c.AliasList()
	if len(list) != len(owner) {
		t.Errorf("AliasList has %d entries, want %d", len(list), len(owner))
	}
	for _, outer := range list {
		for _, inner := range wordRuns(outer) {
			if o, ok := owner[strings.ToLower(inner)]; ok && o != owner[strings.ToLower(outer)] {
				t.Errorf("alias %q contains the alias %q of another entity", outer, inner)
			}
		}
	}
}

// wordRuns lists every run of whole words inside s, s itself excluded.
func wordRuns(s string) []string {
	var starts, ends []int
	prev := false
	for i, r := range s {
		if w := isWordRune(r); w != prev {
			if w {
				starts = append(starts, i)
			} else {
				ends = append(ends, i)
			}
			prev = w
		}
	}
	if prev {
		ends = append(ends, len(s))
	}
	var out []string
	for _, a := range starts {
		for _, b := range ends {
			if a < b && (a > 0 || b < len(s)) {
				out = append(out, s[a:b])
			}
		}
	}
	return out
}

func TestBodyIsNormalised(t *testing.T) {
	c := Generate(smallCorpus)
	for _, a := range c.Articles {
		b := a.Body
		switch {
		case !strings.HasPrefix(b, a.Title+"\n\n"):
			t.Errorf("article %d does not start with its title line", a.ID)
		case strings.Contains(b, "\r") || strings.Contains(b, "\n\n\n") || strings.Contains(b, "  "):
			t.Errorf("article %d has stray white space", a.ID)
		case strings.TrimSpace(b) != b || strings.Contains(b, " \n") || strings.Contains(b, "\n "):
			t.Errorf("article %d has leading or trailing blanks", a.ID)
		case !utf8.ValidString(b):
			t.Errorf("article %d is not valid UTF-8", a.ID)
		case strings.IndexFunc(b, func(r rune) bool { return unicode.Is(unicode.Mn, r) }) >= 0:
			t.Errorf("article %d has combining marks (not NFC)", a.ID)
		}
	}
}

func TestMeanSize(t *testing.T) {
	for _, size := range []int{800, 5000} {
		c := Generate(Config{Articles: 60, MeanSize: size, Actors: 50, Seed: 5})
		total, excerpts := 0, 0
		for _, a := range c.Articles {
			total += len(a.Body)
			excerpts += len(a.Excerpts)
		}
		mean := total / len(c.Articles)
		if mean < size*8/10 || mean > size*12/10 {
			t.Errorf("MeanSize %d: mean body %d bytes, want within 20%%", size, mean)
		}
		if per := float64(excerpts) / float64(len(c.Articles)); size == 5000 && (per < 7 || per > 13) {
			t.Errorf("MeanSize 5000: %.1f excerpts per article, want about 10", per)
		}
	}
}

func TestHTMLPagesCarryNoiseAndTheBody(t *testing.T) {
	dir := t.TempDir()
	c := Generate(smallCorpus)
	if err := c.WriteFiles(dir); err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, a := range c.Articles {
		data := readFile(t, filepath.Join(dir, a.FileName))
		if !strings.HasSuffix(a.FileName, ".html") {
			text := strings.TrimRight(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
			if text != a.Body {
				t.Errorf("%s does not hold the body", a.FileName)
			}
			continue
		}
		pages++
		for _, noise := range []string{"<nav", "<script", "<!--", "<header", "<footer"} {
			if !bytes.Contains(data, []byte(noise)) {
				t.Errorf("%s lacks %s", a.FileName, noise)
			}
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if got := articleText(doc); got != a.Body {
			t.Errorf("%s: extracted text differs from body\n got: %.300q\nwant: %.300q", a.FileName, got, a.Body)
		}
		meta := pageMeta(doc)
		published, _ := time.Parse(time.RFC3339, meta["article:published_time"])
		if meta["og:title"] != a.Title || meta["canonical"] != a.URL || meta["author"] != a.Author || !published.Equal(a.PublishedAt) {
			t.Errorf("%s: meta %v does not match the article", a.FileName, meta)
		}
	}
	if pages == 0 {
		t.Fatal("no HTML pages written")
	}
}

func TestTruthRoundTrips(t *testing.T) {
	dir := t.TempDir()
	c := Generate(Config{Articles: 8, MeanSize: 2000, Seed: 9, HTMLShare: 0.5})
	if err := c.WriteFiles(dir); err != nil {
		t.Fatal(err)
	}
	got, err := ReadTruth(filepath.Join(dir, TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Error("truth.json does not decode to the generated corpus")
	}
	want, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, filepath.Join(dir, TruthFile)), want) {
		t.Error("streamed truth.json differs from json.MarshalIndent")
	}
	empty := &Corpus{Actors: []Actor{}, Documents: []Document{}, Articles: []Article{}}
	var buf bytes.Buffer
	if err := empty.encodeTruth(&buf); err != nil {
		t.Fatal(err)
	}
	if want, _ := json.MarshalIndent(empty, "", "  "); !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("empty corpus: got %s, want %s", buf.Bytes(), want)
	}
}

func TestWriteFilesReportsErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "plain")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Generate(Config{Articles: 1, MeanSize: 500}).WriteFiles(filepath.Join(file, "sub")); err == nil {
		t.Error("writing under a file succeeded")
	}
}

func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		Generate(Config{Articles: 1000, MeanSize: 5000, Actors: 300, Seed: 1})
	}
}

// articleText is a readable-text extraction of the <article> element: its
// block children as paragraphs, HTML white space collapsed.
func articleText(doc *html.Node) string {
	var article *html.Node
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "article" {
			article = n
			break
		}
	}
	if article == nil {
		return ""
	}
	var blocks []string
	for n := range article.ChildNodes() {
		if n.Type != html.ElementNode {
			continue
		}
		var sb strings.Builder
		for d := range n.Descendants() {
			if d.Type == html.TextNode {
				sb.WriteString(d.Data)
			}
		}
		blocks = append(blocks, strings.Join(strings.Fields(sb.String()), " "))
	}
	return strings.Join(blocks, "\n\n")
}

func pageMeta(doc *html.Node) map[string]string {
	meta := map[string]string{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		attrs := map[string]string{}
		for _, a := range n.Attr {
			attrs[a.Key] = a.Val
		}
		switch {
		case n.Data == "meta" && attrs["property"] != "":
			meta[attrs["property"]] = attrs["content"]
		case n.Data == "meta" && attrs["name"] != "":
			meta[attrs["name"]] = attrs["content"]
		case n.Data == "link" && attrs["rel"] == "canonical":
			meta["canonical"] = attrs["href"]
		}
	}
	return meta
}

// wordOccurrences finds whole-word occurrences of word in s, in code points.
func wordOccurrences(s, word string) []int {
	var out []int
	for from := 0; ; {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return out
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(word):])
		if !isWordRune(before) && !isWordRune(after) {
			out = append(out, utf8.RuneCountInString(s[:i]))
		}
		from = i + 1
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func runesBefore(s string, n int) string {
	return string([]rune(s)[:n])
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
