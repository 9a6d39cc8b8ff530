package extract

// Word lists the proposals rely on. They describe English news copy in
// general (titles, reporting verbs, function words) and name no actor.
// Every entry is folded: lower case, no diacritics, straight apostrophes.

// titleHeads are the last word of a title written before a name:
// "Foreign Minister", "Kremlin spokesman", "special envoy".
var titleHeads = wordSet(`president vice-president minister secretary secretary-general under-secretary
	spokesman spokeswoman spokesperson envoy negotiator ambassador adviser advisor chancellor commander
	leader chairman chairwoman chair chairperson director governor mayor senator congressman congresswoman
	representative premier king queen prince princess emir sheikh pope patriarch counsellor councillor
	diplomat aide official judge prosecutor attorney-general commissioner president-elect ombudsman
	rapporteur mediator coordinator chief deputy`)

// rankHeads are titles only when capitalised: "General Gerasimov", not "general agreement".
var rankHeads = wordSet(`general admiral colonel major marshal lieutenant captain sergeant`)

// titleModifiers may stand before a title head inside the title:
// "chief negotiator", "Deputy Foreign Minister", "national security adviser".
var titleModifiers = wordSet(`foreign defence defense finance interior justice energy economy economic trade
	health education culture agriculture environment transport labour labor social digital infrastructure
	prime deputy vice chief special senior top lead national security press presidential acting former
	interim first permanent executive assistant principal regional central bank military army naval
	intelligence opposition party parliamentary supreme high co- political humanitarian
	state defence-policy foreign-policy`)

// honorifics stand before a surname and are no part of the name.
var honorifics = wordSet(`mr mrs ms miss dr sir dame lord lady madam mister`)

// kinWords may head a role given after a name: "Jared Kushner, a son-in-law of …".
var kinWords = wordSet(`son daughter son-in-law daughter-in-law father mother brother sister wife husband
	widow nephew niece cousin friend ally confidant partner founder owner co-founder`)

// reportingVerbs introduce or follow reported speech.
var reportingVerbs = wordSet(`say says said saying tell tells told telling add adds added adding
	state stated stating warn warns warned warning insist insists insisted insisting write writes wrote
	writing note noted noting stress stresses stressed stressing announce announces announced announcing
	declare declares declared declaring claim claims claimed claiming argue argues argued arguing
	explain explains explained explaining ask asks asked asking reply replied replies replying
	respond responded responding caution cautions cautioned cautioning emphasise emphasised emphasising
	emphasize emphasized emphasizing remark remarked commented observe observed admit admitted admitting
	acknowledge acknowledged acknowledging assert asserted affirm affirmed reiterate reiterated reiterating
	describe describes described describing call calls called calling characterise characterised
	characterize characterized characterising characterizing laud lauded lauding praise praised praising
	hail hailed hailing term termed label labelled labeled tweet tweeted post posted vow vowed vowing
	pledge pledged urge urged urging confirm confirmed deny denied concede conceded suggest suggested
	predict predicted complain complained indicate indicated indicating recall recalled quip quipped
	joke joked boast boasted counter countered continued concluded conclude admitted promised promise
	сказал сказала сказали заявил заявила заявили написал написала написали отметил отметила подчеркнул
	подчеркнула сообщил сообщила сказав заявив написав зазначив наголосив повідомив`)

// pronouns that can stand for a speaker.
var speakerPronouns = wordSet(`he she they`)

// auxiliaries and adverbs that may stand between a subject and its verb:
// "Zelensky has previously described".
var betweenSubjectAndVerb = wordSet(`has have had also previously later again then recently repeatedly
	reportedly once further subsequently earlier still would will did does do later publicly privately
	separately jointly already firmly bluntly openly initially quickly swiftly simply only not never
	had been is was`)

// passiveMarkers turn "were described as" into a passive: the speaker, if
// any, comes in a "by" phrase.
var passiveMarkers = wordSet(`was were is are been be being`)

// functionWords are capitalised only at the start of a sentence and are
// never part of a name.
var functionWords = wordSet(`the a an and but or nor if in on at to for from by with of as after before
	while when where whereas however meanwhile moreover furthermore despite although though since during
	over under this that these those there here it its he she they we i you his her their our my your
	such some many most all both each every no not only also yet still then thus recent key following
	according asked speaking earlier later last next new other another several what who whom which why
	how one two three four five six seven eight nine ten today yesterday tomorrow tonight once amid
	among between against into onto upon within without about above below across around near via per
	than so because unless until whether while even just instead rather nevertheless nonetheless
	indeed perhaps still adding asked citing calling saying noting following asked mr mrs ms dr
	let please thank thanks yes no ok okay dear hi hello`)

var months = wordSet(`january february march april may june july august september october november
	december jan feb mar apr jun jul aug sep sept oct nov dec`)

var weekdays = wordSet(`monday tuesday wednesday thursday friday saturday sunday`)

// orgHeads end the names of organisations and groups:
// "Eastern Reconstruction Organisation", "Silver Hand Legion".
var orgHeads = wordSet(`organisation organization council union alliance office commission committee
	forum agency bank compact service consortium company court board ministry department parliament
	assembly palace house kremlin army navy corps fund institute university foundation movement
	coalition government cabinet senate congress party brigade battalion front legion guard militia
	network association federation bureau authority secretariat directorate command staff
	corporation group bloc league tribunal`)

// groupHeads make an organisation a group (parties, armed groups, movements).
var groupHeads = wordSet(`party brigade battalion front legion guard militia movement coalition bloc`)

// stateHeads end the names of states: "the United States", "the Republic of Ostrara".
var stateHeads = wordSet(`states kingdom republic emirates federation principality`)

// placeWords mark a capitalised pair as a place, not a person.
var placeWords = wordSet(`port mount lake river sea ocean gulf bay cape fort saint st city county
	province region oblast district island islands valley street square avenue road bridge airport
	station north south east west northern southern eastern western central upper lower new`)

// docHeads are the nouns that name a tracked document, with its kind.
var docHeads = map[string]string{
	"plan": "plan", "proposal": "plan", "roadmap": "plan", "road-map": "plan", "blueprint": "plan",
	"formula": "plan", "initiative": "plan", "package": "plan", "programme": "plan", "program": "plan",
	"strategy": "plan", "scheme": "plan",
	"framework": "framework", "architecture": "framework", "mechanism": "framework",
	"agreement": "agreement", "accord": "agreement", "accords": "agreement", "deal": "agreement",
	"treaty": "agreement", "pact": "agreement", "memorandum": "agreement", "protocol": "agreement",
	"convention": "agreement", "charter": "agreement", "arrangement": "agreement", "truce": "agreement",
	"ceasefire": "agreement", "armistice": "agreement",
	"declaration": "statement", "statement": "statement", "communique": "statement",
	"resolution": "statement", "manifesto": "statement",
	"letter": "letter",
}

// docMarkers make a noun phrase before a document head specific enough to
// be a name: "security guarantee framework", not "foundational framework".
var docMarkers = wordSet(`peace security guarantee guarantees ceasefire truce prosperity reconstruction
	recovery sanctions trade border grain energy minerals mineral nuclear defence defense partnership
	cooperation association withdrawal exchange prisoner prisoners transit corridor maritime humanitarian
	demining demobilisation demobilization refugee debt relief reform election electoral monitoring
	verification financing investment economic stabilisation stabilization normalisation normalization
	accession migration climate arms export enforcement transparency access`)

// docOpeners stop a document name on its left: determiners, quantifiers and
// the evaluating adjectives of reporting ("the revised plan").
var docOpeners = wordSet(`the a an this that these those its their his her our your my any each every
	no some whose which new revised latest previous initial final original updated so-called proposed
	draft controversial broad specific detailed comprehensive ambitious possible potential current
	existing earlier separate broader wider entire whole overall same other another such first second
	third fourth fifth sixth one two`)

// numberWords spell numbers; the value is what they count.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"a": 1,
}

// multipliers follow a number: "100 billion", "five dozen".
var multipliers = map[string]float64{
	"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3,
}

// hedges stand before a number and belong to the figure: "nearly 1,200".
var hedges = []string{"approximately", "about", "around", "nearly", "almost", "roughly", "some", "over",
	"more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "an estimated",
	"estimated", "close to", "just over", "just under", "upwards of", "as much as", "as few as"}

// currencyWords follow an amount: "40 billion euros".
var currencyWords = wordSet(`dollars dollar euros euro pounds pound roubles rubles rouble ruble hryvnias
	hryvnia yuan yen francs franc kronor krona zloty lira rupees rupee`)

// notCounted are nouns a number does not count as a figure: durations and
// the like ("over the next two years").
var notCounted = wordSet(`year years month months week weeks day days hour hours minute minutes second
	seconds decade decades century centuries time o'clock am pm percentile point points round
	rounds side sides way ways of`)

// figureStops end the noun phrase a number counts.
var figureStops = wordSet(`of in on at to for from by with and or but that which who were was had have
	has are is be been as against into over under since during across near per than the a an this
	these those its their his her were would will could should may might must said says according
	after before while when where each every more less along around toward towards through behind
	beyond outside inside within throughout amid among between via until despite off out up down
	so if because although though not no also`)
