package bench

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
)

// BenchmarkRestart20k measures how long `spravka serve` takes to be ready
// again after a restart with unchanged content on the 20k corpus: the
// engine opens the persisted bleve index and the watcher restores the
// snapshot cache instead of parsing and analysing every article. The
// issue's target is under 2 s. The first, cold start (parse, analyse,
// index everything) is reported as cold-s for comparison.
func BenchmarkRestart20k(b *testing.B) {
	v, err := SampleVocabulary()
	if err != nil {
		b.Fatal(err)
	}
	dir, data := b.TempDir(), b.TempDir()
	for p, f := range Generate(v, corpusSize, 1) {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	start := func(wantCache bool) time.Duration {
		t0 := time.Now()
		eng, err := search.Open(search.Config{DataDir: data, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		w, err := indexer.NewWatcher(indexer.WatchConfig{Dir: dir, Engine: eng, Logger: slog.New(slog.DiscardHandler), Reconcile: -1})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := w.Start(context.Background()); err != nil {
			b.Fatal(err)
		}
		took := time.Since(t0)
		if got := eng.Stats().Articles; got != corpusSize {
			b.Fatalf("serving %d articles", got)
		}
		if w.Restored() != wantCache {
			b.Fatalf("restored from the snapshot cache: %v, want %v", w.Restored(), wantCache)
		}
		w.Close()
		eng.Close()
		return took
	}
	cold := start(false)
	b.ResetTimer()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		total += start(true)
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "ready-s")
	b.ReportMetric(cold.Seconds(), "cold-s")
}
