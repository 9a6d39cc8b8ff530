package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Story topics.
const (
	topicTalks = iota
	topicSanctions
	topicElection
	numTopics
)

var (
	docStatuses      = []string{"rumoured", "drafting", "presented", "under revision", "agreed", "signed", "rejected", "superseded"}
	pointNouns       = []string{"plan", "roadmap", "proposal", "peace plan"}
	talksFrameworks  = []string{"maritime security", "multilateral security guarantee", "energy transit", "border verification", "prisoner exchange", "reconstruction financing", "grain corridor", "nuclear safety", "civilian protection", "ceasefire verification", "air defence cooperation", "humanitarian access", "demining", "security guarantee"}
	talksPlans       = []string{"economic & prosperity", "economic recovery", "demobilisation", "reconstruction", "energy security", "refugee return", "debt relief"}
	sanctionsTopics  = []string{"sanctions relief", "price cap enforcement", "export control", "asset recovery", "shadow fleet inspection", "financial transparency"}
	electionTopics   = []string{"election monitoring", "vote verification", "electoral reform", "media access", "campaign finance", "ballot security"}
	agreementNouns   = []string{"agreement", "accord", "protocol", "memorandum"}
	agreementAltNoun = map[string]string{"agreement": "accords", "accord": "agreement", "protocol": "accords", "memorandum": "memorandum of understanding"}
)

func (wd *world) makeDocuments(r *rand.Rand, reg *registry, n int) {
	tags := []int{topicTalks, topicTalks, topicSanctions, topicElection}
	for i := range n {
		tag := tags[i%len(tags)]
		place := func() string { return reg.fresh(func(try int) string { return placeName(r, try) }) }
		for try := 0; ; try++ {
			d, ok := docDraft(r, tag, place)
			if try >= 30 {
				// The topic's word lists are used up; places never run out.
				p := place()
				d, ok = Document{Kind: "agreement", Aliases: []string{p + " agreement", p + " accords"}}, true
			}
			if !ok || !reg.claim(d.Aliases...) {
				continue
			}
			d.ID = len(wd.docs) + 1
			d.Title = d.Aliases[0]
			d.Status = pick(r, docStatuses)
			wd.docs = append(wd.docs, d)
			wd.docTags = append(wd.docTags, tag)
			break
		}
	}
}

// docDraft invents a document of the topic: its kind and its aliases, the
// first of which is its title. Places in titles are claimed on their own so
// that no alias of another entity hides inside a document name.
func docDraft(r *rand.Rand, tag int, place func() string) (Document, bool) {
	var kind string
	var aliases []string
	switch tag {
	case topicSanctions:
		if r.IntN(2) == 0 {
			n := ordinal(5 + r.IntN(30))
			kind, aliases = "plan", []string{n + " sanctions package", n + " package of sanctions"}
		} else {
			t := pick(r, sanctionsTopics)
			kind, aliases = "framework", []string{t + " framework", titleCase(t + " framework")}
		}
	case topicElection:
		switch r.IntN(3) {
		case 0:
			t := pick(r, electionTopics)
			kind, aliases = "framework", []string{t + " framework", titleCase(t + " framework")}
		case 1:
			t := pick(r, electionTopics)
			kind, aliases = "plan", []string{t + " plan"}
		default:
			p := place()
			kind, aliases = "statement", []string{p + " declaration", "declaration of " + p}
		}
	default:
		kind, aliases = talksDraft(r, place)
	}
	return Document{Kind: kind, Aliases: aliases}, len(aliases) > 0
}

func talksDraft(r *rand.Rand, place func() string) (string, []string) {
	switch r.IntN(6) {
	case 0:
		n := 5 + r.IntN(36)
		a, b := pick(r, pointNouns), pick(r, pointNouns)
		out := []string{fmt.Sprintf("%d-point %s", n, a)}
		if b != a {
			out = append(out, fmt.Sprintf("%d-point %s", n, b))
		}
		return "plan", out
	case 1:
		t := pick(r, talksFrameworks)
		return "framework", []string{t + " framework", titleCase(t + " framework")}
	case 2:
		t := pick(r, talksPlans)
		alt := titleCase(t + " plan")
		if strings.Contains(t, "&") {
			alt = strings.ReplaceAll(t, "&", "and") + " plan"
		}
		return "plan", []string{t + " plan", alt}
	case 3:
		p, noun := place(), pick(r, agreementNouns)
		return "agreement", []string{p + " " + noun, p + " " + agreementAltNoun[noun]}
	case 4:
		p := place()
		return "statement", []string{p + " declaration", "declaration of " + p}
	default:
		return "letter", []string{"letter of intent on " + pick(r, talksFrameworks)}
	}
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
