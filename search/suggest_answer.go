package search

import (
	"context"

	"github.com/spravka/spravka"
)

// answer is the ranking of one text with its grade.
type answer struct {
	ranked    []scored
	sg        confidenceSignals
	grade     spravka.MatchGrade
	confident bool
}

// answer ranks text (a message's topic) in q's language and grades the
// ranking.
func (e *Engine) answer(ctx context.Context, snap *snapshot, who *asker, q spravka.Query, text string, limit int) (answer, error) {
	q.Text = text
	aq := e.analyze(who, text, q.Lang)
	e.expandFuzzy(aq)
	ranked, err := e.suggestRank(ctx, snap, q, aq, limit)
	if err != nil {
		return answer{}, err
	}
	return graded(ranked), nil
}

// graded grades a ranking. An answer graded none is never confident, so
// that good ⊇ confident.
func graded(ranked []scored) answer {
	sg, ok := signalsOf(ranked)
	a := answer{ranked: ranked, sg: sg, grade: gradeOf(sg, ok)}
	a.confident = a.grade != spravka.MatchNone && sg.confident()
	return a
}

// suggestions renders the first limit articles of an answer; an answer
// graded none has none.
func (e *Engine) suggestions(a answer, limit int) []spravka.Suggestion {
	out := []spravka.Suggestion{}
	if a.grade == spravka.MatchNone {
		return out
	}
	for _, sc := range a.ranked[:min(limit, len(a.ranked))] {
		out = append(out, e.suggestion(sc))
	}
	return out
}
