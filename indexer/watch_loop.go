package indexer

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Run applies changes until ctx is done, then saves the snapshot cache so
// that the next start is fast. Events are collected until the folder has
// been quiet for the debounce time (or for at most a second of steady
// events) and applied as one batch; an overflow or error of the watcher,
// and the periodic reconcile, rescan the whole folder instead.
func (w *Watcher) Run(ctx context.Context) error {
	defer w.fsw.Close()
	if w.fromCache {
		w.rescan(ctx, "verify the snapshot cache")
	}
	var reconcile <-chan time.Time
	if w.cfg.Reconcile > 0 {
		t := time.NewTicker(w.cfg.Reconcile)
		defer t.Stop()
		reconcile = t.C
	}
	pending := map[string]bool{}
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			if len(pending) > 0 {
				w.applyPaths(context.WithoutCancel(ctx), pending)
			}
			w.saveCurrent()
			return nil
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return nil
			}
			rel, ok := w.rel(ev.Name)
			if !ok || rel == "." || isEditorTemp(rel) || ev.Op == fsnotify.Chmod {
				continue
			}
			if len(pending) == 0 {
				first = time.Now()
			}
			pending[rel] = true
			timer.Reset(min(w.cfg.Debounce, max(0, maxBatchDelay-time.Since(first))))
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return nil
			}
			w.log.Warn("file watcher error; rescanning the content", "err", err)
			clear(pending)
			w.rescan(ctx, "watcher error")
		case <-timer.C:
			w.applyPaths(ctx, pending)
			pending = map[string]bool{}
		case <-reconcile:
			clear(pending)
			w.rescan(ctx, "periodic reconcile")
		}
	}
}

// applyPaths applies one batch of changed paths: files are read again,
// new folders are watched and read, and paths that are gone (files or
// whole folders) are dropped.
func (w *Watcher) applyPaths(ctx context.Context, changed map[string]bool) {
	w.batch.Lock()
	defer w.batch.Unlock()
	start := time.Now()
	var files []file
	var gone []string
	for _, p := range slices.Sorted(maps.Keys(changed)) {
		st, err := fs.Lstat(w.fsys, p) // a link is judged by contentFile, never walked into
		switch {
		case errors.Is(err, fs.ErrNotExist):
			gone = append(gone, p)
			w.unwatchUnder(p)
		case err != nil:
			w.log.Warn("cannot read changed path", "path", p, "err", err)
		case st.IsDir():
			if err := w.watchTree(p); err != nil {
				w.log.Warn("cannot watch new folder", "path", p, "err", err)
			}
			more, err := w.listFiles(ctx, p)
			if err != nil {
				w.log.Warn("cannot list new folder", "path", p, "err", err)
			}
			files = append(files, more...)
		default:
			if f, ok := w.fileAt(p, st); ok {
				files = append(files, f)
			} else if w.state.has(p) {
				gone = append(gone, p) // e.g. renamed to something ignored
			}
		}
	}
	files = slices.CompactFunc(sortFiles(files), func(a, b file) bool { return a.path == b.path })
	w.commit(ctx, files, gone, "change", start)
}

// rescan reads the whole folder again and applies the difference to what
// is served; watches are re-added for folders an overflow made us miss.
func (w *Watcher) rescan(ctx context.Context, reason string) {
	w.batch.Lock()
	defer w.batch.Unlock()
	start := time.Now()
	if err := w.watchTree("."); err != nil {
		w.log.Warn("cannot watch content folder", "err", err)
	}
	files, err := w.listFiles(ctx, ".")
	if err != nil {
		w.log.Error("rescan failed", "reason", reason, "err", err)
		return
	}
	listed := map[string]bool{}
	for _, f := range files {
		listed[f.path] = true
	}
	var gone []string
	for _, p := range w.state.paths() {
		if !listed[p] {
			gone = append(gone, p)
		}
	}
	w.commit(ctx, files, gone, reason, start)
}

// commit processes a batch and makes the engine serve the result.
func (w *Watcher) commit(ctx context.Context, files []file, gone []string, reason string, start time.Time) {
	next, d, err := w.process(ctx, w.state, files, gone)
	if err != nil {
		w.log.Error("content update failed", "reason", reason, "err", err)
		return
	}
	w.logProblems(next, files)
	if d.empty() {
		w.state = next
		w.publish(next, d.paths)
		return
	}
	if err := w.cfg.Engine.Update(ctx, d.upserts, d.deletes); err != nil {
		// Not committed: the next change or reconcile tries again.
		w.log.Error("index update failed", "reason", reason, "err", err)
		return
	}
	if d.cats {
		w.cfg.Engine.SetCategories(next.categoryMap())
	}
	if d.synonyms {
		w.cfg.Engine.SetSynonyms(next.synonymMap())
	}
	w.state = next
	w.publish(next, d.paths)
	w.log.Info("content updated", "reason", reason, "written", len(d.upserts), "deleted", len(d.deletes),
		"ms", time.Since(start).Milliseconds())
}

// logProblems logs the problems of the files just read, as path:line:
// reason, saying when the last good version stays served.
func (w *Watcher) logProblems(next *liveState, files []file) {
	for _, f := range files {
		for _, p := range next.problems[f.path] {
			switch {
			case p.Warning:
				w.log.Warn(p.String())
			case next.arts[f.path] != nil || next.cats[f.path] != nil || next.synonyms[f.path] != nil:
				w.log.Error(p.String() + " (serving the last good version)")
			default:
				w.log.Error(p.String() + " (skipped)")
			}
		}
	}
}

// saveCurrent saves the snapshot cache for the folder as it is now.
func (w *Watcher) saveCurrent() {
	fp, err := Fingerprint(w.fsys, w.opts)
	if err != nil {
		w.log.Warn("snapshot cache not saved", "err", err)
		return
	}
	w.saveCache(fp)
}

func sortFiles(files []file) []file {
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.path, b.path) })
	return files
}
