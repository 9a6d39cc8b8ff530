package ingest

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Byte-order marks we recognise at the start of a text file.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// sniffLen is how much of a text file is searched for NUL bytes.
const sniffLen = 8 << 10

// readTXT reads a plain-text file.
func readTXT(data []byte) (Document, error) {
	text, err := decodeText(data)
	if err != nil {
		return Document{}, err
	}
	body := Normalize(text)
	if body == "" {
		return Document{}, &Refusal{Reason: reasonNoText}
	}
	return Document{Title: titleOr("", body), Body: body, Format: formatTXT}, nil
}

// decodeText turns the bytes of a text file into a string. A byte-order mark
// decides the encoding; without one the text is UTF-8 when it is valid
// UTF-8 and Windows-1252 otherwise, the encoding older Windows editors save
// in.
func decodeText(data []byte) (string, error) {
	if s, ok, err := decodeBOM(data); ok {
		return s, err
	}
	if hasNUL(data) {
		return "", &Refusal{Reason: reasonNUL}
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	return decodeWindows1252(data), nil
}

// decodeBOM decodes data when it starts with a byte-order mark; ok is false
// when there is none.
func decodeBOM(data []byte) (s string, ok bool, err error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return decodeUTF8(data[len(bomUTF8):]), true, nil
	case bytes.HasPrefix(data, bomUTF16LE):
		s, err := decodeUTF16(data[2:], false)
		return s, true, err
	case bytes.HasPrefix(data, bomUTF16BE):
		s, err := decodeUTF16(data[2:], true)
		return s, true, err
	}
	return "", false, nil
}

// decodeUTF8 keeps valid UTF-8; a file that claims UTF-8 with its mark but is
// not has most likely been damaged, and Windows-1252 is the best guess left.
func decodeUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	return decodeWindows1252(data)
}

func decodeWindows1252(data []byte) string {
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		// Every byte is defined in the decoder's table, so this cannot
		// happen; fall back to marking the bad bytes rather than failing.
		return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
	}
	return string(out)
}

// decodeUTF16 decodes UTF-16 strictly: a text that does not decode cleanly
// is refused rather than imported with holes that excerpts would point into.
func decodeUTF16(data []byte, bigEndian bool) (string, error) {
	if len(data)%2 != 0 {
		return "", &Refusal{Reason: "the text is not valid UTF-16 (it has an odd number of bytes); " +
			"save it again as UTF-8"}
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		lo, hi := data[2*i], data[2*i+1]
		if bigEndian {
			lo, hi = hi, lo
		}
		units[i] = uint16(lo) | uint16(hi)<<8
	}
	if i := brokenSurrogate(units); i >= 0 {
		return "", &Refusal{Reason: fmt.Sprintf("the text is not valid UTF-16 "+
			"(broken surrogate pair at byte %d); save it again as UTF-8", 2+2*i)}
	}
	return string(utf16.Decode(units)), nil
}

// brokenSurrogate returns the index of the first unpaired surrogate, or -1.
func brokenSurrogate(units []uint16) int {
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u >= 0xD800 && u < 0xDC00:
			if i+1 >= len(units) || units[i+1] < 0xDC00 || units[i+1] >= 0xE000 {
				return i
			}
			i++
		case u >= 0xDC00 && u < 0xE000:
			return i
		}
	}
	return -1
}

// hasNUL reports a NUL byte in the first sniffLen bytes: text never has
// one, binary formats nearly always do.
func hasNUL(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), sniffLen)], 0) >= 0
}
