package indexer

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/spravka/spravka/search"
)

// Build loads the content tree and makes the engine serve it, re-indexing
// only what changed since the index was last written. Problems in single
// files are in the returned corpus; the error is for failures of the whole.
func Build(ctx context.Context, eng *search.Engine, fsys fs.FS, opts Options, progress search.Progress) (*Corpus, error) {
	c, err := Load(ctx, fsys, opts)
	if err != nil {
		return nil, fmt.Errorf("load content: %w", err)
	}
	err = eng.Replace(ctx, &search.Content{Articles: c.Articles, Categories: c.Categories, Synonyms: c.Synonyms}, progress)
	if err != nil {
		return nil, fmt.Errorf("index content: %w", err)
	}
	return c, nil
}
