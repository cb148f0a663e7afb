package server

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"sort"
	"time"

	"github.com/spravka/spravka"
)

// sitemapURLSet is sitemap.xml with hreflang alternates (xhtml:link), the
// form Google documents for multilingual sites.
type sitemapURLSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc        string        `xml:"loc"`
	LastMod    string        `xml:"lastmod,omitempty"`
	Alternates []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// handleSitemap lists every public page: the language homes, categories and
// articles, each with its language versions and when it last changed.
func (s *Server) handleSitemap(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	base := s.baseURL(r)
	set := sitemapURLSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	homes := map[string]time.Time{}
	catPages := map[string]map[string]time.Time{} // category → lang → last change
	var articles []*spravka.Article
	for _, lang := range spravka.Languages {
		for _, a := range s.engine.Articles(ctx, lang, "", spravka.Public) {
			articles = append(articles, a)
			homes[lang] = later(homes[lang], changed(a))
			if catPages[a.Category] == nil {
				catPages[a.Category] = map[string]time.Time{}
			}
			catPages[a.Category][lang] = later(catPages[a.Category][lang], changed(a))
		}
	}
	var homeAlts []sitemapLink
	for _, lang := range spravka.Languages {
		if _, ok := homes[lang]; ok {
			homeAlts = append(homeAlts, sitemapLink{"alternate", lang, base + "/" + lang + "/"})
		}
	}
	for _, lang := range spravka.Languages {
		if t, ok := homes[lang]; ok {
			set.URLs = append(set.URLs, sitemapURL{Loc: base + "/" + lang + "/", LastMod: w3cDate(t), Alternates: homeAlts})
		}
	}
	for _, cat := range sortedKeys(catPages) {
		var alts []sitemapLink
		for _, lang := range spravka.Languages {
			if _, ok := catPages[cat][lang]; ok {
				alts = append(alts, sitemapLink{"alternate", lang, base + "/" + lang + "/" + cat + "/"})
			}
		}
		for _, lang := range spravka.Languages {
			if t, ok := catPages[cat][lang]; ok {
				set.URLs = append(set.URLs, sitemapURL{Loc: base + "/" + lang + "/" + cat + "/", LastMod: w3cDate(t), Alternates: alts})
			}
		}
	}
	for _, a := range articles {
		u := sitemapURL{Loc: base + a.URL(), LastMod: w3cDate(changed(a))}
		if trans := s.engine.Translations(ctx, a, spravka.Public); len(trans) > 0 {
			u.Alternates = append(u.Alternates, sitemapLink{"alternate", a.Lang, base + a.URL()})
			for _, t := range trans {
				u.Alternates = append(u.Alternates, sitemapLink{"alternate", t.Lang, base + t.URL()})
			}
		}
		set.URLs = append(set.URLs, u)
	}
	return writeXML(w, "application/xml; charset=utf-8", set)
}

// handleRobots allows the public pages and points crawlers at the sitemap;
// search results and the API are not worth crawling.
func (s *Server) handleRobots(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, err := fmt.Fprintf(w, "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /agent\n"+
		"Disallow: /ru/search\nDisallow: /uk/search\nDisallow: /bg/search\nDisallow: /en/search\n\nSitemap: %s/sitemap.xml\n",
		s.baseURL(r))
	return err
}

func writeXML(w http.ResponseWriter, ctype string, v any) error {
	b, err := xml.MarshalIndent(v, "", " ")
	if err != nil {
		return fmt.Errorf("encode %T: %w", v, err)
	}
	w.Header().Set("Content-Type", ctype)
	if _, err := w.Write([]byte(xml.Header)); err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// w3cDate is a sitemap lastmod; zero times are left out.
func w3cDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}
