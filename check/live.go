package check

import (
	"context"
	"io/fs"
	"sync"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/indexer"
)

// Live keeps the check report of a watched content folder current, for
// preview pages: it implements server.PreviewFeed. Subscribers hear about
// a change only after the report has been recomputed, so a reloaded page
// shows the problems of the version it displays.
type Live struct {
	w    *indexer.Watcher
	fsys fs.FS
	cfg  Config

	mu     sync.RWMutex
	byPath map[string][]Diagnostic
	path   map[string]string // article URL → source file

	subMu sync.Mutex
	subs  map[chan struct{}]bool
}

// NewLive checks what w serves now; Run keeps the report current.
func NewLive(w *indexer.Watcher, fsys fs.FS, cfg Config) *Live {
	l := &Live{w: w, fsys: fsys, cfg: cfg, subs: map[chan struct{}]bool{}}
	l.refresh()
	return l
}

// Run recomputes the report after every change until ctx is done.
func (l *Live) Run(ctx context.Context) {
	changes, stop := l.w.Subscribe()
	defer stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-changes:
			l.refresh()
			l.notify()
		}
	}
}

func (l *Live) refresh() {
	c := l.w.Corpus()
	r := Corpus(c, l.fsys, l.cfg)
	byPath := map[string][]Diagnostic{}
	for _, d := range r.Diagnostics {
		byPath[d.Path] = append(byPath[d.Path], d)
	}
	paths := make(map[string]string, len(c.Articles))
	for _, a := range c.Articles {
		paths[a.URL()] = a.Path
	}
	l.mu.Lock()
	l.byPath, l.path = byPath, paths
	l.mu.Unlock()
}

// PageProblems returns the problems of the source file of the article
// served at url.
func (l *Live) PageProblems(url string) []spravka.Problem {
	l.mu.RLock()
	defer l.mu.RUnlock()
	var out []spravka.Problem
	for _, d := range l.byPath[l.path[url]] {
		out = append(out, d.Problem())
	}
	return out
}

// Subscribe returns a channel that receives a value after each change,
// once the report is current.
func (l *Live) Subscribe() (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	l.subMu.Lock()
	l.subs[ch] = true
	l.subMu.Unlock()
	return ch, func() {
		l.subMu.Lock()
		delete(l.subs, ch)
		l.subMu.Unlock()
	}
}

func (l *Live) notify() {
	l.subMu.Lock()
	defer l.subMu.Unlock()
	for ch := range l.subs {
		select {
		case ch <- struct{}{}:
		default: // a change is already pending for this listener
		}
	}
}
