package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

// zipBytes builds an archive of the given parts, in order.
func zipBytes(t testing.TB, parts ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, p := range parts {
		f, err := w.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(p[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func wordDoc(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`
}

func TestReadDOCX(t *testing.T) {
	strict := `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>Strict OOXML</w:t></w:r></w:p></w:body></w:document>`
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`
	tests := []struct {
		name        string
		parts       [][2]string
		title, body string
	}{
		{"no properties: Title style, then first line",
			[][2]string{{"word/document.xml", wordDoc(`<w:p><w:r><w:t>Intro</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Styled</w:t></w:r></w:p>`)}},
			"Styled", "Intro\n\nStyled"},
		{"first line when nothing else",
			[][2]string{{"WORD/Document.XML", wordDoc(`<w:p><w:r><w:t xml:space="preserve">  First  </w:t></w:r></w:p><w:p><w:r><w:t>Second</w:t></w:r></w:p>`)}},
			"First", "  First\n\nSecond"},
		{"main part named by relationships",
			[][2]string{{"_rels/.rels", rels}, {"word/document.xml", wordDoc(`<w:p><w:r><w:t>wrong part</w:t></w:r></w:p>`)}, {"word/document2.xml", strict}},
			"Strict OOXML", "Strict OOXML"},
		{"tab stops are not tabs; symbols and soft hyphens are not text",
			[][2]string{{"word/document.xml", wordDoc(`<w:p><w:pPr><w:tabs><w:tab w:pos="1"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:softHyphen/><w:t>b</w:t><w:noBreakHyphen/><w:t>c</w:t><w:sym w:char="F0E0"/></w:r></w:p>`)}},
			"ab-c", "ab-c"},
		{"nested table",
			[][2]string{{"word/document.xml", wordDoc(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>in</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>ner</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`)}},
			"x y in ner", "x y\tin\tner"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadBytes("d.docx", zipBytes(t, tt.parts...))
			if err != nil {
				t.Fatalf("ReadBytes: %v", err)
			}
			if doc.Title != tt.title || doc.Body != tt.body {
				t.Errorf("title %q, body %q; want %q, %q", doc.Title, doc.Body, tt.title, tt.body)
			}
			assertWellFormed(t, doc)
		})
	}
}

func TestReadDOCXRefused(t *testing.T) {
	doc, err := ReadBytes("d.docx", zipBytes(t, [2]string{"word/document.xml", wordDoc(`<w:p><w:r><w:t>unclosed`)}))
	var r *Refusal
	if !errors.As(err, &r) || !strings.HasPrefix(r.Reason, "the .docx is damaged (word/document.xml: XML syntax error") ||
		!strings.HasSuffix(r.Reason, "); save it again from Word") || doc != (Document{}) {
		t.Errorf("damaged XML: got %v", err)
	}

	doc, err = ReadBytes("d.docx", zipBytes(t, [2]string{"word/document.xml", wordDoc(`<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>`)}))
	assertRefusal(t, doc, err, "d.docx", "no readable text found")

	doc, err = ReadBytes("d.docx", []byte("PK\x03\x04 truncated"))
	assertRefusal(t, doc, err, "d.docx", reasonNotDOCX)
}
