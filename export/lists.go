package export

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"dossier/model"
)

// Analysts keep lists of actors and documents in spreadsheets; ReadLists
// reads them back from an .xlsx workbook or a CSV file. The files come
// from anywhere, so every size is bounded before anything is unpacked, and
// a file that cannot be read is refused with a sentence that says why.
// ReadLists only reads: what the rows mean for the workspace (create,
// update, refuse) is decided where the workspace is at hand.

// ActorEntry is one row of a list of actors. A nil field means the list
// has no such column: an existing actor keeps what it has there. A
// present field holds the cell, trimmed (empty clears the field).
type ActorEntry struct {
	Row     int    // the row in its sheet or file, the header row counted
	Problem string // why the row cannot be read, or ""
	ID      int64  // 0 when not given
	UID     string
	Name    string
	Kind    *string
	Role    *string
	// Affiliation is the name (or an alias) of the actor this one belongs to.
	Affiliation *string
	Country     *string
	Description *string
	Notes       *string
	Aliases     *[]string
}

// DocumentEntry is one row of a list of documents, read as ActorEntry is.
type DocumentEntry struct {
	Row         int
	Problem     string
	ID          int64
	UID         string
	Title       string
	Kind        *string
	Status      *string
	Disclosure  *string
	Description *string
	Notes       *string
	Aliases     *[]string
	Parties     *[]PartyEntry
}

// PartyEntry is a party as a list writes it: "Name (role)".
type PartyEntry struct {
	Actor string
	Role  string // as written; empty when the list gives none
}

// Lists is what a file holds.
type Lists struct {
	Actors    []ActorEntry
	Documents []DocumentEntry
	// Notes say what was left aside: sheets that hold no list, columns
	// that mean nothing to the import.
	Notes []string
}

// ListLimits bound what ReadLists accepts.
type ListLimits struct {
	FileBytes  int64 // the file as stored
	UnzipBytes int64 // a workbook once unpacked
	Entries    int   // files inside a workbook
	Rows       int   // rows of lists, over all sheets
	Columns    int   // cells in a row
}

// DefaultListLimits are generous for lists typed by people and small
// enough that a hostile file cannot exhaust the machine.
func DefaultListLimits() ListLimits {
	return ListLimits{FileBytes: 20 << 20, UnzipBytes: 100 << 20, Entries: 10_000, Rows: 100_000, Columns: 500}
}

// Signatures that tell a file's format whatever its name says.
var (
	zipMagic   = []byte("PK\x03\x04")
	oleMagic   = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// ReadLists reads the lists of actors and documents in a file: a workbook
// (by its content, whatever its name) or CSV. name is the file's name, for
// messages and as a hint of what a CSV file lists ("actors.csv"). Every
// error is of kind model.ErrInvalid and names the file.
func ReadLists(r io.Reader, name string, lim ListLimits) (*Lists, error) {
	data, err := io.ReadAll(io.LimitReader(r, lim.FileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > lim.FileBytes {
		return nil, model.Invalidf("%s is larger than %d MB; a list of actors or documents is far smaller, so it is not read", name, lim.FileBytes>>20)
	}
	if err := sniff(data, name); err != nil {
		return nil, err
	}
	var grids []grid
	if bytes.HasPrefix(data, zipMagic) {
		grids, err = readWorkbookGrids(data, name, lim)
	} else {
		grids, err = readCSVGrid(data, name, lim)
	}
	if err != nil {
		return nil, err
	}
	return readGrids(grids, name, lim)
}

// sniff refuses the formats that cannot be lists, each with what to do.
func sniff(data []byte, name string) error {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0:
		return model.Invalidf("%s is empty", name)
	case bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM):
		return model.Invalidf("%s is UTF-16 text; save it as \"CSV UTF-8\" (comma delimited) and import that", name)
	case bytes.HasPrefix(data, oleMagic):
		return model.Invalidf("%s is an old-style .xls workbook or a password-protected one; save it as an unprotected .xlsx workbook or as CSV UTF-8", name)
	case ext == ".xlsx" && !bytes.HasPrefix(data, zipMagic):
		return model.Invalidf("%s is not an .xlsx workbook (it does not start as one); it may be damaged, or another kind of file renamed", name)
	case ext == ".xls" || ext == ".ods" || ext == ".numbers":
		return model.Invalidf("%s is not a format Dossier reads; save it as an .xlsx workbook or as CSV UTF-8", name)
	}
	return nil
}

// grid is a sheet or a CSV file as rows of text.
type grid struct {
	name string // the sheet's name, or the file's
	hint listKind
	rows []gridRow
}

type gridRow struct {
	n     int // 1-based
	cells []string
}

func (r gridRow) empty() bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
