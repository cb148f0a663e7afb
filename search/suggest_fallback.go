package search

import (
	"strings"

	"github.com/spravka/spravka"
)

// otherLanguages returns the message analysed in each other language with
// articles whose vocabulary knows enough of it to beat the customer's:
// the words it knows must weigh, as own weighs them, more than beat (the
// share own's best answer matched) and at least noneKnown. That is an
// upper bound of what its articles can match (see signalsIn), so a
// language below it is not searched at all.
//
// The other languages read only own's kept words (at most
// Ranking.MaxTerms): they are all the signals weigh, and a pasted message
// analysed in three more languages would cost most of the request. They
// get no typo corrections: the customer's words are not typos of another
// language's, and the lookups were most of the fallback's cost.
func (e *Engine) otherLanguages(own *analyzedQuery, beat float64) map[string]*analyzedQuery {
	words := make([]string, len(own.slots))
	idfOf := make(map[string]float64, len(own.slots))
	var all float64
	for i, sl := range own.slots {
		words[i] = sl.word
		idfOf[sl.word] = sl.idf
		all += sl.idf
	}
	if all == 0 {
		return nil
	}
	text := strings.Join(words, " ")
	out := map[string]*analyzedQuery{}
	for _, l := range spravka.Languages {
		if st := own.who.snap.stats[l]; l == own.lang || st == nil || st.docs == 0 {
			continue
		}
		a := e.analyze(own.who, text, l)
		known, seen := 0.0, map[string]bool{}
		for _, sl := range a.slots {
			if sl.known && !seen[sl.word] {
				seen[sl.word] = true
				known += idfOf[sl.word]
			}
		}
		if share := known / all; share > beat && share >= noneKnown {
			out[l] = a
		}
	}
	return out
}
