package ingest

import (
	"strings"
	"testing"
)

func readMail(t *testing.T, msg string) (Document, error) {
	t.Helper()
	return ReadBytes("m.eml", []byte(strings.ReplaceAll(msg, "\n", "\r\n")))
}

func TestReadEML(t *testing.T) {
	tests := []struct {
		name, msg           string
		title, author, body string
	}{
		{"plain, no content type",
			"From: a@b.org\nSubject: Hello\n\nLine one\nLine two\n",
			"Hello", "a@b.org", "Line one\nLine two"},
		{"mbox separator line",
			"From a@b.org Mon Jan  1 00:00:00 2024\nFrom: A <a@b.org>\nSubject: S\n\nBody\n",
			"S", "A", "Body"},
		{"no subject: first line is the title",
			"From: a@b.org\n\n\nFirst line\nmore\n",
			"First line", "a@b.org", "First line\nmore"},
		{"format=flowed",
			"From: a@b.org\nSubject: F\nContent-Type: text/plain; charset=utf-8; format=flowed\n\nA long line that \nwas wrapped.\n> quoted\n-- \nsig\n",
			"F", "a@b.org", "A long line that was wrapped.\n> quoted\n--\nsig"},
		{"format=flowed delsp",
			"From: a@b.org\nSubject: F\nContent-Type: text/plain; format=flowed; delsp=yes\n\nsplit wo \nrd\n",
			"F", "a@b.org", "split word"},
		{"base64 in a legacy charset",
			"From: =?iso-8859-2?Q?Pawe=B3?= <p@x.pl>\nSubject: =?iso-8859-2?B?r/Ozdw==?=\nContent-Type: text/plain; charset=iso-8859-2\nContent-Transfer-Encoding: base64\n\n" +
				"WmG/87PmIGfq\ntmyxIGphvPEu\n",
			"Żółw", "Paweł", "Zażółć gęślą jaźń."},
		{"unknown charset, UTF-8 bytes",
			"From: a@b.org\nSubject: =?x-unknown?Q?raw?=\nContent-Type: text/plain; charset=x-unknown\n\nnaïve\n",
			"=?x-unknown?Q?raw?=", "a@b.org", "naïve"},
		{"unlabelled legacy bytes",
			"From: a@b.org\nSubject: L\n\ncaf\xe9\n",
			"L", "a@b.org", "café"},
		{"html preferred only without plain",
			"From: a@b.org\nSubject: H\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html\n\n<p>Html <b>only</b></p>\n--b\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n",
			"H", "a@b.org", "Html only"},
		{"inline text beats attached text",
			"From: a@b.org\nSubject: A\nContent-Type: multipart/mixed; boundary=\"x\"\n\n--x\nContent-Type: text/plain; name=notes.txt\nContent-Disposition: attachment; filename=notes.txt\n\nattached\n--x\nContent-Type: text/plain\n\ninline\n--x--\n",
			"A", "a@b.org", "inline"},
		{"damaged quoted-printable kept readable",
			"From: a@b.org\nSubject: Q\nContent-Transfer-Encoding: quoted-printable\n\nsoft=\nbreak and =ZZ here\n",
			"Q", "a@b.org", "softbreak and =ZZ here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readMail(t, tt.msg)
			if err != nil {
				t.Fatalf("ReadBytes: %v", err)
			}
			if doc.Title != tt.title || doc.Author != tt.author || doc.Body != tt.body {
				t.Errorf("got title %q, author %q, body %q\nwant title %q, author %q, body %q",
					doc.Title, doc.Author, doc.Body, tt.title, tt.author, tt.body)
			}
			assertWellFormed(t, doc)
		})
	}
}

func TestReadEMLRefused(t *testing.T) {
	tests := []struct{ name, msg, reason string }{
		{"no headers", "\nJust a body\n", reasonNotEmail},
		{"not headers", "Dear all,\nplease see below.\n", reasonNotEmail},
		{"headers that are not mail", "Note: remember\n\ntext\n", reasonNotEmail},
		{"attachments only", "From: a@b.org\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/pdf\nContent-Disposition: attachment\n\n%PDF\n--b--\n", reasonNoBody},
		{"multipart without boundary", "From: a@b.org\nContent-Type: multipart/mixed\n\n--b\nContent-Type: text/plain\n\nx\n--b--\n", reasonNoBody},
		{"empty html", "From: a@b.org\nContent-Type: text/html\n\n<html><body> </body></html>\n", reasonNoBody},
		{"NUL bytes", "From: a@b.org\n\nbin\x00ary\n", reasonNUL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readMail(t, tt.msg)
			assertRefusal(t, doc, err, "m.eml", tt.reason)
		})
	}
}
