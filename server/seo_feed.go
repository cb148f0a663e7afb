package server

import (
	"encoding/xml"
	"net/http"
	"sort"
	"time"

	"github.com/spravka/spravka"
)

// feedSize is how many recently updated articles the Atom feed carries.
const feedSize = 30

// atomFeed is an Atom 1.0 feed (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title    string    `xml:"title"`
	ID       string    `xml:"id"`
	Updated  string    `xml:"updated"`
	Link     atomLink  `xml:"link"`
	Summary  string    `xml:"summary,omitempty"`
	Category []atomCat `xml:"category"`
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

// handleFeed serves /{lang}/feed.xml: the language's recently changed public
// articles, newest first. Articles without dates come last so the feed is
// never empty on content without git history.
func (s *Server) handleFeed(w http.ResponseWriter, r *http.Request) error {
	lang, err := pageLang(r)
	if err != nil {
		return err
	}
	base := s.baseURL(r)
	arts := append([]*spravka.Article(nil), s.engine.Articles(r.Context(), lang, "", spravka.Public)...)
	sort.SliceStable(arts, func(i, j int) bool { return changed(arts[i]).After(changed(arts[j])) })
	if len(arts) > feedSize {
		arts = arts[:feedSize]
	}
	home := base + "/" + lang + "/"
	f := atomFeed{Lang: lang, Title: s.cfg.SiteName + " (" + langName(lang) + ")", ID: home,
		Links:  []atomLink{{Rel: "self", Type: "application/atom+xml", Href: home + "feed.xml"}, {Rel: "alternate", Type: "text/html", Href: home}},
		Author: atomPerson{Name: s.cfg.SiteName}}
	var newest time.Time
	for _, a := range arts {
		t := changed(a)
		newest = later(newest, t)
		if t.IsZero() {
			t = time.Unix(0, 0)
		}
		e := atomEntry{Title: a.Title, ID: base + a.URL(), Updated: t.UTC().Format(time.RFC3339),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: base + a.URL()}, Summary: describe(a)}
		for _, tag := range a.Tags {
			e.Category = append(e.Category, atomCat{Term: tag})
		}
		f.Entries = append(f.Entries, e)
	}
	if newest.IsZero() {
		newest = time.Unix(0, 0)
	}
	f.Updated = newest.UTC().Format(time.RFC3339)
	return writeXML(w, "application/atom+xml; charset=utf-8", f)
}

// openSearch is an OpenSearch 1.1 description, so browsers can add the help
// center as a search engine.
type openSearch struct {
	XMLName     xml.Name        `xml:"http://a9.com/-/spec/opensearch/1.1/ OpenSearchDescription"`
	ShortName   string          `xml:"ShortName"`
	Description string          `xml:"Description"`
	Encoding    string          `xml:"InputEncoding"`
	Language    string          `xml:"Language"`
	URLs        []openSearchURL `xml:"Url"`
}

type openSearchURL struct {
	Type     string `xml:"type,attr"`
	Method   string `xml:"method,attr"`
	Template string `xml:"template,attr"`
}

// handleOpenSearch serves /{lang}/opensearch.xml.
func (s *Server) handleOpenSearch(w http.ResponseWriter, r *http.Request) error {
	lang, err := pageLang(r)
	if err != nil {
		return err
	}
	base := s.baseURL(r)
	name := []rune(s.cfg.SiteName + " " + lang)
	if len(name) > 16 { // the spec's limit for ShortName
		name = append(name[:13], []rune(" "+lang)...)
	}
	d := openSearch{ShortName: string(name), Description: s.pages.strings[lang]["search_label"], Encoding: "UTF-8",
		Language: lang, URLs: []openSearchURL{{Type: "text/html", Method: "get", Template: base + "/" + lang + "/search?q={searchTerms}"}}}
	return writeXML(w, "application/opensearchdescription+xml; charset=utf-8", d)
}
