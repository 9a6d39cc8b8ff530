package storage

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"dossier/model"
)

// seedDocument stores a presented public plan with the given title.
func seedDocument(tb testing.TB, db *DB, title string) model.Document {
	tb.Helper()
	return seedDocumentOf(tb, db, model.Document{Title: title, Kind: model.DocPlan, Status: model.StatusPresented, Disclosure: model.DisclosurePublic})
}

func seedDocumentOf(tb testing.TB, db *DB, d model.Document) model.Document {
	tb.Helper()
	if err := db.CreateDocument(context.Background(), &d); err != nil {
		tb.Fatalf("create document %q: %v", d.Title, err)
	}
	return d
}

func TestDocumentCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	d := model.Document{Title: "28-point proposal", Kind: model.DocPlan, Status: model.StatusPresented,
		Disclosure: model.DisclosureUndisclosed, Description: "Presented last month.", Notes: "Contents not public."}
	if err := db.CreateDocument(ctx, &d); err != nil {
		t.Fatal(err)
	}
	if d.ID == 0 || len(d.UID) != 36 {
		t.Fatalf("id %d uid %q not filled", d.ID, d.UID)
	}
	got, err := db.Document(ctx, d.ID)
	if err != nil || got != d {
		t.Fatalf("read back %+v, %v; want %+v", got, err, d)
	}
	d.Status, d.Disclosure, d.Notes = model.StatusUnderRevision, model.DisclosureLeaked, "Redrafted."
	if err := db.UpdateDocument(ctx, &d); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Document(ctx, d.ID); got != d {
		t.Fatalf("after update %+v, want %+v", got, d)
	}
	bad := d
	bad.Status = "forgotten"
	wantError(t, db.UpdateDocument(ctx, &bad), model.ErrInvalid, "")
	if err := db.DeleteDocument(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	_, err = db.Document(ctx, d.ID)
	wantError(t, err, model.ErrNotFound, fmt.Sprintf("read document: document %d does not exist", d.ID))
	wantError(t, db.DeleteDocument(ctx, d.ID), model.ErrNotFound, "")
	wantError(t, db.UpdateDocument(ctx, &d), model.ErrNotFound, "")
	mustCheck(t, db)
}

func TestListDocuments(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	p28 := seedDocument(t, db, "28-point proposal")
	seedAlias(t, db, "28-point plan", 0, p28.ID)
	seedDocumentOf(t, db, model.Document{Title: "20-point plan", Kind: model.DocPlan, Status: model.StatusDrafting, Disclosure: model.DisclosurePublic})
	seedDocumentOf(t, db, model.Document{Title: "Security guarantee framework", Kind: model.DocFramework, Status: model.StatusDrafting, Disclosure: model.DisclosureUndisclosed})
	mirny := seedDocumentOf(t, db, model.Document{Title: "Мирный план", Kind: model.DocPlan, Status: model.StatusRumoured, Disclosure: model.DisclosureLeaked})
	seedAlias(t, db, "Peace plan (RU)", 0, mirny.ID)
	seedDocumentOf(t, db, model.Document{Title: "Economic & prosperity plan", Kind: model.DocPlan, Status: model.StatusPresented, Disclosure: model.DisclosurePublic})
	tests := []struct {
		name      string
		filter    model.DocumentFilter
		want      []string
		wantTotal int
	}{
		{"all by title", model.DocumentFilter{}, []string{"20-point plan", "28-point proposal", "Economic & prosperity plan", "Security guarantee framework", "Мирный план"}, 5},
		{"title or alias", model.DocumentFilter{Text: "point plan"}, []string{"20-point plan", "28-point proposal"}, 2},
		{"Cyrillic in any case", model.DocumentFilter{Text: "МИРНЫЙ"}, []string{"Мирный план"}, 1},
		{"Latin alias", model.DocumentFilter{Text: "peace"}, []string{"Мирный план"}, 1},
		{"kind", model.DocumentFilter{Kind: model.DocFramework}, []string{"Security guarantee framework"}, 1},
		{"status", model.DocumentFilter{Status: model.StatusPresented}, []string{"28-point proposal", "Economic & prosperity plan"}, 2},
		{"all three", model.DocumentFilter{Text: "plan", Kind: model.DocPlan, Status: model.StatusDrafting}, []string{"20-point plan"}, 1},
		{"page", model.DocumentFilter{Page: model.Page{Limit: 2, Offset: 1}}, []string{"28-point proposal", "Economic & prosperity plan"}, 5},
		{"nothing", model.DocumentFilter{Text: "minsk"}, []string{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, total, err := db.ListDocuments(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			titles := []string{}
			for _, d := range list {
				titles = append(titles, d.Title)
			}
			if !slices.Equal(titles, tt.want) || total != tt.wantTotal {
				t.Fatalf("got %q (total %d), want %q (total %d)", titles, total, tt.want, tt.wantTotal)
			}
		})
	}
}

func TestDeleteDocument(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	doc, other := seedDocument(t, db, "28-point proposal"), seedDocument(t, db, "20-point plan")
	usa, ua := seedActor(t, db, "United States"), seedActor(t, db, "Ukraine")
	seedAlias(t, db, "28-point plan", 0, doc.ID)
	seedAlias(t, db, "the US plan", 0, doc.ID)
	seedAlias(t, db, "20 points", 0, other.ID)
	for _, p := range []model.Party{
		{DocumentID: doc.ID, ActorID: usa.ID, Role: model.RoleAuthor},
		{DocumentID: doc.ID, ActorID: ua.ID, Role: model.RoleOpponent},
		{DocumentID: other.ID, ActorID: ua.ID, Role: model.RoleAuthor},
	} {
		if err := db.AddParty(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	e := model.StatusEvent{DocumentID: doc.ID, Date: day(2025, 11, 20), Status: model.StatusPresented}
	if err := db.AddStatusEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	article := insertArticleRow(t, db)
	insertRawMention(t, db, article, model.Span{Start: 0, End: 13}, "document_id", doc.ID, model.MentionProposed)
	insertRawMention(t, db, article, model.Span{Start: 20, End: 33}, "document_id", other.ID, model.MentionProposed)
	e1, e2 := insertExcerptIn(t, db, article, 0), insertExcerptIn(t, db, article, 0)
	linkExcerptRow(t, db, "excerpt_documents", e1, doc.ID)
	linkExcerptRow(t, db, "excerpt_documents", e2, doc.ID)
	linkExcerptRow(t, db, "excerpt_documents", e2, other.ID)

	impact, err := db.DocumentDeletionImpact(ctx, doc.ID)
	want := model.DocumentImpact{Aliases: 2, Parties: 2, StatusEvents: 1, Mentions: 1, LinkedExcerpts: 2}
	if err != nil || impact != want {
		t.Fatalf("impact %+v, %v; want %+v", impact, err, want)
	}
	if err := db.DeleteDocument(ctx, doc.ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		table string
		want  int
	}{{"aliases", 1}, {"parties", 1}, {"status_events", 0}, {"mentions", 1}, {"excerpts", 2}, {"excerpt_documents", 1}, {"actors", 2}} {
		if got := countRows(t, db, "SELECT count(*) FROM "+c.table); got != c.want {
			t.Errorf("%s: %d rows left, want %d", c.table, got, c.want)
		}
	}
	_, err = db.DocumentDeletionImpact(ctx, doc.ID)
	wantError(t, err, model.ErrNotFound, "")
	mustCheck(t, db)
}

func TestDocumentsFTS(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	g := seedDocumentOf(t, db, model.Document{Title: "Security guarantee framework", Kind: model.DocFramework,
		Status: model.StatusDrafting, Disclosure: model.DisclosurePublic, Description: "Multilateral guarantees for Ukraine"})
	e := seedDocumentOf(t, db, model.Document{Title: "Économie et prospérité", Kind: model.DocPlan,
		Status: model.StatusRumoured, Disclosure: model.DisclosurePublic})
	r := seedDocument(t, db, "Мирный план")
	for _, tt := range []struct {
		match string
		want  []int64
	}{
		{"guarantee", []int64{g.ID}},
		{"multilateral", []int64{g.ID}},
		{"economie prosperite", []int64{e.ID}},
		{"мирный", []int64{r.ID}},
		{"ПЛАН", []int64{r.ID}},
	} {
		if got := ftsRowids(t, db, "documents_fts", tt.match); !slices.Equal(got, tt.want) {
			t.Errorf("MATCH %q found %v, want %v", tt.match, got, tt.want)
		}
	}
	g.Title, g.Description = "US security guarantee framework", ""
	if err := db.UpdateDocument(ctx, &g); err != nil {
		t.Fatal(err)
	}
	if got := ftsRowids(t, db, "documents_fts", "multilateral"); len(got) != 0 {
		t.Errorf("old description still found: %v", got)
	}
	if got := ftsRowids(t, db, "documents_fts", "us"); !slices.Equal(got, []int64{g.ID}) {
		t.Errorf("new title: %v", got)
	}
	if err := db.DeleteDocument(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if got := ftsRowids(t, db, "documents_fts", "мирный"); len(got) != 0 {
		t.Errorf("deleted document still found: %v", got)
	}
	mustCheck(t, db)
}

func TestMergeDocuments(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	into := seedDocumentOf(t, db, model.Document{Title: "28-point proposal", Kind: model.DocPlan, Status: model.StatusRumoured,
		Disclosure: model.DisclosureUndisclosed, Notes: "Presented last month."})
	from := seedDocumentOf(t, db, model.Document{Title: "28-point plan", Kind: model.DocPlan, Status: model.StatusRumoured,
		Disclosure: model.DisclosureLeaked, Description: "The US draft.", Notes: "Redrafted in Geneva."})
	usa, ru := seedActor(t, db, "United States"), seedActor(t, db, "Russia")
	seedAlias(t, db, "28-point peace plan", 0, from.ID)
	seedAlias(t, db, "the US plan", 0, into.ID)
	for _, p := range []model.Party{
		{DocumentID: into.ID, ActorID: usa.ID, Role: model.RoleAuthor},
		{DocumentID: from.ID, ActorID: usa.ID, Role: model.RoleAuthor},
		{DocumentID: from.ID, ActorID: ru.ID, Role: model.RoleOpponent},
	} {
		if err := db.AddParty(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []model.StatusEvent{
		{DocumentID: into.ID, Date: day(2025, 11, 20), Status: model.StatusPresented},
		{DocumentID: from.ID, Date: day(2025, 11, 10), Status: model.StatusDrafting},
		{DocumentID: from.ID, Date: day(2025, 11, 30), Status: model.StatusUnderRevision},
	} {
		if err := db.AddStatusEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	article := insertArticleRow(t, db)
	insertRawMention(t, db, article, model.Span{Start: 0, End: 13}, "document_id", from.ID, model.MentionConfirmed)
	insertRawMention(t, db, article, model.Span{Start: 0, End: 13}, "document_id", into.ID, model.MentionConfirmed)
	insertRawMention(t, db, article, model.Span{Start: 40, End: 53}, "document_id", from.ID, model.MentionProposed)
	e1, e2 := insertExcerptIn(t, db, article, 0), insertExcerptIn(t, db, article, 0)
	linkExcerptRow(t, db, "excerpt_documents", e1, from.ID)
	linkExcerptRow(t, db, "excerpt_documents", e1, into.ID)
	linkExcerptRow(t, db, "excerpt_documents", e2, from.ID)

	report, err := db.MergeDocuments(ctx, from.ID, into.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := model.MergeReport{AliasesMoved: 1, NameAdded: true, MentionsMoved: 1, MentionsDropped: 1,
		ExcerptLinksMoved: 1, ExcerptLinksDropped: 1, PartiesMoved: 1, PartiesDropped: 1, StatusEventsMoved: 2}
	if report != want {
		t.Fatalf("report %+v\nwant   %+v", report, want)
	}
	got, err := db.Document(ctx, into.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantDoc := into
	wantDoc.Status, wantDoc.Description = model.StatusUnderRevision, "The US draft."
	wantDoc.Notes, wantDoc.UpdatedAt = "Presented last month.\n\nRedrafted in Geneva.", got.UpdatedAt
	if got != wantDoc {
		t.Errorf("survivor %+v\nwant      %+v", got, wantDoc)
	}
	_, err = db.Document(ctx, from.ID)
	wantError(t, err, model.ErrNotFound, "")
	for _, c := range []struct {
		query string
		want  int
	}{
		{"SELECT count(*) FROM aliases WHERE document_id = ?", 3},
		{"SELECT count(*) FROM parties WHERE document_id = ?", 2},
		{"SELECT count(*) FROM status_events WHERE document_id = ?", 3},
		{"SELECT count(*) FROM mentions WHERE document_id = ?", 2},
		{"SELECT count(*) FROM excerpt_documents WHERE document_id = ?", 2},
		{"SELECT count(*) FROM excerpts WHERE ? > 0", 2},
	} {
		if n := countRows(t, db, c.query, into.ID); n != c.want {
			t.Errorf("%s: %d, want %d", c.query, n, c.want)
		}
	}
	if got := ftsRowids(t, db, "documents_fts", "geneva"); !slices.Equal(got, []int64{into.ID}) {
		t.Errorf("appended notes not searchable: %v", got)
	}
	_, err = db.MergeDocuments(ctx, into.ID, into.ID)
	wantError(t, err, model.ErrInvalid, "")
	_, err = db.MergeDocuments(ctx, from.ID, into.ID)
	wantError(t, err, model.ErrNotFound, fmt.Sprintf("merge documents: document %d does not exist", from.ID))
	mustCheck(t, db)
}
