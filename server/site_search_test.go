package server_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func hitURLs(doc *goquery.Document) []string {
	var out []string
	doc.Find(".hits .hit-title").Each(func(_ int, a *goquery.Selection) {
		out = append(out, strings.SplitN(a.AttrOr("href", ""), "#", 2)[0])
	})
	return out
}

func TestSearchFacetFiltersResults(t *testing.T) {
	s := openSample(t)
	_, doc := page(t, s, "/ru/search?q="+url.QueryEscape("пароль"))
	if len(hitURLs(doc)) == 0 {
		t.Fatal("no hits")
	}
	doc.Find(".hits .hit-title").Each(func(i int, a *goquery.Selection) {
		u, err := url.Parse(a.AttrOr("data-click", ""))
		href, _ := url.PathUnescape(a.AttrOr("href", "")) // html/template escapes the Cyrillic anchor
		if err != nil || u.Path != "/r" || u.Query().Get("to") != href || u.Query().Get("rank") != strconv.Itoa(i+1) {
			t.Errorf("hit %d reports its click as %q", i+1, a.AttrOr("data-click", ""))
		}
	})
	for _, facet := range []string{"category", "product", "tag"} {
		link := doc.Find(`.facets a[href*="` + facet + `="]`).First()
		if link.Length() == 0 {
			t.Errorf("no %s facet", facet)
			continue
		}
		u, _ := url.Parse(link.AttrOr("href", ""))
		value := u.Query().Get(facet)
		if u.Query().Get("q") != "пароль" {
			t.Errorf("%s facet link drops the query: %s", facet, u)
		}
		_, filtered := page(t, s, u.String())
		hits := hitURLs(filtered)
		if len(hits) == 0 {
			t.Errorf("%s=%s: no hits", facet, value)
		}
		for _, h := range hits {
			a := byURL(s, h)
			ok := facet == "category" && a.Category == value || facet == "tag" && has(a.Tags, value) ||
				facet == "product" && has(a.Products, value)
			if !ok {
				t.Errorf("%s=%s lets through %s", facet, value, h)
			}
		}
		chip := filtered.Find(".filters a.chip")
		if chip.Length() != 1 {
			t.Errorf("%s=%s: %d active filter chips", facet, value, chip.Length())
		} else if strings.Contains(chip.AttrOr("href", ""), facet+"=") {
			t.Errorf("the chip's remove link keeps the filter: %s", chip.AttrOr("href", ""))
		}
	}
}

func has(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}

func TestSearchPagination(t *testing.T) {
	s := openSample(t)
	_, first := page(t, s, "/ru/search?per_page=3&q="+url.QueryEscape("пароль"))
	next := first.Find(`.pager a[rel=next]`).AttrOr("href", "")
	if next == "" {
		t.Fatal("no next page link")
	}
	if !strings.Contains(next, "page=2") || !strings.Contains(next, "per_page=3") {
		t.Errorf("next link %q", next)
	}
	if first.Find(`.pager [aria-current=page]`).Text() != "1" {
		t.Error("page 1 is not marked current")
	}
	_, second := page(t, s, next)
	a, b := hitURLs(first), hitURLs(second)
	if len(a) != 3 || len(b) == 0 {
		t.Fatalf("pages have %d and %d hits", len(a), len(b))
	}
	for _, u := range b {
		if has(a, u) {
			t.Errorf("%s is on both pages", u)
		}
	}
	if second.Find(`.pager a[rel=prev]`).Length() != 1 {
		t.Error("page 2 has no previous link")
	}
	if start := second.Find("ol.hits").AttrOr("start", ""); start != "4" {
		t.Errorf("page 2 numbering starts at %q", start)
	}
}

func TestSearchNotices(t *testing.T) {
	s := openSample(t)
	tests := []struct{ path, want, link string }{
		{"/ru/search?q=gfhjkm", "пароль", ""},
		{"/en/search?q=invoise", "invoice", "/en/search?q=invoice"},
	}
	for _, tt := range tests {
		_, doc := page(t, s, tt.path)
		notice := doc.Find(".notice")
		if !strings.Contains(notice.Text(), tt.want) {
			t.Errorf("%s: notice %q does not name %q", tt.path, notice.Text(), tt.want)
		}
		if tt.link != "" && notice.Find(`a[href="`+tt.link+`"]`).Length() != 1 {
			t.Errorf("%s: no did-you-mean link to %s", tt.path, tt.link)
		}
		if len(hitURLs(doc)) == 0 {
			t.Errorf("%s: no hits", tt.path)
		}
	}
}

func TestBrowseByTag(t *testing.T) {
	s := openSample(t)
	_, doc := page(t, s, "/ru/search?tag="+url.QueryEscape("пароль"))
	hits := hitURLs(doc)
	want := 0
	for _, a := range s.corpus.Articles {
		if a.Lang == "ru" && a.IsPublic() && has(a.Tags, "пароль") {
			want++
		}
	}
	if len(hits) != want || want == 0 {
		t.Errorf("tag page lists %d articles, want %d", len(hits), want)
	}
	for _, h := range hits {
		if !has(byURL(s, h).Tags, "пароль") {
			t.Errorf("%s has no tag пароль", h)
		}
	}
}
