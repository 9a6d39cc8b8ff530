package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// suggestion is one thing the extractor found in the open article and
// waits for the analyst's verdict: a proposal (new actor, document name,
// quote, figure) or a proposed mention of a known actor or document.
type suggestion struct {
	proposal model.Proposal // set when mention.ID is 0
	mention  model.Mention
}

// key names the suggestion among those waiting for a verdict.
func (s suggestion) key() string {
	if s.mention.ID != 0 {
		return fmt.Sprintf("mention %d", s.mention.ID)
	}
	return fmt.Sprintf("proposal %d", s.proposal.ID)
}

func (s suggestion) span() model.Span {
	if s.mention.ID != 0 {
		return s.mention.Span
	}
	return s.proposal.Span
}

// mergeable tells whether the suggestion names someone or something that
// may already have a profile of its own.
func (s suggestion) mergeable() bool {
	return s.mention.ID != 0 || s.proposal.Kind == model.ProposeActor || s.proposal.Kind == model.ProposeDocument
}

// aboutDocument tells whether the suggestion concerns a tracked document
// rather than an actor.
func (s suggestion) aboutDocument() bool {
	if s.mention.ID != 0 {
		return s.mention.DocumentID != 0
	}
	return s.proposal.Kind == model.ProposeDocument
}

// proposalsPanel lists the open article's suggestions beside its text,
// each with Accept, Merge into… and Reject.
type proposalsPanel struct {
	v       *articlesView
	heading *widget.Label
	list    *widget.List
	rows    []suggestion
	reading workspace.Reading
	picker  *mergePicker // the picker last opened
	// deciding holds the suggestions whose verdict is on its way, by key,
	// so that a second press on Accept does not make a second actor; their
	// buttons stay off until the panel is read again without them.
	deciding   map[string]bool
	decidingIn *workspace.Workspace // the workspace deciding belongs to
}

func newProposalsPanel(v *articlesView) *proposalsPanel {
	p := &proposalsPanel{v: v, deciding: map[string]bool{}}
	p.heading = widget.NewLabelWithStyle("Suggestions", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.list = widget.NewList(func() int { return len(p.rows) }, newSuggestionRow, p.fillRow)
	// A tap on a suggestion shows it in the text, where its context is.
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.Unselect(id)
		if id >= 0 && id < len(p.rows) {
			p.v.reader.Select(p.rows[id].span())
		}
	}
	return p
}

func (p *proposalsPanel) content() fyne.CanvasObject {
	return container.NewBorder(p.heading, nil, nil, nil, p.list)
}

// show lists the suggestions of r in text order.
func (p *proposalsPanel) show(r workspace.Reading) {
	p.reading = r
	p.rows = p.rows[:0]
	for _, m := range r.Mentions {
		if m.State == model.MentionProposed {
			p.rows = append(p.rows, suggestion{mention: m})
		}
	}
	for _, pr := range r.Proposals {
		p.rows = append(p.rows, suggestion{proposal: pr})
	}
	slices.SortStableFunc(p.rows, func(a, b suggestion) int { return a.span().Start - b.span().Start })
	p.forgetDecided()
	p.heading.SetText(fmt.Sprintf("Suggestions (%d)", len(p.rows)))
	if r.Article.ID == 0 {
		p.heading.SetText("Suggestions")
	}
	p.list.Refresh()
}

func newSuggestionRow() fyne.CanvasObject {
	what := widget.NewLabelWithStyle("New actor", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what.Truncation = fyne.TextTruncateEllipsis
	text := widget.NewLabel("text")
	text.Truncation = fyne.TextTruncateEllipsis
	buttons := container.NewHBox(
		widget.NewButtonWithIcon("Accept", theme.ConfirmIcon(), nil),
		widget.NewButtonWithIcon("Merge…", theme.ContentPasteIcon(), nil),
		widget.NewButtonWithIcon("Reject", theme.CancelIcon(), nil),
	)
	return container.NewVBox(what, text, buttons)
}

func (p *proposalsPanel) fillRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(p.rows) {
		return
	}
	s := p.rows[id]
	parts := o.(*fyne.Container).Objects
	parts[0].(*widget.Label).SetText(p.describe(s))
	parts[1].(*widget.Label).SetText("“" + suggestionText(s) + "”")
	buttons := parts[2].(*fyne.Container).Objects
	accept, merge, reject := buttons[0].(*widget.Button), buttons[1].(*widget.Button), buttons[2].(*widget.Button)
	accept.OnTapped = func() { p.accept(s) }
	merge.OnTapped = func() { p.merge(s) }
	reject.OnTapped = func() { p.reject(s) }
	busy := p.deciding[s.key()]
	enable(accept, !busy)
	enable(merge, !busy && s.mergeable())
	enable(reject, !busy)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// forgetDecided drops the verdicts the panel no longer lists: they have
// reached the workspace and the article was read again since. A verdict
// still listed stays in, as the reading may predate it.
func (p *proposalsPanel) forgetDecided() {
	if ws := p.v.m.ws; ws != p.decidingIn {
		// Ids of another workspace say nothing about this one.
		clear(p.deciding)
		p.decidingIn = ws
	}
	listed := map[string]bool{}
	for _, s := range p.rows {
		listed[s.key()] = true
	}
	for k := range p.deciding {
		if !listed[k] {
			delete(p.deciding, k)
		}
	}
}

func suggestionText(s suggestion) string {
	if s.mention.ID != 0 {
		return s.mention.Text
	}
	return s.proposal.Text
}

// describe says in a few words what the suggestion would add.
func (p *proposalsPanel) describe(s suggestion) string {
	r := p.reading
	if m := s.mention; m.ID != 0 {
		if m.DocumentID != 0 {
			return "Mention of " + r.Documents[m.DocumentID]
		}
		return "Mention of " + r.Actors[m.ActorID]
	}
	pr := s.proposal
	switch pr.Kind {
	case model.ProposeActor:
		if name := r.Actors[pr.AliasOf]; pr.AliasOf != 0 && name != "" {
			return "Another name of " + name
		}
		return joinParts("New actor", pr.Role)
	case model.ProposeDocument:
		if title := r.Documents[pr.AliasOf]; pr.AliasOf != 0 && title != "" {
			return "Another name of " + title
		}
		return joinParts("New document", string(pr.DocumentKind))
	case model.ProposeQuote:
		if len(pr.Speakers) > 0 {
			return "Quote — " + strings.Join(pr.Speakers, " and ")
		}
		return "Quote"
	}
	return joinParts("Figure", pr.Counts)
}

// accept takes the suggestion up: a mention is confirmed; a new name
// without a known match becomes a profile of its own, one the extractor
// matched becomes an alias of it; a quote or figure becomes an excerpt.
func (p *proposalsPanel) accept(s suggestion) {
	if s.mention.ID != 0 {
		p.decideMention(s.mention, model.MentionConfirmed)
		return
	}
	pr := s.proposal
	p.decide(s, "accept “"+pr.Text+"”", func(ctx context.Context, ws *workspace.Workspace) (string, error) {
		var res workspace.Accepted
		var err error
		if pr.AliasOf == 0 && (pr.Kind == model.ProposeActor || pr.Kind == model.ProposeDocument) {
			res, err = ws.AcceptAsNew(ctx, pr.ID)
		} else {
			res, err = ws.Accept(ctx, pr.ID, 0)
		}
		if err != nil {
			return "", err
		}
		if res.Alias {
			return fmt.Sprintf("“%s” is now another name of %s %d", pr.Text, res.Kind, res.ID), nil
		}
		return fmt.Sprintf("Accepted “%s” as %s %d", pr.Text, res.Kind, res.ID), nil
	})
}

func (p *proposalsPanel) reject(s suggestion) {
	if s.mention.ID != 0 {
		p.decideMention(s.mention, model.MentionRejected)
		return
	}
	pr := s.proposal
	p.decide(s, "reject “"+pr.Text+"”", func(ctx context.Context, ws *workspace.Workspace) (string, error) {
		return fmt.Sprintf("Rejected “%s”; it will not be suggested again", pr.Text), ws.Reject(ctx, pr.ID)
	})
}

// decideMention records the analyst's verdict on a proposed mention.
func (p *proposalsPanel) decideMention(m model.Mention, state model.MentionState) {
	p.decide(suggestion{mention: m}, string(state)+" the mention “"+m.Text+"”", func(ctx context.Context, ws *workspace.Workspace) (string, error) {
		if err := ws.SetMentionState(ctx, m.ID, state); err != nil {
			return "", err
		}
		return fmt.Sprintf("Mention “%s” %s", m.Text, state), nil
	})
}

// merge asks for the existing actor or document the suggestion is of.
func (p *proposalsPanel) merge(s suggestion) {
	if !s.mergeable() {
		return
	}
	p.picker = newMergePicker(p.v.m, s.aboutDocument(), suggestionText(s), func(into int64, name string) {
		p.mergeInto(s, into, name)
	})
}

func (p *proposalsPanel) mergeInto(s suggestion, into int64, name string) {
	if m := s.mention; m.ID != 0 {
		p.decide(s, "move the mention “"+m.Text+"” to "+name, func(ctx context.Context, ws *workspace.Workspace) (string, error) {
			if m.DocumentID != 0 {
				m.DocumentID = into
			} else {
				m.ActorID = into
			}
			m.State = model.MentionConfirmed
			return fmt.Sprintf("“%s” now mentions %s", m.Text, name), ws.UpdateMention(ctx, &m)
		})
		return
	}
	pr := s.proposal
	p.decide(s, "merge “"+pr.Text+"” into "+name, func(ctx context.Context, ws *workspace.Workspace) (string, error) {
		if _, err := ws.Accept(ctx, pr.ID, into); err != nil {
			return "", err
		}
		return fmt.Sprintf("“%s” is now another name of %s", pr.Text, name), nil
	})
}

// decide runs one verdict on s in the background, then says what it did
// and lets the window read the workspace again: the article's highlights
// and suggestions change with it. A press while a verdict on s is on its
// way is ignored.
func (p *proposalsPanel) decide(s suggestion, what string, work func(context.Context, *workspace.Workspace) (string, error)) {
	key := s.key()
	if p.deciding[key] {
		return
	}
	p.deciding[key] = true
	p.list.Refresh()
	m := p.v.m
	ws := m.ws
	m.background(what, func(ctx context.Context) (func(), error) {
		said, err := work(ctx, ws)
		return func() { p.decided(key, what, said, err) }, nil
	})
}

func (p *proposalsPanel) decided(key, what, said string, err error) {
	m := p.v.m
	if err != nil {
		// Nothing changed: the buttons come back for another try.
		delete(p.deciding, key)
		p.list.Refresh()
		m.showError(what, err)
		return
	}
	m.SetMessage(said)
	if m.current < 0 || m.views[m.current] != view(p.v) {
		p.v.reload()
	}
	m.changed()
}

// mergePicker is a searchable list of the workspace's actors or
// documents, to say which one a suggestion is really of.
type mergePicker struct {
	m         *MainWindow
	documents bool
	filter    *widget.Entry
	list      *widget.List
	choices   []pickOption
	asked     int
	dialog    dialog.Dialog
	picked    func(id int64, name string)
}

// mergePickerPage bounds how many names one search shows.
const mergePickerPage = 200

func newMergePicker(m *MainWindow, documents bool, text string, picked func(int64, string)) *mergePicker {
	mp := &mergePicker{m: m, documents: documents, picked: picked}
	mp.filter = widget.NewEntry()
	mp.filter.SetPlaceHolder("Search by name")
	mp.filter.OnChanged = func(string) { mp.search() }
	mp.list = widget.NewList(func() int { return len(mp.choices) },
		func() fyne.CanvasObject { return widget.NewLabel("A name of some length") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(mp.choices) {
				o.(*widget.Label).SetText(mp.choices[id].name)
			}
		})
	mp.list.OnSelected = mp.choose
	what := "actor"
	if documents {
		what = "document"
	}
	body := container.NewBorder(mp.filter, nil, nil, nil, mp.list)
	mp.dialog = dialog.NewCustom(fmt.Sprintf("Merge “%s” into which %s?", text, what), "Cancel", body, m.Window)
	mp.dialog.Resize(fyne.NewSize(480, 440))
	mp.dialog.Show()
	mp.search()
	m.Window.Canvas().Focus(mp.filter)
	return mp
}

// search reads the names that match the filter, in the background.
func (mp *mergePicker) search() {
	mp.asked++
	asked, text := mp.asked, strings.TrimSpace(mp.filter.Text)
	mp.m.background("search the names", func(ctx context.Context) (func(), error) {
		choices, err := mp.read(ctx, text)
		if err != nil {
			return nil, err
		}
		return func() {
			if asked == mp.asked {
				mp.choices = choices
				mp.list.UnselectAll()
				mp.list.Refresh()
			}
		}, nil
	})
}

func (mp *mergePicker) read(ctx context.Context, text string) ([]pickOption, error) {
	page := model.Page{Limit: mergePickerPage}
	var out []pickOption
	if mp.documents {
		docs, _, err := mp.m.ws.ListDocuments(ctx, model.DocumentFilter{Text: text, Page: page})
		for _, d := range docs {
			out = append(out, pickOption{id: d.ID, name: d.Title})
		}
		return out, err
	}
	actors, _, err := mp.m.ws.ListActors(ctx, model.ActorFilter{Text: text, Page: page})
	for _, a := range actors {
		out = append(out, pickOption{id: a.ID, name: joinParts(a.Name, a.Role)})
	}
	return out, err
}

func (mp *mergePicker) choose(id widget.ListItemID) {
	if id < 0 || id >= len(mp.choices) {
		return
	}
	c := mp.choices[id]
	mp.dialog.Hide()
	mp.picked(c.id, c.name)
}
