package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// proposalsTap taps button on the first suggestion row that shows text,
// scrolled into sight as the analyst would, and returns the suggestion.
func proposalsTap(t *testing.T, m *MainWindow, text, button string) suggestion {
	t.Helper()
	p := m.articles.proposals
	i := slices.IndexFunc(p.rows, func(s suggestion) bool { return suggestionText(s) == text })
	if i < 0 {
		t.Fatalf("no suggestion %q", text)
	}
	s := p.rows[i]
	p.list.ScrollTo(i)
	for _, o := range test.LaidOutObjects(p.list) {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) != 3 {
			continue
		}
		if l, ok := row.Objects[1].(*widget.Label); ok && l.Text == "“"+text+"”" {
			test.Tap(articlesButton(t, row.Objects[2], button))
			m.ws.WaitRescans()
			return s
		}
	}
	t.Fatalf("suggestion %q is not on screen", text)
	return s
}

func TestProposalsListOpenSuggestions(t *testing.T) {
	m, ws := articlesDemo(t)
	a := articlesOpen(t, m, "tables 12-point")
	ctx := context.Background()
	open, _, _ := ws.ListProposals(ctx, model.ProposalFilter{ArticleID: a.ID, State: model.ProposalOpen})
	proposed, _, _ := ws.ListMentions(ctx, model.MentionFilter{ArticleID: a.ID, State: model.MentionProposed})
	p := m.articles.proposals
	if len(p.rows) != len(open)+len(proposed) || len(open) == 0 {
		t.Fatalf("panel lists %d suggestions, the workspace has %d proposals and %d mentions open",
			len(p.rows), len(open), len(proposed))
	}
	if !slices.IsSortedFunc(p.rows, func(a, b suggestion) int { return a.span().Start - b.span().Start }) {
		t.Error("suggestions are not in text order")
	}
	shown := strings.Join(textsIn(p.list), "\n")
	for _, want := range []string{"Mention of Kesteria", "“Kesteria”"} {
		if !strings.Contains(shown, want) {
			t.Errorf("panel shows %q, lacking %q", shown, want)
		}
	}
	p.list.Select(0)
	if m.articles.reader.Selection() != p.rows[0].span() {
		t.Errorf("tapping a suggestion selected %v, want %v", m.articles.reader.Selection(), p.rows[0].span())
	}
}

func TestProposalsAcceptNewActor(t *testing.T) {
	m, ws := articlesDemo(t)
	articlesOpen(t, m, "tables 12-point")
	s := proposalsTap(t, m, "Saltmere Shipping Council", "Accept")
	ctx := context.Background()
	actors, _, _ := ws.ListActors(ctx, model.ActorFilter{Text: "Saltmere Shipping Council"})
	if len(actors) != 1 {
		t.Fatalf("actors named Saltmere Shipping Council: %d, want 1", len(actors))
	}
	pr, _ := ws.Proposal(ctx, s.proposal.ID)
	if pr.State != model.ProposalAccepted || pr.ResultID != actors[0].ID {
		t.Errorf("proposal after Accept: %s → %d", pr.State, pr.ResultID)
	}
	if slices.ContainsFunc(m.articles.proposals.rows, func(r suggestion) bool { return r.proposal.ID == pr.ID }) {
		t.Error("the accepted proposal is still listed")
	}
}

func TestProposalsAcceptQuoteMakesExcerpt(t *testing.T) {
	m, ws := articlesDemo(t)
	a := articlesOpen(t, m, "tables 12-point")
	s := proposalsTap(t, m, "a non-starter", "Accept")
	pr, _ := ws.Proposal(context.Background(), s.proposal.ID)
	e, err := ws.Excerpt(context.Background(), pr.ResultID)
	if err != nil || e.ArticleID != a.ID || e.Span != s.proposal.Span || e.Kind != model.ExcerptQuote {
		t.Fatalf("excerpt made by accepting the quote: %+v, %v", e, err)
	}
	if !slices.ContainsFunc(m.articles.reader.Highlights(), func(h Highlight) bool { return h.Kind == "excerpt" && h.ID == e.ID }) {
		t.Error("the new excerpt is not highlighted")
	}
}

func TestProposalsReject(t *testing.T) {
	m, ws := articlesDemo(t)
	articlesOpen(t, m, "tables 12-point")
	s := proposalsTap(t, m, "from someone other than the side that closed the strait", "Reject")
	pr, _ := ws.Proposal(context.Background(), s.proposal.ID)
	if pr.State != model.ProposalRejected {
		t.Errorf("proposal after Reject is %s", pr.State)
	}
	if !strings.HasPrefix(m.Message.Text, "Rejected") {
		t.Errorf("message = %q", m.Message.Text)
	}
}

func TestProposalsMergeIntoActor(t *testing.T) {
	m, ws := articlesDemo(t)
	articlesOpen(t, m, "tables 12-point")
	actors, _, _ := excerptEditorIDs(t, m)
	s := proposalsTap(t, m, "Anya Terebova", "Merge…")
	picker := m.articles.proposals.picker
	if picker == nil || picker.documents {
		t.Fatal("Merge… opened no actor picker")
	}
	test.Type(picker.filter, "Reyhaven")
	if len(picker.choices) != 1 {
		t.Fatalf("search for Reyhaven found %d", len(picker.choices))
	}
	picker.list.Select(0)
	ws.WaitRescans()

	ctx := context.Background()
	pr, _ := ws.Proposal(ctx, s.proposal.ID)
	if pr.State != model.ProposalAccepted || pr.ResultID != actors["Tomas Reyhaven"] {
		t.Errorf("proposal after merge: %s → %d", pr.State, pr.ResultID)
	}
	aliases, _, _ := ws.ListAliases(ctx, model.AliasFilter{ActorID: actors["Tomas Reyhaven"]})
	if !slices.ContainsFunc(aliases, func(a model.Alias) bool { return a.Name == "Anya Terebova" }) {
		t.Errorf("Anya Terebova is not among the aliases of Tomas Reyhaven: %v", aliases)
	}
}

func TestProposalsMentions(t *testing.T) {
	m, ws := articlesDemo(t)
	articlesOpen(t, m, "tables 12-point")
	actors, _, _ := excerptEditorIDs(t, m)
	ctx := context.Background()

	s := proposalsTap(t, m, "Kesterian Federation", "Accept")
	if got, _ := ws.Mention(ctx, s.mention.ID); got.State != model.MentionConfirmed {
		t.Errorf("mention after Accept is %s", got.State)
	}

	s = proposalsTap(t, m, "Radomir Kestovan", "Merge…")
	test.Type(m.articles.proposals.picker.filter, "Reyhaven")
	m.articles.proposals.picker.list.Select(0)
	if got, _ := ws.Mention(ctx, s.mention.ID); got.ActorID != actors["Tomas Reyhaven"] || got.State != model.MentionConfirmed {
		t.Errorf("mention after merge: actor %d, %s", got.ActorID, got.State)
	}

	s = proposalsTap(t, m, "Lunemark", "Reject")
	if got, _ := ws.Mention(ctx, s.mention.ID); got.State != model.MentionRejected {
		t.Errorf("mention after Reject is %s", got.State)
	}
	if slices.ContainsFunc(m.articles.reader.Highlights(), func(h Highlight) bool { return h.Kind == "mention" && h.ID == s.mention.ID }) {
		t.Error("the rejected mention is still highlighted")
	}

	s = proposalsTap(t, m, "12-point plan", "Merge…")
	if !m.articles.proposals.picker.documents {
		t.Error("merging a document mention offers actors")
	}
}

// proposalsButton finds button on the suggestion row that shows text, as
// laid out on screen.
func proposalsButton(t *testing.T, m *MainWindow, text, button string) *widget.Button {
	t.Helper()
	p := m.articles.proposals
	i := slices.IndexFunc(p.rows, func(s suggestion) bool { return suggestionText(s) == text })
	if i < 0 {
		t.Fatalf("no suggestion %q", text)
	}
	p.list.ScrollTo(i)
	for _, o := range test.LaidOutObjects(p.list) {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) != 3 {
			continue
		}
		if l, ok := row.Objects[1].(*widget.Label); ok && l.Text == "“"+text+"”" {
			return articlesButton(t, row.Objects[2], button)
		}
	}
	t.Fatalf("suggestion %q is not on screen", text)
	return nil
}

// A second press on Accept while the first is on its way must not accept
// the proposal twice.
func TestProposalsAcceptTwiceMakesOneActor(t *testing.T) {
	m, ws := articlesDemo(t)
	articlesOpen(t, m, "tables 12-point")
	var queued []func()
	m.spawn = func(f func()) { queued = append(queued, f) }
	accept := proposalsButton(t, m, "Saltmere Shipping Council", "Accept")
	test.Tap(accept)
	if !proposalsButton(t, m, "Saltmere Shipping Council", "Accept").Disabled() {
		t.Error("Accept stays on while the first press is on its way")
	}
	accept.OnTapped() // a press that reached the button before it went off
	test.Tap(proposalsButton(t, m, "Saltmere Shipping Council", "Accept"))
	if len(queued) != 1 {
		t.Errorf("three presses started %d verdicts, want 1", len(queued))
	}
	for len(queued) > 0 {
		f := queued[0]
		queued = queued[1:]
		f()
	}
	ws.WaitRescans()
	actors, _, _ := ws.ListActors(context.Background(), model.ActorFilter{Text: "Saltmere Shipping Council"})
	if len(actors) != 1 {
		t.Errorf("actors named Saltmere Shipping Council: %d, want 1", len(actors))
	}
	if top := m.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is open after the presses: %q", textsIn(top))
	}
	if slices.ContainsFunc(m.articles.proposals.rows, func(s suggestion) bool { return s.proposal.Text == "Saltmere Shipping Council" }) {
		t.Error("the accepted proposal is still listed")
	}
	if len(m.articles.proposals.deciding) != 0 {
		t.Errorf("verdicts still on their way after the reload: %v", m.articles.proposals.deciding)
	}
}

// A verdict that fails gives the buttons back.
func TestProposalsFailedVerdictFreesTheRow(t *testing.T) {
	m, ws := articlesDemo(t)
	articlesOpen(t, m, "tables 12-point")
	p := m.articles.proposals
	i := slices.IndexFunc(p.rows, func(s suggestion) bool { return s.proposal.Text == "Saltmere Shipping Council" })
	// Someone else rejected it meanwhile: accepting it now fails.
	if err := ws.Reject(context.Background(), p.rows[i].proposal.ID); err != nil {
		t.Fatal(err)
	}
	test.Tap(proposalsButton(t, m, "Saltmere Shipping Council", "Accept"))
	if top := m.Window.Canvas().Overlays().Top(); top == nil {
		t.Fatal("the failed verdict showed no error")
	}
	closeDialogs(m.Window)
	if len(p.deciding) != 0 || proposalsButton(t, m, "Saltmere Shipping Council", "Accept").Disabled() {
		t.Errorf("after a failure the row stays off: %v", p.deciding)
	}
}
