package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

const defaultDocumentPart = "word/document.xml"

// readDOCX reads a Word document: the text of its paragraphs, and title,
// author and creation date from its core properties.
func readDOCX(data []byte) (Document, error) {
	r, err := openZIP(data)
	if err != nil {
		return Document{}, err
	}
	main := findZipFile(r, mainDocumentPart(r))
	if main == nil {
		return Document{}, &Refusal{Reason: "the .docx has no word/document.xml, so it holds no " +
			"Word text; save it as .docx from Word"}
	}
	xmlData, err := readZipPart(main, maxPartSize)
	if err != nil {
		return Document{}, err
	}
	text, styleTitle, err := docxText(xmlData)
	if err != nil {
		return Document{}, refusalDamaged(main.Name, err)
	}
	body := Normalize(text)
	if body == "" {
		return Document{}, &Refusal{Reason: reasonNoText}
	}
	props := readCoreProperties(r)
	return Document{
		Title:       titleOr(firstOf(props.title, styleTitle), body),
		Author:      cleanTitle(props.creator),
		Language:    normLanguage(props.language),
		PublishedAt: parseDate(props.created),
		Body:        body,
		Format:      formatDOCX,
	}, nil
}

// mainDocumentPart follows the package relationships to the main document,
// which Word names word/document.xml but other writers may not.
func mainDocumentPart(r *zip.Reader) string {
	f := findZipFile(r, "_rels/.rels")
	if f == nil {
		return defaultDocumentPart
	}
	data, err := readZipPart(f, maxSmallPart)
	if err != nil {
		return defaultDocumentPart
	}
	var rels struct {
		Relationship []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		}
	}
	if xml.Unmarshal(data, &rels) != nil {
		return defaultDocumentPart
	}
	for _, rel := range rels.Relationship {
		if strings.HasSuffix(rel.Type, "/officeDocument") && rel.Target != "" {
			return strings.TrimPrefix(path.Clean("/"+rel.Target), "/")
		}
	}
	return defaultDocumentPart
}

// findZipFile looks a part up by name; part names in a package are
// case-insensitive.
func findZipFile(r *zip.Reader, name string) *zip.File {
	for _, f := range r.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// docxText extracts the paragraphs of word/document.xml, each w:p a
// paragraph, w:tab a tab and w:br a line break. Deleted text (w:delText)
// and field codes (w:instrText) are not w:t and so never read; the VML
// fallback copy of text boxes is skipped so their text appears once.
// It also returns the first paragraph styled "Title".
func docxText(data []byte) (text, title string, err error) {
	p := docxParser{}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", "", err
		}
		p.token(tok)
	}
	return strings.Join(p.paragraphs, "\n\n"), p.title, nil
}

type docxParser struct {
	paragraphs []string
	open       []*docxParagraph // paragraphs being read; text boxes nest them
	rows       []*docxRow       // table rows being read; tables nest too
	title      string
	inText     bool
	runs       int // depth of w:r elements
	skip       int // depth inside a skipped element
}

type docxParagraph struct {
	text  strings.Builder
	style string
}

// docxRow collects a table row, which becomes one line with its cells
// separated by tabs, as Markdown and HTML tables do.
type docxRow struct {
	cells []string
	cell  []string // paragraphs of the open cell
}

func (p *docxParser) token(tok xml.Token) {
	switch t := tok.(type) {
	case xml.StartElement:
		p.start(t)
	case xml.EndElement:
		p.end(t)
	case xml.CharData:
		if p.inText && p.skip == 0 && len(p.open) > 0 {
			p.open[len(p.open)-1].text.Write(t)
		}
	}
}

func (p *docxParser) start(t xml.StartElement) {
	if p.skip > 0 || t.Name.Local == "Fallback" {
		p.skip++
		return
	}
	switch t.Name.Local {
	case "p":
		p.open = append(p.open, &docxParagraph{})
	case "tr":
		p.rows = append(p.rows, &docxRow{})
	case "r":
		p.runs++
	case "t":
		p.inText = true
	case "pStyle":
		if len(p.open) > 0 {
			p.open[len(p.open)-1].style = xmlAttr(t, "val")
		}
	case "tab":
		p.write("\t")
	case "br", "cr":
		p.write("\n")
	case "noBreakHyphen":
		p.write("-")
	}
}

// write adds text made by an element; outside a run these elements are
// settings (w:tab also defines tab stops), not text.
func (p *docxParser) write(s string) {
	if p.runs > 0 && len(p.open) > 0 {
		p.open[len(p.open)-1].text.WriteString(s)
	}
}

func (p *docxParser) end(t xml.EndElement) {
	if p.skip > 0 {
		p.skip--
		return
	}
	switch t.Name.Local {
	case "p":
		p.endParagraph()
	case "tc":
		if n := len(p.rows); n > 0 {
			row := p.rows[n-1]
			row.cells = append(row.cells, strings.Join(row.cell, " "))
			row.cell = nil
		}
	case "tr":
		if n := len(p.rows); n > 0 {
			row := p.rows[n-1]
			p.rows = p.rows[:n-1]
			p.emit(strings.Join(row.cells, "\t"))
		}
	case "r":
		p.runs = max(p.runs-1, 0)
	case "t":
		p.inText = false
	}
}

func (p *docxParser) endParagraph() {
	n := len(p.open)
	if n == 0 {
		return
	}
	para := p.open[n-1]
	p.open = p.open[:n-1]
	text := para.text.String()
	if p.title == "" && strings.EqualFold(para.style, "Title") {
		p.title = text
	}
	p.emit(text)
}

// emit adds a finished paragraph to the open table cell, or to the
// document when no table is open.
func (p *docxParser) emit(text string) {
	if n := len(p.rows); n > 0 {
		p.rows[n-1].cell = append(p.rows[n-1].cell, text)
		return
	}
	p.paragraphs = append(p.paragraphs, text)
}

func xmlAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// coreProperties are the Dublin Core fields of docProps/core.xml.
type coreProperties struct {
	title, creator, created, language string
}

// readCoreProperties reads docProps/core.xml; a missing or damaged one
// only means the document has no metadata.
func readCoreProperties(r *zip.Reader) coreProperties {
	var props coreProperties
	f := findZipFile(r, "docProps/core.xml")
	if f == nil {
		return props
	}
	data, err := readZipPart(f, maxSmallPart)
	if err != nil {
		return props
	}
	fields := map[string]*string{"title": &props.title, "creator": &props.creator,
		"created": &props.created, "language": &props.language}
	d := xml.NewDecoder(bytes.NewReader(data))
	var current *string
	for {
		tok, err := d.Token()
		if err != nil {
			return props
		}
		switch t := tok.(type) {
		case xml.StartElement:
			current = fields[t.Name.Local]
		case xml.EndElement:
			current = nil
		case xml.CharData:
			if current != nil && *current == "" {
				*current = strings.TrimSpace(string(t))
			}
		}
	}
}
