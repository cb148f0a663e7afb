package search

import (
	"context"

	"github.com/spravka/spravka"
)

// SuggestSignals exposes the confidence rule's inputs to the calibration
// test in package search_test: the first suggestion's article id, the
// share of query weight it matched and its lead over the runner-up.
func (e *Engine) SuggestSignals(ctx context.Context, r spravka.SuggestRequest) (top string, coverage, margin float64, err error) {
	out, ranked, err := e.suggest(ctx, r)
	if err != nil || len(out.Suggestions) == 0 {
		return "", 0, 0, err
	}
	sg, _ := signalsOf(ranked)
	return out.Suggestions[0].Article.ID, sg.coverage, sg.margin, nil
}

// The thresholds of the confidence rule, for the calibration test.
const (
	ConfidentCoverage = confidentCoverage
	ConfidentMargin   = confidentMargin
)
