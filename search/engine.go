package search

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"

	"github.com/spravka/spravka"
)

// Config configures an Engine. It is validated once by Open.
type Config struct {
	DataDir     string       // where the index lives; required
	DefaultLang string       // language of queries that name none and cannot be detected
	Logger      *slog.Logger // defaults to slog.Default()
	Ranking     Ranking      // zero value means DefaultRanking
	Model       *Model       // the learned ranker; nil means DefaultModel
}

// Content is a whole content tree as the engine serves it.
type Content struct {
	Articles   []*spravka.Article
	Categories map[string]map[string]spravka.Category // lang → id → metadata
	Synonyms   map[string][][]string                  // lang → groups of terms
}

// Engine is the search engine: a bleve index on disk for candidates,
// filters and facets, and an in-memory snapshot of the served articles for
// ranking, passages and the article API. It is safe for concurrent use.
type Engine struct {
	cfg   Config
	log   *slog.Logger
	store *store
	an    *analyzers
	dict  *dictionary
	snap  atomic.Pointer[snapshot]
	ready atomic.Bool
	write sync.Mutex // serialises updates; readers never wait on it

	rebuilding sync.Mutex // held by Reindex, so that rebuilds do not overlap
}

// Open opens (or creates) the index under cfg.DataDir. The engine serves
// nothing until Replace has loaded the content.
func Open(cfg Config) (*Engine, error) {
	if cfg.DataDir == "" {
		return nil, fmt.Errorf("search: data dir is required")
	}
	if cfg.DefaultLang == "" {
		cfg.DefaultLang = "en"
	}
	if !spravka.IsLanguage(cfg.DefaultLang) {
		return nil, fmt.Errorf("search: unsupported default language %q", cfg.DefaultLang)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Ranking == (Ranking{}) {
		cfg.Ranking = DefaultRanking()
	}
	if cfg.Model == nil {
		cfg.Model = DefaultModel()
	}
	st, err := openStore(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	e := &Engine{cfg: cfg, log: cfg.Logger, store: st, an: newAnalyzers(st.idx.Mapping()), dict: newDictionary()}
	e.snap.Store(emptySnapshot())
	return e, nil
}

// Close releases the index and the data dir lock.
func (e *Engine) Close() error { return e.store.close() }

// Ready reports whether content has been loaded.
func (e *Engine) Ready() bool { return e.ready.Load() }

// Stats describes what the engine serves.
type Stats struct {
	Articles int
	ByLang   map[string]int
}

// Stats returns article counts.
func (e *Engine) Stats() Stats {
	s := e.snap.Load()
	st := Stats{Articles: len(s.entries), ByLang: map[string]int{}}
	for _, en := range s.entries {
		st.ByLang[en.art.Lang]++
	}
	return st
}

// Progress is called during long operations with done out of total.
type Progress func(done, total int)

// Replace makes the engine serve exactly c: articles whose content hash the
// manifest already knows are not re-indexed; others are written in batches;
// articles gone from c are deleted.
func (e *Engine) Replace(ctx context.Context, c *Content, progress Progress) error {
	e.write.Lock()
	defer e.write.Unlock()

	want := make(map[string]*spravka.Article, len(c.Articles))
	for _, a := range c.Articles {
		want[a.Key()] = a
	}
	var upserts []*spravka.Article
	for _, a := range c.Articles {
		if e.store.man.Hashes[a.Key()] != a.Hash || a.Hash == "" {
			upserts = append(upserts, a)
		}
	}
	var deletes []string
	for key := range e.store.man.Hashes {
		if _, ok := want[key]; !ok {
			deletes = append(deletes, key)
		}
	}
	if err := e.writeIndex(ctx, upserts, deletes, progress); err != nil {
		return err
	}

	snap := emptySnapshot()
	snap.categories = c.Categories
	snap.synonyms = e.compileSynonyms(c.Synonyms)
	entries := e.analyzeAll(ctx, c.Articles)
	for _, en := range entries {
		snap.entries[en.art.Key()] = en
		snap.stats[en.art.Lang].add(en.rank, 1)
		snap.hidden[en.art.Lang].add(en, 1)
	}
	snap.reindexDerived()
	snap.indexLangs(&e.cfg.Ranking, allLangs())
	e.snap.Store(snap)
	e.ready.Store(true)
	e.log.Info("index ready", "articles", len(entries), "written", len(upserts), "deleted", len(deletes))
	return nil
}

// Update applies a change of some articles: upserts replace articles with
// the same key, deletes remove keys. The new state becomes visible at once,
// as a whole.
func (e *Engine) Update(ctx context.Context, upserts []*spravka.Article, deletes []string) error {
	e.write.Lock()
	defer e.write.Unlock()
	if err := e.writeIndex(ctx, upserts, deletes, nil); err != nil {
		return err
	}
	old := e.snap.Load()
	snap := &snapshot{entries: make(map[string]*entry, len(old.entries)+len(upserts)),
		stats: map[string]*langStats{}, hidden: map[string]hiddenStats{}, synonyms: old.synonyms, categories: old.categories,
		postings: map[string]*postings{}}
	for k, v := range old.entries {
		snap.entries[k] = v
	}
	// The statistics of a language are copied before its first change, so
	// readers of the old snapshot never see this one's counts.
	touched := map[string]bool{}
	count := func(en *entry, sign int32) {
		lang := en.art.Lang
		if !touched[lang] {
			snap.stats[lang] = old.stats[lang].clone()
			snap.hidden[lang] = old.hidden[lang].clone()
			touched[lang] = true
		}
		snap.stats[lang].add(en.rank, sign)
		snap.hidden[lang].add(en, sign)
	}
	remove := func(key string) {
		if en, ok := snap.entries[key]; ok {
			count(en, -1)
			delete(snap.entries, key)
		}
	}
	for _, key := range deletes {
		remove(key)
	}
	for _, en := range e.analyzeAll(ctx, upserts) {
		remove(en.art.Key())
		count(en, 1)
		snap.entries[en.art.Key()] = en
	}
	for lang, st := range old.stats {
		if !touched[lang] {
			snap.stats[lang] = st
			snap.hidden[lang] = old.hidden[lang]
			snap.postings[lang] = old.postings[lang]
		}
	}
	snap.reindexDerived()
	snap.indexLangs(&e.cfg.Ranking, touched)
	e.snap.Store(snap)
	return nil
}

// SetSynonyms replaces the synonym groups of every language.
func (e *Engine) SetSynonyms(groups map[string][][]string) {
	e.write.Lock()
	defer e.write.Unlock()
	old := e.snap.Load()
	snap := *old
	snap.synonyms = e.compileSynonyms(groups)
	e.snap.Store(&snap)
}

// SetCategories replaces the category metadata.
func (e *Engine) SetCategories(cats map[string]map[string]spravka.Category) {
	e.write.Lock()
	defer e.write.Unlock()
	old := e.snap.Load()
	snap := *old
	snap.categories = cats
	e.snap.Store(&snap)
}

const batchSize = 500

// writeIndex writes upserts and deletes to bleve in batches and keeps the
// manifest in step. Keys are marked dirty in the manifest before a batch is
// written, so a crash mid-way leaves nothing the next start would not redo.
func (e *Engine) writeIndex(ctx context.Context, upserts []*spravka.Article, deletes []string, progress Progress) error {
	total := len(upserts) + len(deletes)
	if total == 0 {
		return nil
	}
	man := &e.store.man
	for _, a := range upserts {
		if _, ok := man.Hashes[a.Key()]; !ok {
			man.Hashes[a.Key()] = "" // dirty: present in the index maybe, content unknown
		}
	}
	if err := e.store.saveManifest(); err != nil {
		return err
	}
	done := 0
	for start := 0; start < len(upserts) || (start == 0 && len(deletes) > 0); start += batchSize {
		if err := ctx.Err(); err != nil {
			return err
		}
		b := e.store.idx.NewBatch()
		end := min(start+batchSize, len(upserts))
		for _, a := range upserts[start:end] {
			if err := b.Index(a.Key(), newDocument(a)); err != nil {
				return fmt.Errorf("index %s: %w", a.Path, err)
			}
		}
		if start == 0 {
			for _, key := range deletes {
				b.Delete(key)
			}
		}
		if err := e.store.idx.Batch(b); err != nil {
			return fmt.Errorf("write index batch: %w", err)
		}
		for _, a := range upserts[start:end] {
			man.Hashes[a.Key()] = a.Hash
		}
		if start == 0 {
			for _, key := range deletes {
				delete(man.Hashes, key)
			}
			done += len(deletes)
		}
		done += end - start
		if progress != nil {
			progress(done, total)
		}
		if end >= len(upserts) {
			break
		}
	}
	return e.store.saveManifest()
}

// index exposes bleve to the files of this package.
func (e *Engine) index() bleve.Index { return e.store.idx }

func allLangs() map[string]bool {
	m := map[string]bool{}
	for _, l := range spravka.Languages {
		m[l] = true
	}
	return m
}
