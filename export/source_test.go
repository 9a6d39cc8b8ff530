package export

import (
	"context"
	"fmt"
	"strings"
	"time"

	"dossier/model"
)

// memSource is a Source over rows held in memory.
type memSource struct {
	articles  []ArticleRow
	excerpts  []ExcerptRow
	actors    []ActorRow
	relations []RelationRow
	documents []DocumentRow
	history   []StatusEventRow
	mentions  []MentionRow
	tags      []TagRow
	summary   Summary
}

func each[R any](ctx context.Context, rows []R, yield func(*R) error) error {
	for i := range rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := yield(&rows[i]); err != nil {
			return err
		}
	}
	return nil
}

func (m *memSource) Count(_ context.Context, t Table) (int, error) {
	switch t {
	case Articles:
		return len(m.articles), nil
	case Excerpts:
		return len(m.excerpts), nil
	case Actors:
		return len(m.actors), nil
	case Relations:
		return len(m.relations), nil
	case Documents:
		return len(m.documents), nil
	case History:
		return len(m.history), nil
	case Mentions:
		return len(m.mentions), nil
	case Tags:
		return len(m.tags), nil
	}
	return 0, fmt.Errorf("no table %q", t)
}

func (m *memSource) Articles(ctx context.Context, y func(*ArticleRow) error) error {
	return each(ctx, m.articles, y)
}
func (m *memSource) Excerpts(ctx context.Context, y func(*ExcerptRow) error) error {
	return each(ctx, m.excerpts, y)
}
func (m *memSource) Actors(ctx context.Context, y func(*ActorRow) error) error {
	return each(ctx, m.actors, y)
}
func (m *memSource) Relations(ctx context.Context, y func(*RelationRow) error) error {
	return each(ctx, m.relations, y)
}
func (m *memSource) Documents(ctx context.Context, y func(*DocumentRow) error) error {
	return each(ctx, m.documents, y)
}
func (m *memSource) History(ctx context.Context, y func(*StatusEventRow) error) error {
	return each(ctx, m.history, y)
}
func (m *memSource) Mentions(ctx context.Context, y func(*MentionRow) error) error {
	return each(ctx, m.mentions, y)
}
func (m *memSource) Tags(ctx context.Context, y func(*TagRow) error) error {
	return each(ctx, m.tags, y)
}
func (m *memSource) Summary(context.Context) (Summary, error) { return m.summary, nil }

var day0 = time.Date(2025, 11, 3, 0, 0, 0, 0, time.UTC) // a Monday

// tricky are texts a spreadsheet could take for something else.
var tricky = []string{"=1+1", "@SUM(A1)", "+7 killed", "-Miami", "\tindented", "Зеленський “quoted”", "'=already quoted"}

// sampleSource makes a small workspace of every table: n articles with two
// excerpts and a mention each, and a few of everything else.
func sampleSource(n int) *memSource {
	m := &memSource{}
	for i := 1; i <= n; i++ {
		title := fmt.Sprintf("Article %d %s", i, tricky[i%len(tricky)])
		published := day0.Add(time.Duration(i) * 37 * time.Hour)
		m.articles = append(m.articles, ArticleRow{
			Article: model.Article{Meta: model.Meta{ID: int64(i), UID: fmt.Sprintf("uid-a-%d", i)}, Title: title,
				URL: fmt.Sprintf("https://news.example/%d?a=1&b=2", i), PublishedAt: published, Language: "en",
				Body: strings.Repeat("Body text. ", 20), Revision: 1},
			Source: "Kyiv Independent", Reliability: model.ReliabilityB, Tags: []string{"Talks", "Talks / Miami"},
			Excerpts: 2, Mentions: 1,
		})
		for j := range 2 {
			id := int64(2*(i-1) + j + 1)
			m.excerpts = append(m.excerpts, ExcerptRow{
				Excerpt: model.Excerpt{Meta: model.Meta{ID: id}, ArticleID: int64(i), Kind: model.ExcerptQuote,
					Selector: model.TextQuoteSelector{Exact: tricky[int(id)%len(tricky)]}, Credibility: 2,
					Span: model.Span{Start: 10 * j, End: 10*j + 5}},
				ArticleTitle: title, ArticleURL: fmt.Sprintf("https://news.example/%d", i), Published: published,
				Reliability: model.ReliabilityB, Speaker: "Steve Witkoff", Actors: []string{"Rustem Umerov"}, ArticleRow: i,
			})
		}
		m.mentions = append(m.mentions, MentionRow{
			Mention: model.Mention{Meta: model.Meta{ID: int64(i)}, ArticleID: int64(i), ActorID: 1, Text: "Witkoff",
				State: model.MentionConfirmed, Origin: model.OriginAlias, Span: model.Span{Start: 1, End: 8}},
			ArticleTitle: title, Published: published, Name: "Steve Witkoff", ArticleRow: i,
		})
	}
	m.actors = []ActorRow{
		{Actor: model.Actor{Meta: model.Meta{ID: 1}, Name: "Steve Witkoff", Kind: model.ActorPerson, Role: "US special envoy"},
			Aliases: []string{"Witkoff", "Steven Witkoff"}, Mentions: n, FirstSeen: day0, LastSeen: day0.AddDate(0, 1, 0)},
		{Actor: model.Actor{Meta: model.Meta{ID: 2}, Name: "=HYPERLINK(\"x\")", Kind: model.ActorGroup}},
	}
	m.relations = []RelationRow{{Relation: model.Relation{Meta: model.Meta{ID: 1}, FromActorID: 1, ToActorID: 2,
		Type: "negotiates with", From: day0}, From: "Steve Witkoff", To: "=HYPERLINK(\"x\")"}}
	m.documents = []DocumentRow{{Document: model.Document{Meta: model.Meta{ID: 1}, Title: "20-point plan",
		Kind: model.DocPlan, Status: model.StatusUnderRevision, Disclosure: model.DisclosureUndisclosed},
		Aliases: []string{"20-point peace plan"}, Parties: []Party{{"Steve Witkoff", model.RoleProposer}}, StatusDate: day0}}
	m.history = []StatusEventRow{{Event: model.StatusEvent{Meta: model.Meta{ID: 1}, DocumentID: 1, Date: day0,
		Status: model.StatusPresented}, Document: "20-point plan"}}
	m.tags = []TagRow{{Tag: model.Tag{Meta: model.Meta{ID: 1}, Name: "Talks"}, Path: "Talks"},
		{Tag: model.Tag{Meta: model.Meta{ID: 2}, Name: "Miami", ParentID: 1}, Path: "Talks / Miami", Parent: "Talks"}}
	m.summary = Summary{Workspace: "peace-talks", ExportedAt: day0.Add(9 * time.Hour),
		TopActors: []Ranked{{1, "Steve Witkoff", n}}, TopDocuments: []Ranked{{1, "20-point plan", 3}},
		Weekly: []WeeklyMentions{{1, day0, 2}, {1, day0.AddDate(0, 0, 14), 1}}}
	return m
}
