package search

import "github.com/spravka/spravka"

var facetNames = [...]string{"category", "tag", "product"}

func emptyFacets() map[string][]spravka.Facet {
	m := make(map[string][]spravka.Facet, len(facetNames))
	for _, n := range facetNames {
		m[n] = []spravka.Facet{}
	}
	return m
}
