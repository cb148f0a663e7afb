package langid

import (
	"strings"
	"unicode/utf8"
)

// Indexes into scores.
const (
	ru = iota
	uk
	bg
)

// cyrillicLangs names the scores entries. Ties go to the earlier entry;
// the order is spravka.Languages'.
var cyrillicLangs = [...]string{ru: Russian, uk: Ukrainian, bg: Bulgarian}

// scores accumulates evidence for each Cyrillic language. Only the
// differences between entries matter; evidence all three share is left
// out rather than added to all.
type scores [3]float64

// Weights of the kinds of evidence. A letter only one language has is
// near proof, so it outweighs a few function words of another language
// (a Russian message quoting a Bulgarian bank name still has its ы).
const (
	wLetter   = 3.0 // ы э ё; і ї є ґ; ъ before a consonant; ѝ
	wHint     = 1.0 // a letter pattern one language lacks: ь not before о
	wSuffix   = 1.0 // a typical word ending, see suffixes
	wFunction = 1.0 // a function word, scaled by lexicon weights
)

// addWord adds the evidence of one lower-cased Cyrillic word. Each kind
// of letter evidence counts once per word, so one long word cannot
// outvote several short ones.
func (s *scores) addWord(w word) {
	var ruLetter, ukLetter, bgLetter, softSign, hardBeforeVowel bool
	prev := rune(0)
	for i, r := range w.text {
		switch r {
		case 'ы', 'э', 'ё':
			ruLetter = true
		case 'і', 'ї', 'є', 'ґ':
			ukLetter = true
		case 'ѝ':
			bgLetter = true
		case '\'':
			// Ukrainian writes an apostrophe where Russian has ъ or ь
			// (м'ясо, об'єднати); Russian and Bulgarian don't.
			ukLetter = true
		case 'ъ':
			// Russian ъ only separates a prefix from е ё ю я
			// (объявление); Bulgarian ъ is a vowel (съм, път, във).
			next, _ := utf8.DecodeRuneInString(w.text[i+len("ъ"):])
			if strings.ContainsRune("еёюя", next) {
				hardBeforeVowel = true
			} else if next != utf8.RuneError {
				bgLetter = true
			}
		}
		if prev == 'ь' && r != 'о' {
			softSign = true
		}
		prev = r
	}
	if prev == 'ь' {
		softSign = true
	}
	if ruLetter {
		s[ru] += wLetter
	}
	if ukLetter {
		s[uk] += wLetter
	}
	if bgLetter {
		s[bg] += wLetter
	}
	if hardBeforeVowel {
		s[ru] += wLetter - 1 // rare in Bulgarian, absent in Ukrainian
	}
	if softSign {
		// Bulgarian has ь only before о (шофьор).
		s[ru] += wHint
		s[uk] += wHint
	}
	if lw, ok := lexicon[w.text]; ok {
		for i := range s {
			s[i] += wFunction * lw[i]
		}
	}
	s.addSuffix(w.text)
}

// addPair adds the evidence of a two-word phrase ending in cur.
func (s *scores) addPair(prev, cur string) {
	if pw, ok := pairs[[2]string{prev, cur}]; ok {
		for i := range s {
			s[i] += wFunction * pw[i]
		}
	}
}

// addSuffix adds the evidence of the word's ending.
func (s *scores) addSuffix(text string) {
	n := utf8.RuneCountInString(text)
	for _, sf := range suffixes {
		if n >= sf.minLen && strings.HasSuffix(text, sf.suffix) {
			for i := range s {
				s[i] += wSuffix * sf.weight[i]
			}
			return // suffixes are ordered longest first; one per word
		}
	}
}

// best returns the winning language and its lead over the runner-up.
// With no evidence at all it returns Russian, the first of the product's
// languages, with a zero lead.
func (s *scores) best() (lang string, margin float64) {
	top, second := 0, -1
	for i := 1; i < len(s); i++ {
		if s[i] > s[top] {
			top, second = i, top
		} else if second < 0 || s[i] > s[second] {
			second = i
		}
	}
	return cyrillicLangs[top], s[top] - s[second]
}
