package ingest

import (
	"bytes"
	"encoding/binary"
)

// binaryKind is a file format recognised by its first bytes, with the
// advice the analyst gets when it arrives under a text extension.
type binaryKind struct {
	magic  []byte
	name   string
	advice string
}

const adviceConvert = "convert it to text first"

var binaryKinds = []binaryKind{
	{[]byte("%PDF-"), "a PDF document", "Dossier does not read PDF; copy its text or convert it to text first"},
	{[]byte("\x89PNG\r\n\x1a\n"), "a PNG image", adviceConvert},
	{[]byte("\xFF\xD8\xFF"), "a JPEG image", adviceConvert},
	{[]byte("GIF87a"), "a GIF image", adviceConvert},
	{[]byte("GIF89a"), "a GIF image", adviceConvert},
	{[]byte("PK\x03\x04"), "a ZIP archive", "unpack it and import the files inside"},
	{[]byte("PK\x05\x06"), "a ZIP archive", "unpack it and import the files inside"},
	{[]byte("\x7FELF"), "a program (ELF executable)", adviceConvert},
	{[]byte("\x1F\x8B"), "a gzip archive", "unpack it and import the files inside"},
	{[]byte("7z\xBC\xAF\x27\x1C"), "a 7-Zip archive", "unpack it and import the files inside"},
	{[]byte("Rar!\x1A\x07"), "a RAR archive", "unpack it and import the files inside"},
	{[]byte("SQLite format 3\x00"), "an SQLite database", adviceConvert},
	{[]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), "an old Office file (.doc, .xls or .msg)", "save it as .docx from Word"},
}

// sniffBinary returns the binary format data starts with, or nil.
func sniffBinary(data []byte) *binaryKind {
	for i := range binaryKinds {
		if bytes.HasPrefix(data, binaryKinds[i].magic) {
			return &binaryKinds[i]
		}
	}
	if isPE(data) {
		return &binaryKind{name: "a Windows program", advice: adviceConvert}
	}
	return nil
}

// isPE recognises a Windows executable. "MZ" alone would also match text
// that happens to start with those letters, so the PE header it points to
// must be there too.
func isPE(data []byte) bool {
	if len(data) < 0x40 || !bytes.HasPrefix(data, []byte("MZ")) {
		return false
	}
	off := int64(binary.LittleEndian.Uint32(data[0x3C:]))
	return off+4 <= int64(len(data)) && bytes.Equal(data[off:off+4], []byte("PE\x00\x00"))
}

func (k *binaryKind) reason() string {
	return "the file is " + k.name + ", not text; " + k.advice
}

func (k *binaryKind) isZIP() bool { return bytes.HasPrefix(k.magic, []byte("PK")) }
