package langid

import (
	"sort"
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
	wWord     = 1.0 // a help-center word, scaled by vocabulary weights
)

// addWord adds the evidence of one lower-cased Cyrillic word; prev is the
// word before it ("" at the start). Each kind of letter evidence counts
// once per word, so one long word cannot outvote several short ones.
func (s *scores) addWord(w word, prev string) {
	var ruLetter, ukLetter, bgLetter, softSign, hardBeforeVowel bool
	last := rune(0)
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
		if last == 'ь' && r != 'о' {
			softSign = true
		}
		last = r
	}
	if last == 'ь' {
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
		s.add(wFunction, lw)
	} else if vw, ok := vocabularyOf(w.text); ok {
		s.add(wWord, vw)
	}
	if vw, ok := verbAfterNe(prev, w.text); ok {
		s.add(wSuffix, vw) // instead of the ending's usual reading
	} else {
		s.addSuffix(w)
	}
}

// add adds weight times the evidence ev.
func (s *scores) add(weight float64, ev [3]float64) {
	for i := range s {
		s[i] += weight * ev[i]
	}
}

// addPair adds the evidence of a two-word phrase ending in cur.
func (s *scores) addPair(prev, cur string) {
	if pw, ok := pairs[[2]string{prev, cur}]; ok {
		s.add(wFunction, pw)
	}
	if bareAfterPreposition(prev, cur) {
		s[bg] += wSuffix
	}
}

// addSuffix adds the evidence of the word's ending.
func (s *scores) addSuffix(w word) {
	n := utf8.RuneCountInString(w.text)
	for _, sf := range suffixes {
		if n >= sf.minLen && strings.HasSuffix(w.text, sf.suffix) {
			if !w.capital || !surnameEndings[sf.suffix] {
				s.add(wSuffix, sf.weight)
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

// within returns the languages less than lead behind the best, best first;
// ties keep cyrillicLangs' order.
func (s *scores) within(lead float64) []string {
	top := max(s[ru], s[uk], s[bg])
	idx := []int{ru, uk, bg}
	sort.SliceStable(idx, func(a, b int) bool { return s[idx[a]] > s[idx[b]] })
	var out []string
	for _, i := range idx {
		if top-s[i] < lead {
			out = append(out, cyrillicLangs[i])
		}
	}
	return out
}

// of returns the score of lang, 0 for a language scores does not hold.
func (s *scores) of(lang string) float64 {
	for i, l := range cyrillicLangs {
		if l == lang {
			return s[i]
		}
	}
	return 0
}
