package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
)

// handleClick records a click on a search result and redirects to it:
// GET /r?to=/uk/billing/refunds%23how&q=…&lang=uk&rank=3. Result links go
// through it so that clicks work without JavaScript. Only local paths are
// followed, so the endpoint cannot send visitors to another site.
//
// rank is the 1-based position in the whole list; templates that only know
// the 0-based index on the page pass pos (and page and per_page) instead.
// A POST to the same URL (navigator.sendBeacon from a page script that keeps
// the plain result link) records the click and answers 204, no redirect.
func (s *Server) handleClick(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	to, err := localTarget(v.Get("to"))
	if err != nil {
		return err
	}
	rank := clickRank(v)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Robots-Tag", "noindex")
	if r.Method != http.MethodHead && !isRobot(r.UserAgent()) {
		ev := analytics.Click{Time: time.Now(), Lang: v.Get("lang"), Query: v.Get("q"), Target: to.Path, Rank: rank}
		if a := s.articleAtPath(r.Context(), to.Path); a != nil {
			ev.ArticleID, ev.ArticleLang = a.ID, a.Lang
		}
		if !spravka.IsLanguage(ev.Lang) {
			ev.Lang = ev.ArticleLang
		}
		if ev.Query != "" && ev.Lang != "" {
			s.analytics.Record(ev)
		}
	}
	if r.Method == http.MethodPost {
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
	http.Redirect(w, r, to.String(), http.StatusFound)
	return nil
}

// localTarget accepts a path on this site ("/en/a/b#c") and nothing that a
// browser could read as another host: "//evil", "/\evil", "https://…".
func localTarget(raw string) (*url.URL, error) {
	bad := spravka.Errorf(spravka.ErrBadQuery, "to must be a path on this site, such as /en/account/reset-password")
	if !strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "//") || strings.ContainsAny(raw, "\\\r\n\t") {
		return nil, bad
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") {
		return nil, bad
	}
	clean := &url.URL{Path: path.Clean(u.Path), RawQuery: u.RawQuery, Fragment: u.Fragment}
	if strings.HasPrefix(clean.Path, "//") {
		return nil, bad
	}
	return clean, nil
}

// clickRank reads the hit's position from rank, else from pos, page and
// per_page. A value that is not a position (a link cut short, a URL edited
// by hand) is ignored and the rank recorded as 0, unknown: the visitor
// still gets the article, and analytics is no reason to refuse a redirect.
func clickRank(v url.Values) int {
	if v.Get("rank") != "" {
		rank, err := intParam(v, "rank", 1, 1, spravka.MaxPerPage*1000)
		if err != nil {
			return 0
		}
		return rank
	}
	pos, errPos := intParam(v, "pos", 0, 0, spravka.MaxPerPage-1)
	page, errPage := intParam(v, "page", 1, 1, 1000)
	per, errPer := intParam(v, "per_page", spravka.DefaultPerPage, 1, spravka.MaxPerPage)
	if errors.Join(errPos, errPage, errPer) != nil {
		return 0
	}
	return (page-1)*per + pos + 1
}

// articleAtPath finds the public article a site path /{lang}/{category}/{slug}
// shows, or nil.
func (s *Server) articleAtPath(ctx context.Context, p string) *spravka.Article {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	if len(parts) != 3 || !spravka.IsLanguage(parts[0]) {
		return nil
	}
	lang, category, slug := parts[0], parts[1], parts[2]
	if a, err := s.engine.Article(ctx, category+"/"+slug, lang, spravka.Public); err == nil && a.Slug == slug {
		return a
	}
	for _, a := range s.engine.Articles(ctx, lang, category, spravka.Public) {
		if a.Slug == slug {
			return a
		}
	}
	return nil
}

// clickURL is the /r link of the hit at rank (1-based) of a search for
// query in lang; search pages link results through it.
func clickURL(query, lang string, hit spravka.Hit, rank int) string {
	target := hit.URL
	if hit.Section != nil && hit.Section.URL != "" {
		target = hit.Section.URL
	}
	v := url.Values{"to": {target}, "q": {query}, "lang": {lang}, "rank": {strconv.Itoa(rank)}}
	return "/r?" + v.Encode()
}

// clickURLs are the /r links of a result page's hits, in order, for the
// search page template: {{index $.ClickURLs $i}}.
func clickURLs(q spravka.Query, res *spravka.Result) []string {
	if res == nil {
		return nil
	}
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = clickURL(q.Text, res.Lang, h, (q.Page-1)*q.PerPage+i+1)
	}
	return out
}
