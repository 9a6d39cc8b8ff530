package gen

import (
	"math/rand/v2"
	"strings"
)

// roleDef is a post a person holds. cap is the form written as a title right
// before a name ("Foreign Minister Andrea Kolvani"); roles without one are
// written lower-case behind a qualifier ("Velorian special envoy ...").
type roleDef struct {
	cap, low, lowF, prep string
	unique               bool
}

var (
	rPresident  = roleDef{cap: "President", low: "president", prep: "of", unique: true}
	rPM         = roleDef{cap: "Prime Minister", low: "prime minister", prep: "of", unique: true}
	rForeign    = roleDef{cap: "Foreign Minister", low: "foreign minister", prep: "of", unique: true}
	rDefence    = roleDef{cap: "Defence Minister", low: "defence minister", prep: "of", unique: true}
	rFinance    = roleDef{cap: "Finance Minister", low: "finance minister", prep: "of", unique: true}
	rNegotiator = roleDef{low: "chief negotiator", prep: "of", unique: true}
	rEnvoy      = roleDef{low: "special envoy", prep: "of"}
	rSecurity   = roleDef{low: "national security adviser", prep: "of", unique: true}
	rSpokes     = roleDef{low: "spokesman", lowF: "spokeswoman", prep: "for"}
	rSecGen     = roleDef{cap: "Secretary-General", low: "secretary-general", prep: "of", unique: true}
	rCommander  = roleDef{low: "commander", prep: "of", unique: true}
	rLeader     = roleDef{low: "leader", prep: "of", unique: true}
	rDirector   = roleDef{low: "director", prep: "of", unique: true}
	rChair      = roleDef{low: "chairman", lowF: "chairwoman", prep: "of", unique: true}
	rChief      = roleDef{low: "chief of staff", prep: "of", unique: true}
	rRep        = roleDef{low: "special representative", prep: "of"}

	stateRoles = []roleDef{
		rPresident, rPM, rForeign, rDefence, rFinance, rNegotiator, rEnvoy, rSecurity,
		{cap: "Energy Minister", low: "energy minister", prep: "of", unique: true},
		{cap: "Deputy Foreign Minister", low: "deputy foreign minister", prep: "of"},
		{low: "ambassador", prep: "of"},
		{low: "deputy chief negotiator", prep: "of"},
		{low: "central bank governor", prep: "of", unique: true},
	}
	subRoles = map[int][]roleDef{
		subPalace:       {rSpokes, rChief, {low: "deputy spokesman", lowF: "deputy spokeswoman", prep: "for"}},
		subMultilateral: {rSecGen, rSpokes, rRep, rChair},
		subNational:     {rDirector, rChair, rSpokes},
		subArmed:        {rCommander, rSpokes, {low: "deputy commander", prep: "of"}},
		subParty:        {rLeader, rSpokes, rChair},
		subMovement:     {rLeader, rSpokes},
	}
)

var (
	orgAdj     = []string{"Northern", "Eastern", "Western", "Southern", "Continental", "Central", "Inland", "Coastal", "Riparian", "Transmontane"}
	orgTopic   = []string{"Security", "Monetary", "Maritime", "Energy", "Trade", "Mediation", "Cooperation", "Development", "Defence", "Reconstruction"}
	orgBody    = []string{"Council", "Union", "Organisation", "Alliance", "Office", "Commission", "Forum", "Agency", "Bank", "Compact"}
	nationalOf = []struct {
		name, role string
		acr        bool
	}{
		{"Security Service", "security service", true}, {"National Bank", "central bank", true},
		{"Central Election Commission", "election commission", true}, {"Energy Consortium", "state energy company", false},
		{"State Shipping Company", "state shipping company", false}, {"General Staff", "armed forces command", false},
		{"Constitutional Court", "constitutional court", false}, {"Grain Board", "state grain agency", false},
	}
	armedColour = []string{"Red", "Black", "White", "Green", "Iron", "Golden", "Grey", "Silver", "Crimson"}
	armedNoun   = []string{"Dawn", "Wolf", "Star", "Banner", "Falcon", "Hand", "River", "Shield", "Oak", "Storm"}
	armedKind   = []string{"Brigade", "Battalion", "Front", "Legion", "Guard"}
	partyValue  = []string{"Renewal", "Progress", "Unity", "Freedom", "Labour", "Homeland", "Justice", "Reform", "Farmers’", "Workers’"}
	unionTrade  = []string{"Dockworkers’ Union", "Miners’ Union", "Teachers’ Union", "Railway Workers’ Union", "Mothers’ Committee"}
)

func (wd *world) makeActors(r *rand.Rand, reg *registry, n int) {
	states := max(3, n*8/100)
	orgs := max(2, n*14/100)
	groups := max(1, n*6/100)
	persons := n - states - orgs - groups
	palaces := min(states, max(1, orgs/3))
	multi := max(1, (orgs-palaces)/2)
	stateIDs := make([]int, 0, states)
	order := r.Perm(len(cultures))
	for i := range states {
		stateIDs = append(stateIDs, wd.makeState(r, reg, order[i%len(order)]))
	}
	wd.stateIDs = stateIDs
	for i := range palaces {
		wd.makePalace(r, reg, stateIDs[i])
	}
	for range multi {
		wd.makeMultilateral(r, reg)
	}
	for i := range orgs - palaces - multi {
		wd.makeNational(r, reg, stateIDs[i%len(stateIDs)])
	}
	parties := max(1, groups/2)
	for i := range parties {
		// Parties come in pairs per state so that elections have two sides.
		wd.makeGroup(r, reg, subParty, stateIDs[(i/2)%len(stateIDs)])
	}
	for i := range groups - parties {
		sub := subArmed
		if i%2 == 1 {
			sub = subMovement
		}
		wd.makeGroup(r, reg, sub, pick(r, stateIDs))
	}
	posts := wd.posts(r, persons, stateIDs)
	for _, p := range posts {
		wd.makePerson(r, reg, p)
	}
}

func (wd *world) makeState(r *rand.Rand, reg *registry, cu int) int {
	for try := 0; ; try++ {
		name := stateName(r, try)
		dem, capital := demonym(name), placeName(r, try)
		if !reg.claim(name, dem, capital) {
			continue
		}
		e := entity{sub: subState, culture: cu, name: [2]string{name, name}, demonym: dem, capital: capital}
		aliases := []string{name}
		if r.IntN(5) < 2 && reg.claim("Republic of "+name) {
			e.formal = "Republic of " + name
			aliases = append(aliases, e.formal)
		}
		aliases = append(aliases, capital)
		return wd.add(Actor{Name: name, Kind: "state", Country: name, Aliases: aliases}, e)
	}
}

func (wd *world) makePalace(r *rand.Rand, reg *registry, state int) {
	// The place part is claimed on its own so that it never doubles as an alias.
	name := freshPlace(r, reg) + " " + pick(r, []string{"Palace", "House"})
	reg.claim(name)
	e := entity{sub: subPalace, name: [2]string{name, name}, stateID: state}
	wd.add(Actor{Name: name, Kind: "organisation", Role: "presidential administration", Affiliation: state,
		Country: wd.actors[state-1].Name, Aliases: []string{name}}, e)
}

func (wd *world) makeMultilateral(r *rand.Rand, reg *registry) {
	for try := 0; ; try++ {
		name := pick(r, orgAdj) + " " + pick(r, orgTopic) + " " + pick(r, orgBody)
		switch {
		case try >= 300:
			name = freshPlace(r, reg) + " " + pick(r, orgTopic) + " " + pick(r, orgBody)
		case try >= 60:
			name = pick(r, orgAdj) + " " + name
		case r.IntN(4) == 0:
			name = pick(r, []string{"Council", "Union", "Forum", "Assembly"}) + " of " + pick(r, orgAdj) + " States"
		}
		if wd.addOrg(reg, name, true, Actor{Kind: "organisation", Role: "intergovernmental organisation"}, entity{sub: subMultilateral}) {
			return
		}
	}
}

func (wd *world) makeNational(r *rand.Rand, reg *registry, state int) {
	for range 50 {
		k := pick(r, nationalOf)
		name := wd.ent(state).demonym + " " + k.name
		a := Actor{Kind: "organisation", Role: k.role, Affiliation: state, Country: wd.actors[state-1].Name}
		if wd.addOrg(reg, name, k.acr, a, entity{sub: subNational, stateID: state}) {
			return
		}
	}
	wd.makeMultilateral(r, reg)
}

func (wd *world) makeGroup(r *rand.Rand, reg *registry, sub, state int) {
	dem := wd.ent(state).demonym
	for try := 0; ; try++ {
		var name, role string
		acr := true
		switch {
		case sub == subParty && try >= 30:
			name, role = dem+" "+pick(r, partyValue)+" and "+freshPlace(r, reg)+" Party", "political party"
		case sub == subParty:
			name, role = dem+" "+pick(r, partyValue)+" Party", "political party"
		case sub == subArmed && try >= 60:
			name, role = freshPlace(r, reg)+" "+pick(r, armedKind), "armed group"
			acr = false
		case sub == subArmed:
			name, role = pick(r, armedColour)+" "+pick(r, armedNoun)+" "+pick(r, armedKind), "armed group"
			acr = false
		default:
			name, role = freshPlace(r, reg)+" "+pick(r, unionTrade), "civic movement"
			acr = false
		}
		a := Actor{Kind: "group", Role: role, Country: wd.actors[state-1].Name}
		if wd.addOrg(reg, name, acr, a, entity{sub: sub, stateID: state}) {
			return
		}
	}
}

// freshPlace claims a new place name for use inside another name, so that
// it never doubles as an alias.
func freshPlace(r *rand.Rand, reg *registry) string {
	return reg.fresh(func(try int) string { return compose(r, placePre, placeSuf, try) })
}

// addOrg claims the name, its straight-apostrophe spelling and an acronym of
// three letters or more, then adds the actor.
func (wd *world) addOrg(reg *registry, name string, wantAcr bool, a Actor, e entity) bool {
	plain := straightened.Replace(name)
	names := []string{name}
	if plain != name {
		names = append(names, plain)
	}
	acr := ""
	if wantAcr {
		if acr = acronym(name); len(acr) < 3 {
			acr = ""
		}
	}
	if acr != "" && reg.claim(append(names, acr)...) {
		names = append(names, acr)
	} else if acr = ""; !reg.claim(names...) {
		return false
	}
	e.name, e.acronym = [2]string{name, plain}, acr
	a.Name, a.Aliases = name, names
	wd.add(a, e)
	return true
}

// post is a person-to-be: where they work and what they do.
type post struct {
	aff  int
	role roleDef
}

// posts hands out the prominent posts first (heads of state, foreign
// ministers, spokesmen, negotiators), then fills the rest at random.
func (wd *world) posts(r *rand.Rand, n int, states []int) []post {
	taken := map[post]bool{}
	var out []post
	add := func(aff int, role roleDef) {
		p := post{aff, role}
		if len(out) < n && !taken[p] {
			taken[p] = true
			out = append(out, p)
		}
	}
	bySub := func(sub int, role roleDef) {
		for id := range wd.ents {
			if wd.ents[id].sub == sub {
				add(id+1, role)
			}
		}
	}
	for _, s := range states {
		add(s, rPresident)
	}
	for _, s := range states {
		add(s, rForeign)
	}
	bySub(subPalace, rSpokes)
	bySub(subMultilateral, rSecGen)
	bySub(subParty, rLeader)
	for _, s := range states {
		add(s, rNegotiator)
	}
	bySub(subArmed, rCommander)
	bySub(subMovement, rLeader)
	for _, role := range []roleDef{rPM, rDefence, rEnvoy, rSecurity, rFinance} {
		for _, s := range states {
			add(s, role)
		}
	}
	for len(out) < n {
		aff := pick(r, states)
		if r.IntN(10) >= 6 {
			aff = 1 + r.IntN(len(wd.ents))
		}
		roles := stateRoles
		if sub := wd.ent(aff).sub; sub != subState {
			roles = subRoles[sub]
		}
		role := pick(r, roles)
		if role.unique && taken[post{aff, role}] {
			continue
		}
		taken[post{aff, role}] = true
		out = append(out, post{aff, role})
	}
	return out
}

func (wd *world) makePerson(r *rand.Rand, reg *registry, p post) {
	ae := wd.ent(p.aff)
	state, cu := p.aff, ae.culture
	switch {
	case ae.sub == subMultilateral:
		state, cu = pick(r, wd.stateIDs), r.IntN(len(cultures))
	case ae.sub != subState:
		state = ae.stateID
		cu = wd.ent(state).culture
	}
	e := wd.personName(r, reg, cu)
	e.sub, e.stateID, e.affID, e.role = subPerson, state, p.aff, p.role
	e.roleLow = p.role.low
	if e.female && p.role.lowF != "" {
		e.roleLow = p.role.lowF
	}
	role := p.role.cap
	if role == "" {
		role = e.roleLow
	}
	aliases := []string{e.full, e.sur, e.honor}
	for _, a := range []string{e.variant, e.varSur, e.cyrFull, e.cyrSur} {
		if a != "" {
			aliases = append(aliases, a)
		}
	}
	id := wd.add(Actor{Name: e.full, Kind: "person", Role: role, Affiliation: p.aff,
		Country: wd.actors[state-1].Name, Aliases: aliases}, e)
	if e.cyrFull != "" {
		wd.cyrIDs[id] = true
	}
}

// personName draws a first name and an invented surname, with the spellings
// outlets use for them, all unique.
func (wd *world) personName(r *rand.Rand, reg *registry, cu int) entity {
	c := cultures[cu]
	for try := 0; ; try++ {
		e := entity{culture: cu, female: r.IntN(100) < 45}
		e.first = pick(r, c.male)
		if e.female {
			e.first = pick(r, c.female)
		}
		e.sur = compose(r, c.surPre, c.surSuf, try)
		e.full = e.first + " " + e.sur
		e.honor = "Mr " + e.sur
		if e.female {
			e.honor = "Ms " + e.sur
		}
		names := []string{e.full, e.sur, e.honor}
		switch {
		case hasDiacritics(e.full):
			e.variant = stripDiacritics(e.full)
			if s := stripDiacritics(e.sur); s != e.sur {
				e.varSur = s
			}
		case nicknames[e.first] != "":
			e.variant = nicknames[e.first] + " " + e.sur
		}
		if c.cyrillic {
			e.cyrFull, e.cyrSur = cyrillic(e.first)+" "+cyrillic(e.sur), cyrillic(e.sur)
		}
		for _, n := range []string{e.variant, e.varSur, e.cyrFull, e.cyrSur} {
			if n != "" {
				names = append(names, n)
			}
		}
		if reg.claim(names...) && !strings.ContainsAny(e.sur, " ") {
			return e
		}
	}
}
