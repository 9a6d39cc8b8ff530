package model

import "unicode/utf8"

// Edit distances for re-anchoring, computed with Myers's bit-vector
// algorithm (Myers 1999, in the block form described by Hyyrö): each column
// of the dynamic-programming table is kept as bit vectors of +1/-1 vertical
// differences, 64 pattern runes per machine word, so that comparing a pattern
// of m runes with a text of n runes costs n·⌈m/64⌉ word steps instead of n·m
// cell updates. That is what keeps a fuzzy search for a 1 KB quote over a
// 50 KB body in the low milliseconds.

// wordBits is the number of pattern runes handled per block.
const wordBits = 64

// pattern is a string of runes prepared for repeated scans.
type pattern struct {
	m      int
	blocks int
	// peq maps a rune to one bit mask per block: bit i of block b is set
	// when pattern rune b·64+i equals the rune. ASCII runes, the bulk of
	// most texts, are looked up in an array instead of the map.
	peq   map[rune][]uint64
	ascii [utf8.RuneSelf][]uint64
	// none is the all-zero mask of runes absent from the pattern.
	none []uint64
	// lastShift is the bit of the pattern's last row inside the last block.
	lastShift uint
}

func newPattern(p []rune) *pattern {
	blocks := (len(p) + wordBits - 1) / wordBits
	pt := &pattern{m: len(p), blocks: blocks, peq: make(map[rune][]uint64), none: make([]uint64, blocks)}
	for i, r := range p {
		masks := pt.peq[r]
		if masks == nil {
			masks = make([]uint64, blocks)
			pt.peq[r] = masks
			if r >= 0 && r < utf8.RuneSelf {
				pt.ascii[r] = masks
			}
		}
		masks[i/wordBits] |= 1 << uint(i%wordBits)
	}
	for r, masks := range pt.ascii {
		if masks == nil {
			pt.ascii[r] = pt.none
		}
	}
	if pt.m > 0 {
		pt.lastShift = uint((pt.m - 1) % wordBits)
	}
	return pt
}

// masks returns the bit masks of a rune.
func (p *pattern) masks(r rune) []uint64 {
	if r >= 0 && r < utf8.RuneSelf {
		return p.ascii[r]
	}
	if m, ok := p.peq[r]; ok {
		return m
	}
	return p.none
}

// scan walks text one rune at a time and reports, after j runes, the edit
// distance between the whole pattern and the best-aligned text ending at j.
// When anchored is false the alignment may start anywhere in text (a fuzzy
// search: distance to the best substring ending at j); when true it must
// start at text[0] (distance between the pattern and text[:j]). visit is
// called for j = 0 … len(text) and stops the scan by returning false.
func (p *pattern) scan(text []rune, anchored bool, visit func(j, dist int) bool) {
	score := p.m
	if !visit(0, score) {
		return
	}
	if p.m == 0 {
		for j := range text {
			d := 0
			if anchored {
				d = j + 1
			}
			if !visit(j+1, d) {
				return
			}
		}
		return
	}
	pv := make([]uint64, p.blocks)
	mv := make([]uint64, p.blocks)
	for b := range pv {
		pv[b] = ^uint64(0)
	}
	top := 0
	if anchored {
		top = 1
	}
	for j, r := range text {
		h := p.advance(pv, mv, p.masks(r), top)
		score += h
		if !visit(j+1, score) {
			return
		}
	}
}

// advance moves the column, kept as vertical differences pv (+1) and mv
// (-1), one rune to the right, given the rune's match masks and the
// horizontal difference h entering at the top row (0 or +1). It returns the
// horizontal difference at the pattern's last row. The step inside one
// block is Myers's; the horizontal difference at the block's bottom row
// carries into the next block.
func (p *pattern) advance(pv, mv, eqs []uint64, h int) int {
	mv, eqs = mv[:len(pv)], eqs[:len(pv)]
	last := len(pv) - 1
	for b := range pv {
		shift := uint(wordBits - 1)
		if b == last {
			shift = p.lastShift
		}
		pvb, mvb, eq := pv[b], mv[b], eqs[b]
		hinNeg := uint64(h) >> 63  // 1 when h = -1
		hinPos := uint64(-h) >> 63 // 1 when h = +1
		xv := eq | mvb
		eq |= hinNeg
		xh := (((eq & pvb) + pvb) ^ pvb) | eq
		ph := mvb | ^(xh | pvb)
		mh := pvb & xh
		h = int(ph>>shift&1) - int(mh>>shift&1)
		ph = ph<<1 | hinPos
		mh = mh<<1 | hinNeg
		pv[b] = mh | ^(xv | ph)
		mv[b] = ph & xv
	}
	return h
}

// distances aligns the pattern with text[:j] for every j and returns the
// edit distances, indexed by j.
func (p *pattern) distances(text []rune) []int {
	out := make([]int, 0, len(text)+1)
	p.scan(text, true, func(_, d int) bool {
		out = append(out, d)
		return true
	})
	return out
}

// bestPrefix aligns the pattern with text[:j] for every j and returns the j
// of least distance (ties go to the j nearest want).
func (p *pattern) bestPrefix(text []rune, want int) (j, dist int) {
	j, dist = -1, 0
	p.scan(text, true, func(k, d int) bool {
		if j < 0 || d < dist || (d == dist && abs(k-want) < abs(j-want)) {
			j, dist = k, d
		}
		return true
	})
	return j, dist
}

// nearestMinimum returns the index of the least distance, the one nearest
// want among equals.
func nearestMinimum(dists []int, want int) int {
	best := 0
	for j, d := range dists {
		if d < dists[best] || (d == dists[best] && abs(j-want) < abs(best-want)) {
			best = j
		}
	}
	return best
}

// similarity turns a distance over a length into a score from 0 to 1.
func similarity(dist, length int) float64 {
	if length <= 0 {
		return 1
	}
	s := 1 - float64(dist)/float64(length)
	if s < 0 {
		return 0
	}
	return s
}

func reversed(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		out[len(r)-1-i] = c
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
