package analysis

import (
	"testing"

	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// TestConflation checks the must-conflate and must-stay-apart word lists
// of every stemmed language and logs the pass counts. Every pair has to
// pass; a pair the stemmer is not meant to handle is moved to the comment
// block at the end of its list with the reason.
func TestConflation(t *testing.T) {
	for _, lang := range []string{"uk", "ru", "bg", "en"} {
		t.Run(lang, func(t *testing.T) {
			conflate := readPairs(t, lang+"_conflate.txt")
			apart := readPairs(t, lang+"_apart.txt")
			okC, okA := 0, 0
			for _, p := range conflate {
				if sa, sb := Stem(lang, p.a), Stem(lang, p.b); sa == sb {
					okC++
				} else {
					t.Errorf("%s_conflate.txt:%d: %s→%s and %s→%s differ", lang, p.line, p.a, sa, p.b, sb)
				}
			}
			for _, p := range apart {
				if sa, sb := Stem(lang, p.a), Stem(lang, p.b); sa != sb {
					okA++
				} else {
					t.Errorf("%s_apart.txt:%d: %s and %s both stem to %s", lang, p.line, p.a, p.b, sa)
				}
			}
			t.Logf("%s: conflate %d/%d, apart %d/%d", lang, okC, len(conflate), okA, len(apart))
			min := 100
			if lang == "en" {
				min = 50
			}
			if len(conflate) < min || len(apart) < 10 || (lang != "en" && len(apart) < 30) {
				t.Errorf("%s lists too short: %d conflate, %d apart", lang, len(conflate), len(apart))
			}
		})
	}
}

// TestStemMatchesAnalyzer checks that Stem, used at query time, gives for
// every listed word exactly the term the language's analyzer indexes.
func TestStemMatchesAnalyzer(t *testing.T) {
	for _, lang := range []string{"uk", "ru", "bg", "en"} {
		for _, file := range []string{lang + "_conflate.txt", lang + "_apart.txt"} {
			for _, p := range readPairs(t, file) {
				for _, w := range []string{p.a, p.b} {
					got := terms(t, ForLang(lang), w)
					if StopWords(lang)(w) {
						if len(got) != 0 {
							t.Errorf("%s: stop word %q indexed as %q", lang, w, got)
						}
						continue
					}
					if len(got) != 1 || got[0] != Stem(lang, w) {
						t.Errorf("%s: analyzer gives %q for %q, Stem gives %q", lang, got, w, Stem(lang, w))
					}
				}
			}
		}
	}
}

// TestEnglishStemmerChoice keeps the measurement behind using Snowball
// English (Porter2) rather than bleve's Porter filter: on the English lists
// Porter2 must conflate and separate at least as many pairs, and more in
// total.
func TestEnglishStemmerChoice(t *testing.T) {
	porter := func(w string) string {
		return string(porterstemmer.StemWithoutLowerCasing([]rune(Stem("", w))))
	}
	snowball := func(w string) string { return Stem("en", w) }
	score := func(stem func(string) string) (conflated, apart int) {
		for _, p := range readPairs(t, "en_conflate.txt") {
			if stem(p.a) == stem(p.b) {
				conflated++
			}
		}
		for _, p := range readPairs(t, "en_apart.txt") {
			if stem(p.a) != stem(p.b) {
				apart++
			}
		}
		return conflated, apart
	}
	pc, pa := score(porter)
	sc, sa := score(snowball)
	t.Logf("porter: conflate %d, apart %d; porter2: conflate %d, apart %d", pc, pa, sc, sa)
	if sc < pc || sa < pa || sc+sa <= pc+pa {
		t.Errorf("Porter2 no longer beats Porter on the English lists")
	}
}
