package model

import (
	"fmt"
	"slices"
	"strings"
)

// enum describes a closed set of words stored and printed as text.
type enum[T ~string] struct {
	what   string
	values []T
}

func (e enum[T]) parse(s string) (T, error) {
	w := T(strings.ToLower(strings.TrimSpace(s)))
	w = T(strings.ReplaceAll(string(w), "_", " "))
	if slices.Contains(e.values, w) {
		return w, nil
	}
	return "", Invalidf("unknown %s %q; use one of: %s", e.what, s, e.list())
}

func (e enum[T]) valid(v T) bool { return slices.Contains(e.values, v) }

func (e enum[T]) check(v T) error {
	if e.valid(v) {
		return nil
	}
	return Invalidf("unknown %s %q; use one of: %s", e.what, string(v), e.list())
}

func (e enum[T]) list() string {
	s := make([]string, len(e.values))
	for i, v := range e.values {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// SourceKind says what a source is.
type SourceKind string

// Source kinds.
const (
	SourceOutlet SourceKind = "outlet"
	SourceAgency SourceKind = "agency"
	SourceAuthor SourceKind = "author"
	SourceOther  SourceKind = "other"
)

var sourceKinds = enum[SourceKind]{"source kind", []SourceKind{SourceOutlet, SourceAgency, SourceAuthor, SourceOther}}

// ParseSourceKind reads a source kind from text.
func ParseSourceKind(s string) (SourceKind, error) { return sourceKinds.parse(s) }

// SourceKinds lists every source kind.
func SourceKinds() []SourceKind { return slices.Clone(sourceKinds.values) }

// ActorKind says what an actor is.
type ActorKind string

// Actor kinds.
const (
	ActorPerson       ActorKind = "person"
	ActorOrganisation ActorKind = "organisation"
	ActorState        ActorKind = "state"
	ActorGroup        ActorKind = "group"
)

var actorKinds = enum[ActorKind]{"actor kind", []ActorKind{ActorPerson, ActorOrganisation, ActorState, ActorGroup}}

// ParseActorKind reads an actor kind from text.
func ParseActorKind(s string) (ActorKind, error) { return actorKinds.parse(s) }

// ActorKinds lists every actor kind.
func ActorKinds() []ActorKind { return slices.Clone(actorKinds.values) }

// DocumentKind says what a tracked document is.
type DocumentKind string

// Document kinds.
const (
	DocPlan      DocumentKind = "plan"
	DocFramework DocumentKind = "framework"
	DocAgreement DocumentKind = "agreement"
	DocStatement DocumentKind = "statement"
	DocLetter    DocumentKind = "letter"
)

var documentKinds = enum[DocumentKind]{"document kind", []DocumentKind{DocPlan, DocFramework, DocAgreement, DocStatement, DocLetter}}

// ParseDocumentKind reads a document kind from text.
func ParseDocumentKind(s string) (DocumentKind, error) { return documentKinds.parse(s) }

// DocumentKinds lists every document kind.
func DocumentKinds() []DocumentKind { return slices.Clone(documentKinds.values) }

// DocumentStatus is where a tracked document stands.
type DocumentStatus string

// Document statuses, in their usual order of life.
const (
	StatusRumoured      DocumentStatus = "rumoured"
	StatusDrafting      DocumentStatus = "drafting"
	StatusPresented     DocumentStatus = "presented"
	StatusUnderRevision DocumentStatus = "under revision"
	StatusAgreed        DocumentStatus = "agreed"
	StatusSigned        DocumentStatus = "signed"
	StatusRejected      DocumentStatus = "rejected"
	StatusSuperseded    DocumentStatus = "superseded"
)

var documentStatuses = enum[DocumentStatus]{"document status", []DocumentStatus{
	StatusRumoured, StatusDrafting, StatusPresented, StatusUnderRevision,
	StatusAgreed, StatusSigned, StatusRejected, StatusSuperseded,
}}

// ParseDocumentStatus reads a document status from text ("under_revision" is accepted).
func ParseDocumentStatus(s string) (DocumentStatus, error) { return documentStatuses.parse(s) }

// DocumentStatuses lists every document status.
func DocumentStatuses() []DocumentStatus { return slices.Clone(documentStatuses.values) }

// Disclosure says how much of a document is public.
type Disclosure string

// Disclosures.
const (
	DisclosurePublic      Disclosure = "public"
	DisclosureUndisclosed Disclosure = "undisclosed"
	DisclosureLeaked      Disclosure = "leaked"
)

var disclosures = enum[Disclosure]{"disclosure", []Disclosure{DisclosurePublic, DisclosureUndisclosed, DisclosureLeaked}}

// ParseDisclosure reads a disclosure from text.
func ParseDisclosure(s string) (Disclosure, error) { return disclosures.parse(s) }

// Disclosures lists every disclosure.
func Disclosures() []Disclosure { return slices.Clone(disclosures.values) }

// ExcerptKind says what an excerpt records.
type ExcerptKind string

// Excerpt kinds.
const (
	ExcerptQuote  ExcerptKind = "quote"
	ExcerptClaim  ExcerptKind = "claim"
	ExcerptFigure ExcerptKind = "figure"
	ExcerptEvent  ExcerptKind = "event"
	ExcerptOther  ExcerptKind = "other"
)

var excerptKinds = enum[ExcerptKind]{"excerpt kind", []ExcerptKind{ExcerptQuote, ExcerptClaim, ExcerptFigure, ExcerptEvent, ExcerptOther}}

// ParseExcerptKind reads an excerpt kind from text.
func ParseExcerptKind(s string) (ExcerptKind, error) { return excerptKinds.parse(s) }

// ExcerptKinds lists every excerpt kind.
func ExcerptKinds() []ExcerptKind { return slices.Clone(excerptKinds.values) }

// PartyRole is the part an actor plays for a document.
type PartyRole string

// Party roles.
const (
	RoleAuthor    PartyRole = "author"
	RoleProposer  PartyRole = "proposer"
	RoleSignatory PartyRole = "signatory"
	RoleGuarantor PartyRole = "guarantor"
	RoleOpponent  PartyRole = "opponent"
)

var partyRoles = enum[PartyRole]{"party role", []PartyRole{RoleAuthor, RoleProposer, RoleSignatory, RoleGuarantor, RoleOpponent}}

// ParsePartyRole reads a party role from text.
func ParsePartyRole(s string) (PartyRole, error) { return partyRoles.parse(s) }

// PartyRoles lists every party role.
func PartyRoles() []PartyRole { return slices.Clone(partyRoles.values) }

// MentionState is the analyst's verdict on a mention.
type MentionState string

// Mention states.
const (
	MentionProposed  MentionState = "proposed"
	MentionConfirmed MentionState = "confirmed"
	MentionRejected  MentionState = "rejected"
)

var mentionStates = enum[MentionState]{"mention state", []MentionState{MentionProposed, MentionConfirmed, MentionRejected}}

// ParseMentionState reads a mention state from text.
func ParseMentionState(s string) (MentionState, error) { return mentionStates.parse(s) }

// MentionStates lists every mention state.
func MentionStates() []MentionState { return slices.Clone(mentionStates.values) }

// MentionOrigin says who found a mention.
type MentionOrigin string

// Mention origins.
const (
	OriginAlias   MentionOrigin = "alias"   // found by alias matching
	OriginAnalyst MentionOrigin = "analyst" // marked by hand
)

var mentionOrigins = enum[MentionOrigin]{"mention origin", []MentionOrigin{OriginAlias, OriginAnalyst}}

// ParseMentionOrigin reads a mention origin from text.
func ParseMentionOrigin(s string) (MentionOrigin, error) { return mentionOrigins.parse(s) }

// Reliability grades a source on the NATO/Admiralty scale, A to F.
// The empty value means not graded.
type Reliability string

// Reliability grades.
const (
	ReliabilityA Reliability = "A" // completely reliable
	ReliabilityB Reliability = "B" // usually reliable
	ReliabilityC Reliability = "C" // fairly reliable
	ReliabilityD Reliability = "D" // not usually reliable
	ReliabilityE Reliability = "E" // unreliable
	ReliabilityF Reliability = "F" // reliability cannot be judged
)

var reliabilityMeaning = map[Reliability]string{
	ReliabilityA: "completely reliable", ReliabilityB: "usually reliable",
	ReliabilityC: "fairly reliable", ReliabilityD: "not usually reliable",
	ReliabilityE: "unreliable", ReliabilityF: "reliability cannot be judged",
}

// ParseReliability reads a grade A–F (any case); the empty string is "not graded".
func ParseReliability(s string) (Reliability, error) {
	r := Reliability(strings.ToUpper(strings.TrimSpace(s)))
	if err := r.Validate(); err != nil {
		return "", err
	}
	return r, nil
}

// Validate accepts A–F and the empty (ungraded) value.
func (r Reliability) Validate() error {
	if _, ok := reliabilityMeaning[r]; ok || r == "" {
		return nil
	}
	return Invalidf("unknown reliability %q; use a letter from A (completely reliable) to F (cannot be judged)", string(r))
}

// Meaning is the grade in words.
func (r Reliability) Meaning() string { return reliabilityMeaning[r] }

// Credibility grades a piece of information from 1 (confirmed) to 6
// (cannot be judged). Zero means not graded.
type Credibility int

var credibilityMeaning = [...]string{"", "confirmed by other sources", "probably true", "possibly true", "doubtful", "improbable", "truth cannot be judged"}

// ParseCredibility reads a grade 1–6; the empty string is "not graded".
func ParseCredibility(s string) (Credibility, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err != nil || fmt.Sprint(n) != s {
		return 0, Invalidf("credibility %q is not a number; use 1 (confirmed) to 6 (cannot be judged)", s)
	}
	c := Credibility(n)
	return c, c.Validate()
}

// Validate accepts 0 (not graded) and 1–6.
func (c Credibility) Validate() error {
	if c < 0 || c > 6 {
		return Invalidf("credibility %d is out of range; use 1 (confirmed) to 6 (cannot be judged)", int(c))
	}
	return nil
}

// String prints the grade as its digit, or "" when not graded.
func (c Credibility) String() string {
	if c == 0 {
		return ""
	}
	return fmt.Sprint(int(c))
}

// Meaning is the grade in words.
func (c Credibility) Meaning() string {
	if c < 0 || int(c) >= len(credibilityMeaning) {
		return ""
	}
	return credibilityMeaning[c]
}

// Grading combines a source's reliability and an excerpt's credibility,
// as analysts write it: "B2". Missing halves print as "-".
func Grading(r Reliability, c Credibility) string {
	rs, cs := string(r), c.String()
	if rs == "" && cs == "" {
		return ""
	}
	if rs == "" {
		rs = "-"
	}
	if cs == "" {
		cs = "-"
	}
	return rs + cs
}
