package indexer

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/spravka/spravka"
)

// delta is what a batch changes in the engine.
type delta struct {
	upserts  []*spravka.Article
	deletes  []string
	cats     bool // category metadata or counts changed
	synonyms bool
	paths    []string // files and folders the batch looked at
}

func (d delta) empty() bool {
	return len(d.upserts) == 0 && len(d.deletes) == 0 && !d.cats && !d.synonyms
}

// process reads files (sorted by path) into a copy of base without the gone
// paths, and returns the new state and what the engine must change. A file
// that fails to read keeps its version from base, which is how an article
// broken by an edit stays served.
func (w *Watcher) process(ctx context.Context, base *liveState, files []file, gone []string) (*liveState, delta, error) {
	next := base.clone()
	d := delta{paths: slices.Clone(gone)}
	for _, p := range gone {
		next.removeUnder(p)
	}
	md := newMarkdown(w.opts)
	reads := make([]fileResult, len(files))
	err := parallel(ctx, len(files), func(i int) {
		if files[i].kind != kindAsset {
			reads[i] = readFile(w.fsys, files[i], w.opts, md)
		}
	})
	if err != nil {
		return nil, d, err
	}
	var pages []*page
	for i, f := range files {
		d.paths = append(d.paths, f.path)
		r := reads[i]
		if f.kind == kindAsset {
			next.assets[f.path] = true
			continue
		}
		setProblems(next, f.path, r.problems)
		switch {
		case r.page != nil:
			pages = append(pages, r.page)
		case r.category != nil:
			next.cats[f.path] = r.category
		case r.synonyms != nil:
			next.synonyms[f.path] = r.synonyms
		}
	}
	pages = claim(next, pages)
	fresh, err := w.render(ctx, base, next, pages)
	if err != nil {
		return nil, d, err
	}
	if err := StampDates(ctx, w.cfg.Dir, fresh, len(fresh) <= 200); err != nil {
		w.log.Warn("git dates not read", "err", err)
	}
	d.upserts, d.deletes = diffArticles(base, next)
	d.cats = !reflect.DeepEqual(base.categoryMap(), next.categoryMap())
	d.synonyms = !reflect.DeepEqual(base.synonymMap(), next.synonymMap())
	return next, d, nil
}

func setProblems(s *liveState, p string, problems []spravka.Problem) {
	if len(problems) == 0 {
		delete(s.problems, p)
		return
	}
	s.problems[p] = problems
}

// claim drops pages whose id or URL another file already claims. Files not
// read in this batch keep their claims; among new pages the first by path
// wins, as in Load.
func claim(next *liveState, pages []*page) []*page {
	reread := map[string]bool{}
	for _, pg := range pages {
		reread[pg.art.Path] = true
	}
	byKey, byURL := map[string]string{}, map[string]string{}
	for p, a := range next.arts {
		if !reread[p] {
			byKey[a.Key()], byURL[a.URL()] = p, p
		}
	}
	kept := pages[:0]
	for _, pg := range pages {
		a := pg.art
		first, dup := byKey[a.Key()]
		what := fmt.Sprintf("id %q (%s)", a.ID, a.Lang)
		if !dup {
			first, dup = byURL[a.URL()]
			what = "URL " + a.URL()
		}
		if dup {
			ps := duplicateProblems(first, a.Path, what)
			next.problems[first] = append(next.problems[first], ps[0])
			next.problems[a.Path] = append(next.problems[a.Path], ps[1])
			delete(next.arts, a.Path)
			continue
		}
		byKey[a.Key()], byURL[a.URL()] = a.Path, a.Path
		kept = append(kept, pg)
	}
	return kept
}

// render renders the accepted pages once every URL is known, then
// re-renders the articles that link to a file whose URL changed, since
// their HTML holds the old URL. It returns every article it put in next.
func (w *Watcher) render(ctx context.Context, base, next *liveState, pages []*page) ([]*spravka.Article, error) {
	for _, pg := range pages {
		next.arts[pg.art.Path] = pg.art
	}
	urls := next.urls()
	resolve := func(p string) (string, bool) { u, ok := urls[p]; return u, ok }
	md := newMarkdown(w.opts)
	renderAll := func(pages []*page) ([]*spravka.Article, error) {
		errs := make([]error, len(pages))
		if err := parallel(ctx, len(pages), func(i int) { pages[i].art.HTML, errs[i] = pages[i].doc.render(md, resolve) }); err != nil {
			return nil, err
		}
		var out []*spravka.Article
		for i, pg := range pages {
			p := pg.art.Path
			if errs[i] != nil {
				next.problems[p] = append(next.problems[p], spravka.Problem{Path: p, Message: errs[i].Error()})
				if old, ok := base.arts[p]; ok {
					next.arts[p] = old
				} else {
					delete(next.arts, p)
				}
				continue
			}
			out = append(out, pg.art)
		}
		return out, nil
	}
	fresh, err := renderAll(pages)
	if err != nil || len(base.arts) == 0 {
		return fresh, err
	}
	moved := map[string]bool{}
	old := base.urls()
	for p, u := range urls {
		if old[p] != u {
			moved[p] = true
		}
	}
	for p := range old {
		if _, ok := urls[p]; !ok {
			moved[p] = true
		}
	}
	if len(moved) == 0 {
		return fresh, nil
	}
	reread := map[string]bool{}
	for _, a := range fresh {
		reread[a.Path] = true
	}
	var deps []*page
	for p, a := range next.arts {
		if reread[p] || !linksTo(a, moved) {
			continue
		}
		r := readFile(w.fsys, file{path: p, kind: kindArticle}, w.opts, md)
		if r.page != nil && r.page.art.Key() == a.Key() && r.page.art.URL() == a.URL() {
			deps = append(deps, r.page)
		}
	}
	more, err := renderAll(deps)
	for _, a := range more {
		next.arts[a.Path] = a
	}
	return append(fresh, more...), err
}

// diffArticles lists the articles to write and the keys to delete to get
// from base to next. A key that moves from one file to another is written,
// not deleted: the engine applies deletions first.
func diffArticles(base, next *liveState) (upserts []*spravka.Article, deletes []string) {
	written := map[string]bool{}
	for p, a := range next.arts {
		if old := base.arts[p]; old == nil || !sameServed(old, a) {
			upserts = append(upserts, a)
			written[a.Key()] = true
		}
	}
	for p, old := range base.arts {
		if a, ok := next.arts[p]; (!ok || a.Key() != old.Key()) && !written[old.Key()] {
			deletes = append(deletes, old.Key())
		}
	}
	slices.SortFunc(upserts, func(a, b *spravka.Article) int { return strings.Compare(a.Path, b.Path) })
	slices.Sort(deletes)
	return upserts, slices.Compact(deletes)
}

// sameServed reports whether serving b instead of a changes nothing a
// reader could notice.
func sameServed(a, b *spravka.Article) bool {
	return a == b || a.Key() == b.Key() && a.Hash == b.Hash && a.Path == b.Path && a.HTML == b.HTML &&
		a.Created.Equal(b.Created) && a.Updated.Equal(b.Updated) && a.Author == b.Author
}
