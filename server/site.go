package server

import (
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"github.com/spravka/spravka"
)

// page adapts an HTML handler. The page is held until the handler returns,
// so a successful one gets an ETag (and 304 on a match) and a failed one is
// replaced whole: not-found errors render the theme's 404 page with a
// search box, other errors the same page with their status and message.
func (s *Server) page(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := newBufferedResponse()
		if err := h(buf, r); err != nil {
			buf.reset()
			s.renderError(buf, r, err)
		}
		buf.flush(w, r)
	})
}

// errorPage is the data of the error page.
type errorPage struct {
	Status  int
	Message string // shown for statuses other than 404, whose text the theme has
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	status, _ := statusOf(err)
	if status == http.StatusInternalServerError {
		s.log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	lang := mux.Vars(r)["lang"]
	if !spravka.IsLanguage(lang) {
		lang = s.langOf(r)
	}
	v := s.newView(r, lang, "")
	v.Canonical, v.NoIndex = "", true
	v.Data = errorPage{Status: status, Message: spravka.ErrorMessage(err)}
	w.Header().Set("Cache-Control", "no-store")
	setRetryAfter(w, err)
	if rerr := s.pages.render(w, status, "notfound", v); rerr != nil {
		s.log.Error("error page failed", "path", r.URL.Path, "err", rerr)
		http.Error(w, http.StatusText(status), status)
	}
}

// handleRoot sends visitors to their language's home. The answer depends on
// Accept-Language, so caches must key on it.
func (s *Server) handleRoot(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Vary", "Accept-Language")
	w.Header().Set("Cache-Control", "private, no-cache")
	http.Redirect(w, r, "/"+s.langOf(r)+"/", http.StatusFound)
	return nil
}

// pageLang validates the {lang} path segment.
func pageLang(r *http.Request) (string, error) {
	lang := mux.Vars(r)["lang"]
	if !spravka.IsLanguage(lang) {
		return "", errPageNotFound
	}
	return lang, nil
}

// errPageNotFound is every public "not there": missing, non-public and
// unknown pages must be indistinguishable.
var errPageNotFound = spravka.Errorf(spravka.ErrNotFound, "page not found")

// aliasOr404 redirects an old path listed in an article's aliases with 301.
func (s *Server) aliasOr404(w http.ResponseWriter, r *http.Request) error {
	if a, ok := s.engine.Alias(r.URL.Path, spravka.Public); ok {
		http.Redirect(w, r, a.URL(), http.StatusMovedPermanently)
		return nil
	}
	return errPageNotFound
}

// notFound answers JSON under /api/ and the HTML 404 page elsewhere.
func (s *Server) notFound() http.Handler {
	api, page := s.api(s.handleAPINotFound), s.page(s.aliasOr404)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			api.ServeHTTP(w, r)
			return
		}
		page.ServeHTTP(w, r)
	})
}

// categoryTitles maps the category ids of lang to their titles, for
// breadcrumbs and hit labels.
func categoryTitles(cats []spravka.Category) map[string]string {
	out := make(map[string]string, len(cats))
	for _, c := range cats {
		out[c.ID] = c.Title
	}
	return out
}
