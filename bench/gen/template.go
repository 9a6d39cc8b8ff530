package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// A template is a sentence with slots in braces:
//
//	{P1} {P1.s} {P1.sur} {P1.poss} {P1.he} {P1.He} {P1.his} {P1.His} {P1.cty}
//	{P1.ctyposs} {P1.role} {P1.cyr} {P1.cyrsur} {P1.g:masc|fem}  persons
//	{S1} {S1.poss} {S1.adj} {S1.cap}                             states
//	{O1} {K1} {G1} {M1} {Y1}, also .bare and .poss               organisations, palaces, armed groups, movements, parties
//	{D1} {D1.bare}                                               documents
//	{F:drones}                                                   a figure phrase
//	{Q} {q} {C} {c} {c.en}                                       quote, short quote, claim clause, Cyrillic quote
//	{=words}                                                     fixed words quoted by the speaker
//	{city} {town} {day} {date} {month} {lastmonth} {ord} {platform} {outlet}
//	{subject}: what the story is about ("talks", "measures", "vote")
//
// A "!" at the end of a slot marks the speaker. Typographic quotes and
// apostrophes in templates become straight ones in straight-quote articles.
type tpl struct {
	text  string
	parts []part
	need  [numKinds]int
	cyr   bool
	hasQ  bool
	hasC  bool
	kind  string // excerpt kind of the whole sentence, or ""
	// speakerP1: the first person slot speaks, so the sentence is told from
	// that person's side and S1 is their state.
	speakerP1 bool
}

// Part slots.
const (
	slotLit = iota
	slotEntity
	slotFigure
	slotQuote      // {Q}: a full quotation
	slotShortQuote // {q}: a few words
	slotClaim      // {C}: a reported clause
	slotCyrQuote   // {c}, {c.en}
	slotFixedQuote // {=words}
	slotMisc
)

type part struct {
	slot    int
	lit     [2]string // by quote style
	kind    int
	idx     int
	mod     string
	alt     [2]string // {P1.g:masc|fem}
	speaker bool
	fig     func(*rand.Rand) string
}

var kindLetters = map[byte]int{'P': kP, 'S': kS, 'O': kO, 'K': kK, 'G': kG, 'M': kM, 'Y': kY, 'D': kD}

var miscSlots = map[string]bool{"city": true, "town": true, "day": true, "date": true, "month": true,
	"lastmonth": true, "ord": true, "platform": true, "outlet": true, "subject": true}

func parseTemplate(s, kind string) (*tpl, error) {
	t := &tpl{text: s, kind: kind}
	rest := s
	for rest != "" {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			t.literal(rest)
			break
		}
		t.literal(rest[:i])
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("template %q: unclosed slot", s)
		}
		p, err := parseSlot(rest[i+1 : i+j])
		if err != nil {
			return nil, fmt.Errorf("template %q: %w", s, err)
		}
		t.add(p)
		rest = rest[i+j+1:]
	}
	return t, nil
}

func (t *tpl) literal(s string) {
	if s != "" {
		t.parts = append(t.parts, part{slot: slotLit, lit: [2]string{s, straightened.Replace(s)}})
	}
}

func (t *tpl) add(p part) {
	switch p.slot {
	case slotEntity:
		t.need[p.kind] = max(t.need[p.kind], p.idx)
		if p.speaker && p.kind == kP && p.idx == 1 {
			t.speakerP1 = true
		}
		if p.mod == "cyr" || p.mod == "cyrsur" {
			t.cyr = true
		}
	case slotQuote, slotShortQuote, slotCyrQuote, slotFixedQuote:
		t.hasQ = true
	case slotClaim:
		t.hasC = true
	}
	t.parts = append(t.parts, p)
}

func parseSlot(s string) (part, error) {
	p := part{}
	if strings.HasSuffix(s, "!") {
		p.speaker, s = true, s[:len(s)-1]
	}
	switch {
	case s == "Q":
		p.slot = slotQuote
	case s == "q":
		p.slot = slotShortQuote
	case s == "C":
		p.slot = slotClaim
	case strings.HasPrefix(s, "="):
		p.slot, p.mod = slotFixedQuote, s[1:]
	case s == "c" || s == "c.en":
		p.slot, p.mod = slotCyrQuote, strings.TrimPrefix(s, "c")
	case strings.HasPrefix(s, "F:"):
		f, ok := figureKinds[s[2:]]
		if !ok {
			return p, fmt.Errorf("unknown figure %q", s)
		}
		p.slot, p.fig = slotFigure, f
	case miscSlots[s]:
		p.slot, p.mod = slotMisc, s
	case len(s) >= 2 && unicode.IsDigit(rune(s[1])):
		return parseEntitySlot(p, s)
	default:
		return p, fmt.Errorf("unknown slot %q", s)
	}
	return p, nil
}

func parseEntitySlot(p part, s string) (part, error) {
	k, ok := kindLetters[s[0]]
	if !ok {
		return p, fmt.Errorf("unknown slot %q", s)
	}
	ref, mod, _ := strings.Cut(s[1:], ".")
	idx, err := strconv.Atoi(ref)
	if err != nil || idx < 1 || idx > maxSlot {
		return p, fmt.Errorf("bad slot index in %q", s)
	}
	p.slot, p.kind, p.idx, p.mod = slotEntity, k, idx, mod
	if g, ok := strings.CutPrefix(mod, "g:"); ok && k == kP {
		m, f, found := strings.Cut(g, "|")
		if !found {
			return p, fmt.Errorf("gender slot %q needs two forms", s)
		}
		p.mod, p.alt = "g", [2]string{m, f}
		return p, nil
	}
	if !slices.Contains(validMods[k], mod) {
		return p, fmt.Errorf("unknown form %q in slot %q", mod, s)
	}
	return p, nil
}

var (
	personMods = []string{"", "s", "sur", "poss", "he", "He", "his", "His", "him", "cty", "ctyposs", "role", "cyr", "cyrsur"}
	orgMods    = []string{"", "bare", "poss"}
	validMods  = [numKinds][]string{kP: personMods, kS: {"", "poss", "adj", "cap"}, kO: orgMods, kK: orgMods,
		kG: orgMods, kM: orgMods, kY: orgMods, kD: {"", "bare"}}
)

const maxSlot = 4

// banks are the parsed templates of each group, per topic.
type banks struct {
	headline, subhead, lead, event, figure, claim, quote, follow, background [numTopics][]*tpl
	quoteText, shortQuote, claimText                                         [numTopics][]*tpl
	cyrPattern                                                               []*tpl
}

var (
	parsedOnce sync.Once
	parsed     *banks
	parseErr   error
)

// templates parses every template once; a failure is a defect in the tables
// of this package, reported by its tests.
func templates() (*banks, error) {
	parsedOnce.Do(func() {
		b := &banks{}
		for _, g := range templateGroups(b) {
			for topic := range numTopics {
				for _, s := range append(slices.Clone(g.common), g.byTopic[topic]...) {
					t, err := parseTemplate(s, g.kind)
					if err != nil {
						parseErr = err
						return
					}
					g.dst[topic] = append(g.dst[topic], t)
				}
			}
		}
		for _, s := range cyrPatterns {
			t, err := parseTemplate(s, "")
			if err != nil {
				parseErr = err
				return
			}
			b.cyrPattern = append(b.cyrPattern, t)
		}
		parsed = b
	})
	return parsed, parseErr
}

type templateGroup struct {
	kind    string
	common  []string
	byTopic [numTopics][]string
	dst     *[numTopics][]*tpl
}

func templateGroups(b *banks) []templateGroup {
	return []templateGroup{
		{"", nil, headlines, &b.headline},
		{"", subheads, topicSubheads, &b.subhead},
		{"event", nil, leads, &b.lead},
		{"event", commonEvents, events, &b.event},
		{"figure", nil, figureSentences, &b.figure},
		{"claim", claimPatterns, [numTopics][]string{}, &b.claim},
		{"", quotePatterns, topicQuotePatterns, &b.quote},
		{"", followPatterns, [numTopics][]string{}, &b.follow},
		{"", commonBackground, background, &b.background},
		{"", commonQuotes, quotes, &b.quoteText},
		{"", shortQuotes, [numTopics][]string{}, &b.shortQuote},
		{"", nil, claims, &b.claimText},
	}
}

// reservedWords are the words the templates themselves use; no single-word
// alias may be one of them, or plain text would look like a mention.
var reservedWords = sync.OnceValue(func() map[string]bool {
	words := map[string]bool{}
	addAll := func(xs []string) {
		for _, s := range xs {
			for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
				words[strings.ToLower(w)] = true
			}
		}
	}
	for _, g := range templateGroups(&banks{}) {
		addAll(g.common)
		for _, xs := range g.byTopic {
			addAll(xs)
		}
	}
	addAll(cyrPatterns)
	for _, o := range outlets {
		addAll([]string{o.name})
	}
	addAll(platforms)
	return words
})
