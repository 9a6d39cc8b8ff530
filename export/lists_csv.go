package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"dossier/model"
)

// readCSVGrid reads a CSV file: UTF-8 (with or without a byte order mark),
// separated by commas, or by semicolons or tabs as spreadsheets in many
// languages write them; quotes as RFC 4180 says. The quote that CSV export
// puts before a formula-like text is taken off.
func readCSVGrid(data []byte, name string, lim ListLimits) ([]grid, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if err := checkCSVText(data, name); err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sniffDelimiter(data)
	r.FieldsPerRecord = -1
	g := grid{name: filepath.Base(name), hint: fileHint(name)}
	for n := 1; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		if len(rec) > lim.Columns {
			return nil, model.Invalidf("%s: row %d has %d cells; a list has far fewer columns, so it is not read", name, n, len(rec))
		}
		for i, c := range rec {
			rec[i] = Unneutralise(c)
		}
		row := gridRow{n: n, cells: rec}
		if row.empty() {
			continue
		}
		if len(g.rows) >= lim.Rows {
			return nil, tooManyRows(name, lim)
		}
		g.rows = append(g.rows, row)
	}
	return []grid{g}, nil
}

// checkCSVText refuses what is not UTF-8 text, naming the line.
func checkCSVText(data []byte, name string) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return model.Invalidf("%s holds binary data (line %d), not CSV text", name, lineAt(data, i))
	}
	if utf8.Valid(data) {
		return nil
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return model.Invalidf("%s is not UTF-8 text (line %d); save it as \"CSV UTF-8\" and import that", name, lineAt(data, i))
		}
		i += size
	}
	return nil
}

func lineAt(data []byte, i int) int { return bytes.Count(data[:i], []byte("\n")) + 1 }

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return model.Invalidf("%s is not well-formed CSV: line %d, column %d: %v", name, pe.Line, pe.Column, pe.Err)
	}
	return model.Invalidf("%s is not well-formed CSV: %v", name, err)
}

// sniffDelimiter picks the separator that the first line uses most.
func sniffDelimiter(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	best, count := ',', bytes.Count(line, []byte(","))
	for _, d := range []rune{';', '\t'} {
		if n := bytes.Count(line, []byte(string(d))); n > count {
			best, count = d, n
		}
	}
	return best
}

// fileHint tells a list by its file's name: "actors.csv", "documents.csv";
// the other files of a CSV export are no lists.
func fileHint(name string) listKind {
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)))
	if otherTable(base) {
		return notList
	}
	switch {
	case strings.Contains(base, "actor") || strings.Contains(base, "people"):
		return actorList
	case strings.Contains(base, "document"):
		return documentList
	}
	return noList
}

// otherTable reports whether a sheet or file name is that of a table
// Dossier exports other than actors and documents.
func otherTable(name string) bool {
	name = strings.ReplaceAll(name, "-", " ")
	if name == summarySheet || strings.EqualFold(name, summarySheet) {
		return true
	}
	t, err := ParseTable(name)
	return err == nil && t != Actors && t != Documents
}
