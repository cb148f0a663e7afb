package indexer

import "context"

// Reindex reads the whole content folder again, applies what changed, and
// then rebuilds the search index beside the live one and swaps it in
// (search.Engine.Reindex): the admin's "start over" that never takes search
// down. Changes saved meanwhile keep being applied.
func (w *Watcher) Reindex(ctx context.Context) error {
	w.rescan(ctx, "reindex")
	return w.cfg.Engine.Reindex(ctx, nil)
}
