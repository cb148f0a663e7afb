package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/spravka/spravka"
)

// filterQuery is the part of every index query that decides what the caller
// may see and what they narrowed to. Access is enforced here, inside the
// index query, never by dropping hits afterwards.
func filterQuery(q spravka.Query, lang string) []query.Query {
	var must []query.Query
	term := func(field, value string) *query.TermQuery {
		t := bleve.NewTermQuery(value)
		t.SetField(field)
		return t
	}
	if lang != "" {
		must = append(must, term(fieldLang, lang))
	}
	if auds := q.Access.Audiences(); auds != nil {
		var any []query.Query
		for _, a := range auds {
			any = append(any, term(fieldVisible, a))
		}
		if len(any) == 1 {
			must = append(must, any[0])
		} else {
			must = append(must, bleve.NewDisjunctionQuery(any...))
		}
	}
	if q.Category != "" {
		must = append(must, term(fieldCategory, q.Category))
	}
	if q.Tag != "" {
		must = append(must, term(fieldTag, q.Tag))
	}
	if q.Product != "" {
		must = append(must, term(fieldProduct, q.Product))
	}
	return must
}

// candidateQuery matches documents that contain any slot's stem, synonym,
// exact word or typo-corrected word. Terms are built directly from analysed
// text: user input never reaches bleve's query-string syntax.
func candidateQuery(aqs ...*analyzedQuery) query.Query {
	var should []query.Query
	term := func(field, value string, boost float64) {
		t := bleve.NewTermQuery(value)
		t.SetField(field)
		t.SetBoost(boost)
		should = append(should, t)
	}
	seen := map[string]bool{}
	for _, aq := range aqs {
		for _, sl := range aq.slots {
			if seen[sl.stemT] {
				continue
			}
			seen[sl.stemT] = true
			term(fieldAll, sl.stemT, 1)
			for _, a := range sl.altT {
				term(fieldAll, a, 0.8)
			}
			for _, f := range sl.fuzzT {
				term(fieldAllExact, f, 0.5)
			}
		}
	}
	if len(should) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewDisjunctionQuery(should...)
}

// candidates runs the bleve query and returns the keys of the best n
// documents by bleve's own BM25, the total and the facets.
func (e *Engine) candidates(ctx context.Context, q spravka.Query, aqs []*analyzedQuery, lang string, n int, facets bool) ([]string, int, *bleve.SearchResult, error) {
	// A conjunction, not a boolean must/should: bleve's conjunction
	// leapfrogs from its rarest clause, where a boolean query would walk
	// every document of the language filter.
	clauses := append([]query.Query{candidateQuery(aqs...)}, filterQuery(q, lang)...)
	var root query.Query = bleve.NewConjunctionQuery(clauses...)
	if len(q.Exclude) > 0 {
		var keys []string
		for _, id := range q.Exclude {
			for _, l := range spravka.Languages {
				keys = append(keys, l+"/"+id)
			}
		}
		bq := bleve.NewBooleanQuery()
		bq.AddMust(root)
		bq.AddMustNot(bleve.NewDocIDQuery(keys))
		root = bq
	}
	req := bleve.NewSearchRequestOptions(root, n, 0, false)
	if facets {
		req.AddFacet("category", bleve.NewFacetRequest(fieldCategory, 50))
		req.AddFacet("tag", bleve.NewFacetRequest(fieldTag, 50))
		req.AddFacet("product", bleve.NewFacetRequest(fieldProduct, 20))
	}
	res, err := e.index().SearchInContext(ctx, req)
	if err != nil {
		return nil, 0, nil, fmt.Errorf("search index: %w", err)
	}
	keys := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		keys[i] = h.ID
	}
	return keys, int(res.Total), res, nil
}
