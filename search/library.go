package search

import (
	"context"
	"runtime"
	"sort"
	"sync"

	"github.com/spravka/spravka"
)

// Article returns the article id in lang when access may see it. Invisible
// articles are reported exactly like missing ones.
func (e *Engine) Article(_ context.Context, id, lang string, access spravka.Access) (*spravka.Article, error) {
	en, ok := e.snap.Load().entries[lang+"/"+id]
	if !ok || !access.CanSee(en.art) {
		return nil, spravka.Errorf(spravka.ErrNotFound, "article %q not found in language %q", id, lang)
	}
	return en.art, nil
}

// Translations returns the other language versions of art that access may see.
func (e *Engine) Translations(_ context.Context, art *spravka.Article, access spravka.Access) []*spravka.Article {
	var out []*spravka.Article
	for _, en := range e.snap.Load().byTrans[art.Translation] {
		if en.art.Lang != art.Lang && access.CanSee(en.art) {
			out = append(out, en.art)
		}
	}
	return out
}

// Categories lists the categories of lang that have articles access may
// see, ordered by weight, then title.
func (e *Engine) Categories(_ context.Context, lang string, access spravka.Access) ([]spravka.Category, error) {
	snap := e.snap.Load()
	counts := map[string]int{}
	for _, en := range snap.entries {
		if en.art.Lang == lang && access.CanSee(en.art) {
			counts[en.art.Category]++
		}
	}
	out := make([]spravka.Category, 0, len(counts))
	for id, n := range counts {
		c, ok := snap.categories[lang][id]
		if !ok {
			c = spravka.Category{ID: id, Title: id}
		}
		c.ID, c.Lang, c.Count, c.URL = id, lang, n, "/"+lang+"/"+id+"/"
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight < out[j].Weight
		}
		return out[i].Title < out[j].Title
	})
	return out, nil
}

// Articles lists the articles of lang (and category, when not empty) that
// access may see, ordered by weight, then title.
func (e *Engine) Articles(_ context.Context, lang, category string, access spravka.Access) []*spravka.Article {
	var out []*spravka.Article
	for _, en := range e.snap.Load().entries {
		a := en.art
		if a.Lang == lang && (category == "" || a.Category == category) && access.CanSee(a) {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight < out[j].Weight
		}
		return out[i].Title < out[j].Title
	})
	return out
}

// Alias resolves an old path listed in some article's aliases.
func (e *Engine) Alias(path string, access spravka.Access) (*spravka.Article, bool) {
	snap := e.snap.Load()
	key, ok := snap.aliases[normalizeAlias(path)]
	if !ok {
		return nil, false
	}
	en := snap.entries[key]
	if en == nil || !access.CanSee(en.art) {
		return nil, false
	}
	return en.art, true
}

// analyzeAll builds the ranking data of arts on all cores.
func (e *Engine) analyzeAll(ctx context.Context, arts []*spravka.Article) []*entry {
	out := make([]*entry, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a := arts[i]
				out[i] = &entry{art: a, rank: e.an.rankDoc(e.dict, a), words: e.an.titleWordsOf(a.Key(), a)}
			}
		}()
	}
	for i := range arts {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	res := out[:0]
	for _, en := range out {
		if en != nil {
			res = append(res, en)
		}
	}
	return res
}
