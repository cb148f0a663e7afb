package analysis

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Helpers shared by the hand-written stemmers. Words are handled as UTF-8
// strings: Cyrillic letters are two bytes each, the apostrophe one, so
// suffix tests stay plain strings.HasSuffix and regions are byte offsets.

// sortedEndings returns the endings longest first, so that the first match
// found is the longest one (the rule Snowball's "among" follows).
func sortedEndings(endings ...string) []string {
	out := append([]string(nil), endings...)
	sort.SliceStable(out, func(i, j int) bool {
		return utf8.RuneCountInString(out[i]) > utf8.RuneCountInString(out[j])
	})
	return out
}

// setOf builds an immutable lookup table.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// longestIn returns the longest ending of s, from a sortedEndings list, that
// starts at or after byte offset region and leaves ok(stem, ending) true
// (ok may be nil).
func longestIn(s string, region int, endings []string, ok func(stem, ending string) bool) (string, bool) {
	for _, e := range endings {
		if len(s)-len(e) >= region && strings.HasSuffix(s, e) && (ok == nil || ok(s[:len(s)-len(e)], e)) {
			return e, true
		}
	}
	return "", false
}

// lastRune returns the last rune of s (utf8.RuneError for "").
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// dropLast removes the last rune of s.
func dropLast(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[:len(s)-n]
}

// regionAfterVowel returns Snowball's RV as a byte offset: the region after
// the first vowel of s at or after byte offset from (len(s) if none).
func regionAfterVowel(s string, from int, isVowel func(rune) bool) int {
	for i, r := range s[from:] {
		if isVowel(r) {
			return from + i + utf8.RuneLen(r)
		}
	}
	return len(s)
}

// regionR1 returns Snowball's R1 of s starting at byte offset from: the
// region after the first non-vowel that follows a vowel. Applied to R1's
// start it yields R2.
func regionR1(s string, from int, isVowel func(rune) bool) int {
	prevVowel := false
	for i, r := range s[from:] {
		v := isVowel(r)
		if prevVowel && !v {
			return from + i + utf8.RuneLen(r)
		}
		prevVowel = v
	}
	return len(s)
}

// protectedStem reports the stem of a word formed from one of stems and
// one of endings (or no ending). Each stemmer keeps such a table of nouns
// whose case forms look like verb or adjective forms to its rules.
func protectedStem(w string, endings []string, stems map[string]bool) (string, bool) {
	if stems[w] {
		return w, true
	}
	for _, e := range endings {
		if stem, ok := strings.CutSuffix(w, e); ok && stems[stem] {
			return stem, true
		}
	}
	return "", false
}
