package bench

import (
	"context"
	"io/fs"
	"log/slog"
	"testing"

	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
)

// buildEngine returns an engine that has indexed content in a temporary
// directory, closed when the benchmark ends.
func buildEngine(b testing.TB, content fs.FS) *search.Engine {
	b.Helper()
	eng, err := search.Open(search.Config{DataDir: b.TempDir(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { eng.Close() })
	if _, err := indexer.Build(context.Background(), eng, content, indexer.Options{}, nil); err != nil {
		b.Fatal(err)
	}
	return eng
}
