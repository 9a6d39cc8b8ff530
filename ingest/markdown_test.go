package ingest

import (
	"testing"
)

func TestReadMarkdown(t *testing.T) {
	tests := []struct {
		name, in, body string
	}{
		{"emphasis and code", "Text *em*, **strong**, __under__, _em_, ~~gone~~ and `a*b`.",
			"Text em, strong, under, em, gone and a*b."},
		{"unmatched markers stay", "2 * 3 * 4, **unclosed, snake_case_name, a ~ b",
			"2 * 3 * 4, **unclosed, snake_case_name, a ~ b"},
		{"nested emphasis", "***both*** and *outer **inner** outer*", "both and outer inner outer"},
		{"escapes", `\*not em\* and \[not link\] and a\_b`, "*not em* and [not link] and a_b"},
		{"links keep text", "See [the *report*](http://x.org/a_(b) \"t\") now.", "See the report now."},
		{"images dropped", "![chart](c.png)\n\nText", "Text"},
		{"reference links", "A [text][r] and [R] and [none].\n\n[r]: http://x.org\n", "A text and R and [none]."},
		{"footnote kept", "Claim[^1].\n\n[^1]: Source: agency.", "Claim[^1].\n\n[^1]: Source: agency."},
		{"autolinks", "Mail <a@b.org> or <https://x.org/p?q=1>.", "Mail a@b.org or https://x.org/p?q=1."},
		{"raw HTML dropped", "a <b>bold</b> <!-- note --> b<br/>", "a bold  b"},
		{"code span with backtick", "Use `` a`b `` here", "Use a`b here"},
		{"unclosed code span", "A `tick alone", "A `tick alone"},
		{"headings", "# One #\n## Two\n####### seven\n#hashtag", "One\n\nTwo\n\n####### seven #hashtag"},
		{"setext", "Title\n=====\nBody\n\nSub\n---\nMore", "Title\n\nBody\n\nSub\n\nMore"},
		{"thematic break", "a\n\n***\n\n- - -\n\nb", "a\n\nb"},
		{"wrapped lines joined", "one\ntwo\n  three", "one two three"},
		{"hard breaks", "line one  \nline two\\\nline three", "line one\nline two\nline three"},
		{"bullets dropped, numbers kept", "- a\n* b\n  continued\n+ c\n\n1. one\n2) two",
			"a\nb continued\nc\n\n1. one\n2) two"},
		{"task lists", "- [ ] todo\n- [x] done", "todo\ndone"},
		{"list interrupts paragraph", "Intro:\n- a\n- b\nAfter", "Intro:\n\na\nb After"},
		{"block quotes", "> quoted\n> > deeper\n>\n> next", "quoted deeper\n\nnext"},
		{"fenced code kept", "~~~go\nx := *p // [a](b)\n\n~~~\nafter", "x := *p // [a](b)\n\nafter"},
		{"unclosed fence", "```\ncode *x*", "code *x*"},
		{"inline code is no fence", "```code``` and text\n\nnext", "code and text\n\nnext"},
		{"long fence", "````\n```\ninner\n```\n````", "```\ninner\n```"},
		{"indented code", "Para\n\n    code *x*\n\n    more\nAfter", "Para\n\ncode *x*\n\nmore\n\nAfter"},
		{"indented after list continues item", "- item\n\n    more *text*", "item\n\nmore text"},
		{"tables", "| A | B |\n|:--|--:|\n| `x\\|y` | [l](u) |\n| a \\| b | c |\nafter",
			"A\tB\nx|y\tl\na | b\tc\n\nafter"},
		{"multi-line comment", "a\n<!-- hidden\nstill hidden -->\nb", "a b"},
		{"CRLF", "# T\r\n\r\nText\r\n", "T\n\nText"},
		{"unterminated front matter is text", "---\ntitle: x\n", "title: x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadBytes("x.md", []byte(tt.in))
			if err != nil {
				t.Fatalf("ReadBytes: %v", err)
			}
			if doc.Body != tt.body {
				t.Errorf("body = %q\nwant   %q", doc.Body, tt.body)
			}
			assertWellFormed(t, doc)
		})
	}
}

func TestMarkdownTitle(t *testing.T) {
	tests := map[string]string{
		"Intro line\n\n# The heading\n\ntext":           "The heading",
		"Intro line\n\nSetext title\n===\n":             "Setext title",
		"## Only level two\n\ntext":                     "Only level two",
		"---\ntitle: 'Front'\n---\n# Heading\n":         "Front",
		"---\nauthor: A\n---\n\nFirst *line*\nsecond\n": "First line second",
	}
	for in, want := range tests {
		doc, err := ReadBytes("x.markdown", []byte(in))
		if err != nil {
			t.Fatalf("ReadBytes(%q): %v", in, err)
		}
		if doc.Title != want {
			t.Errorf("title of %q = %q, want %q", in, doc.Title, want)
		}
	}
}

func TestMarkdownEmpty(t *testing.T) {
	for _, in := range []string{"", "---\ntitle: x\n---\n", "![img](a.png)\n\n<!-- c -->\n", "***\n"} {
		doc, err := ReadBytes("x.md", []byte(in))
		assertRefusal(t, doc, err, "x.md", "no readable text found")
	}
}
