package workspace

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dossier/model"
)

// listWorld is a workspace of actors and documents only, made in the order
// of genActors and genDocuments.
func listWorld(t *testing.T) *Workspace {
	t.Helper()
	ws := mustCreate(t)
	g := &generated{actors: map[string]model.Actor{}, docs: map[string]model.Document{}}
	g.genActors(t, ws.DB)
	g.genDocuments(t, ws.DB)
	return ws
}

// namesState is everything a list import may change.
type namesState struct {
	Actors  []model.Actor
	Docs    []model.Document
	Aliases []model.Alias
	Parties []model.Party
}

func stateOf(t *testing.T, ws *Workspace) namesState {
	t.Helper()
	ctx := context.Background()
	var s namesState
	var err error
	s.Actors, _, err = ws.ListActors(ctx, model.ActorFilter{Page: all})
	must(t, err)
	s.Docs, _, err = ws.ListDocuments(ctx, model.DocumentFilter{Page: all})
	must(t, err)
	s.Aliases, err = ws.AllAliases(ctx)
	must(t, err)
	for _, d := range s.Docs {
		ps, _, err := ws.ListParties(ctx, model.PartyFilter{DocumentID: d.ID, Page: all})
		must(t, err)
		s.Parties = append(s.Parties, ps...)
	}
	return s
}

func sheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	must(t, err)
	defer f.Close()
	rows, err := f.GetRows(sheet)
	must(t, err)
	return rows
}

// Export the actors and documents, import them into an empty workspace,
// export again: the same sheets.
func TestListsRoundTripWorkbook(t *testing.T) {
	ctx := context.Background()
	src := listWorld(t)
	first := filepath.Join(t.TempDir(), "first.xlsx")
	_, err := src.ExportWorkbookFile(ctx, first, ExportOptions{}, nil)
	must(t, err)

	dst := mustCreate(t)
	dry, err := dst.ImportLists(ctx, first, true)
	must(t, err)
	if dry.Created != len(genActors)+len(genDocuments) || dry.Updated+dry.Unchanged+dry.Refused != 0 {
		t.Fatalf("dry run: %+v", dry)
	}
	if s := stateOf(t, dst); len(s.Actors)+len(s.Docs) != 0 {
		t.Fatalf("the dry run changed the workspace")
	}
	if !strings.Contains(strings.Join(dry.Notes, "\n"), `sheet "Excerpts" left aside`) {
		t.Errorf("notes %q, want the other sheets left aside", dry.Notes)
	}
	rep, err := dst.ImportLists(ctx, first, false)
	must(t, err)
	if rep.Created != dry.Created {
		t.Errorf("import created %d, the dry run said %d", rep.Created, dry.Created)
	}
	second := filepath.Join(t.TempDir(), "second.xlsx")
	_, err = dst.ExportWorkbookFile(ctx, second, ExportOptions{}, nil)
	must(t, err)
	for _, sheet := range []string{"Actors", "Documents"} {
		a, b := sheetRows(t, first, sheet), sheetRows(t, second, sheet)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s differ after the round trip:\nfirst  %q\nsecond %q", sheet, a, b)
		}
	}
	// Importing the same file again changes nothing.
	again, err := dst.ImportLists(ctx, second, true)
	must(t, err)
	if again.Unchanged != dry.Created {
		t.Errorf("a second import: %+v", again)
	}
}

func TestListsRoundTripCSV(t *testing.T) {
	ctx := context.Background()
	src := listWorld(t)
	first := filepath.Join(t.TempDir(), "first")
	_, err := src.ExportCSV(ctx, first, ExportOptions{}, nil)
	must(t, err)
	dst := mustCreate(t)
	for _, f := range []string{"actors.csv", "documents.csv"} {
		if _, err := dst.ImportLists(ctx, filepath.Join(first, f), false); err != nil {
			t.Fatal(err)
		}
	}
	second := filepath.Join(t.TempDir(), "second")
	_, err = dst.ExportCSV(ctx, second, ExportOptions{}, nil)
	must(t, err)
	for _, f := range []string{"actors.csv", "documents.csv"} {
		a, _ := os.ReadFile(filepath.Join(first, f))
		b, _ := os.ReadFile(filepath.Join(second, f))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs after the round trip:\n%s\n%s", f, a, b)
		}
	}
}

func TestListsUpdateExisting(t *testing.T) {
	ctx := context.Background()
	ws := listWorld(t)
	csv := "\ufeffName,Kind,Role,Aliases\r\n" +
		"Witkoff,person,Special envoy of the United States,Witkoff; Steve\r\n" + // by alias: no rename
		"Andriy Sybiga,person,Foreign Minister,Sybiga\r\n"
	path := filepath.Join(t.TempDir(), "people.csv")
	must(t, os.WriteFile(path, []byte(csv), 0o644))
	rep, err := ws.ImportLists(ctx, path, false)
	must(t, err)
	if rep.Created != 1 || rep.Updated != 1 {
		t.Fatalf("report %+v", rep)
	}
	wk, _, err := ws.ListActors(ctx, model.ActorFilter{Text: "Steve"})
	must(t, err)
	if len(wk) != 1 || wk[0].Name != "Steve Witkoff" || wk[0].Role != "Special envoy of the United States" {
		t.Errorf("Witkoff after the import: %+v", wk)
	}
	if !reflect.DeepEqual(rep.Rows[0].Names, []string{"Steve", "Steven Witkoff"}) {
		t.Errorf("names changed: %q", rep.Rows[0].Names)
	}
}

// zipBombFile is a workbook whose sheet unpacks to far more than a list.
func zipBombFile(t *testing.T, dir string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	writeBomb(t, zw, "xl/worksheets/sheet1.xml", 110<<20)
	must(t, zw.Close())
	path := filepath.Join(dir, "bomb.xlsx")
	must(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
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

// Hostile and malformed lists are refused with a sentence, and the
// workspace stays as it was.
func TestListsRefusedFiles(t *testing.T) {
	ctx := context.Background()
	ws := listWorld(t)
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	_, err := ws.ExportWorkbookFile(ctx, book, ExportOptions{Tables: nil}, nil)
	must(t, err)
	whole, err := os.ReadFile(book)
	must(t, err)
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, data, 0o644))
		return p
	}
	cases := []struct {
		name, path string
		want       string
		refused    []int // rows refused, when the file is read
	}{
		{"wrong headers", write("list.csv", []byte("Person,Type of thing\nDmitry Peskov,spokesman\n")),
			`list.csv holds no list of actors or documents: no sheet has a header row such as "ID, Name, Kind, Role, Affiliation, Country, Aliases, Description, Notes"`, nil},
		{"duplicate names", write("actors.csv", []byte("Name,Kind\nDmitry Peskov,person\nDMITRY PESKOV,person\n")),
			"actors.csv: import lists: 2 of the 2 rows are refused (each with its reason); nothing was imported", []int{2, 3}},
		{"zip bomb", zipBombFile(t, dir),
			"bomb.xlsx would unpack to more than 100 MB (it may be a zip bomb), so it is not read", nil},
		{"truncated", write("cut.xlsx", whole[:len(whole)*2/3]),
			"cut.xlsx is not a readable .xlsx workbook: it is damaged or cut short", nil},
		{"utf-16", write("utf16.csv", []byte("\xff\xfeN\x00a\x00m\x00e\x00\n\x00")),
			`utf16.csv is UTF-16 text; save it as "CSV UTF-8" (comma delimited) and import that`, nil},
		{"missing", filepath.Join(dir, "nowhere.csv"), "nowhere.csv does not exist", nil},
	}
	before := stateOf(t, ws)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, dryRun := range []bool{true, false} {
				rep, err := ws.ImportLists(ctx, c.path, dryRun)
				if dryRun && c.refused != nil {
					must(t, err) // a dry run reports refusals without failing
				} else if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Errorf("dry run %v: error %v,\nwant %q", dryRun, err, c.want)
				} else if c.name != "missing" && !errors.Is(err, model.ErrInvalid) {
					t.Errorf("error %v is not ErrInvalid", err)
				}
				if rep.Refused != len(c.refused) {
					t.Errorf("dry run %v: %d rows refused, want %d", dryRun, rep.Refused, len(c.refused))
				}
				for _, row := range rep.Rows {
					if row.Action != ListRefuse || !strings.Contains(row.Detail, "more than once (rows 2, 3)") {
						t.Errorf("row %d: %s %q", row.Row, row.Action, row.Detail)
					}
				}
			}
			if after := stateOf(t, ws); !reflect.DeepEqual(before, after) {
				t.Errorf("the workspace changed")
			}
		})
	}
}

// FuzzImportLists runs a dry run of any file against a workspace: it must
// never panic, must fail only with a sentence, and never change anything.
func FuzzImportLists(f *testing.F) {
	f.Add([]byte("Name,Kind,Affiliation,Aliases\nSteve Witkoff,person,United States,Witkoff\nNew One,group,Ukraine,\n"), false)
	f.Add([]byte("Title,Kind,Status,Parties\n20-point plan,plan,signed,Ukraine (signatory); Nobody (author)\n"), false)
	f.Add([]byte("ID,Name\n3,Renamed\n999,Missing\nx,Bad\n"), false)
	f.Add([]byte("\ufeffName;Kind\n'=1+1 Group;group\n"), false)
	f.Add([]byte("\xff\xfe"), false)
	var book bytes.Buffer
	x := excelize.NewFile()
	_ = x.SetSheetName("Sheet1", "Actors")
	_ = x.SetSheetRow("Actors", "A1", &[]any{"ID", "Name", "Kind", "Aliases"})
	_ = x.SetSheetRow("Actors", "A2", &[]any{1, "United States", "state", "US; USA"})
	_, _ = x.WriteTo(&book)
	x.Close()
	f.Add(book.Bytes(), true)
	f.Add(book.Bytes()[:book.Len()/2], true)

	ws, err := Create(filepath.Join(f.TempDir(), "fuzz.dossier"))
	if err != nil {
		f.Fatal(err)
	}
	defer ws.Close()
	g := &generated{actors: map[string]model.Actor{}, docs: map[string]model.Document{}}
	seedNames(f, g, ws)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, workbook bool) {
		name := "list.csv"
		if workbook {
			name = "list.xlsx"
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, before, _ := ws.ListActors(context.Background(), model.ActorFilter{})
		rep, err := ws.ImportLists(context.Background(), path, true)
		if err != nil && !errors.Is(err, model.ErrInvalid) {
			t.Fatalf("error %v is not ErrInvalid", err)
		}
		for _, r := range rep.Rows {
			if r.Action == ListRefuse && r.Detail == "" {
				t.Fatalf("row %d refused without a reason", r.Row)
			}
		}
		if _, after, _ := ws.ListActors(context.Background(), model.ActorFilter{}); after != before {
			t.Fatalf("a dry run changed the number of actors from %d to %d", before, after)
		}
	})
}

// seedNames fills the fuzzing workspace with the generated actors and
// documents.
func seedNames(f *testing.F, g *generated, ws *Workspace) {
	ctx := context.Background()
	for _, ga := range genActors {
		a := model.Actor{Name: ga.name, Kind: model.ActorKind(ga.kind)}
		if err := ws.DB.CreateActor(ctx, &a); err != nil {
			f.Fatal(err)
		}
		g.actors[a.Name] = a
	}
	for _, gd := range genDocuments {
		d := model.Document{Title: gd.title, Kind: model.DocumentKind(gd.kind), Status: model.DocumentStatus(gd.status), Disclosure: model.DisclosurePublic}
		if err := ws.DB.CreateDocument(ctx, &d); err != nil {
			f.Fatal(err)
		}
	}
}
