package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dossier/model"

	"golang.org/x/text/unicode/norm"
)

// The binary fixtures in testdata are written by testdata/generate.go.

// want is the exact outcome expected from reading one fixture: either a
// document (title, metadata, the start and end of its body) or a refusal.
type want struct {
	title, author, url, lang string
	published                time.Time
	format                   string
	start, end               string   // the body's first and last characters
	contains, absent         []string // text the body must and must not hold
	refusal                  string
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestReadFileFixtures(t *testing.T) {
	tests := []struct {
		file string
		want want
	}{
		{"news-article.html", want{
			title:     "Grain corridor talks resume in Istanbul as insurers hold back",
			author:    "Amira Haddad, Tomas Lind",
			url:       "https://www.harbourgazette.example/world/2025/03/14/grain-corridor-talks-istanbul",
			lang:      "en-GB",
			published: date("2025-03-14T08:30:00Z"),
			format:    "html",
			start:     "Negotiators from Ankara, Kyiv and the United Nations met",
			end:       "Neither delegation would say whether Moscow had been briefed.",
			contains: []string{
				"more than 30\u00a0million tonnes", // &nbsp; kept as a non-breaking space
				"“We are closer than we were in January,” said Leyla Öztürk",
				"\n\nInsurers want it in writing\n\n",
				"\n\nUntil there is a signed text with named guarantors",
				"\n\njoint inspection teams in Istanbul, with rotating chairs;\n\na compensation fund",
			},
			absent: []string{"tracking text", "Advertisement", "Skip to content", "World", "Search",
				"cookies", "Share on X", "Print", "Related", "Why Black Sea insurance", "Sign up",
				"Black Sea briefing", "Shipping", "Comments", "harbourwatcher", "Nothing will change",
				"Most read", "Port strike", "All rights reserved", "Share icon", "enable JavaScript",
				"ad slot", "By Amira", "Black Sea shipping"},
		}},
		{"time-only.html", want{
			title:     "Council approves flood barrier budget after long debate",
			author:    "Jordan Smith",
			lang:      "en",
			published: date("2024-11-02T19:05:00Z"),
			format:    "html",
			start:     "The river council voted nine to four on Thursday night",
			end:       "supporters replied that every month of delay made the work dearer still.\n\nWork is due to start in March.",
			absent:    []string{"Home", "Latest", "Library hours", "Earlier:", "Riverside Weekly", "Posted"},
		}},
		{"utf16le.txt", want{
			title:  "Встреча в Женеве 🕊",
			format: "txt",
			start:  "Встреча в Женеве 🕊\n\nДелегации обсудили",
			end:    "график обмена пленными.\nNext round: 12 May.",
		}},
		{"utf16be.txt", want{
			title:  "Встреча в Женеве 🕊",
			format: "txt",
			start:  "Встреча в Женеве 🕊\n\nДелегации обсудили",
			end:    "график обмена пленными.\nNext round: 12 May.",
		}},
		{"windows-1252.txt", want{
			title:  "“Café talks” resume in Zürich – naïve hopes?",
			format: "txt",
			start:  "“Café talks” resume in Zürich – naïve hopes?\nThe envoy’s aide",
			end:    "said costs had reached €4 million.",
		}},
		{"utf8-bom.txt", want{
			title:  "Statement by the spokesperson", // a title's spaces are plain spaces
			format: "txt",
			start:  "Statement\u00a0by the spokesperson\n\nThe ministry",
			end:    "The ministry “regrets” the decision.",
		}},
		{"briefing-notes.md", want{
			title:     "Briefing notes: maritime security talks",
			author:    "Priya Raman",
			lang:      "en-GB",
			published: date("2025-02-20T00:00:00Z"),
			format:    "md",
			start:     "Maritime security talks — briefing\n\nPrepared for the Thursday meeting.",
			end:       "Final remark: 2 * 3 = 6 and snake_case_names stay.",
			contains: []string{
				"graded in the source register and all figures are provisional.",
				"\n\nPositions\n\n1. The coastal states want a joint patrol schedule.\n2. The flag states prefer national escorts_only_ where needed.\nInsurers: waiting for a signed text.\nObservers: see https://observers.example/report.\n\n",
				"\n\n\"Nothing is agreed until everything is agreed,\" one delegate said.\n\n",
				"\n\nParty\tPosition\nCoast\tJoint patrols\nFlag\tEscorts\n\nSetext heading\n\n",
				"Use grep -i strait on the notes",
				"\n\ngrep -i 'strait' notes/*.txt | sort\n\n",
			},
			absent: []string{"#", "**", "](", "Map of the strait", "---", "internal", "draft comments",
				"https://example.org/signed", "register \"register\"", "```", "| Party", "|---"},
		}},
		{"report.docx", want{
			title:     "Situation report — northern corridor",
			author:    "Marta Kowalczyk",
			lang:      "en-GB",
			published: date("2025-04-04T07:15:00Z"),
			format:    "docx",
			start:     "Situation report: northern corridor\n\nDate:\t4 April 2025\n\n",
			end:       "Text box: fuel for 3 days\n\nCrossing\tOpen\n\nNext meeting: 11 April.",
			contains: []string{"The envoy met the mediation team twice in Vienna, on the record.",
				"Convoy A: 40 trucks\nConvoy B: held at the border"},
			absent: []string{"DELETED", "HYPERLINK", "Duty Officer"},
		}},
		{"alternative.eml", want{
			title:     "Revised draft of the “Lisbon framework” — circulation by Friday",
			author:    "Inès Moreau",
			lang:      "fr-FR",
			published: date("2025-03-18T15:45:03Z"),
			format:    "eml",
			start:     "Dear colleagues,\n\nFollowing yesterday’s call, the working",
			end:       "- the review clause moves from 90 to 120 days.\n\nRegards,\nInès",
			absent:    []string{"HTML VERSION", "PDF", "=E2", "=\n"},
		}},
		{"html-only.eml", want{
			title:     "Bulletin n° 12 — Réunion de Genève",
			author:    "Bureau de presse",
			published: date("2025-03-27T10:20:00Z"),
			format:    "eml",
			start:     "Bulletin n° 12 — Réunion de Genève\n\nLa délégation a présenté",
			end:       "Prochaine séance : le 3 avril, à Genève.",
			contains:  []string{"qualifié l’échange de « franc et utile »."},
			absent:    []string{"désabonner", "=E9", "<p>"},
		}},
		{"binary-nul.txt", want{refusal: reasonNUL}},
		{"png-renamed.txt", want{refusal: "the file is a PNG image, not text; convert it to text first"}},
		{"empty.txt", want{refusal: "no readable text found"}},
		{"whitespace-only.txt", want{refusal: "no readable text found"}},
		{"broken-utf16-odd.txt", want{refusal: "the text is not valid UTF-16 (it has an odd number of bytes); save it again as UTF-8"}},
		{"broken-utf16-pair.txt", want{refusal: "the text is not valid UTF-16 (broken surrogate pair at byte 34); save it again as UTF-8"}},
		{"fake.docx", want{refusal: "not a valid .docx file (it is not a Word document archive); save it as .docx from Word"}},
		{"no-document.docx", want{refusal: "the .docx has no word/document.xml, so it holds no Word text; save it as .docx from Word"}},
		{"bomb.docx", want{refusal: "word/document.xml expands to more than 50 MB; the .docx may be a zip bomb and was not opened"}},
		{"bomb-ratio.docx", want{refusal: "word/document.xml is compressed more than 100 to 1; the .docx may be a zip bomb and was not opened"}},
		{"bomb-lying.docx", want{refusal: "word/document.xml holds more data than the archive declares; the .docx may be a zip bomb and was not opened"}},
		{"no-body.eml", want{refusal: "the e-mail has no text body (only attachments, or nothing at all)"}},
		{"not-mail.eml", want{refusal: "not an e-mail message: it has no mail headers; save the message as .eml from your mail program"}},
		{"notes.rtf", want{refusal: "unsupported file type .rtf; save it as .docx from your word processor"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			doc, err := ReadFile(path)
			if tt.want.refusal != "" {
				assertRefusal(t, doc, err, path, tt.want.refusal)
				return
			}
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			assertDocument(t, doc, tt.want)
		})
	}
}

func assertRefusal(t *testing.T, doc Document, err error, path, reason string) {
	t.Helper()
	var r *Refusal
	if !errors.As(err, &r) {
		t.Fatalf("got error %v (%T), want a refusal %q", err, err, reason)
	}
	if r.Reason != reason || err.Error() != reason {
		t.Errorf("reason = %q\nwant     %q", err.Error(), reason)
	}
	if r.Path != path {
		t.Errorf("refusal path = %q, want %q", r.Path, path)
	}
	if !errors.Is(err, model.ErrInvalid) {
		t.Errorf("refusal does not wrap model.ErrInvalid")
	}
	if doc != (Document{}) {
		t.Errorf("refused, yet returned a document: %+v", doc)
	}
}

func assertDocument(t *testing.T, doc Document, w want) {
	t.Helper()
	got := []string{doc.Title, doc.Author, doc.URL, doc.Language, doc.Format}
	exp := []string{w.title, w.author, w.url, w.lang, w.format}
	for i, field := range []string{"Title", "Author", "URL", "Language", "Format"} {
		if got[i] != exp[i] {
			t.Errorf("%s = %q, want %q", field, got[i], exp[i])
		}
	}
	if !doc.PublishedAt.Equal(w.published) || doc.PublishedAt.Location() != time.UTC {
		t.Errorf("PublishedAt = %v, want %v in UTC", doc.PublishedAt, w.published)
	}
	if !strings.HasPrefix(doc.Body, w.start) {
		t.Errorf("body starts %q\nwant        %q", head(doc.Body, len(w.start)), w.start)
	}
	if !strings.HasSuffix(doc.Body, w.end) {
		t.Errorf("body ends %q\nwant      %q", tail(doc.Body, len(w.end)), w.end)
	}
	for _, s := range w.contains {
		if !strings.Contains(doc.Body, s) {
			t.Errorf("body lacks %q", s)
		}
	}
	for _, s := range w.absent {
		if strings.Contains(doc.Body, s) {
			t.Errorf("body holds %q, which is not article text", s)
		}
	}
	assertWellFormed(t, doc)
}

// assertWellFormed checks what every successful read promises.
func assertWellFormed(t *testing.T, doc Document) {
	t.Helper()
	if !utf8.ValidString(doc.Body) || !norm.NFC.IsNormalString(doc.Body) {
		t.Errorf("body is not valid NFC UTF-8")
	}
	if Normalize(doc.Body) != doc.Body {
		t.Errorf("body is not normalised")
	}
	if doc.Body == "" || doc.Title == "" {
		t.Errorf("empty body or title: %+v", doc)
	}
	if strings.Contains(doc.Body, "\n\n\n") {
		t.Errorf("body has more than one blank line in a row")
	}
}

func head(s string, n int) string { return s[:min(n, len(s))] }
func tail(s string, n int) string { return s[max(0, len(s)-n):] }

func TestReadFileSample(t *testing.T) {
	const path = "../../shared/samples/peace-talks-miami.txt"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the sample article is missing (it lives in the shared folder beside the project): %v", err)
	}
	doc, err := ReadFile(path)
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	first, _, _ := strings.Cut(string(raw), "\n")
	if doc.Title != strings.TrimSpace(first) {
		t.Errorf("Title = %q, want the first line %q", doc.Title, first)
	}
	if doc.Body != Normalize(string(raw)) {
		t.Errorf("Body differs from Normalize(file)")
	}
	if doc.Format != "txt" || doc.Author != "" || !doc.PublishedAt.IsZero() {
		t.Errorf("unexpected metadata: %+v", doc)
	}
	assertWellFormed(t, doc)
}

func TestReadFileTooBig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: the size is what matters, and it is refused before
	// a byte is read.
	if err := f.Truncate(234 * (1 << 20) / 10); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	doc, err := ReadFile(path)
	assertRefusal(t, doc, err, path, "file is 23.4 MB; the limit is 20 MB")
}

func TestReadBytesTooBig(t *testing.T) {
	data := bytes.Repeat([]byte("a"), MaxFileSize+1)
	doc, err := ReadBytes("big.txt", data)
	assertRefusal(t, doc, err, "big.txt", "file is 20.1 MB; the limit is 20 MB")

	// Exactly at the limit the size passes and the content is judged.
	doc, err = ReadBytes("limit.txt", make([]byte, MaxFileSize))
	assertRefusal(t, doc, err, "limit.txt", reasonNUL)
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadFile(filepath.Join(dir, "missing.txt"))
	var r *Refusal
	if !errors.Is(err, fs.ErrNotExist) || errors.As(err, &r) {
		t.Errorf("missing file: got %v, want a not-exist error that is not a refusal", err)
	}
	doc, err := ReadFile(dir)
	assertRefusal(t, doc, err, dir, "not a regular file; import the files it holds instead")
}

func TestTooManyZipEntries(t *testing.T) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := range maxZipEntries + 1 {
		if _, err := w.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("media/%d.bin", i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	doc, err := ReadBytes("many.docx", buf.Bytes())
	assertRefusal(t, doc, err, "many.docx", "the .docx has more than 5000 entries; it may be a zip bomb and was not opened")
}

func TestSupported(t *testing.T) {
	tests := map[string]bool{
		"a.txt": true, "a.TEXT": true, "b.md": true, "b.Markdown": true, "c.html": true,
		"c.HTM": true, "d.docx": true, "e.eml": true, "dir/f.EML": true,
		"a.pdf": false, "a.doc": false, "a": false, "a.txt.gz": false, ".txt.bak": false, "": false,
	}
	for name, ok := range tests {
		if Supported(name) != ok {
			t.Errorf("Supported(%q) = %v, want %v", name, !ok, ok)
		}
	}
}

func TestUnsupported(t *testing.T) {
	tests := map[string]string{
		"scan.pdf":   "unsupported file type .pdf; copy its text or convert it to text first",
		"old.DOC":    "unsupported file type .DOC; save it as .docx from your word processor",
		"data.xlsx":  "unsupported file type .xlsx; Dossier reads .txt, .md, .html, .docx and .eml files",
		"README":     "the file has no extension, so its type is unknown; Dossier reads .txt, .md, .html, .docx and .eml files",
		"notes.json": "unsupported file type .json; Dossier reads .txt, .md, .html, .docx and .eml files",
	}
	for name, reason := range tests {
		doc, err := ReadBytes(name, []byte("some text"))
		assertRefusal(t, doc, err, name, reason)
	}
}

func TestBinaryContentRefused(t *testing.T) {
	pe := make([]byte, 0x80)
	copy(pe, "MZ")
	pe[0x3C] = 0x40
	copy(pe[0x40:], "PE\x00\x00")
	tests := []struct {
		name, data, reason string
	}{
		{"a.txt", "%PDF-1.7\n", "the file is a PDF document, not text; Dossier does not read PDF; copy its text or convert it to text first"},
		{"a.md", "\xFF\xD8\xFF\xE0\x00\x10JFIF", "the file is a JPEG image, not text; convert it to text first"},
		{"a.html", "GIF89a\x01\x00", "the file is a GIF image, not text; convert it to text first"},
		{"a.eml", "PK\x03\x04rest", "the file is a ZIP archive, not text; unpack it and import the files inside"},
		{"a.txt", "\x7FELF\x02\x01", "the file is a program (ELF executable), not text; convert it to text first"},
		{"a.txt", string(pe), "the file is a Windows program, not text; convert it to text first"},
		{"a.txt", "\x1F\x8B\x08\x00", "the file is a gzip archive, not text; unpack it and import the files inside"},
		{"a.txt", "7z\xBC\xAF\x27\x1C\x00", "the file is a 7-Zip archive, not text; unpack it and import the files inside"},
		{"a.txt", "Rar!\x1A\x07\x01\x00", "the file is a RAR archive, not text; unpack it and import the files inside"},
		{"a.txt", "SQLite format 3\x00\x10", "the file is an SQLite database, not text; convert it to text first"},
		{"a.docx", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00", "the file is an old Office file (.doc, .xls or .msg), not text; save it as .docx from Word"},
		{"a.docx", "%PDF-1.4", "the file is a PDF document, not text; Dossier does not read PDF; copy its text or convert it to text first"},
		{"a.html", "<html>\x00</html>", reasonNUL},
	}
	for _, tt := range tests {
		doc, err := ReadBytes(tt.name, []byte(tt.data))
		assertRefusal(t, doc, err, tt.name, tt.reason)
	}
	// Text that merely starts with "MZ" is text.
	if _, err := ReadBytes("mz.txt", []byte("MZ Holdings annual report")); err != nil {
		t.Errorf("MZ text refused: %v", err)
	}
}

func TestReadBytesDispatchIgnoresCase(t *testing.T) {
	doc, err := ReadBytes("PAGE.HTM", []byte("<title>T</title><p>Hello there.</p>"))
	if err != nil || doc.Format != "html" || doc.Body != "Hello there." || doc.Title != "T" {
		t.Errorf("got %+v, %v", doc, err)
	}
}

func TestFromPaste(t *testing.T) {
	doc, err := FromPaste("\r\n  Kremlin says talks \u200Bwere useful  \r\nSecond line\r\n\r\n\r\n\r\nThird paragraph\u00a0 \r\n")
	if err != nil {
		t.Fatal(err)
	}
	wantBody := "  Kremlin says talks were useful\nSecond line\n\nThird paragraph"
	if doc.Body != wantBody || doc.Title != "Kremlin says talks were useful" || doc.Format != "paste" {
		t.Errorf("got %+v", doc)
	}
	for _, blank := range []string{"", " \n\t\n", "\u200B\uFEFF"} {
		doc, err := FromPaste(blank)
		assertRefusal(t, doc, err, "", "no readable text found")
	}
}

func TestTitleIsCapped(t *testing.T) {
	line := strings.Repeat("word ", 100)
	doc, err := FromPaste(line + "\nbody")
	if err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(doc.Title); n > maxTitleRunes || !strings.HasSuffix(doc.Title, "word…") {
		t.Errorf("title of %d runes: %q", n, doc.Title)
	}
}
