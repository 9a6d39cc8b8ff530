package extract

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"dossier/model"
)

// benchWorld invents actors with three aliases each (full name, surname,
// "Mr" + surname) and a text of about size bytes in which a few words in a
// hundred are one of those aliases.
func benchWorld(actors, size int) ([]Name, string) {
	r := rand.New(rand.NewPCG(7, 11))
	syll := []string{"ka", "lo", "mir", "ve", "dan", "ost", "ri", "zel", "bor", "an", "ko", "vich", "enko", "sky", "ar", "ul", "tek", "mon"}
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	var names []Name
	var full, sur []string
	for id := range actors {
		f, s := word(2), word(3)+word(1)
		names = append(names,
			Name{Text: f + " " + s, ActorID: int64(id + 1)},
			Name{Text: s, ActorID: int64(id + 1)},
			Name{Text: "Mr " + s, ActorID: int64(id + 1)})
		full, sur = append(full, f+" "+s), append(sur, s)
	}
	filler := strings.Fields("the talks were described as productive and constructive by key participants but a " +
		"definitive breakthrough remains elusive leaving the ultimate acceptance of any proposed terms by " +
		"Moscow shrouded in continued uncertainty over several days in southern Florida senior representatives " +
		"from Ukraine and its European partners engaged in a series of focused dialogues with the US delegation")
	var b strings.Builder
	b.Grow(size + 100)
	for b.Len() < size {
		switch x := r.IntN(100); {
		case x < 2:
			b.WriteString(full[r.IntN(len(full))])
		case x < 5:
			b.WriteString(sur[r.IntN(len(sur))])
			if r.IntN(4) == 0 {
				b.WriteString("’s")
			}
		default:
			b.WriteString(filler[r.IntN(len(filler))])
		}
		switch x := r.IntN(20); {
		case x == 0:
			b.WriteString(".\n\n")
		case x < 3:
			b.WriteString(", ")
		default:
			b.WriteByte(' ')
		}
	}
	return names, b.String()
}

func BenchmarkMatcher(b *testing.B) {
	names, text := benchWorld(2000, 5<<20)
	m := NewMatcher(names)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if len(m.Find(text)) == 0 {
			b.Fatal("no match")
		}
	}
}

func BenchmarkNewMatcher(b *testing.B) {
	names, _ := benchWorld(2000, 0)
	for b.Loop() {
		NewMatcher(names)
	}
}

// The matcher's fast paths must give what the plain code gives. These
// checks live with the benchmark because the fast paths exist for it.

// TestFoldTableAgreesWithFoldSlow checks the fold table, built from the
// Unicode range tables, against foldSlow rune by rune, and stripMarks
// against a decomposition through norm.NFD.String.
func TestFoldTableAgreesWithFoldSlow(t *testing.T) {
	table := foldTable()
	for r := range rune(foldTableSize) {
		f, c := foldSlow(r)
		if got := table[r]; got != uint32(f)|uint32(c)<<24 {
			t.Fatalf("rune %U: table has %q class %d, foldSlow %q class %d", r, rune(got&0xFFFFFF), got>>24, f, c)
		}
		if got, want := stripMarks(r), stripMarksNFD(r); got != want {
			t.Fatalf("stripMarks(%U) = %q, want %q", r, got, want)
		}
	}
}

// stripMarksNFD is stripMarks as first written: the decomposition as a
// string.
func stripMarksNFD(r rune) rune {
	if f, ok := letterFolds[r]; ok {
		return f
	}
	if r < 0xC0 || r >= foldTableSize {
		return r
	}
	d := norm.NFD.String(string(r))
	base, size := utf8.DecodeRuneInString(d)
	for _, m := range d[size:] {
		if !unicode.Is(unicode.Mn, m) {
			return r
		}
	}
	if f, ok := letterFolds[base]; ok {
		return f
	}
	return base
}

// TestLexerFastPathAgrees reads texts with next, whose ASCII path reads
// eight bytes at a time, and with nextRunes alone, and wants the same
// tokens.
func TestLexerFastPathAgrees(t *testing.T) {
	_, world := benchWorld(50, 20000)
	texts := append([]string{world, "Witkoffs' and Witkoffs’ and Witkoff's", "Äbc Zelenský\u0301y ½ 12345678 123456789 abcdefghijklmnop",
		"tab\tand\r\nnew\n\nlines\u00a0nbsp\u2028x", "s' s’ ss' a&b & and \x00\x10\x19 \xff\xc3 end s"}, fuzzSeeds...)
	if b, err := os.ReadFile(samplePath); err == nil {
		texts = append(texts, string(b))
	}
	r := rand.New(rand.NewPCG(3, 5))
	alphabet := []string{"a", "B", "s", "S", "0", "9", " ", "  ", "\n", "\n\n", "'", "’", ".", "&", "-", "é", "ł", "\u0301", "\u00a0", "Ж", "\t", "@", "`", "Z", "z", "/", ":", "[", "{"}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		fast, slow := newLexer(text), newLexer(text)
		var a, b lexToken
		for {
			okA, okB := fast.next(&a), slow.nextRunes(&b)
			if okA != okB || okA && a != b {
				t.Fatalf("in %q: next gives %v %+v, nextRunes %v %+v", text, okA, a, okB, b)
			}
			if !okA {
				break
			}
		}
	}
}

// TestTokenHashIsExactForShortTokens checks the claim of lexer.go that
// ASCII tokens of up to eight bytes never share a hash, on every word of
// up to three letters and a sample of longer ones.
func TestTokenHashIsExactForShortTokens(t *testing.T) {
	seen := map[uint64]string{}
	add := func(w string) {
		var tok lexToken
		lx := newLexer(w)
		if !lx.next(&tok) || tok.end != len(w) {
			t.Fatalf("%q is not one token", w)
		}
		if prev, ok := seen[tok.hash]; ok && prev != w {
			t.Fatalf("%q and %q share a hash", prev, w)
		}
		seen[tok.hash] = w
	}
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	for _, a := range letters {
		for _, b := range letters {
			for _, c := range letters {
				add(string([]rune{a, b, c}))
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 50000 {
		w := make([]byte, 4+r.IntN(5))
		for i := range w {
			w[i] = letters[r.IntN(len(letters))]
		}
		add(string(w))
	}
}

func BenchmarkFoldTable(b *testing.B) {
	for b.Loop() {
		buildFoldTable()
	}
}

// TestMatcherConcurrentFind shares one matcher, and so its pool of scratch
// memory, between goroutines: each must get what a lone call gets.
func TestMatcherConcurrentFind(t *testing.T) {
	names, world := benchWorld(200, 60000)
	m := NewMatcher(names)
	texts := strings.SplitAfter(world, ".\n\n")
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = fmt.Sprint(m.Find(text))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Go(func() {
			for k := range texts {
				i := (k + g*len(texts)/4) % len(texts)
				if got := fmt.Sprint(m.Find(texts[i])); got != want[i] {
					errs <- fmt.Sprintf("text %d: got %s, want %s", i, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestHashCollisionIsVerified makes a word share the token of an alias, as
// a hash collision would, and wants the hit on it rejected by the check
// against the alias text.
func TestHashCollisionIsVerified(t *testing.T) {
	hash := func(s string) uint64 {
		var tok lexToken
		lx := newLexer(s)
		lx.next(&tok)
		return tok.hash
	}
	m := NewMatcher([]Name{{Text: "aaaaaaaaab", ActorID: 1}})
	id, root := m.vocab.get(hash("aaaaaaaaab"))
	if id == 0 {
		t.Fatal("the alias's token is not in the table")
	}
	fake := hash("caaaaaaaac")
	m.vocab.put(fake, id, root)
	m.setFilter(fake, false)
	m.setFilter(fake, true)
	got := m.Find("caaaaaaaac and aaaaaaaaab")
	want := []Match{{Span: model.Span{Start: 15, End: 25}, Text: "aaaaaaaaab", ActorID: 1}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
