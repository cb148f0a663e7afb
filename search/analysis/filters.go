package analysis

import (
	"unicode"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
)

// charFilter is the bleve side of mapChars: it runs before the tokenizer
// so that "м`який" and "пара\u200bметр" reach it as single words.
type charFilter struct{}

func (charFilter) Filter(input []byte) []byte { return mapChars(input) }

// normalizeFilter applies normalizeTerm to every token and drops tokens
// that normalise to nothing (a lone apostrophe, a lone soft hyphen).
type normalizeFilter struct{}

func (normalizeFilter) Filter(input bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	out := input[:0]
	for _, t := range input {
		term := string(t.Term)
		if n := normalizeTerm(term); n != term {
			if n == "" {
				continue
			}
			// A fresh slice: Term may alias the caller's input buffer.
			t.Term = []byte(n)
		}
		out = append(out, t)
	}
	return out
}

// stopFilter removes the terms of one stop-word table. Terms arrive
// normalised, and the tables are normalised when built, so ё/е and
// apostrophe spellings cannot slip past it.
type stopFilter struct{ words map[string]bool }

func (f stopFilter) Filter(input bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	out := input[:0]
	for _, t := range input {
		if !f.words[string(t.Term)] {
			out = append(out, t)
		}
	}
	return out
}

// stemFilter applies a single-word stemmer to every token not marked as a
// keyword. The same stem functions back Stem, so query-time stemming can
// never drift from index-time stemming.
type stemFilter struct{ stem func(string) string }

func (f stemFilter) Filter(input bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	for _, t := range input {
		if t.KeyWord {
			continue
		}
		term := string(t.Term)
		if s := f.stem(term); s != term {
			t.Term = []byte(s)
		}
	}
	return input
}

// isCyrillicWord reports whether every letter of w is Cyrillic (the
// apostrophe is allowed). The Ukrainian and Bulgarian stemmers only touch
// such words: Latin product names, e-mail parts and codes inside Slavic
// text are normalised but never stemmed with Slavic rules.
func isCyrillicWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r != Apostrophe && !unicode.Is(unicode.Cyrillic, r) {
			return false
		}
	}
	return true
}
