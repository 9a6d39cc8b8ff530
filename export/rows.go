package export

import (
	"time"

	"dossier/model"
)

// The rows a Source yields: an entity of the model with the names and
// counts that a sheet shows beside it. Names of linked things are resolved
// by the source, so that the sheet reads in words and the IDs beside them
// let rows be matched back.

// ArticleRow is a row of the Articles sheet.
type ArticleRow struct {
	Article     model.Article // with its Body: the Text column
	Source      string
	Reliability model.Reliability
	Tags        []string // tag paths, "Parent / Child"
	Excerpts    int
	Mentions    int // not rejected
}

// ExcerptRow is a row of the Excerpts sheet.
type ExcerptRow struct {
	Excerpt      model.Excerpt
	ArticleTitle string
	ArticleURL   string
	Published    time.Time
	Source       string
	Reliability  model.Reliability
	Speaker      string
	Actors       []string
	Documents    []string
	Tags         []string
	// ArticleRow is the 1-based position of the excerpt's article among the
	// rows of the Articles sheet(s), or 0 when the article is not exported.
	ArticleRow int
}

// ActorRow is a row of the Actors sheet.
type ActorRow struct {
	Actor       model.Actor
	Affiliation string
	Aliases     []string
	Mentions    int // not rejected
	Spoken      int // excerpts the actor speaks
	// FirstSeen and LastSeen are the publication dates of the first and
	// last article that mentions the actor.
	FirstSeen, LastSeen time.Time
}

// RelationRow is a row of the Relations sheet.
type RelationRow struct {
	Relation model.Relation
	From, To string // the actors' names
	Evidence string // the evidence excerpt's text
}

// Party is an actor's part in a document, by name.
type Party struct {
	Actor string
	Role  model.PartyRole
}

// DocumentRow is a row of the Documents sheet.
type DocumentRow struct {
	Document   model.Document
	Aliases    []string
	Parties    []Party
	StatusDate time.Time // the date of the latest status event
	Mentions   int       // not rejected
	// FirstSeen and LastSeen are the publication dates of the first and
	// last article that mentions the document.
	FirstSeen, LastSeen time.Time
}

// StatusEventRow is a row of the Document history sheet.
type StatusEventRow struct {
	Event    model.StatusEvent
	Document string
	Evidence string // the evidence excerpt's text
}

// MentionRow is a row of the Mentions sheet.
type MentionRow struct {
	Mention      model.Mention
	ArticleTitle string
	ArticleURL   string
	Published    time.Time
	Name         string // the actor's name or the document's title
	ArticleRow   int    // as in ExcerptRow
}

// TagRow is a row of the Tags sheet.
type TagRow struct {
	Tag      model.Tag
	Path     string // "Parent / Child"
	Parent   string
	Excerpts int // tagged directly
	Articles int // tagged directly
}

// Summary is what the Summary sheet shows beside the row counts.
type Summary struct {
	Workspace  string
	ExportedAt time.Time
	// Filters are the filters applied, each as a sentence; none means the
	// whole workspace.
	Filters      []string
	TopActors    []Ranked
	TopDocuments []Ranked
	// Weekly counts the mentions of the top actors per week (weeks start
	// on Monday), by the publication date of the article.
	Weekly []WeeklyMentions
}

// Ranked is an actor or document with its number of mentions.
type Ranked struct {
	ID       int64
	Name     string
	Mentions int
}

// WeeklyMentions is one actor's mentions in one week.
type WeeklyMentions struct {
	ActorID  int64
	Week     time.Time // the Monday
	Mentions int
}
