package server

import (
	"errors"
	"net/http"

	"github.com/gorilla/mux"

	"github.com/spravka/spravka/analytics"
)

// initAnalytics sets up what the analytics feature adds to a server: the
// recorder (a no-op unless configured), the visitor salt, the metrics and
// the admin template, and wraps the engine so that customer searches are
// recorded wherever they are run.
func (s *Server) initAnalytics() error {
	s.analytics = s.cfg.Analytics
	if s.analytics == nil {
		s.analytics = analytics.Nop{}
	}
	s.visitorSalt = s.cfg.VisitorSalt
	if _, on := s.analytics.(analytics.Nop); !on && len(s.visitorSalt) < 16 {
		return errors.New("server: analytics needs a VisitorSalt of at least 16 bytes (see analytics.LoadSalt)")
	}
	s.requestIDs = newRequestIDs(s.visitorSalt)
	m, err := newMetrics(s.cfg.Metrics, s)
	if err != nil {
		return err
	}
	s.metrics = m
	if s.adminTmpl, err = parseAdminTemplate(); err != nil {
		return err
	}
	s.engine = recordSearches(s.engine, s)
	return nil
}

// analyticsRoutes declares the URLs of feedback, click-through, metrics and
// the admin dashboard; routes.go calls it.
func (s *Server) analyticsRoutes(r *mux.Router) {
	r.Use(s.nameRoute)
	r.Handle("/api/v1/feedback", s.apiOrPage(s.perClient(s.handleVote))).Methods(http.MethodPost)
	r.Handle("/api/v1/suggest/feedback", s.api(s.perClient(s.handleSuggestFeedback))).Methods(http.MethodPost)
	r.Handle("/r", s.page(s.handleClick)).Methods(http.MethodGet, http.MethodHead, http.MethodPost)
	r.Handle("/metrics", s.handleMetrics()).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/admin", s.page(s.handleAdmin)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/admin/login", s.page(s.handleAdminLogin)).Methods(http.MethodPost)
	r.Handle("/admin/logout", s.page(s.handleAdminLogout)).Methods(http.MethodPost)
	r.Handle("/admin/admin.css", s.page(s.handleAdminCSS)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/admin/report.csv", s.api(s.handleAdminExport("csv"))).Methods(http.MethodGet)
	r.Handle("/admin/report.json", s.api(s.handleAdminExport("json"))).Methods(http.MethodGet)
}

// apiOrPage answers JSON requests as an API (errors as JSON) and form
// posts as a page (errors as the themed error page), so that one endpoint
// serves both the no-JS form and the script.
func (s *Server) apiOrPage(h handlerFunc) http.Handler {
	api, page := s.api(h), s.page(h)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isFormPost(r) {
			page.ServeHTTP(w, r)
			return
		}
		api.ServeHTTP(w, r)
	})
}
