package extract

import (
	"strings"
	"sync"

	"dossier/model"
)

// A small gazetteer of states and of the institutions news copy names by
// their seat: general knowledge that no pattern can recover ("Ukraine",
// "the Kremlin"). Each line is a canonical name, then its other names after
// "|". It is deliberately short; the workspace's own actors are the place for
// anything else.
const gazetteerStates = `Afghanistan
Albania
Algeria
Andorra
Angola
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahrain
Bangladesh
Belarus
Belgium
Bolivia
Bosnia and Herzegovina|Bosnia
Botswana
Brazil
Bulgaria
Burkina Faso
Cambodia
Cameroon
Canada
Chad
Chile
China
Colombia
Congo
Costa Rica
Croatia
Cuba
Cyprus
Czech Republic|Czechia
Denmark
Ecuador
Egypt
Eritrea
Estonia
Ethiopia
Finland
France
Gabon
Georgia
Germany
Ghana
Greece
Guatemala
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland
Israel
Italy
Ivory Coast
Jamaica
Japan
Jordan
Kazakhstan
Kenya
Kosovo
Kuwait
Kyrgyzstan
Laos
Latvia
Lebanon
Libya
Liechtenstein
Lithuania
Luxembourg
Madagascar
Malaysia
Mali
Malta
Mauritania
Mexico
Moldova
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar
Namibia
Nepal
Netherlands
New Zealand
Nicaragua
Niger
Nigeria
North Korea
North Macedonia
Norway
Oman
Pakistan
Palestine
Panama
Paraguay
Peru
Philippines
Poland
Portugal
Qatar
Romania
Russia|Russian Federation
Rwanda
San Marino
Saudi Arabia
Senegal
Serbia
Singapore
Slovakia
Slovenia
Somalia
South Africa
South Korea
South Sudan
Spain
Sri Lanka
Sudan
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Tunisia
Turkey|Türkiye
Turkmenistan
Uganda
Ukraine
United Arab Emirates|UAE
United Kingdom|UK|Britain|Great Britain
United States|US|U.S.|USA|America
Uruguay
Uzbekistan
Vatican
Venezuela
Vietnam
Yemen
Zambia
Zimbabwe`

const gazetteerOrganisations = `Kremlin
White House
Pentagon
Downing Street
Élysée Palace|Élysée
Zhongnanhai
European Union|EU
European Commission
United Nations|UN
NATO
OSCE
International Monetary Fund|IMF
World Bank
International Atomic Energy Agency|IAEA
International Committee of the Red Cross|ICRC|Red Cross
African Union
ASEAN
OPEC
G7
G20`

// gazetteerEntry is one actor of the gazetteer.
type gazetteerEntry struct {
	name string
	kind model.ActorKind
}

type gazetteer struct {
	entries []gazetteerEntry
	matcher *Matcher
	words   map[string]bool // folded one-word names
}

var builtinGazetteer = sync.OnceValue(func() *gazetteer {
	g := &gazetteer{words: map[string]bool{}}
	var names []Name
	add := func(list string, kind model.ActorKind) {
		for line := range strings.SplitSeq(list, "\n") {
			forms := strings.Split(line, "|")
			g.entries = append(g.entries, gazetteerEntry{name: forms[0], kind: kind})
			for _, f := range forms {
				names = append(names, Name{Text: f, ActorID: int64(len(g.entries))})
				if !strings.Contains(f, " ") {
					g.words[foldString(f)] = true
				}
			}
		}
	}
	add(gazetteerStates, model.ActorState)
	add(gazetteerOrganisations, model.ActorOrganisation)
	g.matcher = NewMatcher(names)
	return g
})

// isGazetteerWord reports whether a folded word is a one-word name of the
// gazetteer ("ukraine", "kremlin").
func isGazetteerWord(f string) bool { return builtinGazetteer().words[f] }
