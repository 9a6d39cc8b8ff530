package assets

import (
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"
)

// The demo articles are read by the importer, which takes title and date
// from Markdown front matter; an article without them would appear
// untitled and undated on the newcomer's first screen.
func TestDemoArticles(t *testing.T) {
	names, err := fs.Glob(Demo, "*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 3 || len(names) > 5 {
		t.Fatalf("Demo holds %d articles (%v), want 3 to 5", len(names), names)
	}
	for _, name := range names {
		b, err := fs.ReadFile(Demo, name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if !utf8.ValidString(text) {
			t.Errorf("%s is not valid UTF-8", name)
		}
		if n := utf8.RuneCountInString(text); n < 1500 || n > 3000 {
			t.Errorf("%s has %d characters, want 1,500 to 3,000", name, n)
		}
		for _, key := range []string{"\ntitle: ", "\ndate: ", "\nauthor: "} {
			if !strings.HasPrefix(text, "---\n") || !strings.Contains(text, key) {
				t.Errorf("%s lacks front matter with %q", name, strings.TrimSpace(key))
			}
		}
	}
}
