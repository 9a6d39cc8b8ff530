package gen

import (
	"strconv"
)

// render writes the parts of t, filling each slot from the sentence's binding.
func (g *gen) render(t *tpl) {
	for i := range t.parts {
		p := &t.parts[i]
		switch p.slot {
		case slotLit:
			g.w.lit(p.lit[g.w.style])
		case slotEntity:
			g.entity(p)
		case slotFigure:
			g.w.figure(p.fig(g.r))
		case slotQuote:
			g.quoted(g.pickFrom(g.b.quoteText[g.topic]), true)
		case slotShortQuote:
			g.quoted(g.pickFrom(g.b.shortQuote[g.topic]), false)
		case slotClaim:
			if c := g.pickFrom(g.b.claimText[g.topic]); c != nil {
				g.render(c)
			}
		case slotCyrQuote:
			g.cyrQuote(p.mod == ".en")
		case slotFixedQuote:
			g.fixedQuote(p.mod)
		case slotMisc:
			g.w.lit(g.misc(p.mod))
		}
	}
}

// quoted writes quotation content and keeps its span for the sentence's speakers.
func (g *gen) quoted(t *tpl, sentence bool) {
	if t == nil {
		return
	}
	rs, bs := g.w.pos()
	g.w.capNext = sentence
	g.render(t)
	re, be := g.w.pos()
	g.pending = append(g.pending, quoteSpan{start: rs, end: re, bstart: bs, bend: be})
}

func (g *gen) cyrQuote(english bool) {
	text := cyrQuotes[g.cyrPair].ru
	if english {
		text = cyrQuotes[g.cyrPair].en
	}
	g.fixedQuote(text)
}

func (g *gen) fixedQuote(text string) {
	_, bs := g.w.pos()
	rs, re := g.w.raw(text)
	g.pending = append(g.pending, quoteSpan{start: rs, end: re, bstart: bs, bend: bs + len(text)})
}

func (g *gen) entity(p *part) {
	id := g.get(p.kind, p.idx)
	switch p.kind {
	case kP:
		g.person(id, p)
	case kS:
		g.state(id, p.mod)
	case kD:
		g.document(id, p.mod)
	default:
		g.organisation(id, p.mod)
	}
}

func (g *gen) person(id int, p *part) {
	e := g.wd.ent(id)
	switch p.mod {
	case "", "s":
		g.personName(id, e, p.mod == "s")
	case "poss":
		g.personName(id, e, false)
		g.w.lit(g.w.apostrophe() + "s")
	case "sur":
		switch {
		case g.headline:
			g.w.actor(id, e.sur, "")
		case g.intro[id]:
			g.later(id, e)
		default:
			g.intro[id] = true
			g.w.actor(id, e.full, "")
		}
	case "he", "He", "his", "His", "him":
		g.w.lit(pronoun(p.mod, e.female))
	case "cty", "ctyposs":
		g.w.actor(e.stateID, g.wd.ent(e.stateID).name[0], "")
		if p.mod == "ctyposs" {
			g.w.lit(g.w.apostrophe() + "s")
		}
	case "role":
		g.w.lit(e.roleLow)
	case "cyr":
		g.w.actor(id, e.cyrFull, "")
	case "cyrsur":
		g.w.actor(id, e.cyrSur, "")
	case "g":
		if e.female {
			g.w.lit(p.alt[1])
		} else {
			g.w.lit(p.alt[0])
		}
	}
}

var pronouns = map[string][2]string{
	"he": {"he", "she"}, "He": {"He", "She"}, "his": {"his", "her"}, "His": {"His", "Her"}, "him": {"him", "her"},
}

func pronoun(mod string, female bool) string {
	if female {
		return pronouns[mod][1]
	}
	return pronouns[mod][0]
}

// personName introduces a person at the first mention in one of the ways
// news copy does, and shortens the name afterwards. Appositions are allowed
// only in subject position, where a verb follows the closing comma.
func (g *gen) personName(id int, e *entity, subject bool) {
	if g.headline {
		g.w.actor(id, e.sur, "")
		return
	}
	if g.intro[id] {
		g.later(id, e)
		return
	}
	g.intro[id] = true
	switch x := g.r.IntN(100); {
	case subject && x < 15 && g.wd.ent(e.affID).sub == subState:
		g.appositionFirst(id, e)
	case subject && x < 35:
		g.appositionAfter(id, e)
	case x < 75:
		g.titled(id, e)
	default:
		g.w.actor(id, e.full, "")
	}
}

// titled writes "Velorian Foreign Minister Andrea Kolvani" or "Sarvik Palace
// spokesman Ilya Dorn".
func (g *gen) titled(id int, e *entity) {
	aff := g.wd.ent(e.affID)
	role := e.role.cap
	if role == "" {
		role = e.roleLow
	}
	if aff.sub == subState {
		if e.role.cap == "" || g.r.IntN(2) == 0 {
			role = aff.demonym + " " + role
		}
		g.w.lit(role + " ")
		g.w.actor(id, e.full, role)
		return
	}
	q := aff.name[g.w.style]
	if aff.acronym != "" && g.r.IntN(5) < 2 {
		q = aff.acronym
	}
	g.w.actor(e.affID, q, "")
	g.w.lit(" " + role + " ")
	g.w.actor(id, e.full, q+" "+role)
}

// appositionFirst writes "Veloria’s chief negotiator, Tomas Rebane,".
func (g *gen) appositionFirst(id int, e *entity) {
	state := g.wd.ent(e.affID).name[0]
	g.w.actor(e.affID, state, "")
	phrase := g.w.apostrophe() + "s " + e.roleLow
	g.w.lit(phrase + ", ")
	g.w.actor(id, e.full, state+phrase)
	g.w.lit(",")
}

// appositionAfter writes "Andrea Kolvani, Veloria’s foreign minister," or
// "Lena Voss, the secretary-general of the Northern Security Council,".
func (g *gen) appositionAfter(id int, e *entity) {
	g.w.actor(id, e.full, "")
	g.w.lit(", ")
	aff := g.wd.ent(e.affID)
	if aff.sub == subState {
		g.w.actor(e.affID, aff.name[0], "")
		g.w.lit(g.w.apostrophe() + "s " + e.roleLow + ",")
		return
	}
	g.w.lit("the " + e.roleLow + " " + e.role.prep + " the ")
	g.w.actor(e.affID, aff.name[g.w.style], "")
	g.w.lit(",")
}

// later names a person already introduced: mostly the surname, sometimes
// with an honorific or title, sometimes the full name as another outlet spells it.
func (g *gen) later(id int, e *entity) {
	switch x := g.r.IntN(100); {
	case x < 70:
		g.w.actor(id, e.sur, "")
	case x < 80:
		g.w.actor(id, e.honor, "")
	case x < 90 && e.role.cap != "":
		g.w.lit(e.role.cap + " ")
		g.w.actor(id, e.sur, e.role.cap)
	case x >= 95 && e.varSur != "":
		g.w.actor(id, e.varSur, "")
	case x >= 90 && e.variant != "":
		g.w.actor(id, e.variant, "")
	default:
		g.w.actor(id, e.sur, "")
	}
}

func (g *gen) organisation(id int, mod string) {
	e := g.wd.ent(id)
	name := e.name[g.w.style]
	short := name
	if e.acronym != "" && g.intro[id] && g.r.IntN(2) == 0 {
		short = e.acronym
	}
	if mod == "bare" {
		g.w.actor(id, short, "")
		g.intro[id] = g.intro[id] || !g.headline
		return
	}
	g.w.lit("the ")
	switch {
	case g.intro[id] || g.headline:
		g.w.actor(id, short, "")
	default:
		g.w.actor(id, name, "")
		if e.acronym != "" && g.r.IntN(5) < 2 {
			g.w.lit(" (")
			g.w.actor(id, e.acronym, "")
			g.w.lit(")")
		}
	}
	if mod == "poss" {
		g.w.lit(g.w.apostrophe() + "s")
	}
	g.intro[id] = g.intro[id] || !g.headline
}

func (g *gen) state(id int, mod string) {
	e := g.wd.ent(id)
	switch mod {
	case "adj":
		g.w.lit(e.demonym)
	case "cap":
		g.w.actor(id, e.capital, "")
	case "poss":
		g.w.actor(id, e.name[0], "")
		g.w.lit(g.w.apostrophe() + "s")
	default:
		if e.formal != "" && !g.headline && g.r.IntN(12) == 0 {
			g.w.lit("the ")
			g.w.actor(id, e.formal, "")
			return
		}
		g.w.actor(id, e.name[0], "")
	}
}

func (g *gen) document(id int, mod string) {
	aliases := g.wd.docs[id-1].Aliases
	text := aliases[0]
	if len(aliases) > 1 && g.r.IntN(10) < 3 {
		text = aliases[1+g.r.IntN(len(aliases)-1)]
	}
	if mod != "bare" {
		g.w.lit("the ")
	}
	g.w.document(id, text)
}

var (
	ordinals = []string{"second", "third", "fourth", "fifth", "sixth"}
	subjects = [numTopics]string{"talks", "measures", "vote"}
)

func (g *gen) misc(name string) string {
	switch name {
	case "city":
		return g.city
	case "town":
		return pick(g.r, g.wd.places)
	case "day":
		return g.event.Weekday().String()
	case "date":
		return strconv.Itoa(g.event.Day()) + " " + g.event.Month().String()
	case "month":
		return g.event.AddDate(0, -1-g.r.IntN(3), 0).Month().String()
	case "lastmonth":
		return pick(g.r, []string{"last month", "earlier this month", "in " + g.event.AddDate(0, -1, 0).Month().String()})
	case "ord":
		return pick(g.r, ordinals)
	case "platform":
		return pick(g.r, platforms)
	case "outlet":
		return pick(g.r, g.wd.outlets).inText
	case "subject":
		return subjects[g.topic]
	}
	return ""
}
