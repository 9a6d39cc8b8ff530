package ingest

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

const prose = "<p>The delegations met for three hours, and agreed, after some argument, to meet again next week.</p>"

func readPage(t *testing.T, page string) Document {
	t.Helper()
	doc, err := ReadBytes("page.html", []byte(page))
	if err != nil {
		t.Fatalf("ReadBytes: %v", err)
	}
	assertWellFormed(t, doc)
	return doc
}

func TestHTMLTitle(t *testing.T) {
	tests := []struct{ name, head, body, want string }{
		{"og:title first", `<meta property="og:title" content="OG"><title>Tab</title>`, `<h1>H1</h1>`, "OG"},
		{"then title", `<title> Tab
			title </title>`, `<h1>H1</h1>`, "Tab title"},
		{"site name trimmed", `<title>Story - The Site</title><meta property="og:site_name" content="The Site">`, ``, "Story"},
		{"then h1", ``, `<h1>H1 <em>text</em></h1>`, "H1 text"},
		{"then ld headline", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD"}</script>`, ``, "LD"},
		{"then first line", ``, ``, "The delegations met for three hours, and agreed, after some argument, to meet again next week."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readPage(t, "<html><head>"+tt.head+"</head><body>"+tt.body+prose+"</body></html>")
			if doc.Title != tt.want {
				t.Errorf("title = %q, want %q", doc.Title, tt.want)
			}
		})
	}
}

func TestHTMLAuthor(t *testing.T) {
	tests := []struct{ name, head, body, want string }{
		{"meta author", `<meta name="author" content="Meta Name"><meta property="article:author" content="Other">`, `<a rel="author">Rel</a>`, "Meta Name"},
		{"article:author URL skipped", `<meta property="article:author" content="https://facebook.example/x">`, `<a rel="author">Rel Name</a>`, "Rel Name"},
		{"article:author name", `<meta property="article:author" content="Art Author">`, ``, "Art Author"},
		{"ld+json author", `<script type="application/ld+json">[{"@type":"Article","author":{"@type":"Person","name":"LD Person"}}]</script>`, `<span class="byline">By Other</span>`, "LD Person"},
		{"rel author before class", ``, `<span class="byline">By Class Name</span><a rel="author nofollow">Rel Name</a>`, "Rel Name"},
		{"itemprop author name", ``, `<div itemprop="author"><span itemprop="name">Item Name</span> <span>Staff writer</span></div>`, "Item Name"},
		{"byline cleaned", ``, `<p class="article-byline">By Dana Reyes | 3 hours ago</p>`, "Dana Reyes"},
		{"comment authors ignored", ``, `<div class="comments"><span class="author">Commenter</span></div>`, ""},
		{"long text is no byline", ``, `<div class="author-bio">` + strings.Repeat("Writes about many things. ", 10) + `</div>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readPage(t, "<html><head>"+tt.head+"</head><body>"+tt.body+prose+"</body></html>")
			if doc.Author != tt.want {
				t.Errorf("author = %q, want %q", doc.Author, tt.want)
			}
		})
	}
}

func TestHTMLPublished(t *testing.T) {
	ld := `<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":"NewsArticle","datePublished":"2024-05-06T07:08:09+02:00"}]}</script>`
	tests := []struct{ name, head, body, want string }{
		{"meta first", `<meta property="article:published_time" content="2024-01-02T03:04:05Z">` + ld, `<time datetime="2023-01-01">x</time>`, "2024-01-02T03:04:05Z"},
		{"preferred time", ld, `<time datetime="2023-01-01">x</time><time itemprop="datePublished" datetime="2023-02-03T10:00">y</time>`, "2023-02-03T10:00:00Z"},
		{"first time", ld, `<time datetime="2023-01-01">x</time><time datetime="2022-01-01">y</time>`, "2023-01-01T00:00:00Z"},
		{"time in comments ignored", ld, `<section class="comments"><time datetime="2025-01-01">x</time></section>`, "2024-05-06T05:08:09Z"},
		{"ld article over web page", ld, ``, "2024-05-06T05:08:09Z"},
		{"unparsable dates ignored", `<meta property="article:published_time" content="yesterday">`, `<time datetime="soon">x</time>`, ""},
		{"placeholder year ignored", `<meta property="article:published_time" content="0001-01-01T00:00:00Z">`, ``, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readPage(t, "<html><head>"+tt.head+"</head><body>"+tt.body+prose+"</body></html>")
			var want time.Time
			if tt.want != "" {
				want = date(tt.want)
			}
			if !doc.PublishedAt.Equal(want) {
				t.Errorf("published = %v, want %v", doc.PublishedAt, want)
			}
		})
	}
}

func TestHTMLURLAndLanguage(t *testing.T) {
	tests := []struct{ name, page, url, lang string }{
		{"canonical", `<html lang="de-AT"><link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y">`, "https://a.example/x", "de-AT"},
		{"relative canonical and base", `<html><base href="https://a.example/news/"><link rel="canonical" href="story?id=1">`, "https://a.example/news/story?id=1", ""},
		{"relative canonical, no base", `<html><link rel="canonical" href="/x"><meta property="og:url" content="https://b.example/y">`, "https://b.example/x", ""},
		{"og:url", `<html><meta property="og:url" content="https://b.example/y"><meta http-equiv="Content-Language" content="fr">`, "https://b.example/y", "fr"},
		{"not web URLs", `<html><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="file:///etc/passwd">`, "", ""},
		{"og:locale", `<html><meta property="og:locale" content="en_US">`, "", "en-US"},
		{"bad language", `<html lang="not a language!">`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readPage(t, tt.page+"<body>"+prose+"</body></html>")
			if doc.URL != tt.url || doc.Language != tt.lang {
				t.Errorf("URL, language = %q, %q; want %q, %q", doc.URL, doc.Language, tt.url, tt.lang)
			}
		})
	}
}

func TestHTMLCharset(t *testing.T) {
	latin, _ := charmap.Windows1252.NewEncoder().String("<p>Réunion à Genève – “accord”</p>")
	sjis, _ := japanese.ShiftJIS.NewEncoder().String("<p>東京で会談</p>")
	tests := []struct{ name, data, want string }{
		{"declared windows-1252", `<meta charset="windows-1252">` + latin, "Réunion à Genève – “accord”"},
		{"undeclared legacy bytes", latin, "Réunion à Genève – “accord”"},
		{"declared Shift_JIS", `<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">` + sjis, "東京で会談"},
		{"UTF-8 despite an old declaration", `<meta charset="iso-8859-1"><p>Réunion à Genève</p>`, "Réunion à Genève"},
		{"declared UTF-8 with a bad byte", `<meta charset="utf-8"><p>caf` + "\xe9" + ` ok ü</p>`, "caf\uFFFD ok ü"},
		{"UTF-16 with BOM", string(utf16Bytes("<p>Ünïcode page</p>")), "Ünïcode page"},
		{"entities", `<p>&lt;tag&gt; &amp; &eacute; &#8220;q&#x201D; &nbsp;x</p>`, "<tag> & é “q” \u00a0x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readPage(t, tt.data)
			if doc.Body != tt.want {
				t.Errorf("body = %q, want %q", doc.Body, tt.want)
			}
		})
	}
}

func utf16Bytes(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestHTMLStructure(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"paragraphs and headings", `<h2>Sub</h2><p>One
			two</p><div>Three</div>`, "Sub\n\nOne two\n\nThree"},
		{"line breaks", `<p>Line one<br>Line two<br/>  Line three</p>`, "Line one\nLine two\nLine three"},
		{"pre kept", "<pre>  a := 1\n    b</pre><p>after</p>", "  a := 1\n    b\n\nafter"},
		{"lists and quotes", `<ul><li>first</li><li>second</li></ul><blockquote>quoted</blockquote>`, "first\n\nsecond\n\nquoted"},
		{"tables", `<table><tr><th>Party</th><th>Seats</th></tr><tr><td>A</td><td>12</td></tr></table>`, "Party\tSeats\n\nA\t12"},
		{"hidden dropped", `<p>Seen</p><p hidden>Hidden</p><div style="display: none">None</div><span aria-hidden="true">Aria</span><span class="sr-only">SR</span>`, "Seen"},
		{"link lists dropped", `<p>Real text with <a href="/x">a link</a> inside.</p><p><a href="/a">Read more stories here</a></p>`, "Real text with a link inside."},
		{"inline whitespace", `<p>a<b>b</b> <i>c</i>   d</p>`, "ab c d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readPage(t, "<html><body>"+tt.body+"</body></html>")
			if doc.Body != tt.want {
				t.Errorf("body = %q\nwant   %q", doc.Body, tt.want)
			}
		})
	}
}

func TestHTMLContainerChoice(t *testing.T) {
	story := strings.Repeat("<p>The negotiators, who met in a hotel by the lake, said the text was nearly agreed.</p>", 6)
	tests := []struct{ name, page, start, absent string }{
		{"teaser articles are not the article",
			`<div class="content">` + story + `</div><div class="more"><article><a href="/t">Teaser headline</a> short teaser</article></div>`,
			"The negotiators", "Teaser"},
		{"article element preferred",
			`<div>` + strings.Repeat("<p>Other words, many, many of them, all of them outside, in another box.</p>", 3) + `</div><article>` + story + `</article>`,
			"The negotiators", "Other words"},
		{"page wrapped in a form",
			`<form id="aspnetForm"><div id="main-column">` + story + `</div></form>`, "The negotiators", ""},
		{"layout class on the content holder",
			`<div id="page" class="with-header with-sidebar">` + story + `</div><div class="sidebar"><p>Sidebar words that are long enough to count, yes.</p></div>`,
			"The negotiators", "Sidebar"},
		{"siblings of the best block kept",
			`<div id="c"><div class="part">` + story + `</div><div class="ad">Advert</div><div class="part">` + story + `<p>Closing line of the story, in which the talks end.</p></div></div>`,
			"The negotiators", "Advert"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readPage(t, "<html><body>"+tt.page+"</body></html>")
			if !strings.HasPrefix(doc.Body, tt.start) || (tt.absent != "" && strings.Contains(doc.Body, tt.absent)) {
				t.Errorf("body = %q", doc.Body)
			}
		})
	}
}

func TestHTMLSiblingsJoined(t *testing.T) {
	part := strings.Repeat("<p>Long prose, with commas, that scores well, as prose does in an article.</p>", 4)
	doc := readPage(t, `<body><div id="c"><div>`+part+`<p>First half ends.</p></div><div class="ad">Advert</div><div>`+part+`<p>Second half ends.</p></div></div></body>`)
	if !strings.Contains(doc.Body, "First half ends.") || !strings.HasSuffix(doc.Body, "Second half ends.") {
		t.Errorf("body = %q", doc.Body)
	}
}

func TestHTMLNoText(t *testing.T) {
	pages := []string{
		"",
		"<html><head><title>Only a title</title></head><body></body></html>",
		"<script>var x = 'text';</script><style>p{}</style><nav><a href='/'>Home</a></nav>",
		"<!-- just a comment -->",
	}
	for _, page := range pages {
		doc, err := ReadBytes("p.htm", []byte(page))
		assertRefusal(t, doc, err, "p.htm", "no readable text found")
	}
}

func TestHTMLTooDeep(t *testing.T) {
	page := strings.Repeat("<div>", 600) + "deep" + strings.Repeat("</div>", 600)
	doc, err := ReadBytes("deep.html", []byte(page))
	assertRefusal(t, doc, err, "deep.html", "the page could not be read as HTML (html: open stack of elements exceeds 512 nodes)")
}

func TestJSONLD(t *testing.T) {
	tests := []struct {
		name   string
		blocks []string
		want   ldInfo
	}{
		{"broken JSON ignored", []string{`{"datePublished": "2020-01-01",}`, `{"@type":"Article","datePublished":"2021-02-03"}`},
			ldInfo{published: "2021-02-03"}},
		{"wrapped in CDATA", []string{"//<![CDATA[\n{\"@type\":\"BlogPosting\",\"headline\":\"H\"}\n//]]>"}, ldInfo{headline: "H"}},
		{"authors list and language object", []string{`{"@type":"NewsArticle","author":["A B",{"name":"C D"},{"@id":"#x"}],"inLanguage":"pt-BR"}`},
			ldInfo{author: "A B, C D", lang: "pt-BR"}},
		{"author reference", []string{`{"@graph":[{"@id":"#p","@type":"Person","name":"Ref Name"},{"@type":"Article","author":{"@id":"#p"}}]}`},
			ldInfo{author: "Ref Name"}},
		{"odd value types", []string{`{"@type":["Article"],"datePublished":["2022-01-01"],"headline":{"@value":"V"},"author":{"@id":{"x":1}}}`},
			ldInfo{published: "2022-01-01", headline: "V"}},
		{"mainEntity", []string{`{"@type":"WebPage","mainEntity":{"@type":"ReportageNews","datePublished":"2023-03-03"}}`},
			ldInfo{published: "2023-03-03"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readJSONLD(tt.blocks); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
