package export

import (
	"fmt"
	"unicode/utf8"
)

// MaxCellChars is the most characters an Excel cell holds. Excel counts
// UTF-16 code units: a character outside the Basic Multilingual Plane (an
// emoji) counts twice.
const MaxCellChars = 32_767

// cutMarker ends a text cut to fit a cell; it says that the cell does not
// hold the whole text and how long the whole is, in characters.
const cutMarker = " […cut: the full text has %d characters, more than a cell holds]"

// CutMarkerEnd is how every cut cell ends, for readers and tests.
const CutMarkerEnd = "more than a cell holds]"

// fitCell returns s whole when it fits a cell, else its beginning followed
// by the cut marker, the whole no longer than MaxCellChars, and true.
func fitCell(s string) (string, bool) {
	if len(s) <= MaxCellChars { // bytes ≥ UTF-16 units: the common case is cheap
		return s, false
	}
	if utf16Len(s) <= MaxCellChars {
		return s, false
	}
	marker := fmt.Sprintf(cutMarker, utf8.RuneCountInString(s))
	room := MaxCellChars - utf16Len(marker)
	units, end := 0, 0
	for i, r := range s {
		n := runeUnits(r)
		if units+n > room {
			end = i
			break
		}
		units += n
	}
	return s[:end] + marker, true
}

func runeUnits(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// utf16Len is the length of s as Excel counts it.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += runeUnits(r)
	}
	return n
}
