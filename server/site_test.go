package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/spravka/spravka"
)

// page fetches path from the sample site and parses it.
func page(t *testing.T, s *sample, path string) (int, *goquery.Document) {
	t.Helper()
	resp, err := http.Get(s.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	doc, err := goquery.NewDocumentFromReader(resp.Body)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return resp.StatusCode, doc
}

// noRedirect is a client that reports redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func TestSitePagesRender(t *testing.T) {
	s := openSample(t)
	tests := []struct {
		path, lang, title, h1 string
		status                int
	}{
		{"/ru/", "ru", "Help Center", "Чем мы можем помочь?", 200},
		{"/uk/", "uk", "Help Center", "Чим ми можемо допомогти?", 200},
		{"/bg/", "bg", "Help Center", "Как можем да помогнем?", 200},
		{"/en/", "en", "Help Center", "How can we help?", 200},
		{"/ru/account/", "ru", "Аккаунт и вход — Help Center", "Аккаунт и вход", 200},
		{"/ru/account/reset-password", "ru", "Как сбросить пароль — Help Center", "Как сбросить пароль", 200},
		{"/uk/account/reset-password", "uk", "", "", 200},
		{"/ru/search?q=" + url.QueryEscape("пароль"), "ru", "пароль — Help Center", "Результаты по запросу «пароль»", 200},
		{"/ru/no-such-category/", "ru", "Help Center", "Страница не найдена", 404},
		{"/en/account/no-such-article", "en", "Help Center", "Page not found", 404},
		{"/ru/search?q=x&page=0", "ru", "Help Center", "Не удалось разобрать запрос", 400},
	}
	for _, tt := range tests {
		status, doc := page(t, s, tt.path)
		if status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, status, tt.status)
		}
		if lang, _ := doc.Find("html").Attr("lang"); lang != tt.lang {
			t.Errorf("%s: <html lang=%q>, want %q", tt.path, lang, tt.lang)
		}
		if tt.title != "" && doc.Find("title").Text() != tt.title {
			t.Errorf("%s: title %q, want %q", tt.path, doc.Find("title").Text(), tt.title)
		}
		if tt.h1 != "" && strings.TrimSpace(doc.Find("h1").First().Text()) != tt.h1 {
			t.Errorf("%s: h1 %q, want %q", tt.path, doc.Find("h1").First().Text(), tt.h1)
		}
		if doc.Find(`a.skip[href="#main"]`).Length() != 1 || doc.Find("main#main").Length() != 1 {
			t.Errorf("%s: no skip link to main", tt.path)
		}
		if n := doc.Find("nav.langs a").Length(); n != len(spravka.Languages) {
			t.Errorf("%s: language chooser has %d links", tt.path, n)
		}
		doc.Find("input").Each(func(_ int, in *goquery.Selection) {
			id, _ := in.Attr("id")
			if typ, _ := in.Attr("type"); typ != "hidden" && doc.Find(`label[for="`+id+`"]`).Length() == 0 {
				t.Errorf("%s: input #%s has no label", tt.path, id)
			}
		})
		if status == 404 && doc.Find(`form[role=search] input[name=q]`).Length() == 0 {
			t.Errorf("%s: 404 page has no search box", tt.path)
		}
	}
}

func TestHomeListsCategoriesPopularAndRecent(t *testing.T) {
	s := openSample(t)
	_, doc := page(t, s, "/ru/")
	cards := doc.Find(".cards .card")
	if cards.Length() < 5 {
		t.Fatalf("home lists %d categories", cards.Length())
	}
	account := doc.Find(`.cards a[href="/ru/account/"]`)
	if !strings.Contains(account.Text(), "Регистрация, вход") || !strings.Contains(account.Text(), "статей") {
		t.Errorf("account card lacks description or count: %q", account.Text())
	}
	if n := doc.Find("#popular-title + ul li").Length(); n == 0 {
		t.Error("no popular articles")
	}
	recent := doc.Find("#recent-title + ul li")
	if recent.Length() == 0 {
		t.Fatal("no recently updated articles")
	}
	var prev string
	recent.Each(func(_ int, li *goquery.Selection) {
		d, _ := li.Find("time").Attr("datetime")
		if prev != "" && d > prev {
			t.Errorf("recent list not newest first: %s after %s", d, prev)
		}
		prev = d
	})
}

func TestCategoryOrderIsWeightThenTitle(t *testing.T) {
	s := openSample(t)
	_, doc := page(t, s, "/ru/account/")
	var got []string
	doc.Find(".article-list > li > a").Each(func(_ int, a *goquery.Selection) { got = append(got, a.AttrOr("href", "")) })
	var want []*spravka.Article
	for _, a := range s.corpus.Articles {
		if a.Lang == "ru" && a.Category == "account" && a.IsPublic() {
			want = append(want, a)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("category lists %d articles, want %d", len(got), len(want))
	}
	for i := 1; i < len(got); i++ {
		a, b := byURL(s, got[i-1]), byURL(s, got[i])
		if a.Weight > b.Weight || a.Weight == b.Weight && a.Title > b.Title {
			t.Errorf("%s (weight %d) listed before %s (weight %d)", a.URL(), a.Weight, b.URL(), b.Weight)
		}
	}
}

func byURL(s *sample, u string) *spravka.Article {
	for _, a := range s.corpus.Articles {
		if a.URL() == u {
			return a
		}
	}
	return &spravka.Article{}
}

func TestArticlePage(t *testing.T) {
	s := openSample(t)
	_, doc := page(t, s, "/ru/account/reset-password")
	if n := doc.Find(".crumbs li").Length(); n != 3 {
		t.Errorf("breadcrumbs have %d steps, want 3", n)
	}
	if doc.Find(`.crumbs a[href="/ru/account/"]`).Length() != 1 {
		t.Error("breadcrumbs do not link the category")
	}
	if got := doc.Find(".meta time").Text(); got != "14 октября 2026" {
		t.Errorf("updated date %q, want 14 октября 2026", got)
	}
	if doc.Find(`.meta a.tag[href^="/ru/search?tag="]`).Length() == 0 {
		t.Error("tags are not links")
	}
	toc := doc.Find(".toc a")
	if toc.Length() < 2 {
		t.Fatalf("TOC has %d entries", toc.Length())
	}
	toc.Each(func(_ int, a *goquery.Selection) {
		id, err := url.PathUnescape(strings.TrimPrefix(a.AttrOr("href", ""), "#"))
		if err != nil {
			t.Fatal(err)
		}
		h := doc.Find(`[id="` + id + `"]`)
		if h.Length() != 1 || h.Find(`a.anchor[href="#`+id+`"]`).Length() != 1 {
			t.Errorf("TOC entry %s has no heading with a copy-link anchor", id)
		}
		if !strings.ContainsAny(id, "абвгдежзийклмнопрстуфхцчшщыьэюя") {
			t.Errorf("anchor %q lost its Cyrillic letters", id)
		}
	})
	var langs []string
	doc.Find(".translations a").Each(func(_ int, a *goquery.Selection) { langs = append(langs, a.AttrOr("hreflang", "")) })
	if strings.Join(langs, ",") != "uk,bg,en" {
		t.Errorf("translations %v, want uk,bg,en", langs)
	}
	if doc.Find(`nav.langs a[href="/uk/account/reset-password"]`).Length() != 1 {
		t.Error("language chooser does not lead to the translation")
	}
	if doc.Find(".related li").Length() == 0 {
		t.Error("no related articles")
	}
	alts := map[string]string{}
	doc.Find(`link[rel=alternate][hreflang]`).Each(func(_ int, l *goquery.Selection) {
		alts[l.AttrOr("hreflang", "")] = l.AttrOr("href", "")
	})
	for _, l := range spravka.Languages {
		if alts[l] != s.srv.URL+"/"+l+"/account/reset-password" {
			t.Errorf("hreflang %s = %q", l, alts[l])
		}
	}
	if c := doc.Find(`link[rel=canonical]`).AttrOr("href", ""); c != s.srv.URL+"/ru/account/reset-password" {
		t.Errorf("canonical %q", c)
	}
	for _, p := range []string{"og:title", "og:url", "og:type", "og:description", "og:locale"} {
		if doc.Find(`meta[property="`+p+`"]`).AttrOr("content", "") == "" {
			t.Errorf("Open Graph %s missing", p)
		}
	}
}

func TestLocalisedDates(t *testing.T) {
	s := openSample(t)
	want := map[string]string{"ru": "14 октября 2026", "uk": "14 жовтня 2026", "bg": "14 октомври 2026 г.", "en": "October 14, 2026"}
	for lang, date := range want {
		_, doc := page(t, s, "/"+lang+"/account/reset-password")
		if got := doc.Find(".meta time").Text(); got != date {
			t.Errorf("%s: date %q, want %q", lang, got, date)
		}
	}
}

// TestJSONLD checks that every JSON-LD block parses and that articles with
// questions are FAQPages with a BreadcrumbList (articles without questions
// are covered by TestArticleLD: every sample article has questions).
func TestJSONLD(t *testing.T) {
	s := openSample(t)
	tests := []struct{ path, want string }{
		{"/ru/account/reset-password", "FAQPage"},
		{"/en/billing/cancel-subscription", "FAQPage"},
		{"/ru/account/", "BreadcrumbList"},
		{"/ru/", "WebSite"},
	}
	for _, tt := range tests {
		_, doc := page(t, s, tt.path)
		types := map[string]bool{}
		doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, sc *goquery.Selection) {
			var v map[string]any
			if err := json.Unmarshal([]byte(sc.Text()), &v); err != nil {
				t.Errorf("%s: JSON-LD does not parse: %v\n%s", tt.path, err, sc.Text())
				return
			}
			if v["@context"] != "https://schema.org" {
				t.Errorf("%s: @context %v", tt.path, v["@context"])
			}
			typ, _ := v["@type"].(string)
			types[typ] = true
			if typ == "FAQPage" {
				qs, _ := v["mainEntity"].([]any)
				if len(qs) == 0 {
					t.Errorf("%s: FAQPage without questions", tt.path)
				}
			}
		})
		if !types[tt.want] {
			t.Errorf("%s: JSON-LD types %v, want %s", tt.path, types, tt.want)
		}
		if tt.want != "WebSite" && !types["BreadcrumbList"] {
			t.Errorf("%s: no BreadcrumbList", tt.path)
		}
	}
}

func TestRedirects(t *testing.T) {
	s := openSample(t)
	tests := []struct{ path, accept, want string }{
		{"/", "uk-UA,uk;q=0.9,en;q=0.8", "/uk/"},
		{"/", "en;q=0.5, bg;q=0.9", "/bg/"},
		{"/", "de-DE", "/en/"},
		{"/", "", "/en/"},
		{"/ru/faq/password", "", "/ru/account/reset-password"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", s.srv.URL+tt.path, nil)
		if tt.accept != "" {
			req.Header.Set("Accept-Language", tt.accept)
		}
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		wantStatus := http.StatusFound
		if tt.path != "/" {
			wantStatus = http.StatusMovedPermanently
		}
		if resp.StatusCode != wantStatus || resp.Header.Get("Location") != tt.want {
			t.Errorf("%s (%q): %d → %q, want %d → %q", tt.path, tt.accept, resp.StatusCode, resp.Header.Get("Location"), wantStatus, tt.want)
		}
	}
}

// TestHiddenArticleLooksMissing checks that a non-public article's URL
// answers exactly like a URL that never existed.
func TestHiddenArticleLooksMissing(t *testing.T) {
	s := openSample(t)
	for _, a := range s.corpus.Articles {
		if a.IsPublic() {
			continue
		}
		status, hidden, _ := get(t, s, a.URL())
		_, missing, _ := get(t, s, "/"+a.Lang+"/"+a.Category+"/no-such-article")
		if status != 404 || hidden != missing {
			t.Errorf("%s: status %d; its 404 page differs from a missing article's", a.URL(), status)
		}
	}
}
