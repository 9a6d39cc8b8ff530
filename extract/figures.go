package extract

import (
	"strconv"
	"strings"
	"unicode"
)

// A figure is a number with what it counts: "approximately 1,300 attack
// drones", "nine missiles", "five dozen civilian people", "US$100 billion",
// "45 percent". The number is digits with separators or number words, with
// an optional hedge before it ("nearly", "at least"), a currency before or
// after it and a multiplier ("billion", "dozen"). What it counts is the run
// of up to four words after it, stopped by a preposition, a verb or
// punctuation. Numbers that count nothing, years, dates, durations and
// numbers inside other words ("28-point") are not figures.

func (d *doc) findFigures() []FigureProposal {
	var out []FigureProposal
	for i := 0; i < len(d.toks); i++ {
		f, end, ok := d.figureAt(i)
		if !ok {
			continue
		}
		out = append(out, f)
		i = end - 1
	}
	return out
}

// figureAt reads a figure whose number starts at token i and returns it with
// the end of its tokens.
func (d *doc) figureAt(i int) (FigureProposal, int, bool) {
	start := i
	currency := ""
	if c, n := d.currencyBefore(i); n > 0 {
		currency, i = c, i+n
	}
	value, e, ok := d.number(i)
	if !ok || currency == "" && d.isDateOrYear(i, e) {
		return FigureProposal{}, 0, false
	}
	if c := d.currencyAfter(e); c != "" && currency == "" {
		currency, e = c, e+1
	}
	counts, end := "", e
	switch {
	case currency != "":
		counts = currency
	case e < len(d.toks) && (d.toks[e].s == "%" || d.toks[e].f == "percent"):
		counts, end = "percent", e+1
	case e+1 < len(d.toks) && d.toks[e].f == "per" && d.toks[e+1].f == "cent":
		counts, end = "percent", e+2
	default:
		a, b := d.counted(e)
		if b == a {
			return FigureProposal{}, 0, false
		}
		counts, end = d.textOf(a, b), b
	}
	start = d.hedgeBefore(start)
	return FigureProposal{Span: d.span(start, end), Text: d.textOf(start, end), Value: value, Counts: counts}, end, true
}

// currencyBefore reads "$", "€", "US$" at token i and returns the currency
// with the number of its tokens.
func (d *doc) currencyBefore(i int) (string, int) {
	if i >= len(d.toks) {
		return "", 0
	}
	t := d.toks[i]
	if isCurrencySign(t.s) {
		return t.s, 1
	}
	if t.kind == tWord && t.caps && len(t.s) <= 3 && i+1 < len(d.toks) && isCurrencySign(d.toks[i+1].s) && !d.toks[i+1].space {
		return t.s + d.toks[i+1].s, 2
	}
	return "", 0
}

func isCurrencySign(s string) bool {
	for _, r := range s {
		return unicode.Is(unicode.Sc, r) && len(s) == len(string(r))
	}
	return false
}

// currencyAfter reads "euros", "dollars" after an amount.
func (d *doc) currencyAfter(e int) string {
	if e < len(d.toks) && d.toks[e].kind == tWord && currencyWords[d.toks[e].f] && d.spacedAfter(e) {
		return d.toks[e].s
	}
	return ""
}

// number reads digits or number words at token i, with multipliers, and
// returns the value and the end of its tokens.
func (d *doc) number(i int) (float64, int, bool) {
	if i >= len(d.toks) || i > 0 && !d.toks[i].space && d.toks[i-1].kind == tWord {
		return 0, 0, false
	}
	t := d.toks[i]
	var v float64
	switch {
	case t.kind == tNumber:
		n, err := strconv.ParseFloat(strings.ReplaceAll(t.s, ",", ""), 64)
		if err != nil {
			return 0, 0, false
		}
		v = n
	case t.kind == tWord && d.wordNumber(t.f) != 0 && !t.caps:
		if i > 0 && definite[d.toks[i-1].f] {
			return 0, 0, false // "the two delegations" refers, it does not count
		}
		v = d.wordNumber(t.f)
		if t.f == "a" && !(i+1 < len(d.toks) && multipliers[d.toks[i+1].f] != 0) {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	e := i + 1
	for e < len(d.toks) && d.spacedAfter(e) && multipliers[d.toks[e].f] != 0 && d.toks[e].kind == tWord {
		v *= multipliers[d.toks[e].f]
		e++
	}
	if t.f == "one" && e == i+1 {
		return 0, 0, false // "one of", "no one": too often not a count
	}
	return v, e, true
}

// definite words before a spelled number make it a reference to things
// already named.
var definite = wordSet(`the these those its their our his her your my both all`)

// wordNumber reads "five", "twenty-five".
func (d *doc) wordNumber(f string) float64 {
	if tens, units, ok := strings.Cut(f, "-"); ok {
		if numberWords[tens] < 20 || numberWords[units] == 0 || numberWords[units] >= 10 {
			return 0
		}
		return numberWords[tens] + numberWords[units]
	}
	return numberWords[f]
}

// isDateOrYear reports whether the number at [i, e) is a year ("in 2024") or
// part of a date ("5 March", "March 5").
func (d *doc) isDateOrYear(i, e int) bool {
	t := d.toks[i]
	if t.kind == tNumber && len(t.s) == 4 && !strings.ContainsAny(t.s, ",.") {
		if n, _ := strconv.Atoi(t.s); n >= 1800 && n <= 2200 {
			return true
		}
	}
	if e < len(d.toks) && months[d.toks[e].f] && d.toks[e].upper {
		return true
	}
	return i > 0 && months[d.toks[i-1].f] && d.toks[i-1].upper
}

// counted returns the words a number counts: "attack drones", "guided
// aerial bombs", "civilian people".
func (d *doc) counted(e int) (int, int) {
	b := e
	for b < len(d.toks) && b-e < 4 && d.spacedAfter(b) {
		t := d.toks[b]
		if t.kind != tWord || figureStops[t.f] || reportingVerbs[t.f] || t.upper && (months[t.f] || weekdays[t.f]) {
			break
		}
		if b > e && (strings.HasSuffix(t.f, "ed") || strings.HasSuffix(t.f, "ing") || strings.HasSuffix(t.f, "ly")) {
			break // "drones launched", "troops advancing", "civilians mostly"
		}
		if t.upper && !(b+1 < len(d.toks) && d.spacedAfter(b+1) && d.toks[b+1].kind == tWord && !d.toks[b+1].upper) {
			break
		}
		b++
	}
	if b == e || notCounted[d.toks[b-1].f] || notCounted[d.toks[e].f] {
		return e, e
	}
	return e, b
}

// hedgeBefore extends a figure leftwards over a hedge ("nearly", "more
// than") and returns its new start.
func (d *doc) hedgeBefore(i int) int {
	for _, h := range hedges {
		words := strings.Fields(h)
		a := i - len(words)
		if a < 0 || !d.spacedAfter(i) {
			continue
		}
		ok := true
		for k, w := range words {
			if d.toks[a+k].f != w || k > 0 && !d.spacedAfter(a+k) {
				ok = false
				break
			}
		}
		if ok {
			return a
		}
	}
	return i
}
