package search

import (
	"context"
	"sort"

	"github.com/spravka/spravka"
)

// FeatureRow is one candidate of a query with the features the ranker
// combines, for learning the model (eval/train.go).
type FeatureRow struct {
	ID       string    // article id
	Features []float64 // in FeatureNames order
}

// RankFeatures returns the candidates that Search ranks for q in q.Lang,
// with their features, in the order Search breaks score ties (article
// weight, then key), so that ordering the rows by any model's score
// reproduces what Search would answer with that model.
func (e *Engine) RankFeatures(ctx context.Context, q spravka.Query) ([]FeatureRow, error) {
	if !e.Ready() {
		return nil, spravka.ErrNotReady
	}
	q.Page, q.PerPage = 1, max(q.PerPage, 1)
	snap := e.snap.Load()
	aq, _ := e.analyzeSearch(newAsker(snap, q.Access), q, q.Lang)
	ranked, _, _, err := e.rank(ctx, snap, q, aq, q.Lang, false, -1) // every candidate's features, in full
	if err != nil {
		return nil, err
	}
	sort.SliceStable(ranked, func(i, j int) bool {
		a, b := ranked[i].e.art, ranked[j].e.art
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Key() < b.Key()
	})
	rows := make([]FeatureRow, len(ranked))
	for i, sc := range ranked {
		rows[i] = FeatureRow{ID: sc.e.art.ID, Features: append([]float64(nil), sc.m.feat[:]...)}
	}
	return rows, nil
}
