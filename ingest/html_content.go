package ingest

import (
	"strings"

	"golang.org/x/net/html"
)

// articleText returns the readable article of a page as paragraphs
// separated by blank lines. The page is pruned of everything that is not
// article text, the article's container is chosen, and its text rendered.
func articleText(root *html.Node, title string) string {
	body := findElement(root, "body", 0)
	if body == nil {
		body = root
	}
	before := measure(body)
	semantic := semanticArticle(body, before)
	protected := map[*html.Node]bool{}
	for n := semantic; n != nil; n = n.Parent {
		protected[n] = true
	}
	p := pruner{protected: protected, sizes: before, total: before[body]}
	p.prune(body, 0)

	nodes := chooseContent(body, semantic)
	text := renderBlocks(nodes, title)
	if strings.TrimSpace(text) == "" && (len(nodes) != 1 || nodes[0] != body) {
		text = renderBlocks([]*html.Node{body}, title)
	}
	return text
}

// chooseContent prefers the element the page marks as its article, when it
// holds a fair share of the page's text after pruning (pages that mark
// every teaser as an <article> do not get a teaser), and otherwise chooses
// by text density.
func chooseContent(body, semantic *html.Node) []*html.Node {
	sizes := measure(body)
	if semantic != nil {
		st, bt := sizes[semantic].text, sizes[body].text
		if st > 0 && (st*10 >= bt*3 || st >= 2000) {
			return []*html.Node{semantic}
		}
	}
	if nodes := densityChoice(body, sizes); len(nodes) > 0 {
		return nodes
	}
	return []*html.Node{body}
}

// semanticArticle returns the element marked as the article: the largest
// articleBody, else the largest <article>, else the largest <main>.
func semanticArticle(body *html.Node, sizes map[*html.Node]size) *html.Node {
	tests := []func(*html.Node) bool{
		func(n *html.Node) bool { return strings.EqualFold(attr(n, "itemprop"), "articleBody") },
		func(n *html.Node) bool { return isElement(n, "article") },
		func(n *html.Node) bool { return isElement(n, "main") || strings.EqualFold(attr(n, "role"), "main") },
	}
	for _, test := range tests {
		var best *html.Node
		for n := range body.Descendants() {
			if n.Type == html.ElementNode && test(n) && (best == nil || sizes[n].text > sizes[best].text) {
				best = n
			}
		}
		if best != nil && sizes[best].text > 0 {
			return best
		}
	}
	return nil
}

// droppedElements never hold article text.
var droppedElements = map[string]bool{
	"script": true, "style": true, "noscript": true, "nav": true, "header": true, "footer": true,
	"aside": true, "button": true, "iframe": true, "svg": true, "template": true, "object": true,
	"embed": true, "canvas": true, "video": true, "audio": true, "select": true, "input": true,
	"textarea": true, "label": true, "dialog": true, "menu": true, "img": true, "picture": true,
	"map": true, "head": true, "link": true, "meta": true, "title": true, "math": true,
}

// droppedRoles are ARIA landmarks around, not in, the article.
var droppedRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true,
	"dialog": true, "alertdialog": true, "menu": true, "menubar": true, "toolbar": true, "alert": true,
}

// Words in class and id attributes that mark boilerplate. commentWords also
// mark regions whose dates and names are not the article's.
var (
	commentWords = map[string]bool{"comment": true, "comments": true, "commentlist": true,
		"disqus": true, "replies": true}
	boilerplateWords = map[string]bool{"share": true, "sharing": true, "social": true,
		"related": true, "recommended": true, "newsletter": true, "subscribe": true,
		"subscription": true, "promo": true, "advert": true, "advertisement": true, "ad": true,
		"ads": true, "adslot": true, "sponsor": true, "sponsored": true, "cookie": true,
		"cookies": true, "consent": true, "gdpr": true, "breadcrumb": true, "breadcrumbs": true,
		"widget": true, "popup": true, "modal": true, "overlay": true, "outbrain": true,
		"taboola": true, "paywall": true, "signup": true, "login": true, "toolbar": true,
		"pagination": true, "pager": true, "tags": true, "skip": true, "print": true}
	// layoutWords name page regions; a container called "has-sidebar" may
	// still hold the article, so these only drop elements with little text.
	layoutWords = map[string]bool{"sidebar": true, "nav": true, "navbar": true,
		"navigation": true, "menu": true, "footer": true, "header": true, "masthead": true,
		"banner": true}
	hiddenClasses = map[string]bool{"hidden": true, "is-hidden": true, "visually-hidden": true,
		"visuallyhidden": true, "sr-only": true, "screen-reader-text": true}
)

type pruner struct {
	protected map[*html.Node]bool // the article element and its ancestors
	sizes     map[*html.Node]size // measured before pruning
	total     size                // the whole page's
}

// prune removes boilerplate under n.
func (p *pruner) prune(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case depth > maxDepth || p.drop(c):
			n.RemoveChild(c)
		default:
			p.prune(c, depth+1)
		}
		c = next
	}
}

func (p *pruner) drop(n *html.Node) bool {
	switch n.Type {
	case html.CommentNode, html.DoctypeNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	if n.Namespace != "" && n.Namespace != "html" {
		return true // svg and math
	}
	if droppedElements[n.Data] || isHidden(n) || droppedRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if p.protected[n] {
		return false
	}
	if n.Data == "form" {
		// Some sites wrap the whole page in one form; keep a form that
		// holds most of the page's prose.
		return !p.holdsMost(n)
	}
	if hasClassWord(n, commentWords) || hasClassWord(n, boilerplateWords) {
		return true
	}
	return hasClassWord(n, layoutWords) && !p.holdsMost(n)
}

// holdsMost reports whether n holds more than half of the page's
// paragraph text, or of all its text on pages without paragraphs.
func (p *pruner) holdsMost(n *html.Node) bool {
	if p.total.para > 0 {
		return p.sizes[n].para*2 > p.total.para
	}
	return p.sizes[n].text*2 > p.total.text
}

func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	for _, class := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		if hiddenClasses[class] {
			return true
		}
	}
	return false
}

// hasClassWord reports whether a word of n's class or id attribute (split
// at spaces, hyphens and underscores) is in words.
func hasClassWord(n *html.Node, words map[string]bool) bool {
	for _, key := range []string{"class", "id"} {
		v := attr(n, key)
		if v == "" {
			continue
		}
		split := strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		})
		for _, w := range split {
			if words[w] {
				return true
			}
		}
	}
	return false
}

func findElement(n *html.Node, name string, depth int) *html.Node {
	if depth > maxDepth {
		return nil
	}
	if isElement(n, name) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if found := findElement(c, name, depth+1); found != nil {
			return found
		}
	}
	return nil
}
