package storage

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"dossier/model"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name, search, want string
	}{
		{"word", "peace", `"peace"`},
		{"words are all wanted", "peace talks", `("peace" AND "talks")`},
		{"explicit AND", "talks AND Miami", `("talks" AND "Miami")`},
		{"phrase", `"peace talks"`, `"peace talks"`},
		{"typographic quotes", "„peace talks“ Miami", `("peace talks" AND "Miami")`},
		{"phrase next to a word", `Miami"peace talks"`, `("Miami" AND "peace talks")`},
		{"prefix", "negotiat*", `"negotiat" *`},
		{"prefix of a phrase", `"peace talk"*`, `"peace talk" *`},
		{"stars collapse", "negotiat***", `"negotiat" *`},
		{"star inside a word", "a*b*", `"a*b" *`},
		{"OR", "talks OR summit", `("talks" OR "summit")`},
		{"AND binds tighter than OR", "Witkoff Umerov OR Dmitriev", `(("Witkoff" AND "Umerov") OR "Dmitriev")`},
		{"parentheses", "(talks OR summit) Miami", `(("talks" OR "summit") AND "Miami")`},
		{"nested parentheses", "((a OR b) c) OR d", `((("a" OR "b") AND "c") OR "d")`},
		{"minus excludes", "talks -Miami", `("talks" NOT "Miami")`},
		{"NOT excludes", "talks NOT Miami", `("talks" NOT "Miami")`},
		{"exclusions gather", "peace talks -Miami NOT Geneva", `(("peace" AND "talks") NOT ("Miami" OR "Geneva"))`},
		{"exclusion first", "-Miami talks", `("talks" NOT "Miami")`},
		{"excluded phrase", `-"peace talks" Miami`, `("Miami" NOT "peace talks")`},
		{"excluded group", "talks -(Miami OR Geneva)", `("talks" NOT ("Miami" OR "Geneva"))`},
		{"excluded prefix", "talks -Gene*", `("talks" NOT "Gene" *)`},
		{"double minus keeps the second", "talks --Miami", `("talks" NOT "-Miami")`},
		{"exclusion inside a group", "(talks -Miami) OR summit", `(("talks" NOT "Miami") OR "summit")`},
		{"lone dash is punctuation", "peace - talks", `("peace" AND "talks")`},
		{"dash before a parenthesis", "(peace -)", `"peace"`},
		{"hyphen inside a word", "28-point", `"28-point"`},
		{"lower-case operators are words", "peace or war and not talks", `("peace" AND "or" AND "war" AND "and" AND "not" AND "talks")`},
		{"operators glued to a minus are words", "talks -OR", `("talks" NOT "OR")`},
		{"punctuation inside words", "US$100 Putin's", `("US$100" AND "Putin's")`},
		{"punctuation alone is dropped", "peace — talks +", `("peace" AND "talks")`},
		{"empty quotes are dropped", `peace ""`, `"peace"`},
		{"empty parentheses are dropped", "peace ()", `"peace"`},
		{"NEAR is a word", "NEAR(peace talks)", `("NEAR" AND ("peace" AND "talks"))`},
		{"caret and plus are literal", "^peace +talks", `("^peace" AND "+talks")`},
		{"colon in text", "peace: talks 10:30", `("peace:" AND "talks" AND "10:30")`},
		{"field name without words after it", "note: talks", `("note:" AND "talks")`},
		{"braces are literal", "{title body}:peace", `("{title" AND "body}:peace")`},
		{"Cyrillic", "переговоры ПЕРЕГОВОРЫ", `("переговоры" AND "ПЕРЕГОВОРЫ")`},
		{"diacritics kept for the index to fold", "Sýbiha Zelenskýy", `("Sýbiha" AND "Zelenskýy")`},
		{"control characters separate words", "peace\x00talks\tMiami", `("peace" AND "talks" AND "Miami")`},
		{"control characters inside quotes", "\"peace\x00talks\"", `"peace talks"`},
		{"spaces around", "  peace  ", `"peace"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseQuery(tt.search)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tt.search, err)
			}
			if got != tt.want {
				t.Fatalf("ParseQuery(%q)\n got %s\nwant %s", tt.search, got, tt.want)
			}
		})
	}
}

// refusedSearches are searches ParseQuery refuses, with the sentence.
var refusedSearches = []struct {
	name, search, want string
}{
	{"empty", "", "the search is empty; type a word to look for"},
	{"blank", " \t\n", "the search is empty; type a word to look for"},
	{"unbalanced quote", `"peace talks`,
		`the search “"peace talks” has an unbalanced quote at position 1; add the closing "`},
	{"unbalanced second quote", `"peace" "talks`,
		`the search “"peace" "talks” has an unbalanced quote at position 9; add the closing "`},
	{"lone OR", "OR", "the search “OR” has OR at position 1 without a word on each side; write it between two words, as in: talks OR summit"},
	{"OR at the end", "peace OR", "the search “peace OR” has OR at position 7 without a word on each side; write it between two words, as in: talks OR summit"},
	{"OR at the start", "OR peace", "the search “OR peace” has OR at position 1 without a word on each side; write it between two words, as in: talks OR summit"},
	{"OR OR", "peace OR OR talks", "the search “peace OR OR talks” has OR at position 7 without a word on each side; write it between two words, as in: talks OR summit"},
	{"OR before punctuation", "peace OR —", "the search “peace OR —” has OR at position 7 without a word on each side; write it between two words, as in: talks OR summit"},
	{"OR closing a group", "(peace OR) talks", "the search “(peace OR) talks” has OR at position 8 without a word on each side; write it between two words, as in: talks OR summit"},
	{"lone AND", "AND", "the search “AND” has AND at position 1 without a word on each side; write it between two words, as in: talks AND Miami"},
	{"AND at the end", "peace AND", "the search “peace AND” has AND at position 7 without a word on each side; write it between two words, as in: talks AND Miami"},
	{"AND before OR", "peace AND OR talks", "the search “peace AND OR talks” has AND at position 7 without a word on each side; write it between two words, as in: talks AND Miami"},
	{"lone NOT", "NOT", "the search “NOT” has NOT at position 1 without a word after it to exclude, as in: talks NOT Miami"},
	{"NOT at the end", "talks NOT", "the search “talks NOT” has NOT at position 7 without a word after it to exclude, as in: talks NOT Miami"},
	{"NOT NOT", "talks NOT NOT Miami", "the search “talks NOT NOT Miami” has NOT at position 7 without a word after it to exclude, as in: talks NOT Miami"},
	{"only an exclusion", "-peace", "the search “-peace” only excludes words; add a word to look for, as in: talks -Miami"},
	{"only exclusions", "-peace NOT war -\"peace talks\"", "the search “-peace NOT war -\"peace talks\"” only excludes words; add a word to look for, as in: talks -Miami"},
	{"only NOT", "NOT peace", "the search “NOT peace” only excludes words; add a word to look for, as in: talks -Miami"},
	{"an alternative of exclusions", "talks OR -Miami", "the search “talks OR -Miami” has a part at position 10 that only excludes words; each part needs a word to look for, as in: talks -Miami"},
	{"a group of exclusions", "talks (-Miami)", "the search “talks (-Miami)” has a part at position 8 that only excludes words; each part needs a word to look for, as in: talks -Miami"},
	{"unclosed parenthesis", "NEAR(", "the search “NEAR(” has a parenthesis at position 5 that is never closed; add the closing )"},
	{"unclosed inner parenthesis", "((peace) talks", "the search “((peace) talks” has a parenthesis at position 1 that is never closed; add the closing )"},
	{"unopened parenthesis", "peace) talks", "the search “peace) talks” has a closing parenthesis at position 6 without an opening one"},
	{"field filter", "body:peace", `the search “body:peace” has a field filter "body:" at position 1, which is not supported; search for the words alone`},
	{"field filter in capitals", "talks Title:Miami", `the search “talks Title:Miami” has a field filter "Title:" at position 7, which is not supported; search for the words alone`},
	{"excluded field filter", "talks -note:Miami", `the search “talks -note:Miami” has a field filter "note:" at position 8, which is not supported; search for the words alone`},
	{"punctuation only", "— + ***", "the search “— + ***” has no word to look for; punctuation alone is ignored"},
	{"empty parentheses", "()", "the search “()” has no word to look for; punctuation alone is ignored"},
	{"empty quotes", `""`, `the search “""” has no word to look for; punctuation alone is ignored`},
	{"too deep", strings.Repeat("(", 11) + "peace" + strings.Repeat(")", 11),
		"the search “(((((((((((peace)))))))))))” has more than 10 levels of parentheses; simplify it"},
	{"too many words", strings.Repeat("peace ", 101),
		"the search “peace peace peace peace peace peace peace peace peace peace…” has 101 words; the limit is 100, so shorten it"},
	{"too long", strings.Repeat("x", 1001), "the search is 1001 characters long; the limit is 1000"},
	{"not UTF-8", "peace \xff", "the search is not valid UTF-8 text"},
}

func TestParseQueryRefuses(t *testing.T) {
	for _, tt := range refusedSearches {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseQuery(tt.search)
			if !errors.Is(err, model.ErrInvalid) {
				t.Fatalf("ParseQuery(%q) = %q, %v; want ErrInvalid", tt.search, got, err)
			}
			if err.Error() != tt.want {
				t.Fatalf("ParseQuery(%q) error\n got %s\nwant %s", tt.search, err, tt.want)
			}
		})
	}
}

// TestParseQueryLimits shows that the limits stop short of FTS5's own: the
// deepest and longest searches accepted run.
func TestParseQueryLimits(t *testing.T) {
	db := mustCreate(t)
	searchSeedArticle(t, db, model.Article{Title: "Talks", Body: "peace talks in Miami"})
	deep := strings.Repeat("(peace -war OR ", maxSearchDepth) + "talks" + strings.Repeat(") Miami", maxSearchDepth)
	long := strings.TrimSpace(strings.Repeat("peace ", 100))
	for _, search := range []string{deep, long} {
		expr, err := ParseQuery(search)
		if err != nil {
			t.Fatalf("ParseQuery(%.40q…): %v", search, err)
		}
		if got := ftsRowids(t, db, "articles_fts", expr); len(got) != 1 {
			t.Fatalf("%.40q… found %v, want the one article", search, got)
		}
	}
	mustCheck(t, db)
}

// ftsSyntax is what may stand outside the quoted strings of a translated
// search: FTS5's operators, parentheses and the prefix star, nothing typed.
var ftsSyntax = regexp.MustCompile(`^(?:[()* ]|AND|OR|NOT)*$`)

// outsideQuotes removes FTS5 strings ("…" with "" for a quote) from expr.
func outsideQuotes(expr string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(expr); i++ {
		switch {
		case expr[i] != '"':
			if !in {
				b.WriteByte(expr[i])
			}
		case in && i+1 < len(expr) && expr[i+1] == '"':
			i++ // an escaped quote inside a string
		default:
			in = !in
		}
	}
	if in {
		return "unterminated string"
	}
	return b.String()
}

// FuzzParseQuery checks that whatever ParseQuery accepts runs in MATCH on a
// real workspace, through Search and on every index alone, and that the
// analyst's text stays inside quoted strings; what it refuses, it refuses
// with ErrInvalid and a sentence about the search.
func FuzzParseQuery(f *testing.F) {
	for _, tt := range refusedSearches {
		if len(tt.search) < 200 {
			f.Add(tt.search)
		}
	}
	for _, s := range []string{"peace talks", `"peace talks"*`, "negotiat* OR (Miami -Geneva)", "NEAR(a b, 3)",
		"title:peace", `a "b" c"`, "-(a OR b) c", "US$100 28-point", "переговоры Sýbiha", "a AND b OR NOT c",
		"\"a\x00b\"", "{a b}:c", "^a +b", "a:b:c", "(((a)))", "\uE000peace\uE001"} {
		f.Add(s)
	}
	db := mustCreate(f)
	searchSeedSmall(f, db)
	ctx := context.Background()
	indexes := []string{"articles_fts", "excerpts_fts", "actors_fts", "documents_fts", "aliases_fts"}
	f.Fuzz(func(t *testing.T, search string) {
		expr, err := ParseQuery(search)
		if err != nil {
			if !errors.Is(err, model.ErrInvalid) || !strings.HasPrefix(err.Error(), "the search ") {
				t.Fatalf("ParseQuery(%q): %v", search, err)
			}
			return
		}
		if rest := outsideQuotes(expr); !ftsSyntax.MatchString(rest) {
			t.Fatalf("ParseQuery(%q) = %s leaves %q outside quotes", search, expr, rest)
		}
		for _, index := range indexes {
			var n int
			if err := db.read.QueryRow("SELECT count(*) FROM "+index+" WHERE "+index+" MATCH ?", expr).Scan(&n); err != nil {
				t.Fatalf("%s MATCH %s (from %q): %v", index, expr, search, err)
			}
		}
		if _, err := db.Search(ctx, model.SearchQuery{Text: search}); err != nil {
			t.Fatalf("Search(%q) with %s: %v", search, expr, err)
		}
	})
}
