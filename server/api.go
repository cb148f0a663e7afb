package server

import (
	"net/http"
	"time"

	"github.com/gorilla/mux"

	"github.com/spravka/spravka"
)

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	q, err := searchParams(r.URL.Query())
	if err != nil {
		return err
	}
	q.Access = accessOf(r)
	q.PreferLangs = acceptLanguages(r)
	res, err := s.engine.Search(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) handleAutocomplete(w http.ResponseWriter, r *http.Request) error {
	q, err := searchParams(r.URL.Query())
	if err != nil {
		return err
	}
	// Not trimmed: a trailing space means the last word is complete.
	q.Text = r.URL.Query().Get("q")
	q.Access = accessOf(r)
	q.PreferLangs = acceptLanguages(r)
	list, err := s.engine.Autocomplete(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q.Text, "suggestions": list})
	return nil
}

// articleJSON is the article API's shape.
type articleJSON struct {
	ID           string            `json:"id"`
	Lang         string            `json:"lang"`
	Title        string            `json:"title"`
	Summary      string            `json:"summary,omitempty"`
	URL          string            `json:"url"`
	HTML         string            `json:"html"`
	Sections     []sectionJSON     `json:"sections"`
	Translations []translationJSON `json:"translations"`
	Category     string            `json:"category"`
	Tags         []string          `json:"tags"`
	Products     []string          `json:"products"`
	Updated      *time.Time        `json:"updated,omitempty"`
}

type sectionJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Level int    `json:"level"`
}

type translationJSON struct {
	Lang  string `json:"lang"`
	URL   string `json:"url"`
	Title string `json:"title"`
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) error {
	lang, err := langParam(r, s.cfg.DefaultLang)
	if err != nil {
		return err
	}
	access := accessOf(r)
	a, err := s.engine.Article(r.Context(), mux.Vars(r)["id"], lang, access)
	if err != nil {
		return err
	}
	out := articleJSON{ID: a.ID, Lang: a.Lang, Title: a.Title, Summary: a.Summary, URL: a.URL(), HTML: a.HTML,
		Sections: []sectionJSON{}, Translations: []translationJSON{}, Category: a.Category,
		Tags: nonNil(a.Tags), Products: nonNil(a.Products)}
	for _, sec := range a.Sections {
		out.Sections = append(out.Sections, sectionJSON{ID: sec.ID, Title: sec.Title, Level: sec.Level})
	}
	for _, t := range s.engine.Translations(r.Context(), a, access) {
		out.Translations = append(out.Translations, translationJSON{Lang: t.Lang, URL: t.URL(), Title: t.Title})
	}
	if !a.Updated.IsZero() {
		out.Updated = &a.Updated
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) handleCategories(w http.ResponseWriter, r *http.Request) error {
	lang, err := langParam(r, s.cfg.DefaultLang)
	if err != nil {
		return err
	}
	cats, err := s.engine.Categories(r.Context(), lang, accessOf(r))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"lang": lang, "categories": cats})
	return nil
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) error {
	if !s.engine.Ready() {
		return spravka.ErrNotReady
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	return nil
}

func (s *Server) handleAPINotFound(w http.ResponseWriter, r *http.Request) error {
	return spravka.Errorf(spravka.ErrNotFound, "no API endpoint %s", r.URL.Path)
}

func (s *Server) handleMethodNotAllowed(w http.ResponseWriter, r *http.Request) error {
	return &spravka.Error{Kind: errMethod, Message: "method " + r.Method + " is not allowed on " + r.URL.Path}
}

// nonNil makes an empty list [] in JSON rather than null, so that callers
// can iterate without a check.
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
