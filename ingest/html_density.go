package ingest

import (
	"strings"

	"golang.org/x/net/html"
)

// size is the amount of text under a node.
type size struct {
	text int // all visible text, in bytes
	link int // text inside links
	para int // text inside <p> elements
}

// linkDensity is the share of n's text that is link text; menus and lists
// of headlines are nearly all links, article prose hardly any.
func (s size) linkDensity() float64 {
	if s.text == 0 {
		return 0
	}
	return float64(s.link) / float64(s.text)
}

// measure records the size of every node under root in one pass.
func measure(root *html.Node) map[*html.Node]size {
	sizes := map[*html.Node]size{}
	measureNode(root, sizes, false, false, 0)
	return sizes
}

func measureNode(n *html.Node, sizes map[*html.Node]size, inLink, inPara bool, depth int) size {
	var s size
	switch {
	case depth > maxDepth:
		return s
	case n.Type == html.TextNode:
		l := len(strings.TrimSpace(n.Data))
		s = size{text: l}
		if inLink {
			s.link = l
		}
		if inPara {
			s.para = l
		}
		return s
	case isElement(n, "script", "style", "noscript", "template"):
		return s
	}
	inLink = inLink || isElement(n, "a")
	inPara = inPara || isElement(n, "p")
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := measureNode(c, sizes, inLink, inPara, depth+1)
		s.text += cs.text
		s.link += cs.link
		s.para += cs.para
	}
	if n.Type == html.ElementNode || n.Type == html.DocumentNode {
		sizes[n] = s
	}
	return s
}

// densityChoice picks the container with the most prose, in the manner of
// the readability algorithms: every paragraph of some length scores for
// its parent, and less for its grandparent and great-grandparent; the
// score is discounted by link density. Siblings of the winner that score
// well themselves are kept with it, since articles are often split by
// ad slots into several blocks.
func densityChoice(body *html.Node, sizes map[*html.Node]size) []*html.Node {
	scores := map[*html.Node]float64{}
	var order []*html.Node
	for n := range body.Descendants() {
		if !isScoredBlock(n) || sizes[n].text < 25 {
			continue
		}
		text := nodeText(n)
		score := 1 + float64(strings.Count(text, ",")) + min(float64(len(text))/100, 3)
		level := 1.0
		for a := n.Parent; a != nil && level <= 3; a = a.Parent {
			if a.Type != html.ElementNode || a == body.Parent {
				break
			}
			if _, seen := scores[a]; !seen {
				order = append(order, a)
			}
			scores[a] += score / level
			level++
		}
	}
	var top *html.Node
	best := 0.0
	final := func(n *html.Node) float64 { return scores[n] * (1 - sizes[n].linkDensity()) }
	for _, n := range order {
		if f := final(n); f > best {
			top, best = n, f
		}
	}
	if top == nil {
		return nil
	}
	return withSiblings(top, best, final, sizes)
}

// withSiblings returns top together with those of its siblings that look
// like parts of the same article.
func withSiblings(top *html.Node, best float64, final func(*html.Node) float64, sizes map[*html.Node]size) []*html.Node {
	if top.Parent == nil {
		return []*html.Node{top}
	}
	threshold := max(10, best*0.2)
	var nodes []*html.Node
	for s := top.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		sz := sizes[s]
		switch {
		case s == top, final(s) >= threshold:
		case isElement(s, "p") && sz.text > 80 && sz.linkDensity() < 0.25:
		case isElement(s, "p") && sz.link == 0 && strings.HasSuffix(nodeText(s), "."):
		default:
			continue
		}
		nodes = append(nodes, s)
	}
	return nodes
}

// isScoredBlock reports elements that hold paragraphs of prose: the usual
// ones, and divisions that hold only inline content (many pages write
// paragraphs as bare <div>s).
func isScoredBlock(n *html.Node) bool {
	if isElement(n, "p", "pre", "td", "blockquote") {
		return true
	}
	if !isElement(n, "div", "section") {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockElements[c.Data] {
			return false
		}
	}
	return true
}
