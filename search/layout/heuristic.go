package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LooksLikeWrongLayout is a cheap prefilter for queries that may have been
// typed on the wrong layout. It looks at the words of the majority script
// (Latin or Cyrillic) and calls a word suspicious when it contains a letter
// pair that (almost) never occurs in the languages of that script, or when
// it has four or more letters and no vowel. It reports true when at least
// a third of the words are suspicious: wrong-layout text is full of them
// ("ghbdtn" has no vowel, "cvtybnm" has "cv"; "штмщшсу" has "щш"), while
// a typo makes at most one word odd.
//
// It is deliberately biased towards recall: a false positive costs one
// extra search, which the engine discards by comparing result quality.
// English words typed on a Cyrillic layout escape it more often: a
// quarter of them form only pairs that Russian, Ukrainian or Bulgarian
// allow ("руддщ" for hello), and on the Ukrainian layout every s comes
// out as і, which Ukrainian pairs with almost anything. Bulgarian typed
// on Latin keys with the phonetic layout in mind reads like
// transliteration and is rarely caught; Candidates still offers it.
func LooksLikeWrongLayout(s string) bool {
	latin, cyrillic := countScripts(s)
	if latin == cyrillic {
		return false
	}
	useLatin := latin > cyrillic
	words, odd := 0, 0
	forEachWord(s, useLatin, func(w []rune) {
		if len(w) < 2 {
			return
		}
		words++
		if useLatin && oddLatinWord(w) || !useLatin && oddCyrillicWord(w) {
			odd++
		}
	})
	return odd > 0 && 3*odd >= words
}

// forEachWord calls fn with each maximal run of lower-cased letters of one
// script in s (ASCII Latin when latin, otherwise Cyrillic). An apostrophe
// between Cyrillic letters (Ukrainian м'ясо) is skipped, not a break. The
// slice passed to fn is reused between calls.
func forEachWord(s string, latin bool, fn func(w []rune)) {
	var buf [32]rune
	w := buf[:0]
	prev := rune(0)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		in := latin && r < utf8.RuneSelf && isASCIILetter(byte(r)) ||
			!latin && isCyrillicLetter(r)
		if in {
			w = append(w, unicode.ToLower(r))
			prev = r
			continue
		}
		if !latin && isApostrophe(r) && isCyrillicLetter(prev) {
			if nr, _ := utf8.DecodeRuneInString(s[i:]); isCyrillicLetter(nr) {
				continue
			}
		}
		if len(w) > 0 {
			fn(w)
			w = w[:0]
		}
		prev = r
	}
	if len(w) > 0 {
		fn(w)
	}
}

// oddLatinWord reports a lower-case Latin word that is not English-like.
func oddLatinWord(w []rune) bool {
	if len(w) <= maxAllowedLen {
		var b [maxAllowedLen]byte
		for i, r := range w {
			b[i] = byte(r) // ASCII: forEachWord passes only a–z here
		}
		if latinAllowed[string(b[:len(w)])] { // no allocation for lookup
			return false
		}
	}
	vowel := false
	for i, r := range w {
		if strings.ContainsRune("aeiouy", r) {
			vowel = true
		}
		if i > 0 && latinRare[w[i-1]-'a']&(1<<(r-'a')) != 0 {
			return true
		}
	}
	return !vowel && len(w) >= 4
}

// oddCyrillicWord reports a lower-case Cyrillic word that is not like
// Russian, Ukrainian or Bulgarian. Word edges count as a letter, so that
// "ы" starting a word or "ъ" ending one are caught too.
func oddCyrillicWord(w []rune) bool {
	vowel := false
	prev := 0 // word start
	for _, r := range w {
		cur := cyrIndex(r)
		if cur < 0 {
			return false // a letter of another Cyrillic language: no opinion
		}
		// ъ is a vowel in Bulgarian (ъгълът).
		if strings.ContainsRune("аеёиоуыэюяєіїъ", r) {
			vowel = true
		}
		if cyrRare[prev][cur] {
			return true
		}
		prev = cur
	}
	return cyrRare[prev][0] || !vowel && len(w) >= 4
}
