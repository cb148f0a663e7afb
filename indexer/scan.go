package indexer

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spravka/spravka"
)

// file is a content file worth reading.
type file struct {
	path    string
	kind    fileKind
	size    int64
	src     string          // the path to read: path, or where its symlink leads; "" = path
	problem spravka.Problem // why a kindBadLink file is not read
}

// fileResult is what reading one file produced; at most one of page,
// category and synonyms is set.
type fileResult struct {
	page     *page
	category *categoryIndex
	synonyms [][]string
	lang     string // of the synonyms
	problems []spravka.Problem
}

// scan lists the files to read, sorted by path, and records assets in c.
// Hidden folders are not entered at all: .git can hold more files than the
// content itself.
func scan(ctx context.Context, fsys fs.FS, c *Corpus) ([]file, error) {
	var files []file
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			if p == "." {
				return err
			}
			c.Problems = append(c.Problems, spravka.Problem{Path: p, Message: fmt.Sprintf("cannot read: %v", err)})
			return nil
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			c.Problems = append(c.Problems, spravka.Problem{Path: p, Message: fmt.Sprintf("cannot read: %v", err)})
			return nil
		}
		switch f, ok := contentFile(fsys, p, info); {
		case !ok:
		case f.kind == kindAsset:
			c.Assets[p] = true
		default:
			files = append(files, f)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read content root: %w", err)
	}
	// WalkDir's per-folder order puts "a/x" before "a-b/x"; the corpus
	// promises plain path order, which decides which duplicate wins.
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.path, b.path) })
	return files, nil
}

// readFile reads and parses one file. A panic in a parser becomes a
// problem with that file: one odd file must not take a reload down.
func readFile(fsys fs.FS, f file, opts Options, md *markdown) (r fileResult) {
	defer func() {
		if v := recover(); v != nil {
			r = fileResult{problems: []spravka.Problem{{Path: f.path, Message: fmt.Sprintf("internal error while parsing: %v", v)}}}
		}
	}()
	if f.kind == kindBadLink {
		return fileResult{problems: []spravka.Problem{f.problem}}
	}
	if f.size > opts.MaxFileSize { // don't read what will be refused
		return fileResult{problems: []spravka.Problem{tooBig(f.path, f.size, opts.MaxFileSize)}}
	}
	src, err := fs.ReadFile(fsys, cmp.Or(f.src, f.path))
	if err != nil {
		return fileResult{problems: []spravka.Problem{{Path: f.path, Message: fmt.Sprintf("cannot read: %v", err)}}}
	}
	switch f.kind {
	case kindArticle:
		r.page, r.problems = parsePage(md, f.path, src, opts)
	case kindCategory:
		r.category, r.problems = parseCategoryIndex(f.path, src, opts)
	case kindSynonyms:
		r.lang = synonymsLang(f.path)
		if !spravka.IsLanguage(r.lang) {
			return fileResult{problems: []spravka.Problem{{Path: f.path, Message: fmt.Sprintf("%q is not a supported language (%s)", r.lang, strings.Join(spravka.Languages, ", "))}}}
		}
		if p, bad := checkSource(f.path, src, opts.MaxFileSize); bad {
			return fileResult{problems: []spravka.Problem{p}}
		}
		r.synonyms, r.problems = ParseSynonyms(f.path, src)
		if r.synonyms == nil {
			r.synonyms = [][]string{} // an empty file still says "no synonyms for this language"
		}
	}
	return r
}

// parallel calls fn for 0 ≤ i < n on GOMAXPROCS goroutines. Callers write
// results by index, which keeps the output independent of scheduling.
func parallel(ctx context.Context, n int, fn func(i int)) error {
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}
