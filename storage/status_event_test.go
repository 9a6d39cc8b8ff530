package storage

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"dossier/model"
)

func TestStatusEventCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	doc := seedDocument(t, db, "28-point proposal")
	evidence := insertExcerptRow(t, db)
	e := model.StatusEvent{DocumentID: doc.ID, Date: day(2025, 11, 20), Status: model.StatusPresented,
		Note: "Presented to Kyiv", EvidenceExcerptID: evidence}
	if err := db.AddStatusEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if e.ID == 0 || len(e.UID) != 36 {
		t.Fatalf("id %d uid %q not filled", e.ID, e.UID)
	}
	got, err := db.StatusEvent(ctx, e.ID)
	if err != nil || got != e {
		t.Fatalf("read back %+v, %v; want %+v", got, err, e)
	}
	e.Note, e.EvidenceExcerptID = "Presented in Geneva", 0
	if err := db.UpdateStatusEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.StatusEvent(ctx, e.ID); got != e {
		t.Fatalf("after update %+v, want %+v", got, e)
	}
	for _, bad := range []model.StatusEvent{
		{DocumentID: 99, Date: day(2025, 11, 1), Status: model.StatusDrafting},
		{DocumentID: doc.ID, Date: day(2025, 11, 1), Status: model.StatusDrafting, EvidenceExcerptID: 99},
		{DocumentID: doc.ID, Status: model.StatusDrafting},
	} {
		wantError(t, db.AddStatusEvent(ctx, &bad), model.ErrInvalid, "")
	}
	if err := db.DeleteStatusEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	_, err = db.StatusEvent(ctx, e.ID)
	wantError(t, err, model.ErrNotFound, fmt.Sprintf("read status event: status event %d does not exist", e.ID))
	wantError(t, db.DeleteStatusEvent(ctx, e.ID), model.ErrNotFound, "")
	wantError(t, db.UpdateStatusEvent(ctx, &e), model.ErrNotFound, "")
	mustCheck(t, db)
}

// TestStatusFollowsLatestEvent walks a document's history step by step: the
// status is always that of the event with the latest date, the last added
// among events of the same date, and stays when no event is left.
func TestStatusFollowsLatestEvent(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	doc := seedDocumentOf(t, db, model.Document{Title: "28-point proposal", Kind: model.DocPlan, Status: model.StatusRumoured, Disclosure: model.DisclosureLeaked})
	events := map[string]*model.StatusEvent{}
	add := func(name string, d model.StatusEvent) func() error {
		return func() error {
			d.DocumentID = doc.ID
			events[name] = &d
			return db.AddStatusEvent(ctx, &d)
		}
	}
	edit := func(name string, change func(*model.StatusEvent)) func() error {
		return func() error {
			change(events[name])
			return db.UpdateStatusEvent(ctx, events[name])
		}
	}
	remove := func(name string) func() error {
		return func() error { return db.DeleteStatusEvent(ctx, events[name].ID) }
	}
	steps := []struct {
		name string
		do   func() error
		want model.DocumentStatus
	}{
		{"first event", add("presented", model.StatusEvent{Date: day(2025, 11, 20), Status: model.StatusPresented}), model.StatusPresented},
		{"an earlier event", add("drafting", model.StatusEvent{Date: day(2025, 11, 10), Status: model.StatusDrafting}), model.StatusPresented},
		{"same date, added later", add("revision", model.StatusEvent{Date: day(2025, 11, 20), Status: model.StatusUnderRevision}), model.StatusUnderRevision},
		{"moved back in time", edit("revision", func(e *model.StatusEvent) { e.Date = day(2025, 11, 1) }), model.StatusPresented},
		{"moved forward, new status", edit("drafting", func(e *model.StatusEvent) { e.Date, e.Status = day(2025, 12, 1), model.StatusRejected }), model.StatusRejected},
		{"latest deleted", remove("drafting"), model.StatusPresented},
		{"next latest deleted", remove("presented"), model.StatusUnderRevision},
		{"last deleted: status stays", remove("revision"), model.StatusUnderRevision},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		got, err := db.Document(ctx, doc.ID)
		if err != nil || got.Status != s.want {
			t.Fatalf("%s: status %q (%v), want %q", s.name, got.Status, err, s.want)
		}
	}
	mustCheck(t, db)
}

func TestStatusWithDocumentEdits(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a, b := seedDocument(t, db, "20-point plan"), seedDocument(t, db, "Economic plan")
	e := model.StatusEvent{DocumentID: a.ID, Date: day(2025, 12, 1), Status: model.StatusAgreed}
	if err := db.AddStatusEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	a, _ = db.Document(ctx, a.ID)
	a.Status = model.StatusSigned // the history decides, not the form
	if err := db.UpdateDocument(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Document(ctx, a.ID); a.Status != model.StatusAgreed || got.Status != model.StatusAgreed {
		t.Fatalf("status %q, stored %q; want the latest event's, agreed", a.Status, got.Status)
	}
	b.Status = model.StatusSigned // no history: the form decides
	if err := db.UpdateDocument(ctx, &b); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Document(ctx, b.ID); got.Status != model.StatusSigned {
		t.Fatalf("status without events %q, want signed", got.Status)
	}
	e.DocumentID = b.ID // moving the event: b takes its status, a keeps its own
	if err := db.UpdateStatusEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	gotA, _ := db.Document(ctx, a.ID)
	gotB, _ := db.Document(ctx, b.ID)
	if gotA.Status != model.StatusAgreed || gotB.Status != model.StatusAgreed {
		t.Fatalf("after moving the event: %q and %q, want agreed and agreed", gotA.Status, gotB.Status)
	}
	mustCheck(t, db)
}

func TestListStatusEvents(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a, b := seedDocument(t, db, "20-point plan"), seedDocument(t, db, "28-point proposal")
	add := func(d model.Document, date model.StatusEvent) int64 {
		date.DocumentID = d.ID
		if err := db.AddStatusEvent(ctx, &date); err != nil {
			t.Fatal(err)
		}
		return date.ID
	}
	e1 := add(a, model.StatusEvent{Date: day(2025, 12, 5), Status: model.StatusPresented})
	e2 := add(a, model.StatusEvent{Date: day(2025, 11, 1), Status: model.StatusDrafting})
	e3 := add(b, model.StatusEvent{Date: day(2025, 11, 20), Status: model.StatusPresented})
	e4 := add(a, model.StatusEvent{Date: day(2025, 12, 5), Status: model.StatusUnderRevision})
	tests := []struct {
		name      string
		filter    model.StatusEventFilter
		want      []int64
		wantTotal int
	}{
		{"one document by date, then id", model.StatusEventFilter{DocumentID: a.ID}, []int64{e2, e1, e4}, 3},
		{"every document", model.StatusEventFilter{}, []int64{e2, e3, e1, e4}, 4},
		{"page", model.StatusEventFilter{DocumentID: a.ID, Page: model.Page{Limit: 1, Offset: 1}}, []int64{e1}, 3},
		{"none", model.StatusEventFilter{DocumentID: 99}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, total, err := db.ListStatusEvents(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, e := range list {
				ids = append(ids, e.ID)
			}
			if !slices.Equal(ids, tt.want) || total != tt.wantTotal {
				t.Fatalf("got %v (total %d), want %v (total %d)", ids, total, tt.want, tt.wantTotal)
			}
		})
	}
}
