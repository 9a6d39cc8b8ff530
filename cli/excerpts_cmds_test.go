package cli

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"dossier/model"
	"dossier/workspace"
)

// sampleCast adds to a workspace the actors and the document that the
// tests name: 1 Volodymyr Zelensky (alias Zelenskyy), 2 Steve Witkoff
// (alias Witkoff), 3 Rustem Umerov, 4 Steve Rosenberg, and document 1, the
// 20-point plan (alias "20 point plan").
func sampleCast(t *testing.T, path string) {
	t.Helper()
	withWorkspace(t, path, func(ctx context.Context, ws *workspace.Workspace) {
		actors := []struct{ name, alias string }{
			{"Volodymyr Zelensky", "Zelenskyy"}, {"Steve Witkoff", "Witkoff"}, {"Rustem Umerov", ""}, {"Steve Rosenberg", ""},
		}
		for _, a := range actors {
			actor := model.Actor{Name: a.name, Kind: model.ActorPerson}
			if err := ws.CreateActor(ctx, &actor); err != nil {
				t.Fatal(err)
			}
			if a.alias == "" {
				continue
			}
			if err := ws.AddAlias(ctx, &model.Alias{Name: a.alias, ActorID: actor.ID}); err != nil {
				t.Fatal(err)
			}
		}
		doc := model.Document{Title: "20-point plan", Kind: model.DocPlan, Status: model.StatusDrafting, Disclosure: model.DisclosureUndisclosed}
		if err := ws.CreateDocument(ctx, &doc); err != nil {
			t.Fatal(err)
		}
		if err := ws.AddAlias(ctx, &model.Alias{Name: "20 point plan", DocumentID: doc.ID}); err != nil {
			t.Fatal(err)
		}
	})
}

// sampleCodebook adds the tags 1 peace, 2 peace/ceasefire, 3 war,
// 4 war/ceasefire and 5 talks.
func sampleCodebook(t *testing.T) {
	t.Helper()
	mustRun(t, "tags", "add", "peace")
	mustRun(t, "tags", "add", "ceasefire", "--parent", "peace")
	mustRun(t, "tags", "add", "war")
	mustRun(t, "tags", "add", "ceasefire", "--parent", "war")
	mustRun(t, "tags", "add", "talks")
}

// sampleExcerpts marks four excerpts of the sample article, as
// TestExcerptsAdd checks.
var sampleExcerpts = []cmdCase{
	{"curly quote, tag path, speaker by alias", []string{"excerpts", "add", "--article", "1", "--quote", "“productive and constructive”",
		"--kind", "quote", "--tag", "peace/ceasefire", "--speaker", "witkoff", "--credibility", "2", "--note", "Witkoff and Umerov, on X"},
		ExitOK, "added excerpt 1: \"“productive and constructive”\" (span 355:384)\n", ""},
	{"second occurrence, two tags, speaker by name", []string{"excerpts", "add", "--article", "1", "--quote", "productive and constructive",
		"--occurrence", "2", "--kind", "quote", "--tag", "talks", "--tag", "Peace / Ceasefire", "--speaker", "steve witkoff"},
		ExitOK, "added excerpt 2: \"productive and constructive\" (span 3202:3229)\n", ""},
	{"span", []string{"excerpts", "add", "--article", "1", "--span", "0:119", "--kind", "event"},
		ExitOK, "added excerpt 3: \"Diplomatic Push Intensifies: US, Europe, and Ukraine Seek C…\" (span 0:119)\n", ""},
	{"speaker by id, actor and document", []string{"excerpts", "add", "--article", "1",
		"--quote", "much depends on whether Russia feels the need to end the war for real", "--kind", "claim",
		"--speaker", "1", "--actor", "Umerov", "--document", "20 POINT plan", "--credibility", "3"},
		ExitOK, "added excerpt 4: \"much depends on whether Russia feels the need to end the wa…\" (span 4455:4524)\n", ""},
}

// excerptsWorkspace is the sample workspace with its cast, codebook and
// excerpts.
func excerptsWorkspace(t *testing.T) string {
	t.Helper()
	path := sampleWorkspace(t)
	sampleCast(t, path)
	sampleCodebook(t)
	runCases(t, sampleExcerpts)
	return path
}

func TestExcerptsAdd(t *testing.T) {
	path := excerptsWorkspace(t)
	usage := "; run 'dossier excerpts add --help' for usage\n"
	add := func(args ...string) []string { return append([]string{"excerpts", "add", "--article", "1"}, args...) }
	runCases(t, []cmdCase{
		{"quote and span", add("--quote", "talks", "--span", "1:5"), ExitUsage, "", "dossier: give either --quote or --span, not both" + usage},
		{"neither", add("--kind", "quote"), ExitUsage, "", "dossier: say what to mark with --quote TEXT or --span START:END" + usage},
		{"no article", []string{"excerpts", "add", "--quote", "talks"}, ExitUsage, "",
			"dossier: missing --article ID; say which article the excerpt is in" + usage},
		{"occurrence with span", add("--span", "1:5", "--occurrence", "2"), ExitUsage, "",
			"dossier: --occurrence goes with --quote; a span is one place already" + usage},
		{"span not a span", add("--span", "5-9"), ExitUsage, "",
			"dossier: --span \"5-9\" is not START:END; give two offsets in characters, as in 120:184" + usage},
		{"span backwards", add("--span", "9:5"), ExitUsage, "",
			"dossier: --span \"9:5\" is not a range; START must be 0 or more and END greater than START" + usage},
		{"bad kind", add("--quote", "talks", "--kind", "rumour"), ExitUsage, "",
			"dossier: --kind: unknown excerpt kind \"rumour\"; use one of: quote, claim, figure, event, other" + usage},
		{"bad grade", add("--quote", "talks", "--credibility", "7"), ExitUsage, "",
			"dossier: --credibility \"7\" is not a grade; use a number from 1 (confirmed) to 6 (cannot be judged)" + usage},
		{"unknown tag", add("--quote", "talks", "--tag", "sanctions"), ExitFailure, "",
			"dossier: there is no tag \"sanctions\" in the codebook; add it with: dossier tags add sanctions\n"},
		{"unknown sub-tag", add("--quote", "talks", "--tag", "war/truce talks"), ExitFailure, "",
			"dossier: there is no tag \"war/truce talks\" in the codebook; add it with: dossier tags add 'truce talks' --parent war\n"},
		{"tag name of two tags", add("--quote", "talks", "--tag", "ceasefire"), ExitFailure, "",
			"dossier: the tag name \"ceasefire\" matches 2 tags: \"peace/ceasefire\", \"war/ceasefire\"; give the path of the one you mean, as in \"peace/ceasefire\"\n"},
		{"quote not found", add("--quote", "peace in our time"), ExitFailure, "",
			"dossier: in article 1: quote \"peace in our time\" does not occur in the text\n"},
		{"occurrence too high", add("--quote", "productive and constructive", "--occurrence", "3"), ExitFailure, "",
			"dossier: in article 1: quote \"productive and constructive\" occurs 2 times; occurrence 3 asked\n"},
		{"span past the end", add("--span", "10:99999"), ExitFailure, "",
			"dossier: in article 1: span 10:99999 runs past the end of the text (6011 characters)\n"},
		{"unknown speaker", add("--quote", "talks", "--speaker", "Dmitriev"), ExitFailure, "",
			"dossier: no actor is called \"Dmitriev\"; check the spelling, or give its id\n"},
		{"speaker of two", add("--quote", "talks", "--speaker", "steve"), ExitFailure, "",
			"dossier: \"steve\" could mean 2 actors (4 \"Steve Rosenberg\", 2 \"Steve Witkoff\"); give the id or the full name of the one you mean\n"},
		{"speaker id missing", add("--quote", "talks", "--speaker", "42"), ExitFailure, "",
			"dossier: read actor: actor 42 does not exist\n"},
		{"unknown document", add("--quote", "talks", "--document", "Minsk II"), ExitFailure, "",
			"dossier: no document is called \"Minsk II\"; check the spelling, or give its id\n"},
		{"blank actor", add("--quote", "talks", "--actor", " "), ExitUsage, "",
			"dossier: a blank name was given; give an id or a name" + usage},
		{"blank tag", add("--quote", "talks", "--tag", ""), ExitUsage, "",
			"dossier: a blank tag was given; give a tag's id, name or path" + usage},
		{"article missing", []string{"excerpts", "add", "--article", "9", "--quote", "talks"}, ExitFailure, "",
			"dossier: read article: article 9 does not exist\n"},
	})

	withWorkspace(t, path, func(ctx context.Context, ws *workspace.Workspace) {
		all, total, err := ws.ListExcerpts(ctx, model.ExcerptFilter{})
		if err != nil || total != 4 {
			t.Fatalf("%d excerpts after the refused ones (%v), want 4", total, err)
		}
		first, second, fourth := all[1], all[2], all[3] // by position: 3 (0:119), 1, 2, 4
		if first.ID != 1 || first.Kind != model.ExcerptQuote || first.SpeakerID != 2 || first.Credibility != 2 ||
			first.Note != "Witkoff and Umerov, on X" || !slices.Equal(first.TagIDs, []int64{2}) {
			t.Errorf("excerpt 1: %+v", first)
		}
		if second.ID != 2 || second.SpeakerID != 2 || !slices.Equal(second.TagIDs, []int64{2, 5}) {
			t.Errorf("excerpt 2: %+v", second)
		}
		if fourth.ID != 4 || fourth.SpeakerID != 1 || !slices.Equal(fourth.ActorIDs, []int64{3}) ||
			!slices.Equal(fourth.DocumentIDs, []int64{1}) || fourth.Kind != model.ExcerptClaim {
			t.Errorf("excerpt 4: %+v", fourth)
		}
		if all[0].ID != 3 || all[0].Kind != model.ExcerptEvent || all[0].Selector.Exact != sampleTitle {
			t.Errorf("excerpt 3: %+v", all[0])
		}
	})
}

func TestExcerptsList(t *testing.T) {
	excerptsWorkspace(t)
	head := "ID  ARTICLE  SPAN       KIND   GRADE  SPEAKER             TEXT\n"
	row1 := "1   1        355:384    quote  -2     Steve Witkoff       “productive and constructive”\n"
	row2 := "2   1        3202:3229  quote  -      Steve Witkoff       productive and constructive\n"
	row3 := "3   1        0:119      event  -      -                   Diplomatic Push Intensifies: US, Europe, and Ukraine Seek C…\n"
	row4 := "4   1        4455:4524  claim  -3     Volodymyr Zelensky  much depends on whether Russia feels the need to end the wa…\n"
	list := func(args ...string) []string { return append([]string{"excerpts", "list"}, args...) }
	runCases(t, []cmdCase{
		{"all", list(), ExitOK, head + row3 + row1 + row2 + row4 + "showing 1–4 of 4\n", ""},
		{"page", list("--article", "1", "--limit", "2", "--offset", "1"), ExitOK,
			"ID  ARTICLE  SPAN       KIND   GRADE  SPEAKER        TEXT\n" +
				"1   1        355:384    quote  -2     Steve Witkoff  “productive and constructive”\n" +
				"2   1        3202:3229  quote  -      Steve Witkoff  productive and constructive\n" +
				"showing 2–3 of 4\n", ""},
		{"a tag takes in its sub-tags", list("--tag", "peace", "--json"), ExitOK, "-", ""},
		{"kind", list("--kind", "EVENT", "--limit", "1"), ExitOK, "-", ""},
		{"nothing", list("--orphans"), ExitOK, "no excerpts\n", ""},
		{"other article", list("--article", "2"), ExitOK, "no excerpts\n", ""},
		{"unknown speaker", list("--speaker", "Peskov"), ExitFailure, "", "dossier: no actor is called \"Peskov\"; check the spelling, or give its id\n"},
		{"unknown tag", list("--tag", "peace/truce"), ExitFailure, "",
			"dossier: there is no tag \"peace/truce\" in the codebook; add it with: dossier tags add truce --parent peace\n"},
	})

	ids := func(args ...string) []int64 {
		t.Helper()
		var page struct {
			Total    int
			Excerpts []model.Excerpt
		}
		if err := json.Unmarshal([]byte(mustRun(t, append(list("--json"), args...)...)), &page); err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, x := range page.Excerpts {
			got = append(got, x.ID)
		}
		if page.Total != len(got) {
			t.Fatalf("%v: total %d for %d excerpts", args, page.Total, len(got))
		}
		return got
	}
	filters := []struct {
		args []string
		want []int64
	}{
		{nil, []int64{3, 1, 2, 4}},
		{[]string{"--tag", "peace"}, []int64{1, 2}},
		{[]string{"--tag", "talks"}, []int64{2}},
		{[]string{"--tag", "war"}, nil},
		{[]string{"--kind", "quote"}, []int64{1, 2}},
		{[]string{"--speaker", "Witkoff"}, []int64{1, 2}},
		{[]string{"--speaker", "Zelenskyy"}, []int64{4}},
		{[]string{"--actor", "Umerov"}, []int64{4}},
		{[]string{"--actor", "1"}, []int64{4}},
		{[]string{"--document", "20-point plan"}, []int64{4}},
		{[]string{"--credibility", "2"}, []int64{1}},
		{[]string{"--min-credibility", "3"}, []int64{4}},
		{[]string{"--max-credibility", "3"}, []int64{1, 4}},
		{[]string{"--min-credibility", "4"}, nil},
		{[]string{"--kind", "quote", "--speaker", "witkoff", "--tag", "talks"}, []int64{2}},
		{[]string{"--from", "2025-01-01"}, nil}, // the sample has no date
	}
	for _, f := range filters {
		if got := ids(f.args...); !slices.Equal(got, f.want) {
			t.Errorf("excerpts list %v = %v, want %v", f.args, got, f.want)
		}
	}
}
