package gen

import (
	"math/rand/v2"
	"slices"
	"time"
)

// storyline is a thread of coverage (a negotiation, a sanctions regime, an
// election) that many articles follow, so actors and documents recur.
type storyline struct {
	topic   int
	states  []int // the first is the one the story is about
	persons []int
	palaces []int
	orgs    []int
	groups  []int
	moves   []int
	parties []int
	docs    []int
	start   time.Time
	venue   string
}

// Slot kinds: the entity lists a cast has and templates refer to.
const (
	kP = iota // persons
	kS        // states
	kO        // organisations other than palaces
	kK        // presidential administrations
	kG        // armed groups
	kM        // civic movements and unions
	kY        // parties
	kD        // documents
	numKinds
)

// cast is who and what one article is about.
type cast struct {
	ids    [numKinds][]int
	cyrIDs []int // persons whose names also have a Cyrillic form
}

func (wd *world) makeStories(r *rand.Rand) {
	n := max(2, len(wd.actors)/30)
	var docsByTopic [numTopics][]int
	for i, t := range wd.docTags {
		docsByTopic[t] = append(docsByTopic[t], i+1)
	}
	total := 0.0
	for i := range n {
		st := wd.makeStory(r, i, docsByTopic)
		wd.stories = append(wd.stories, st)
		// Coverage is uneven: a few stories get most of the articles.
		total += 1 / float64(i+1)
		wd.weights = append(wd.weights, total)
	}
}

func (wd *world) makeStory(r *rand.Rand, i int, docsByTopic [numTopics][]int) storyline {
	topics := []int{topicTalks, topicSanctions, topicTalks, topicElection}
	st := storyline{topic: topics[i%len(topics)], venue: pick(r, wd.places)}
	st.start = baseDate.AddDate(0, 0, r.IntN(700))
	primary := pick(r, wd.stateIDs)
	if st.topic == topicElection {
		if s, ok := wd.stateWithParties(r); ok {
			primary = s
		}
	}
	st.states = []int{primary}
	for _, s := range r.Perm(len(wd.stateIDs)) {
		if len(st.states) < 2+r.IntN(2) && wd.stateIDs[s] != primary {
			st.states = append(st.states, wd.stateIDs[s])
		}
	}
	multi := wd.pickMultilateral(r, 1+r.IntN(2))
	for id := 1; id <= len(wd.ents); id++ {
		wd.addToStory(&st, id, multi)
	}
	docs := docsByTopic[st.topic]
	if len(docs) == 0 {
		docs = docsByTopic[topicTalks]
	}
	for k := range 2 + r.IntN(3) {
		// Stories take documents in turn first, so each one is written about.
		d := docs[(i/len(topics)*3+k)%len(docs)]
		if k > 1 {
			d = pick(r, docs)
		}
		if !slices.Contains(st.docs, d) {
			st.docs = append(st.docs, d)
		}
	}
	return st
}

// addToStory files an actor under the story when it belongs to one of its states.
func (wd *world) addToStory(st *storyline, id int, multi []int) {
	e := wd.ent(id)
	in := slices.Contains(st.states, e.stateID)
	switch e.sub {
	case subPalace:
		if in {
			st.palaces = append(st.palaces, id)
		}
	case subMultilateral:
		if slices.Contains(multi, id) {
			st.orgs = append(st.orgs, id)
		}
	case subNational:
		if in {
			st.orgs = append(st.orgs, id)
		}
	case subArmed:
		if in {
			st.groups = append(st.groups, id)
		}
	case subMovement:
		if in {
			st.moves = append(st.moves, id)
		}
	case subParty:
		if e.stateID == st.states[0] {
			st.parties = append(st.parties, id)
		}
	case subPerson:
		if in || slices.Contains(multi, e.affID) {
			st.persons = append(st.persons, id)
		}
	}
}

func (wd *world) stateWithParties(r *rand.Rand) (int, bool) {
	count := map[int]int{}
	var ok []int
	for id := range wd.ents {
		if e := &wd.ents[id]; e.sub == subParty {
			if count[e.stateID]++; count[e.stateID] == 2 {
				ok = append(ok, e.stateID)
			}
		}
	}
	if len(ok) == 0 {
		return 0, false
	}
	return pick(r, ok), true
}

func (wd *world) pickMultilateral(r *rand.Rand, n int) []int {
	var all []int
	for id := range wd.ents {
		if wd.ents[id].sub == subMultilateral {
			all = append(all, id+1)
		}
	}
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	return all[:min(n, len(all))]
}

func (wd *world) pickStory(r *rand.Rand) *storyline {
	x := r.Float64() * wd.weights[len(wd.weights)-1]
	i, _ := slices.BinarySearch(wd.weights, x)
	return &wd.stories[min(i, len(wd.stories)-1)]
}

// castFor chooses the part of a story one article covers.
func (wd *world) castFor(r *rand.Rand, st *storyline) cast {
	var c cast
	c.ids[kS] = append([]int{st.states[0]}, shuffled(r, st.states[1:], len(st.states))...)
	c.ids[kP] = shuffled(r, st.persons, 3+r.IntN(4))
	for len(c.ids[kP]) < 2 {
		if p := wd.randomPerson(r); !slices.Contains(c.ids[kP], p) {
			c.ids[kP] = append(c.ids[kP], p)
		}
	}
	c.ids[kK] = shuffled(r, st.palaces, 2)
	// Intergovernmental bodies come first in the story's list; O1 leans to them.
	var multi, national []int
	for _, o := range st.orgs {
		if wd.ent(o).sub == subMultilateral {
			multi = append(multi, o)
		} else {
			national = append(national, o)
		}
	}
	c.ids[kO] = append(shuffled(r, multi, 2), shuffled(r, national, r.IntN(2))...)
	c.ids[kG] = shuffled(r, st.groups, 2)
	c.ids[kM] = shuffled(r, st.moves, 1)
	c.ids[kY] = shuffled(r, st.parties, 3)
	c.ids[kD] = append([]int{st.docs[0]}, shuffled(r, st.docs[1:], r.IntN(3))...)
	if r.IntN(3) == 0 {
		c.ids[kD] = shuffled(r, st.docs, 1+r.IntN(3))
	}
	for _, p := range c.ids[kP] {
		if wd.cyrIDs[p] {
			c.cyrIDs = append(c.cyrIDs, p)
		}
	}
	return c
}

func (wd *world) randomPerson(r *rand.Rand) int {
	for {
		if id := 1 + r.IntN(len(wd.ents)); wd.ents[id-1].sub == subPerson {
			return id
		}
	}
}

// shuffled returns up to n elements of xs in random order, in a new slice.
func shuffled(r *rand.Rand, xs []int, n int) []int {
	out := slices.Clone(xs)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out[:min(n, len(out))]
}
