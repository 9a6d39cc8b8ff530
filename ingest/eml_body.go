package ingest

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// Bounds on the MIME structure a message may have before the rest is
// ignored.
const (
	maxMIMEDepth = 10
	maxMIMEParts = 200
)

// mailParts collects the first text/plain and text/html parts that are not
// attachments.
type mailParts struct {
	plain, html string
	parts       int
}

// walk visits one MIME entity: a multipart is descended into, a text part
// decoded and kept.
func (p *mailParts) walk(h map[string][]string, body []byte, depth int) {
	p.parts++
	if depth > maxMIMEDepth || p.parts > maxMIMEParts {
		return
	}
	if disp, _, _ := mime.ParseMediaType(headerValue(h, "Content-Disposition")); disp == "attachment" {
		return
	}
	mediaType, params, err := mime.ParseMediaType(headerValue(h, "Content-Type"))
	if mediaType == "" || (err != nil && !errors.Is(err, mime.ErrInvalidMediaParameter)) {
		mediaType, params = "text/plain", map[string]string{}
	}
	switch {
	case strings.HasPrefix(mediaType, "multipart/"):
		p.multipart(body, params["boundary"], depth)
	case mediaType == "text/plain" && p.plain == "":
		text := decodeCharset(decodeTransfer(body, headerValue(h, "Content-Transfer-Encoding")), params["charset"])
		if strings.EqualFold(params["format"], "flowed") {
			text = unflow(text, strings.EqualFold(params["delsp"], "yes"))
		}
		p.plain = text
	case mediaType == "text/html" && p.html == "":
		p.html = decodeCharset(decodeTransfer(body, headerValue(h, "Content-Transfer-Encoding")), params["charset"])
	}
}

// multipart walks the parts of a multipart body. A damaged part ends the
// walk, keeping what was read before it.
func (p *mailParts) multipart(body []byte, boundary string, depth int) {
	if boundary == "" {
		return
	}
	r := multipart.NewReader(bytes.NewReader(body), boundary)
	for p.parts <= maxMIMEParts {
		part, err := r.NextRawPart()
		if err != nil {
			return
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return
		}
		p.walk(part.Header, data, depth+1)
	}
}

// decodeTransfer undoes quoted-printable and base64. Damaged encodings are
// decoded as far as they go rather than refused: a message with one bad
// line is still worth reading.
func decodeTransfer(body []byte, encoding string) []byte {
	var r io.Reader
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(bytes.NewReader(body))
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, bytes.NewReader(stripSpace(body)))
	default:
		return body
	}
	out, err := io.ReadAll(r)
	if err != nil && len(out) == 0 {
		return body
	}
	return out
}

func stripSpace(b []byte) []byte {
	return bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, b)
}

// decodeCharset turns a part into a string. Unknown or missing charsets are
// taken as UTF-8 when the bytes are valid UTF-8 and Windows-1252 otherwise.
func decodeCharset(b []byte, label string) string {
	label = strings.ToLower(strings.TrimSpace(label))
	if label != "" && label != "utf-8" && label != "utf8" && label != "us-ascii" {
		if enc, err := htmlindex.Get(label); err == nil {
			if out, err := enc.NewDecoder().Bytes(b); err == nil {
				return string(out)
			}
		}
	}
	if utf8.Valid(b) {
		return string(b)
	}
	return decodeWindows1252(b)
}

// unflow joins the soft-broken lines of format=flowed text (RFC 3676):
// a line that ends in a space continues on the next.
func unflow(s string, delsp bool) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	var b strings.Builder
	for i, line := range lines {
		line = strings.TrimPrefix(line, " ") // space-stuffing
		soft := line != "-- " && strings.HasSuffix(line, " ") && i < len(lines)-1
		if soft && delsp {
			line = line[:len(line)-1]
		}
		b.WriteString(line)
		if !soft && i < len(lines)-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
