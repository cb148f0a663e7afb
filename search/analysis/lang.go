package analysis

import (
	"strings"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/bg"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
)

// language is what the analyzers and the query-side helpers need to know
// about one supported language.
type language struct {
	analyzer   string
	stop       map[string]bool
	stem       func(string) string
	possessive bool // the analyzer drops an English possessive before the stop words
}

// base is a normalised word as the analyzer hands it to the stop words:
// for English without one possessive 's, as bleve's possessive filter
// leaves it (apostrophes are unified by then).
func (l language) base(w string) string {
	if l.possessive {
		return strings.TrimSuffix(w, string(Apostrophe)+"s")
	}
	return w
}

// languages is the immutable table behind ForLang, StopWords, Stem and the
// registered analyzers. English, Russian and Bulgarian reuse bleve's stop
// lists (Snowball/Savoy); Ukrainian has its own.
var languages = map[string]language{
	"en": {analyzer: English, stop: stopTable(string(en.EnglishStopWords)), stem: stemEN, possessive: true},
	"ru": {analyzer: Russian, stop: stopTable(string(ru.RussianStopWords)), stem: stemRU},
	"uk": {analyzer: Ukrainian, stop: stopTable(ukrainianStopWords), stem: stemUK},
	"bg": {analyzer: Bulgarian, stop: stopTable(string(bg.BulgarianStopWords)), stem: stemBG},
}

// stopTable parses a stop list in bleve's format (one or more words a line,
// comments after # or |) and normalises every entry exactly as terms are
// normalised, so that "её" or "don’t" in a list still match the indexed
// "ее" and "don't".
func stopTable(list string) map[string]bool {
	tm := bleveanalysis.NewTokenMap()
	_ = tm.LoadBytes([]byte(list)) // reading from memory cannot fail
	out := make(map[string]bool, len(tm))
	for w := range tm {
		if n := termOf(w); n != "" {
			out[n] = true
		}
	}
	return out
}

// termOf normalises a single token the way the analyzers do.
func termOf(word string) string {
	return normalizeTerm(string(mapChars([]byte(strings.TrimSpace(word)))))
}

// ForLang returns the name of the stemmed analyzer for lang ("en", "ru",
// "uk", "bg"). Any other language gets Exact: normalisation without
// stemming is safe for every script, while a foreign stemmer is not.
func ForLang(lang string) string {
	if l, ok := languages[lang]; ok {
		return l.analyzer
	}
	return Exact
}

// StopWords returns a predicate reporting whether a word is a stop word of
// lang, as the lang analyzer would drop it. The word is normalised first,
// so raw user input can be passed. Unknown languages have no stop words.
func StopWords(lang string) func(word string) bool {
	l, ok := languages[lang]
	if !ok {
		return func(string) bool { return false }
	}
	return func(word string) bool { return l.stop[l.base(termOf(word))] }
}

// Stem returns the term the lang analyzer indexes for a single word:
// normalised, English possessive removed, stemmed. It does not drop stop
// words (see StopWords). For an unknown lang it returns the normalised
// word, as Exact would index it. word must be one token; for running text
// use the analyzers.
func Stem(lang, word string) string {
	w := termOf(word)
	if l, ok := languages[lang]; ok && w != "" {
		return l.stem(l.base(w))
	}
	return w
}

// StemExact turns the token stream of the Exact analyzer into the stream
// of lang's stemming analyzer for the same text: the two share the char
// filter, tokenizer and normalisation, so a caller that needs both (the
// ranker keeps exact and stemmed terms of every field) tokenises and
// normalises once. The stream's tokens are copied first, since stemming
// rewrites terms in place; a language without a stemmer returns the copy.
func StemExact(lang string, exact bleveanalysis.TokenStream) bleveanalysis.TokenStream {
	out := make(bleveanalysis.TokenStream, len(exact))
	terms := 0
	for _, t := range exact {
		terms += len(t.Term)
	}
	buf := make([]byte, 0, terms) // one allocation for every copied term
	toks := make([]bleveanalysis.Token, len(exact))
	for i, t := range exact {
		toks[i] = *t
		buf = append(buf, t.Term...)
		toks[i].Term = buf[len(buf)-len(t.Term) : len(buf) : len(buf)]
		out[i] = &toks[i]
	}
	l, ok := languages[lang]
	if !ok {
		return out
	}
	if l.possessive {
		out = en.NewPossessiveFilter().Filter(out)
	}
	return stemFilter{l.stem}.Filter(stopFilter{l.stop}.Filter(out))
}
