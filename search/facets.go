package search

import (
	"github.com/blevesearch/bleve/v2"

	"github.com/spravka/spravka"
)

var facetNames = [...]string{"category", "tag", "product"}

func emptyFacets() map[string][]spravka.Facet {
	m := make(map[string][]spravka.Facet, len(facetNames))
	for _, n := range facetNames {
		m[n] = []spravka.Facet{}
	}
	return m
}

// facetsOf converts bleve's facet counts; bleve already orders them by count.
func facetsOf(res *bleve.SearchResult) map[string][]spravka.Facet {
	out := emptyFacets()
	if res == nil {
		return out
	}
	for _, name := range facetNames {
		fr, ok := res.Facets[name]
		if !ok || fr.Terms == nil {
			continue
		}
		for _, t := range fr.Terms.Terms() {
			out[name] = append(out[name], spravka.Facet{Value: t.Term, Count: t.Count})
		}
	}
	return out
}
