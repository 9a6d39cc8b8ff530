package storage

import (
	"context"
	"errors"
	"testing"

	"dossier/model"
)

func TestSourceCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	s := model.Source{Name: "Kyiv Independent", Kind: model.SourceOutlet, URL: "https://kyivindependent.com", Reliability: model.ReliabilityB}
	if err := db.CreateSource(ctx, &s); err != nil {
		t.Fatal(err)
	}
	if s.ID == 0 || len(s.UID) != 36 {
		t.Fatalf("id %d uid %q not filled", s.ID, s.UID)
	}
	got, err := db.Source(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got != s {
		t.Fatalf("read back %+v, want %+v", got, s)
	}
	s.Reliability = model.ReliabilityC
	s.Notes = "moved to C after the March retraction"
	if err := db.UpdateSource(ctx, &s); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Source(ctx, s.ID); got != s {
		t.Fatalf("after update %+v, want %+v", got, s)
	}
	dup := model.Source{Name: "kyiv independent", Kind: model.SourceOutlet}
	if err := db.CreateSource(ctx, &dup); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("duplicate name: got %v, want ErrConflict", err)
	}
	list, total, err := db.ListSources(ctx, model.SourceFilter{Text: "kyiv"})
	if err != nil || total != 1 || len(list) != 1 || list[0] != s {
		t.Fatalf("list: %v %d %+v", err, total, list)
	}
	if err := db.DeleteSource(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Source(ctx, s.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("after delete: got %v, want ErrNotFound", err)
	}
	if err := db.DeleteSource(ctx, s.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("delete twice: got %v, want ErrNotFound", err)
	}
	mustCheck(t, db)
}
