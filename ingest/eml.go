package ingest

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/mail"
	"time"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

const (
	reasonNotEmail = "not an e-mail message: it has no mail headers; save the message as .eml from your mail program"
	reasonNoBody   = "the e-mail has no text body (only attachments, or nothing at all)"
)

// mailHeaders are headers every real message has at least one of; a text
// file that merely starts with "Note: …" is not a message.
var mailHeaders = []string{"From", "To", "Subject", "Date", "Message-Id", "Received",
	"Mime-Version", "Content-Type", "Return-Path", "Sender"}

// readEML reads a saved e-mail: Subject is the title, the sender the
// author, Date the publication date, and the body the text/plain part, or
// failing that the text/html part read as a web page.
func readEML(data []byte) (Document, error) {
	if hasNUL(data) {
		return Document{}, &Refusal{Reason: reasonNUL}
	}
	msg, err := mail.ReadMessage(bytes.NewReader(skipMboxLine(data)))
	if err != nil || !isMail(msg.Header) {
		return Document{}, &Refusal{Reason: reasonNotEmail}
	}
	raw, err := io.ReadAll(msg.Body)
	if err != nil {
		return Document{}, &Refusal{Reason: fmt.Sprintf("the e-mail is damaged (%v)", err)}
	}
	var parts mailParts
	parts.walk(msg.Header, raw, 0)
	body := parts.body()
	if body == "" {
		return Document{}, &Refusal{Reason: reasonNoBody}
	}
	return Document{
		Title:       titleOr(decodeHeader(msg.Header.Get("Subject")), body),
		Author:      cleanTitle(sender(msg.Header.Get("From"))),
		Language:    normLanguage(msg.Header.Get("Content-Language")),
		PublishedAt: mailDate(msg.Header.Get("Date")),
		Body:        body,
		Format:      formatEML,
	}, nil
}

// skipMboxLine drops the "From sender date" line that mbox exports put
// before the headers.
func skipMboxLine(data []byte) []byte {
	if bytes.HasPrefix(data, []byte("From ")) {
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			return data[i+1:]
		}
	}
	return data
}

func isMail(h mail.Header) bool {
	for _, k := range mailHeaders {
		if _, ok := h[k]; ok {
			return true
		}
	}
	return false
}

// mailWords decodes RFC 2047 encoded words in any charset the web knows.
var mailWords = &mime.WordDecoder{CharsetReader: func(label string, input io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unknown charset %q", label)
	}
	return transform.NewReader(input, enc.NewDecoder()), nil
}}

// decodeHeader decodes encoded words; a header that does not decode is
// kept as written.
func decodeHeader(s string) string {
	if d, err := mailWords.DecodeHeader(s); err == nil {
		return d
	}
	return s
}

// sender returns the display name of a From header, or the address when
// there is no name.
func sender(from string) string {
	parser := mail.AddressParser{WordDecoder: mailWords}
	addr, err := parser.Parse(from)
	if err != nil {
		return decodeHeader(from)
	}
	return firstOf(addr.Name, addr.Address)
}

func mailDate(s string) time.Time {
	if t, err := mail.ParseDate(s); err == nil {
		return plausible(t)
	}
	return parseDate(s)
}

// body returns the normalised text of the message: the plain part, else
// the readable text of the HTML part.
func (p *mailParts) body() string {
	if body := Normalize(p.plain); body != "" {
		return body
	}
	if p.html != "" {
		if doc, err := htmlDocument(p.html); err == nil {
			return doc.Body
		}
	}
	return ""
}

// headerValue returns the first value of a header; keys of a parsed
// header map are canonical ("Content-Type").
func headerValue(h map[string][]string, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}
