package evaltest

import (
	"context"
	"io/fs"
	"log/slog"
	"testing"

	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
)

// Engine returns an engine in a temporary directory that has indexed the
// content of fsys; the test's cleanup closes it.
func Engine(t testing.TB, fsys fs.FS) *search.Engine {
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
