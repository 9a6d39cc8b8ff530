package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Bounds on what a .docx may unpack to. A Word document's text is a small
// fraction of these; anything beyond is a damaged file or a zip bomb.
const (
	maxZipEntries = 5000
	maxPartSize   = 50 << 20 // word/document.xml
	maxSmallPart  = 1 << 20  // properties and relationships
	// Compression above maxRatio to 1 is refused for parts bigger than
	// ratioFloor; small parts may compress well without harm.
	maxRatio   = 100
	ratioFloor = 10 << 20
)

const reasonNotDOCX = "not a valid .docx file (it is not a Word document archive); save it as .docx from Word"

// openZIP opens a .docx archive after checking that it does not list more
// entries than a document can have: the directory is read whole, so the
// count is checked from the archive's end record first.
func openZIP(data []byte) (*zip.Reader, error) {
	if n, ok := zipEntryCount(data); ok && n > maxZipEntries {
		return nil, refusalTooManyEntries()
	}
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &Refusal{Reason: reasonNotDOCX}
	}
	if len(r.File) > maxZipEntries {
		return nil, refusalTooManyEntries()
	}
	return r, nil
}

func refusalTooManyEntries() error {
	return &Refusal{Reason: fmt.Sprintf("the .docx has more than %d entries; "+
		"it may be a zip bomb and was not opened", maxZipEntries)}
}

// zipEntryCount reads the entry count from the end-of-central-directory
// record; ok is false when there is none or the archive is ZIP64.
func zipEntryCount(data []byte) (int, bool) {
	const eocdLen = 22
	tail := data[max(0, len(data)-eocdLen-0xFFFF):]
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || len(tail)-i < eocdLen {
		return 0, false
	}
	n := binary.LittleEndian.Uint16(tail[i+10:])
	return int(n), n != 0xFFFF
}

// readZipPart inflates one entry, refusing it when its declared size, its
// actual size or its compression ratio is beyond bounds. The actual size
// is counted while inflating, because the declared one can lie.
func readZipPart(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, refusalBomb(f.Name, limit)
	}
	if tooCompressed(f.UncompressedSize64, f.CompressedSize64) {
		return nil, refusalRatio(f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, refusalDamaged(f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if int64(len(data)) > limit {
		return nil, refusalBomb(f.Name, limit)
	}
	if errors.Is(err, zip.ErrFormat) {
		// While inflating, the reader reports ErrFormat only when an
		// entry holds more than its header admits: how zip bombs hide.
		return nil, &Refusal{Reason: fmt.Sprintf("%s holds more data than the archive declares; "+
			"the .docx may be a zip bomb and was not opened", f.Name)}
	}
	if err != nil {
		return nil, refusalDamaged(f.Name, err)
	}
	if tooCompressed(uint64(len(data)), f.CompressedSize64) {
		return nil, refusalRatio(f.Name)
	}
	return data, nil
}

func tooCompressed(size, compressed uint64) bool {
	return size > ratioFloor && size/max(compressed, 1) > maxRatio
}

func refusalBomb(name string, limit int64) error {
	return &Refusal{Reason: fmt.Sprintf("%s expands to more than %d MB; "+
		"the .docx may be a zip bomb and was not opened", name, limit>>20)}
}

func refusalRatio(name string) error {
	return &Refusal{Reason: fmt.Sprintf("%s is compressed more than %d to 1; "+
		"the .docx may be a zip bomb and was not opened", name, maxRatio)}
}

func refusalDamaged(name string, err error) error {
	return &Refusal{Reason: fmt.Sprintf("the .docx is damaged (%s: %v); save it again from Word", name, err)}
}
