package cli

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"dossier/model"
	"dossier/workspace"
)

// datedSample dates the sample article 2025-12-03, a Wednesday, so that
// its mentions fall in the week of Monday 2025-12-01.
func datedSample(t *testing.T, path string) {
	t.Helper()
	withWorkspace(t, path, func(ctx context.Context, ws *workspace.Workspace) {
		a, err := ws.Article(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		a.PublishedAt = time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)
		if err := ws.UpdateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
	})
}

func TestActors(t *testing.T) {
	path := sampleWorkspace(t)
	datedSample(t, path)
	actors := func(args ...string) []string { return append([]string{"actors"}, args...) }
	runCases(t, []cmdCase{
		{"add with aliases", actors("add", "Steve Witkoff", "--role", "special envoy", "--country", "US", "--alias", "Witkoff", "--alias", "Steven Witkoff"),
			ExitOK, "added actor 1 \"Steve Witkoff\" (special envoy), also known as \"Witkoff\", \"Steven Witkoff\"\n", ""},
		{"add with an affiliation", actors("add", "Rustem Umerov", "--role", "chief negotiator", "--affiliation", "zelensky"),
			ExitFailure, "", "dossier: no actor is called \"zelensky\"; check the spelling, or give its id\n"},
		{"add a state", actors("add", "Ukraine", "--kind", "State"), ExitOK, "added actor 2 \"Ukraine\" (state)\n", ""},
		{"add, affiliated", actors("add", "Rustem Umerov", "--role", "chief negotiator", "--affiliation", "ukraine", "--alias", "Umerov"),
			ExitOK, "added actor 3 \"Rustem Umerov\" (chief negotiator), also known as \"Umerov\"\n", ""},
		{"an alias that is taken", actors("add", "Umerov Jr", "--alias", "UMEROV"), ExitFailure, "",
			"dossier: actor \"Umerov Jr\" not added: add alias: alias \"UMEROV\" already belongs to actor 3 \"Rustem Umerov\"; remove it there first or merge the two actors\n"},
		{"unknown kind", actors("add", "Sybiga", "--kind", "minister"), ExitUsage, "",
			"dossier: --kind: unknown actor kind \"minister\"; use one of: person, organisation, state, group; run 'dossier actors add --help' for usage\n"},
		{"blank name", actors("add", " "), ExitUsage, "",
			"dossier: actor name is empty; give it a name; run 'dossier actors add --help' for usage\n"},
		{"edit", actors("edit", "Steven Witkoff", "--role", "US special envoy", "--country", ""), ExitOK,
			"updated actor 1 \"Steve Witkoff\" (US special envoy)\n", ""},
		{"edit nothing", actors("edit", "1"), ExitUsage, "",
			"dossier: nothing to change; give the fields to change, as in --role \"special envoy\"; run 'dossier actors edit --help' for usage\n"},
		{"edit an unknown actor", actors("edit", "Dmitriev", "--role", "envoy"), ExitFailure, "",
			"dossier: no actor is called \"Dmitriev\"; check the spelling, or give its id\n"},
		{"list", actors("list"), ExitOK,
			"ID  KIND    NAME           ROLE              ALIASES\n" +
				"3   person  Rustem Umerov  chief negotiator  Umerov\n" +
				"1   person  Steve Witkoff  US special envoy  Witkoff, Steven Witkoff\n" +
				"2   state   Ukraine        -                 -\n" +
				"showing 1–3 of 3\n", ""},
		{"list by kind and text", actors("list", "--kind", "person", "--text", "witk"), ExitOK,
			"ID  KIND    NAME           ROLE              ALIASES\n" +
				"1   person  Steve Witkoff  US special envoy  Witkoff, Steven Witkoff\n" +
				"showing 1–1 of 1\n", ""},
		{"list, bad kind", actors("list", "--kind", "people"), ExitUsage, "",
			"dossier: --kind: unknown actor kind \"people\"; use one of: person, organisation, state, group; run 'dossier actors list --help' for usage\n"},
		{"relate", actors("relate", "Witkoff", "umerov", "--type", "negotiates with", "--from", "2025-11-30", "--note", "in Miami"), ExitOK,
			"added relation 1: Steve Witkoff negotiates with Rustem Umerov (actor 3) [relation 1, from 2025-11-30] — in Miami\n", ""},
		{"relate, bad date", actors("relate", "1", "3", "--type", "advises", "--to", "2025-02-30"), ExitUsage, "",
			"dossier: --to \"2025-02-30\" is not a date; write it as YYYY-MM-DD, as in 2025-12-01; run 'dossier actors relate --help' for usage\n"},
		{"relate without a type", actors("relate", "1", "3"), ExitUsage, "",
			"dossier: missing --type TYPE; say how the two are related, as in --type \"negotiates with\"; run 'dossier actors relate --help' for usage\n"},
		{"relate to itself", actors("relate", "1", "witkoff", "--type", "advises"), ExitFailure, "",
			"dossier: an actor cannot be related to itself\n"},
		{"relate with missing evidence", actors("relate", "1", "3", "--type", "advises", "--evidence", "9"), ExitFailure, "",
			"dossier: create relation: the evidence excerpt 9 does not exist\n"},
	})

	profile := mustRun(t, "actors", "show", "Witkoff")
	want := "actor:      1\n" +
		"name:       Steve Witkoff\n" +
		"kind:       person\n" +
		"role:       US special envoy\n" +
		"aliases:    \"Steven Witkoff\", \"Witkoff\"\n" +
		"first seen: 2025-12-03\n" +
		"last seen:  2025-12-03\n" +
		"\nrelations (1):\n" +
		"  Steve Witkoff negotiates with Rustem Umerov (actor 3) [relation 1, from 2025-11-30] — in Miami\n" +
		"\nquotes: none\n" +
		"\ndocuments: none\n" +
		"\nmentions (5):\n" +
		"  M# article 1  2025-12-03  766:779    proposed  \"Steve Witkoff\"\n" +
		"  M# article 1  2025-12-03  1380:1387  proposed  \"Witkoff\"\n" +
		"  M# article 1  2025-12-03  2337:2344  proposed  \"Witkoff\"\n" +
		"  M# article 1  2025-12-03  3083:3090  proposed  \"Witkoff\"\n" +
		"  M# article 1  2025-12-03  3143:3150  proposed  \"Witkoff\"\n" +
		"\nmentions per week (weeks start on Monday):\n" +
		"  2025-12-01 " + strings.Repeat("█", barWidth) + " 5\n"
	// Mention ids follow the order of scans, which is not the point here.
	profile = regexp.MustCompile(`M\d+ +article`).ReplaceAllString(profile, "M# article")
	if profile != want {
		t.Errorf("actors show:\n%s\nwant\n%s", profile, want)
	}
	var shown actorProfileJSON
	if err := json.Unmarshal([]byte(mustRun(t, "actors", "show", "--json", "umerov")), &shown); err != nil {
		t.Fatal(err)
	}
	if shown.Actor.Name != "Rustem Umerov" || shown.Affiliation == nil || shown.Affiliation.Name != "Ukraine" ||
		len(shown.Relations) != 1 || shown.Relations[0].Outgoing || shown.Relations[0].Other.ID != 1 ||
		len(shown.Mentions) != 2 || len(shown.Timeline) != 1 || shown.Timeline[0].Count != 2 {
		t.Errorf("actors show --json: %+v", shown)
	}
}

func TestActorsAlias(t *testing.T) {
	sampleWorkspace(t)
	mustRun(t, "actors", "add", "Steve Witkoff", "--alias", "Witkoff")
	mustRun(t, "documents", "add", "28-point plan", "--alias", "28-point proposal")
	alias := func(args ...string) []string { return append([]string{"actors", "alias"}, args...) }
	usage := "; run 'dossier actors alias --help' for usage\n"
	runCases(t, []cmdCase{
		{"add", alias("witkoff", "--add", "Steven Witkoff"), ExitOK, "added \"Steven Witkoff\" as an alias of actor 1 \"Steve Witkoff\"\n", ""},
		{"add one it has", alias("1", "--add", "STEVEN  witkoff"), ExitFailure, "",
			"dossier: add alias: alias \"STEVEN  witkoff\" is already an alias of actor 1 \"Steve Witkoff\"\n"},
		{"add a document's", alias("1", "--add", "28-point proposal"), ExitFailure, "",
			"dossier: add alias: alias \"28-point proposal\" already belongs to document 1 \"28-point plan\"; remove it there first\n"},
		{"rename", alias("1", "--rename", "steven witkoff", "--to", "Stephen Witkoff"), ExitOK,
			"renamed alias \"Steven Witkoff\" of actor 1 \"Steve Witkoff\" to \"Stephen Witkoff\"\n", ""},
		{"remove", alias("1", "--remove", "Witkoff"), ExitOK, "removed alias \"Witkoff\" from actor 1 \"Steve Witkoff\"\n", ""},
		{"remove one it lacks", alias("1", "--remove", "Witkoff"), ExitFailure, "",
			"dossier: actor 1 \"Steve Witkoff\" has no alias \"Witkoff\"; its aliases are \"Stephen Witkoff\"\n"},
		{"two at once", alias("1", "--add", "a", "--remove", "b"), ExitUsage, "",
			"dossier: give exactly one of --add NAME, --rename OLD --to NEW and --remove NAME" + usage},
		{"none", alias("1"), ExitUsage, "", "dossier: give exactly one of --add NAME, --rename OLD --to NEW and --remove NAME" + usage},
		{"rename without --to", alias("1", "--rename", "a"), ExitUsage, "", "dossier: --rename OLD and --to NEW go together" + usage},
		{"blank", alias("1", "--add", " "), ExitUsage, "", "dossier: --add is blank; give a name" + usage},
	})
	// The aliases changed in the article's mentions too: "Witkoff" alone is
	// no longer a name of the actor.
	var page mentionPage
	if err := json.Unmarshal([]byte(mustRun(t, "mentions", "list", "--json", "--actor", "1")), &page); err != nil {
		t.Fatal(err)
	}
	if page.Total != 1 || page.Mentions[0].Text != "Steve Witkoff" {
		t.Errorf("mentions after removing the alias: %+v", page)
	}
}

func TestActorsMergeAndDelete(t *testing.T) {
	sampleWorkspace(t)
	mustRun(t, "actors", "add", "Steve Witkoff", "--alias", "Witkoff")
	mustRun(t, "actors", "add", "Rustem Umerov", "--role", "chief negotiator", "--alias", "Umerov")
	mustRun(t, "actors", "add", "Andorra", "--kind", "state")          // not in the article
	mustRun(t, "actors", "edit", "Andorra", "--affiliation", "Umerov") // odd, but it shows an affiliation moving
	mustRun(t, "actors", "relate", "Witkoff", "Umerov", "--type", "negotiates with")
	mustRun(t, "excerpts", "add", "--article", "1", "--quote", "productive and constructive", "--speaker", "Umerov", "--actor", "Witkoff")
	mustRun(t, "documents", "add", "20-point plan")
	mustRun(t, "documents", "party", "20-point plan", "Umerov", "--role", "proposer")
	runCases(t, []cmdCase{
		{"merge", []string{"actors", "merge", "umerov", "Witkoff"}, ExitOK,
			"merged actor 2 \"Rustem Umerov\" into actor 1 \"Steve Witkoff\"\n" +
				"  1 alias: moved\n" +
				"  2 mentions: moved\n" +
				"  1 part in a document: moved\n" +
				"  1 excerpt spoken: moved to the other speaker\n" +
				"  1 relation between the two: dropped\n" +
				"  1 affiliated actor: now affiliated with the other\n" +
				"  \"Rustem Umerov\": now an alias of actor 1 \"Steve Witkoff\"\n", ""},
		{"merge into itself", []string{"actors", "merge", "1", "Witkoff"}, ExitFailure, "",
			"dossier: actor 1 cannot be merged into itself\n"},
		{"merge a gone actor", []string{"actors", "merge", "2", "1"}, ExitFailure, "", "dossier: read actor: actor 2 does not exist\n"},
		{"delete asks first", []string{"actors", "delete", "umerov"}, ExitFailure,
			"deleting actor 1 \"Steve Witkoff\" would touch:\n" +
				"  3 aliases: removed\n" +
				"  7 mentions: removed\n" +
				"  1 part in a document: removed\n" +
				"  1 excerpt it speaks: kept, without a speaker\n" +
				"  1 excerpt it is involved in: kept, without the link to it\n" +
				"  1 affiliated actor: kept, without affiliation\n",
			"dossier: actor 1 \"Steve Witkoff\" was not deleted; run the same command again with --yes to delete it\n"},
		{"delete", []string{"actors", "delete", "umerov", "--yes"}, ExitOK,
			"deleted actor 1 \"Steve Witkoff\"\n" +
				"  3 aliases: removed\n" +
				"  7 mentions: removed\n" +
				"  1 part in a document: removed\n" +
				"  1 excerpt it speaks: kept, without a speaker\n" +
				"  1 excerpt it is involved in: kept, without the link to it\n" +
				"  1 affiliated actor: kept, without affiliation\n", ""},
		{"delete one that nothing refers to", []string{"actors", "delete", "andorra"}, ExitFailure,
			"deleting actor 3 \"Andorra\" would touch:\n  nothing else; nothing refers to it\n",
			"dossier: actor 3 \"Andorra\" was not deleted; run the same command again with --yes to delete it\n"},
		{"list what is left", []string{"actors", "list"}, ExitOK,
			"ID  KIND   NAME     ROLE  ALIASES\n3   state  Andorra  -     -\nshowing 1–1 of 1\n", ""},
	})
	if ex := mustRun(t, "excerpts", "list"); !strings.Contains(ex, "  -        “productive and constructive”") &&
		!strings.Contains(ex, "-        productive and constructive") {
		t.Errorf("the excerpt lost its speaker but should stay:\n%s", ex)
	}
}

func TestTimelineBars(t *testing.T) {
	week := func(d int) time.Time { return time.Date(2025, 12, d, 0, 0, 0, 0, time.UTC) }
	bar := func(n int) string { return strings.Repeat("█", n) + strings.Repeat(" ", barWidth-n) }
	tests := []struct {
		name  string
		weeks []model.DatedCount
		want  []string
	}{
		{"none", nil, []string{}},
		{"one week is a full bar", []model.DatedCount{{Week: week(1), Count: 4}}, []string{"2025-12-01 " + bar(barWidth) + " 4"}},
		{"scaled to the busiest, empty weeks blank, a little still shows",
			[]model.DatedCount{{Week: week(1), Count: 60}, {Week: week(8), Count: 0}, {Week: week(15), Count: 30}, {Week: week(22), Count: 1}},
			[]string{
				"2025-12-01 " + bar(30) + " 60",
				"2025-12-08 " + bar(0) + " 0",
				"2025-12-15 " + bar(15) + " 30",
				"2025-12-22 " + bar(1) + " 1",
			}},
	}
	for _, tt := range tests {
		got := timelineBars(tt.weeks)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
