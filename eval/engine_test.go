package eval_test

import (
	"context"
	"io/fs"
	"log/slog"
	"testing"

	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
)

// indexed opens an engine in a temporary dir with the content of fsys
// indexed; the test's cleanup closes it.
func indexed(t *testing.T, fsys fs.FS) *search.Engine {
	t.Helper()
	eng, err := search.Open(search.Config{DataDir: t.TempDir(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	if _, err := indexer.Build(context.Background(), eng, fsys, indexer.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	return eng
}
