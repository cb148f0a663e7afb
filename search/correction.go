package search

import (
	"sort"
	"strings"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/search/layout"
)

// fixLayout tries the query as if typed in another keyboard layout and
// returns the converted analysis when it matches the caller's vocabulary
// far better: most of its words are in articles the caller may read where
// most of the original's are not.
func (e *Engine) fixLayout(q spravka.Query, aq *analyzedQuery) (*analyzedQuery, string) {
	if len(aq.slots) == 0 && strings.TrimSpace(q.Text) == "" {
		return nil, ""
	}
	if len(aq.slots) > 0 && aq.visible*2 > len(aq.slots) {
		return nil, "" // the query as typed is mostly fine
	}
	if countWords(aq.text) > maxTypedWords {
		return nil, "" // a message, not a search box query
	}
	// Conversion is linear in the text; each conversion's analysis is
	// bounded like any other.
	var best *analyzedQuery
	var bestText string
	for _, c := range layout.Candidates(q.Text) {
		lang := candidateLang(c)
		if q.Lang != "" && isCyrillicLang(q.Lang) == isCyrillicLang(lang) {
			lang = q.Lang
		}
		cand := e.analyze(aq.who, c.Text, lang)
		if len(cand.slots) == 0 || cand.visible*2 <= len(cand.slots) {
			continue
		}
		if cand.visible > aq.visible && (best == nil || cand.visible > best.visible) {
			best, bestText = cand, c.Text
		}
	}
	return best, bestText
}

func isCyrillicLang(l string) bool { return l != "en" }

// candidateLang is the language a layout conversion reads as.
func candidateLang(c layout.Candidate) string {
	if c.Direction == layout.CyrillicToLatin {
		return "en"
	}
	switch c.Layout {
	case layout.Ukrainian:
		return "uk"
	case layout.Bulgarian:
		return "bg"
	}
	return "ru"
}

// expandFuzzy attaches, to every word the caller's vocabulary does not
// know, the indexed words within its typo distance (counted in runes) that
// an article the caller may read has. A word only hidden articles use is
// unknown to the caller like any other, so that the answer does not tell
// it exists. The words looked up share the request's budget of letters
// (maxFuzzyRunes): the automaton of a lookup grows with the word.
func (e *Engine) expandFuzzy(aq *analyzedQuery) {
	who := aq.who
	var r index.IndexReader
	for i := range aq.slots {
		sl := &aq.slots[i]
		if fuzziness(sl.word) == 0 || who.knowsAnywhere(sl.stem, false) || who.knowsAnywhere(sl.exact, true) {
			continue
		}
		terms, done := who.fuzzy[sl.word]
		if !done {
			n := utf8.RuneCountInString(sl.word)
			if n > maxWordRunes || n > who.fuzzyLeft {
				continue
			}
			who.fuzzyLeft -= n
			if r == nil {
				adv, err := e.index().Advanced()
				if err != nil {
					return
				}
				if r, err = adv.Reader(); err != nil {
					return
				}
				defer r.Close()
			}
			terms = fuzzyTerms(r, sl.word, 8, func(t string) bool {
				id, ok := e.dict.lookup(t)
				return ok && who.knowsAnywhere(id, true)
			})
			who.fuzzy[sl.word] = terms
		}
		for _, t := range terms {
			if id, ok := e.dict.lookup(t); ok {
				sl.fuzzy = append(sl.fuzzy, id)
				sl.fuzzT = append(sl.fuzzT, t)
			}
		}
	}
}

// fuzzyTerms returns up to n indexed exact words within the typo distance of
// word that keep accepts, closest and most frequent first, from the first
// maxFuzzyCandidates the index offers.
func fuzzyTerms(r index.IndexReader, word string, n int, keep func(string) bool) []string {
	fr, ok := r.(index.IndexReaderFuzzy)
	if !ok {
		return nil
	}
	d, err := fr.FieldDictFuzzy(fieldAllExact, word, fuzziness(word), "")
	if err != nil {
		return nil
	}
	defer d.Close()
	type cand struct {
		term  string
		dist  uint8
		count uint64
	}
	var cs []cand
	read := 0
	for de, err := d.Next(); err == nil && de != nil && read < maxFuzzyCandidates; de, err = d.Next() {
		read++
		if keep(de.Term) {
			cs = append(cs, cand{de.Term, de.EditDistance, de.Count})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].dist != cs[j].dist {
			return cs[i].dist < cs[j].dist
		}
		return cs[i].count > cs[j].count
	})
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, cs[i].term)
	}
	return out
}

// didYouMean proposes the query with each word the caller's vocabulary
// does not know replaced by its closest readable indexed word. Only such
// words have typo corrections (see expandFuzzy).
func (e *Engine) didYouMean(aq *analyzedQuery) string {
	corrected := false
	words := make([]string, 0, len(aq.slots))
	for _, sl := range aq.slots {
		if len(sl.fuzzT) > 0 {
			words = append(words, sl.fuzzT[0])
			corrected = true
			continue
		}
		words = append(words, sl.word)
	}
	if !corrected {
		return ""
	}
	return strings.Join(words, " ")
}
