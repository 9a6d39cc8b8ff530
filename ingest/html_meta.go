package ingest

import (
	"strings"
	"time"

	"golang.org/x/net/html"
)

// htmlMeta is what a page says about itself.
type htmlMeta struct {
	title, author, url, lang string
	published                time.Time
}

// pageFacts gathers, in one walk over the page, everything the metadata
// is chosen from.
type pageFacts struct {
	metas     map[string]string // meta name/property/itemprop/http-equiv → first content
	title     string            // <title>
	h1        string            // first <h1>
	canonical string            // <link rel=canonical href>
	base      string            // <base href>
	htmlLang  string
	jsonLD    []string
	times     []pageTime
	bylines   []byline
}

type pageTime struct {
	value     string
	preferred bool // marked as the publication date (itemprop, pubdate)
}

type byline struct {
	text     string
	priority int // lower is more trustworthy
}

func readHTMLMeta(root *html.Node) htmlMeta {
	f := &pageFacts{metas: map[string]string{}}
	f.walk(root, false, 0)
	ld := readJSONLD(f.jsonLD)
	return htmlMeta{
		title:     f.pickTitle(ld),
		author:    f.pickAuthor(ld),
		url:       f.pickURL(),
		lang:      normLanguage(firstOf(f.htmlLang, f.metas["content-language"], f.metas["language"], f.metas["dc.language"], f.metas["og:locale"], ld.lang)),
		published: f.pickPublished(ld),
	}
}

// walk visits the page; aside is true inside regions that are not the
// article (comments, navigation, footers), whose dates and names belong
// to someone else.
func (f *pageFacts) walk(n *html.Node, aside bool, depth int) {
	if depth > maxDepth {
		return
	}
	if n.Type == html.ElementNode {
		aside = aside || isElement(n, "nav", "footer", "aside") || hasClassWord(n, commentWords)
		if f.element(n, aside) {
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		f.walk(c, aside, depth+1)
	}
}

// element records what one element tells; it returns true when its
// children need no visit.
func (f *pageFacts) element(n *html.Node, aside bool) bool {
	switch {
	case isElement(n, "html"):
		f.htmlLang = attr(n, "lang")
	case isElement(n, "meta"):
		f.meta(n)
	case isElement(n, "title"):
		if f.title == "" {
			f.title = nodeText(n)
		}
		return true
	case isElement(n, "link"):
		if f.canonical == "" && hasWord(attr(n, "rel"), "canonical") {
			f.canonical = attr(n, "href")
		}
	case isElement(n, "base"):
		if f.base == "" {
			f.base = attr(n, "href")
		}
	case isElement(n, "script"):
		if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
			f.jsonLD = append(f.jsonLD, n.FirstChild.Data)
		}
		return true
	case isElement(n, "h1"):
		if f.h1 == "" && !aside {
			f.h1 = nodeText(n)
		}
	case isElement(n, "time"):
		f.time(n, aside)
	}
	if !aside {
		f.byline(n)
	}
	return false
}

func (f *pageFacts) meta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, key := range []string{"property", "name", "itemprop", "http-equiv"} {
		k := strings.ToLower(strings.TrimSpace(attr(n, key)))
		if _, seen := f.metas[k]; k != "" && !seen {
			f.metas[k] = content
		}
	}
}

func (f *pageFacts) time(n *html.Node, aside bool) {
	value := attr(n, "datetime")
	if aside || value == "" {
		return
	}
	preferred := strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") ||
		hasClassWord(n, map[string]bool{"published": true, "publish": true, "pubdate": true})
	f.times = append(f.times, pageTime{value, preferred})
}

// byline records an element that names the author: rel=author and
// itemprop=author are trusted more than a class that merely says so.
func (f *pageFacts) byline(n *html.Node) {
	priority := 0
	switch {
	case hasWord(attr(n, "rel"), "author"):
		priority = 1
	case strings.EqualFold(attr(n, "itemprop"), "author"):
		priority = 2
	case hasClassWord(n, map[string]bool{"byline": true, "author": true, "byl": true}):
		priority = 3
	default:
		return
	}
	if text := cleanByline(bylineText(n)); text != "" {
		f.bylines = append(f.bylines, byline{text, priority})
	}
}

// bylineText prefers the name inside a schema.org author block.
func bylineText(n *html.Node) string {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && strings.EqualFold(attr(d, "itemprop"), "name") {
			return nodeText(d)
		}
	}
	return nodeText(n)
}

// cleanByline turns "By Jane Doe | Updated 2 hours ago" into "Jane Doe";
// text too long to be a name is not a byline.
func cleanByline(s string) string {
	for _, sep := range []string{"|", "•", "·", " — ", " – ", " - "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	s = strings.TrimSpace(s)
	for _, prefix := range []string{"By ", "by ", "BY ", "Written by ", "Posted by "} {
		s = strings.TrimPrefix(s, prefix)
	}
	s = strings.Trim(s, " ,;:")
	if len(s) < 2 || len([]rune(s)) > 100 {
		return ""
	}
	return s
}

func (f *pageFacts) pickTitle(ld ldInfo) string {
	if t := f.metas["og:title"]; t != "" {
		return cleanTitle(t)
	}
	if t := f.title; t != "" {
		return cleanTitle(trimSiteName(t, f.metas["og:site_name"]))
	}
	return cleanTitle(firstOf(f.h1, ld.headline))
}

// trimSiteName drops " | Site" or " - Site" from a <title> when the page
// names the site.
func trimSiteName(title, site string) string {
	site = strings.TrimSpace(site)
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if rest, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(rest) != "" {
			return rest
		}
	}
	return title
}

func (f *pageFacts) pickAuthor(ld ldInfo) string {
	candidates := []string{f.metas["author"], f.metas["article:author"], f.metas["dc.creator"],
		f.metas["parsely-author"], ld.author}
	for _, c := range candidates {
		if c = strings.TrimSpace(c); c != "" && absoluteURL(c, "") == "" {
			return cleanTitle(c)
		}
	}
	best := byline{priority: 99}
	for _, b := range f.bylines {
		if b.priority < best.priority {
			best = b
		}
	}
	return cleanTitle(best.text)
}

// publishedKeys are the meta tags that carry a publication date, most
// widely used first.
var publishedKeys = []string{"article:published_time", "og:published_time", "datepublished",
	"pubdate", "publishdate", "publish-date", "dc.date.issued", "dcterms.created", "dc.date",
	"date", "parsely-pub-date", "sailthru.date"}

func (f *pageFacts) pickPublished(ld ldInfo) time.Time {
	for _, k := range publishedKeys {
		if t := parseDate(f.metas[k]); !t.IsZero() {
			return t
		}
	}
	for _, preferred := range []bool{true, false} {
		for _, pt := range f.times {
			if pt.preferred == preferred {
				if t := parseDate(pt.value); !t.IsZero() {
					return t
				}
			}
		}
	}
	return parseDate(ld.published)
}

func (f *pageFacts) pickURL() string {
	base := firstOf(f.base, f.metas["og:url"])
	if u := absoluteURL(f.canonical, base); u != "" {
		return u
	}
	return absoluteURL(f.metas["og:url"], f.base)
}

// hasWord reports whether a space-separated attribute such as rel holds
// word.
func hasWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}
