//go:build ignore

// generate writes the binary test fixtures of package ingest: text in
// UTF-16 and Windows-1252, files that must be refused, and .docx archives
// (a good one and several zip bombs). Run it from this directory:
//
//	go run generate.go
//
// The written files are committed; the test suite does not run this.
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"log"
	"os"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

func main() {
	files := map[string][]byte{
		"utf16le.txt":           utf16Text(false, utf16Sample),
		"utf16be.txt":           utf16Text(true, utf16Sample),
		"windows-1252.txt":      windows1252(),
		"utf8-bom.txt":          append([]byte("\xEF\xBB\xBF"), "Statement\u00A0by the spokesperson\r\n\r\n\r\nThe ministry “regrets” the decision.\u200B\r\n"...),
		"binary-nul.txt":        []byte("report\x00\x00\x01\x02 header\x00 body"),
		"png-renamed.txt":       append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 32)...),
		"empty.txt":             {},
		"whitespace-only.txt":   []byte(" \t\r\n\u00A0\n\u200B\n   \n"),
		"broken-utf16-odd.txt":  append(utf16Text(false, "Odd length"), 'x'),
		"broken-utf16-pair.txt": append(utf16Text(false, "Lone surrogate: "), 0x3D, 0xD8, 'a', 0),
		"fake.docx":             []byte("This is plain text that someone renamed to .docx.\n"),
		"report.docx":           docx(documentXML, coreXML),
		"no-document.docx":      zipOf(map[string][]byte{"[Content_Types].xml": []byte(contentTypes), "docProps/core.xml": []byte(coreXML)}),
		"bomb.docx":             docx(string(bytes.Repeat([]byte(" "), 60<<20)), coreXML),
		"bomb-ratio.docx":       docx(string(bytes.Repeat([]byte(" "), 20<<20)), coreXML),
		"bomb-lying.docx":       lyingZip("word/document.xml", bytes.Repeat([]byte(" "), 60<<20), 4096),
	}
	for name, data := range files {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

const utf16Sample = "Встреча в Женеве 🕊\r\n\r\nДелегации обсудили график обмена пленными.\r\nNext round: 12 May.\r\n"

func utf16Text(bigEndian bool, s string) []byte {
	order := binary.AppendByteOrder(binary.LittleEndian)
	bom := []byte{0xFF, 0xFE}
	if bigEndian {
		order, bom = binary.BigEndian, []byte{0xFE, 0xFF}
	}
	out := bom
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

func windows1252() []byte {
	text := "“Café talks” resume in Zürich – naïve hopes?\r\nThe envoy’s aide said costs had reached €4 million.\r\n"
	out, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		log.Fatal(err)
	}
	return out
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`

const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

const coreXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Situation report — northern corridor</dc:title><dc:creator>Marta Kowalczyk</dc:creator><cp:lastModifiedBy>Duty Officer</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2025-04-04T07:15:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-04-05T10:00:00Z</dcterms:modified><dc:language>en-GB</dc:language></cp:coreProperties>`

const documentXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Situation report: northern corridor</w:t></w:r></w:p>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Date:</w:t></w:r><w:r><w:tab/><w:t>4 April 2025</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The envoy met the </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>mediation team</w:t></w:r><w:del w:id="1" w:author="Editor"><w:r><w:delText xml:space="preserve"> DELETED WORDS</w:delText></w:r></w:del><w:ins w:id="2" w:author="Editor"><w:r><w:t xml:space="preserve"> twice</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> in Vienna, on the </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/record" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>record</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:r><w:t>Convoy A: 40 trucks</w:t><w:br/><w:t>Convoy B: held at the border</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Text box: fuel for 3 days</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Text box: fuel for 3 days</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Crossing</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Open</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p/>
<w:p><w:r><w:t>Next meeting: 11 April.</w:t></w:r></w:p>
<w:sectPr/></w:body></w:document>`

func docx(document, core string) []byte {
	return zipOf(map[string][]byte{
		"[Content_Types].xml": []byte(contentTypes),
		"_rels/.rels":         []byte(rels),
		"word/document.xml":   []byte(document),
		"docProps/core.xml":   []byte(core),
	})
}

func zipOf(parts map[string][]byte) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "docProps/core.xml"} {
		data, ok := parts[name]
		if !ok {
			continue
		}
		f, err := w.Create(name)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := f.Write(data); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}

// lyingZip stores data under a header that declares only declared bytes,
// the way a zip bomb hides its size.
func lyingZip(name string, data []byte, declared uint64) []byte {
	var comp bytes.Buffer
	fw, err := flate.NewWriter(&comp, flate.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	fw.Write(data)
	fw.Close()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, err := w.CreateRaw(&zip.FileHeader{
		Name:               name,
		Method:             zip.Deflate,
		CRC32:              crc32.ChecksumIEEE(data),
		CompressedSize64:   uint64(comp.Len()),
		UncompressedSize64: declared,
	})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := f.Write(comp.Bytes()); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}
