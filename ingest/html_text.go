package ingest

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockElements start and end a paragraph of their own.
var blockElements = map[string]bool{
	"address": true, "article": true, "blockquote": true, "body": true, "center": true,
	"dd": true, "details": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "hgroup": true, "hr": true, "html": true, "li": true,
	"main": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"table": true, "tbody": true, "tfoot": true, "thead": true, "tr": true, "ul": true,
	"caption": true,
}

var headingElements = map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}

// renderBlocks returns the text of nodes as paragraphs separated by blank
// lines. A leading heading that repeats the title is left out.
func renderBlocks(nodes []*html.Node, title string) string {
	w := &textWriter{}
	for _, n := range nodes {
		w.node(n, 0)
	}
	w.flush()
	return strings.Join(dropTitle(w.blocks, title), "\n\n")
}

// dropTitle removes, from the first few blocks, one that only repeats the
// title the document already has.
func dropTitle(blocks []string, title string) []string {
	want := strings.Join(strings.Fields(title), " ")
	if want == "" {
		return blocks
	}
	for i := 0; i < len(blocks) && i < 3; i++ {
		if strings.EqualFold(strings.Join(strings.Fields(blocks[i]), " "), want) {
			return append(blocks[:i:i], blocks[i+1:]...)
		}
	}
	return blocks
}

// textWriter accumulates paragraphs from a walk over the page.
type textWriter struct {
	blocks  []string
	cur     strings.Builder
	space   bool // whitespace seen since the last character written
	text    int  // characters in the open paragraph
	link    int  // of which inside links
	heading bool // the open paragraph is a heading
	pre     int  // depth of <pre> elements
	links   int  // depth of <a> elements
	cells   int  // cells written in the open table row
}

func (w *textWriter) node(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.text1(n.Data)
		return
	case html.ElementNode:
	default:
		w.children(n, depth)
		return
	}
	switch name := n.Data; {
	case name == "br":
		w.cur.WriteByte('\n')
		w.space = false
	case name == "pre":
		w.flush()
		w.pre++
		w.children(n, depth)
		w.flush()
		w.pre--
	case name == "td" || name == "th":
		if w.cells > 0 {
			w.cur.WriteByte('\t')
			w.space = false
		}
		w.cells++
		w.children(n, depth)
	case name == "a":
		w.links++
		w.children(n, depth)
		w.links--
	case blockElements[name]:
		w.flush()
		w.heading = headingElements[name]
		w.children(n, depth)
		w.flush()
	default:
		w.children(n, depth)
	}
}

func (w *textWriter) children(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, depth+1)
	}
}

// text1 writes a text node: verbatim inside <pre>, otherwise with runs of
// HTML whitespace collapsed to one space. Non-breaking spaces are not HTML
// whitespace and stay. Words are written whole rather than rune by rune.
func (w *textWriter) text1(s string) {
	if w.pre > 0 {
		w.cur.WriteString(s)
		w.count(len(strings.TrimSpace(s)))
		return
	}
	for s != "" {
		n := strings.IndexAny(s, htmlSpace)
		if n == 0 {
			w.space = true
			s = s[1:]
			continue
		}
		if n < 0 {
			n = len(s)
		}
		w.word(s[:n])
		s = s[n:]
	}
}

// htmlSpace is the whitespace HTML collapses (all of it ASCII, so a byte
// search finds it).
const htmlSpace = " \t\n\r\f"

// word writes a run of text without HTML whitespace, after one space if
// whitespace came before it within the line.
func (w *textWriter) word(s string) {
	if w.space && w.cur.Len() > 0 && !strings.HasSuffix(w.cur.String(), "\n") && !strings.HasSuffix(w.cur.String(), "\t") {
		w.cur.WriteByte(' ')
	}
	w.space = false
	if utf8.ValidString(s) {
		w.cur.WriteString(s)
	} else {
		for _, r := range s { // each invalid byte becomes U+FFFD
			w.cur.WriteRune(r)
		}
	}
	w.count(utf8.RuneCountInString(s))
}

func (w *textWriter) count(n int) {
	w.text += n
	if w.links > 0 {
		w.link += n
	}
}

// flush ends the open paragraph. Paragraphs that are mostly links (menus,
// "read more" lists, tag clouds that survived pruning) are left out.
func (w *textWriter) flush() {
	text := w.cur.String()
	if w.pre == 0 {
		text = strings.TrimSpace(text)
	} else {
		text = strings.Trim(text, "\n")
	}
	linky := !w.heading && w.text > 0 && w.link*10 >= w.text*6
	if text != "" && !linky && !strings.EqualFold(text, "advertisement") {
		w.blocks = append(w.blocks, text)
	}
	w.cur.Reset()
	w.space, w.text, w.link, w.heading, w.cells = false, 0, 0, false, 0
}
