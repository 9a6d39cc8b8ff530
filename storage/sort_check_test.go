package storage

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dossier/model"
)

// Sorting by tag compares the tag names without regard to case, as the
// speaker and source orders do: "apple" comes before "Zebra".
func TestListExcerptsByTagIgnoresCase(t *testing.T) {
	db := mustCreate(t)
	a := addArticle(t, db, model.Article{Title: "Fruit", Body: "Zebras eat grass. Apples fall from trees. Bananas are yellow."})
	names := map[int64]string{}
	for _, c := range []struct{ quote, tag string }{{"Zebras eat grass", "Zebra"}, {"Apples fall", "apple"}, {"Bananas are yellow", "Banana"}} {
		e := quoteExcerpt(t, a, c.quote)
		e.Kind = model.ExcerptClaim
		e.TagIDs = []int64{addTag(t, db, c.tag, 0).ID}
		names[addExcerpt(t, db, e).ID] = c.tag
	}
	for _, desc := range []bool{false, true} {
		got, _, err := db.ListExcerpts(context.Background(), model.ExcerptFilter{Sort: model.ExcerptsByTags, Desc: desc})
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, e := range got {
			order = append(order, names[e.ID])
		}
		want := "apple Banana Zebra"
		if desc {
			want = "Zebra Banana apple"
		}
		if strings.Join(order, " ") != want {
			t.Errorf("desc=%v: order %v, want %s", desc, order, want)
		}
	}
}

// A CHECK failure reaches the analyst as a sentence of its own, not as
// SQLite's text naming the constraint.
func TestCheckFailureIsASentence(t *testing.T) {
	db := mustCreate(t)
	_, err := db.write.Exec("INSERT INTO sources (uid, created_at, updated_at, name, reliability) VALUES ('u', 'x', 'x', 'Reuters', 'Z')")
	if err == nil {
		t.Fatal("the schema took reliability Z")
	}
	got := translate(err)
	if !errors.Is(got, model.ErrInvalid) {
		t.Fatalf("%v: want ErrInvalid", got)
	}
	msg := got.Error()
	if strings.Contains(msg, "CHECK") || strings.Contains(msg, "constraint") || strings.Contains(msg, "reliability") {
		t.Errorf("the analyst reads %q, SQLite's words", msg)
	}
	if !strings.Contains(msg, "out of the allowed range") || !strings.Contains(msg, "check") {
		t.Errorf("the analyst reads %q; want it to say a value is out of the allowed range and to check the input", msg)
	}
}
