package model

import (
	"math/rand/v2"
	"testing"
)

// naiveScan is the textbook dynamic programme that pattern.scan must agree
// with: D[i][j] over pattern rows and text columns, the top row 0 (search)
// or j (anchored).
func naiveScan(p, text []rune, anchored bool) []int {
	prev := make([]int, len(p)+1)
	for i := range prev {
		prev[i] = i
	}
	out := []int{prev[len(p)]}
	cur := make([]int, len(p)+1)
	for j, c := range text {
		cur[0] = 0
		if anchored {
			cur[0] = j + 1
		}
		for i := 1; i <= len(p); i++ {
			cost := 1
			if p[i-1] == c {
				cost = 0
			}
			cur[i] = min(prev[i-1]+cost, prev[i]+1, cur[i-1]+1)
		}
		out = append(out, cur[len(p)])
		prev, cur = cur, prev
	}
	return out
}

func TestPatternScanMatchesDynamicProgramme(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabets := [][]rune{[]rune("ab"), []rune("abcé"), []rune("the quick brown fox"), []rune("ab😀д")}
	for iter := range 1000 {
		alpha := alphabets[iter%len(alphabets)]
		// Lengths around one and two machine words exercise the carry
		// between blocks and the partial last block.
		plen := rng.IntN(140)
		if iter%7 == 0 {
			plen = []int{63, 64, 65, 127, 128, 129}[rng.IntN(6)]
		}
		p := randomRunes(rng, alpha, plen)
		text := randomRunes(rng, alpha, rng.IntN(200))
		for _, anchored := range []bool{false, true} {
			want := naiveScan(p, text, anchored)
			var got []int
			newPattern(p).scan(text, anchored, func(j, d int) bool {
				got = append(got, d)
				return true
			})
			if len(got) != len(want) {
				t.Fatalf("pattern %q text %q anchored %v: %d columns, want %d", string(p), string(text), anchored, len(got), len(want))
			}
			for j := range want {
				if got[j] != want[j] {
					t.Fatalf("pattern %q text %q anchored %v: column %d distance %d, want %d", string(p), string(text), anchored, j, got[j], want[j])
				}
			}
		}
	}
}

func randomRunes(rng *rand.Rand, alpha []rune, n int) []rune {
	r := make([]rune, n)
	for i := range r {
		r[i] = alpha[rng.IntN(len(alpha))]
	}
	return r
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"productive and constructive", "productive and useful", 10},
		{"Київ", "Киев", 1},
		{"👩‍👩‍👧", "👩‍👧", 2},
	}
	for _, tt := range tests {
		if got := levenshtein(tt.a, tt.b); got != tt.want {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func levenshtein(a, b string) int {
	d := newPattern([]rune(a)).distances([]rune(b))
	return d[len(d)-1]
}

// BenchmarkScan searches a 50 KB text for a 1 KB pattern.
func BenchmarkScan(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	alpha := []rune("abcdefghijklmnopqrstuvwxyz ,.")
	text := randomRunes(rng, alpha, 50_000)
	p := newPattern(text[20_000:21_000])
	for b.Loop() {
		p.scan(text, false, func(int, int) bool { return true })
	}
}
