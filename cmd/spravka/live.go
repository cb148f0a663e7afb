package main

import (
	"context"
	"errors"
	"log/slog"

	"github.com/spravka/spravka/check"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
	"github.com/spravka/spravka/server"
)

// live is the content side of `spravka serve`: the engine, and for a
// content folder the watcher that keeps it current, the preview feed and
// the reindexer.
type live struct {
	eng     *search.Engine
	corpus  *indexer.Corpus
	watcher *indexer.Watcher
	feed    *check.Live
	done    chan struct{} // closed when the watcher has stopped and saved its cache
	cancel  context.CancelFunc
}

// startLive opens the engine and makes it serve the content. A folder is
// served through a Watcher, which restarts from the snapshot cache when
// nothing changed and, unless cfg.Watch is off, follows edits; the
// embedded sample is indexed once.
func startLive(ctx context.Context, cfg config, log *slog.Logger, preview bool) (*live, error) {
	if cfg.Content == "" {
		if preview {
			return nil, errors.New("serve --preview needs a content folder: --content DIR")
		}
		eng, corpus, err := openAndIndex(ctx, cfg, log, nil)
		if err != nil {
			return nil, err
		}
		return &live{eng: eng, corpus: corpus}, nil
	}
	fsys, _, err := contentFS(cfg.Content)
	if err != nil {
		return nil, err
	}
	eng, err := search.Open(search.Config{DataDir: cfg.Data, DefaultLang: cfg.DefaultLang, Logger: log})
	if err != nil {
		return nil, err
	}
	reconcile := cfg.ReconcileInterval
	if reconcile <= 0 {
		reconcile = -1
	}
	w, err := indexer.NewWatcher(indexer.WatchConfig{Dir: cfg.Content, Options: indexer.Options{DefaultLang: cfg.DefaultLang, UnsafeHTML: cfg.UnsafeHTML},
		Engine: eng, Logger: log, Reconcile: reconcile})
	if err != nil {
		eng.Close()
		return nil, err
	}
	corpus, err := w.Start(ctx)
	if err != nil {
		w.Close()
		eng.Close()
		return nil, err
	}
	for _, p := range corpus.Problems {
		if p.Warning {
			log.Warn(p.String())
		} else {
			log.Error(p.String() + " (skipped)")
		}
	}
	// The watcher stops with the server, also when the server fails to start.
	ctx, cancel := context.WithCancel(ctx)
	l := &live{eng: eng, corpus: corpus, watcher: w, done: make(chan struct{}), cancel: cancel}
	if preview {
		l.feed = check.NewLive(w, fsys, check.Config{})
		go l.feed.Run(ctx)
	}
	if cfg.Watch || preview {
		go func() {
			defer close(l.done)
			if err := w.Run(ctx); err != nil {
				log.Error("content watcher stopped", "err", err)
			}
		}()
	} else {
		w.Close()
		close(l.done)
	}
	return l, nil
}

// previewFeed is the feed for server.Config, nil outside preview mode.
func (l *live) previewFeed() server.PreviewFeed {
	if l.feed == nil {
		return nil
	}
	return l.feed
}

// reindexer serves the admin reindex endpoint; nil for embedded content.
func (l *live) reindexer() server.Reindexer {
	if l.watcher == nil {
		return nil
	}
	return l.watcher
}

// close waits for the watcher to save the snapshot cache, then closes the
// engine.
func (l *live) close() error {
	if l.cancel != nil {
		l.cancel()
	}
	if l.done != nil {
		<-l.done
	}
	return l.eng.Close()
}
