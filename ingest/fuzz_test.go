package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The fuzz targets check what every reader promises whatever the input: no
// panic, an error is always a Refusal, and a document's body is valid,
// normalised UTF-8. Crashers found are kept in testdata/fuzz.

func addFixtures(f *testing.F, patterns ...string) {
	f.Helper()
	for _, pattern := range patterns {
		names, err := filepath.Glob(filepath.Join("testdata", pattern))
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

func checkRead(t *testing.T, name string, data []byte) {
	t.Helper()
	doc, err := ReadBytes(name, data)
	if err != nil {
		var r *Refusal
		if !errors.As(err, &r) || r.Reason == "" || r.Path != name {
			t.Fatalf("error is not a proper refusal: %#v", err)
		}
		if doc != (Document{}) {
			t.Fatalf("refused, yet returned a document")
		}
		return
	}
	if doc.Body == "" {
		t.Fatalf("empty body without a refusal")
	}
	if !utf8.ValidString(doc.Body) || !norm.NFC.IsNormalString(doc.Body) {
		t.Fatalf("body is not valid NFC UTF-8: %q", doc.Body)
	}
	if Normalize(doc.Body) != doc.Body {
		t.Fatalf("body is not normalised: %q", doc.Body)
	}
	for _, field := range []string{doc.Title, doc.Author, doc.URL, doc.Language} {
		if !utf8.ValidString(field) || strings.ContainsAny(field, "\n\r") {
			t.Fatalf("metadata field is not one valid line: %q", field)
		}
	}
	if doc.Title == "" {
		t.Fatalf("empty title")
	}
	if !doc.PublishedAt.IsZero() && doc.PublishedAt.Location().String() != "UTC" {
		t.Fatalf("date not in UTC: %v", doc.PublishedAt)
	}
}

func FuzzReadTXT(f *testing.F) {
	addFixtures(f, "*.txt")
	f.Add([]byte("\xFE\xFF\xD8\x3D\xDE\x00"))
	f.Add([]byte("a\r\n\r\n\u00a0\r\nb\x85"))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.txt", data) })
}

func FuzzReadMD(f *testing.F) {
	addFixtures(f, "*.md")
	for _, s := range []string{"[a](b)", "**a*", "`` ` ``", "| a |\n|---|\n| b |", "- [x] a\n\n    b",
		"<!--\n-->", "---\ntitle: t\n---\n", "![a]([b](c))", "[[[a]]](b)", "\\"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.md", data) })
}

func FuzzReadHTML(f *testing.F) {
	addFixtures(f, "*.html")
	for _, s := range []string{"<p>a<br>b</p>", "<pre>\n x</pre>", "<table><td>a<td>b", "<meta charset=shift_jis>\x82\xa0",
		`<script type="application/ld+json">{"@graph":[{"author":{"@id":"x"}}]}</script><p>x</p>`, "\xFF\xFE<\x00p\x00>\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.html", data) })
}

func FuzzReadDOCX(f *testing.F) {
	addFixtures(f, "*.docx")
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.docx", data) })
}

func FuzzReadEML(f *testing.F) {
	addFixtures(f, "*.eml")
	f.Add([]byte("From: a\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx\r\n--b--"))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.eml", data) })
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a\r\n\r\n\r\nb", " \u00a0\n", "e\u200B\u0301", "\u2029\u2028\f", "a\xffb", "\u1100\u1161\u11a8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		if !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) {
			t.Fatalf("not valid NFC UTF-8: %q", got)
		}
		if Normalize(got) != got {
			t.Fatalf("not idempotent: %q → %q", got, Normalize(got))
		}
		if strings.Contains(got, "\r") || strings.Contains(got, "\n\n\n") ||
			strings.HasPrefix(got, "\n") || strings.HasSuffix(got, "\n") {
			t.Fatalf("line structure not normalised: %q", got)
		}
		for line := range strings.SplitSeq(got, "\n") {
			if strings.TrimRightFunc(line, unicode.IsSpace) != line {
				t.Fatalf("trailing whitespace in %q", line)
			}
		}
	})
}
