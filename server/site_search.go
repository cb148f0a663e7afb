package server

import (
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/spravka/spravka"
)

// searchData is the search results page. It is complete without
// JavaScript: facets and pages are plain links.
type searchData struct {
	Query          spravka.Query
	Result         *spravka.Result // nil until something is asked
	Total          int
	From, To       int
	Filters        []filterLink // active filters, each with a link that removes it
	Facets         []facetGroup
	Pages          []pageLink
	Prev, Next     string
	DidYouMeanURL  string
	ClickURLs      []string // /r links that tell analytics which result was opened (site.js pings them)
	Browse         bool     // a filter without text: the filtered articles are listed
	CategoryTitles map[string]string
}

type filterLink struct{ Name, Value, Label, RemoveURL string }

type facetGroup struct {
	Name   string // category, product or tag; the theme's string facet_<name> titles it
	Values []facetValue
}

type facetValue struct {
	Label  string
	Count  int
	URL    string
	Active bool
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

// facetNames are the filters the page offers, in display order.
var facetNames = []string{"category", "product", "tag"}

// maxFacetValues keeps long tag lists from pushing results off screen.
const maxFacetValues = 12

func (s *Server) handleSearchPage(w http.ResponseWriter, r *http.Request) error {
	lang, err := pageLang(r)
	if err != nil {
		return err
	}
	params := r.URL.Query()
	params.Set("lang", lang)
	q, err := searchParams(params)
	if err != nil {
		return err
	}
	q.Facets = true           // the results page shows them
	q.Access = spravka.Public // the site is public even for a signed-in agent
	ctx := r.Context()
	cats, err := s.engine.Categories(ctx, lang, spravka.Public)
	if err != nil {
		return err
	}
	d := searchData{Query: q, CategoryTitles: categoryTitles(cats)}
	filtered := q.Category != "" || q.Tag != "" || q.Product != ""
	switch {
	case q.Text != "":
		if d.Result, err = s.engine.Search(ctx, q); err != nil {
			return err
		}
		d.ClickURLs = clickURLs(q, d.Result)
	case filtered:
		d.Browse = true
		d.Result = browse(s.engine.Articles(ctx, lang, "", spravka.Public), q)
	}
	if d.Result != nil {
		d.fill(lang, q)
	}
	v := s.newView(r, lang, q.Text)
	if q.Text == "" {
		v.Title = s.pages.strings[lang]["search_results"]
	}
	v.Query, v.NoIndex, v.Canonical = q.Text, true, ""
	v.LangLinks = make([]langLink, 0, len(spravka.Languages))
	for _, l := range spravka.Languages {
		v.LangLinks = append(v.LangLinks, langLink{Lang: l, URL: searchURL(l, url.Values{"q": {q.Text}}), Current: l == lang})
	}
	v.Data = d
	w.Header().Set("Cache-Control", "private, no-cache")
	return s.pages.render(w, http.StatusOK, "search", v)
}

// fill derives the links of the page from the result.
func (d *searchData) fill(lang string, q spravka.Query) {
	res := d.Result
	d.Total = res.Total
	if len(res.Hits) > 0 {
		d.From = (q.Page-1)*q.PerPage + 1
		d.To = d.From + len(res.Hits) - 1
	}
	cur := url.Values{}
	set := func(k, v string) {
		if v != "" {
			cur.Set(k, v)
		}
	}
	set("q", q.Text)
	set("category", q.Category)
	set("product", q.Product)
	set("tag", q.Tag)
	if q.PerPage != spravka.DefaultPerPage {
		cur.Set("per_page", strconv.Itoa(q.PerPage))
	}
	with := func(k, v string) string {
		u := url.Values{}
		for key, vals := range cur {
			u[key] = vals
		}
		if v == "" {
			u.Del(k)
		} else {
			u.Set(k, v)
		}
		if k != "page" {
			u.Del("page")
		}
		return searchURL(lang, u)
	}
	active := map[string]string{"category": q.Category, "product": q.Product, "tag": q.Tag}
	label := func(name, value string) string {
		if t, ok := d.CategoryTitles[value]; ok && name == "category" {
			return t
		}
		return value
	}
	for _, name := range facetNames {
		if a := active[name]; a != "" {
			d.Filters = append(d.Filters, filterLink{Name: name, Value: a, Label: label(name, a), RemoveURL: with(name, "")})
		}
		g := facetGroup{Name: name}
		for _, f := range res.Facets[name] {
			if len(g.Values) == maxFacetValues {
				break
			}
			v := facetValue{Label: label(name, f.Value), Count: f.Count, URL: with(name, f.Value), Active: f.Value == active[name]}
			if v.Active {
				v.URL = with(name, "") // a chosen value's link takes the filter off again
			}
			g.Values = append(g.Values, v)
		}
		if len(g.Values) > 0 {
			d.Facets = append(d.Facets, g)
		}
	}
	pages := (res.Total + q.PerPage - 1) / q.PerPage
	if pages > 1 {
		lo, hi := max(1, q.Page-4), min(pages, max(1, q.Page-4)+8)
		for n := lo; n <= hi; n++ {
			d.Pages = append(d.Pages, pageLink{N: n, URL: with("page", strconv.Itoa(n)), Current: n == q.Page})
		}
		if q.Page > 1 {
			d.Prev = with("page", strconv.Itoa(q.Page-1))
		}
		if q.Page < pages {
			d.Next = with("page", strconv.Itoa(q.Page+1))
		}
	}
	if res.DidYouMean != "" {
		d.DidYouMeanURL = searchURL(lang, url.Values{"q": {res.DidYouMean}})
	}
}

// browse lists the articles that match the filters of q, one page of them,
// with facets over all that match: the tag and category links of article
// pages land here.
func browse(arts []*spravka.Article, q spravka.Query) *spravka.Result {
	res := &spravka.Result{Lang: q.Lang, Facets: map[string][]spravka.Facet{}}
	counts := map[string]map[string]int{"category": {}, "product": {}, "tag": {}}
	var hits []spravka.Hit
	for _, a := range arts {
		if (q.Category != "" && a.Category != q.Category) || (q.Tag != "" && !has(a.Tags, q.Tag)) ||
			(q.Product != "" && !has(a.Products, q.Product)) {
			continue
		}
		counts["category"][a.Category]++
		for _, t := range a.Tags {
			counts["tag"][t]++
		}
		for _, p := range a.Products {
			counts["product"][p]++
		}
		hits = append(hits, spravka.Hit{ID: a.ID, Title: a.Title, URL: a.URL(), Lang: a.Lang, Category: a.Category,
			Snippet: template.HTMLEscapeString(describe(a))})
	}
	res.Total = len(hits)
	from := min((q.Page-1)*q.PerPage, len(hits))
	res.Hits = hits[from:min(from+q.PerPage, len(hits))]
	for name, m := range counts {
		for v, n := range m {
			res.Facets[name] = append(res.Facets[name], spravka.Facet{Value: v, Count: n})
		}
		sort.Slice(res.Facets[name], func(i, j int) bool {
			fi, fj := res.Facets[name][i], res.Facets[name][j]
			return fi.Count > fj.Count || fi.Count == fj.Count && fi.Value < fj.Value
		})
	}
	return res
}

func has(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}

func searchURL(lang string, v url.Values) string {
	if v.Get("q") == "" {
		v.Del("q")
	}
	if len(v) == 0 {
		return "/" + lang + "/search"
	}
	return "/" + lang + "/search?" + v.Encode()
}
