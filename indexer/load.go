package indexer

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/spravka/spravka"
)

// Corpus is a parsed content tree.
type Corpus struct {
	Articles   []*spravka.Article                     // valid articles, sorted by Path
	Categories map[string]map[string]spravka.Category // lang → category id → metadata; Count includes drafts and internal articles
	Synonyms   map[string][][]string                  // lang → groups of equivalent terms
	Assets     map[string]bool                        // paths of non-Markdown files, for link checks
	Problems   []spravka.Problem                      // errors (file skipped) and warnings, sorted by path and line
}

// Load reads the content tree in fsys. Defects in single files are
// reported in Corpus.Problems and the rest of the tree still loads; the
// error is only for a root that cannot be read, a cancelled ctx or invalid
// Options. Files are parsed in parallel, but the result does not depend on
// scheduling: everything is ordered by path.
func Load(ctx context.Context, fsys fs.FS, opts Options) (*Corpus, error) {
	opts = opts.withDefaults()
	if err := opts.validate(); err != nil {
		return nil, err
	}
	c := &Corpus{Synonyms: map[string][][]string{}, Assets: map[string]bool{}}
	files, err := scan(ctx, fsys, c)
	if err != nil {
		return nil, err
	}
	md := newMarkdown(opts)
	results := make([]fileResult, len(files))
	if err := parallel(ctx, len(files), func(i int) { results[i] = readFile(fsys, files[i], opts, md) }); err != nil {
		return nil, fmt.Errorf("load content: %w", err)
	}

	var (
		pages   []*page
		indexes []*categoryIndex
	)
	for _, r := range results {
		c.Problems = append(c.Problems, r.problems...)
		switch {
		case r.page != nil:
			pages = append(pages, r.page)
		case r.category != nil:
			indexes = append(indexes, r.category)
		case r.synonyms != nil:
			c.Synonyms[r.lang] = r.synonyms
		}
	}
	pages, dups := dedupe(pages)
	c.Problems = append(c.Problems, dups...)
	if err := renderAll(ctx, md, pages, indexes, c); err != nil {
		return nil, fmt.Errorf("load content: %w", err)
	}
	cats, dups := buildCategories(indexes, c.Articles)
	c.Categories = cats
	c.Problems = append(c.Problems, dups...)
	// Stable, so one file's problems keep the order they were found in.
	slices.SortStableFunc(c.Problems, cmpProblems)
	return c, nil
}

// dedupe drops the later of two articles that share an id in one language
// or a URL; pages come sorted by path, so the first by path wins.
func dedupe(pages []*page) ([]*page, []spravka.Problem) {
	var problems []spravka.Problem
	byKey, byURL := map[string]string{}, map[string]string{}
	kept := pages[:0]
	for _, pg := range pages {
		a := pg.art
		if first, dup := byKey[a.Key()]; dup {
			problems = append(problems, duplicateProblems(first, a.Path, fmt.Sprintf("id %q (%s)", a.ID, a.Lang))...)
			continue
		}
		if first, dup := byURL[a.URL()]; dup {
			problems = append(problems, duplicateProblems(first, a.Path, "URL "+a.URL())...)
			continue
		}
		byKey[a.Key()], byURL[a.URL()] = a.Path, a.Path
		kept = append(kept, pg)
	}
	return kept, problems
}

// duplicateProblems reports a clash on both files, so that whoever opens
// either one learns about the other.
func duplicateProblems(first, second, what string) []spravka.Problem {
	return []spravka.Problem{
		{Path: first, Warning: true, Message: fmt.Sprintf("%s is also claimed by %s, which was skipped", what, second)},
		{Path: second, Message: fmt.Sprintf("%s is already claimed by %s; file skipped", what, first)},
	}
}

// renderAll renders every page once all URLs are known, so that links
// between articles point at the target's URL even when its category comes
// from its own front matter.
func renderAll(ctx context.Context, md *markdown, pages []*page, indexes []*categoryIndex, c *Corpus) error {
	urls := make(map[string]string, len(pages)+len(indexes))
	for _, pg := range pages {
		urls[pg.art.Path] = pg.art.URL()
	}
	for _, ci := range indexes {
		urls[ci.path] = "/" + ci.lang + "/" + ci.id
	}
	resolve := func(p string) (string, bool) { u, ok := urls[p]; return u, ok }
	errs := make([]error, len(pages))
	err := parallel(ctx, len(pages), func(i int) {
		defer func() { // as in readFile: one odd file must not take a reload down
			if v := recover(); v != nil {
				errs[i] = fmt.Errorf("internal error while rendering: %v", v)
			}
		}()
		pages[i].art.HTML, errs[i] = pages[i].doc.render(md, resolve)
	})
	if err != nil {
		return err
	}
	for i, pg := range pages {
		if errs[i] != nil {
			c.Problems = append(c.Problems, spravka.Problem{Path: pg.art.Path, Message: errs[i].Error()})
			continue
		}
		c.Articles = append(c.Articles, pg.art)
	}
	return nil
}

func cmpProblems(a, b spravka.Problem) int {
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Column - b.Column
}
