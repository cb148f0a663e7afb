package layout

import (
	"unicode"
	"unicode/utf8"
)

// Direction tells which way a Candidate was converted.
type Direction int

const (
	// LatinToCyrillic: Latin text typed by someone who meant Cyrillic.
	LatinToCyrillic Direction = iota + 1
	// CyrillicToLatin: Cyrillic text typed by someone who meant Latin.
	CyrillicToLatin
)

// String returns the direction's name, for logs and debugging.
func (d Direction) String() string {
	switch d {
	case LatinToCyrillic:
		return "LatinToCyrillic"
	case CyrillicToLatin:
		return "CyrillicToLatin"
	}
	return "Direction(?)"
}

// Candidate is one plausible reading of a query typed on the wrong layout.
type Candidate struct {
	// Text is the converted query.
	Text string
	// Layout is the Cyrillic layout assumed to be involved.
	Layout Layout
	// Direction tells whether Text is the Cyrillic or the Latin reading.
	Direction Direction
}

// Candidates returns the plausible conversions of a query, best guess
// first: for mostly-Latin text, its Cyrillic reading in each layout; for
// mostly-Cyrillic text, its Latin reading in each layout whose letters it
// uses. Readings equal to one already listed, or to s, are left out, so
// Russian and Ukrainian collapse when the keys they differ on are absent.
// Text without letters, or with as many Latin as Cyrillic letters, yields
// nil: there is no majority script to correct.
//
// Candidates does not judge whether s was mistyped (see
// LooksLikeWrongLayout); the caller compares result quality.
func Candidates(s string) []Candidate {
	latin, cyrillic := countScripts(s)
	var dir Direction
	switch {
	case latin > cyrillic:
		dir = LatinToCyrillic
	case cyrillic > latin:
		dir = CyrillicToLatin
	default:
		return nil
	}
	out := make([]Candidate, 0, len(allLayouts))
	for _, l := range allLayouts {
		var text string
		if dir == LatinToCyrillic {
			text = ToCyrillic(s, l)
		} else {
			text = ToLatin(s, l)
			// A Cyrillic letter left over belongs to another layout
			// (ы is not on the Ukrainian one), so l was not in use.
			if _, left := countScripts(text); left > 0 {
				continue
			}
		}
		if text == s || containsText(out, text) {
			continue
		}
		out = append(out, Candidate{Text: text, Layout: l, Direction: dir})
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// countScripts counts ASCII Latin letters and Cyrillic letters in s.
func countScripts(s string) (latin, cyrillic int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) {
				latin++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r) {
			cyrillic++
		}
		i += size
	}
	return latin, cyrillic
}

func containsText(cs []Candidate, text string) bool {
	for _, c := range cs {
		if c.Text == text {
			return true
		}
	}
	return false
}
