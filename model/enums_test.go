package model_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"dossier/model"
)

// checkEnum tests one enumeration: its values are exactly want, each parses
// from itself, from other cases, with spaces around and with underscores for
// spaces, and prints as itself; nonsense is refused with a message that
// names the enumeration and lists the values.
func checkEnum[T ~string](t *testing.T, what string, parse func(string) (T, error), all []T, want ...string) {
	t.Helper()
	got := make([]string, len(all))
	for i, v := range all {
		got[i] = string(v)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%s values = %q, want %q", what, got, want)
	}
	for _, v := range all {
		s := string(v)
		for _, in := range []string{s, strings.ToUpper(s), strings.ToUpper(s[:1]) + s[1:], "  " + s + "\t", strings.ReplaceAll(s, " ", "_"), strings.ToUpper(strings.ReplaceAll(s, " ", "_"))} {
			p, err := parse(in)
			if err != nil || p != v {
				t.Errorf("parse %s %q = %q, %v; want %q", what, in, p, err, v)
			}
		}
		if fmt.Sprint(v) != s {
			t.Errorf("%s %q prints as %q", what, s, fmt.Sprint(v))
		}
	}
	for _, bad := range []string{"", "nonsense", string(all[0]) + "s", "-"} {
		p, err := parse(bad)
		if !errors.Is(err, model.ErrInvalid) {
			t.Errorf("parse %s %q = %q, %v; want ErrInvalid", what, bad, p, err)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, what) || !strings.Contains(msg, strings.Join(want, ", ")) {
			t.Errorf("parse %s %q: message %q should name %q and list the values", what, bad, msg, what)
		}
	}
}

func TestEnums(t *testing.T) {
	t.Run("source kind", func(t *testing.T) {
		checkEnum(t, "source kind", model.ParseSourceKind, model.SourceKinds(), "outlet", "agency", "author", "other")
	})
	t.Run("actor kind", func(t *testing.T) {
		checkEnum(t, "actor kind", model.ParseActorKind, model.ActorKinds(), "person", "organisation", "state", "group")
	})
	t.Run("document kind", func(t *testing.T) {
		checkEnum(t, "document kind", model.ParseDocumentKind, model.DocumentKinds(), "plan", "framework", "agreement", "statement", "letter")
	})
	t.Run("document status", func(t *testing.T) {
		checkEnum(t, "document status", model.ParseDocumentStatus, model.DocumentStatuses(),
			"rumoured", "drafting", "presented", "under revision", "agreed", "signed", "rejected", "superseded")
	})
	t.Run("disclosure", func(t *testing.T) {
		checkEnum(t, "disclosure", model.ParseDisclosure, model.Disclosures(), "public", "undisclosed", "leaked")
	})
	t.Run("excerpt kind", func(t *testing.T) {
		checkEnum(t, "excerpt kind", model.ParseExcerptKind, model.ExcerptKinds(), "quote", "claim", "figure", "event", "other")
	})
	t.Run("party role", func(t *testing.T) {
		checkEnum(t, "party role", model.ParsePartyRole, model.PartyRoles(), "author", "proposer", "signatory", "guarantor", "opponent")
	})
	t.Run("mention state", func(t *testing.T) {
		checkEnum(t, "mention state", model.ParseMentionState, model.MentionStates(), "proposed", "confirmed", "rejected")
	})
	t.Run("mention origin", func(t *testing.T) {
		checkEnum(t, "mention origin", model.ParseMentionOrigin, []model.MentionOrigin{model.OriginAlias, model.OriginAnalyst}, "alias", "analyst")
	})
}

// The lists are copies: a caller that sorts or edits one cannot change the
// enumeration.
func TestEnumListsAreCopies(t *testing.T) {
	kinds := model.ActorKinds()
	kinds[0] = "robot"
	if _, err := model.ParseActorKind("person"); err != nil {
		t.Fatalf("editing the list changed the enumeration: %v", err)
	}
	if model.ActorKinds()[0] != model.ActorPerson {
		t.Fatal("editing the list changed the next list")
	}
}

func TestParseReliability(t *testing.T) {
	tests := []struct {
		in      string
		want    model.Reliability
		meaning string
		wantErr bool
	}{
		{"A", model.ReliabilityA, "completely reliable", false},
		{"b", model.ReliabilityB, "usually reliable", false},
		{" c ", model.ReliabilityC, "fairly reliable", false},
		{"D", model.ReliabilityD, "not usually reliable", false},
		{"e", model.ReliabilityE, "unreliable", false},
		{"F", model.ReliabilityF, "reliability cannot be judged", false},
		{"", "", "", false},
		{"G", "", "", true},
		{"AB", "", "", true},
		{"1", "", "", true},
		{"B2", "", "", true},
	}
	for _, tt := range tests {
		got, err := model.ParseReliability(tt.in)
		if tt.wantErr {
			if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), "reliability") {
				t.Errorf("ParseReliability(%q) = %q, %v; want an ErrInvalid naming reliability", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseReliability(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if got.Meaning() != tt.meaning {
			t.Errorf("%q.Meaning() = %q, want %q", got, got.Meaning(), tt.meaning)
		}
	}
}

func TestParseCredibility(t *testing.T) {
	tests := []struct {
		in      string
		want    model.Credibility
		printed string
		meaning string
		wantErr string
	}{
		{"1", 1, "1", "confirmed by other sources", ""},
		{"2", 2, "2", "probably true", ""},
		{" 3 ", 3, "3", "possibly true", ""},
		{"4", 4, "4", "doubtful", ""},
		{"5", 5, "5", "improbable", ""},
		{"6", 6, "6", "truth cannot be judged", ""},
		{"", 0, "", "", ""},
		{"7", 0, "", "", "out of range"},
		{"-1", 0, "", "", "out of range"},
		{"+3", 0, "", "", "not a number"},
		{"03", 0, "", "", "not a number"},
		{"3.0", 0, "", "", "not a number"},
		{"three", 0, "", "", "not a number"},
		{"2b", 0, "", "", "not a number"},
	}
	for _, tt := range tests {
		got, err := model.ParseCredibility(tt.in)
		if tt.wantErr != "" {
			if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "credibility") {
				t.Errorf("ParseCredibility(%q) = %d, %v; want ErrInvalid saying credibility is %s", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseCredibility(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
		if got.String() != tt.printed || got.Meaning() != tt.meaning {
			t.Errorf("credibility %d prints %q meaning %q, want %q meaning %q", got, got.String(), got.Meaning(), tt.printed, tt.meaning)
		}
	}
	if got := model.Credibility(9).Meaning(); got != "" {
		t.Errorf("Credibility(9).Meaning() = %q, want empty", got)
	}
}

func TestGrading(t *testing.T) {
	tests := []struct {
		r    model.Reliability
		c    model.Credibility
		want string
	}{
		{model.ReliabilityB, 2, "B2"},
		{model.ReliabilityA, 1, "A1"},
		{model.ReliabilityF, 6, "F6"},
		{model.ReliabilityB, 0, "B-"},
		{"", 3, "-3"},
		{"", 0, ""},
	}
	for _, tt := range tests {
		if got := model.Grading(tt.r, tt.c); got != tt.want {
			t.Errorf("Grading(%q, %d) = %q, want %q", tt.r, tt.c, got, tt.want)
		}
	}
}
