package search

import (
	"strings"
	"testing"

	"github.com/spravka/spravka"
)

// TestOverlongWordIsNoWord: a run of letters longer than any word of the
// four languages is left out of the query before any work is spent on it.
func TestOverlongWordIsNoWord(t *testing.T) {
	e := openTest(t)
	who := newAsker(e.snap.Load(), spravka.Public)
	for _, text := range []string{
		strings.Repeat("а", 20000),
		strings.Repeat("а", 41),
		strings.Repeat("а,", 10000),
		"https://example.com/" + strings.Repeat("x", 5000),
	} {
		aq := e.analyze(who, text, "ru")
		for _, sl := range aq.slots {
			if n := len([]rune(sl.word)); n > 40 {
				t.Errorf("%.20q…: a slot of %d letters", text, n)
			}
		}
		if len(aq.slots) > 3 {
			t.Errorf("%.20q…: %d slots, want at most the URL's three short words", text, len(aq.slots))
		}
	}
}

// TestQueryTextKeepsOrdinaryText: for text within the bounds, the bounded
// text analyses to the same terms in the same order, so the bounds change
// nothing for real queries and messages.
func TestQueryTextKeepsOrdinaryText(t *testing.T) {
	e := openTest(t)
	for _, text := range []string{
		"как сбросить пароль",
		"Здравствуйте! Не могу зайти в аккаунт, забыл пароль, а письмо для восстановления так и не пришло. Пароль, пароль!",
		"config.yaml не читается: E[x]tract max_retries https://example.com/help?q=1 he's don't",
		"Привет\tмир\nпривет  мир — «мир» (мир)",
	} {
		for _, lang := range spravka.Languages {
			want := e.an.stems(lang, text)
			got := e.an.stems(lang, queryText(text))
			if strings.Join(distinct(got), " ") != strings.Join(distinct(want), " ") {
				t.Errorf("%s %q: bounded text analyses to %q, want %q", lang, text, distinct(got), distinct(want))
			}
		}
	}
}

func distinct(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// TestTypoLookupsShareABudget: however many unknown words a request has,
// in however many languages it is analysed, typo corrections are looked up
// for at most maxFuzzyRunes letters, and a query keeps at most
// maxQueryWords words.
func TestTypoLookupsShareABudget(t *testing.T) {
	e := openTest(t)
	var words []string
	for i := range 2000 {
		words = append(words, "щ"+strings.Repeat(string(rune('а'+i%32)), 4)+string(rune('а'+i/32%32))+string(rune('а'+i/1024)))
	}
	text := strings.Join(words, " ")
	if n := countWords(queryText(text)); n > maxQueryWords {
		t.Errorf("the bounded text keeps %d words, want at most %d", n, maxQueryWords)
	}
	who := newAsker(e.snap.Load(), spravka.Public)
	for _, lang := range spravka.Languages {
		e.expandFuzzy(e.analyze(who, text, lang))
	}
	looked := 0
	for w := range who.fuzzy {
		looked += len([]rune(w))
	}
	if looked == 0 || looked > maxFuzzyRunes {
		t.Errorf("typo corrections looked up for %d letters, want some and at most %d", looked, maxFuzzyRunes)
	}
}
