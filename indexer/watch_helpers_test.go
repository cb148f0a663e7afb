package indexer

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/search"
)

// syncBuffer is a log sink the watcher goroutine and the test share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// liveFixture is a content folder served by an engine through a running
// watcher.
type liveFixture struct {
	t    *testing.T
	dir  string
	data string
	eng  *search.Engine
	w    *Watcher
	logs *syncBuffer
	stop func()

	debounce time.Duration
}

// startLive writes files (path → content) into a temp folder and serves it.
func startLive(t *testing.T, files map[string]string) *liveFixture {
	t.Helper()
	return startLiveDebounced(t, files, 50*time.Millisecond)
}

// startLiveDebounced is startLive with the watcher's debounce time.
func startLiveDebounced(t *testing.T, files map[string]string, debounce time.Duration) *liveFixture {
	t.Helper()
	f := &liveFixture{t: t, dir: t.TempDir(), data: t.TempDir(), debounce: debounce}
	for p, s := range files {
		f.write(p, s)
	}
	f.open()
	return f
}

func (f *liveFixture) open() {
	t := f.t
	t.Helper()
	f.logs = &syncBuffer{}
	log := slog.New(slog.NewTextHandler(f.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	eng, err := search.Open(search.Config{DataDir: f.data, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWatcher(WatchConfig{Dir: f.dir, Engine: eng, Logger: log, Debounce: f.debounce, Reconcile: -1})
	if err != nil {
		eng.Close()
		t.Fatal(err)
	}
	if _, err := w.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); w.Run(ctx) }()
	f.eng, f.w = eng, w
	var once sync.Once
	f.stop = func() {
		once.Do(func() {
			cancel()
			<-done
			eng.Close()
		})
	}
	t.Cleanup(f.stop)
}

func (f *liveFixture) write(p, s string) {
	f.t.Helper()
	full := filepath.Join(f.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *liveFixture) path(p string) string { return filepath.Join(f.dir, filepath.FromSlash(p)) }

// title returns the served title of the article id in lang, or "".
func (f *liveFixture) title(lang, id string) string {
	a, err := f.eng.Article(context.Background(), id, lang, preview)
	if err != nil {
		return ""
	}
	return a.Title
}

// eventually fails the test unless cond becomes true within a generous
// time; the watcher needs well under a second, CI machines are slow.
func (f *liveFixture) eventually(what string, cond func() bool) {
	f.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			f.t.Fatalf("timed out waiting for %s\nlogs:\n%s", what, f.logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// searchIDs returns the ids of the hits for text in lang.
func (f *liveFixture) searchIDs(text, lang string) []string {
	res, err := f.eng.Search(context.Background(), spravka.Query{Text: text, Lang: lang, NoFallback: true, Access: preview})
	if err != nil {
		f.t.Errorf("search %q: %v", text, err)
		return nil
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func md(title, body string) string {
	return fmt.Sprintf("---\ntitle: %q\n---\n\n%s\n", title, body)
}

// preview is the access that sees everything, drafts included.
var preview = spravka.Access{Preview: true}
