package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"dossier/model"
)

// applicationID marks an SQLite file as a Dossier workspace ("DOSS").
const applicationID = 0x444F5353

// header is what the first page of the file says about it.
type header struct {
	version int // PRAGMA user_version: the schema version
}

// probe reads the file's first 100 bytes, never writing, and refuses
// anything that is not a Dossier workspace this version can open.
func probe(path string) (header, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return header{}, model.NotFoundf("no workspace at %s; create one with `dossier init %s`", path, path)
	}
	if err != nil {
		return header{}, fmt.Errorf("open workspace %s: %w", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return header{}, notWorkspace(path, "it is a folder")
	}
	buf := make([]byte, 100)
	n, err := io.ReadFull(f, buf)
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		return header{}, notWorkspace(path, "the file is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return header{}, notWorkspace(path, "the file is too short to be a database")
	case err != nil:
		return header{}, fmt.Errorf("open workspace %s: %w", path, err)
	}
	if string(buf[:16]) != "SQLite format 3\x00" {
		return header{}, notWorkspace(path, "it is not an SQLite database")
	}
	if app := binary.BigEndian.Uint32(buf[68:72]); app != applicationID {
		return header{}, notWorkspace(path, "it is an SQLite database of another application")
	}
	h := header{version: int(binary.BigEndian.Uint32(buf[60:64]))}
	if h.version > latestVersion() {
		return header{}, newerSchema(path, h.version)
	}
	return h, nil
}

// ErrDamaged marks a workspace whose header is sound but whose content
// SQLite cannot read.
var ErrDamaged = errors.New("damaged workspace")

type damagedError struct {
	path string
	err  error
}

func (e *damagedError) Error() string {
	return fmt.Sprintf("%s is damaged (%v); restore it from a backup copy", e.path, e.err)
}

func (e *damagedError) Is(target error) bool { return target == ErrDamaged }

func damaged(path string, err error) error { return &damagedError{path, err} }

func notWorkspace(path, why string) error {
	return model.Invalidf("%s is not a Dossier workspace (%s); it was left unchanged — choose a workspace file, or create one with `dossier init`", path, why)
}

func newerSchema(path string, version int) error {
	return model.Invalidf("%s was written by a newer Dossier (schema version %d; this Dossier reads up to version %d); it was left unchanged — update Dossier to open it", path, version, latestVersion())
}
