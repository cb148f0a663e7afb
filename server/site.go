package server

import (
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"github.com/spravka/spravka"
)

// page adapts an HTML handler: not-found errors render the theme's 404 page
// (with a search box), other errors a plain message with their status.
func (s *Server) page(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		status, _ := statusOf(err)
		if status == http.StatusInternalServerError {
			s.log.Error("page failed", "path", r.URL.Path, "err", err)
		}
		lang := mux.Vars(r)["lang"]
		if !spravka.IsLanguage(lang) {
			lang = s.langOf(r)
		}
		v := view{Lang: lang, Langs: spravka.Languages, SiteName: s.cfg.SiteName, Data: spravka.ErrorMessage(err)}
		if rerr := s.pages.render(w, status, "notfound", v); rerr != nil {
			http.Error(w, http.StatusText(status), status)
		}
	})
}

func (s *Server) handleRoot(w http.ResponseWriter, r *http.Request) error {
	http.Redirect(w, r, "/"+s.langOf(r)+"/", http.StatusFound)
	return nil
}

// pageLang validates the {lang} path segment.
func pageLang(r *http.Request) (string, error) {
	lang := mux.Vars(r)["lang"]
	if !spravka.IsLanguage(lang) {
		return "", spravka.Errorf(spravka.ErrNotFound, "page not found")
	}
	return lang, nil
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	lang, err := pageLang(r)
	if err != nil {
		return err
	}
	cats, err := s.engine.Categories(r.Context(), lang, spravka.Public)
	if err != nil {
		return err
	}
	return s.pages.render(w, http.StatusOK, "home", view{Lang: lang, Langs: spravka.Languages, SiteName: s.cfg.SiteName,
		Title: s.cfg.SiteName, Data: cats})
}

func (s *Server) handleCategoryPage(w http.ResponseWriter, r *http.Request) error {
	lang, err := pageLang(r)
	if err != nil {
		return err
	}
	id := mux.Vars(r)["category"]
	cats, err := s.engine.Categories(r.Context(), lang, spravka.Public)
	if err != nil {
		return err
	}
	for _, c := range cats {
		if c.ID == id {
			arts := s.engine.Articles(r.Context(), lang, id, spravka.Public)
			return s.pages.render(w, http.StatusOK, "category", view{Lang: lang, Langs: spravka.Languages,
				SiteName: s.cfg.SiteName, Title: c.Title, Data: map[string]any{"Category": c, "Articles": arts}})
		}
	}
	return s.aliasOr404(w, r)
}

func (s *Server) handleArticlePage(w http.ResponseWriter, r *http.Request) error {
	lang, err := pageLang(r)
	if err != nil {
		return err
	}
	vars := mux.Vars(r)
	id := vars["category"] + "/" + vars["slug"]
	a, err := s.engine.Article(r.Context(), id, lang, spravka.Public)
	if err != nil || a.Category != vars["category"] || a.Slug != vars["slug"] {
		// The id default is category/slug; an article with an explicit id is
		// found by its URL among the category's articles.
		a = nil
		for _, c := range s.engine.Articles(r.Context(), lang, vars["category"], spravka.Public) {
			if c.Slug == vars["slug"] {
				a = c
				break
			}
		}
		if a == nil {
			return s.aliasOr404(w, r)
		}
	}
	return s.pages.render(w, http.StatusOK, "article", view{Lang: lang, Langs: spravka.Languages, SiteName: s.cfg.SiteName,
		Title: a.Title, Data: map[string]any{"Article": a, "Translations": s.engine.Translations(r.Context(), a, spravka.Public)}})
}

// aliasOr404 redirects an old path listed in an article's aliases with 301.
func (s *Server) aliasOr404(w http.ResponseWriter, r *http.Request) error {
	if a, ok := s.engine.Alias(r.URL.Path, spravka.Public); ok {
		http.Redirect(w, r, a.URL(), http.StatusMovedPermanently)
		return nil
	}
	return spravka.Errorf(spravka.ErrNotFound, "page not found")
}

func (s *Server) handleSearchPage(w http.ResponseWriter, r *http.Request) error {
	lang, err := pageLang(r)
	if err != nil {
		return err
	}
	v := r.URL.Query()
	if v.Get("lang") == "" {
		v.Set("lang", lang)
	}
	q, err := searchParams(v)
	if err != nil {
		return err
	}
	var res *spravka.Result
	if q.Text != "" {
		if res, err = s.engine.Search(r.Context(), q); err != nil {
			return err
		}
	}
	return s.pages.render(w, http.StatusOK, "search", view{Lang: lang, Langs: spravka.Languages, SiteName: s.cfg.SiteName,
		Title: q.Text, Query: q.Text, Data: res})
}

// notFound answers JSON under /api/ and the HTML 404 page elsewhere.
func (s *Server) notFound() http.Handler {
	api, page := s.api(s.handleAPINotFound), s.page(s.handleNotFound)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			api.ServeHTTP(w, r)
			return
		}
		page.ServeHTTP(w, r)
	})
}

func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) error {
	if a, ok := s.engine.Alias(r.URL.Path, spravka.Public); ok {
		http.Redirect(w, r, a.URL(), http.StatusMovedPermanently)
		return nil
	}
	return spravka.Errorf(spravka.ErrNotFound, "page not found")
}
