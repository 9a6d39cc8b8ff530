package storage

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"dossier/model"
)

func TestAliasKey(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Witkoff", "witkoff"},
		{"  Steve \t Witkoff\n", "steve witkoff"},
		{"Steve\u00a0Witkoff", "steve witkoff"},
		{"O’Brien", "o'brien"},
		{"Мар’яна", "мар'яна"},
		{"“Coalition of the Willing”", `"coalition of the willing"`},
		{"ВЛАДИМИР ПУТИН", "владимир путин"},
		{"Zelenskyý", "zelenskyý"}, // accents are kept
		{"US", "us"},
	}
	for _, tt := range tests {
		if got := aliasKey(tt.name); got != tt.want {
			t.Errorf("aliasKey(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestAliasCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	w := seedActor(t, db, "Steve Witkoff")
	a := model.Alias{Name: "  Witkoff ", ActorID: w.ID}
	if err := db.AddAlias(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || len(a.UID) != 36 || a.Name != "Witkoff" {
		t.Fatalf("alias %+v: id, uid not filled or name not trimmed", a)
	}
	got, err := db.Alias(ctx, a.ID)
	if err != nil || got != a {
		t.Fatalf("read back %+v, %v; want %+v", got, err, a)
	}
	if err := db.RenameAlias(ctx, a.ID, "WITKOFF"); err != nil { // its own key: allowed
		t.Fatal(err)
	}
	if err := db.RenameAlias(ctx, a.ID, "Steven Witkoff"); err != nil {
		t.Fatal(err)
	}
	got, _ = db.Alias(ctx, a.ID)
	if got.Name != "Steven Witkoff" || got.ActorID != w.ID || got.UID != a.UID || !got.UpdatedAt.After(a.UpdatedAt) {
		t.Fatalf("after rename %+v", got)
	}
	var key string
	if err := db.read.QueryRow("SELECT key FROM aliases WHERE id = ?", a.ID).Scan(&key); err != nil || key != "steven witkoff" {
		t.Fatalf("key %q, %v; want the new name folded", key, err)
	}
	wantError(t, db.RenameAlias(ctx, a.ID, " "), model.ErrInvalid, "")
	if err := db.DeleteAlias(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	_, err = db.Alias(ctx, a.ID)
	wantError(t, err, model.ErrNotFound, fmt.Sprintf("read alias: alias %d does not exist", a.ID))
	wantError(t, db.DeleteAlias(ctx, a.ID), model.ErrNotFound, "")
	wantError(t, db.RenameAlias(ctx, a.ID, "Witkoff"), model.ErrNotFound, "")
	if _, err := db.Actor(ctx, w.ID); err != nil {
		t.Fatalf("the owner went with its alias: %v", err)
	}
	mustCheck(t, db)
}

func TestAliasConflicts(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	w := seedActor(t, db, "Steve Witkoff")
	d := seedActor(t, db, "Kirill Dmitriev")
	p28 := seedDocument(t, db, "28-point proposal")
	p20 := seedDocument(t, db, "20-point plan")
	seedAlias(t, db, "Witkoff", w.ID, 0)
	seedAlias(t, db, "28-point plan", 0, p28.ID)
	dmitriev := seedAlias(t, db, "Dmitriev", d.ID, 0)
	tests := []struct {
		name  string
		alias model.Alias
		want  string
	}{
		{"same actor again", model.Alias{Name: "witkoff", ActorID: w.ID},
			fmt.Sprintf(`add alias: alias "witkoff" is already an alias of actor %d "Steve Witkoff"`, w.ID)},
		{"another actor", model.Alias{Name: "Witkoff", ActorID: d.ID},
			fmt.Sprintf(`add alias: alias "Witkoff" already belongs to actor %d "Steve Witkoff"; remove it there first or merge the two actors`, w.ID)},
		{"case and spaces folded", model.Alias{Name: " 28-point  PLAN", DocumentID: p20.ID},
			fmt.Sprintf(`add alias: alias "28-point  PLAN" already belongs to document %d "28-point proposal"; remove it there first or merge the two documents`, p28.ID)},
		{"an actor's name for a document", model.Alias{Name: "Witkoff", DocumentID: p20.ID},
			fmt.Sprintf(`add alias: alias "Witkoff" already belongs to actor %d "Steve Witkoff"; remove it there first`, w.ID)},
		{"a document's name for an actor", model.Alias{Name: "28-point plan", ActorID: w.ID},
			fmt.Sprintf(`add alias: alias "28-point plan" already belongs to document %d "28-point proposal"; remove it there first`, p28.ID)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, db.AddAlias(ctx, &tt.alias), model.ErrConflict, tt.want)
		})
	}
	err := db.RenameAlias(ctx, dmitriev.ID, "Witkoff")
	wantError(t, err, model.ErrConflict,
		fmt.Sprintf(`rename alias: alias "Witkoff" already belongs to actor %d "Steve Witkoff"; remove it there first or merge the two actors`, w.ID))
	if got, _ := db.Alias(ctx, dmitriev.ID); got != dmitriev {
		t.Fatalf("refused rename changed the alias: %+v", got)
	}
	wantError(t, db.AddAlias(ctx, &model.Alias{Name: "Kremlin", ActorID: 99}), model.ErrInvalid, "add alias: actor 99 does not exist")
	wantError(t, db.AddAlias(ctx, &model.Alias{Name: "Kremlin", DocumentID: 99}), model.ErrInvalid, "add alias: document 99 does not exist")
	wantError(t, db.AddAlias(ctx, &model.Alias{Name: "Kremlin", ActorID: w.ID, DocumentID: p20.ID}), model.ErrInvalid, "")
	if n := countRows(t, db, "SELECT count(*) FROM aliases"); n != 3 {
		t.Fatalf("%d aliases stored, want 3", n)
	}
	mustCheck(t, db)
}

func TestListAliases(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	w, s := seedActor(t, db, "Steve Witkoff"), seedActor(t, db, "Andrii Sybiha")
	plan := seedDocument(t, db, "20-point plan")
	a1 := seedAlias(t, db, "Witkoff", w.ID, 0)
	a2 := seedAlias(t, db, "Sybiga", s.ID, 0)
	a3 := seedAlias(t, db, "20 points", 0, plan.ID)
	a4 := seedAlias(t, db, "Steven Witkoff", w.ID, 0)
	a5 := seedAlias(t, db, "Сибіга", s.ID, 0)
	tests := []struct {
		name      string
		filter    model.AliasFilter
		want      []int64
		wantTotal int
	}{
		{"all by name", model.AliasFilter{}, []int64{a3.ID, a4.ID, a2.ID, a1.ID, a5.ID}, 5},
		{"of an actor", model.AliasFilter{ActorID: w.ID}, []int64{a4.ID, a1.ID}, 2},
		{"of a document", model.AliasFilter{DocumentID: plan.ID}, []int64{a3.ID}, 1},
		{"page", model.AliasFilter{Page: model.Page{Limit: 2, Offset: 1}}, []int64{a4.ID, a2.ID}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, total, err := db.ListAliases(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, a := range list {
				ids = append(ids, a.ID)
			}
			if !slices.Equal(ids, tt.want) || total != tt.wantTotal {
				t.Fatalf("got %v (total %d), want %v (total %d)", ids, total, tt.want, tt.wantTotal)
			}
		})
	}
	all, err := db.AllAliases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(all, []model.Alias{a1, a2, a3, a4, a5}) {
		t.Fatalf("all aliases %+v", all)
	}
}

func TestAliasesFTS(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	s := seedActor(t, db, "Andrii Sybiha")
	z := seedActor(t, db, "Volodymyr Zelensky")
	sybiga := seedAlias(t, db, "Sybiga", s.ID, 0)
	cyr := seedAlias(t, db, "Андрій Сибіга", s.ID, 0)
	zel := seedAlias(t, db, "Zelenskyý", z.ID, 0)
	witkoff := seedAlias(t, db, "Witkoff", seedActor(t, db, "Steve Witkoff").ID, 0)
	check := func(step, match string, want ...int64) {
		t.Helper()
		if want == nil {
			want = []int64{}
		}
		if got := ftsRowids(t, db, "aliases_fts", match); !slices.Equal(got, want) {
			t.Errorf("%s: MATCH %q found %v, want %v", step, match, got, want)
		}
	}
	check("insert", "witkoff", witkoff.ID)
	check("insert", "sybiga", sybiga.ID)
	check("other spelling is another word", "sybiha")
	check("accents folded", "zelenskyy", zel.ID)
	check("Cyrillic", "сибіга", cyr.ID)
	check("Cyrillic, upper case", "АНДРІЙ", cyr.ID)
	if err := db.RenameAlias(ctx, sybiga.ID, "Sybiha"); err != nil {
		t.Fatal(err)
	}
	check("after rename, old", "sybiga")
	check("after rename, new", "sybiha", sybiga.ID)
	if err := db.DeleteAlias(ctx, witkoff.ID); err != nil {
		t.Fatal(err)
	}
	check("after delete", "witkoff")
	if err := db.DeleteActor(ctx, s.ID); err != nil { // aliases go with their owner
		t.Fatal(err)
	}
	check("after owner deleted", "sybiha OR сибіга")
	check("others untouched", "zelenskyy", zel.ID)
	mustCheck(t, db)
}
