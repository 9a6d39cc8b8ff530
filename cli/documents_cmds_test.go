package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDocuments(t *testing.T) {
	path := sampleWorkspace(t)
	datedSample(t, path)
	mustRun(t, "actors", "add", "Steve Witkoff", "--alias", "Witkoff")
	mustRun(t, "actors", "add", "Rustem Umerov")
	mustRun(t, "excerpts", "add", "--article", "1", "--quote", "20-point plan")
	docs := func(args ...string) []string { return append([]string{"documents"}, args...) }
	usage := func(cmd string) string { return "; run 'dossier documents " + cmd + " --help' for usage\n" }
	runCases(t, []cmdCase{
		{"add with an alias", docs("add", "20-point plan", "--alias", "20 point plan", "--status", "drafting", "--description", "the redraft"),
			ExitOK, "added document 1 \"20-point plan\" (plan, drafting), also known as \"20 point plan\"\n", ""},
		{"add with defaults", docs("add", "28-point proposal"), ExitOK, "added document 2 \"28-point proposal\" (plan, rumoured)\n", ""},
		{"add a framework", docs("add", "US security guarantee framework", "--kind", "framework", "--disclosure", "public"), ExitOK,
			"added document 3 \"US security guarantee framework\" (framework, rumoured)\n", ""},
		{"unknown kind", docs("add", "Minsk II", "--kind", "treaty"), ExitUsage, "",
			"dossier: --kind: unknown document kind \"treaty\"; use one of: plan, framework, agreement, statement, letter" + usage("add")},
		{"unknown status", docs("add", "Minsk II", "--status", "dead"), ExitUsage, "",
			"dossier: --status: unknown document status \"dead\"; use one of: rumoured, drafting, presented, under revision, agreed, signed, rejected, superseded" + usage("add")},
		{"an alias that an actor holds", docs("add", "Witkoff plan", "--alias", "witkoff"), ExitFailure, "",
			"dossier: document \"Witkoff plan\" not added: add alias: alias \"witkoff\" already belongs to actor 1 \"Steve Witkoff\"; remove it there first\n"},
		{"event", docs("event", "20 point plan", "--date", "2025-12-01", "--status", "under_revision", "--evidence", "1", "--note", "after Miami"), ExitOK,
			"added status event 1 to document 1 \"20-point plan\": 2025-12-01 under revision (evidence excerpt 1); its status is under revision\n", ""},
		{"an earlier event", docs("event", "1", "--date", "2025-11-20", "--status", "presented"), ExitOK,
			"added status event 2 to document 1 \"20-point plan\": 2025-11-20 presented; its status is under revision\n", ""},
		{"event, bad date", docs("event", "1", "--date", "1 Dec", "--status", "agreed"), ExitUsage, "",
			"dossier: --date \"1 Dec\" is not a date; write it as YYYY-MM-DD, as in 2025-12-01" + usage("event")},
		{"event without a date", docs("event", "1", "--status", "agreed"), ExitUsage, "",
			"dossier: missing --date DATE; say when it happened, as in --date 2025-12-01" + usage("event")},
		{"event, missing evidence", docs("event", "1", "--date", "2025-12-02", "--status", "agreed", "--evidence", "7"), ExitFailure, "",
			"dossier: add status event: the evidence excerpt 7 does not exist\n"},
		{"edit the status of a document with a history", docs("edit", "1", "--status", "signed", "--disclosure", "leaked"), ExitOK,
			"updated document 1 \"20-point plan\" (plan, under revision)\n" +
				"its status stays \"under revision\", that of its latest status event; record a change with: dossier documents event 1 --date DATE --status signed\n", ""},
		{"edit the title", docs("edit", "28-point", "--title", "28-point plan", "--alias", "28-point proposal"), ExitOK,
			"updated document 2 \"28-point plan\" (plan, rumoured), also known as \"28-point proposal\"\n", ""},
		{"party", docs("party", "20-point plan", "Witkoff", "--role", "proposer", "--note", "with Kushner"), ExitOK,
			"added actor 1 \"Steve Witkoff\" as proposer of document 1 \"20-point plan\"\n", ""},
		{"party again", docs("party", "1", "1", "--role", "proposer"), ExitFailure, "",
			"dossier: add party: actor 1 \"Steve Witkoff\" is already listed as proposer of document 1 \"20-point plan\"\n"},
		{"another role", docs("party", "1", "Umerov", "--role", "author"), ExitOK,
			"added actor 2 \"Rustem Umerov\" as author of document 1 \"20-point plan\"\n", ""},
		{"party without a role", docs("party", "1", "1"), ExitUsage, "",
			"dossier: missing --role ROLE; say what part the actor plays: author, proposer, signatory, guarantor, opponent" + usage("party")},
		{"party, unknown actor", docs("party", "1", "Kushner", "--role", "author"), ExitFailure, "",
			"dossier: no actor is called \"Kushner\"; check the spelling, or give its id\n"},
		{"list", docs("list"), ExitOK,
			"ID  KIND       STATUS          DISCLOSURE   TITLE                            ALIASES\n" +
				"1   plan       under revision  leaked       20-point plan                    20 point plan\n" +
				"2   plan       rumoured        undisclosed  28-point plan                    28-point proposal\n" +
				"3   framework  rumoured        public       US security guarantee framework  -\n" +
				"showing 1–3 of 3\n", ""},
		{"list by status", docs("list", "--status", "rumoured", "--kind", "plan"), ExitOK,
			"ID  KIND  STATUS    DISCLOSURE   TITLE          ALIASES\n" +
				"2   plan  rumoured  undisclosed  28-point plan  28-point proposal\n" +
				"showing 1–1 of 1\n", ""},
		{"list, bad status", docs("list", "--status", "done"), ExitUsage, "",
			"dossier: --status: unknown document status \"done\"; use one of: rumoured, drafting, presented, under revision, agreed, signed, rejected, superseded" + usage("list")},
	})

	show := mustRun(t, "documents", "show", "20-point plan")
	want := "document:    1\n" +
		"title:       20-point plan\n" +
		"kind:        plan\n" +
		"status:      under revision\n" +
		"disclosure:  leaked\n" +
		"aliases:     \"20 point plan\"\n" +
		"first seen:  2025-12-03\n" +
		"last seen:   2025-12-03\n" +
		"description: the redraft\n" +
		"\nparties (2):\n" +
		"  author: actor 2 \"Rustem Umerov\"\n" +
		"  proposer: actor 1 \"Steve Witkoff\" — with Kushner\n" +
		"\nstatus history (2):\n" +
		"  2025-11-20  presented\n" +
		"  2025-12-01  under revision (evidence excerpt 1) — after Miami\n" +
		"\nmentions (1):\n"
	if !strings.HasPrefix(show, want) || !strings.Contains(show, "1665:1678  proposed  \"20-point plan\"\n") ||
		!strings.HasSuffix(show, "  2025-12-01 "+strings.Repeat("█", barWidth)+" 1\n") {
		t.Errorf("documents show:\n%s\nwant it to start\n%s", show, want)
	}
	var shown documentProfileJSON
	if err := json.Unmarshal([]byte(mustRun(t, "documents", "show", "--json", "1")), &shown); err != nil {
		t.Fatal(err)
	}
	if shown.Document.Title != "20-point plan" || len(shown.Parties) != 2 || shown.Parties[1].Actor.Name != "Steve Witkoff" ||
		len(shown.History) != 2 || shown.History[1].EvidenceExcerptID != 1 || len(shown.Mentions) != 1 {
		t.Errorf("documents show --json: %+v", shown)
	}

	runCases(t, []cmdCase{
		{"remove a party's role", docs("party", "1", "Witkoff", "--remove", "--role", "proposer"), ExitOK,
			"removed actor 1 \"Steve Witkoff\" as proposer of document 1 \"20-point plan\"\n", ""},
		{"remove a part it lacks", docs("party", "1", "Witkoff", "--remove"), ExitFailure, "",
			"dossier: actor 1 \"Steve Witkoff\" is not a party to document 1 \"20-point plan\"\n"},
		{"remove with a note", docs("party", "1", "Umerov", "--remove", "--note", "x"), ExitUsage, "",
			"dossier: --note goes with adding a part, not with --remove" + usage("party")},
		{"merge", docs("merge", "28-point plan", "20-point plan"), ExitOK,
			"merged document 2 \"28-point plan\" into document 1 \"20-point plan\"\n" +
				"  1 alias: moved\n" +
				"  1 mention: moved\n" +
				"  \"28-point plan\": now an alias of document 1 \"20-point plan\"\n", ""},
		{"delete asks first", docs("delete", "20-point plan"), ExitFailure,
			"deleting document 1 \"20-point plan\" would touch:\n" +
				"  3 aliases: removed\n" +
				"  1 party: removed\n" +
				"  2 status events: removed\n" +
				"  2 mentions: removed\n",
			"dossier: document 1 \"20-point plan\" was not deleted; run the same command again with --yes to delete it\n"},
		{"delete", docs("delete", "1", "--yes"), ExitOK,
			"deleted document 1 \"20-point plan\"\n" +
				"  3 aliases: removed\n" +
				"  1 party: removed\n" +
				"  2 status events: removed\n" +
				"  2 mentions: removed\n", ""},
		{"gone", docs("show", "20-point plan"), ExitFailure, "",
			"dossier: no document is called \"20-point plan\"; check the spelling, or give its id\n"},
	})
}
