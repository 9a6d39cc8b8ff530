package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dossier/model"
)

// xlsxOf makes a workbook of sheets given as rows of text, in order.
func xlsxOf(t testing.TB, sheets ...sheetRows) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellStr(s.name, ref, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type sheetRows struct {
	name string
	rows [][]string
}

func read(t *testing.T, data []byte, name string) *Lists {
	t.Helper()
	l, err := ReadLists(bytes.NewReader(data), name, DefaultListLimits())
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return l
}

func TestReadActorsCSV(t *testing.T) {
	// Semicolons, as many spreadsheets write CSV, synonyms for headers,
	// a quoted cell with the separator in it and a neutralised formula.
	data := "\ufeffFull name;TYPE;Title;Organisation;Nationality;AKA;Comments;Mentions\r\n" +
		"Steve Witkoff;Person;US special envoy;United States;US;\"Witkoff; Steven Witkoff\";\"note; with a semicolon\";12\r\n" +
		"'=1+1;organization;;;;;;\r\n" +
		";;;;;;;\r\n" +
		"  Rustem Umerov  ;person;;;UA;;;\r\n"
	l := read(t, []byte(data), "my actors.csv")
	if len(l.Actors) != 3 || len(l.Documents) != 0 {
		t.Fatalf("%d actors and %d documents, want 3 and 0", len(l.Actors), len(l.Documents))
	}
	want := ActorEntry{Row: 2, Name: "Steve Witkoff", Kind: ptr("Person"), Role: ptr("US special envoy"),
		Affiliation: ptr("United States"), Country: ptr("US"), Aliases: ptr([]string{"Witkoff", "Steven Witkoff"}),
		Notes: ptr("note; with a semicolon")}
	if !reflect.DeepEqual(l.Actors[0], want) {
		t.Errorf("row 2:\n got %+v\nwant %+v", show(l.Actors[0]), show(want))
	}
	if a := l.Actors[1]; a.Name != "=1+1" || *a.Kind != "organisation" || a.Row != 3 {
		t.Errorf("row 3: %+v", show(a))
	}
	if a := l.Actors[2]; a.Name != "Rustem Umerov" || a.Row != 5 {
		t.Errorf("row 5: %+v", show(a))
	}
	if len(l.Notes) != 1 || !strings.Contains(l.Notes[0], "columns left aside: Mentions") {
		t.Errorf("notes %q, want the Mentions column left aside", l.Notes)
	}
}

// show prints the pointers of an entry as their values.
func show(a ActorEntry) map[string]any {
	m := map[string]any{"Row": a.Row, "Problem": a.Problem, "ID": a.ID, "Name": a.Name}
	for k, p := range map[string]*string{"Kind": a.Kind, "Role": a.Role, "Affiliation": a.Affiliation,
		"Country": a.Country, "Description": a.Description, "Notes": a.Notes} {
		if p != nil {
			m[k] = *p
		}
	}
	if a.Aliases != nil {
		m["Aliases"] = *a.Aliases
	}
	return m
}

func TestReadDocumentsWorkbook(t *testing.T) {
	data := xlsxOf(t, sheetRows{"Plans", [][]string{
		{"Tracked documents, December"}, // a title above the header
		{},
		{"Document ID", "Document", "Type", "State", "Parties", "Alias"},
		{"3", "20-point plan", "plan", "under_revision", "Steve Witkoff (proposer); Ukraine (signatory); Nobody", "20-point peace plan"},
		{"x", "28-point proposal", "plan", "presented", "", ""},
	}})
	l := read(t, data, "plans.xlsx")
	if len(l.Documents) != 2 {
		t.Fatalf("%d documents, want 2", len(l.Documents))
	}
	d := l.Documents[0]
	if d.Row != 4 || d.ID != 3 || d.Title != "20-point plan" || *d.Status != "under_revision" || *d.Kind != "plan" {
		t.Errorf("row 4: %+v", d)
	}
	wantParties := []PartyEntry{{"Steve Witkoff", "proposer"}, {"Ukraine", "signatory"}, {"Nobody", ""}}
	if d.Parties == nil || !reflect.DeepEqual(*d.Parties, wantParties) {
		t.Errorf("parties %+v, want %+v", d.Parties, wantParties)
	}
	if p := l.Documents[1].Problem; !strings.Contains(p, `the ID "x" is not a whole number`) {
		t.Errorf("row 5: problem %q, want the bad ID", p)
	}
}

// A workbook Dossier exported: only its Actors and Documents sheets are
// lists; the rest are left aside with a note.
func TestReadExportedWorkbook(t *testing.T) {
	src := sampleSource(2)
	data, _ := mustWorkbook(t, src, Options{})
	l := read(t, data, "export.xlsx")
	if len(l.Actors) != len(src.actors) || len(l.Documents) != len(src.documents) {
		t.Fatalf("%d actors and %d documents, want %d and %d", len(l.Actors), len(l.Documents), len(src.actors), len(src.documents))
	}
	a := l.Actors[0]
	if a.ID != 1 || a.Name != "Steve Witkoff" || !reflect.DeepEqual(*a.Aliases, []string{"Witkoff", "Steven Witkoff"}) {
		t.Errorf("actor 1: %+v", show(a))
	}
	if l.Actors[1].Name != `=HYPERLINK("x")` {
		t.Errorf("actor 2 named %q", l.Actors[1].Name)
	}
	d := l.Documents[0]
	if d.Title != "20-point plan" || *d.Status != "under revision" || !reflect.DeepEqual(*d.Parties, []PartyEntry{{"Steve Witkoff", "proposer"}}) {
		t.Errorf("document 1: %+v", d)
	}
	joined := strings.Join(l.Notes, "\n")
	for _, want := range []string{"columns left aside: Affiliation ID, Mentions, Excerpts spoken, First seen, Last seen", "Status since"} {
		if !strings.Contains(joined, want) {
			t.Errorf("notes lack %q:\n%s", want, joined)
		}
	}
}

// zipBomb is a workbook whose one sheet unpacks to far more than a list.
func zipBomb(t testing.TB, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	writeBomb(t, zw, "xl/worksheets/sheet1.xml", size)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The bomb is a well-formed zip that does unpack to its size.
func TestZipBombIsReal(t *testing.T) {
	data := zipBomb(t, 8<<20)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, r)
	if err != nil || n != 8<<20 || len(data) > 64<<10 {
		t.Errorf("the bomb unpacks to %d bytes (%v) from %d", n, err, len(data))
	}
}

// writeBomb adds an entry of size bytes of spaces to zw, far more than a
// list, compressed to about a thousandth. The compressed data repeat one
// deflated megabyte (its blocks do not reach back before it), so that
// making the bomb costs little.
func writeBomb(t testing.TB, zw *zip.Writer, name string, size int) {
	t.Helper()
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	var block bytes.Buffer
	fw, err := flate.NewWriter(&block, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(chunk); err != nil {
		t.Fatal(err)
	}
	if err := fw.Flush(); err != nil { // ends the blocks without ending the stream
		t.Fatal(err)
	}
	var data bytes.Buffer
	sum := crc32.NewIEEE()
	n := size / len(chunk)
	for range n {
		data.Write(block.Bytes())
		sum.Write(chunk)
	}
	data.Write([]byte{0x03, 0x00}) // an empty last block
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: sum.Sum32(),
		CompressedSize64: uint64(data.Len()), UncompressedSize64: uint64(n * len(chunk))})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data.Bytes()); err != nil {
		t.Fatal(err)
	}
}

func TestReadListsRefuses(t *testing.T) {
	good := xlsxOf(t, sheetRows{"Actors", [][]string{{"Name", "Kind"}, {"A", "person"}}})
	small := DefaultListLimits()
	small.Rows = 2
	cases := []struct {
		name string
		file string
		data []byte
		lim  ListLimits
		want string
	}{
		{"empty", "a.csv", []byte("\ufeff \r\n"), DefaultListLimits(), "a.csv is empty"},
		{"utf-16", "a.csv", []byte("\xff\xfeN\x00a\x00m\x00e\x00"), DefaultListLimits(),
			`a.csv is UTF-16 text; save it as "CSV UTF-8" (comma delimited) and import that`},
		{"xls", "a.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), DefaultListLimits(),
			"a.xls is an old-style .xls workbook or a password-protected one"},
		{"truncated", "a.xlsx", good[:len(good)/2], DefaultListLimits(),
			"a.xlsx is not a readable .xlsx workbook: it is damaged or cut short"},
		{"not a workbook", "a.xlsx", []byte("Name,Kind\nA,person\n"), DefaultListLimits(),
			"a.xlsx is not an .xlsx workbook (it does not start as one)"},
		{"zip bomb", "a.xlsx", zipBomb(t, 110<<20), DefaultListLimits(),
			"a.xlsx would unpack to more than 100 MB (it may be a zip bomb), so it is not read"},
		{"too large", "a.csv", bytes.Repeat([]byte("a,b\n"), 6<<20), DefaultListLimits(),
			"a.csv is larger than 20 MB"},
		{"wrong headers", "list.csv", []byte("Person,Thing\nA,B\n"), DefaultListLimits(),
			`list.csv holds no list of actors or documents: no sheet has a header row such as`},
		{"no name column", "actors.csv", []byte("Kind,Role\nperson,envoy\n"), DefaultListLimits(),
			"actors.csv has no Name column; its header row (row 1) reads: Kind, Role; write one such as: ID, Name, Kind"},
		{"same column twice", "actors.csv", []byte("Name,Actor\nA,B\n"), DefaultListLimits(),
			`actors.csv: the columns "Name" and "Actor" mean the same thing; keep one of them`},
		{"ambiguous", "list.csv", []byte("Name,Kind\nA,person\n"), DefaultListLimits(),
			"list.csv: cannot tell from its header row (row 1) whether it lists actors or documents"},
		{"not utf-8", "actors.csv", []byte("Name,Kind\nJos\xe9,person\n"), DefaultListLimits(),
			`actors.csv is not UTF-8 text (line 2); save it as "CSV UTF-8" and import that`},
		{"bad quotes", "actors.csv", []byte("Name,Kind\n\"A,person\nB\"x,person\n"), DefaultListLimits(),
			"actors.csv is not well-formed CSV: line 3"},
		{"too many rows", "actors.csv", []byte("Name\nA\nB\nC\n"), small,
			"actors.csv has more than 2 rows; split the list and import it in parts"},
		{"history file", "document-history.csv", []byte("ID,Document ID,Document,Date,Status\n1,1,X,2025-01-01,agreed\n"), DefaultListLimits(),
			"document-history.csv holds no list of actors or documents"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := ReadLists(bytes.NewReader(c.data), c.file, c.lim)
			if err == nil {
				t.Fatalf("read: %+v, want an error", l)
			}
			if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q,\nwant ErrInvalid containing %q", err, c.want)
			}
		})
	}
}

func FuzzReadLists(f *testing.F) {
	f.Add([]byte("Name,Kind,Aliases\nSteve Witkoff,person,Witkoff; Steven\n"), false)
	f.Add([]byte("Title;Kind;Status;Parties\n20-point plan;plan;presented;A (author)\n"), false)
	f.Add([]byte("\ufeffID,Name\n1,\"x\ny\"\n"), false)
	f.Add([]byte("\xff\xfeN\x00"), false)
	f.Add(xlsxOf(f, sheetRows{"Actors", [][]string{{"ID", "Name", "Kind"}, {"1", "A", "person"}}}), true)
	f.Add(xlsxOf(f, sheetRows{"Documents", [][]string{{"Title", "Parties"}, {"P", "A (x); B"}}}), true)
	book := xlsxOf(f, sheetRows{"Sheet", [][]string{{"Name", "Role"}, {"A", "B"}}})
	f.Add(book[:len(book)-30], true)
	f.Fuzz(func(t *testing.T, data []byte, workbook bool) {
		name := "actors.csv"
		if workbook {
			name = "list.xlsx"
		}
		lim := DefaultListLimits()
		lim.UnzipBytes = 4 << 20
		l, err := ReadLists(bytes.NewReader(data), name, lim)
		if err != nil {
			if !errors.Is(err, model.ErrInvalid) {
				t.Fatalf("error %v is not ErrInvalid", err)
			}
			return
		}
		for _, a := range l.Actors {
			if a.Name == "" && a.Problem == "" {
				t.Fatalf("row %d has no name and no problem", a.Row)
			}
		}
		for _, d := range l.Documents {
			if d.Title == "" && d.Problem == "" {
				t.Fatalf("row %d has no title and no problem", d.Row)
			}
		}
	})
}
