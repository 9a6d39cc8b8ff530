package storage

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"dossier/model"
)

func TestTagCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	root := addTag(t, db, "Diplomacy", 0)
	tag := model.Tag{Name: "Talks", ParentID: root.ID, Colour: "#336699", Description: "meetings of negotiators"}
	if err := db.CreateTag(ctx, &tag); err != nil {
		t.Fatal(err)
	}
	if tag.ID == 0 || len(tag.UID) != 36 {
		t.Fatalf("not filled: %+v", tag)
	}
	got, err := db.Tag(ctx, tag.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got != tag {
		t.Fatalf("read back %+v, want %+v", got, tag)
	}
	refused := []struct {
		name string
		tag  model.Tag
		want error
	}{
		{"same name, other case, same parent", model.Tag{Name: "TALKS", ParentID: root.ID}, model.ErrConflict},
		{"missing parent", model.Tag{Name: "Orphan", ParentID: 99}, model.ErrInvalid},
		{"bad colour", model.Tag{Name: "Red", Colour: "red"}, model.ErrInvalid},
		{"no name", model.Tag{Name: "  "}, model.ErrInvalid},
	}
	for _, tt := range refused {
		if err := db.CreateTag(ctx, &tt.tag); !errors.Is(err, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, err, tt.want)
		}
	}
	addTag(t, db, "Talks", 0) // the same name elsewhere in the tree is fine

	tag.Name, tag.Colour, tag.Description, tag.ParentID = "Negotiations", "#aa0000", "", 0
	if err := db.UpdateTag(ctx, &tag); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Tag(ctx, tag.ID); got != tag {
		t.Fatalf("after update %+v, want %+v", got, tag)
	}
	clash := tag
	clash.Name = "talks"
	if err := db.UpdateTag(ctx, &clash); !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), `"talks"`) {
		t.Fatalf("rename onto a sibling: got %v, want ErrConflict naming it", err)
	}
	missing := tag
	missing.ID = 999
	if err := db.UpdateTag(ctx, &missing); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("update a missing tag: got %v, want ErrNotFound", err)
	}
	if err := db.DeleteTag(ctx, tag.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Tag(ctx, tag.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("after delete: got %v, want ErrNotFound", err)
	}
	if err := db.DeleteTag(ctx, tag.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("delete twice: got %v, want ErrNotFound", err)
	}
	mustCheck(t, db)
}

// tagTree builds Diplomacy > Talks > Miami, Diplomacy > Sanctions, War.
type tagTree struct{ diplomacy, talks, miami, sanctions, war model.Tag }

func newTagTree(t *testing.T, db *DB) tagTree {
	var tr tagTree
	tr.diplomacy = addTag(t, db, "Diplomacy", 0)
	tr.talks = addTag(t, db, "Talks", tr.diplomacy.ID)
	tr.miami = addTag(t, db, "Miami", tr.talks.ID)
	tr.sanctions = addTag(t, db, "Sanctions", tr.diplomacy.ID)
	tr.war = addTag(t, db, "War", 0)
	return tr
}

// treeOf lists the tags as "name@depth" in the order ListTags gives them.
func treeOf(t *testing.T, db *DB) string {
	t.Helper()
	tags, _, err := db.ListTags(context.Background(), model.TagFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range tags {
		out = append(out, c.Tag.Name+strings.Repeat(">", c.Depth))
	}
	return strings.Join(out, " ")
}

func TestUpdateTagRefusesLoop(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	tr := newTagTree(t, db)
	before := treeOf(t, db)
	tests := []struct {
		name   string
		tag    model.Tag
		parent model.Tag
		want   string
	}{
		{"under its child", tr.diplomacy, tr.talks, `tag "Diplomacy" cannot move under "Talks", which lies inside it`},
		{"under its grandchild", tr.diplomacy, tr.miami, `tag "Diplomacy" cannot move under "Miami", which lies inside it`},
		{"under itself", tr.talks, tr.talks, `tag "Talks" cannot be its own parent`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			moved := tt.tag
			moved.ParentID = tt.parent.ID
			err := db.UpdateTag(ctx, &moved)
			if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want ErrInvalid saying %q", err, tt.want)
			}
		})
	}
	if after := treeOf(t, db); after != before {
		t.Fatalf("tree changed by refused moves: %s, was %s", after, before)
	}
	moved := tr.miami // a move down another branch is fine
	moved.ParentID = tr.war.ID
	if err := db.UpdateTag(ctx, &moved); err != nil {
		t.Fatal(err)
	}
	if got, want := treeOf(t, db), "Diplomacy Sanctions> Talks> War Miami>"; got != want {
		t.Fatalf("tree %s, want %s", got, want)
	}
	mustCheck(t, db)
}

func TestDeleteTag(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	tr := newTagTree(t, db)
	// A child named like its parent takes the parent's place without a clash.
	twin := addTag(t, db, "Talks", tr.talks.ID)
	a := addArticle(t, db, model.Article{Title: "Talks", Body: "Talks in Miami went on.", TagIDs: []int64{tr.talks.ID, tr.war.ID}})
	e := quoteExcerpt(t, a, "Talks in Miami")
	e.TagIDs = []int64{tr.talks.ID}
	e = addExcerpt(t, db, e)

	if err := db.DeleteTag(ctx, tr.talks.ID); err != nil {
		t.Fatal(err)
	}
	if got, want := treeOf(t, db), "Diplomacy Miami> Sanctions> Talks> War"; got != want {
		t.Fatalf("tree %s, want %s", got, want)
	}
	if got, _ := db.Tag(ctx, twin.ID); got.Name != "Talks" || got.ParentID != tr.diplomacy.ID {
		t.Fatalf("child after delete: %+v", got)
	}
	if got, err := db.Excerpt(ctx, e.ID); err != nil || got.TagIDs != nil {
		t.Fatalf("excerpt after delete: %v, tags %v", err, got.TagIDs)
	}
	if got, err := db.Article(ctx, a.ID); err != nil || !reflect.DeepEqual(got.TagIDs, []int64{tr.war.ID}) {
		t.Fatalf("article after delete: %v, tags %v", err, got.TagIDs)
	}

	t.Run("child name taken above", func(t *testing.T) {
		clash := addTag(t, db, "Sanctions", tr.miami.ID) // Miami's child would sit beside Diplomacy > Sanctions
		before := treeOf(t, db)
		err := db.DeleteTag(ctx, tr.miami.ID)
		if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), `sub-tag "Sanctions"`) {
			t.Fatalf("got %v, want ErrConflict naming the sub-tag", err)
		}
		if after := treeOf(t, db); after != before {
			t.Fatalf("tree changed by a refused delete: %s, was %s", after, before)
		}
		if got, _ := db.Tag(ctx, clash.ID); got.ParentID != tr.miami.ID {
			t.Fatalf("refused delete moved the child: %+v", got)
		}
	})
	mustCheck(t, db)
}

func TestMergeTags(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	tr := newTagTree(t, db)
	from := addTag(t, db, "Negotiations", 0)
	child := addTag(t, db, "Geneva", from.ID)
	a1 := addArticle(t, db, model.Article{Title: "One", Body: "Talks in Geneva.", TagIDs: []int64{from.ID}})
	a2 := addArticle(t, db, model.Article{Title: "Two", Body: "Talks in Miami.", TagIDs: []int64{from.ID, tr.talks.ID}})
	e1 := quoteExcerpt(t, a1, "Talks in Geneva")
	e1.TagIDs = []int64{from.ID, tr.war.ID}
	e1 = addExcerpt(t, db, e1)
	e2 := quoteExcerpt(t, a2, "Talks in Miami")
	e2.TagIDs = []int64{from.ID, tr.talks.ID}
	e2 = addExcerpt(t, db, e2)

	if err := db.MergeTags(ctx, from.ID, tr.talks.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Tag(ctx, from.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("merged tag still there: %v", err)
	}
	if got, want := treeOf(t, db), "Diplomacy Sanctions> Talks> Geneva>> Miami>> War"; got != want {
		t.Fatalf("tree %s, want %s", got, want)
	}
	if got, _ := db.Tag(ctx, child.ID); got.ParentID != tr.talks.ID {
		t.Fatalf("child not moved: %+v", got)
	}
	links := map[string][]int64{
		"article one": mustArticleTags(t, db, a1.ID), "article two": mustArticleTags(t, db, a2.ID),
		"excerpt one": mustExcerptTags(t, db, e1.ID), "excerpt two": mustExcerptTags(t, db, e2.ID),
	}
	wantLinks := map[string][]int64{
		"article one": {tr.talks.ID}, "article two": {tr.talks.ID},
		"excerpt one": {tr.talks.ID, tr.war.ID}, "excerpt two": {tr.talks.ID},
	}
	if !reflect.DeepEqual(links, wantLinks) {
		t.Fatalf("links %v, want %v", links, wantLinks)
	}
	if n := rowCount(t, db, "excerpt_tags", "1") + rowCount(t, db, "article_tags", "1"); n != 5 {
		t.Fatalf("%d links in all, want 5", n)
	}

	t.Run("into its own descendant", func(t *testing.T) {
		// Diplomacy into Miami: Talks (the way down to Miami) goes to the top,
		// Sanctions goes under Miami.
		if err := db.MergeTags(ctx, tr.diplomacy.ID, tr.miami.ID); err != nil {
			t.Fatal(err)
		}
		if got, want := treeOf(t, db), "Talks Geneva> Miami> Sanctions>> War"; got != want {
			t.Fatalf("tree %s, want %s", got, want)
		}
	})
	refused := []struct {
		name       string
		from, into int64
		want       error
	}{
		{"into itself", tr.war.ID, tr.war.ID, model.ErrInvalid},
		{"missing from", 999, tr.war.ID, model.ErrNotFound},
		{"missing into", tr.war.ID, 999, model.ErrNotFound},
	}
	for _, tt := range refused {
		if err := db.MergeTags(ctx, tt.from, tt.into); !errors.Is(err, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, err, tt.want)
		}
	}
	t.Run("sub-tags of the same name", func(t *testing.T) {
		addTag(t, db, "Geneva", tr.war.ID)
		before := treeOf(t, db)
		err := db.MergeTags(ctx, tr.war.ID, tr.talks.ID)
		if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), `sub-tag "Geneva"`) {
			t.Fatalf("got %v, want ErrConflict naming the sub-tag", err)
		}
		if after := treeOf(t, db); after != before {
			t.Fatalf("tree changed by a refused merge: %s, was %s", after, before)
		}
	})
	mustCheck(t, db)
}

func mustArticleTags(t *testing.T, db *DB, id int64) []int64 {
	t.Helper()
	a, err := db.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a.TagIDs
}

func mustExcerptTags(t *testing.T, db *DB, id int64) []int64 {
	t.Helper()
	e, err := db.Excerpt(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return e.TagIDs
}

func TestListTags(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	tr := newTagTree(t, db)
	addTag(t, db, "aid", 0) // lower case sorts with its peers, not after "Z"
	addTag(t, db, "Talks about talks", tr.diplomacy.ID)
	a := addArticle(t, db, model.Article{Title: "A", Body: "Talks and war.", TagIDs: []int64{tr.talks.ID, tr.war.ID}})
	for _, quote := range []string{"Talks", "war"} {
		e := quoteExcerpt(t, a, quote)
		e.TagIDs = []int64{tr.talks.ID}
		addExcerpt(t, db, e)
	}
	got, total, err := db.ListTags(ctx, model.TagFilter{})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		name                      string
		depth, excerpts, articles int
	}
	var rows []row
	for _, c := range got {
		rows = append(rows, row{c.Tag.Name, c.Depth, c.Excerpts, c.Articles})
	}
	want := []row{
		{"aid", 0, 0, 0}, {"Diplomacy", 0, 0, 0}, {"Sanctions", 1, 0, 0}, {"Talks", 1, 2, 1},
		{"Miami", 2, 0, 0}, {"Talks about talks", 1, 0, 0}, {"War", 0, 0, 1},
	}
	if !reflect.DeepEqual(rows, want) || total != 7 {
		t.Fatalf("got %v (total %d)\nwant %v (total 7)", rows, total, want)
	}
	if got[3].Tag != tr.talks {
		t.Fatalf("listed tag %+v, want %+v", got[3].Tag, tr.talks)
	}
	page, total, err := db.ListTags(ctx, model.TagFilter{Page: model.Page{Limit: 2, Offset: 2}})
	if err != nil || total != 7 || len(page) != 2 || page[0].Tag.Name != "Sanctions" || page[1].Tag.Name != "Talks" {
		t.Fatalf("page: %v, total %d, %+v", err, total, page)
	}
	found, total, err := db.ListTags(ctx, model.TagFilter{Text: "talk"})
	if err != nil || total != 2 || len(found) != 2 || found[0].Tag.Name != "Talks" || found[1].Tag.Name != "Talks about talks" {
		t.Fatalf("text filter: %v, total %d, %+v", err, total, found)
	}
}
