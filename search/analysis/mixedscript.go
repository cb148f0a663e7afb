package analysis

import (
	"strings"
	"unicode"
)

// latinLookalike maps lower-case Latin letters to the Cyrillic letters they
// are indistinguishable from in print (upper-case forms are covered because
// terms are lower-cased first: H→h→н, B→b→в, M→m→м, T→t→т, K→k→к). Users
// on a Latin layout, OCR and copy-paste produce "пpивет" with a Latin p; such
// a word must reach the same term as the all-Cyrillic spelling. Latin i maps
// to Ukrainian і, which Russian keyboards lack and users type as Latin i.
// й has no Latin twin and is never touched.
var latinLookalike = map[rune]rune{
	'a': 'а', 'b': 'в', 'c': 'с', 'e': 'е', 'h': 'н', 'i': 'і', 'k': 'к',
	'm': 'м', 'o': 'о', 'p': 'р', 't': 'т', 'x': 'х', 'y': 'у',
	'ï': 'ї', 'ë': 'е',
}

// foldMixedScript rewrites Latin look-alikes to Cyrillic inside every
// letter run of s that contains Cyrillic letters and whose Latin letters are
// all look-alikes. A pure-Latin run ("ok", "hello") is left alone, and so is a
// run with a Latin letter that has no Cyrillic twin ("iPhoneом"): that is a
// genuine mixed word, not a mistyped Cyrillic one. Runs are judged separately
// because UAX#29 keeps "ok.привет" or "v2.версия" as one token.
func foldMixedScript(s string) string {
	if !hasLatinAndCyrillic(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := -1 // byte offset of the current letter run, -1 outside one
	flush := func(end int) {
		if start >= 0 {
			b.WriteString(foldRun(s[start:end]))
			start = -1
		}
	}
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	return b.String()
}

// isWordRune reports the characters that continue a letter run: letters,
// combining marks and the apostrophe (м'який is one run).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == Apostrophe
}

// foldRun folds one letter run if it is Cyrillic with look-alike Latin
// letters only.
func foldRun(run string) string {
	cyrillic, latin := false, false
	for _, r := range run {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic = true
		case unicode.Is(unicode.Latin, r):
			if _, ok := latinLookalike[r]; !ok {
				return run
			}
			latin = true
		}
	}
	if !cyrillic || !latin {
		return run
	}
	return strings.Map(func(r rune) rune {
		if c, ok := latinLookalike[r]; ok {
			return c
		}
		return r
	}, run)
}

// hasLatinAndCyrillic is the cheap pre-check that keeps the common case
// (single-script terms) allocation free.
func hasLatinAndCyrillic(s string) bool {
	cyrillic, latin := false, false
	for _, r := range s {
		if r < 0x80 {
			latin = latin || ('a' <= r && r <= 'z')
		} else if unicode.Is(unicode.Cyrillic, r) {
			cyrillic = true
		} else if r == 'ï' || r == 'ë' {
			latin = true
		}
	}
	return cyrillic && latin
}
