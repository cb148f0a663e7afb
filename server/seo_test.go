package server_test

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/spravka/spravka"
)

type sitemapDoc struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		Links   []struct {
			HrefLang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"url"`
}

func TestSitemap(t *testing.T) {
	s := openSample(t)
	status, body, h := get(t, s, "/sitemap.xml")
	if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/xml") {
		t.Fatalf("sitemap: %d %s", status, h.Get("Content-Type"))
	}
	var sm sitemapDoc
	if err := xml.Unmarshal([]byte(body), &sm); err != nil {
		t.Fatal(err)
	}
	locs := map[string]bool{}
	for _, u := range sm.URLs {
		locs[u.Loc] = true
		if u.Loc == s.srv.URL+"/ru/account/reset-password" {
			if u.LastMod != "2026-10-14" {
				t.Errorf("lastmod %q, want 2026-10-14", u.LastMod)
			}
			if len(u.Links) != 4 {
				t.Errorf("reset-password has %d hreflang alternates, want 4", len(u.Links))
			}
		}
	}
	for _, a := range s.corpus.Articles {
		if locs[s.srv.URL+a.URL()] != a.IsPublic() {
			t.Errorf("%s: in sitemap = %v, public = %v", a.URL(), locs[s.srv.URL+a.URL()], a.IsPublic())
		}
	}
	for _, l := range spravka.Languages {
		if !locs[s.srv.URL+"/"+l+"/"] || !locs[s.srv.URL+"/"+l+"/account/"] {
			t.Errorf("sitemap lacks the %s home or category page", l)
		}
	}
	_, robots, _ := get(t, s, "/robots.txt")
	if !strings.Contains(robots, "Sitemap: "+s.srv.URL+"/sitemap.xml") || !strings.Contains(robots, "Disallow: /api/") {
		t.Errorf("robots.txt:\n%s", robots)
	}
}

func TestAtomFeedAndOpenSearch(t *testing.T) {
	s := openSample(t)
	for _, lang := range spravka.Languages {
		status, body, h := get(t, s, "/"+lang+"/feed.xml")
		if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/atom+xml") {
			t.Fatalf("%s feed: %d %s", lang, status, h.Get("Content-Type"))
		}
		var feed struct {
			XMLName xml.Name
			Entries []struct {
				Title, Updated string
				Link           struct {
					Href string `xml:"href,attr"`
				} `xml:"link"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(body), &feed); err != nil {
			t.Fatal(err)
		}
		if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || len(feed.Entries) == 0 {
			t.Fatalf("%s feed: %v with %d entries", lang, feed.XMLName, len(feed.Entries))
		}
		for i, e := range feed.Entries {
			if !strings.HasPrefix(e.Link.Href, s.srv.URL+"/"+lang+"/") {
				t.Errorf("%s feed links %s", lang, e.Link.Href)
			}
			if i > 0 && e.Updated > feed.Entries[i-1].Updated {
				t.Errorf("%s feed not newest first", lang)
			}
		}
		_, osd, _ := get(t, s, "/"+lang+"/opensearch.xml")
		var d struct {
			URLs []struct {
				Template string `xml:"template,attr"`
			} `xml:"Url"`
		}
		if err := xml.Unmarshal([]byte(osd), &d); err != nil || len(d.URLs) == 0 ||
			d.URLs[0].Template != s.srv.URL+"/"+lang+"/search?q={searchTerms}" {
			t.Errorf("%s opensearch.xml: %v %+v", lang, err, d)
		}
	}
}

// TestNoHiddenArticleOnAnyPublicPage crawls every public page and feed and
// looks for the URL, id path or title of every non-public article.
func TestNoHiddenArticleOnAnyPublicPage(t *testing.T) {
	s := openSample(t)
	var hidden []*spravka.Article
	for _, a := range s.corpus.Articles {
		if !a.IsPublic() {
			hidden = append(hidden, a)
		}
	}
	paths := []string{"/sitemap.xml"}
	for _, l := range spravka.Languages {
		paths = append(paths, "/"+l+"/", "/"+l+"/feed.xml")
	}
	cats := map[string]bool{}
	for _, a := range s.corpus.Articles {
		paths = append(paths, a.URL()) // hidden ones answer 404 and are checked too
		if !cats[a.Lang+a.Category] {
			cats[a.Lang+a.Category] = true
			paths = append(paths, "/"+a.Lang+"/"+a.Category+"/")
		}
		for _, tag := range a.Tags {
			paths = append(paths, "/"+a.Lang+"/search?tag="+tag)
		}
	}
	for _, p := range paths {
		_, body, _ := get(t, s, p)
		for _, a := range hidden {
			if strings.Contains(body, a.URL()) || strings.Contains(body, ">"+a.Title+"<") || strings.Contains(body, "<title>"+a.Title) {
				t.Errorf("%s shows hidden article %s", p, a.Path)
			}
		}
	}
}
