package search

import (
	"context"
	"sort"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/search/langid"
)

// suggestCandidates is how many bleve hits suggest re-scores. Fewer than
// search's: an agent reads five suggestions, never page three, and a long
// message's rare words already single out the few articles that matter.
const suggestCandidates = 30

// Suggest returns the articles that answer a customer's message, each with
// the passage of its best section, graded (Match) and, when the message
// asks several questions, answered per question. It is Search cut down to
// what an agent needs — no facets, corrections or pages — and ranks only
// the message's topic (topicText), so a pasted message of a few hundred
// words answers in a few milliseconds.
func (e *Engine) Suggest(ctx context.Context, r spravka.SuggestRequest) (*spravka.Suggestions, error) {
	out, _, err := e.suggest(ctx, r)
	return out, err
}

// suggest also returns the answer behind the list, for the calibration of
// the confidence rule and the grade.
func (e *Engine) suggest(ctx context.Context, r spravka.SuggestRequest) (*spravka.Suggestions, answer, error) {
	start := time.Now()
	if !e.Ready() {
		return nil, answer{}, spravka.ErrNotReady
	}
	limit := r.Limit
	if limit <= 0 {
		limit = spravka.DefaultSuggestions
	}
	limit = min(limit, spravka.MaxSuggestions)
	snap := e.snap.Load()
	who := newAsker(snap, r.Access)
	out := &spravka.Suggestions{Suggestions: []spravka.Suggestion{}}
	// The language comes from the whole message, greetings included: they
	// say nothing of the topic but much of the language.
	out.DetectedLang, _ = langid.Detect(detectable(r.Text))
	out.Lang = r.Lang
	if out.Lang == "" {
		// As for a search, except that the agent's own languages say
		// nothing about the customer's.
		out.Lang = e.chooseLangs(who, r.Text, nil).langs[0]
	}
	q := spravka.Query{Lang: out.Lang, Category: r.Category, Product: r.Product,
		Access: r.Access, Exclude: r.Exclude, Page: 1, PerPage: limit}

	body := messageBody(r.Text)
	all, err := e.answer(ctx, snap, who, q, topicText(body), limit)
	if err != nil {
		return nil, answer{}, err
	}
	out.Match, out.Confident, out.Suggestions = all.grade, all.confident, e.suggestions(all, limit)
	if out.Questions, err = e.answerQuestions(ctx, snap, who, q, body, limit); err != nil {
		return nil, answer{}, err
	}
	out.Took = time.Since(start)
	return out, all, nil
}

// suggestRank scores the best bleve candidates of lang (every language of
// byLang when empty) with the engine's ranker, each against the message as
// byLang analyses it in its language, and returns the top limit+1: one
// more than asked, so the confidence rule can see the runner-up even when
// one suggestion is asked.
func (e *Engine) suggestRank(ctx context.Context, snap *snapshot, q spravka.Query, byLang map[string]*analyzedQuery, lang string, limit int) ([]scored, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	find := make(map[string]*analyzedQuery, len(byLang))
	for l, a := range byLang {
		find[l] = candidateTerms(a, snap.stats[l])
	}
	cands, _, _ := e.candidates(snap, q, find, lang, max(suggestCandidates, limit+1), false)
	out := e.scoreAll(snap, cands, byLang, limit+1)
	if len(out) > limit+1 {
		out = out[:limit+1]
	}
	return out, nil
}

// Candidate terms. A pasted message keeps up to Ranking.MaxTerms words;
// the common ones among them have postings lists of thousands of documents
// and cost most of the index query while adding few documents that rarer
// words would not find. So in a large help center the rarest words find
// the candidates and every word ranks them, as in MaxScore-style
// retrieval. The cut is by absolute document frequency, because that is
// what a postings list costs: a small help center keeps every word.
const (
	maxCandidateTerms = 6
	minCandidateTerms = 3
	// commonDF is the document frequency above which a word is too common
	// to look candidates up by.
	commonDF = 100
)

// candidateTerms returns aq cut to the words that find candidates: at most
// maxCandidateTerms of the rarest known words, without the common ones
// unless fewer than minCandidateTerms would be left. Words the index does
// not know (and has no typo-corrections for) find nothing and cost
// nothing, so they are kept without counting.
func candidateTerms(aq *analyzedQuery, st *langStats) *analyzedQuery {
	if st == nil || len(aq.slots) <= minCandidateTerms {
		return aq
	}
	common := idf(st, commonDF)
	byIDF := make([]int, len(aq.slots))
	for i := range byIDF {
		byIDF[i] = i
	}
	sort.SliceStable(byIDF, func(a, b int) bool { return aq.slots[byIDF[a]].idf > aq.slots[byIDF[b]].idf })
	var keep []int
	known := 0
	for _, i := range byIDF {
		sl := aq.slots[i]
		if sl.stem == 0 && len(sl.alts) == 0 && len(sl.fuzzy) == 0 {
			keep = append(keep, i)
			continue
		}
		if known == maxCandidateTerms || (known >= minCandidateTerms && sl.idf < common) {
			continue
		}
		keep = append(keep, i)
		known++
	}
	if len(keep) == len(aq.slots) {
		return aq
	}
	sort.Ints(keep)
	out := &analyzedQuery{lang: aq.lang, known: aq.known, slots: make([]slot, 0, len(keep))}
	for _, i := range keep {
		out.slots = append(out.slots, aq.slots[i])
	}
	return out
}

// rankedBefore orders by score, then by the writer's weight, then by key,
// the order Search uses, so both APIs agree on ties.
func rankedBefore(a, b scored) bool {
	if a.m.score != b.m.score {
		return a.m.score > b.m.score
	}
	if a.e.art.Weight != b.e.art.Weight {
		return a.e.art.Weight < b.e.art.Weight
	}
	return a.e.art.Key() < b.e.art.Key()
}

// suggestion renders a ranked article with its best section and passage.
func (e *Engine) suggestion(sc scored) spravka.Suggestion {
	a := sc.e.art
	sg := spravka.Suggestion{
		Article: spravka.SuggestedArticle{ID: a.ID, Title: a.Title, URL: a.URL(), Lang: a.Lang, Audience: a.Audience},
		Score:   round3(sc.m.score), MatchedTerms: []string{},
	}
	text := leadText(a)
	if sec := bestSection(sc.s, sc.e.rank); sec >= 0 {
		s := a.Sections[sec]
		sg.Section = &spravka.SectionRef{ID: s.ID, Title: s.Title, URL: a.SectionURL(s.ID)}
		text = s.Text
	}
	sg.Passage, sg.PassageHTML = e.passage(sc.s, a.Lang, text, spravka.MaxPassageRunes)
	for i, ok := range sc.m.matched {
		if ok {
			sg.MatchedTerms = append(sg.MatchedTerms, sc.s.q.slots[i].word)
		}
	}
	return sg
}
