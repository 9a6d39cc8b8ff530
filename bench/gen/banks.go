package gen

// The sentence tables. Slots are described in template.go. Persons never
// appear inside quotation or claim content, so a speaker is never quoted
// naming themselves.

var headlines = [numTopics][]string{
	topicTalks: {
		"Talks in {city} end without breakthrough as {S2} weighs {D1}",
		"Diplomatic push intensifies: {S1} and {S2} seek common ground on {D1}",
		"{S1} and {S2} narrow gaps on {D1} after {ord} round of talks",
		"Envoys gather in {city} as pressure mounts over {D1}",
		"{S2} signals openness to a revised {D1.bare}",
		"{P1.sur} and {P2.sur} report progress in {city}",
		"Security guarantees dominate {city} talks as {S2.cap} stays silent",
		"What we know about {D1} discussed in {city}",
		"{P1.sur} heads to {city} with {D1} on the table",
	},
	topicSanctions: {
		"{S1} widens sanctions on {S2.adj} energy sector",
		"New sanctions package targets {S2.adj} shipping as {D1} stalls",
		"{O1.bare} agrees tighter restrictions on {S2.adj} trade",
		"{S2} vows response after {S1} freezes state assets",
		"{P1.sur} defends sanctions as {S2.adj} exports slump",
		"Loopholes in {D1} under scrutiny after tanker seizures",
	},
	topicElection: {
		"{S1} votes in tense election shadowed by conflict with {S2}",
		"Polls close in {S1} as opposition alleges fraud",
		"{Y1.bare} claims lead in {S1.adj} parliamentary vote",
		"Election observers question count in {S1}",
		"{Y1.bare} and {Y2.bare} trade accusations as counting drags on",
		"{P1.sur} casts ballot as {S1} weighs {D1}",
	},
}

var subheads = []string{
	"The view from {S2.cap}",
	"What comes next",
	"Reaction in {S2.cap}",
}

var topicSubheads = [numTopics][]string{
	topicTalks: {
		"Key agreements and strategic alignment",
		"Security guarantees remain unresolved",
		"Sequencing and timelines",
		"Pressure on the ground",
		"A fragile consensus",
		"Diplomatic manoeuvring",
	},
	topicSanctions: {
		"Enforcement and its limits",
		"Money, markets and shipping",
		"Loopholes and workarounds",
	},
	topicElection: {
		"Counting the votes",
		"Allegations of irregularities",
		"A divided opposition",
	},
}

var leads = [numTopics][]string{
	topicTalks: {
		"Senior delegations from {S1} and {S2} met in {city} on {day} for a {ord} round of talks aimed at ending the conflict, but left without announcing a breakthrough.",
		"Recent high-level discussions held in {city} have underscored a concerted effort by {S1} and its partners to forge a unified stance on {D1}.",
		"Negotiators from {S1} and {S2} resumed talks in {city} on {day}, with {D1} at the centre of the discussions.",
		"{P1.s} arrived in {city} on {day} for consultations on {D1}, the latest step in a diplomatic initiative aimed at ending the war.",
		"Representatives of {S1}, {S2} and {O1} spent several days in {city} in a series of focused dialogues on {D1}.",
	},
	topicSanctions: {
		"{S1} announced a new package of sanctions against {S2} on {day}, targeting banks, shipping companies and {F:entities}.",
		"Finance ministers of {O1} agreed in {city} on {day} to extend restrictions on {S2.adj} trade for another six months.",
		"{S1} moved on {day} to tighten enforcement of {D1}, blacklisting {F:vessels}.",
	},
	topicElection: {
		"Voters in {S1} went to the polls on {day} in an election widely seen as a verdict on {D1}.",
		"{S1.adj} election officials began counting ballots late on {day} after polls closed across the country.",
		"Campaigning in {S1} ended on {day} with {Y1} and {Y2} locked in a tight race.",
	},
}

var commonEvents = []string{
	"{O1} convened an emergency session in {city} on {day}.",
	"{P1.s} briefed ambassadors from {O1} on {day}.",
	"{S2.cap} recalled its ambassador for consultations on {day}.",
}

var events = [numTopics][]string{
	topicTalks: {
		"{P1.s} held meetings with the {S2.adj} delegation, which included {P2}.",
		"{P1.s} and {P2} met on the sidelines of the talks in {city} on {day}.",
		"{P1.s} travelled to {city} on {day} to brief {P2} on the outcome of the meeting.",
		"The two delegations exchanged draft texts of {D1} on {day}, according to officials familiar with the talks.",
		"{S1.cap} presented a revised version of {D1} to its partners {lastmonth}.",
		"A bilateral meeting between the {S1.adj} and {S2.adj} delegations centred on {D1} and {D2}.",
		"{S1} and {S2} carried out an exchange of {F:prisoners} on {day}, the first since {month}.",
		"{G1} announced on {day} that it had suspended attacks in the {town} area for the duration of the talks.",
		"{M1} staged a protest outside parliament in {city} on {day}, demanding a say in the talks.",
		"Officials from {S1} and {S2} initialled {D1} in {city} on {day}, in a ceremony attended by {P1}.",
		"{P1.s} left the talks early on {day}, citing urgent consultations at home.",
		"{S1.cap} reported that {S2.adj} forces had forcibly relocated {F:civilians} from a village near {town}.",
		"{S2.adj} troops reportedly attempted a breakthrough near {town} in an area that had previously been spared from heavy fighting.",
	},
	topicSanctions: {
		"{S1} added {F:vessels} to its list of sanctioned tankers on {day}.",
		"{P1.s} signed an order on {day} extending the export ban until the end of the year.",
		"{P1.s} and {P2} discussed the enforcement of {D1} at a meeting in {city} on {day}.",
		"{O1} froze assets belonging to {S2.adj} state companies on {day}.",
		"{S2.cap} responded by banning imports of fruit and dairy products from {S1}.",
		"Customs officers in {town} seized a cargo of dual-use components bound for {S2} on {day}.",
	},
	topicElection: {
		"{Y1} held its final rally in {city} on {day}, drawing {F:crowd}.",
		"The central election commission announced preliminary results early on {day}.",
		"Observers from {O1} deployed {F:observers} across the country.",
		"{P1.s} cast {P1.his} ballot at a school in {city} on {day}.",
		"{M1} called on its members to monitor polling stations in {town}.",
		"{P1.s} and {P2} held talks in {city} on {day} on forming a coalition government.",
		"Police detained {F:protesters} outside the election commission in {city} on {day}.",
	},
}

var figureSentences = [numTopics][]string{
	topicTalks: {
		"Over the past week alone, {S2} launched {F:drones}, {F:bombs} and {F:missiles} against {S1}, {P1.s!} said.",
		"The strikes on ports, bridges and energy facilities in the {town} region resulted in {F:deaths} on {day}.",
		"{P1.s!} said that {S2} had massed {F:troops} along the border.",
		"{O1!} estimated that {F:refugees} had fled the fighting since {month}.",
		"Partners of {S1} pledged {F:money} in funding over the next two years.",
		"{P1.s!} thanked {O1} for pledging {F:money} in support over the next two years.",
		"The reconstruction bill is estimated at {F:money}, according to {O1!}.",
		"{S1.cap!} said its air defences had intercepted {F:drones} overnight.",
		"Fighting near {town} has displaced {F:refugees}, according to {O1!}.",
	},
	topicSanctions: {
		"Exports of {S2.adj} crude fell to {F:oil} in {month}, the lowest level in three years.",
		"The package covers {F:entities} and {F:individuals}.",
		"{S2} lost {F:money} in revenue last year because of the restrictions, {P1.s!} said.",
		"Customs data show that imports of machine tools from {S1} fell by {F:percent} in the first half of the year.",
		"{O1!} estimated that {F:money} in {S2.adj} state assets remained frozen.",
		"Insurers have withdrawn cover from {F:vessels} suspected of carrying {S2.adj} oil.",
		"{O1!} said {F:vessels} had changed flags in the past six months to avoid inspection.",
	},
	topicElection: {
		"With most ballots counted, {Y1} had won {F:vote}, ahead of {Y2} with {F:vote}.",
		"Turnout stood at {F:turnout}, the central election commission said.",
		"{Y1} is projected to win {F:seats} in the new parliament.",
		"{P1.s!} said {P1.his} party had collected {F:complaints} about irregularities.",
		"Election officials said {F:complaints} had been filed by mid-morning.",
		"{Y2} won {F:seats}, according to preliminary results.",
	},
}

var claimPatterns = []string{
	"{P1.s!} said that {C}.",
	"{P1.s!} insisted that {C}.",
	"{P1.s!} warned that {C}.",
	"{P1.s!} told reporters in {city} that {C}.",
	"According to {P1!}, {C}.",
	"{P1.s!} reiterated {P1.his} view that {C}.",
	"{P1.s!} argued in an interview with {outlet} that {C}.",
	"{C}, {P1.s!} said.",
	"{P1.s!} acknowledged that {C}.",
	"In a post on {platform}, {P1!} wrote that {C}.",
	"{K1!} said in a statement that {C}.",
	"{S1.cap!} has repeatedly said that {C}.",
	"{M1!} said in a statement that {C}.",
	"{P1.s!} indicated that {C}.",
	"{P1.poss!} office said that {C}.",
}

var claims = [numTopics][]string{
	topicTalks: {
		"{S2} was not ready to withdraw its forces from the occupied areas",
		"{D1} remained the only realistic basis for a settlement",
		"no agreement would be signed without the consent of {S1}",
		"the sequencing of a ceasefire and elections was still unresolved",
		"{S2} was deliberately dragging out the negotiations",
		"{O1} was prolonging the war by arming {S2}",
		"the delegations had agreed on most of the technical annexes to {D1}",
		"security guarantees had to be in place before any territorial arrangement",
		"the talks would continue at expert level next week",
		"{D1} would be redrafted to take account of {S2.adj} objections",
		"the involvement of {O1} complicated rather than aided the process",
		"{S1} might be expected to cede some territory in exchange for security guarantees",
		"{D2} had been overtaken by events on the battlefield",
		"a ceasefire along the current front line could be agreed within weeks",
		"{S2} had violated the previous truce {F:violations}",
		"the humanitarian corridors agreed {lastmonth} were not being respected",
	},
	topicSanctions: {
		"the new measures would cost {S2} {F:money} a year",
		"the sanctions were illegal under international law",
		"{D1} had been undermined by a fleet of ageing tankers",
		"further restrictions on {S2.adj} banks were under consideration",
		"{S2} was using third countries to import banned components",
		"the restrictions were hurting {S2.adj} industry more than officials admitted",
		"{S2} had found ways to route payments through shell companies in {town}",
		"the price of {S2.adj} crude had fallen well below the cap",
		"{O1} would review the list of sanctioned entities every three months",
		"the sanctions would stay in place until {S2} withdrew its troops",
		"several banks in {town} had quietly closed {S2.adj} accounts",
		"{S2} was preparing retaliatory tariffs on farm goods",
	},
	topicElection: {
		"the vote had been marred by widespread irregularities",
		"{Y1} would not recognise the result",
		"the count had been transparent and in line with the law",
		"a second round would be held in three weeks",
		"{S2} had tried to interfere in the campaign through paid advertising",
		"the electoral roll contained thousands of dead voters",
		"{Y2} had bought votes in rural districts",
		"the commission would publish results polling station by polling station",
		"the opposition had been denied airtime on state television",
		"turnout among young voters had been higher than expected",
		"{Y1} was ready to form a coalition with smaller parties",
	},
}

var quotePatterns = []string{
	"{P1.s!} described the {subject} as “{q}.”",
	"“{Q},” {P1.s!} said.",
	"“{Q},” said {P1!}.",
	"“{Q},” {P1.s!} told reporters in {city}.",
	"“{Q},” {P1.s!} said in a statement on {day}.",
	"“{Q},” {P1.s!} wrote on {platform}.",
	"{P1.s!} told reporters that “{Q}.”",
	"{P1.s!} said: “{Q}.”",
	"{P1.s!} warned that “{Q}.”",
	"{P1.s!} stated that “{Q}.”",
	"According to {P1!}, “{Q}.”",
	"“{Q},” {P1.s!} added.",
	"“{Q},” {P1.s!} said. “{Q}.”",
	"“{Q},” said {P1.sur!}, who leads {P1.ctyposs} delegation.",
	"{P1.s!} characterised {P1.his} meeting with {P2} as “{q}.”",
	"{P1.s!} called {D1} “{q}” and said {P1.he} would raise it with {P2}.",
	"“{Q},” {P1.sur!} and {P2.sur!} said in a joint statement.",
	"{P1!} and {P2.s!} said in a joint statement that “{Q}.”",
	"In separate statements, {P1!} and {P2.s!} highlighted the positive nature of their engagements, saying that “{Q}.”",
	"“{Q},” {K1!} said in a statement.",
	"“{Q},” a senior diplomat said on condition of anonymity.",
	"{P1.s!} insisted: “{Q}.”",
	"Asked about {D1}, {P1!} said: “{Q}.”",
}

var topicQuotePatterns = [numTopics][]string{
	topicTalks: {
		"{P1.s!} has previously described the talks as “{q}” and noted that they were “{=moving at a fairly rapid pace}.”",
		"“{Q},” {P1.s!} said after the {ord} round of talks in {city}.",
	},
	topicSanctions: {
		"“{Q},” {P1.s!} said as the measures took effect.",
	},
	topicElection: {
		"“{Q},” {P1.s!} told supporters in {city} as the first results came in.",
	},
}

// followPatterns come right after a quotation and refer to its speaker by pronoun.
var followPatterns = []string{
	"“{Q},” {P1.he!} added.",
	"{P1.He!} added that “{Q}.”",
	"“{Q},” {P1.he!} said.",
	"{P1.He!} cautioned that “{Q}.”",
	"{P1.He!} also reiterated the view that {C}.",
	"However, {P1.he!} tempered this optimism, cautioning that “{Q}.”",
	"{P1.He!} did not elaborate.",
}

var commonQuotes = []string{
	"We made real progress on the sequencing of next steps",
	"The door to dialogue remains open, but our red lines have not changed",
	"We are closer than we have been at any point this year",
	"Talks about talks are not enough. We need results that hold",
	"Everything depends on the political will in {S2.cap}",
	"Nobody should expect miracles from one meeting",
	"We will not accept a deal that is negotiated over our heads",
}

var quotes = [numTopics][]string{
	topicTalks: {
		"Particular attention was given to discussing timelines and the sequencing of next steps",
		"Much depends on whether {S2} feels the need to end the war for real",
		"There can be no peace without security guarantees",
		"Nobody in {S1.cap} is going to sign a document that rewards aggression",
		"We will not trade territory for promises",
		"{D1} is a basis for discussion, not an ultimatum",
		"{S2.adj} invaders have taken {F:civilians}, mostly elderly women, from a tiny village right across the border",
		"Over the past week alone we have counted {F:drones} launched against our cities",
		"We are ready to meet at any level, at any time",
		"A ceasefire that is not monitored is just a pause before the next offensive",
		"The text is not finished, and nothing is agreed until everything is agreed",
	},
	topicSanctions: {
		"Every loophole we close costs the war machine money",
		"These measures are aimed at the regime, not at ordinary people",
		"The sanctions have failed, and everyone in {city} knows it",
		"We will respond in a proportionate manner",
		"We have frozen {F:money} and we are not finished",
		"Those who help {S2} evade sanctions will face the consequences",
		"We are not at war with the {S2.adj} people",
		"The tankers are old, uninsured and a danger to everyone at sea",
		"Every month of delay is paid for by the people of {S1}",
		"There is no such thing as a sanctions-proof economy",
	},
	topicElection: {
		"The people have spoken, and we will respect their choice",
		"This election was neither free nor fair",
		"We will defend every vote",
		"Turnout shows that citizens still believe in the ballot box",
		"We will not recognise a result produced by a rigged count",
		"Today democracy won, not a party",
		"We will take our complaints to the constitutional court",
		"Every ballot will be counted, and every complaint will be examined",
		"Nobody will steal this election from the voters of {S1}",
		"We are ready to govern from the first day",
	},
}

var shortQuotes = []string{
	"productive and constructive", "constructive", "historic", "a step in the right direction",
	"unacceptable", "premature", "a serious mistake", "a dead end",
	"deeply worrying", "a provocation", "frank and useful", "substantive",
}

var commonBackground = []string{
	"Neither side has published the full text of {D1}.",
	"{S2} did not immediately respond to a request for comment.",
}

var background = [numTopics][]string{
	topicTalks: {
		"At the time of reporting, {S2} had not issued any comment on the talks.",
		"Analysts in {city} cautioned that a final deal remained some way off.",
		"Diplomats say the wording of several clauses is still being negotiated.",
		"The talks were described as “{q}” by key participants, but a definitive breakthrough remains elusive.",
		"This diplomatic push follows the presentation of {D1} {lastmonth}, a plan widely perceived as aligning closely with the demands of {S2.cap}.",
		"The specifics of {D1} remain undisclosed, but its inclusion suggests a foundational framework for peace negotiations.",
		"Such a prospect is a deeply sensitive issue for many in {S1}.",
		"The talks unfold against the backdrop of continued fighting along the front.",
		"{S2.cap} had previously ruled out the possibility of trilateral discussions.",
		"The negotiations have been complicated by disagreements over the sequencing of a ceasefire.",
		"{S2.adj} forces have made steady advances in recent months.",
		"Despite the presence of envoys from both sides, no direct meeting was announced.",
	},
	topicSanctions: {
		"The measures build on earlier rounds that targeted the banking sector and technology exports.",
		"Economists say enforcement remains the main weakness of the regime.",
		"Officials described the measures as “{q}” but declined to say when further steps would follow.",
		"Shipping data suggest that a growing share of {S2.adj} cargoes is carried by vessels of uncertain ownership.",
	},
	topicElection: {
		"The campaign was dominated by the economy, corruption and the conflict with {S2}.",
		"Opinion polls had pointed to a close race.",
		"Observers said the campaign had been “{q}” but largely peaceful.",
		"Under the constitution, a candidate needs more than half of the votes cast to win outright.",
	},
}

// cyrPatterns quote a post written in Cyrillic; the next sentence gives the
// translation. Both quotations belong to the same speaker.
var cyrPatterns = []string{
	"{P1.cyr!} {P1.g:написал|написала} в своём канале: «{c}».",
	"«{c}», — {P1.g:заявил|заявила} {P1.cyrsur!}.",
	"“{c.en},” {P1.sur!} wrote, according to a translation of the post.",
}

// cyrQuotes are (Russian, English) pairs; topic -1 fits every story.
var cyrQuotes = []struct {
	topic  int
	ru, en string
}{
	{-1, "Мы добились реального прогресса", "We have made real progress"},
	{topicTalks, "Переговоры продолжатся на следующей неделе", "The talks will continue next week"},
	{topicTalks, "Мы не подпишем документ, который вознаграждает агрессию", "We will not sign a document that rewards aggression"},
	{-1, "Дверь для диалога остаётся открытой", "The door to dialogue remains open"},
	{topicSanctions, "Санкции не изменят нашу позицию", "Sanctions will not change our position"},
	{topicElection, "Выборы прошли честно и прозрачно", "The election was fair and transparent"},
}

var platforms = []string{"the social media platform Relay", "the messaging service Beacon", "the platform Murmur"}
