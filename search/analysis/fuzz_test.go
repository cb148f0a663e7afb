package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	bleveanalysis "github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"
)

// FuzzAnalyze runs text through the exact and the four language analyzers
// (the query side analyses user text with the same ones). Its seed corpus
// is testdata/fuzz/FuzzAnalyze; `make fuzz` explores beyond it.
func FuzzAnalyze(f *testing.F) {
	exact := analyzer(f, Exact)
	langs := map[string]bleveanalysis.Analyzer{}
	for lang, l := range languages {
		langs[lang] = analyzer(f, l.analyzer)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // HTTP input is decoded as UTF-8 before it gets here
		}
		ex := exact.Analyze([]byte(text))
		checkTokens(t, "exact", text, ex)
		for _, tok := range ex {
			if term := string(tok.Term); Normalize(term) != term {
				t.Errorf("exact term %q is not normalised: Normalize gives %q", term, Normalize(term))
			}
		}
		// Normalized text is composed UTF-8. (Neither idempotence nor
		// analysing like the text is promised for every input: UAX#29 glues
		// an apostrophe to a Hebrew letter and a modifier-letter apostrophe
		// to a digit, which the plain apostrophe Normalize writes does not.)
		if n := Normalize(text); !utf8.ValidString(n) || !norm.NFC.IsNormalString(n) {
			t.Errorf("Normalize(%q) = %q is not NFC UTF-8", text, n)
		}
		for lang, a := range langs {
			toks := a.Analyze([]byte(text))
			checkTokens(t, lang, text, toks)
			// What the query side computes word by word (Stem, StopWords)
			// must be what the analyzer indexed at that position.
			stop := StopWords(lang)
			for _, tok := range toks {
				term := string(tok.Term)
				if !slices.ContainsFunc(ex, func(e *bleveanalysis.Token) bool {
					return e.Position == tok.Position && Stem(lang, string(e.Term)) == term && !stop(string(e.Term))
				}) {
					t.Errorf("%s term %q at %d is not Stem of a non-stop word there: exact %s", lang, term, tok.Position, dump(ex))
				}
			}
			// And a word StopWords keeps is indexed.
			for _, e := range ex {
				if !stop(string(e.Term)) && !slices.ContainsFunc(toks, func(tok *bleveanalysis.Token) bool { return tok.Position == e.Position }) {
					t.Errorf("%s dropped %q at %d, which StopWords keeps: %s", lang, e.Term, e.Position, dump(toks))
				}
			}
			if again := a.Analyze([]byte(text)); dump(again) != dump(toks) {
				t.Errorf("%s: a second run differs:\n%s\n%s", lang, dump(toks), dump(again))
			}
		}
	})
}

// checkTokens wants non-empty UTF-8 terms without spaces, in order, with
// offsets inside the text (the char filter keeps lengths).
func checkTokens(t *testing.T, name, text string, toks bleveanalysis.TokenStream) {
	t.Helper()
	prev := 0
	for _, tok := range toks {
		term := string(tok.Term)
		if term == "" || !utf8.ValidString(term) || strings.ContainsFunc(term, unicode.IsSpace) {
			t.Errorf("%s: bad term %q in %s", name, term, dump(toks))
		}
		if tok.Position < max(prev, 1) {
			t.Errorf("%s: position %d after %d in %s", name, tok.Position, prev, dump(toks))
		}
		prev = tok.Position
		if tok.Start < 0 || tok.Start >= tok.End || tok.End > len(text) {
			t.Errorf("%s: term %q at bytes %d–%d of a %d-byte text", name, term, tok.Start, tok.End, len(text))
		}
	}
}

// dump lists terms with their positions, for messages and comparisons.
func dump(toks bleveanalysis.TokenStream) string {
	var b strings.Builder
	for _, t := range toks {
		fmt.Fprintf(&b, " %q@%d", t.Term, t.Position)
	}
	return b.String()
}
