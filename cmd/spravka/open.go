package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"

	"github.com/spravka/spravka/content"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
)

// contentFS returns the content tree: the folder, or the embedded sample.
func contentFS(dir string) (fs.FS, string, error) {
	if dir == "" {
		return content.FS(), "(embedded sample)", nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, "", fmt.Errorf("content: %w", err)
	}
	if !st.IsDir() {
		return nil, "", fmt.Errorf("content: %s is not a folder", dir)
	}
	fsys, err := indexer.DirFS(dir)
	if err != nil {
		return nil, "", err
	}
	return fsys, dir, nil
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// openAndIndex opens the engine on cfg.Data and indexes the content.
func openAndIndex(ctx context.Context, cfg config, log *slog.Logger, progress search.Progress) (*search.Engine, *indexer.Corpus, error) {
	fsys, _, err := contentFS(cfg.Content)
	if err != nil {
		return nil, nil, err
	}
	eng, err := search.Open(search.Config{DataDir: cfg.Data, DefaultLang: cfg.DefaultLang, Logger: log})
	if err != nil {
		return nil, nil, err
	}
	corpus, err := indexer.Build(ctx, eng, fsys, indexer.Options{DefaultLang: cfg.DefaultLang, UnsafeHTML: cfg.UnsafeHTML}, progress)
	if err != nil {
		eng.Close()
		return nil, nil, err
	}
	for _, p := range corpus.Problems {
		if p.Warning {
			log.Warn(p.String())
		} else {
			log.Error(p.String() + " (skipped)")
		}
	}
	return eng, corpus, nil
}
