// Package gen writes a deterministic corpus of fictional news articles about
// negotiations, sanctions and elections, together with the ground truth an
// extractor should find in it: every actor and document mention, every
// attributed quote, every figure and a set of analyst-style excerpts.
//
// All people, states, organisations, places and documents are invented from
// syllables and word lists; none of them names a real person. Spans are in
// Unicode code points over Article.Body and are recorded while the text is
// written, so repeated names carry their exact positions.
package gen

import (
	"runtime"
	"sync"
	"time"
)

// Config says how large a corpus to generate. Zero values take defaults.
type Config struct {
	Articles  int     // number of articles
	MeanSize  int     // mean body size in bytes; default 5000
	Actors    int     // invented people, organisations, states and groups; at least 12
	Documents int     // tracked documents; default max(5, Actors/20)
	Seed      int64   // same Config and Seed give byte-identical output
	HTMLShare float64 // share of articles written as .html pages, 0..1; the rest are .txt
}

// Corpus is the generated world and the articles written about it.
type Corpus struct {
	Actors    []Actor    `json:"actors"`
	Documents []Document `json:"documents"`
	Articles  []Article  `json:"articles"`
}

// Actor is an invented person, organisation, state or group. IDs start at 1.
type Actor struct {
	ID          int      `json:"id"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"` // person, organisation, state or group
	Role        string   `json:"role"`
	Affiliation int      `json:"affiliation"` // actor ID, or 0
	Country     string   `json:"country"`
	Aliases     []string `json:"aliases"` // every exact form a mention may take
}

// Document is a tracked plan, framework, agreement, statement or letter. IDs start at 1.
type Document struct {
	ID      int      `json:"id"`
	Title   string   `json:"title"`
	Aliases []string `json:"aliases"`
	Kind    string   `json:"kind"`
	Status  string   `json:"status"`
}

// Article is one generated news article and its ground truth.
type Article struct {
	ID          int       `json:"id"`
	FileName    string    `json:"fileName"`
	Title       string    `json:"title"`
	Source      string    `json:"source"`
	Author      string    `json:"author"`
	PublishedAt time.Time `json:"publishedAt"`
	URL         string    `json:"url"`
	// Body is the text an importer should store: NFC, \n line endings, the
	// title on the first line, paragraphs separated by one blank line, no
	// trailing newline.
	Body     string    `json:"body"`
	Mentions []Mention `json:"mentions"`
	Quotes   []Quote   `json:"quotes"`
	Figures  []Figure  `json:"figures"`
	Excerpts []Excerpt `json:"excerpts"`
}

// Mention is an actor or document named at [Start,End) code points of the body.
// Exactly one of ActorID and DocumentID is non-zero; Text is always one of the
// entity's aliases. Role is the title phrase written right before a person's
// name at this mention ("Velorian Foreign Minister", "Sarvik Palace
// spokesman"), qualifier included, or empty.
type Mention struct {
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Text       string `json:"text"`
	ActorID    int    `json:"actorId"`
	DocumentID int    `json:"documentId"`
	Role       string `json:"role"`
}

// Quote is quoted speech: the span holds the words between the quotation
// marks, without the marks and without a closing comma or full stop that
// belongs to the sentence. SpeakerIDs is empty for anonymous sources and has
// two entries for a joint statement.
type Quote struct {
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Text       string `json:"text"`
	SpeakerIDs []int  `json:"speakerIds"`
}

// Figure is a number phrase together with what it counts ("about 1,300 attack drones").
type Figure struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Excerpt is a span an analyst would mark. Kind is quote (the quoted words),
// claim, figure or event (the whole sentence). SpeakerID is 0 when unknown.
type Excerpt struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Kind      string `json:"kind"`
	SpeakerID int    `json:"speakerId"`
}

const minActors = 12

func (c Config) withDefaults() Config {
	c.Articles = max(c.Articles, 0)
	if c.MeanSize <= 0 {
		c.MeanSize = 5000
	}
	c.Actors = max(c.Actors, minActors)
	if c.Documents <= 0 {
		c.Documents = max(5, c.Actors/20)
	}
	c.HTMLShare = min(max(c.HTMLShare, 0), 1)
	return c
}

// Generate builds the world and its articles. The result depends only on cfg.
func Generate(cfg Config) *Corpus {
	cfg = cfg.withDefaults()
	wd := newWorld(cfg)
	c := &Corpus{Actors: wd.actors, Documents: wd.docs, Articles: make([]Article, cfg.Articles)}
	// Each article draws from its own generator seeded by (Seed, ID) and only
	// reads the world, so the work can be shared out without losing determinism.
	workers := min(runtime.GOMAXPROCS(0), 4, max(cfg.Articles, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < cfg.Articles; i += workers {
				c.Articles[i] = wd.article(i + 1)
			}
		}()
	}
	wg.Wait()
	return c
}
