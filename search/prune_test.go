package search_test

import (
	"context"
	"testing"

	"github.com/spravka/spravka"
)

// TestPageIsTheTopOfTheFullRanking checks the proximity pruning of the
// ranker: a page of k hits must be exactly the first k of ranking every
// candidate in full, ids and scores, for queries of every length over the
// sample help center (titles, questions and headings as queries).
func TestPageIsTheTopOfTheFullRanking(t *testing.T) {
	e := sampleEngine(t)
	var texts []spravka.Query
	for _, a := range e.Served() {
		texts = append(texts, spravka.Query{Text: a.Title, Lang: a.Lang})
		for _, q := range a.Questions {
			texts = append(texts, spravka.Query{Text: q, Lang: a.Lang})
		}
		for _, s := range a.Sections {
			texts = append(texts, spravka.Query{Text: s.Title + " " + a.Title, Lang: a.Lang})
		}
	}
	compared := 0
	for _, q := range texts {
		q.Access = spravka.Access{Preview: true}
		q.Page, q.PerPage = 1, 200
		full, err := e.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, page := range []struct{ page, per int }{{1, 1}, {1, 3}, {2, 3}, {1, 10}} {
			q.Page, q.PerPage = page.page, page.per
			got, err := e.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			from := (page.page - 1) * page.per
			for i, h := range got.Hits {
				w := full.Hits[from+i]
				if h.ID != w.ID || h.Lang != w.Lang || h.Score != w.Score {
					t.Fatalf("%q page %d of %d, hit %d: %s %.3f, full ranking has %s %.3f", q.Text, page.page, page.per, i, h.ID, h.Score, w.ID, w.Score)
				}
				compared++
			}
		}
	}
	if compared < 1000 {
		t.Fatalf("only %d hits compared", compared)
	}
}
