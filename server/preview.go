package server

import (
	"context"
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"github.com/spravka/spravka"
)

// PreviewFeed is what preview mode needs from the content watcher: a signal
// whenever the served content changed, and the `spravka check` problems of
// the article at a URL.
type PreviewFeed interface {
	// Subscribe returns a channel that receives a value after every applied
	// change, and a function that ends the subscription.
	Subscribe() (<-chan struct{}, func())
	// PageProblems returns the problems of the article served at url.
	PageProblems(url string) []spravka.Problem
}

// previewEngine shows writers everything: drafts and internal articles
// appear on pages, in search and in the API, whatever the caller's access.
// Preview mode is for a writer's own machine, never a public site.
type previewEngine struct{ Engine }

var previewAccess = spravka.Access{Preview: true}

func (p previewEngine) Search(ctx context.Context, q spravka.Query) (*spravka.Result, error) {
	q.Access = previewAccess
	return p.Engine.Search(ctx, q)
}

func (p previewEngine) Autocomplete(ctx context.Context, q spravka.Query) ([]spravka.Completion, error) {
	q.Access = previewAccess
	return p.Engine.Autocomplete(ctx, q)
}

// Suggest keeps the agent's name (feedback and analytics need it) but shows
// the writer's drafts and internal articles, as search does in preview.
func (p previewEngine) Suggest(ctx context.Context, r spravka.SuggestRequest) (*spravka.Suggestions, error) {
	r.Access.Preview = true
	return p.Engine.Suggest(ctx, r)
}

func (p previewEngine) Article(ctx context.Context, id, lang string, _ spravka.Access) (*spravka.Article, error) {
	return p.Engine.Article(ctx, id, lang, previewAccess)
}

func (p previewEngine) Translations(ctx context.Context, art *spravka.Article, _ spravka.Access) []*spravka.Article {
	return p.Engine.Translations(ctx, art, previewAccess)
}

func (p previewEngine) Categories(ctx context.Context, lang string, _ spravka.Access) ([]spravka.Category, error) {
	return p.Engine.Categories(ctx, lang, previewAccess)
}

func (p previewEngine) Articles(ctx context.Context, lang, category string, _ spravka.Access) []*spravka.Article {
	return p.Engine.Articles(ctx, lang, category, previewAccess)
}

func (p previewEngine) Alias(path string, _ spravka.Access) (*spravka.Article, bool) {
	return p.Engine.Alias(path, previewAccess)
}

// previewRoutes declares the preview endpoints; they exist only in
// preview mode.
func (s *Server) previewRoutes(r *mux.Router) {
	if s.cfg.Preview == nil {
		return
	}
	r.Handle("/api/v1/preview/events", http.HandlerFunc(s.handlePreviewEvents)).Methods(http.MethodGet)
	r.Handle("/api/v1/preview/page", s.api(s.handlePreviewPage)).Methods(http.MethodGet)
}

// previewPageJSON tells preview.js what to show in the banner.
type previewPageJSON struct {
	URL      string           `json:"url"`
	Path     string           `json:"path,omitempty"` // source file of the article shown
	Draft    bool             `json:"draft"`
	Audience []string         `json:"audience,omitempty"`
	Problems []previewProblem `json:"problems"`
}

type previewProblem struct {
	Path     string `json:"path"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Text     string `json:"text"` // path:line:col: severity: message, as spravka check prints it
}

// handlePreviewPage describes the page at ?url=/ru/billing/refunds: the
// article's draft and audience flags and its check problems.
func (s *Server) handlePreviewPage(w http.ResponseWriter, r *http.Request) error {
	url := r.URL.Query().Get("url")
	if !strings.HasPrefix(url, "/") || len(url) > 2048 {
		return spravka.Errorf(spravka.ErrBadQuery, "url must be a site path such as /ru/billing/refunds")
	}
	out := previewPageJSON{URL: url, Problems: []previewProblem{}}
	if a := s.articleAt(r.Context(), url); a != nil {
		out.Path, out.Draft = a.Path, a.Draft
		if !a.IsPublic() {
			out.Audience = a.Audience
		}
	}
	for _, p := range s.cfg.Preview.PageProblems(url) {
		sev := "error"
		if p.Warning {
			sev = "warning"
		}
		text := p.String()
		if i := strings.Index(text, ": "); i >= 0 {
			text = text[:i] + ": " + sev + text[i:]
		}
		out.Problems = append(out.Problems, previewProblem{Path: p.Path, Line: p.Line, Column: p.Column, Severity: sev, Message: p.Message, Text: text})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// articleAt finds the article served at a /{lang}/{category}/{slug} URL.
func (s *Server) articleAt(ctx context.Context, url string) *spravka.Article {
	parts := strings.Split(strings.Trim(url, "/"), "/")
	if len(parts) != 3 || !spravka.IsLanguage(parts[0]) {
		return nil
	}
	for _, a := range s.engine.Articles(ctx, parts[0], parts[1], previewAccess) {
		if a.Slug == parts[2] {
			return a
		}
	}
	return nil
}
