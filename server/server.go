// Package server serves the public help center, the JSON API and the health
// endpoints over HTTP. It talks to the search engine only through the small
// interfaces of the root package and never imports bleve.
package server

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
)

// Engine is what the server needs from the search engine. Suggest is part
// of it rather than found by a type assertion at run time: a wrapper (the
// preview and analytics ones) that embeds an Engine then passes it on, and
// an engine without it does not compile instead of answering 404.
type Engine interface {
	spravka.Searcher
	spravka.Completer
	spravka.Library
	spravka.Suggester
	Ready() bool
}

// Config configures a Server; New validates it once.
type Config struct {
	Addr        string // listen address, e.g. 127.0.0.1:8080
	DefaultLang string
	SiteName    string
	BaseURL     string // absolute site URL for canonical links; empty = from the request
	Theme       fs.FS  // theme files; overrides already merged (see themes.Merge)
	Logger      *slog.Logger
	// Agents may call the agent API and see the internal articles of their
	// tiers; AdminTokenSHA256 is the hex SHA-256 of the admin token (see auth.go).
	// They are where the server starts; SetAuth replaces them later.
	Agents           []Agent
	AdminTokenSHA256 string
	RateLimit        RateLimit   // per-token limit; zero = 20 req/s, burst 40
	ClientLimit      ClientLimit // per-client limit of anonymous searches; zero = off
	// Preview, when set, turns on writers' preview mode (see preview.go):
	// drafts and internal articles are shown and pages reload on save.
	Preview PreviewFeed
	// Reindexer serves POST /api/v1/admin/reindex; nil disables it.
	Reindexer Reindexer
	// Analytics receives search, click, vote and suggest events; nil keeps
	// none. Reports answers the /admin dashboard; nil shows it as off.
	// VisitorSalt keys the hashes that allow one vote per visitor and day.
	Analytics   analytics.Recorder
	Reports     analytics.Reporter
	VisitorSalt []byte
	// Metrics is the registry /metrics serves; nil = a new one. IndexBytes,
	// when set, reports the index size on disk for it.
	Metrics    *prometheus.Registry
	IndexBytes func() int64
}

// Server is the HTTP server.
type Server struct {
	cfg    Config
	log    *slog.Logger
	engine Engine
	pages  *pages
	http   *http.Server
	auth   atomic.Pointer[authenticator] // replaced whole by SetAuth
	admins *adminSessions
	// clients limits anonymous API calls and searches per client; nil = off.
	clients *clientLimiter

	analytics   analytics.Recorder // never nil: analytics.Nop when off
	visitorSalt []byte
	requestIDs  requestIDs // ids of suggest answers, for the agents' feedback
	metrics     *metrics
	adminTmpl   *template.Template
	bodies      *articleBodies // article page bodies with heading anchors

	reindex reindexJob
}

// New builds a server over engine.
func New(cfg Config, engine Engine) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if cfg.DefaultLang == "" {
		cfg.DefaultLang = "en"
	}
	if !spravka.IsLanguage(cfg.DefaultLang) {
		return nil, fmt.Errorf("server: unsupported default language %q", cfg.DefaultLang)
	}
	if cfg.SiteName == "" {
		cfg.SiteName = "Help Center"
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Theme == nil {
		return nil, errors.New("server: theme is required")
	}
	if cfg.Preview != nil {
		engine = previewEngine{engine}
	}
	s := &Server{cfg: cfg, log: cfg.Logger, engine: engine, admins: newAdminSessions()}
	if err := s.SetAuth(cfg.Agents, cfg.AdminTokenSHA256, cfg.RateLimit); err != nil {
		return nil, err
	}
	var err error
	if s.clients, err = newClientLimiter(cfg.ClientLimit); err != nil {
		return nil, err
	}
	p, err := newPages(cfg.Theme)
	if err != nil {
		return nil, err
	}
	s.pages = p
	s.bodies = newArticleBodies()
	if err := s.initAnalytics(); err != nil {
		return nil, err
	}
	s.http = &http.Server{
		Addr:              cfg.Addr,
		Handler:           s.routes(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	return s, nil
}

// Handler returns the server's HTTP handler (for tests and embedding).
func (s *Server) Handler() http.Handler { return s.http.Handler }

// ListenAndServe serves until ctx is cancelled, then shuts down gracefully.
func (s *Server) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	s.log.Info("serving", "url", "http://"+ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- s.http.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.http.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
