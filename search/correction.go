package search

import (
	"sort"
	"strings"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/search/layout"
)

// fixLayout tries the query as if typed in another keyboard layout and
// returns the converted analysis when it matches the vocabulary far better:
// most of its words are known where most of the original's are not.
func (e *Engine) fixLayout(snap *snapshot, q spravka.Query, aq *analyzedQuery) (*analyzedQuery, string) {
	if len(aq.slots) == 0 && strings.TrimSpace(q.Text) == "" {
		return nil, ""
	}
	if len(aq.slots) > 0 && aq.known*2 > len(aq.slots) {
		return nil, "" // the query as typed is mostly fine
	}
	var best *analyzedQuery
	var bestText string
	for _, c := range layout.Candidates(q.Text) {
		lang := candidateLang(c)
		if q.Lang != "" && isCyrillicLang(q.Lang) == isCyrillicLang(lang) {
			lang = q.Lang
		}
		cand := e.analyze(snap, c.Text, lang)
		if len(cand.slots) == 0 || cand.known*2 <= len(cand.slots) {
			continue
		}
		if cand.known > aq.known && (best == nil || cand.known > best.known) {
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

// expandFuzzy attaches, to every word the vocabulary does not know, the
// indexed words within its typo distance (counted in runes).
func (e *Engine) expandFuzzy(aq *analyzedQuery) {
	var r index.IndexReader
	for i := range aq.slots {
		sl := &aq.slots[i]
		if sl.stem != 0 || sl.exact != 0 || fuzziness(sl.word) == 0 {
			continue
		}
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
		for _, t := range fuzzyTerms(r, sl.word, 8) {
			if id, ok := e.dict.lookup(t); ok {
				sl.fuzzy = append(sl.fuzzy, id)
				sl.fuzzT = append(sl.fuzzT, t)
			}
		}
	}
}

// fuzzyTerms returns up to n indexed exact words within the typo distance of
// word, closest and most frequent first.
func fuzzyTerms(r index.IndexReader, word string, n int) []string {
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
	for de, err := d.Next(); err == nil && de != nil; de, err = d.Next() {
		cs = append(cs, cand{de.Term, de.EditDistance, de.Count})
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

// didYouMean proposes the query with each unknown word replaced by its
// closest indexed word, when results are poor: nothing found, or the best
// hit matched a word only through typo tolerance.
func (e *Engine) didYouMean(snap *snapshot, aq *analyzedQuery, ranked []scored) string {
	corrected := false
	words := make([]string, 0, len(aq.slots))
	for _, sl := range aq.slots {
		if sl.stem == 0 && sl.exact == 0 && len(sl.fuzzT) > 0 {
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
