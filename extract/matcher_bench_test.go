package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
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
