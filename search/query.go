package search

import (
	"math"
	"sort"
	"unicode/utf8"
)

// slot is one informative word of the query with everything it may match.
type slot struct {
	word  string   // the normalised word as typed (for matched_terms)
	stem  uint32   // stemmed term id; 0 when the stem is not in the dictionary
	exact uint32   // exact term id; 0 when unknown
	trunc uint32   // word-prefix term id; 0 when unknown
	tidf  float64  // idf of the word prefix
	alts  []uint32 // stems of writer-defined synonyms
	fuzzy []uint32 // exact ids of dictionary words within the typo distance
	idf   float64
	known bool // the language's vocabulary has the stem (or a synonym)
	// visible: an article of the language the caller may read has the
	// stem; known counts every article, for ranking only.
	visible bool
	stemT   string // stemmed term text (for bleve)
	fuzzT   []string
	altT    []string
}

// analyzedQuery is user text turned into slots for one language.
type analyzedQuery struct {
	lang    string
	text    string // what was analysed: the query cut to its bounds (queryText)
	slots   []slot
	known   int    // slots whose word exists in the language's vocabulary
	visible int    // slots whose stem the caller may read in the language
	who     *asker // the caller, for corrections
}

// analyze turns text into query slots: cut to its bounds (queryText),
// analysed like the index (stop words dropped), deduplicated, expanded
// with synonyms, and, when long, cut to the rarest words so latency stays
// flat for a whole customer message.
func (e *Engine) analyze(who *asker, text, lang string) *analyzedQuery {
	text = who.bounded(text)
	snap := who.snap
	st := snap.stats[lang]
	stems := e.an.stems(lang, text)
	exacts := e.an.exactTerms(text)
	exactOf := exactForStems(e, lang, exacts)
	q := &analyzedQuery{lang: lang, text: text, who: who}
	seen := map[string]bool{}
	for _, s := range stems {
		if seen[s] {
			continue
		}
		seen[s] = true
		sl := slot{stemT: s, word: exactOf[s]}
		if sl.word == "" {
			sl.word = s
		}
		sl.stem, _ = e.dict.lookup(s)
		sl.exact, _ = e.dict.lookup(sl.word)
		sl.trunc, _ = e.dict.lookup(truncate(sl.word))
		if st != nil && sl.trunc != 0 {
			sl.tidf = idf(st, int(st.truncDF[sl.trunc]))
		}
		df := 0
		if st != nil && sl.stem != 0 {
			df = int(st.df[sl.stem])
		}
		if df > 0 {
			q.known++
			sl.known = true
		}
		sl.visible = who.knows(lang, sl.stem, false)
		if syn := snap.synonyms[lang]; syn != nil {
			for _, alt := range syn.expand(s) {
				if id, ok := e.dict.lookup(alt); ok {
					sl.alts = append(sl.alts, id)
					sl.altT = append(sl.altT, alt)
					if st != nil {
						df = max(df, int(st.df[id]))
					}
				}
			}
		}
		sl.idf = idf(st, df)
		q.slots = append(q.slots, sl)
	}
	if max := e.cfg.Ranking.MaxTerms; max > 0 && len(q.slots) > max {
		q.slots = rarest(q.slots, max)
	}
	for _, sl := range q.slots {
		if sl.visible {
			q.visible++
		}
	}
	return q
}

// exactForStems maps each stem to the first exact word that produced it, so
// the ranker can reward the very form the customer typed.
func exactForStems(e *Engine, lang string, exacts []string) map[string]string {
	out := make(map[string]string, len(exacts))
	for _, w := range exacts {
		for _, s := range e.an.stems(lang, w) {
			if _, ok := out[s]; !ok {
				out[s] = w
			}
		}
	}
	return out
}

// idf is BM25's inverse document frequency; an unknown word gets the idf of
// a word seen once, so typos still count once corrected by fuzzy matching.
func idf(st *langStats, df int) float64 {
	n := 1
	if st != nil {
		n = max(st.docs, 1)
	}
	if df == 0 {
		df = 1
	}
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// rarest keeps the n slots with the highest idf, in query order. Words the
// content does not know at all go last: in a pasted message they are
// greetings, names and typos, and the rarest known words carry the meaning.
func rarest(slots []slot, n int) []slot {
	idx := make([]int, len(slots))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := slots[idx[a]], slots[idx[b]]
		if x.known != y.known {
			return x.known
		}
		return x.idf > y.idf
	})
	keep := idx[:n]
	sort.Ints(keep)
	out := make([]slot, 0, n)
	for _, i := range keep {
		out = append(out, slots[i])
	}
	return out
}

// fuzziness is the typo distance allowed for a word, counted in runes (bleve's
// "auto" counts bytes, which doubles it for Cyrillic).
func fuzziness(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n < 4:
		return 0
	case n < 8:
		return 1
	default:
		return 2
	}
}
