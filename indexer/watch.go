package indexer

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/spravka/spravka/search"
)

// WatchConfig configures a Watcher.
type WatchConfig struct {
	Dir       string         // content folder; required
	Options   Options        // how files are read
	Engine    *search.Engine // kept in step with the folder; required
	Logger    *slog.Logger   // defaults to slog.Default()
	Debounce  time.Duration  // quiet time before a batch is applied; default 200 ms
	Reconcile time.Duration  // full rescan interval; default 5 min, negative disables
}

// Default timings of a Watcher.
const (
	DefaultDebounce  = 200 * time.Millisecond
	DefaultReconcile = 5 * time.Minute
	// maxBatchDelay bounds how long a steady stream of events (a large
	// git checkout) can postpone a batch.
	maxBatchDelay = time.Second
)

// Watcher keeps the engine serving what the content folder holds: it loads
// the folder once, then applies every change as one batch per burst of
// file events, so that readers never see a half-applied edit. A file that
// becomes invalid keeps its last good version served; its problems are
// logged and available to preview until it is fixed.
type Watcher struct {
	cfg   WatchConfig
	log   *slog.Logger
	fsys  fs.FS
	opts  Options
	fsw   *fsnotify.Watcher
	state *liveState // changed only under batch
	batch sync.Mutex // one batch at a time: Run's, or a Reindex's rescan
	mu    sync.RWMutex
	shown *liveState // what readers of Corpus see; replaced, never modified
	subs  subscribers

	watched   map[string]bool // folders with an fsnotify watch, slash paths
	fromCache bool            // served from the snapshot cache: verify in Run
}

// NewWatcher validates cfg and starts watching the folder, so that no change
// made while the content loads is lost.
func NewWatcher(cfg WatchConfig) (*Watcher, error) {
	if cfg.Dir == "" || cfg.Engine == nil {
		return nil, fmt.Errorf("watch: content folder and engine are required")
	}
	if st, err := os.Stat(cfg.Dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("watch: %s is not a folder", cfg.Dir)
	}
	opts := cfg.Options.withDefaults()
	if err := opts.validate(); err != nil {
		return nil, err
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Debounce <= 0 {
		cfg.Debounce = DefaultDebounce
	}
	if cfg.Reconcile == 0 {
		cfg.Reconcile = DefaultReconcile
	}
	fsys, err := DirFS(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	fsw, err := fsnotify.NewBufferedWatcher(4096)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{cfg: cfg, log: cfg.Logger, fsys: fsys, opts: opts, fsw: fsw,
		state: newLiveState(), shown: newLiveState(), watched: map[string]bool{}}
	if err := w.watchTree("."); err != nil {
		fsw.Close()
		return nil, err
	}
	return w, nil
}

// Start makes the engine serve the folder: from the snapshot cache when the
// folder is unchanged since it was saved, else by loading every file. It
// returns the problems found, for the caller to report.
func (w *Watcher) Start(ctx context.Context) (*Corpus, error) {
	fp, err := Fingerprint(w.fsys, w.opts)
	if err != nil {
		return nil, err
	}
	if ok, err := w.cfg.Engine.LoadCache(fp); err != nil {
		w.log.Warn("snapshot cache not used", "err", err)
	} else if ok {
		w.fromCache = true
		w.state = stateFromServed(w.cfg.Engine.Served())
		w.publish(w.state, nil)
		return w.Corpus(), nil
	}
	files, err := w.listFiles(ctx, ".")
	if err != nil {
		return nil, err
	}
	next, _, err := w.process(ctx, newLiveState(), files, nil)
	if err != nil {
		return nil, err
	}
	c := next.corpus()
	if err := w.cfg.Engine.Replace(ctx, &search.Content{Articles: c.Articles, Categories: c.Categories, Synonyms: c.Synonyms}, nil); err != nil {
		return nil, fmt.Errorf("index content: %w", err)
	}
	w.state = next
	w.publish(next, nil)
	w.saveCache(fp)
	return c, nil
}

// Restored reports whether Start served the snapshot cache instead of
// loading the files.
func (w *Watcher) Restored() bool { return w.fromCache }

// Close stops watching. Run returns once its context is done; Close is for
// a Watcher that was started but never run.
func (w *Watcher) Close() error { return w.fsw.Close() }

// Corpus returns the content as currently served, with the problems of the
// latest read of every file.
func (w *Watcher) Corpus() *Corpus {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return w.shown.corpus()
}

// publish makes next visible to Corpus readers and tells subscribers.
func (w *Watcher) publish(next *liveState, paths []string) {
	w.mu.Lock()
	w.shown = next
	w.mu.Unlock()
	if paths != nil {
		w.subs.notify(Change{Paths: paths, At: time.Now()})
	}
}

func (w *Watcher) saveCache(fp string) {
	if err := w.cfg.Engine.SaveCache(fp); err != nil {
		w.log.Warn("snapshot cache not saved", "err", err)
	}
}
