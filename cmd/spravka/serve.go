package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spravka/spravka/server"
	"github.com/spravka/spravka/themes"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "serve [--content DIR] [--addr 127.0.0.1:8080] [--data DIR] [--config FILE] [--preview]", stderr)
	s := newSettings(fs, "content", "data", "addr", "theme", "lang", "analytics")
	preview := fs.Bool("preview", false, "writers' preview: show drafts and internal articles, reload pages on save, show check problems")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := s.resolve()
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	an, salt, err := openAnalytics(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeAnalytics(an, log)
	theme, err := themes.Load(cfg.Theme)
	if err != nil {
		return err
	}
	lv, err := startLive(ctx, cfg, log, *preview)
	if err != nil {
		return err
	}
	defer lv.close()
	eng, corpus := lv.eng, lv.corpus
	_, where, _ := contentFS(cfg.Content)
	log.Info("content loaded", "from", where, "articles", len(corpus.Articles), "problems", len(corpus.Problems))
	srv, err := server.New(server.Config{Addr: cfg.Addr, DefaultLang: cfg.DefaultLang, SiteName: cfg.SiteName,
		BaseURL: cfg.BaseURL, Theme: theme, Logger: log, Agents: cfg.serverAgents(log), AdminTokenSHA256: cfg.AdminTokenSHA256,
		RateLimit:   server.RateLimit{PerSecond: cfg.RateLimit.PerSecond, Burst: cfg.RateLimit.Burst},
		ClientLimit: cfg.serverClientLimit(),
		Preview:     lv.previewFeed(), Reindexer: lv.reindexer(),
		Analytics: an, Reports: an, VisitorSalt: salt, IndexBytes: indexBytes(cfg.Data)}, eng)
	if err != nil {
		return err
	}
	// SIGHUP and edits of the config file revoke and add tokens without a
	// restart; the reloader stops with the server.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	reloadCtx, stopReload := context.WithCancel(ctx)
	reloaded := make(chan struct{})
	go func() { defer close(reloaded); newAuthReloader(s, cfg, srv, log).run(reloadCtx, hup) }()
	defer func() { stopReload(); <-reloaded }()
	if err := srv.ListenAndServe(ctx); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "spravka: stopped")
	return nil
}
