package bench

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/eval"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/internal/evaltest"
	"github.com/spravka/spravka/search"
)

// BenchmarkSharedSets searches every query of every shared evaluation set
// as a visitor's first page (10 hits with sections and snippets, no
// facets) and reports p50/p99 per set and query language: the in-process
// latency the ranking issue compares with Xapian on the same sets.
func BenchmarkSharedSets(b *testing.B) {
	root := evaltest.SharedSets(b)
	sets, err := filepath.Glob(filepath.Join(root, "*", "queries.jsonl"))
	if err != nil || len(sets) == 0 {
		b.Fatalf("no shared sets under %s: %v", root, err)
	}
	for _, qfile := range sets {
		dir := filepath.Dir(qfile)
		eng, err := search.Open(search.Config{DataDir: b.TempDir(), Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := indexer.Build(context.Background(), eng, os.DirFS(filepath.Join(dir, "content")), indexer.Options{}, nil); err != nil {
			b.Fatal(err)
		}
		queries, _, err := eval.ReadFiles(qfile, filepath.Join(dir, "qrels.tsv"))
		if err != nil {
			b.Fatal(err)
		}
		byLang := map[string][]eval.Query{}
		for _, q := range queries {
			byLang[q.Lang] = append(byLang[q.Lang], q)
		}
		for lang, qs := range byLang {
			b.Run(fmt.Sprintf("%s-%s", filepath.Base(dir), lang), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					took := make([]time.Duration, 0, len(qs))
					for _, q := range qs {
						start := time.Now()
						if _, err := eng.Search(context.Background(), spravka.Query{Text: q.Text, Lang: q.Lang, Page: 1, PerPage: 10}); err != nil {
							b.Fatal(err)
						}
						took = append(took, time.Since(start))
					}
					reportPercentiles(b, took)
				}
			})
		}
		eng.Close()
	}
}
