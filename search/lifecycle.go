package search

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/spravka/spravka"
)

// legacyIndexDir is the folder of indexes written before the manifest
// named its folder.
const legacyIndexDir = indexDir

// retireGrace is how long a swapped-out index stays open: a query that
// took a reader from it just before the swap (spelling correction reads
// the term dictionary directly) must be able to finish.
const retireGrace = 5 * time.Second

func (m manifest) indexDir() string {
	if m.IndexDir == "" {
		return legacyIndexDir
	}
	return m.IndexDir
}

// newIndexDir names a fresh index folder; the time keeps names unique and
// sortable without reading the folder.
func newIndexDir() string {
	return indexDir + "-" + strconv.FormatInt(time.Now().UnixNano(), 36)
}

// isIndexDir reports whether name is a folder this package creates for an
// index, current or not.
func isIndexDir(name string) bool {
	return name == legacyIndexDir || strings.HasPrefix(name, indexDir+"-")
}

// use makes idx the live index behind a fresh alias.
func (s *store) use(idx bleve.Index) {
	s.cur = idx
	s.alias = bleve.NewIndexAlias(idx)
	s.idx = s.alias
}

// removeStrayIndexes deletes index folders the manifest does not name:
// what a crash left of a rebuild that never committed, or of an old index
// whose deletion was cut short.
func (s *store) removeStrayIndexes() {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && isIndexDir(e.Name()) && e.Name() != s.man.indexDir() {
			_ = os.RemoveAll(filepath.Join(s.dir, e.Name()))
		}
	}
}

// retired holds indexes that were swapped out and are waiting to be
// closed and deleted.
type retired struct {
	grace   time.Duration
	mu      sync.Mutex
	pending map[bleve.Index]string // index → folder
	done    sync.WaitGroup
}

// retire closes idx and deletes path after the grace period.
func (r *retired) retire(idx bleve.Index, path string) {
	r.mu.Lock()
	if r.pending == nil {
		r.pending = map[bleve.Index]string{}
	}
	r.pending[idx] = path
	r.mu.Unlock()
	r.done.Add(1)
	time.AfterFunc(r.grace, func() {
		defer r.done.Done()
		r.drop(idx)
	})
}

func (r *retired) drop(idx bleve.Index) {
	r.mu.Lock()
	path, ok := r.pending[idx]
	delete(r.pending, idx)
	r.mu.Unlock()
	if ok {
		_ = idx.Close()
		_ = os.RemoveAll(path)
	}
}

// flush drops everything pending now, for Close.
func (r *retired) flush() {
	r.mu.Lock()
	var all []bleve.Index
	for idx := range r.pending {
		all = append(all, idx)
	}
	r.mu.Unlock()
	for _, idx := range all {
		r.drop(idx)
	}
}

// Served returns the articles the engine serves, sorted by path, for
// callers that keep their own view of the content in step with it.
func (e *Engine) Served() []*spravka.Article {
	snap := e.snap.Load()
	out := make([]*spravka.Article, 0, len(snap.entries))
	for _, en := range snap.entries {
		out = append(out, en.art)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// IndexDir returns the folder of the live bleve index, for tests and the
// admin status.
func (e *Engine) IndexDir() string {
	e.write.Lock()
	defer e.write.Unlock()
	return filepath.Join(e.store.dir, e.store.man.indexDir())
}
