package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// actorsView lists the actors and shows the open one's page: its fields,
// edited in place, its aliases, relations, quotes, mention timeline and the
// documents it is involved in.
type actorsView struct {
	*profileView[model.ActorProfile]
	form    *entityForm[model.Actor]
	profile model.ActorProfile

	Heading                             *widget.Label
	Name, Role, Country                 *commitEntry
	Description, Notes                  *commitEntry
	Kind                                *widget.Select
	Affiliation                         *widget.Hyperlink
	ChangeAffiliation, ClearAffiliation *widget.Button
	Aliases                             *aliasSection
	Relations, Quotes, Documents        *profileSection
	AddRelation                         *widget.Button
	Timeline                            *Timeline
	Seen                                *widget.Label
	NewActor, MergeInto, Delete         *widget.Button
}

func newActorsView(m *MainWindow) *actorsView {
	v := &actorsView{}
	v.profileView = &profileView[model.ActorProfile]{m: m, self: v, what: "read the actor", read: m.ws.ActorProfile, put: v.showProfile}
	return v
}

func (v *actorsView) title() string { return "Actors" }

func (v *actorsView) content() fyne.CanvasObject {
	if v.frame == nil {
		v.build()
	}
	return v.frame.box
}

func (v *actorsView) build() {
	v.list = newActorList(v.m, func(r entityRow) { v.open(r.id) })
	v.NewActor = widget.NewButtonWithIcon("New actor", theme.ContentAddIcon(), v.newActor)
	v.MergeInto = widget.NewButton("Merge into…", v.mergeInto)
	v.Delete = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), v.delete)
	none := placeholder("Actors", "Choose an actor in the list to see its page, or make a new one.")
	v.frame = newProfileFrame([]fyne.CanvasObject{v.NewActor, v.MergeInto, v.Delete}, v.list, v.buildPage(), none)
	v.fields, v.whileOpen = v.form, []fyne.Disableable{v.MergeInto, v.Delete}
	v.showOpen(false)
}

// newActorList lists actors by name, filtered by text and kind.
func newActorList(m *MainWindow, chosen func(entityRow)) *entityList {
	return newEntityList(m, "actors", enumTexts(model.ActorKinds()), func(ctx context.Context, text, kind string, p model.Page) ([]entityRow, int, error) {
		actors, total, err := m.ws.ListActors(ctx, model.ActorFilter{Text: text, Kind: model.ActorKind(kind), Page: p})
		rows := make([]entityRow, len(actors))
		for i, a := range actors {
			rows[i] = entityRow{id: a.ID, label: a.Name, about: strings.Join(nonEmpty(string(a.Kind), a.Role), ", ")}
		}
		return rows, total, err
	}, chosen)
}

func (v *actorsView) buildPage() *fyne.Container {
	v.Heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.Heading.SizeName = theme.SizeNameHeadingText
	v.form = newEntityForm(v.m, "actor", func(a model.Actor) int64 { return a.ID }, v.m.ws.Actor, v.m.ws.UpdateActor, v.saved)
	f := v.form
	v.Name = f.text("Name", func(a model.Actor) string { return a.Name }, func(a *model.Actor, s string) { a.Name = s })
	v.Kind = f.choice("Kind", enumTexts(model.ActorKinds()), func(a model.Actor) string { return string(a.Kind) },
		func(a *model.Actor, s string) { a.Kind = model.ActorKind(s) })
	v.Role = f.text("Role", func(a model.Actor) string { return a.Role }, func(a *model.Actor, s string) { a.Role = s })
	f.Form.Append("Affiliation", v.buildAffiliation())
	v.Country = f.text("Country", func(a model.Actor) string { return a.Country }, func(a *model.Actor, s string) { a.Country = s })
	v.Description = f.notes("Description", func(a model.Actor) string { return a.Description },
		func(a *model.Actor, s string) { a.Description = s })
	v.Notes = f.notes("Notes", func(a model.Actor) string { return a.Notes }, func(a *model.Actor, s string) { a.Notes = s })
	v.Aliases = newAliasSection(v.m)
	v.AddRelation = widget.NewButtonWithIcon("Add relation…", theme.ContentAddIcon(), v.addRelation)
	v.Relations = newProfileSection("Relations", "No relations to other actors yet.", v.AddRelation)
	v.Quotes = newProfileSection("Quotes", "No excerpts with this actor as speaker yet.")
	v.Documents = newProfileSection("Documents involved", "Not a party to any tracked document, nor linked to one by an excerpt.")
	v.Timeline = NewTimeline()
	v.Seen = quietLabel("")
	mentions := container.NewVBox(sectionHeading("Mentions over time"), v.Timeline, v.Seen)
	return container.NewVBox(v.Heading, f.Form, v.Aliases.box, v.Relations.box, v.Quotes.box, mentions, v.Documents.box)
}

// buildAffiliation shows the actor this one belongs to, as a link, with
// buttons to change it or take it away.
func (v *actorsView) buildAffiliation() fyne.CanvasObject {
	v.Affiliation = link("", func() {
		if v.profile.Affiliation != nil {
			v.show(v.profile.Affiliation.ID)
		}
	})
	v.ChangeAffiliation = widget.NewButton("Change…", v.changeAffiliation)
	v.ClearAffiliation = widget.NewButton("None", func() {
		if v.form.record.AffiliationID != 0 {
			v.form.change(func(a *model.Actor) { a.AffiliationID = 0 }, nil)
		}
	})
	return container.NewBorder(nil, nil, nil, container.NewHBox(v.ChangeAffiliation, v.ClearAffiliation), v.Affiliation)
}

func (v *actorsView) showProfile(p model.ActorProfile) {
	v.profile = p
	v.Heading.SetText(p.Actor.Name)
	v.form.show(p.Actor)
	v.Affiliation.SetText("none")
	if p.Affiliation != nil {
		v.Affiliation.SetText(p.Affiliation.Name)
	}
	v.Aliases.show(model.Alias{ActorID: p.Actor.ID}, p.Aliases)
	v.Relations.show(v.relationRows(p.Relations))
	v.Quotes.show(v.quoteRows(p.Quotes))
	v.Documents.show(v.documentRows(p.Documents))
	v.Timeline.SetCounts(p.Timeline)
	v.Seen.SetText(seenText(len(p.Mentions), p.FirstSeen, p.LastSeen))
}

func (v *actorsView) relationRows(rels []model.RelationView) []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, len(rels))
	for _, r := range rels {
		other := r.Other
		text := relationText(r)
		rel := r.Relation
		row := container.NewBorder(nil, nil, widget.NewLabel(text), nil, link(other.Name, func() { v.show(other.ID) }))
		rows = append(rows, removableRow(row, func() { v.removeRelation(rel, text+" "+other.Name) }))
	}
	return rows
}

// relationText says a relation from the open actor's side: "negotiates
// with", or "← advises" when the other actor holds it, with its dates.
func relationText(r model.RelationView) string {
	text := r.Relation.Type
	if !r.Outgoing {
		text = "← " + text
	}
	switch from, to := r.Relation.From, r.Relation.To; {
	case !from.IsZero() && !to.IsZero():
		text += fmt.Sprintf(" (%s – %s)", dayText(from), dayText(to))
	case !from.IsZero():
		text += " (since " + dayText(from) + ")"
	case !to.IsZero():
		text += " (until " + dayText(to) + ")"
	}
	return text
}

func (v *actorsView) quoteRows(quotes []model.Excerpt) []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, len(quotes))
	for _, q := range quotes {
		rows = append(rows, passageLink("“"+shortened(q.Selector.Exact, 240)+"”", func() { v.m.articles.show(q.ArticleID, q.Span) }))
	}
	return rows
}

func (v *actorsView) documentRows(docs []model.DocumentRole) []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, len(docs))
	for _, d := range docs {
		var about []string
		if len(d.Roles) > 0 {
			about = append(about, enumText(d.Roles))
		}
		if d.Excerpts > 0 {
			about = append(about, counted(d.Excerpts, "excerpt", "excerpts"))
		}
		doc := d.Document
		rows = append(rows, container.NewBorder(nil, nil, nil, widget.NewLabel(strings.Join(about, " · ")),
			link(doc.Title, func() { v.m.documents.show(doc.ID) })))
	}
	return rows
}

// saved follows a change of a field: the list shows the new name.
func (v *actorsView) saved(a model.Actor) {
	v.m.SetMessage("Saved " + a.Name)
	v.m.changed()
}

func (v *actorsView) newActor() {
	v.m.askNew("New actor", "Name", enumTexts(model.ActorKinds()), func(ctx context.Context, name, kind string) (int64, error) {
		a := model.Actor{Name: name, Kind: model.ActorKind(kind)}
		err := v.m.ws.CreateActor(ctx, &a)
		return a.ID, err
	}, v.show)
}

func (v *actorsView) changeAffiliation() {
	list := newActorList(v.m, nil)
	list.skip = v.current
	v.m.choose("Affiliation of "+v.profile.Actor.Name, "Choose", nil, list, func(r entityRow) {
		v.form.change(func(a *model.Actor) { a.AffiliationID = r.id }, nil)
	})
}

func (v *actorsView) addRelation() {
	from := v.current
	kind := widget.NewSelectEntry(model.RelationTypes)
	kind.SetPlaceHolder("Type of relation, e.g. negotiates with")
	list := newActorList(v.m, nil)
	list.skip = from
	fields := widget.NewForm(widget.NewFormItem(v.profile.Actor.Name, kind))
	v.m.choose("Add a relation", "Add", fields, list, func(r entityRow) {
		rel := model.Relation{FromActorID: from, ToActorID: r.id, Type: strings.TrimSpace(kind.Text)}
		v.m.update("add the relation", func(ctx context.Context) error { return v.m.ws.CreateRelation(ctx, &rel) }, func() {
			v.m.SetMessage("Added relation: " + rel.Type + " " + r.label)
		})
	})
}

func (v *actorsView) removeRelation(r model.Relation, text string) {
	v.m.update("remove the relation", func(ctx context.Context) error { return v.m.ws.DeleteRelation(ctx, r.ID) }, func() {
		v.m.SetMessage("Removed relation: " + text)
	})
}

// mergeInto folds the open actor into another, after saying what moves.
func (v *actorsView) mergeInto() {
	from := v.profile.Actor
	v.m.mergeInto(entityMerge{
		noun: "actors",
		from: entityRow{id: from.ID, label: from.Name},
		list: newActorList(v.m, nil),
		moving: func(ctx context.Context) ([]string, error) {
			n, err := v.m.ws.ActorDeletionImpact(ctx, from.ID)
			return tallied(
				tally{n.Aliases, "alias", "aliases"}, tally{n.Mentions, "mention", "mentions"},
				tally{n.Relations, "relation", "relations"}, tally{n.Parties, "part in a document", "parts in documents"},
				tally{n.SpokenExcerpts, "quote", "quotes"}, tally{n.LinkedExcerpts, "excerpt link", "excerpt links"},
				tally{n.AffiliatedActors, "affiliated actor", "affiliated actors"}), err
		},
		merge: func(ctx context.Context, from, into int64) error {
			_, err := v.m.ws.MergeActors(ctx, from, into)
			return err
		},
		merged: func(into int64) { v.current = into },
	})
}

// delete says what deleting the actor would remove and unlink, and
// deletes it on the analyst's word.
func (v *actorsView) delete() {
	a := v.profile.Actor
	v.m.confirmDelete(workspace.KindActor, a.ID, a.Name, func(ctx context.Context) (string, error) {
		n, err := v.m.ws.ActorDeletionImpact(ctx, a.ID)
		return actorDeletionText(n), err
	}, func() { v.forget(a.ID) })
}

func actorDeletionText(n model.ActorImpact) string {
	var s []string
	if gone := tallied(tally{n.Aliases, "alias", "aliases"}, tally{n.Mentions, "mention", "mentions"},
		tally{n.Relations, "relation", "relations"}, tally{n.Parties, "part in a document", "parts in documents"}); len(gone) > 0 {
		s = append(s, "Its "+andList(gone)+" will be removed.")
	}
	if n.SpokenExcerpts > 0 {
		s = append(s, counted(n.SpokenExcerpts, "excerpt stays without its speaker.", "excerpts stay without their speaker."))
	}
	if n.LinkedExcerpts > 0 {
		s = append(s, counted(n.LinkedExcerpts, "excerpt loses its link to the actor.", "excerpts lose their link to the actor."))
	}
	if n.AffiliatedActors > 0 {
		s = append(s, counted(n.AffiliatedActors, "actor loses its affiliation.", "actors lose their affiliation."))
	}
	if len(s) == 0 {
		return "Nothing else refers to it."
	}
	return strings.Join(s, " ")
}

// deleteSelected deletes the chosen item (Edit > Delete…).
func (v *actorsView) deleteSelected() bool {
	if v.current == 0 { // none chosen, or just deleted
		return false
	}
	v.delete()
	return true
}
