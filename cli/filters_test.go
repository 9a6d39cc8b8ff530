package cli

import (
	"path/filepath"
	"testing"
)

// Bad filter values are usage errors, found before any workspace is
// opened: here there is none.
func TestFilterUsageErrors(t *testing.T) {
	t.Setenv("DOSSIER_WORKSPACE", filepath.Join(t.TempDir(), "none.dossier"))
	usage := "; run 'dossier excerpts list --help' for usage\n"
	list := func(args ...string) []string { return append([]string{"excerpts", "list"}, args...) }
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"article not a number", list("--article", "one"),
			"dossier: --article \"one\" is not an id; give the number that the listings show, as in 12"},
		{"article zero", list("--article", "0"),
			"dossier: --article \"0\" is not an id; give the number that the listings show, as in 12"},
		{"kind", list("--kind", "tweet"),
			"dossier: --kind: unknown excerpt kind \"tweet\"; use one of: quote, claim, figure, event, other"},
		{"from", list("--from", "1 Dec 2025"),
			"dossier: --from \"1 Dec 2025\" is not a date; write it as YYYY-MM-DD, as in 2025-12-01"},
		{"to", list("--to", "2025-02-30"),
			"dossier: --to \"2025-02-30\" is not a date; write it as YYYY-MM-DD, as in 2025-12-01"},
		{"dates backwards", list("--from", "2025-12-02", "--to", "2025-12-01"),
			"dossier: --to 2025-12-01 is before --from 2025-12-02; the range would be empty"},
		{"credibility zero", list("--credibility", "0"),
			"dossier: --credibility \"0\" is not a grade; use a number from 1 (confirmed) to 6 (cannot be judged)"},
		{"credibility letter", list("--min-credibility", "B"),
			"dossier: --min-credibility \"B\" is not a grade; use a number from 1 (confirmed) to 6 (cannot be judged)"},
		{"credibility both ways", list("--credibility", "2", "--max-credibility", "3"),
			"dossier: --credibility cannot be combined with --min-credibility or --max-credibility; use one or the other"},
		{"credibility backwards", list("--min-credibility", "4", "--max-credibility", "2"),
			"dossier: --max-credibility 2 is below --min-credibility 4; the range would be empty"},
		{"limit negative", list("--limit", "-1"),
			"dossier: --limit -1 is out of range; use 1 to 10000 (0 means the default, 100)"},
		{"limit too big", list("--limit", "20000"),
			"dossier: --limit 20000 is out of range; use 1 to 10000 (0 means the default, 100)"},
		{"offset negative", list("--offset", "-5"),
			"dossier: --offset -5 is negative; use 0 or more"},
		{"limit not a number", list("--limit", "ten"),
			"dossier: invalid value \"ten\" for flag -limit: parse error"},
	}
	for _, tt := range tests {
		code, out, errOut := run(tt.args...)
		if code != ExitUsage || out != "" || errOut != tt.want+usage {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 2 and %q", tt.name, code, out, errOut, tt.want+usage)
		}
	}
}

func TestChooseOne(t *testing.T) {
	witkoff, rosenberg := candidate{2, "Steve Witkoff"}, candidate{4, "Steve Rosenberg"}
	tests := []struct {
		name           string
		exact, partial []candidate
		want           int64
		wantErr        string
	}{
		{"one exact among partial ones", []candidate{witkoff}, []candidate{witkoff, rosenberg}, 2, ""},
		{"one partial", nil, []candidate{rosenberg}, 4, ""},
		{"several partial", nil, []candidate{rosenberg, witkoff}, 0,
			`"steve" could mean 2 actors (4 "Steve Rosenberg", 2 "Steve Witkoff"); give the id or the full name of the one you mean`},
		{"several exact", []candidate{witkoff, rosenberg}, nil, 0,
			`"steve" could mean 2 actors (2 "Steve Witkoff", 4 "Steve Rosenberg"); give the id or the full name of the one you mean`},
		{"none", nil, nil, 0, `no actor is called "steve"; check the spelling, or give its id`},
		{"many", nil, []candidate{{1, "a"}, {2, "b"}, {3, "c"}, {4, "d"}, {5, "e"}, {6, "f"}, {7, "g"}}, 0,
			`"steve" could mean 7 actors (1 "a", 2 "b", 3 "c", 4 "d", 5 "e" and 2 more); give the id or the full name of the one you mean`},
	}
	for _, tt := range tests {
		got, err := chooseOne("actor", "steve", tt.exact, tt.partial)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got != tt.want || gotErr != tt.wantErr {
			t.Errorf("%s: %d, %q; want %d, %q", tt.name, got, gotErr, tt.want, tt.wantErr)
		}
	}
}

func TestNameFolding(t *testing.T) {
	same := [][2]string{
		{"O’Brien", "o'brien"},
		{"  Steve   Witkoff ", "steve witkoff"},
		{"ПЕСКОВ", "песков"},
	}
	for _, p := range same {
		if foldName(p[0]) != foldName(p[1]) {
			t.Errorf("%q and %q should compare equal", p[0], p[1])
		}
	}
	if foldName("Zelenskyý") == foldName("Zelenskyy") {
		t.Error("diacritics must not be folded away")
	}
	ids := []struct {
		in   string
		want int64
		ok   bool
	}{{"12", 12, true}, {" 7 ", 7, true}, {"0", 0, false}, {"12a", 0, false}, {"-3", 0, false}, {"", 0, false}, {"99999999999999999999", 0, false}}
	for _, tt := range ids {
		if got, ok := asID(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("asID(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
