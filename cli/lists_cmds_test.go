package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// actorList writes a CSV list of actors, as an analyst saves one from a
// spreadsheet, and returns its path.
func actorList(t *testing.T, rows ...string) string {
	t.Helper()
	dir := t.TempDir()
	body := "\ufeffName,Kind,Role,Aliases\r\n" + strings.Join(rows, "\r\n") + "\r\n"
	writeFiles(t, dir, map[string]string{"cast.csv": body})
	return filepath.Join(dir, "cast.csv")
}

// actorNames lists the actors of the workspace, as `actors list` prints
// them.
func actorNames(t *testing.T) string {
	t.Helper()
	return mustRun(t, "actors", "list")
}

func TestListsImport(t *testing.T) {
	newWorkspace(t)
	list := actorList(t, "Steve Witkoff,person,US special envoy,Witkoff; Steven Witkoff", "Rustem Umerov,person,chief negotiator,")
	before := actorNames(t)
	runCases(t, []cmdCase{
		{"dry run", []string{"lists", "import", "--dry-run", list}, ExitOK,
			"would create actor \"Steve Witkoff\" (row 2): a new person; alias \"Witkoff\" added; alias \"Steven Witkoff\" added\n" +
				"would create actor \"Rustem Umerov\" (row 3): a new person\n" +
				"dry run of cast.csv: 2 to create, 0 to update, 0 unchanged, 0 refused; nothing was changed\n", ""},
	})
	if after := actorNames(t); after != before {
		t.Fatalf("the dry run changed the actors:\n%s", after)
	}
	runCases(t, []cmdCase{
		{"import", []string{"lists", "import", list}, ExitOK,
			"created actor 1 \"Steve Witkoff\" (row 2): a new person; alias \"Witkoff\" added; alias \"Steven Witkoff\" added\n" +
				"created actor 2 \"Rustem Umerov\" (row 3): a new person\n" +
				"cast.csv: 2 created, 0 updated, 0 unchanged, 0 refused\n", ""},
		{"again", []string{"lists", "import", list}, ExitOK,
			"unchanged actor 1 \"Steve Witkoff\" (row 2): the workspace already has it as the list gives it\n" +
				"unchanged actor 2 \"Rustem Umerov\" (row 3): the workspace already has it as the list gives it\n" +
				"cast.csv: 0 created, 0 updated, 2 unchanged, 0 refused\n", ""},
	})
	want := "ID  KIND    NAME           ROLE              ALIASES\n" +
		"2   person  Rustem Umerov  chief negotiator  -\n" +
		"1   person  Steve Witkoff  US special envoy  Witkoff, Steven Witkoff\n" +
		"showing 1–2 of 2\n"
	if got := actorNames(t); got != want {
		t.Fatalf("actors after the import:\n%s\nwant\n%s", got, want)
	}
	mustRun(t, "check")
}

func TestListsImportRefusedRow(t *testing.T) {
	newWorkspace(t)
	list := actorList(t, "Jared Kushner,person,,", "Bob,wizard,,")
	before := actorNames(t)
	runCases(t, []cmdCase{
		{"real run", []string{"lists", "import", list}, ExitFailure,
			"would create actor \"Jared Kushner\" (row 2): a new person\n" +
				"refused actor \"Bob\" (row 3): unknown actor kind \"wizard\"; use one of: person, organisation, state, group\n" +
				"cast.csv: 1 to create, 0 to update, 0 unchanged, 1 refused; nothing was changed\n",
			"dossier: cast.csv: 1 of 2 rows refused, so nothing was imported; see the lines above for the reasons; " +
				"correct them in the file and run the import again\n"},
		{"dry run", []string{"lists", "import", list, "--dry-run"}, ExitFailure, "-",
			"dossier: cast.csv: 1 of 2 rows would be refused, so the import would change nothing; see the lines above for the reasons; " +
				"correct them in the file and run the import again\n"},
	})
	if after := actorNames(t); after != before {
		t.Fatalf("a refused import changed the actors:\n%s", after)
	}
}

func TestListsImportJSON(t *testing.T) {
	newWorkspace(t)
	list := actorList(t, "Jared Kushner,person,,", "Bob,wizard,,")
	code, out, errOut := run("lists", "import", "--json", list)
	if code != ExitFailure || !strings.Contains(errOut, `see the rows with action "refuse" for the reasons`) {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var rep struct {
		File    string `json:"file"`
		DryRun  *bool  `json:"dry_run"`
		Created *int   `json:"created"`
		Refused *int   `json:"refused"`
		Rows    []struct {
			List   string `json:"list"`
			Row    int    `json:"row"`
			Name   string `json:"name"`
			Action string `json:"action"`
			Detail string `json:"detail"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, out)
	}
	if rep.File != list || rep.DryRun == nil || *rep.DryRun || rep.Created == nil || *rep.Created != 1 ||
		rep.Refused == nil || *rep.Refused != 1 || len(rep.Rows) != 2 {
		t.Fatalf("report %s", out)
	}
	r := rep.Rows[1]
	if r.List != "actors" || r.Row != 3 || r.Name != "Bob" || r.Action != "refuse" || !strings.Contains(r.Detail, `"wizard"`) {
		t.Errorf("refused row %+v", r)
	}
}

// A list that the export wrote reads back as it is: the quote that kept a
// formula from running comes off again.
func TestListsImportExportedCSV(t *testing.T) {
	exportWorkspace(t)
	out := filepath.Join(t.TempDir(), "actors.csv")
	mustRun(t, "export", "--view", "actors", "--csv", out)
	got := mustRun(t, "lists", "import", "--dry-run", out)
	if !strings.Contains(got, "unchanged actor 2 \""+formulaName+"\" (row ") ||
		!strings.HasSuffix(got, "dry run of actors.csv: 0 to create, 0 to update, 2 unchanged, 0 refused; nothing was changed\n") {
		t.Fatalf("dry run of the exported actors:\n%s", got)
	}
}

func TestListsImportUsage(t *testing.T) {
	newWorkspace(t)
	missing := filepath.Join(t.TempDir(), "none.csv")
	runCases(t, []cmdCase{
		{"no file", []string{"lists", "import"}, ExitUsage, "",
			"dossier: missing argument FILE; run 'dossier lists import --help' for usage\n"},
		{"two files", []string{"lists", "import", "a.csv", "b.csv"}, ExitUsage, "",
			"dossier: unexpected argument \"b.csv\"; run 'dossier lists import --help' for usage\n"},
		{"missing file", []string{"lists", "import", missing}, ExitFailure, "",
			"dossier: " + missing + " does not exist\n"},
		{"no verb", []string{"lists"}, ExitUsage, "",
			"dossier: lists needs a subcommand: import; run 'dossier help lists VERB' for one of them\n"},
	})
}
