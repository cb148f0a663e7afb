package search_test

import (
	"context"
	"log/slog"
	"os"
	"testing"

	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
)

// openSample returns an engine serving the sample help center (content/),
// closed when the test ends.
func openSample(t testing.TB) *search.Engine {
	t.Helper()
	e, err := search.Open(search.Config{DataDir: t.TempDir(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	if _, err := indexer.Build(context.Background(), e, os.DirFS("../content"), indexer.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	return e
}
