package server

import (
	"context"
	"html/template"
	"net/http"
	"sort"
	"time"

	"github.com/gorilla/mux"

	"github.com/spravka/spravka"
)

// relatedCount is how many related articles an article page lists.
const relatedCount = 5

// articleData is an article page.
type articleData struct {
	Article      *spravka.Article
	Body         template.HTML // rendered Markdown with heading anchors
	Category     spravka.Category
	Updated      time.Time
	Translations []*spravka.Article
	Related      []*spravka.Article
	Feedback     feedbackForm // "Was this article helpful?" (templates/partials/feedback.html)
}

func (s *Server) handleArticlePage(w http.ResponseWriter, r *http.Request) error {
	lang, err := pageLang(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	vars := mux.Vars(r)
	a := s.findArticle(ctx, lang, vars["category"], vars["slug"])
	if a == nil {
		return s.aliasOr404(w, r)
	}
	cats, err := s.engine.Categories(ctx, lang, spravka.Public)
	if err != nil {
		return err
	}
	cat := spravka.Category{ID: a.Category, Title: a.Category, URL: "/" + lang + "/" + a.Category + "/"}
	for _, c := range cats {
		if c.ID == a.Category {
			cat = c
		}
	}
	strs := s.pages.strings[lang]
	trans := s.engine.Translations(ctx, a, spravka.Public)
	sort.Slice(trans, func(i, j int) bool { return langIndex(trans[i].Lang) < langIndex(trans[j].Lang) })

	v := s.newView(r, lang, a.Title)
	v.Canonical = v.Base + a.URL()
	v.Description = describe(a)
	v.OGType = "article"
	v.Breadcrumbs = []crumb{{Title: strs["home"], URL: "/" + lang + "/"}, {Title: cat.Title, URL: cat.URL}, {Title: a.Title}}
	v.Alternates = []alternate{{Lang: a.Lang, URL: v.Base + a.URL()}}
	for _, l := range spravka.Languages {
		link := langLink{Lang: l, URL: "/" + l + "/", Current: l == lang}
		if l == lang {
			link.URL = a.URL()
		}
		for _, t := range trans {
			if t.Lang == l {
				link.URL = t.URL()
				v.Alternates = append(v.Alternates, alternate{Lang: l, URL: v.Base + t.URL()})
			}
		}
		v.LangLinks = append(v.LangLinks, link)
	}
	v.JSONLD = []any{articleLD(v, a, changed(a)), breadcrumbLD(v)}
	v.Data = articleData{Article: a, Body: s.bodies.render(a, strs["section_link"]), Category: cat,
		Updated: changed(a), Translations: trans, Related: related(a, s.engine.Articles(ctx, lang, "", spravka.Public), relatedCount),
		Feedback: s.feedbackForm(r, a)}
	return s.pages.render(w, http.StatusOK, "article", v)
}

// findArticle finds the public article at /lang/category/slug. The id
// default is category/slug; an article with an explicit id is found by its
// URL among the category's articles.
func (s *Server) findArticle(ctx context.Context, lang, category, slug string) *spravka.Article {
	if a, err := s.engine.Article(ctx, category+"/"+slug, lang, spravka.Public); err == nil && a.Category == category && a.Slug == slug {
		return a
	}
	for _, a := range s.engine.Articles(ctx, lang, category, spravka.Public) {
		if a.Slug == slug {
			return a
		}
	}
	return nil
}

// describe is the article's meta description: its summary, else the start
// of its lead.
func describe(a *spravka.Article) string {
	d := a.Summary
	if d == "" {
		d = a.Lead
	}
	r := []rune(d)
	if len(r) > 200 {
		d = string(r[:199]) + "…"
	}
	return d
}

// related ranks the other articles of the language by shared tags (two
// points each) and the same category (one point); ties keep the weight
// order of arts. Only articles sharing something are listed.
func related(a *spravka.Article, arts []*spravka.Article, n int) []*spravka.Article {
	tags := map[string]bool{}
	for _, t := range a.Tags {
		tags[t] = true
	}
	type scored struct {
		art   *spravka.Article
		score int
	}
	var list []scored
	for _, o := range arts {
		if o.ID == a.ID {
			continue
		}
		score := 0
		for _, t := range o.Tags {
			if tags[t] {
				score += 2
			}
		}
		if o.Category == a.Category {
			score++
		}
		if score > 0 {
			list = append(list, scored{o, score})
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].score > list[j].score })
	var out []*spravka.Article
	for i := 0; i < len(list) && i < n; i++ {
		out = append(out, list[i].art)
	}
	return out
}

func langIndex(lang string) int {
	for i, l := range spravka.Languages {
		if l == lang {
			return i
		}
	}
	return len(spravka.Languages)
}
