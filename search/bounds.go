package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on the work one request may cause, whatever it sends. User text
// becomes work in query analysis (an analyzer pass per distinct word), typo
// expansion (a Levenshtein automaton per unknown word, about 70 KB per
// letter at two edits), the keyboard-layout correction (an analysis per
// layout) and the fallback to other languages (an analysis each). Each
// limit applies before the step it protects, so the cost of a request has
// a bound that does not depend on its text.
const (
	// maxWordRunes: a longer run of letters or digits is no word of the
	// four languages (their longest are under 40 letters) but a pasted
	// hash or a held key; it is left out of queries.
	maxWordRunes = 40
	// maxChunkRunes: a longer whitespace-free chunk ("а,а,а,…", a long
	// URL) is cut into its words before analysis, so that it costs what
	// its distinct words cost.
	maxChunkRunes = 2 * maxWordRunes
	// maxQueryWords: the words a query keeps, counted after repeated
	// chunks are dropped: about 1,800 characters of distinct words, all of
	// a search query (at most 2,000 characters) in practice. A 20,000-
	// character message has about 1,500 distinct words; its first ones
	// carry it (quoted history comes last), and the ranker keeps only the
	// rarest Ranking.MaxTerms of them anyway.
	maxQueryWords = 256
	// maxFuzzyRunes: the letters of unknown words that one request may
	// look up typo corrections for, in all languages it analyses: six
	// misspelt words of eight letters, at most about 3.5 MB of automata
	// and most of the CPU of a request full of unknown words.
	maxFuzzyRunes = 48
	// maxFuzzyCandidates: the indexed terms one typo lookup reads, so that
	// a short word in a large vocabulary cannot sort thousands.
	maxFuzzyCandidates = 256
	// maxTypedWords: what people type into a search box. A longer text is
	// a message: the keyboard-layout correction does not convert it (an
	// analysis per layout) and autocomplete does not complete it.
	maxTypedWords = 32
	// maxDetectRunes: language detection reads the start of a text; a
	// message shows its language long before 2,000 characters.
	maxDetectRunes = 2000
)

// detectable returns the start of text that language detection reads: at
// most maxDetectRunes runes, cut before a word.
func detectable(text string) string {
	n := 0
	for i := range text {
		if n == maxDetectRunes {
			if j := strings.LastIndexFunc(text[:i], unicode.IsSpace); j > 0 {
				return text[:j]
			}
			return text[:i]
		}
		n++
	}
	return text
}

// queryText returns text reduced to what query analysis uses: its distinct
// whitespace-separated chunks in order of first use, each at most
// maxChunkRunes long (longer ones replaced by their words), without words
// longer than maxWordRunes, until maxQueryWords words. Analysis keeps the
// distinct terms of a text anyway, so for ordinary text the result
// analyses exactly as text does, at a cost bounded by the limits.
func queryText(text string) string {
	var b strings.Builder
	seen := map[string]bool{}
	words := 0
	add := func(chunk string) {
		n := countWords(chunk)
		if n == 0 || seen[chunk] || words+n > maxQueryWords {
			return
		}
		seen[chunk] = true
		words += n
		b.WriteString(chunk)
		b.WriteByte(' ')
	}
	for chunk := range strings.FieldsSeq(text) {
		if words >= maxQueryWords {
			break
		}
		if utf8.RuneCountInString(chunk) <= maxChunkRunes && longestWord(chunk) <= maxWordRunes {
			add(chunk)
			continue
		}
		for w := range strings.FieldsFuncSeq(chunk, notWordRune) {
			if utf8.RuneCountInString(w) <= maxWordRunes {
				add(w)
			}
		}
	}
	return b.String()
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// countWords counts the runs of letters and digits in s: an upper bound of
// the tokens an analyzer finds there.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := !notWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// longestWord returns the rune length of the longest run of letters and
// digits in s.
func longestWord(s string) int {
	best, cur := 0, 0
	for _, r := range s {
		if notWordRune(r) {
			cur = 0
			continue
		}
		cur++
		best = max(best, cur)
	}
	return best
}
