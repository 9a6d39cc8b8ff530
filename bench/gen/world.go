package gen

import (
	"math/rand/v2"
	"time"
)

// world is everything articles are written about. It is built once and only
// read while articles are generated.
type world struct {
	cfg      Config
	actors   []Actor
	ents     []entity // ents[id-1] describes actors[id-1]
	stateIDs []int
	docs     []Document
	docTags  []int // topic of each document
	stories  []storyline
	weights  []float64 // cumulative storyline weights
	places   []string  // towns and venues; never aliases
	outlets  []outlet
	authors  [][]string // per outlet
	cyrIDs   map[int]bool
}

// Actor subkinds drive names, roles and which templates may use an actor.
const (
	subState = iota
	subPalace
	subMultilateral
	subNational
	subArmed
	subParty
	subMovement
	subPerson
)

// entity carries what the writer needs beyond the public Actor.
type entity struct {
	sub     int
	culture int
	name    [2]string // by quote style: curly, straight apostrophes
	acronym string
	demonym string // states
	capital string // states
	formal  string // states: "Republic of X"
	stateID int    // persons, national bodies, groups: their state
	affID   int    // persons: affiliation
	female  bool
	first   string
	sur     string
	full    string
	honor   string // "Mr Kolvani"
	variant string // other spelling of the full name
	varSur  string
	cyrFull string
	cyrSur  string
	role    roleDef
	roleLow string // gendered lower-case role
}

type outlet struct{ name, inText, domain string }

var outlets = []outlet{
	{"The Meridian Herald", "the Meridian Herald", "meridianherald.example"},
	{"Northern Wire", "Northern Wire", "northernwire.example"},
	{"Continental Daily", "Continental Daily", "continentaldaily.example"},
	{"The Harbour Post", "the Harbour Post", "harbourpost.example"},
	{"Eastern Courier", "Eastern Courier", "easterncourier.example"},
	{"Global Affairs Review", "Global Affairs Review", "globalaffairsreview.example"},
	{"The Morning Dispatch", "the Morning Dispatch", "morningdispatch.example"},
	{"Atlas News Service", "Atlas News Service", "atlasnews.example"},
	{"The Lantern", "the Lantern", "thelantern.example"},
	{"Amber Ledger", "Amber Ledger", "amberledger.example"},
}

var baseDate = time.Date(2031, time.January, 6, 0, 0, 0, 0, time.UTC)

func newWorld(cfg Config) *world {
	r := rand.New(rand.NewPCG(uint64(cfg.Seed), 0x5eed0f_d0551e))
	reg := newRegistry()
	wd := &world{cfg: cfg, outlets: outlets, cyrIDs: map[int]bool{}}
	wd.makeActors(r, reg, cfg.Actors)
	wd.makeDocuments(r, reg, cfg.Documents)
	for range 40 {
		wd.places = append(wd.places, reg.fresh(func(try int) string { return placeName(r, try) }))
	}
	for range wd.outlets {
		var names []string
		for range 3 {
			names = append(names, wd.authorName(r, reg))
		}
		wd.authors = append(wd.authors, names)
	}
	wd.makeStories(r)
	return wd
}

func (wd *world) authorName(r *rand.Rand, reg *registry) string {
	for try := 0; ; try++ {
		cu := cultures[r.IntN(len(cultures))]
		first := pick(r, cu.male)
		if r.IntN(2) == 0 {
			first = pick(r, cu.female)
		}
		sur := compose(r, cu.surPre, cu.surSuf, try)
		if reg.claim(first+" "+sur, sur) {
			return first + " " + sur
		}
	}
}

func (wd *world) add(a Actor, e entity) int {
	a.ID = len(wd.actors) + 1
	wd.actors = append(wd.actors, a)
	wd.ents = append(wd.ents, e)
	return a.ID
}

func (wd *world) ent(id int) *entity { return &wd.ents[id-1] }
