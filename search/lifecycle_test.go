package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/spravka/spravka"
)

func reopen(t *testing.T, dir string) *Engine {
	t.Helper()
	e, err := Open(Config{DataDir: dir, DefaultLang: "en", Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func TestSnapshotCacheRoundTrip(t *testing.T) {
	dir := t.TempDir()
	e := reopen(t, dir)
	c := testContent()
	c.Articles[0].Params = map[string]any{"video": "intro.mp4", "n": 3, "list": []any{"a", 1}}
	c.Synonyms = map[string][][]string{"ru": {{"счёт", "инвойс"}}}
	if err := e.Replace(context.Background(), c, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.SaveCache("fp-1"); err != nil {
		t.Fatal(err)
	}
	want, wantTerms := e.snap.Load(), e.dict.ids
	wantRes, err := e.Search(context.Background(), spravka.Query{Text: "инвойс", Lang: "ru"})
	if err != nil {
		t.Fatal(err)
	}
	e.Close()

	e = reopen(t, dir)
	if ok, err := e.LoadCache("fp-other"); ok || err != nil {
		t.Fatalf("cache for another fingerprint used: %v %v", ok, err)
	}
	ok, err := e.LoadCache("fp-1")
	if !ok || err != nil {
		t.Fatalf("LoadCache = %v, %v; want a hit", ok, err)
	}
	if !e.Ready() {
		t.Error("engine not ready after loading the cache")
	}
	if got := e.snap.Load(); !reflect.DeepEqual(got, want) {
		t.Error("restored snapshot differs from the saved one")
	}
	if !reflect.DeepEqual(e.dict.ids, wantTerms) {
		t.Error("restored dictionary differs")
	}
	gotRes, err := e.Search(context.Background(), spravka.Query{Text: "инвойс", Lang: "ru"})
	if err != nil {
		t.Fatal(err)
	}
	if len(gotRes.Hits) == 0 || len(gotRes.Hits) != len(wantRes.Hits) || gotRes.Hits[0].ID != wantRes.Hits[0].ID {
		t.Errorf("search after restore: %+v, before: %+v", gotRes.Hits, wantRes.Hits)
	}
}

func TestSnapshotCacheRejectedAfterIndexChange(t *testing.T) {
	dir := t.TempDir()
	e := reopen(t, dir)
	if err := e.Replace(context.Background(), testContent(), nil); err != nil {
		t.Fatal(err)
	}
	if err := e.SaveCache("fp"); err != nil {
		t.Fatal(err)
	}
	// The index moves on (a watcher update) but the process dies before
	// saving the cache again: the cache no longer matches the manifest.
	if err := e.Update(context.Background(), []*spravka.Article{art("en", "account/new", "New article", "")}, nil); err != nil {
		t.Fatal(err)
	}
	e.Close()
	e = reopen(t, dir)
	if ok, err := e.LoadCache("fp"); ok || err != nil {
		t.Fatalf("stale cache used: %v %v", ok, err)
	}
}

func TestReindexSwapsUnderQueries(t *testing.T) {
	dir := t.TempDir()
	e := reopen(t, dir)
	e.store.retired.grace = 0
	if err := e.Replace(context.Background(), testContent(), nil); err != nil {
		t.Fatal(err)
	}
	oldDir := e.IndexDir()

	var (
		stop     atomic.Bool
		failures atomic.Int64
		queries  atomic.Int64
		wg       sync.WaitGroup
	)
	for range 4 {
		wg.Go(func() {
			for !stop.Load() {
				res, err := e.Search(context.Background(), spravka.Query{Text: "пароль", Lang: "ru"})
				queries.Add(1)
				if err != nil || len(res.Hits) == 0 {
					failures.Add(1)
				}
			}
		})
	}
	added := art("en", "account/added-during-reindex", "Quokka billing riddles", "")
	progress := func(done, total int) {
		// An update that lands while the new index is being built must be
		// in it after the swap.
		if done == total {
			if err := e.Update(context.Background(), []*spravka.Article{added}, []string{"en/invoices/create-invoice"}); err != nil {
				t.Error(err)
			}
		}
	}
	if err := e.Reindex(context.Background(), progress); err != nil {
		t.Fatal(err)
	}
	stop.Store(true)
	wg.Wait()
	e.store.retired.done.Wait()

	if failures.Load() > 0 {
		t.Errorf("%d of %d queries failed during the reindex", failures.Load(), queries.Load())
	}
	if newDir := e.IndexDir(); newDir == oldDir {
		t.Fatal("index folder did not change")
	}
	if _, err := os.Stat(oldDir); !os.IsNotExist(err) {
		t.Errorf("old index %s still exists (%v)", oldDir, err)
	}
	n, err := e.store.cur.DocCount()
	if err != nil || int(n) != len(testContent().Articles) {
		t.Errorf("new index has %d docs (%v), want %d", n, err, len(testContent().Articles))
	}
	res, err := e.Search(context.Background(), spravka.Query{Text: "quokka riddles", Lang: "en"})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != added.ID {
		t.Errorf("article added during the reindex not found: %+v %v", res, err)
	}
	if err := e.Reindex(context.Background(), nil); err != nil {
		t.Fatalf("second reindex: %v", err)
	}
	e.Close()
	// The manifest committed the new folder: a restart reuses it as is.
	e = reopen(t, dir)
	if got := e.IndexDir(); got == oldDir || filepath.Dir(got) != dir {
		t.Errorf("restart opened %s", got)
	}
	if len(e.store.man.Hashes) != len(testContent().Articles) {
		t.Errorf("manifest after restart has %d keys", len(e.store.man.Hashes))
	}
}

func TestReindexRefusesToOverlap(t *testing.T) {
	e := openTest(t)
	e.rebuilding.Lock()
	defer e.rebuilding.Unlock()
	if err := e.Reindex(context.Background(), nil); err != ErrReindexRunning {
		t.Fatalf("got %v, want ErrReindexRunning", err)
	}
}

// manyArticles makes n distinct articles, enough for indexing to take a
// noticeable time in the crash test.
func manyArticles(n int, salt string) []*spravka.Article {
	words := []string{"пароль", "счёт", "оплата", "клиент", "отчёт", "банк", "экспорт", "подписка", "invoice", "refund", "account", "export"}
	out := make([]*spravka.Article, n)
	for i := range out {
		text := ""
		for j := 0; j < 60; j++ {
			text += words[(i*7+j*3)%len(words)] + fmt.Sprint(j%9) + " "
		}
		out[i] = art("ru", fmt.Sprintf("cat%d/a%05d", i%7, i), fmt.Sprintf("Статья %d %s %s", i, words[i%len(words)], salt), "",
			"Раздел: "+text, "Ещё: "+text+salt)
	}
	return out
}

func spravkaQuery(text string) spravka.Query { return spravka.Query{Text: text, Lang: "ru"} }
