package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"dossier/model"
)

// suggested runs `suggest --json` on article 1 and returns what it lists.
func suggested(t *testing.T) suggestion {
	t.Helper()
	var s suggestion
	if err := json.Unmarshal([]byte(mustRun(t, "suggest", "--json", "1")), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// proposalOf finds the open proposal of a kind with the text given.
func proposalOf(t *testing.T, s suggestion, kind model.ProposalKind, text string) model.Proposal {
	t.Helper()
	for _, p := range s.Proposals {
		if p.Kind == kind && p.Text == text {
			return p
		}
	}
	t.Fatalf("no %s proposal %q among %d", kind, text, len(s.Proposals))
	return model.Proposal{}
}

// mentionOf finds the first proposed mention with the text given.
func mentionOf(t *testing.T, s suggestion, text string) model.Mention {
	t.Helper()
	for _, m := range s.Mentions {
		if m.Text == text {
			return m
		}
	}
	t.Fatalf("no proposed mention %q among %d", text, len(s.Mentions))
	return model.Mention{}
}

func TestSuggestAcceptReject(t *testing.T) {
	sampleWorkspace(t)
	out := mustRun(t, "suggest", "1")
	for _, want := range []string{
		"article 1 \"Diplomatic Push Intensifies: US, Europe…\": 34 proposals, 0 proposed mentions\n",
		"\nactors (13):\n", "\nquotes (8):\n", "\ndocuments (5):\n", "\nfigures (8):\n",
		`"Dmitry Peskov"       Kremlin spokesman, person`,
		`"productive and constructive"                                   said by Steve Witkoff`,
		`"28-point proposal"                            plan`,
		`"approximately 1,300 attack drones"  counts attack drones`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("suggest does not show %q:\n%s", want, out)
		}
	}
	s := suggested(t)
	peskov := proposalOf(t, s, model.ProposeActor, "Dmitry Peskov")
	if !strings.Contains(out, fmt.Sprintf("  P%d  %d:%d", peskov.ID, peskov.Span.Start, peskov.Span.End)) {
		t.Errorf("suggest does not show P%d with its span:\n%s", peskov.ID, out)
	}
	p := func(pr model.Proposal) string { return fmt.Sprintf("P%d", pr.ID) }
	runCases(t, []cmdCase{
		{"accept an actor", []string{"accept", p(peskov)}, ExitOK, "created actor 1 \"Dmitry Peskov\" (Kremlin spokesman)\n", ""},
		{"accept it again", []string{"accept", p(peskov)}, ExitFailure, "",
			fmt.Sprintf("dossier: proposal %d is already accepted\n", peskov.ID)},
		{"reject what was accepted", []string{"reject", p(peskov)}, ExitFailure, "",
			fmt.Sprintf("dossier: proposal %d was accepted already and made actor 1; change or delete that instead\n", peskov.ID)},
	})

	// A new name has the article scanned again, which may renumber its
	// open proposals: read them again.
	drones := proposalOf(t, suggested(t), model.ProposeFigure, "approximately 1,300 attack drones")
	quote := proposalOf(t, suggested(t), model.ProposeQuote, "productive and constructive")
	runCases(t, []cmdCase{
		{"reject a figure, bare number", []string{"reject", fmt.Sprint(drones.ID)}, ExitOK,
			fmt.Sprintf("rejected proposal %d (figure \"approximately 1,300 attack drones\"); it will not be proposed again\n", drones.ID), ""},
		{"a quote cannot go into a profile", []string{"accept", p(quote), "--into", "1"}, ExitUsage, "",
			"dossier: --into goes with actor and document proposals; a quote becomes an excerpt of its own; run 'dossier accept --help' for usage\n"},
		{"accept a quote, lower-case p", []string{"accept", strings.ToLower(p(quote))}, ExitOK,
			fmt.Sprintf("created excerpt 1: \"productive and constructive\" (quote, span %d:%d)\n", quote.Span.Start, quote.Span.End), ""},
		{"no such proposal", []string{"accept", "P999"}, ExitFailure, "", "dossier: read proposal: proposal 999 does not exist\n"},
		{"not a proposal", []string{"reject", "X12"}, ExitUsage, "",
			"dossier: \"X12\" is not a proposal or a mention; give the id that 'dossier suggest' shows, as in P12 or M5; run 'dossier reject --help' for usage\n"},
		{"no article", []string{"suggest", "99"}, ExitFailure, "", "dossier: read article: article 99 does not exist\n"},
		{"not an article", []string{"suggest", "first"}, ExitUsage, "",
			"dossier: article \"first\" is not an id; give the number that the listings show, as in 12; run 'dossier suggest --help' for usage\n"},
	})

	again := suggested(t)
	for _, gone := range []model.Proposal{peskov, drones, quote} {
		for _, p := range again.Proposals {
			if p.Kind == gone.Kind && p.Text == gone.Text && p.Span == gone.Span {
				t.Errorf("%s %q at %v is proposed again", gone.Kind, gone.Text, gone.Span)
			}
		}
	}
	if len(again.Proposals) != len(s.Proposals)-3 {
		t.Errorf("%d proposals after accepting two and rejecting one of %d", len(again.Proposals), len(s.Proposals))
	}
	// The new actor's name is now found in the article, for the profile.
	profile := mustRun(t, "actors", "show", "peskov")
	if !strings.Contains(profile, "\nmentions (1):\n") || !strings.Contains(profile, "proposed  \"Dmitry Peskov\"\n") {
		t.Errorf("the accepted actor's profile lists no mention:\n%s", profile)
	}
	if !regexp.MustCompile(`\nrole: +Kremlin spokesman\n`).MatchString(profile) {
		t.Errorf("the accepted actor has no role:\n%s", profile)
	}
}

func TestAcceptIntoAProfile(t *testing.T) {
	sampleWorkspace(t)
	mustRun(t, "actors", "add", "Vladimir Putin", "--role", "President of Russia")
	mustRun(t, "actors", "add", "Volodymyr Zelensky")
	mustRun(t, "documents", "add", "28-point plan")
	out := mustRun(t, "suggest", "1")
	if !strings.Contains(out, `President, person, alias of actor 1 "Vladimir Putin"`) {
		t.Errorf("\"Putin\" is not proposed as an alias of actor 1:\n%s", out)
	}
	// Each step that adds a name has the article scanned again, which may
	// renumber its proposals and proposed mentions: look them up afresh.
	putin := proposalOf(t, suggested(t), model.ProposeActor, "Putin")
	runCases(t, []cmdCase{{"a variant goes to its profile", []string{"accept", fmt.Sprintf("P%d", putin.ID)}, ExitOK,
		"added \"Putin\" as an alias of actor 1 \"Vladimir Putin\"\n", ""}})
	plan := proposalOf(t, suggested(t), model.ProposeDocument, "28-point proposal")
	runCases(t, []cmdCase{{"into a document by name", []string{"accept", fmt.Sprintf("P%d", plan.ID), "--into", "28-POINT plan"}, ExitOK,
		"added \"28-point proposal\" as an alias of document 1 \"28-point plan\"\n", ""}})
	s := suggested(t)
	kushner := proposalOf(t, s, model.ProposeActor, "Jared Kushner")
	mention := mentionOf(t, s, "Volodymyr Zelensky")
	runCases(t, []cmdCase{
		{"into an unknown actor", []string{"accept", fmt.Sprintf("P%d", kushner.ID), "--into", "Ivanka"}, ExitFailure, "",
			"dossier: no actor is called \"Ivanka\"; check the spelling, or give its id\n"},
		{"a mention has no --into", []string{"accept", fmt.Sprintf("M%d", mention.ID), "--into", "1"}, ExitUsage, "",
			"dossier: --into and --new go with a proposal (P…); a mention (M…) names its actor or document already; run 'dossier accept --help' for usage\n"},
		{"confirm a mention", []string{"accept", fmt.Sprintf("m%d", mention.ID)}, ExitOK,
			fmt.Sprintf("confirmed mention %d: %q in article 1 is actor 2 \"Volodymyr Zelensky\"\n", mention.ID, mention.Text), ""},
		{"no such mention", []string{"reject", "M999"}, ExitFailure, "", "dossier: read mention: mention 999 does not exist\n"},
	})
	if got := mustRun(t, "mentions", "list", "--state", "confirmed", "--actor", "zelensky"); !strings.HasSuffix(got, "showing 1–1 of 1\n") {
		t.Errorf("the confirmed mention is not listed:\n%s", got)
	}
	// Putin is now found in the article under its new alias.
	if got := mustRun(t, "mentions", "list", "--actor", "Putin"); !strings.Contains(got, "\"Putin\"  actor 1 \"Vladimir Putin\"\n") {
		t.Errorf("no mention of the new alias:\n%s", got)
	}
}

func TestMentionsList(t *testing.T) {
	sampleWorkspace(t)
	mustRun(t, "actors", "add", "Steve Witkoff", "--role", "special envoy", "--alias", "Witkoff")
	mustRun(t, "documents", "add", "20-point plan")
	usage := "; run 'dossier mentions list --help' for usage\n"
	witkoff := "ID  ARTICLE  SPAN       STATE     FOUND BY  TEXT             NAMES\n" +
		"M1  1        766:779    proposed  alias     \"Steve Witkoff\"  actor 1 \"Steve Witkoff\"\n" +
		"M2  1        1380:1387  proposed  alias     \"Witkoff\"        actor 1 \"Steve Witkoff\"\n"
	runCases(t, []cmdCase{
		{"an actor's, found after adding it", []string{"mentions", "list", "--actor", "witkoff", "--limit", "2"}, ExitOK,
			witkoff + "showing 1–2 of 5\n", ""},
		{"reject one", []string{"reject", "M2"}, ExitOK,
			"rejected mention 2: \"Witkoff\" in article 1 is not actor 1 \"Steve Witkoff\"; it will not be proposed again\n", ""},
		{"by state", []string{"mentions", "list", "--state", "rejected", "--article", "1"}, ExitOK,
			"ID  ARTICLE  SPAN       STATE     FOUND BY  TEXT       NAMES\n" +
				"M2  1        1380:1387  rejected  alias     \"Witkoff\"  actor 1 \"Steve Witkoff\"\n" +
				"showing 1–1 of 1\n", ""},
		{"none", []string{"mentions", "list", "--article", "2"}, ExitOK, "no mentions\n", ""},
		{"actor and document", []string{"mentions", "list", "--actor", "1", "--document", "1"}, ExitUsage, "",
			"dossier: give --actor or --document, not both; a mention names one actor or one document" + usage},
		{"bad state", []string{"mentions", "list", "--state", "maybe"}, ExitUsage, "",
			"dossier: --state: unknown mention state \"maybe\"; use one of: proposed, confirmed, rejected" + usage},
		{"bad article", []string{"mentions", "list", "--article", "one"}, ExitUsage, "",
			"dossier: --article \"one\" is not an id; give the number that the listings show, as in 12" + usage},
		{"unknown actor", []string{"mentions", "list", "--actor", "Dmitriev"}, ExitFailure, "",
			"dossier: no actor is called \"Dmitriev\"; check the spelling, or give its id\n"},
	})
	doc := mustRun(t, "mentions", "list", "--document", "20-point")
	if !strings.Contains(doc, "  1665:1678  proposed  alias     \"20-point plan\"  document 1 \"20-point plan\"\n") {
		t.Errorf("a document's mentions:\n%s", doc)
	}
	// The rejected mention stays rejected when the names are found again.
	mustRun(t, "rescan")
	var page mentionPage
	if err := json.Unmarshal([]byte(mustRun(t, "mentions", "list", "--json", "--actor", "1")), &page); err != nil {
		t.Fatal(err)
	}
	if page.Total != 5 || len(page.Mentions) != 5 || page.Mentions[1].State != model.MentionRejected {
		t.Errorf("after a rescan: %+v", page)
	}
}

func TestRescan(t *testing.T) {
	sampleWorkspace(t)
	mustRun(t, "actors", "add", "Steve Witkoff", "--alias", "Witkoff")
	runCases(t, []cmdCase{
		{"text", []string{"rescan"}, ExitOK, "rescanned 1 article: 5 proposed mentions and 33 open proposals in the workspace\n", ""},
		{"json", []string{"rescan", "--json"}, ExitOK,
			"{\n  \"articles\": 1,\n  \"proposed_mentions\": 5,\n  \"open_proposals\": 33\n}\n", ""},
		{"no arguments", []string{"rescan", "1"}, ExitUsage, "", "dossier: unexpected argument \"1\"; run 'dossier rescan --help' for usage\n"},
	})

	fakeTerminal(t)
	code, out, errOut := run("rescan")
	if code != ExitOK || !strings.HasPrefix(out, "rescanned 1 article") {
		t.Fatalf("on a terminal: exit %d, stdout %q", code, out)
	}
	shown := "\rrescanning: 1 of 1 done (article 1)"
	if want := shown + "\r" + strings.Repeat(" ", len(shown)-1) + "\r"; errOut != want {
		t.Fatalf("progress %q, want %q", errOut, want)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	if code := Run(ctx, []string{"rescan"}, &stdout, &stderr); code != ExitFailure || stdout.Len() != 0 {
		t.Fatalf("interrupted: exit %d, stdout %q", code, stdout.String())
	}
	if want := "dossier: rescan interrupted after 0 articles; what was scanned is stored; run the command again to scan every article\n"; stderr.String() != want {
		t.Fatalf("interrupted: stderr %q", stderr.String())
	}
}

func TestParseSuggestionRef(t *testing.T) {
	tests := []struct {
		in      string
		want    suggestionRef
		wantErr bool
	}{
		{"P12", suggestionRef{id: 12}, false},
		{"p7", suggestionRef{id: 7}, false},
		{" 3 ", suggestionRef{id: 3}, false},
		{"M5", suggestionRef{id: 5, mention: true}, false},
		{"m1", suggestionRef{id: 1, mention: true}, false},
		{"P", suggestionRef{}, true},
		{"P0", suggestionRef{}, true},
		{"P-2", suggestionRef{}, true},
		{"Q4", suggestionRef{}, true},
		{"PM4", suggestionRef{}, true},
	}
	for _, tt := range tests {
		got, err := parseSuggestionRef(tt.in)
		if (err != nil) != tt.wantErr || (!tt.wantErr && got != tt.want) {
			t.Errorf("parseSuggestionRef(%q) = %+v, %v; want %+v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !isUsage(err) {
			t.Errorf("parseSuggestionRef(%q): %v is not a usage error", tt.in, err)
		}
	}
}
