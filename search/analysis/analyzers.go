// Package analysis holds spravka's text analysis: the normalisation every
// analyzer shares, the per-language bleve analyzers and the helpers the
// query side uses to treat user input exactly as the index does (Normalize,
// Stem, StopWords, ForLang).
//
// Every analyzer runs the same pipeline: a length-preserving char filter
// (backtick → ', zero-width space → word joiner), bleve's UAX#29 unicode
// tokenizer with words split by bracket marks rejoined ("E[x]tract") and
// dotted and snake_case names also indexed by their parts ("file.txt",
// "max_retries"), then term
// normalisation (NFC, lower case, ё→е, invisible
// characters dropped, apostrophes unified to ', Latin look-alikes folded in
// Cyrillic words), then per-language stop words and stemming.
package analysis

import (
	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names of the analyzers registered with bleveanalysis.
const (
	// Exact normalises without stop words or stemming: for exact and prefix
	// matching in any language.
	Exact = "spravka_exact"
	// English adds the possessive filter, English stop words and Snowball
	// English (Porter2).
	English = "spravka_en"
	// Russian adds Russian stop words and Snowball Russian with a
	// fleeting-vowel fix (stemRU).
	Russian = "spravka_ru"
	// Ukrainian adds Ukrainian stop words and spravka's Ukrainian stemmer.
	Ukrainian = "spravka_uk"
	// Bulgarian adds bleve's Bulgarian stop words and spravka's Bulgarian
	// stemmer (after BulStem/Lucene).
	Bulgarian = "spravka_bg"
)

// init registers the analyzers; it is the package's only side effect.
func init() {
	register(Exact, "")
	for lang, l := range languages {
		register(l.analyzer, lang)
	}
}

// register panics on a duplicate name, as bleve's own packages do: it can
// only be a programming error, found by the first test run.
func register(name, lang string) {
	if err := registry.RegisterAnalyzer(name, constructor(lang)); err != nil {
		panic(err)
	}
}

// constructor builds the analyzer for lang ("" for Exact). The stemmed
// analyzers apply stop words after normalisation and before stemming, so
// a stop word is recognised in any spelling and never half-stemmed.
func constructor(lang string) registry.AnalyzerConstructor {
	return func(_ map[string]interface{}, cache *registry.Cache) (bleveanalysis.Analyzer, error) {
		tokenizer, err := cache.TokenizerNamed(unicode.Name)
		if err != nil {
			return nil, err
		}
		filters := []bleveanalysis.TokenFilter{normalizeFilter{}}
		if l, ok := languages[lang]; ok {
			if lang == "en" {
				// Before stop words, so he's is dropped as "he".
				filters = append(filters, en.NewPossessiveFilter())
			}
			filters = append(filters, stopFilter{l.stop}, stemFilter{l.stem})
		}
		return &bleveanalysis.DefaultAnalyzer{
			CharFilters:  []bleveanalysis.CharFilter{charFilter{}},
			Tokenizer:    markTokenizer{tokenizer},
			TokenFilters: filters,
		}, nil
	}
}
