package server

import (
	"net/http"

	"github.com/gorilla/mux"
)

// routes is the server's handler: the router behind the middleware.
func (s *Server) routes() http.Handler {
	return s.middleware(s.measure(s.authenticate(s.router())))
}

// router is the one place every URL of the server is declared.
func (s *Server) router() *mux.Router {
	r := mux.NewRouter()
	r.StrictSlash(false)

	r.Handle("/healthz", s.api(s.handleHealth)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/readyz", s.api(s.handleReady)).Methods(http.MethodGet, http.MethodHead)

	// API routes hang off the root router, not a subrouter: gorilla/mux
	// reports a method mismatch inside a subrouter as 404 instead of 405.

	// perClient: anonymous callers of the API and the search page are
	// limited per client address (see ratelimit_client.go); pages, static
	// files, health and metrics are not, so crawlers and browsers keep going.
	r.Handle("/api/v1/search", s.api(s.perClient(s.handleSearch))).Methods(http.MethodGet)
	r.Handle("/api/v1/autocomplete", s.api(s.perClient(s.handleAutocomplete))).Methods(http.MethodGet)
	r.Handle("/api/v1/articles/{id:.+}", s.api(s.perClient(s.handleArticle))).Methods(http.MethodGet)
	r.Handle("/api/v1/categories", s.api(s.perClient(s.handleCategories))).Methods(http.MethodGet)
	r.Handle("/api/v1/suggest", s.api(s.perClient(s.handleSuggest))).Methods(http.MethodPost)
	// POST: the agent forms post here when the script is blocked, so that
	// nothing typed into them lands in a URL (see agent.html).
	r.Handle("/agent", s.page(s.handleAgentPage)).Methods(http.MethodGet, http.MethodHead, http.MethodPost)
	s.analyticsRoutes(r)
	r.Handle("/api/v1/admin/reindex", s.api(s.handleReindex)).Methods(http.MethodGet, http.MethodPost)
	s.previewRoutes(r)

	r.Handle("/", s.page(s.handleRoot)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/robots.txt", s.page(s.handleRobots)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/sitemap.xml", s.page(s.handleSitemap)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/{lang:[a-z]{2}}/feed.xml", s.page(s.handleFeed)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/{lang:[a-z]{2}}/opensearch.xml", s.page(s.handleOpenSearch)).Methods(http.MethodGet, http.MethodHead)
	r.PathPrefix("/static/").Handler(s.static()).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/{lang:[a-z]{2}}/", s.page(s.handleHome)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/{lang:[a-z]{2}}/search", s.page(s.perClient(s.handleSearchPage))).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/{lang:[a-z]{2}}/{category}/", s.page(s.handleCategoryPage)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/{lang:[a-z]{2}}/{category}/{slug}", s.page(s.handleArticlePage)).Methods(http.MethodGet, http.MethodHead)
	r.NotFoundHandler = s.notFound()
	r.MethodNotAllowedHandler = s.api(s.handleMethodNotAllowed)
	return r
}
