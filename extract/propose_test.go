package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"dossier/model"
)

func actorNamed(p Proposals, name string) (ActorProposal, bool) {
	i := slices.IndexFunc(p.Actors, func(a ActorProposal) bool { return a.Name == name })
	if i < 0 {
		return ActorProposal{}, false
	}
	return p.Actors[i], true
}

func people(p Proposals) []string {
	var out []string
	for _, a := range p.Actors {
		if a.Kind == model.ActorPerson {
			out = append(out, a.Name)
		}
	}
	return out
}

func TestProposePeople(t *testing.T) {
	tests := []struct {
		name string
		body string
		want map[string]string // name → role
	}{
		{"title and name", "Kremlin spokesman Dmitry Peskov said the talks would go on.",
			map[string]string{"Dmitry Peskov": "Kremlin spokesman"}},
		{"title with a qualifier", "US special envoy Steve Witkoff arrived. Russian President Vladimir Putin did not.",
			map[string]string{"Steve Witkoff": "US special envoy", "Vladimir Putin": "Russian President"}},
		{"possessor and comma", "Witkoff and Ukraine’s chief negotiator, Rustem Umerov, met in Miami.",
			map[string]string{"Rustem Umerov": "chief negotiator"}},
		{"title words of more than one", "Deputy Foreign Minister Anna Kolvani spoke to the central bank governor Piet Marlo.",
			map[string]string{"Anna Kolvani": "Deputy Foreign Minister", "Piet Marlo": "central bank governor"}},
		{"role after the name", "He met Jared Kushner, a son-in-law of the president, on Monday.",
			map[string]string{"Jared Kushner": "son-in-law of the president"}},
		{"a surname after a title joins the full name", "Foreign Minister Andriy Sybiga spoke. Later Minister Sybiga left.",
			map[string]string{"Andriy Sybiga": "Foreign Minister"}},
		{"a lone surname after a title", "President Putin recently highlighted gains.",
			map[string]string{"Putin": "President"}},
		{"a name that comes back", "Talks with Lena Voss went on. Voss later left for Berlin.",
			map[string]string{"Lena Voss": ""}},
		{"a name with a reporting verb", "“We will see,” Marta Kowalska said.",
			map[string]string{"Marta Kowalska": ""}},
		{"not people: places, months, organisations, states, sentence starts",
			"The Black Sea region was calm in March. In New York, the United States and the Silver Hand Legion " +
				"met. However Strong Winds blew. Port Belec stayed silent, Port Belec said nothing.",
			map[string]string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := Propose(tc.body, nil)
			got := people(p)
			if len(got) != len(tc.want) {
				t.Errorf("people %q, want %v", got, tc.want)
			}
			for name, role := range tc.want {
				a, ok := actorNamed(p, name)
				if !ok {
					t.Errorf("no proposal for %q; got %q", name, got)
					continue
				}
				if a.Role != role {
					t.Errorf("%s: role %q, want %q", name, a.Role, role)
				}
				if s, _ := model.NewText(tc.body).Slice(a.Span); s != name {
					t.Errorf("%s: span %v covers %q", name, a.Span, s)
				}
			}
		})
	}
}

func TestProposeMentionsAndScripts(t *testing.T) {
	body := "Oleh Dorvovych wrote on Monday. Олег Дорвович написал: «Мы готовы». «Да», — заявил Дорвович. Dorvovych’s aide agreed."
	p := Propose(body, nil)
	if got := people(p); !slices.Equal(got, []string{"Oleh Dorvovych"}) {
		t.Fatalf("people %q, want one, Oleh Dorvovych", got)
	}
	a, _ := actorNamed(p, "Oleh Dorvovych")
	var texts []string
	for _, m := range a.Mentions {
		s, _ := model.NewText(body).Slice(m)
		texts = append(texts, s)
	}
	if want := []string{"Oleh Dorvovych", "Олег Дорвович", "Дорвович", "Dorvovych"}; !slices.Equal(texts, want) {
		t.Errorf("mentions %q, want %q", texts, want)
	}
	for _, q := range p.Quotes {
		if !slices.Equal(q.Speakers, []string{"Oleh Dorvovych"}) {
			t.Errorf("quote %q: speakers %q", q.Text, q.Speakers)
		}
	}
}

func TestProposeKnownActors(t *testing.T) {
	known := NewKnown([]model.Actor{
		{Meta: model.Meta{ID: 1}, Name: "Volodymyr Zelensky", Kind: model.ActorPerson},
		{Meta: model.Meta{ID: 2}, Name: "Steve Witkoff", Kind: model.ActorPerson},
		{Meta: model.Meta{ID: 3}, Name: "Kremlin", Kind: model.ActorOrganisation},
	}, []model.Document{{Meta: model.Meta{ID: 5}, Title: "28-point plan", Kind: model.DocPlan}},
		[]model.Alias{{Name: "Zelensky", ActorID: 1}, {Name: "Kremlin", ActorID: 3}})
	body := "Ukrainian President Volodymyr Zelenskyy spoke. Special envoy Vladimir Zelensky did not. " +
		"Envoy Witkoff said: “Good.” Zelensky said: “Fine.” The Kremlin said the 28-point proposal was dead."
	p := Propose(body, known)
	tests := []struct {
		name    string
		aliasOf int64
	}{
		{"Volodymyr Zelenskyy", 1}, // spelling variant
		{"Vladimir Zelensky", 1},   // same surname, first name of the same initial
		{"Witkoff", 2},             // surname alone of a known full name
	}
	for _, tc := range tests {
		a, ok := actorNamed(p, tc.name)
		if !ok {
			t.Errorf("no proposal for %q: %+v", tc.name, p.Actors)
			continue
		}
		if a.AliasOf != tc.aliasOf {
			t.Errorf("%s: AliasOf %d, want %d", tc.name, a.AliasOf, tc.aliasOf)
		}
	}
	if _, ok := actorNamed(p, "Kremlin"); ok {
		t.Errorf("a known actor is proposed again")
	}
	var ids [][]int64
	for _, q := range p.Quotes {
		ids = append(ids, q.SpeakerIDs)
	}
	if fmt.Sprint(ids) != "[[] [1]]" {
		t.Errorf("speaker IDs %v, want [[] [1]]: Witkoff is only a proposal, Zelensky is known", ids)
	}
	if len(p.Documents) != 1 || p.Documents[0].AliasOf != 5 || p.Documents[0].Title != "28-point proposal" {
		t.Errorf("documents %+v, want the 28-point proposal as an alias of 5", p.Documents)
	}
}

func TestProposeQuotes(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string // "quoted words|speaker;speaker"
	}{
		{"speaker after", "“We are ready,” Anna Kolvani said.", []string{"We are ready|Anna Kolvani"}},
		{"verb then speaker", "“We are ready,” said Kremlin spokesman Dmitry Peskov.", []string{"We are ready|Dmitry Peskov"}},
		{"speaker before", "Foreign Minister Anna Kolvani stated that “the door is open.”", []string{"the door is open|Anna Kolvani"}},
		{"colon", "Anna Kolvani said: “No deal.”", []string{"No deal|Anna Kolvani"}},
		{"according to", "According to envoy Anna Kolvani, “nothing is agreed.”", []string{"nothing is agreed|Anna Kolvani"}},
		{"as-verb with an object between", "Envoy Anna Kolvani characterized the talks with Piet Marlo as “productive.”",
			[]string{"productive|Anna Kolvani"}},
		{"surname resolved to the full name", "Envoy Anna Kolvani arrived. “We are ready,” Kolvani said.",
			[]string{"We are ready|Anna Kolvani"}},
		{"pronoun", "Envoy Anna Kolvani arrived on Monday. She said that “talks will go on.”",
			[]string{"talks will go on|Anna Kolvani"}},
		{"second verb and participle share the subject",
			"President Anna Kolvani described the talks as “constructive” and noted that they were “fast.” " +
				"However, she tempered this, cautioning that “much depends on them.”",
			[]string{"constructive|Anna Kolvani", "fast|Anna Kolvani", "much depends on them|Anna Kolvani"}},
		{"joint statement", "“Progress was made,” envoy Anna Kolvani and Mr Piet Marlo said in a joint statement.",
			[]string{"Progress was made|Anna Kolvani;Piet Marlo"}},
		{"anonymous source", "“No peace without guarantees,” a senior diplomat said.", []string{"No peace without guarantees|"}},
		{"passive", "The talks were described as “productive” by key participants.", []string{"productive|"}},
		{"continuation", "“We are ready,” envoy Anna Kolvani said. “The rest is up to them.”",
			[]string{"We are ready|Anna Kolvani", "The rest is up to them|Anna Kolvani"}},
		{"a quoted document title is no quotation", "They discussed a “20-point plan” and a “Plan for Peace”.", nil},
		{"no reporting verb", "The word “détente” came back.", nil},
		{"unbalanced marks", "Envoy Anna Kolvani said “we", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, q := range Propose(tc.body, nil).Quotes {
				got = append(got, q.Text+"|"+strings.Join(q.Speakers, ";"))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("quotes %q, want %q", got, tc.want)
			}
		})
	}
}

func TestProposeDocuments(t *testing.T) {
	tests := []struct {
		body string
		want []string // "title|kind"
	}{
		{"Washington presented a comprehensive 28-point proposal last month.", []string{"28-point proposal|plan"}},
		{"They backed the five-point peace plan.", []string{"five-point peace plan|plan"}},
		{"Work on the multilateral security guarantee framework went on.", []string{"multilateral security guarantee framework|framework"}},
		{"The US security guarantee framework for Ukraine was signed.", []string{"US security guarantee framework for Ukraine|framework"}},
		{"The economic and prosperity plan helps.", []string{"economic and prosperity plan|plan"}},
		{"The Ardmor memorandum of understanding and the letter of intent on border verification.",
			[]string{"Ardmor memorandum of understanding|agreement", "letter of intent on border verification|letter"}},
		{"The 7th sanctions package and the declaration of Ormino.",
			[]string{"7th sanctions package|plan", "declaration of Ormino|statement"}},
		{"A “20-point plan” was discussed.", []string{"20-point plan|plan"}},
		{"It suggests a foundational framework for peace negotiations; the latest peace plans and a new peace plan " +
			"were not public, she said in a statement on Monday; a plan that failed.", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, d := range Propose(tc.body, nil).Documents {
			got = append(got, d.Title+"|"+string(d.Kind))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Propose(%q) documents %q, want %q", tc.body, got, tc.want)
		}
	}
}

func TestProposeFigures(t *testing.T) {
	tests := []struct {
		body string
		want []string // "text|value|counts"
	}{
		{"Russia launched approximately 1,300 attack drones, nearly 1,200 guided aerial bombs, and nine missiles of various types.",
			[]string{"approximately 1,300 attack drones|1300|attack drones", "nearly 1,200 guided aerial bombs|1200|guided aerial bombs",
				"nine missiles|9|missiles"}},
		{"pledging approximately US$100 billion in funding", []string{"approximately US$100 billion|1e+11|US$"}},
		{"about $9.6 billion, €40 million and 12 billion euros",
			[]string{"about $9.6 billion|9.6e+09|$", "€40 million|4e+07|€", "12 billion euros|1.2e+10|euros"}},
		{"five dozen civilian people and eight fatalities on Saturday",
			[]string{"five dozen civilian people|60|civilian people", "eight fatalities|8|fatalities"}},
		{"turnout of 45.5 percent, 12% and 3 per cent", []string{"45.5 percent|45.5|percent", "12%|12|percent", "3 per cent|3|percent"}},
		{"more than 111,000 soldiers along the border, at least twenty-five people",
			[]string{"more than 111,000 soldiers|111000|soldiers", "at least twenty-five people|25|people"}},
		{"In 2024, on 5 March, over the next two years, the two delegations, the 28-point plan and one of them.", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, f := range Propose(tc.body, nil).Figures {
			got = append(got, fmt.Sprintf("%s|%g|%s", f.Text, f.Value, f.Counts))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Propose(%q) figures\n got %q\nwant %q", tc.body, got, tc.want)
		}
	}
}

func TestProposeOrganisations(t *testing.T) {
	body := "The Eastern Reconstruction Organisation, the Ardesian Justice Party and the Republic of Ostrara met " +
		"the Kremlin and the United States in Ukraine."
	want := map[string]model.ActorKind{
		"Eastern Reconstruction Organisation": model.ActorOrganisation, "Ardesian Justice Party": model.ActorGroup,
		"Republic of Ostrara": model.ActorState, "Kremlin": model.ActorOrganisation,
		"United States": model.ActorState, "Ukraine": model.ActorState,
	}
	p := Propose(body, nil)
	if len(p.Actors) != len(want) {
		t.Errorf("actors %+v, want %v", p.Actors, want)
	}
	for name, kind := range want {
		if a, ok := actorNamed(p, name); !ok || a.Kind != kind {
			t.Errorf("%s: proposal %+v, want kind %s", name, a, kind)
		}
	}
}
