package eval

import (
	"context"
	"fmt"
	"time"

	"github.com/spravka/spravka"
)

// Depth is how many results are fetched per query: MAP looks at the top 1000.
const Depth = 1000

// Run searches every query with s, restricted to the query's language, and
// returns the macro-averaged metrics.
func Run(ctx context.Context, s spravka.Searcher, queries []Query, qrels Qrels) (Metrics, error) {
	var m Metrics
	var took []time.Duration
	for _, q := range queries {
		rel := qrels[q.ID]
		if len(rel) == 0 {
			continue // the README promises none; skipping keeps averages honest
		}
		start := time.Now()
		res, err := s.Search(ctx, spravka.Query{Text: q.Text, Lang: q.Lang, PerPage: Depth, Page: 1,
			Access: spravka.Access{Preview: true}, NoFallback: true, Bare: true})
		took = append(took, time.Since(start))
		if err != nil {
			return m, fmt.Errorf("query %s: %w", q.ID, err)
		}
		ranked := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			ranked[i] = h.ID
		}
		mrr, p1, r5, r10, ndcg, ap := queryMetrics(ranked, rel)
		o := Outcome{ID: q.ID, Text: q.Text, Rank: firstRelevant(ranked, rel)}
		if len(ranked) > 0 {
			o.Top = ranked[0]
		}
		m.Outcomes = append(m.Outcomes, o)
		m.Queries++
		m.MRR10 += mrr
		m.P1 += p1
		m.R5 += r5
		m.R10 += r10
		m.NDCG10 += ndcg
		m.MAP += ap
	}
	if m.Queries > 0 {
		n := float64(m.Queries)
		m.MRR10 /= n
		m.P1 /= n
		m.R5 /= n
		m.R10 /= n
		m.NDCG10 /= n
		m.MAP /= n
	}
	m.P50MS = percentile(took, 50)
	m.P99MS = percentile(took, 99)
	return m, nil
}

// firstRelevant is the 1-based rank of the first relevant id, 0 if none.
func firstRelevant(ranked []string, rel map[string]float64) int {
	for i, id := range ranked {
		if rel[id] > 0 {
			return i + 1
		}
	}
	return 0
}
