package gen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
)

// figureKinds write a number phrase together with what it counts, in the
// forms news copy uses: hedges, words for small numbers, thousands separators,
// currencies, dozens.
var figureKinds = map[string]func(*rand.Rand) string{
	"drones": func(r *rand.Rand) string {
		return hedge(r) + grouped(roundTo(r, 300, 2000, 10)) + " " + pick(r, []string{"attack drones", "drones", "long-range drones"})
	},
	"bombs": func(r *rand.Rand) string {
		return hedge(r) + grouped(roundTo(r, 300, 1500, 10)) + " guided aerial bombs"
	},
	"missiles": func(r *rand.Rand) string {
		return small(r, 3, 20) + " " + pick(r, []string{"missiles", "cruise missiles", "ballistic missiles", "missiles of various types"})
	},
	"civilians": func(r *rand.Rand) string {
		switch r.IntN(4) {
		case 0:
			return pick(r, []string{"two", "three", "four", "five"}) + " dozen civilians"
		case 1:
			return strconv.Itoa(10+r.IntN(90)) + " individuals"
		default:
			return hedge(r) + small(r, 12, 120) + " civilians"
		}
	},
	"deaths": func(r *rand.Rand) string {
		if r.IntN(2) == 0 {
			return small(r, 2, 15) + " fatalities"
		}
		return "at least " + small(r, 3, 40) + " " + pick(r, []string{"deaths", "people"})
	},
	"troops": func(r *rand.Rand) string {
		return hedge(r) + grouped(roundTo(r, 5000, 150000, 1000)) + " " + pick(r, []string{"troops", "soldiers"})
	},
	"prisoners": func(r *rand.Rand) string {
		return strconv.Itoa(20+r.IntN(380)) + " " + pick(r, []string{"prisoners of war", "prisoners"})
	},
	"money": money,
	"entities": func(r *rand.Rand) string {
		return hedge(r) + strconv.Itoa(40+r.IntN(360)) + " " + pick(r, []string{"entities", "companies", "banks"})
	},
	"individuals": func(r *rand.Rand) string { return strconv.Itoa(20+r.IntN(130)) + " individuals" },
	"vessels": func(r *rand.Rand) string {
		return strconv.Itoa(20+r.IntN(180)) + " " + pick(r, []string{"tankers", "vessels"})
	},
	"oil": func(r *rand.Rand) string { return decimal(r, 5, 35) + " million barrels a day" },
	"refugees": func(r *rand.Rand) string {
		return hedge(r) + grouped(roundTo(r, 20000, 900000, 1000)) + " people"
	},
	"observers": func(r *rand.Rand) string { return hedge(r) + strconv.Itoa(100+r.IntN(800)) + " observers" },
	"crowd": func(r *rand.Rand) string {
		return hedge(r) + grouped(roundTo(r, 5000, 60000, 1000)) + " supporters"
	},
	"protesters": func(r *rand.Rand) string { return hedge(r) + strconv.Itoa(20+r.IntN(280)) + " protesters" },
	"vote": func(r *rand.Rand) string {
		return decimal(r, 150, 520) + pick(r, []string{" percent", "%", " per cent"}) + " of the vote"
	},
	"turnout": func(r *rand.Rand) string { return decimal(r, 380, 780) + " percent" },
	"seats": func(r *rand.Rand) string {
		total := pick(r, []int{120, 150, 200, 225})
		return strconv.Itoa(total/3+r.IntN(total/3)) + " of the " + strconv.Itoa(total) + " seats"
	},
	"percent":    func(r *rand.Rand) string { return decimal(r, 50, 600) + " percent" },
	"violations": func(r *rand.Rand) string { return hedge(r) + strconv.Itoa(20+r.IntN(480)) + " times" },
	"complaints": func(r *rand.Rand) string {
		return hedge(r) + grouped(100+r.IntN(2900)) + " complaints"
	},
}

func money(r *rand.Rand) string {
	n := 2 + r.IntN(140)
	unit := pick(r, []string{"billion", "million"})
	switch r.IntN(5) {
	case 0:
		return hedge(r) + "US$" + strconv.Itoa(n) + " " + unit
	case 1:
		return hedge(r) + "$" + decimal(r, 11, 99) + " billion"
	case 2:
		return hedge(r) + "€" + grouped(n*10) + " million"
	case 3:
		return hedge(r) + strconv.Itoa(n) + " " + unit + " euros"
	default:
		return hedge(r) + "US$" + strconv.Itoa(n) + " " + unit
	}
}

var hedges = []string{"about ", "approximately ", "nearly ", "more than ", "over ", "some ", "roughly ", "at least ", "up to "}

func hedge(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return ""
	}
	return pick(r, hedges)
}

var numberWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}

// small writes numbers up to twenty in words most of the time, as style guides ask.
func small(r *rand.Rand, lo, hi int) string {
	n := lo + r.IntN(hi-lo+1)
	if n < len(numberWords) && r.IntN(4) > 0 {
		return numberWords[n]
	}
	return strconv.Itoa(n)
}

func roundTo(r *rand.Rand, lo, hi, step int) int { return (lo + r.IntN(hi-lo)) / step * step }

// decimal gives lo..hi tenths as "12.3", or "12" for a whole number.
func decimal(r *rand.Rand, lo, hi int) string {
	n := lo + r.IntN(hi-lo)
	if n%10 == 0 {
		return strconv.Itoa(n / 10)
	}
	return fmt.Sprintf("%d.%d", n/10, n%10)
}

// grouped writes thousands separators: 1300 gives "1,300".
func grouped(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
