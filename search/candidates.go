package search

import (
	"sort"

	"github.com/spravka/spravka"
)

// candidates returns the best n documents of lang (every language when
// empty) by the first stage, how many documents matched in all and, when
// asked, the facets of all of them. byLang holds the query analysed in
// each language to search.
func (e *Engine) candidates(snap *snapshot, q spravka.Query, byLang map[string]*analyzedQuery, lang string, n int, facets bool) ([]*entry, int, map[string][]spravka.Facet) {
	filter := newDocFilter(q)
	langs := spravka.Languages
	if lang != "" {
		langs = []string{lang}
	}
	var out, matched []*entry
	total := 0
	for _, l := range langs {
		aq, ok := byLang[l]
		if !ok {
			continue
		}
		top, all, count := snap.postings[l].firstStage(aq, e.fuzzyStems(aq), n, filter, facets)
		out = append(out, top...)
		matched = append(matched, all...)
		total += count
	}
	fs := emptyFacets()
	if facets {
		fs = countFacets(matched)
	}
	return out, total, fs
}

// fuzzyStems returns, per slot, the stems of its typo-corrected words.
func (e *Engine) fuzzyStems(aq *analyzedQuery) [][]uint32 {
	var out [][]uint32
	for i, sl := range aq.slots {
		if len(sl.fuzzT) == 0 {
			continue
		}
		if out == nil {
			out = make([][]uint32, len(aq.slots))
		}
		for _, w := range sl.fuzzT {
			for _, s := range e.an.stems(aq.lang, w) {
				if id, ok := e.dict.lookup(s); ok {
					out[i] = append(out[i], id)
				}
			}
		}
	}
	return out
}

// facetLimits are how many values of each facet are returned.
var facetLimits = map[string]int{"category": 50, "tag": 50, "product": 20}

// countFacets counts the category, tags and products of the matched
// articles, most frequent first.
func countFacets(matched []*entry) map[string][]spravka.Facet {
	counts := map[string]map[string]int{"category": {}, "tag": {}, "product": {}}
	for _, en := range matched {
		if c := en.art.Category; c != "" {
			counts["category"][c]++
		}
		for _, t := range en.art.Tags {
			counts["tag"][t]++
		}
		for _, p := range en.art.Products {
			counts["product"][p]++
		}
	}
	out := emptyFacets()
	for name, m := range counts {
		list := out[name]
		for v, c := range m {
			list = append(list, spravka.Facet{Value: v, Count: c})
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].Count != list[j].Count {
				return list[i].Count > list[j].Count
			}
			return list[i].Value < list[j].Value
		})
		out[name] = list[:min(len(list), facetLimits[name])]
	}
	return out
}
