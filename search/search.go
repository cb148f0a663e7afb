package search

import (
	"context"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/spravka/spravka"
)

// Search answers a query: candidates from bleve, re-ranked in memory,
// deduplicated per article, each hit pointing at its best section.
func (e *Engine) Search(ctx context.Context, q spravka.Query) (*spravka.Result, error) {
	start := time.Now()
	if !e.Ready() {
		return nil, spravka.ErrNotReady
	}
	if q.Page < 1 {
		q.Page = 1
	}
	if q.PerPage < 1 {
		q.PerPage = spravka.DefaultPerPage
	}
	snap := e.snap.Load()
	who := newAsker(snap, q.Access)
	choice := fixedLang(q.Lang)
	if q.Lang == "" {
		choice = e.chooseLangs(who, q.Text, q.PreferLangs)
	}
	lang := choice.langs[0]
	res := &spravka.Result{Query: q.Text, Lang: lang, Hits: []spravka.Hit{}, Facets: emptyFacets()}

	aq, corrected := e.analyzeSearch(who, q, lang)
	if corrected != "" {
		res.Corrected, res.Correction = corrected, "layout"
		if q.Lang == "" {
			res.Lang = aq.lang
		}
	}

	filterLang := res.Lang
	ranked, total, facets, err := e.rank(ctx, snap, q, aq, filterLang, q.Facets, q.Page*q.PerPage)
	if err != nil {
		return nil, err
	}
	// The other languages the text may be in come before a fallback: an
	// answer in one of them answers the query in its language.
	for _, l := range choice.langs[1:] {
		if len(ranked) > 0 || res.Corrected != "" {
			break
		}
		a := choice.analysis(e, who, q.Text, l)
		e.expandFuzzy(a)
		r, t, f, err := e.rank(ctx, snap, q, a, l, q.Facets, q.Page*q.PerPage)
		if err != nil {
			return nil, err
		}
		if len(r) > 0 {
			ranked, total, facets, aq, res.Lang, filterLang = r, t, f, a, l, l
		}
	}
	if len(ranked) == 0 && !q.NoFallback && filterLang != "" {
		ranked, total, facets, err = e.rank(ctx, snap, q, aq, "", q.Facets, q.Page*q.PerPage)
		if err != nil {
			return nil, err
		}
		res.Fallback = len(ranked) > 0
	}
	res.Total = total
	res.Facets = facets
	if dym := e.didYouMean(aq); dym != "" && dym != q.Text {
		res.DidYouMean = dym
	}
	from := (q.Page - 1) * q.PerPage
	for i := from; i < len(ranked) && i < from+q.PerPage; i++ {
		if q.Bare {
			a := ranked[i].e.art
			res.Hits = append(res.Hits, spravka.Hit{ID: a.ID, Title: a.Title, URL: a.URL(), Lang: a.Lang, Score: ranked[i].m.score})
			continue
		}
		res.Hits = append(res.Hits, e.hit(snap, aq, ranked[i]))
	}
	res.Took = time.Since(start)
	res.TookMS = float64(res.Took.Microseconds()) / 1000
	return res, nil
}

// analyzeSearch analyses a search query in lang, switching to the
// keyboard-layout correction (returned as text) when that reads better.
func (e *Engine) analyzeSearch(who *asker, q spravka.Query, lang string) (*analyzedQuery, string) {
	aq := e.analyze(who, q.Text, lang)
	corrected := ""
	if fixed, text := e.fixLayout(q, aq); fixed != nil {
		aq, corrected = fixed, text
	}
	e.expandFuzzy(aq)
	return aq, corrected
}

// scored is a ranked candidate.
type scored struct {
	e *entry
	m match
	s *scorer
}

// rank returns the candidates of lang (any language when empty) in ranking
// order, with the number of matches and, when asked, the facets.
func (e *Engine) rank(ctx context.Context, snap *snapshot, q spravka.Query, aq *analyzedQuery, lang string, wantFacets bool, need int) ([]scored, int, map[string][]spravka.Facet, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, nil, err
	}
	n := max(e.cfg.Ranking.Candidates, q.Page*q.PerPage)
	// Within one language the query is analysed once; across languages
	// (fallback) each language analyses it its own way.
	byLang := map[string]*analyzedQuery{aq.lang: aq}
	if lang == "" {
		for _, l := range spravka.Languages {
			if l != aq.lang {
				a := e.analyze(aq.who, q.Text, l)
				e.expandFuzzy(a)
				byLang[l] = a
			}
		}
	} else {
		byLang = map[string]*analyzedQuery{lang: aq}
	}
	cands, total, facets := e.candidates(snap, q, byLang, lang, n, wantFacets)
	return e.scoreAll(snap, cands, byLang, need), total, facets, nil
}

// scoreAll scores candidates with the ranker, each against the query as
// analysed in its own language, and orders them: the one ranking path of
// search and suggest.
func (e *Engine) scoreAll(snap *snapshot, cands []*entry, byLang map[string]*analyzedQuery, need int) []scored {
	scorers := map[string]*scorer{}
	out := make([]scored, 0, len(cands))
	for _, en := range cands {
		l := en.art.Lang
		s, ok := scorers[l]
		if !ok {
			s = e.newScorer(byLang[l], snap.stats[l])
			scorers[l] = s
		}
		if m := s.score(en.rank); m.matched != nil {
			out = append(out, scored{e: en, m: m, s: s})
		}
	}
	out = addProximity(out, need)
	sort.Slice(out, func(i, j int) bool { return rankedBefore(out[i], out[j]) })
	return out
}

// addProximity completes the scores with the proximity feature, the one
// that needs positions, and returns the candidates whose order is exact
// for the first need (all when need ≤ 0). Proximity only adds, by at most
// proximityBound: a candidate whose score plus that bound stays below the
// need-th best score without proximity cannot reach the first need, so its
// token sequences are never walked — it is dropped. The first need are
// exactly those of scoring every candidate in full.
func addProximity(out []scored, need int) []scored {
	cut := math.Inf(-1)
	if need > 0 && need < len(out) {
		partial := make([]float64, len(out))
		for i, sc := range out {
			partial[i] = sc.m.score
		}
		slices.Sort(partial)
		cut = partial[len(partial)-need]
	}
	kept := out[:0]
	for _, sc := range out {
		s := sc.s
		if s.proxMax == 0 {
			kept = append(kept, sc)
			continue
		}
		if sc.m.score+s.proximityBound(&sc.m) < cut {
			continue
		}
		if p := s.proximity(sc.e.rank); p > 0 {
			sc.m.feat[ftProximity] = p
			sc.m.score = s.model.score(&sc.m.feat)
		}
		kept = append(kept, sc)
	}
	return kept
}

// hit renders a ranked candidate for the API.
func (e *Engine) hit(snap *snapshot, aq *analyzedQuery, sc scored) spravka.Hit {
	a := sc.e.art
	h := spravka.Hit{ID: a.ID, Title: a.Title, URL: a.URL(), Lang: a.Lang, Category: a.Category,
		Audience: a.Audience, Score: round3(sc.m.score)}
	sec := bestSection(sc.s, sc.e.rank)
	if sec >= 0 {
		s := a.Sections[sec]
		h.Section = &spravka.SectionRef{ID: s.ID, Title: s.Title, URL: a.SectionURL(s.ID)}
	}
	h.Snippet = e.snippet(sc.s, a, sc.e.rank, sec, 200)
	for i, ok := range sc.m.matched {
		if ok {
			h.MatchedTerms = append(h.MatchedTerms, sc.s.q.slots[i].word)
		}
	}
	return h
}

func leadText(a *spravka.Article) string {
	switch {
	case a.Lead != "":
		return a.Lead
	case a.Summary != "":
		return a.Summary
	case len(a.Sections) > 0:
		return a.Sections[0].Text
	}
	return ""
}

func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }
