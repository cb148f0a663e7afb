package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blevesearch/bleve/v2"

	"github.com/spravka/spravka"
)

// ErrReindexRunning is returned by Reindex while another rebuild runs.
var ErrReindexRunning = errors.New("a reindex is already running")

// Reindex rebuilds the bleve index from the articles being served, in a new
// folder beside the live one, and swaps it in through the index alias.
// Queries keep being answered from the old index until the swap, and the
// swap waits for the queries in flight. Updates that arrive during the
// build are not blocked for long: they go to the old index and the
// snapshot, and are replayed onto the new index just before the swap. The
// manifest is rewritten before the swap, which is the commit point for a
// crash: before it the old index is live, after it the new one.
func (e *Engine) Reindex(ctx context.Context, progress Progress) error {
	if !e.rebuilding.TryLock() {
		return ErrReindexRunning
	}
	defer e.rebuilding.Unlock()

	base := e.snap.Load()
	name := newIndexDir()
	path := filepath.Join(e.store.dir, name)
	idx, err := bleve.New(path, newMapping())
	if err != nil {
		return fmt.Errorf("reindex: create index: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			idx.Close()
			os.RemoveAll(path)
		}
	}()
	arts := make([]*spravka.Article, 0, len(base.entries))
	for _, en := range base.entries {
		arts = append(arts, en.art)
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i].Key() < arts[j].Key() })
	if err := writeBatches(ctx, idx, arts, nil, progress); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}

	e.write.Lock()
	defer e.write.Unlock()
	cur := e.snap.Load()
	var upserts []*spravka.Article
	var deletes []string
	hashes := make(map[string]string, len(cur.entries))
	for key, en := range cur.entries {
		hashes[key] = en.art.Hash
		if old, ok := base.entries[key]; !ok || old != en {
			upserts = append(upserts, en.art)
		}
	}
	for key := range base.entries {
		if _, ok := cur.entries[key]; !ok {
			deletes = append(deletes, key)
		}
	}
	if err := writeBatches(ctx, idx, upserts, deletes, nil); err != nil {
		return fmt.Errorf("reindex: catch up: %w", err)
	}

	prevMan, old, oldPath := e.store.man, e.store.cur, filepath.Join(e.store.dir, e.store.man.indexDir())
	e.store.man = manifest{MappingVersion: MappingVersion, Hashes: hashes, IndexDir: name}
	if err := e.store.saveManifest(); err != nil {
		e.store.man = prevMan
		return fmt.Errorf("reindex: %w", err)
	}
	committed = true
	e.store.alias.Swap([]bleve.Index{idx}, []bleve.Index{old})
	e.store.cur = idx
	e.store.retired.retire(old, oldPath)
	e.log.Info("reindex done", "articles", len(hashes), "index", name, "caught_up", len(upserts)+len(deletes))
	return nil
}

// writeBatches writes articles and deletions to idx in batches of
// batchSize, for a rebuild that no reader sees yet.
func writeBatches(ctx context.Context, idx bleve.Index, arts []*spravka.Article, deletes []string, progress Progress) error {
	total := len(arts) + len(deletes)
	b := idx.NewBatch()
	flush := func(done int) error {
		if b.Size() == 0 {
			return nil
		}
		if err := idx.Batch(b); err != nil {
			return fmt.Errorf("write index batch: %w", err)
		}
		b.Reset()
		if progress != nil {
			progress(done, total)
		}
		return nil
	}
	for i, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := b.Index(a.Key(), newDocument(a)); err != nil {
			return fmt.Errorf("index %s: %w", a.Path, err)
		}
		if b.Size() >= batchSize {
			if err := flush(i + 1); err != nil {
				return err
			}
		}
	}
	for _, key := range deletes {
		b.Delete(key)
	}
	return flush(total)
}
