package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
)

// Hyperlinks are added while the workbook is saved rather than through
// excelize: its SetCellHyperLink looks through every link of the sheet (and
// its relationships) for each new one, which makes tens of thousands of
// links take minutes. linkingZip is the zip writer excelize saves through:
// it passes every entry straight on to the output, except that it writes a
// <hyperlinks> element into each linked sheet after <sheetData>, and one
// relationship per web address into that sheet's relationships.
//
// It also keeps the saved workbook out of memory: excelize's WriteTo
// gathers the whole zip in a buffer before writing it, but through this
// writer every entry goes to the output as excelize produces it.

const (
	hyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
	linkIDPrefix  = "rIdLink"
	// maxTail bounds what a sheet holds after its rows, and a sheet's
	// relationships, which are held in memory while links are added.
	maxTail = 64 << 20
)

// afterHyperlinks are the elements that may follow <hyperlinks> in a
// worksheet, in the order the schema gives.
var afterHyperlinks = []string{"<printOptions", "<pageMargins", "<pageSetup", "<headerFooter", "<rowBreaks",
	"<colBreaks", "<customProperties", "<cellWatches", "<ignoredErrors", "<smartTags", "<drawing",
	"<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls",
	"<webPublishItems", "<tableParts", "<extLst", "</worksheet>"}

// sheetDataEnd closes the rows of a sheet. The text of cells is escaped,
// so it cannot hold this.
var sheetDataEnd = []byte("</sheetData>")

// linkingZip is an excelize.ZipWriter that adds hyperlinks on the way.
type linkingZip struct {
	zw      *zip.Writer
	byPart  map[string][]hyperlink // linked sheets by entry name
	open    entryEnd               // finishes the entry being written
	done    map[string]bool        // linked sheets and relationships written
	relsFor map[string]string      // relationships entry → its sheet's entry
}

// entryEnd finishes an entry once excelize has written all of it.
type entryEnd func() error

// newLinkingZip writes to w; parts maps sheet names to their entries.
func newLinkingZip(w io.Writer, links map[string][]hyperlink, parts map[string]string) (*linkingZip, error) {
	z := &linkingZip{zw: zip.NewWriter(w), byPart: map[string][]hyperlink{}, done: map[string]bool{},
		relsFor: map[string]string{}}
	for sheet, l := range links {
		if len(l) == 0 {
			continue
		}
		part, ok := parts[sheet]
		if !ok {
			return nil, fmt.Errorf("add links: the workbook has no sheet %q", sheet)
		}
		z.byPart[part] = l
		z.relsFor[relsOf(part)] = part
	}
	return z, nil
}

// Create starts an entry, finishing the one before.
func (z *linkingZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	w, err := z.zw.Create(name)
	if err != nil {
		return nil, err
	}
	if links := z.byPart[name]; len(links) > 0 {
		s := &sheetLinker{out: w, links: links}
		z.open, z.done[name] = s.finish, true
		return s, nil
	}
	if sheet, ok := z.relsFor[name]; ok {
		r := &tailWriter{}
		z.open, z.done[name] = func() error { return writeRelsLinks(w, r.buf.Bytes(), z.byPart[sheet]) }, true
		return r, nil
	}
	return w, nil
}

func (z *linkingZip) finish() error {
	if z.open == nil {
		return nil
	}
	end := z.open
	z.open = nil
	return end()
}

// AddFS is part of excelize's interface; the workbook has no files to add.
func (z *linkingZip) AddFS(fsys fs.FS) error { return z.zw.AddFS(fsys) }

// Close finishes the last entry, writes the relationships of linked
// sheets that had none, and checks that every linked sheet was written.
func (z *linkingZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	for part, links := range z.byPart {
		if !z.done[part] {
			return fmt.Errorf("add links: the workbook has no entry %s", part)
		}
		if z.done[relsOf(part)] || !hasWebLink(links) {
			continue
		}
		w, err := z.zw.Create(relsOf(part))
		if err != nil {
			return err
		}
		empty := xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`
		if err := writeRelsLinks(w, []byte(empty), links); err != nil {
			return err
		}
	}
	return z.zw.Close()
}

// relsOf is the relationships entry of a sheet's entry.
func relsOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// sheetParts maps each sheet's name to its entry in the saved workbook.
// excelize names a sheet's entry by its sheet id, and keeps that name when
// the sheet is renamed; linkingZip.Close fails if this ever changes.
func sheetParts(ids map[int]string) map[string]string {
	out := map[string]string{}
	for id, name := range ids {
		out[name] = "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml"
	}
	return out
}

// sheetLinker passes a sheet through, its rows as they come, and keeps
// what follows </sheetData> to add the links to it at the end.
type sheetLinker struct {
	out   io.Writer
	links []hyperlink
	found bool
	carry []byte // the end of the last write, which may begin the marker
	buf   []byte
	tail  tailWriter
}

func (s *sheetLinker) Write(p []byte) (int, error) {
	if s.found {
		return s.tail.Write(p)
	}
	s.buf = append(append(s.buf[:0], s.carry...), p...)
	if i := bytes.Index(s.buf, sheetDataEnd); i >= 0 {
		end := i + len(sheetDataEnd)
		s.found = true
		if _, err := s.out.Write(s.buf[:end]); err != nil {
			return 0, err
		}
		if _, err := s.tail.Write(s.buf[end:]); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	keep := min(len(s.buf), len(sheetDataEnd)-1)
	if _, err := s.out.Write(s.buf[:len(s.buf)-keep]); err != nil {
		return 0, err
	}
	s.carry = append(s.carry[:0], s.buf[len(s.buf)-keep:]...)
	return len(p), nil
}

// finish writes the links where the schema wants them, after the elements
// that follow <sheetData> and come before <hyperlinks>, and the rest.
func (s *sheetLinker) finish() error {
	if !s.found {
		return fmt.Errorf("add links: the sheet has no %s", sheetDataEnd)
	}
	tail := s.tail.buf.Bytes()
	if bytes.Contains(tail, []byte("<hyperlinks")) {
		return fmt.Errorf("add links: the sheet has hyperlinks already")
	}
	at := len(tail)
	for _, tag := range afterHyperlinks {
		if i := bytes.Index(tail, []byte(tag)); i >= 0 && i < at {
			at = i
		}
	}
	if _, err := s.out.Write(tail[:at]); err != nil {
		return err
	}
	if err := writeHyperlinks(s.out, s.links); err != nil {
		return err
	}
	_, err := s.out.Write(tail[at:])
	return err
}

// tailWriter holds a short piece of a workbook in memory.
type tailWriter struct{ buf bytes.Buffer }

func (t *tailWriter) Write(p []byte) (int, error) {
	if t.buf.Len()+len(p) > maxTail {
		return 0, fmt.Errorf("add links: more than %d bytes to hold", maxTail)
	}
	return t.buf.Write(p)
}

// writeHyperlinks writes the <hyperlinks> element: a place in the workbook
// directly, a web address through a relationship numbered in link order.
func writeHyperlinks(w io.Writer, links []hyperlink) error {
	ew := &errWriter{w: w}
	ew.str("<hyperlinks>")
	external := 0
	for _, h := range links {
		ew.str(`<hyperlink ref="`)
		ew.esc(h.ref)
		if h.url != "" {
			external++
			ew.str(`" r:id="` + linkIDPrefix + strconv.Itoa(external))
		} else {
			ew.str(`" location="`)
			ew.esc(h.location)
		}
		ew.str(`"/>`)
	}
	ew.str("</hyperlinks>")
	return ew.err
}

// writeRelsLinks writes a sheet's relationships with one more for each
// web address among the links.
func writeRelsLinks(w io.Writer, rels []byte, links []hyperlink) error {
	end := bytes.LastIndex(rels, []byte("</Relationships>"))
	if end < 0 {
		return fmt.Errorf("add links: the sheet's relationships do not end")
	}
	ew := &errWriter{w: w}
	ew.bytes(rels[:end])
	external := 0
	for _, h := range links {
		if h.url == "" {
			continue
		}
		external++
		ew.str(`<Relationship Id="` + linkIDPrefix + strconv.Itoa(external) + `" Type="` + hyperlinkType + `" Target="`)
		ew.esc(h.url)
		ew.str(`" TargetMode="External"/>`)
	}
	ew.bytes(rels[end:])
	return ew.err
}

func hasWebLink(links []hyperlink) bool {
	for _, h := range links {
		if h.url != "" {
			return true
		}
	}
	return false
}

// errWriter writes until the first error and keeps it.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) str(s string) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}

func (e *errWriter) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

// esc writes s escaped for an XML attribute.
func (e *errWriter) esc(s string) {
	if e.err == nil {
		e.err = xml.EscapeText(e.w, []byte(s))
	}
}
