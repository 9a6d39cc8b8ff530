package gen

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// page renders a as a saved news page. The body's blocks become the <h1>,
// <h2> and <p> elements of <article>, so a readable-text extraction (blocks
// separated by blank lines, entities decoded, HTML white space collapsed)
// gives back Body exactly; everything else on the page is noise around it.
// Pages differ in how they escape text, whether they wrap long lines and
// whether names are links, to exercise extractors.
func (c *Corpus) page(a *Article) []byte {
	var b strings.Builder
	b.Grow(len(a.Body)*5/4 + 4096)
	published := a.PublishedAt.UTC().Format("2006-01-02T15:04:05Z")
	pageHead(&b, a, published)
	b.WriteString("<main>\n  <div class=\"meta\"><span class=\"byline\">By " + attr(a.Author) +
		"</span> <time datetime=\"" + published + "\">" + a.PublishedAt.UTC().Format("2 January 2006, 15:04 MST") + "</time></div>\n")
	b.WriteString("  <article class=\"story\">\n")
	t := htmlText{b: &b, mode: variant(a.ID, 3), wrap: variant(a.ID+7, 3) == 0}
	c.articleBlocks(&t, a, variant(a.ID+13, 2) == 0)
	b.WriteString("  </article>\n")
	b.WriteString("  <aside class=\"related\">\n    <h3>More on this story</h3>\n    <ul><li><a href=\"/world\">Live: the latest from the region</a></li><li><a href=\"/opinion\">Opinion: what a deal would mean</a></li></ul>\n  </aside>\n</main>\n")
	b.WriteString("<footer class=\"site-footer\">\n  <p>&copy; " + strconv.Itoa(a.PublishedAt.Year()) + " " + attr(a.Source) +
		". All rights reserved.</p>\n  <nav><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a> <a href=\"/contact\">Contact</a></nav>\n</footer>\n")
	b.WriteString("<script src=\"/static/js/app.9c1e.js\" defer></script>\n</body>\n</html>\n")
	return []byte(b.String())
}

func pageHead(b *strings.Builder, a *Article, published string) {
	ld, _ := json.Marshal(struct {
		Context   string            `json:"@context"`
		Type      string            `json:"@type"`
		Headline  string            `json:"headline"`
		Published string            `json:"datePublished"`
		Author    map[string]string `json:"author"`
		Publisher map[string]string `json:"publisher"`
		URL       string            `json:"mainEntityOfPage"`
	}{"https://schema.org", "NewsArticle", a.Title, published,
		map[string]string{"@type": "Person", "name": a.Author},
		map[string]string{"@type": "Organization", "name": a.Source}, a.URL})
	lead := a.Body[len(a.Title):]
	lead = strings.TrimSpace(lead)
	if i := strings.IndexByte(lead, '\n'); i > 0 {
		lead = lead[:i]
	}
	if len(lead) > 160 {
		cut := 160
		for !utf8.RuneStart(lead[cut]) {
			cut--
		}
		lead = lead[:cut] + "…"
	}
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<title>" + attr(a.Title) + " | " + attr(a.Source) + "</title>\n")
	b.WriteString("<meta name=\"description\" content=\"" + attr(lead) + "\">\n")
	b.WriteString("<meta property=\"og:type\" content=\"article\">\n")
	b.WriteString("<meta property=\"og:title\" content=\"" + attr(a.Title) + "\">\n")
	b.WriteString("<meta property=\"og:url\" content=\"" + attr(a.URL) + "\">\n")
	b.WriteString("<meta property=\"og:site_name\" content=\"" + attr(a.Source) + "\">\n")
	b.WriteString("<meta property=\"article:published_time\" content=\"" + published + "\">\n")
	b.WriteString("<meta name=\"author\" content=\"" + attr(a.Author) + "\">\n")
	b.WriteString("<link rel=\"canonical\" href=\"" + attr(a.URL) + "\">\n")
	b.WriteString("<link rel=\"stylesheet\" href=\"/static/css/site.4f2a.css\">\n")
	b.WriteString("<style>.paywall{display:none} .byline+time{color:#666} article p{margin:0 0 1em}</style>\n")
	b.WriteString("<script type=\"application/ld+json\">" + string(ld) + "</script>\n")
	b.WriteString("<script>\n  window.dataLayer = window.dataLayer || [];\n" +
		"  function track(e) { if (e && e.type !== \"scroll\" && window.innerWidth < 1200) { window.dataLayer.push({event: e.type}); } }\n" +
		"  var promo = \"<p>Subscribe for unlimited access to our journalism</p>\";\n</script>\n")
	b.WriteString("</head>\n<body class=\"article-page\">\n")
	b.WriteString("<!-- Site navigation. <p>Rendered by the page template; not part of the story.</p> -->\n")
	b.WriteString("<header class=\"site-header\">\n  <a class=\"logo\" href=\"/\">" + attr(a.Source) + "</a>\n")
	b.WriteString("  <nav aria-label=\"Sections\">\n    <ul><li><a href=\"/world\">World</a></li><li><a href=\"/world/diplomacy\">Diplomacy</a></li>" +
		"<li><a href=\"/business\">Business</a></li><li><a href=\"/opinion\">Opinion</a></li></ul>\n  </nav>\n")
	b.WriteString("  <form class=\"search\" action=\"/search\"><input type=\"search\" name=\"q\" placeholder=\"Search\"></form>\n</header>\n")
	b.WriteString("<div class=\"cookie-banner\" role=\"dialog\"><p>We use cookies to improve your experience. <button>Accept all</button></p></div>\n")
}

// articleBlocks writes the title as <h1>, paragraphs as <p> and
// subheadings (blocks without closing punctuation) as <h2>. With links on,
// the first mention of each person in the paragraphs becomes a topic link.
func (c *Corpus) articleBlocks(t *htmlText, a *Article, links bool) {
	linked := map[int]bool{}
	mi := 0
	offset := 0
	for i, block := range strings.Split(a.Body, "\n\n") {
		n := utf8.RuneCountInString(block)
		tag := "p"
		switch {
		case i == 0:
			tag = "h1"
		case !endsSentence(block):
			tag = "h2"
		}
		t.b.WriteString("    <" + tag + ">")
		t.col = 0
		var spans []Mention
		for ; mi < len(a.Mentions) && a.Mentions[mi].Start < offset+n; mi++ {
			m := a.Mentions[mi]
			if links && tag == "p" && m.ActorID > 0 && m.ActorID <= len(c.Actors) &&
				c.Actors[m.ActorID-1].Kind == "person" && !linked[m.ActorID] {
				linked[m.ActorID] = true
				m.Start -= offset
				m.End -= offset
				spans = append(spans, m)
			}
		}
		t.linked(block, spans)
		t.b.WriteString("</" + tag + ">\n")
		offset += n + 2
	}
}

func endsSentence(block string) bool {
	c, _ := utf8.DecodeLastRuneInString(block)
	return strings.ContainsRune(".!?”\"»'’", c)
}

// htmlText escapes body text into a page.
type htmlText struct {
	b    *strings.Builder
	mode int  // 0: only markup characters; 1: typographic entities by name; 2: all non-ASCII as numbers
	wrap bool // break long lines at spaces, as hand-edited pages do
	col  int
}

// linked writes block with the given mention spans (code points within the block) as links.
func (t *htmlText) linked(block string, spans []Mention) {
	from := 0
	for _, m := range spans {
		start, end := byteAt(block, m.Start), byteAt(block, m.End)
		t.text(block[from:start])
		t.b.WriteString("<a href=\"/topics/" + slugOf(m.Text) + "\">")
		t.text(block[start:end])
		t.b.WriteString("</a>")
		from = end
	}
	t.text(block[from:])
}

// byteAt converts a code-point offset in s to a byte offset.
func byteAt(s string, runes int) int {
	for i := range s {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(s)
}

var namedEntities = map[rune]string{
	'“': "&ldquo;", '”': "&rdquo;", '‘': "&lsquo;", '’': "&rsquo;", '—': "&mdash;", '–': "&ndash;",
	'«': "&laquo;", '»': "&raquo;", '€': "&euro;", '…': "&hellip;",
}

func (t *htmlText) text(s string) {
	for _, c := range s {
		switch {
		case c == '&':
			t.b.WriteString("&amp;")
		case c == '<':
			t.b.WriteString("&lt;")
		case c == '>':
			t.b.WriteString("&gt;")
		case c == ' ' && t.wrap && t.col > 96:
			t.b.WriteString("\n      ")
			t.col = 0
			continue
		case t.mode == 1 && namedEntities[c] != "":
			t.b.WriteString(namedEntities[c])
		case t.mode == 2 && c == '"':
			t.b.WriteString("&quot;")
		case t.mode == 2 && c >= utf8.RuneSelf:
			t.b.WriteString("&#" + strconv.Itoa(int(c)) + ";")
		default:
			t.b.WriteRune(c)
		}
		t.col++
	}
}

// attr escapes text for an attribute value or the <title> element.
func attr(s string) string {
	return attrEscaper.Replace(s)
}

var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;")
