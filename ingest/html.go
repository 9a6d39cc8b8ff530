package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// readHTML reads a saved web page: the readable article only, with the
// metadata the page declares. Nothing the page refers to is fetched.
func readHTML(data []byte) (Document, error) {
	text, err := decodeHTML(data)
	if err != nil {
		return Document{}, err
	}
	return htmlDocument(text)
}

// decodeHTML finds the page's encoding: a byte-order mark, then valid
// UTF-8 (pages saved from a browser are re-encoded to UTF-8 even when they
// still declare their old charset), then the charset the page declares,
// then Windows-1252 as browsers do.
func decodeHTML(data []byte) (string, error) {
	if s, ok, err := decodeBOM(data); ok {
		return s, err
	}
	if hasNUL(data) {
		return "", &Refusal{Reason: reasonNUL}
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	enc, name, _ := charset.DetermineEncoding(data, "")
	switch {
	case name == "utf-8":
		// Declared or mostly UTF-8 with damage: keep what is good.
		return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), nil
	case enc == nil || strings.HasPrefix(name, "utf-16"):
		return decodeWindows1252(data), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return decodeWindows1252(data), nil
	}
	return string(out), nil
}

// htmlDocument reads already decoded HTML; e-mail bodies come here too.
func htmlDocument(text string) (Document, error) {
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Document{}, &Refusal{Reason: "the page could not be read as HTML (" + err.Error() + ")"}
	}
	meta := readHTMLMeta(root)
	body := Normalize(articleText(root, meta.title))
	if body == "" {
		return Document{}, &Refusal{Reason: reasonNoText}
	}
	return Document{
		Title:       titleOr(meta.title, body),
		Author:      meta.author,
		URL:         meta.url,
		Language:    meta.lang,
		PublishedAt: meta.published,
		Body:        body,
		Format:      formatHTML,
	}, nil
}

// maxDepth bounds every recursive walk over a parsed page. The parser
// already refuses pages nested deeper than 512 elements; this is a second
// guard for the stack.
const maxDepth = 1024

// attr returns the value of n's attribute key (lower case), or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// isElement reports whether n is an HTML element with one of the names.
func isElement(n *html.Node, names ...string) bool {
	if n.Type != html.ElementNode || n.Namespace != "" {
		return false
	}
	for _, name := range names {
		if n.Data == name {
			return true
		}
	}
	return false
}

// nodeText returns all the text under n with runs of whitespace collapsed.
func nodeText(n *html.Node) string {
	var b strings.Builder
	collectText(n, &b, 0)
	return strings.Join(strings.Fields(b.String()), " ")
}

func collectText(n *html.Node, b *strings.Builder, depth int) {
	if depth > maxDepth || b.Len() > 1<<16 {
		return
	}
	switch {
	case n.Type == html.TextNode:
		b.WriteString(n.Data)
		b.WriteByte(' ')
	case isElement(n, "script", "style", "noscript", "template"):
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			collectText(c, b, depth+1)
		}
	}
}
