package main

import (
	"context"
	"crypto/sha256"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/spravka/spravka/server"
)

// reloadDebounce collects the events of one save (an editor writes a
// temporary file and renames it; Kubernetes swaps a symlinked folder)
// into one reload.
const reloadDebounce = 100 * time.Millisecond

// authReloader keeps the running server's agents, admin token and rate
// limit in step with the config file, so that revoking a token takes
// effect without a restart: on SIGHUP, and when the file changes. Only
// that part of the config is applied; a change to anything else is
// logged as needing a restart. A config that does not load or validate is
// logged and the current agents stay.
type authReloader struct {
	file    string                 // the config file; "" = nothing to reload
	resolve func() (config, error) // the whole config, as at start
	srv     *server.Server
	log     *slog.Logger
	current config   // last applied
	sum     [32]byte // hash of the file as last applied
}

func newAuthReloader(s *settings, cfg config, srv *server.Server, log *slog.Logger) *authReloader {
	r := &authReloader{file: s.configFile(), resolve: s.resolve, srv: srv, log: log, current: cfg}
	if b, err := os.ReadFile(r.file); err == nil {
		r.sum = sha256.Sum256(b)
	}
	return r
}

// run reloads until ctx is done. The watch is on the file's folder, not
// the file: a file replaced by rename would take a watch on it along.
func (r *authReloader) run(ctx context.Context, hup <-chan os.Signal) {
	var events <-chan fsnotify.Event
	var errs <-chan error
	if r.file != "" {
		if w, err := fsnotify.NewWatcher(); err != nil {
			r.log.Warn("config file not watched; reload it with SIGHUP", "file", r.file, "err", err)
		} else if err := w.Add(filepath.Dir(r.file)); err != nil {
			w.Close()
			r.log.Warn("config file not watched; reload it with SIGHUP", "file", r.file, "err", err)
		} else {
			defer w.Close()
			events, errs = w.Events, w.Errors
		}
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			r.reload("SIGHUP", true)
		case ev := <-events:
			if ev.Op != fsnotify.Chmod {
				timer.Reset(reloadDebounce)
			}
		case err := <-errs:
			r.log.Warn("config file watch", "err", err)
		case <-timer.C:
			r.reload("config file changed", false)
		}
	}
}

// reload applies the config file's agents and admin token; unless forced,
// only when the file's bytes changed, as the folder's events include other
// files.
func (r *authReloader) reload(reason string, force bool) {
	if r.file == "" {
		r.log.Info("no config file to reload", "reason", reason)
		return
	}
	b, err := os.ReadFile(r.file)
	if err != nil {
		r.log.Error("config not reloaded; keeping the current agents and admin token", "reason", reason, "err", err)
		return
	}
	sum := sha256.Sum256(b)
	if !force && sum == r.sum {
		return
	}
	cfg, err := r.resolve()
	if err == nil {
		err = r.srv.SetAuth(cfg.serverAgents(r.log), cfg.AdminTokenSHA256,
			server.RateLimit{PerSecond: cfg.RateLimit.PerSecond, Burst: cfg.RateLimit.Burst})
	}
	if err != nil {
		r.log.Error("config not reloaded; keeping the current agents and admin token", "reason", reason, "err", err)
		return
	}
	r.sum = sum
	r.log.Info("config reloaded", "reason", reason, "agents", len(cfg.Agents), "admin", cfg.AdminTokenSHA256 != "")
	if !reflect.DeepEqual(withoutAuth(cfg), withoutAuth(r.current)) {
		r.log.Warn("config: only agents, admin_token_sha256 and rate_limit apply without a restart; the other changes wait for one")
	}
	r.current = cfg
}

// withoutAuth is cfg without the part a reload applies.
func withoutAuth(cfg config) config {
	cfg.Agents, cfg.AdminTokenSHA256, cfg.RateLimit = nil, "", rateLimitConfig{}
	return cfg
}
