package cli

import (
	"encoding/json"
	"testing"
)

func TestTags(t *testing.T) {
	excerptsWorkspace(t) // tags 1 peace, 2 peace/ceasefire, 3 war, 4 war/ceasefire, 5 talks; excerpts 1, 2 tagged 2; 2 tagged 5
	tags := func(args ...string) []string { return append([]string{"tags"}, args...) }
	runCases(t, []cmdCase{
		{"list", tags("list"), ExitOK,
			"ID  TAG          EXCERPTS  ARTICLES\n" +
				"1   peace        0         0\n" +
				"2     ceasefire  2         0\n" +
				"5   talks        1         0\n" +
				"3   war          0         0\n" +
				"4     ceasefire  0         0\n", ""},
		{"add with colour and description", tags("add", "sanctions", "--colour", "#AA3300", "--description", "Measures and their effect"), ExitOK,
			"added tag 6 \"sanctions\"\n", ""},
		{"add under a path", tags("add", "oil price cap", "--parent", "SANCTIONS"), ExitOK, "added tag 7 \"sanctions/oil price cap\"\n", ""},
		{"add a name taken at that place", tags("add", "Ceasefire", "--parent", "war"), ExitFailure, "",
			"dossier: create tag: there is already a tag named \"Ceasefire\" at that place in the codebook\n"},
		{"add a path as a name", tags("add", "war/truce"), ExitUsage, "",
			"dossier: a tag name cannot contain \"/\", which separates the levels of a path; to add a tag under another, use --parent; run 'dossier tags add --help' for usage\n"},
		{"add with a bad colour", tags("add", "red", "--colour", "red"), ExitUsage, "",
			"dossier: tag colour \"red\" is not of the form #rrggbb; run 'dossier tags add --help' for usage\n"},
		{"add under a missing parent", tags("add", "truce", "--parent", "diplomacy"), ExitFailure, "",
			"dossier: there is no tag \"diplomacy\" in the codebook; add it with: dossier tags add diplomacy\n"},
		{"rename by path", tags("rename", "war/ceasefire", "truce"), ExitOK, "renamed tag 4 \"war/ceasefire\" to \"war/truce\"\n", ""},
		{"rename by a name now unique", tags("rename", "ceasefire", "Ceasefire"), ExitOK, "renamed tag 2 \"peace/ceasefire\" to \"peace/Ceasefire\"\n", ""},
		{"rename to a taken name", tags("rename", "talks", "war"), ExitFailure, "",
			"dossier: update tag: there is already a tag named \"war\" at that place in the codebook\n"},
		{"move under another", tags("move", "talks", "--parent", "peace"), ExitOK, "moved tag 5 \"talks\" to \"peace/talks\"\n", ""},
		{"move by id to the top", tags("move", "7", "--top"), ExitOK, "moved tag 7 \"sanctions/oil price cap\" to \"oil price cap\"\n", ""},
		{"move into itself", tags("move", "peace", "--parent", "peace/talks"), ExitFailure, "",
			"dossier: update tag: tag \"peace\" cannot move under \"talks\", which lies inside it; the codebook would go round in a circle\n"},
		{"move both ways", tags("move", "talks", "--top", "--parent", "war"), ExitUsage, "",
			"dossier: give exactly one of --parent TAG and --top; run 'dossier tags move --help' for usage\n"},
		{"move nowhere", tags("move", "talks"), ExitUsage, "",
			"dossier: give exactly one of --parent TAG and --top; run 'dossier tags move --help' for usage\n"},
		{"merge", tags("merge", "peace/talks", "war/truce"), ExitOK, "merged tag 5 \"peace/talks\" into tag 4 \"war/truce\"\n", ""},
		{"merge into itself", tags("merge", "war", "3"), ExitFailure, "",
			"dossier: merge tags: tag 3 cannot be merged into itself\n"},
		{"delete keeps what it tagged", tags("delete", "peace/ceasefire"), ExitOK,
			"deleted tag 2 \"peace/Ceasefire\"; the 2 excerpts and 0 articles it tagged are kept\n", ""},
		{"delete moves sub-tags up", tags("delete", "war"), ExitOK,
			"deleted tag 3 \"war\"; the 0 excerpts and 0 articles it tagged are kept, and its 1 sub-tag moved up to the top level\n", ""},
		{"delete a missing id", tags("delete", "99"), ExitFailure, "",
			"dossier: tag 99 does not exist; list the codebook with: dossier tags list\n"},
		{"list after", tags("list"), ExitOK,
			"ID  TAG            EXCERPTS  ARTICLES\n" +
				"7   oil price cap  0         0\n" +
				"1   peace          0         0\n" +
				"6   sanctions      0         0\n" +
				"4   truce          1         0\n", ""},
		{"the excerpts are all there", []string{"excerpts", "list", "--tag", "truce", "--json"}, ExitOK, "-", ""},
	})

	var list []struct {
		ID          int64
		Name        string
		ParentID    int64 `json:"parent_id"`
		Colour      string
		Description string
		Path        string
		Depth       int
		Excerpts    int
		Articles    int
	}
	mustRun(t, "tags", "add", "price", "--parent", "oil price cap")
	if err := json.Unmarshal([]byte(mustRun(t, "tags", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 5 || list[1].Path != "oil price cap/price" || list[1].Depth != 1 || list[1].ParentID != 7 ||
		list[3].Colour != "#AA3300" || list[3].Description != "Measures and their effect" || list[4].Excerpts != 1 {
		t.Fatalf("--json %+v", list)
	}
	if code, out, _ := run("excerpts", "list", "--json"); code != ExitOK || !json.Valid([]byte(out)) {
		t.Fatal("excerpts list after the tag changes")
	}
	if _, total := excerptCount(t); total != 4 {
		t.Fatalf("%d excerpts after deleting tags, want 4", total)
	}
}

func excerptCount(t *testing.T) ([]int64, int) {
	t.Helper()
	var page struct {
		Total    int
		Excerpts []struct{ ID int64 }
	}
	if err := json.Unmarshal([]byte(mustRun(t, "excerpts", "list", "--json")), &page); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, x := range page.Excerpts {
		ids = append(ids, x.ID)
	}
	return ids, page.Total
}

func TestTagsEmptyCodebook(t *testing.T) {
	newWorkspace(t)
	runCases(t, []cmdCase{
		{"empty", []string{"tags", "list"}, ExitOK, "the codebook is empty; add a tag with: dossier tags add NAME\n", ""},
		{"empty JSON", []string{"tags", "list", "--json"}, ExitOK, "[]\n", ""},
		{"rename nothing", []string{"tags", "rename", "peace"}, ExitUsage, "",
			"dossier: missing argument NEWNAME; run 'dossier tags rename --help' for usage\n"},
	})
}
