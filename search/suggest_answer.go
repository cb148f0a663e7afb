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
// ranking. When that language has no good answer, it ranks text in the
// other languages, as search falls back when a language has no hits, and
// takes that ranking when it is good and covers more of the message than
// the best in the customer's language (weighed as that language weighs
// it, see signalsIn): a Ukrainian customer whose question only a Russian
// or English article answers gets that article, marked with its language.
// A weak answer that covers as much stays: its first article is often
// right, and the other language's would often be its translation.
func (e *Engine) answer(ctx context.Context, snap *snapshot, who *asker, q spravka.Query, text string, limit int) (answer, error) {
	q.Text = text
	aq := e.analyze(who, text, q.Lang)
	e.expandFuzzy(aq)
	ranked, err := e.suggestRank(ctx, snap, q, map[string]*analyzedQuery{q.Lang: aq}, q.Lang, limit)
	if err != nil {
		return answer{}, err
	}
	own := graded(ranked, nil)
	if own.grade == spravka.MatchGood || len(aq.slots) == 0 {
		return own, nil
	}
	others := e.otherLanguages(aq, own.sg.known)
	if len(others) == 0 {
		return own, nil
	}
	ranked, err = e.suggestRank(ctx, snap, q, others, "", limit)
	if err != nil {
		return answer{}, err
	}
	if any := graded(ranked, aq); any.grade == spravka.MatchGood && any.sg.known > own.sg.known {
		return any, nil
	}
	return own, nil
}

// graded grades a ranking, weighing the message as own does when the
// first suggestion is in another language (nil: in its own). An answer
// graded none is never confident, so that good ⊇ confident.
func graded(ranked []scored, own *analyzedQuery) answer {
	sg, ok := signalsIn(ranked, own)
	a := answer{ranked: ranked, sg: sg, grade: gradeOf(sg, ok)}
	a.confident = a.grade != spravka.MatchNone && sg.confident()
	return a
}

// questionLimit is how many suggestions each question of a message gets.
const questionLimit = 3

// answerQuestions answers each question of a message that asks two or
// more with enough words to answer (a grade above none); otherwise it
// returns nil, and the overall list is the answer.
func (e *Engine) answerQuestions(ctx context.Context, snap *snapshot, who *asker, q spravka.Query, body string, limit int) ([]spravka.QuestionSuggestions, error) {
	qs := splitQuestions(body)
	if len(qs) < 2 {
		return nil, nil
	}
	limit = min(limit, questionLimit)
	var texts []string
	var answers []answer
	for _, text := range qs {
		a, err := e.answer(ctx, snap, who, q, topicText(text), limit)
		if err != nil {
			return nil, err
		}
		if a.grade != spravka.MatchNone {
			texts, answers = append(texts, text), append(answers, a)
		}
	}
	if len(answers) < 2 {
		return nil, nil
	}
	out := make([]spravka.QuestionSuggestions, len(answers))
	for i, a := range answers {
		out[i] = spravka.QuestionSuggestions{Text: texts[i], Match: a.grade, Suggestions: e.suggestions(a, limit)}
	}
	return out, nil
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
