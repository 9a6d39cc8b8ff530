package ingest

import (
	"regexp"
	"strings"
)

// readMD reads a Markdown file. The text is kept and the markup dropped:
// heading hashes, emphasis, link syntax (the link text stays), images,
// raw HTML and reference definitions go; code is kept as text. Bullets are
// dropped and numbers of ordered lists kept ("1. "), since analysts cite
// numbered points; each list item becomes one line. Lines wrapped inside a
// paragraph are joined, as a Markdown viewer would show them.
func readMD(data []byte) (Document, error) {
	text, err := decodeText(data)
	if err != nil {
		return Document{}, err
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	meta, rest := mdFrontMatter(text)
	c := mdConverter{refs: mdReferences(rest)}
	body := Normalize(c.convert(rest))
	if body == "" {
		return Document{}, &Refusal{Reason: reasonNoText}
	}
	title := meta["title"]
	if title == "" {
		title = c.h1
	}
	return Document{
		Title:       titleOr(title, body),
		Author:      cleanTitle(meta["author"]),
		URL:         absoluteURL(firstOf(meta["canonical"], meta["url"], meta["link"]), ""),
		Language:    normLanguage(firstOf(meta["lang"], meta["language"])),
		PublishedAt: parseDate(firstOf(meta["date"], meta["published"])),
		Body:        body,
		Format:      formatMD,
	}, nil
}

// mdFrontMatter splits YAML front matter ("---" … "---") off the text and
// returns its simple "key: value" pairs with lower-case keys.
func mdFrontMatter(text string) (map[string]string, string) {
	meta := map[string]string{}
	if !strings.HasPrefix(text, "---\n") {
		return meta, text
	}
	lines := strings.Split(text[4:], "\n")
	for i, line := range lines[:min(len(lines), 200)] {
		if t := strings.TrimSpace(line); t == "---" || t == "..." {
			for _, kv := range lines[:i] {
				k, v, ok := strings.Cut(kv, ":")
				if ok && !strings.HasPrefix(kv, " ") {
					meta[strings.ToLower(strings.TrimSpace(k))] = strings.Trim(strings.TrimSpace(v), `"'`)
				}
			}
			return meta, strings.Join(lines[i+1:], "\n")
		}
	}
	return meta, text
}

var (
	mdFenceRe    = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	mdHeadingRe  = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$`)
	mdSetextRe   = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	mdBreakRe    = regexp.MustCompile(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	mdRefDefRe   = regexp.MustCompile(`^ {0,3}\[([^\]^][^\]]*)\]:[ \t]*\S`)
	mdItemRe     = regexp.MustCompile(`^[ \t]*([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$`)
	mdTaskRe     = regexp.MustCompile(`^\[[ xX]\][ \t]+`)
	mdTableSepRe = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
)

// mdReferences collects the labels of reference definitions, which may
// come after the links that use them.
func mdReferences(text string) map[string]bool {
	refs := map[string]bool{}
	for line := range strings.Lines(text) {
		if m := mdRefDefRe.FindStringSubmatch(line); m != nil {
			refs[refLabel(m[1])] = true
		}
	}
	return refs
}

// mdConverter turns Markdown into paragraphs of plain text, one line at a
// time.
type mdConverter struct {
	refs   map[string]bool
	blocks []string // finished blocks, joined by blank lines at the end
	h1     string   // text of the first level-1 heading

	cur      []string // raw lines of the open paragraph or list item
	curItem  bool     // the open block is a list item
	list     []string // rendered items of the open list
	table    []string // rendered rows of the open table
	code     []string // lines of the open code block
	fence    string   // marker of the open fenced block
	indented bool     // an indented code block is open
	// afterList: the last block was a list, so an indented paragraph
	// continues an item rather than starting code.
	afterList bool
	comment   bool // inside a multi-line HTML comment
}

func (c *mdConverter) convert(text string) string {
	for _, line := range strings.Split(text, "\n") {
		c.line(line)
	}
	c.closeAll()
	if c.fence != "" || c.indented {
		c.closeCode()
	}
	return strings.Join(c.blocks, "\n\n")
}

func (c *mdConverter) line(line string) {
	if c.fence != "" {
		c.fencedLine(line)
		return
	}
	line, touched := c.stripComment(line)
	if touched && strings.TrimSpace(line) == "" {
		return
	}
	line = stripQuoteMarkers(line)
	if c.indented {
		if code, ok := indentedCode(line); ok {
			c.code = append(c.code, code)
			return
		}
		c.closeCode()
	}
	c.blockLine(line)
}

// blockLine recognises the block a line starts or continues.
func (c *mdConverter) blockLine(line string) {
	switch {
	case strings.TrimSpace(line) == "":
		c.closeAll()
	case fenceMarker(line) != "":
		c.closeAll()
		c.fence = fenceMarker(line)
	case len(c.cur) == 0 && len(c.list) == 0 && len(c.table) == 0 && !c.afterList && isIndented(line):
		c.indented = true
		code, _ := indentedCode(line)
		c.code = append(c.code, code)
	case mdHeadingRe.MatchString(line):
		c.closeAll()
		m := mdHeadingRe.FindStringSubmatch(line)
		c.heading(mdInline(strings.TrimSpace(m[2]), c.refs), len(m[1]))
	case len(c.cur) > 0 && !c.curItem && mdSetextRe.MatchString(line):
		level := 2
		if strings.Contains(line, "=") {
			level = 1
		}
		text := c.renderCur()
		c.cur = nil
		c.heading(text, level)
	case mdBreakRe.MatchString(line):
		c.closeAll()
	case mdRefDefRe.MatchString(line):
		c.closeAll()
	default:
		if !isIndented(line) {
			c.afterList = false
		}
		c.contentLine(line)
	}
}

// contentLine handles tables, list items and paragraph text.
func (c *mdConverter) contentLine(line string) {
	if len(c.table) > 0 {
		if strings.Contains(line, "|") {
			c.table = append(c.table, c.tableRow(line))
			return
		}
		c.closeAll()
	}
	if len(c.cur) == 1 && !c.curItem && strings.Contains(c.cur[0], "|") && mdTableSepRe.MatchString(line) {
		c.table = []string{c.tableRow(c.cur[0])}
		c.cur = nil
		return
	}
	if m := mdItemRe.FindStringSubmatch(line); m != nil {
		c.closeItem()
		if len(c.cur) > 0 {
			c.closeAll()
		}
		text := mdTaskRe.ReplaceAllString(m[2], "")
		if m[1][0] >= '0' && m[1][0] <= '9' {
			text = m[1] + " " + text
		}
		c.cur, c.curItem = []string{text}, true
		return
	}
	if len(c.list) > 0 && len(c.cur) == 0 {
		c.closeAll()
	}
	c.cur = append(c.cur, line)
}

func (c *mdConverter) heading(text string, level int) {
	if level == 1 && c.h1 == "" {
		c.h1 = text
	}
	if strings.TrimSpace(text) != "" {
		c.blocks = append(c.blocks, text)
	}
}

// fenceMarker returns the run of backticks or tildes that opens a fenced
// code block on line, or "". A backtick fence's info string may not hold a
// backtick: "```code```" is inline code.
func fenceMarker(line string) string {
	m := mdFenceRe.FindStringSubmatch(line)
	if m == nil || (m[1][0] == '`' && strings.Contains(line[len(m[0]):], "`")) {
		return ""
	}
	return m[1]
}

// fencedLine keeps a line of a fenced code block, or closes the block.
func (c *mdConverter) fencedLine(line string) {
	t := strings.TrimSpace(line)
	if strings.HasPrefix(t, c.fence) && strings.Trim(t, c.fence[:1]) == "" {
		c.closeCode()
		return
	}
	c.code = append(c.code, line)
}

func (c *mdConverter) closeCode() {
	if text := strings.Join(c.code, "\n"); strings.TrimSpace(text) != "" {
		c.blocks = append(c.blocks, text)
	}
	c.code, c.fence, c.indented = nil, "", false
}

// stripComment removes HTML comments that span lines; comments within one
// line are left to mdInline.
func (c *mdConverter) stripComment(line string) (string, bool) {
	touched := c.comment
	if c.comment {
		end := strings.Index(line, "-->")
		if end < 0 {
			return "", true
		}
		c.comment = false
		line = line[end+3:]
	}
	if start := strings.LastIndex(line, "<!--"); start >= 0 && !strings.Contains(line[start:], "-->") {
		c.comment, touched = true, true
		line = line[:start]
	}
	return line, touched
}

// closeItem moves the open list item into the open list.
func (c *mdConverter) closeItem() {
	if c.curItem {
		if text := c.renderCur(); strings.TrimSpace(text) != "" {
			c.list = append(c.list, text)
		}
		c.cur, c.curItem = nil, false
	}
}

// closeAll ends the open paragraph, list and table.
func (c *mdConverter) closeAll() {
	c.closeItem()
	if len(c.cur) > 0 {
		c.blocks = append(c.blocks, c.renderCur())
		c.cur = nil
	}
	if len(c.list) > 0 {
		c.afterList = true
	}
	for _, group := range [][]string{c.list, c.table} {
		if len(group) > 0 {
			c.blocks = append(c.blocks, strings.Join(group, "\n"))
		}
	}
	c.list, c.table = nil, nil
}

// renderCur joins the lines of the open block (keeping hard line breaks)
// and drops its inline markup.
func (c *mdConverter) renderCur() string {
	var b strings.Builder
	for i, line := range c.cur {
		hard := strings.HasSuffix(line, "  ") || strings.HasSuffix(line, "\\")
		line = strings.TrimSpace(line)
		if hard && strings.HasSuffix(line, "\\") {
			line = line[:len(line)-1]
		}
		b.WriteString(line)
		switch {
		case i == len(c.cur)-1:
		case hard:
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
	}
	return mdInline(b.String(), c.refs)
}

// tableRow renders one table row as its cells separated by tabs.
func (c *mdConverter) tableRow(line string) string {
	line = strings.TrimSpace(line)
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	cells := splitCells(line)
	for i, cell := range cells {
		// An escaped pipe is a pipe even inside a code span (GFM).
		cell = strings.ReplaceAll(cell, `\|`, "|")
		cells[i] = mdInline(strings.TrimSpace(cell), c.refs)
	}
	return strings.Join(cells, "\t")
}

// splitCells splits a table row at pipes that are not escaped.
func splitCells(line string) []string {
	var cells []string
	start := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, line[start:i])
			start = i + 1
		}
	}
	return append(cells, line[min(start, len(line)):])
}

// stripQuoteMarkers removes the "> " markers of block quotes, nested ones
// included, in one pass.
func stripQuoteMarkers(line string) string {
	i := 0
	for {
		j := i
		for j < len(line) && j-i < 3 && line[j] == ' ' {
			j++
		}
		if j >= len(line) || line[j] != '>' {
			return line[i:]
		}
		i = j + 1
		if i < len(line) && line[i] == ' ' {
			i++
		}
	}
}

func isIndented(line string) bool {
	return strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t")
}

func indentedCode(line string) (string, bool) {
	switch {
	case strings.HasPrefix(line, "    "):
		return line[4:], true
	case strings.HasPrefix(line, "\t"):
		return line[1:], true
	case strings.TrimSpace(line) == "":
		return "", true
	}
	return "", false
}

// firstOf returns the first of values that is not blank.
func firstOf(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
