package ingest

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ReadFile reads the file at path into a Document. The size is checked
// before a byte is read, so an oversized file costs nothing. A file ingest
// will not import comes back as a *Refusal; trouble opening or reading it
// comes back as an ordinary error.
func ReadFile(path string) (Document, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Document{}, fmt.Errorf("read %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return Document{}, refuse(path, "not a regular file; import the files it holds instead")
	}
	if info.Size() > MaxFileSize {
		return Document{}, refuse(path, "%s", reasonTooBig(info.Size()))
	}
	data, err := readAtMost(path, MaxFileSize+1, info.Size())
	if err != nil {
		return Document{}, fmt.Errorf("read %s: %w", path, err)
	}
	doc, err := ReadBytes(path, data)
	return doc, withPath(err, path)
}

// readAtMost reads up to n bytes, guarding against a file that grows
// between the size check and the read. size, the size the check saw, lets
// the buffer be made once instead of grown as the file is read.
func readAtMost(path string, n, size int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := bytes.NewBuffer(make([]byte, 0, min(size, n)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, n))
	return buf.Bytes(), err
}

// ReadBytes reads the contents of a file called name. The extension
// (case-insensitive) picks the reader; the content is checked against it,
// so an image or archive renamed to .txt is refused rather than imported
// as garbage.
func ReadBytes(name string, data []byte) (Document, error) {
	doc, err := readBytes(name, data)
	if err != nil {
		return Document{}, withPath(err, name)
	}
	return doc, nil
}

func readBytes(name string, data []byte) (Document, error) {
	if len(data) > MaxFileSize {
		return Document{}, &Refusal{Reason: reasonTooBig(int64(len(data)))}
	}
	format, ok := formatOf(name)
	if !ok {
		return Document{}, &Refusal{Reason: reasonUnsupported(name)}
	}
	if kind := sniffBinary(data); kind != nil && !(format == formatDOCX && kind.isZIP()) {
		return Document{}, &Refusal{Reason: kind.reason()}
	}
	switch format {
	case formatTXT:
		return readTXT(data)
	case formatMD:
		return readMD(data)
	case formatHTML:
		return readHTML(data)
	case formatDOCX:
		return readDOCX(data)
	default:
		return readEML(data)
	}
}

func reasonUnsupported(name string) string {
	const known = "Dossier reads .txt, .md, .html, .docx and .eml files"
	ext := filepath.Ext(name)
	if ext == "" {
		return "the file has no extension, so its type is unknown; " + known
	}
	switch strings.ToLower(ext) {
	case ".doc", ".rtf", ".odt", ".pages":
		return "unsupported file type " + ext + "; save it as .docx from your word processor"
	case ".pdf":
		return "unsupported file type .pdf; copy its text or convert it to text first"
	}
	return "unsupported file type " + ext + "; " + known
}

// FromPaste makes a Document of text the analyst pasted; its first line is
// the title.
func FromPaste(text string) (Document, error) {
	body := Normalize(text)
	if body == "" {
		return Document{}, &Refusal{Path: "", Reason: reasonNoText}
	}
	return Document{Title: titleOr("", body), Body: body, Format: formatPaste}, nil
}
