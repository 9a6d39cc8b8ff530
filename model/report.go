package model

// TagCount is a tag as the codebook shows it: where it sits in the tree and
// how much carries it. The counts are of direct use only; what is tagged
// with a sub-tag counts for the sub-tag.
type TagCount struct {
	Tag      Tag
	Depth    int // 0 for a top-level tag
	Excerpts int
	Articles int
}

// ActorImpact counts what deleting an actor would remove or unlink, for the
// analyst to confirm.
type ActorImpact struct {
	Aliases   int // removed
	Mentions  int // removed
	Relations int // removed, whichever end the actor is
	Parties   int // removed
	// SpokenExcerpts stay, without a speaker.
	SpokenExcerpts int
	// LinkedExcerpts stay, without the link to the actor.
	LinkedExcerpts int
	// AffiliatedActors stay, without affiliation.
	AffiliatedActors int
}

// MergeReport says what a merge moved to the surviving actor or document,
// and what it dropped because the survivor already had it.
type MergeReport struct {
	AliasesMoved int
	// NameAdded: the merged actor's name (a document's title) became an
	// alias of the survivor. It is not added when the survivor already
	// has that alias, or when another owner holds it.
	NameAdded           bool
	MentionsMoved       int
	MentionsDropped     int // same span as a mention of the survivor
	ExcerptLinksMoved   int
	ExcerptLinksDropped int // the excerpt was linked to both
	PartiesMoved        int
	PartiesDropped      int // same document (actor) and role as the survivor's

	// Actors only.
	SpokenExcerptsMoved int
	RelationsMoved      int
	RelationsDropped    int // between the two merged actors
	AffiliationsMoved   int // actors affiliated with the merged one

	// Documents only.
	StatusEventsMoved int
}

// DocumentImpact counts what deleting a document would remove or unlink,
// for the analyst to confirm.
type DocumentImpact struct {
	Aliases      int // removed
	Parties      int // removed
	StatusEvents int // removed
	Mentions     int // removed
	// LinkedExcerpts stay, without the link to the document.
	LinkedExcerpts int
}
