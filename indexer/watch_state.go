package indexer

import (
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/spravka/spravka"
)

// liveState is the content as the watcher serves it, by file path. It is
// copied and changed for each batch, never changed in place once
// published.
type liveState struct {
	arts     map[string]*spravka.Article  // last good version of each article file
	cats     map[string]*categoryIndex    // last good version of each _index file
	synonyms map[string][][]string        // last good groups of each _synonyms file
	assets   map[string]bool              // other files, for link checks
	problems map[string][]spravka.Problem // problems of each file's latest read
}

func newLiveState() *liveState {
	return &liveState{arts: map[string]*spravka.Article{}, cats: map[string]*categoryIndex{},
		synonyms: map[string][][]string{}, assets: map[string]bool{}, problems: map[string][]spravka.Problem{}}
}

// stateFromServed seeds the state from what the engine restored from its
// cache; categories, synonyms and assets arrive with the first rescan.
func stateFromServed(arts []*spravka.Article) *liveState {
	s := newLiveState()
	for _, a := range arts {
		s.arts[a.Path] = a
	}
	return s
}

func (s *liveState) clone() *liveState {
	return &liveState{arts: maps.Clone(s.arts), cats: maps.Clone(s.cats), synonyms: maps.Clone(s.synonyms),
		assets: maps.Clone(s.assets), problems: maps.Clone(s.problems)}
}

// has reports whether the state knows p as a file of any kind.
func (s *liveState) has(p string) bool {
	_, a := s.arts[p]
	_, c := s.cats[p]
	_, y := s.synonyms[p]
	return a || c || y || s.assets[p]
}

// removeUnder drops p and, if p was a folder, everything below it; it
// returns the articles dropped.
func (s *liveState) removeUnder(p string) []*spravka.Article {
	under := func(q string) bool { return q == p || p == "." || strings.HasPrefix(q, p+"/") }
	var gone []*spravka.Article
	for q, a := range s.arts {
		if under(q) {
			gone = append(gone, a)
			delete(s.arts, q)
		}
	}
	maps.DeleteFunc(s.cats, func(q string, _ *categoryIndex) bool { return under(q) })
	maps.DeleteFunc(s.synonyms, func(q string, _ [][]string) bool { return under(q) })
	maps.DeleteFunc(s.assets, func(q string, _ bool) bool { return under(q) })
	maps.DeleteFunc(s.problems, func(q string, _ []spravka.Problem) bool { return under(q) })
	return gone
}

// sortedArticles returns the articles in path order, as Load does.
func (s *liveState) sortedArticles() []*spravka.Article {
	out := slices.Collect(maps.Values(s.arts))
	slices.SortFunc(out, func(a, b *spravka.Article) int { return strings.Compare(a.Path, b.Path) })
	return out
}

func (s *liveState) categoryMap() map[string]map[string]spravka.Category {
	indexes := slices.Collect(maps.Values(s.cats))
	slices.SortFunc(indexes, func(a, b *categoryIndex) int { return strings.Compare(a.path, b.path) })
	cats, _ := buildCategories(indexes, s.sortedArticles())
	return cats
}

func (s *liveState) synonymMap() map[string][][]string {
	out := map[string][][]string{}
	for p, groups := range s.synonyms {
		out[synonymsLang(p)] = groups
	}
	return out
}

// corpus is the state in the shape Load returns.
func (s *liveState) corpus() *Corpus {
	c := &Corpus{Articles: s.sortedArticles(), Categories: s.categoryMap(), Synonyms: s.synonymMap(), Assets: maps.Clone(s.assets)}
	for _, ps := range s.problems {
		c.Problems = append(c.Problems, ps...)
	}
	slices.SortStableFunc(c.Problems, cmpProblems)
	return c
}

// urls maps the path of every article and _index file to its site URL, for
// rewriting links between articles.
func (s *liveState) urls() map[string]string {
	out := make(map[string]string, len(s.arts)+len(s.cats))
	for p, a := range s.arts {
		out[p] = a.URL()
	}
	for p, ci := range s.cats {
		out[p] = "/" + ci.lang + "/" + ci.id
	}
	return out
}

// linksTo reports whether a links to any of the files in targets.
func linksTo(a *spravka.Article, targets map[string]bool) bool {
	for _, l := range a.Links {
		if t, _, ok := markdownTarget(a.Path, l.Dest); ok && targets[path.Clean(t)] {
			return true
		}
	}
	return false
}

func hasError(ps []spravka.Problem) bool {
	for _, p := range ps {
		if !p.Warning {
			return true
		}
	}
	return false
}

// paths lists every file the state knows.
func (s *liveState) paths() []string {
	out := slices.Collect(maps.Keys(s.assets))
	out = append(out, slices.Collect(maps.Keys(s.arts))...)
	out = append(out, slices.Collect(maps.Keys(s.cats))...)
	out = append(out, slices.Collect(maps.Keys(s.synonyms))...)
	out = append(out, slices.Collect(maps.Keys(s.problems))...)
	slices.Sort(out)
	return slices.Compact(out)
}
