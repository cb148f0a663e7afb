package server

import (
	"net/http"
	"strings"

	"github.com/spravka/spravka"
)

// view is the data every page template gets. Handlers fill what their page
// has; the layout renders the head (canonical, hreflang, Open Graph,
// JSON-LD) from it.
type view struct {
	Lang        string
	Langs       []string
	SiteName    string
	Title       string
	Description string // meta description and og:description
	Canonical   string // absolute URL of this page
	Base        string // absolute site URL without the trailing slash
	Query       string
	Data        any
	Page        string // template name, set by render

	LangLinks   []langLink  // the language chooser; nil = each language's home
	Alternates  []alternate // hreflang links, this page included
	Breadcrumbs []crumb
	JSONLD      []any  // each becomes one <script type="application/ld+json">
	OGType      string // "website" when empty
	NoIndex     bool   // search results and error pages
	Preview     bool   // writers' preview mode: the layout shows the preview banner
}

// langLink is one entry of the language chooser.
type langLink struct {
	Lang    string
	URL     string
	Current bool
}

// alternate is a hreflang link to this page in another language.
type alternate struct {
	Lang string
	URL  string // absolute
}

// crumb is one step of the breadcrumbs; the last one has no URL.
type crumb struct {
	Title string
	URL   string
}

// newView starts the view of a public page of lang at the request's path.
func (s *Server) newView(r *http.Request, lang, title string) view {
	base := s.baseURL(r)
	return view{Lang: lang, Langs: spravka.Languages, SiteName: s.cfg.SiteName, Title: title,
		Base: base, Canonical: base + r.URL.EscapedPath(), Preview: s.cfg.Preview != nil}
}

// baseURL is the configured site URL, else the one the request came to.
func (s *Server) baseURL(r *http.Request) string {
	if s.cfg.BaseURL != "" {
		return strings.TrimSuffix(s.cfg.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// langOf picks the page language from Accept-Language by quality, else the
// default.
func (s *Server) langOf(r *http.Request) string {
	if langs := acceptLanguages(r); len(langs) > 0 {
		return langs[0]
	}
	return s.cfg.DefaultLang
}
