package server

import (
	"context"
	"net/http"
	"sort"
	"time"

	"github.com/gorilla/mux"

	"github.com/spravka/spravka"
)

// Sizes of the home page's lists.
const (
	popularCount = 6
	recentCount  = 5
)

// homeData is the home page: categories with counts, popular and recently
// updated articles.
type homeData struct {
	Categories     []spravka.Category
	Popular        []*spravka.Article
	Recent         []*spravka.Article
	CategoryTitles map[string]string
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	lang, err := pageLang(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	cats, err := s.engine.Categories(ctx, lang, spravka.Public)
	if err != nil {
		return err
	}
	all := s.engine.Articles(ctx, lang, "", spravka.Public)
	v := s.newView(r, lang, "")
	v.Description = s.pages.strings[lang]["home_description"]
	for _, l := range spravka.Languages {
		v.Alternates = append(v.Alternates, alternate{Lang: l, URL: v.Base + "/" + l + "/"})
	}
	v.Alternates = append(v.Alternates, alternate{Lang: "x-default", URL: v.Base + "/"})
	v.JSONLD = []any{websiteLD(v)}
	v.Data = homeData{Categories: cats, Popular: popular(cats, all), Recent: recentlyUpdated(all, recentCount),
		CategoryTitles: categoryTitles(cats)}
	return s.pages.render(w, http.StatusOK, "home", v)
}

// popular picks the lead article (lowest weight) of each category in
// category order, then the next ones, up to popularCount. Writers rank
// articles by weight for exactly this; view counts are not known to the
// site.
func popular(cats []spravka.Category, arts []*spravka.Article) []*spravka.Article {
	byCat := map[string][]*spravka.Article{}
	for _, a := range arts { // arts come ordered by weight, then title
		byCat[a.Category] = append(byCat[a.Category], a)
	}
	var out []*spravka.Article
	for round := 0; len(out) < popularCount; round++ {
		added := false
		for _, c := range cats {
			if list := byCat[c.ID]; round < len(list) && len(out) < popularCount {
				out, added = append(out, list[round]), true
			}
		}
		if !added {
			break
		}
	}
	return out
}

// changed is when an article last changed: Updated, else Created.
func changed(a *spravka.Article) time.Time {
	if !a.Updated.IsZero() {
		return a.Updated
	}
	return a.Created
}

// recentlyUpdated returns the n most recently changed articles that have a
// date, newest first.
func recentlyUpdated(arts []*spravka.Article, n int) []*spravka.Article {
	var dated []*spravka.Article
	for _, a := range arts {
		if !changed(a).IsZero() {
			dated = append(dated, a)
		}
	}
	sort.SliceStable(dated, func(i, j int) bool { return changed(dated[i]).After(changed(dated[j])) })
	if len(dated) > n {
		dated = dated[:n]
	}
	return dated
}

// categoryData is a category page: its articles by weight, then title.
type categoryData struct {
	Category   spravka.Category
	Articles   []*spravka.Article
	Categories []spravka.Category // all categories, for the side navigation
}

func (s *Server) handleCategoryPage(w http.ResponseWriter, r *http.Request) error {
	lang, err := pageLang(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	id := mux.Vars(r)["category"]
	cats, err := s.engine.Categories(ctx, lang, spravka.Public)
	if err != nil {
		return err
	}
	for _, c := range cats {
		if c.ID != id {
			continue
		}
		v := s.newView(r, lang, c.Title)
		v.Description = c.Description
		v.Breadcrumbs = []crumb{{Title: s.pages.strings[lang]["home"], URL: "/" + lang + "/"}, {Title: c.Title}}
		v.JSONLD = []any{breadcrumbLD(v)}
		v.Alternates, v.LangLinks = s.categoryAlternates(ctx, v, id)
		v.Data = categoryData{Category: c, Articles: s.engine.Articles(ctx, lang, id, spravka.Public), Categories: cats}
		return s.pages.render(w, http.StatusOK, "category", v)
	}
	return s.aliasOr404(w, r)
}

// categoryAlternates lists the languages that have the category; the
// chooser falls back to a language's home where it does not.
func (s *Server) categoryAlternates(ctx context.Context, v view, id string) ([]alternate, []langLink) {
	var alts []alternate
	var links []langLink
	for _, l := range spravka.Languages {
		link := langLink{Lang: l, URL: "/" + l + "/", Current: l == v.Lang}
		if cats, err := s.engine.Categories(ctx, l, spravka.Public); err == nil {
			for _, c := range cats {
				if c.ID == id {
					link.URL = c.URL
					alts = append(alts, alternate{Lang: l, URL: v.Base + c.URL})
				}
			}
		}
		links = append(links, link)
	}
	return alts, links
}
