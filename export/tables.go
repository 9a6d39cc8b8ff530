package export

import (
	"dossier/model"
)

// The sheets' columns. The identifying columns come first (ID, then the
// name or title), IDs of linked rows sit beside their names so that rows
// can be matched back, and long text comes last.

var articleTable = tableDef[ArticleRow]{Articles, []column[ArticleRow]{
	{header: "ID", kind: kNumber, value: func(r *ArticleRow) any { return r.Article.ID }},
	{header: "Title", kind: kText, value: func(r *ArticleRow) any { return text(r.Article.Title) }},
	{header: "Source", kind: kText, value: func(r *ArticleRow) any { return text(r.Source) }},
	{header: "Reliability", kind: kText, value: func(r *ArticleRow) any { return text(string(r.Reliability)) }},
	{header: "Author", kind: kText, value: func(r *ArticleRow) any { return text(r.Article.Author) }},
	{header: "Published (UTC)", kind: kDateTime, value: func(r *ArticleRow) any { return moment(r.Article.PublishedAt) }},
	{header: "URL", kind: kURL, value: func(r *ArticleRow) any { return text(r.Article.URL) },
		link: func(r *ArticleRow) target { return target{url: r.Article.URL} }},
	{header: "Language", kind: kText, value: func(r *ArticleRow) any { return text(r.Article.Language) }},
	{header: "Tags", kind: kText, value: func(r *ArticleRow) any { return joined(r.Tags) }},
	{header: "Excerpts", kind: kNumber, value: func(r *ArticleRow) any { return r.Excerpts }},
	{header: "Mentions", kind: kNumber, value: func(r *ArticleRow) any { return r.Mentions }},
	{header: "Notes", kind: kLongText, value: func(r *ArticleRow) any { return text(r.Article.Notes) }},
	{header: "Retrieved (UTC)", kind: kDateTime, value: func(r *ArticleRow) any { return moment(r.Article.RetrievedAt) }},
	{header: "Revision", kind: kNumber, value: func(r *ArticleRow) any { return r.Article.Revision }},
	{header: "UID", kind: kText, value: func(r *ArticleRow) any { return text(r.Article.UID) }},
	{header: "Text", kind: kBody, value: func(r *ArticleRow) any { return text(r.Article.Body) }},
}}

// articleLink leads to the article's row when the Articles sheet is in the
// workbook, and to its web address otherwise.
func articleLink(row int, url string) target { return target{table: Articles, row: row, url: url} }

var excerptTable = tableDef[ExcerptRow]{Excerpts, []column[ExcerptRow]{
	{header: "ID", kind: kNumber, value: func(r *ExcerptRow) any { return r.Excerpt.ID }},
	{header: "Article ID", kind: kNumber, value: func(r *ExcerptRow) any { return r.Excerpt.ArticleID }},
	{header: "Article", kind: kText, value: func(r *ExcerptRow) any { return text(r.ArticleTitle) },
		link: func(r *ExcerptRow) target { return articleLink(r.ArticleRow, r.ArticleURL) }},
	{header: "Published (UTC)", kind: kDateTime, value: func(r *ExcerptRow) any { return moment(r.Published) }},
	{header: "Source", kind: kText, value: func(r *ExcerptRow) any { return text(r.Source) }},
	{header: "Kind", kind: kEnum, value: func(r *ExcerptRow) any { return text(string(r.Excerpt.Kind)) },
		list: words(model.ExcerptKinds()), strict: true},
	{header: "Text", kind: kLongText, value: func(r *ExcerptRow) any { return text(r.Excerpt.Selector.Exact) }},
	{header: "Speaker", kind: kText, value: func(r *ExcerptRow) any { return text(r.Speaker) }},
	{header: "Speaker ID", kind: kNumber, value: func(r *ExcerptRow) any { return id(r.Excerpt.SpeakerID) }},
	{header: "Actors", kind: kText, value: func(r *ExcerptRow) any { return joined(r.Actors) }},
	{header: "Documents", kind: kText, value: func(r *ExcerptRow) any { return joined(r.Documents) }},
	{header: "Tags", kind: kText, value: func(r *ExcerptRow) any { return joined(r.Tags) }},
	{header: "Grading", kind: kText, value: func(r *ExcerptRow) any { return text(model.Grading(r.Reliability, r.Excerpt.Credibility)) }},
	{header: "Credibility", kind: kNumber, value: func(r *ExcerptRow) any { return id(int64(r.Excerpt.Credibility)) }},
	{header: "Note", kind: kLongText, value: func(r *ExcerptRow) any { return text(r.Excerpt.Note) }},
	{header: "Stance", kind: kLongText, value: func(r *ExcerptRow) any { return text(r.Excerpt.Stance) }},
	{header: "Start", kind: kNumber, value: func(r *ExcerptRow) any { return r.Excerpt.Span.Start }},
	{header: "End", kind: kNumber, value: func(r *ExcerptRow) any { return r.Excerpt.Span.End }},
	{header: "Orphaned", kind: kText, value: func(r *ExcerptRow) any { return yes(r.Excerpt.Orphaned) }},
	{header: "UID", kind: kText, value: func(r *ExcerptRow) any { return text(r.Excerpt.UID) }},
}}

var actorTable = tableDef[ActorRow]{Actors, []column[ActorRow]{
	{header: "ID", kind: kNumber, value: func(r *ActorRow) any { return r.Actor.ID }},
	{header: "Name", kind: kText, value: func(r *ActorRow) any { return text(r.Actor.Name) }},
	{header: "Kind", kind: kEnum, value: func(r *ActorRow) any { return text(string(r.Actor.Kind)) },
		list: words(model.ActorKinds()), strict: true},
	{header: "Role", kind: kText, value: func(r *ActorRow) any { return text(r.Actor.Role) }},
	{header: "Affiliation", kind: kText, value: func(r *ActorRow) any { return text(r.Affiliation) }},
	{header: "Affiliation ID", kind: kNumber, value: func(r *ActorRow) any { return id(r.Actor.AffiliationID) }},
	{header: "Country", kind: kText, value: func(r *ActorRow) any { return text(r.Actor.Country) }},
	{header: "Aliases", kind: kText, value: func(r *ActorRow) any { return joined(r.Aliases) }},
	{header: "Mentions", kind: kNumber, value: func(r *ActorRow) any { return r.Mentions }},
	{header: "Excerpts spoken", kind: kNumber, value: func(r *ActorRow) any { return r.Spoken }},
	{header: "First seen", kind: kDate, value: func(r *ActorRow) any { return moment(r.FirstSeen) }},
	{header: "Last seen", kind: kDate, value: func(r *ActorRow) any { return moment(r.LastSeen) }},
	{header: "Description", kind: kLongText, value: func(r *ActorRow) any { return text(r.Actor.Description) }},
	{header: "Notes", kind: kLongText, value: func(r *ActorRow) any { return text(r.Actor.Notes) }},
	{header: "UID", kind: kText, value: func(r *ActorRow) any { return text(r.Actor.UID) }},
}}

var relationTable = tableDef[RelationRow]{Relations, []column[RelationRow]{
	{header: "ID", kind: kNumber, value: func(r *RelationRow) any { return r.Relation.ID }},
	{header: "From", kind: kText, value: func(r *RelationRow) any { return text(r.From) }},
	{header: "From ID", kind: kNumber, value: func(r *RelationRow) any { return r.Relation.FromActorID }},
	{header: "Relation", kind: kEnum, value: func(r *RelationRow) any { return text(r.Relation.Type) },
		list: model.RelationTypes},
	{header: "To", kind: kText, value: func(r *RelationRow) any { return text(r.To) }},
	{header: "To ID", kind: kNumber, value: func(r *RelationRow) any { return r.Relation.ToActorID }},
	{header: "Since", kind: kDate, value: func(r *RelationRow) any { return moment(r.Relation.From) }},
	{header: "Until", kind: kDate, value: func(r *RelationRow) any { return moment(r.Relation.To) }},
	{header: "Evidence excerpt ID", kind: kNumber, value: func(r *RelationRow) any { return id(r.Relation.EvidenceExcerptID) }},
	{header: "Evidence", kind: kLongText, value: func(r *RelationRow) any { return text(r.Evidence) }},
	{header: "Note", kind: kLongText, value: func(r *RelationRow) any { return text(r.Relation.Note) }},
	{header: "UID", kind: kText, value: func(r *RelationRow) any { return text(r.Relation.UID) }},
}}

var documentTable = tableDef[DocumentRow]{Documents, []column[DocumentRow]{
	{header: "ID", kind: kNumber, value: func(r *DocumentRow) any { return r.Document.ID }},
	{header: "Title", kind: kText, value: func(r *DocumentRow) any { return text(r.Document.Title) }},
	{header: "Kind", kind: kEnum, value: func(r *DocumentRow) any { return text(string(r.Document.Kind)) },
		list: words(model.DocumentKinds()), strict: true},
	{header: "Status", kind: kEnum, value: func(r *DocumentRow) any { return text(string(r.Document.Status)) },
		list: words(model.DocumentStatuses()), strict: true},
	{header: "Status since", kind: kDate, value: func(r *DocumentRow) any { return moment(r.StatusDate) }},
	{header: "Disclosure", kind: kEnum, value: func(r *DocumentRow) any { return text(string(r.Document.Disclosure)) },
		list: words(model.Disclosures()), strict: true},
	{header: "Aliases", kind: kText, value: func(r *DocumentRow) any { return joined(r.Aliases) }},
	{header: "Parties", kind: kText, value: func(r *DocumentRow) any { return joined(partyNames(r.Parties)) }},
	{header: "Mentions", kind: kNumber, value: func(r *DocumentRow) any { return r.Mentions }},
	{header: "First seen", kind: kDate, value: func(r *DocumentRow) any { return moment(r.FirstSeen) }},
	{header: "Last seen", kind: kDate, value: func(r *DocumentRow) any { return moment(r.LastSeen) }},
	{header: "Description", kind: kLongText, value: func(r *DocumentRow) any { return text(r.Document.Description) }},
	{header: "Notes", kind: kLongText, value: func(r *DocumentRow) any { return text(r.Document.Notes) }},
	{header: "UID", kind: kText, value: func(r *DocumentRow) any { return text(r.Document.UID) }},
}}

// partyNames writes each party as "Name (role)", the form list import reads.
func partyNames(parties []Party) []string {
	out := make([]string, len(parties))
	for i, p := range parties {
		out[i] = p.Actor + " (" + string(p.Role) + ")"
	}
	return out
}

var historyTable = tableDef[StatusEventRow]{History, []column[StatusEventRow]{
	{header: "ID", kind: kNumber, value: func(r *StatusEventRow) any { return r.Event.ID }},
	{header: "Document ID", kind: kNumber, value: func(r *StatusEventRow) any { return r.Event.DocumentID }},
	{header: "Document", kind: kText, value: func(r *StatusEventRow) any { return text(r.Document) }},
	{header: "Date", kind: kDate, value: func(r *StatusEventRow) any { return moment(r.Event.Date) }},
	{header: "Status", kind: kEnum, value: func(r *StatusEventRow) any { return text(string(r.Event.Status)) },
		list: words(model.DocumentStatuses()), strict: true},
	{header: "Note", kind: kLongText, value: func(r *StatusEventRow) any { return text(r.Event.Note) }},
	{header: "Evidence excerpt ID", kind: kNumber, value: func(r *StatusEventRow) any { return id(r.Event.EvidenceExcerptID) }},
	{header: "Evidence", kind: kLongText, value: func(r *StatusEventRow) any { return text(r.Evidence) }},
	{header: "UID", kind: kText, value: func(r *StatusEventRow) any { return text(r.Event.UID) }},
}}

// mentionOf says whether a mention names an actor or a document.
func mentionOf(m model.Mention) string {
	if m.ActorID != 0 {
		return "actor"
	}
	return "document"
}

var mentionTable = tableDef[MentionRow]{Mentions, []column[MentionRow]{
	{header: "ID", kind: kNumber, value: func(r *MentionRow) any { return r.Mention.ID }},
	{header: "Article ID", kind: kNumber, value: func(r *MentionRow) any { return r.Mention.ArticleID }},
	{header: "Article", kind: kText, value: func(r *MentionRow) any { return text(r.ArticleTitle) },
		link: func(r *MentionRow) target { return articleLink(r.ArticleRow, r.ArticleURL) }},
	{header: "Published (UTC)", kind: kDateTime, value: func(r *MentionRow) any { return moment(r.Published) }},
	{header: "Of", kind: kEnum, value: func(r *MentionRow) any { return mentionOf(r.Mention) },
		list: []string{"actor", "document"}, strict: true},
	{header: "Name", kind: kText, value: func(r *MentionRow) any { return text(r.Name) }},
	{header: "Actor ID", kind: kNumber, value: func(r *MentionRow) any { return id(r.Mention.ActorID) }},
	{header: "Document ID", kind: kNumber, value: func(r *MentionRow) any { return id(r.Mention.DocumentID) }},
	{header: "Text", kind: kText, value: func(r *MentionRow) any { return text(r.Mention.Text) }},
	{header: "Start", kind: kNumber, value: func(r *MentionRow) any { return r.Mention.Span.Start }},
	{header: "End", kind: kNumber, value: func(r *MentionRow) any { return r.Mention.Span.End }},
	{header: "State", kind: kEnum, value: func(r *MentionRow) any { return text(string(r.Mention.State)) },
		list: words(model.MentionStates()), strict: true},
	{header: "Origin", kind: kText, value: func(r *MentionRow) any { return text(string(r.Mention.Origin)) }},
	{header: "UID", kind: kText, value: func(r *MentionRow) any { return text(r.Mention.UID) }},
}}

var tagTable = tableDef[TagRow]{Tags, []column[TagRow]{
	{header: "ID", kind: kNumber, value: func(r *TagRow) any { return r.Tag.ID }},
	{header: "Name", kind: kText, value: func(r *TagRow) any { return text(r.Tag.Name) }},
	{header: "Path", kind: kText, value: func(r *TagRow) any { return text(r.Path) }},
	{header: "Parent", kind: kText, value: func(r *TagRow) any { return text(r.Parent) }},
	{header: "Parent ID", kind: kNumber, value: func(r *TagRow) any { return id(r.Tag.ParentID) }},
	{header: "Colour", kind: kText, value: func(r *TagRow) any { return text(r.Tag.Colour) }},
	{header: "Excerpts", kind: kNumber, value: func(r *TagRow) any { return r.Excerpts }},
	{header: "Articles", kind: kNumber, value: func(r *TagRow) any { return r.Articles }},
	{header: "Description", kind: kLongText, value: func(r *TagRow) any { return text(r.Tag.Description) }},
	{header: "UID", kind: kText, value: func(r *TagRow) any { return text(r.Tag.UID) }},
}}
