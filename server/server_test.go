package server_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/content"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
	"github.com/spravka/spravka/server"
	"github.com/spravka/spravka/themes"
)

// sample is the sample help center, indexed once for all tests of the package.
type sample struct {
	srv    *httptest.Server
	corpus *indexer.Corpus
	eng    *search.Engine // for tests that build another server over the same index
}

var (
	sampleOnce sync.Once
	sampleSite *sample
	sampleErr  error
)

func openSample(t *testing.T) *sample {
	t.Helper()
	sampleOnce.Do(func() {
		quiet := slog.New(slog.DiscardHandler)
		dir, err := mkdirTemp()
		if err != nil {
			sampleErr = err
			return
		}
		eng, err := search.Open(search.Config{DataDir: dir, DefaultLang: "en", Logger: quiet})
		if err != nil {
			sampleErr = err
			return
		}
		corpus, err := indexer.Build(context.Background(), eng, content.FS(), indexer.Options{DefaultLang: "en"}, nil)
		if err != nil {
			sampleErr = err
			return
		}
		srv, err := server.New(server.Config{Theme: themes.Default(), Logger: quiet}, eng)
		if err != nil {
			sampleErr = err
			return
		}
		sampleSite = &sample{srv: httptest.NewServer(srv.Handler()), corpus: corpus, eng: eng}
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sampleSite
}

func get(t *testing.T, s *sample, path string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(s.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func TestSearchAPIFindsPasswordReset(t *testing.T) {
	s := openSample(t)
	status, body, h := get(t, s, "/api/v1/search?q="+url.QueryEscape("как сбросить пароль")+"&lang=ru&facets=true")
	if status != 200 {
		t.Fatalf("status %d: %s", status, body)
	}
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("content type %q", ct)
	}
	var res struct {
		Query  string  `json:"query"`
		Lang   string  `json:"lang"`
		Total  int     `json:"total"`
		TookMS float64 `json:"took_ms"`
		Hits   []struct {
			ID, Title, URL, Lang, Category, Snippet string
			Section                                 *struct{ ID, Title string }
			Score                                   float64
		} `json:"hits"`
		Facets map[string][]struct {
			Value string `json:"value"`
			Count int    `json:"count"`
		} `json:"facets"`
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != "account/reset-password" {
		t.Fatalf("want account/reset-password first, got %+v", res.Hits)
	}
	if res.Lang != "ru" || res.Total < 1 || res.Hits[0].URL != "/ru/account/reset-password" {
		t.Errorf("bad result header: %+v", res)
	}
	for _, f := range []string{"category", "tag", "product"} {
		if _, ok := res.Facets[f]; !ok {
			t.Errorf("facet %s missing", f)
		}
	}
	if len(res.Facets["category"]) == 0 {
		t.Errorf("facets=true: no category counts")
	}
	// Facets cost as much as the ranking: callers that do not ask get none.
	_, body, _ = get(t, s, "/api/v1/search?q="+url.QueryEscape("как сбросить пароль")+"&lang=ru")
	res.Facets = nil
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	for name, list := range res.Facets {
		if len(list) > 0 {
			t.Errorf("facets not asked for, got %s: %v", name, list)
		}
	}
}

func TestAPIErrors(t *testing.T) {
	s := openSample(t)
	long := strings.Repeat("слово ", 401)
	tests := []struct {
		method, path string
		status       int
	}{
		{"GET", "/api/v1/search?q=x&per_page=101", 400},
		{"GET", "/api/v1/search?q=x&per_page=abc", 400},
		{"GET", "/api/v1/search?q=x&facets=maybe", 400},
		{"GET", "/api/v1/search?q=x&page=0", 400},
		{"GET", "/api/v1/search?q=x&lang=xx", 400},
		{"GET", "/api/v1/search?q=" + url.QueryEscape(long), 400},
		{"GET", "/api/v1/search?q=%ff%fe", 400},
		{"GET", "/api/v1/articles/no/such-article?lang=ru", 404},
		{"GET", "/api/v1/articles/account/reset-password?lang=zz", 400},
		{"GET", "/api/v1/nothing", 404},
		{"POST", "/api/v1/search?q=x", 405},
		{"DELETE", "/api/v1/articles/account/reset-password", 405},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, s.srv.URL+tt.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s %s: status %d, want %d (%s)", tt.method, tt.path, resp.StatusCode, tt.status, b)
			continue
		}
		var e struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		if err := json.Unmarshal(b, &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Errorf("%s %s: error body %q is not {\"error\":{\"code\",\"message\"}}", tt.method, tt.path, b)
		}
	}
}

func TestArticleAPI(t *testing.T) {
	s := openSample(t)
	status, body, _ := get(t, s, "/api/v1/articles/account/reset-password?lang=ru")
	if status != 200 {
		t.Fatalf("status %d: %s", status, body)
	}
	var a struct {
		ID, Lang, Title, HTML string
		Sections              []struct {
			ID, Title string
			Level     int
		}
		Translations []struct{ Lang, URL string }
	}
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Как сбросить пароль" || a.HTML == "" || len(a.Sections) == 0 {
		t.Errorf("article incomplete: %+v", a)
	}
	if len(a.Translations) != 3 {
		t.Errorf("want en, uk, bg translations, got %+v", a.Translations)
	}
	for _, sec := range a.Sections {
		if !strings.Contains(a.HTML, `id="`+sec.ID+`"`) {
			t.Errorf("section anchor %q missing from the HTML", sec.ID)
		}
	}
}

// TestNoInternalArticleInPublicResponses queries the public endpoints with
// the titles and distinctive words of every non-public article and checks
// that none of them leaks.
func TestNoInternalArticleInPublicResponses(t *testing.T) {
	s := openSample(t)
	var hidden []*spravka.Article
	for _, a := range s.corpus.Articles {
		if !a.IsPublic() {
			hidden = append(hidden, a)
		}
	}
	if len(hidden) < 6 {
		t.Fatalf("the sample should have at least 6 internal articles, has %d", len(hidden))
	}
	for _, a := range hidden {
		queries := []string{a.Title}
		if len(a.Sections) > 0 {
			queries = append(queries, a.Sections[0].Title, firstWords(a.Sections[0].Text, 12))
		}
		for _, q := range queries {
			for _, lang := range []string{"", a.Lang} {
				path := "/api/v1/search?per_page=100&q=" + url.QueryEscape(q)
				if lang != "" {
					path += "&lang=" + lang
				}
				_, body, _ := get(t, s, path)
				var res struct {
					Hits []struct{ ID, Title, URL, Snippet string } `json:"hits"`
				}
				if err := json.Unmarshal([]byte(body), &res); err != nil {
					t.Fatalf("search %q: %v", q, err)
				}
				for _, h := range res.Hits {
					if h.ID == a.ID || h.Title == a.Title || h.URL == a.URL() {
						t.Errorf("search %q leaks %s", q, a.Path)
					}
				}
				// The page echoes the query in the search box; the article's
				// link or its text must not appear anywhere.
				_, page, _ := get(t, s, "/"+a.Lang+"/search?q="+url.QueryEscape(q))
				if strings.Contains(page, a.URL()) || (len(a.Sections) > 0 && strings.Contains(page, lastWords(a.Sections[0].Text, 6))) {
					t.Errorf("search page %q leaks %s", q, a.Path)
				}
			}
		}
		if status, _, _ := get(t, s, "/api/v1/articles/"+a.ID+"?lang="+a.Lang); status != 404 {
			t.Errorf("article API returns %s with status %d, want 404", a.Path, status)
		}
		if status, _, _ := get(t, s, a.URL()); status != 404 {
			t.Errorf("article page %s answers %d, want 404", a.URL(), status)
		}
		_, cats, _ := get(t, s, "/api/v1/categories?lang="+a.Lang)
		if strings.Contains(cats, a.Title) {
			t.Errorf("categories leak %s", a.Path)
		}
		_, catPage, _ := get(t, s, "/"+a.Lang+"/"+a.Category+"/")
		if strings.Contains(catPage, a.Title) || strings.Contains(catPage, a.URL()) {
			t.Errorf("category page leaks %s", a.Path)
		}
	}
}

func TestHealthAndReady(t *testing.T) {
	s := openSample(t)
	for _, p := range []string{"/healthz", "/readyz"} {
		if status, body, _ := get(t, s, p); status != 200 {
			t.Errorf("%s: %d %s", p, status, body)
		}
	}
}

func TestPages(t *testing.T) {
	s := openSample(t)
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"/ru/", 200, `<html lang="ru">`},
		{"/ru/account/", 200, "Как сбросить пароль"},
		{"/ru/account/reset-password", 200, "<h1>Как сбросить пароль</h1>"},
		{"/ru/search?q=" + url.QueryEscape("сбросить пароль"), 200, "/ru/account/reset-password"},
		{"/ru/search?q=" + url.QueryEscape("<script>alert(1)</script>"), 200, "&lt;script&gt;"},
		{"/ru/no-such-category/", 404, "<form"},
		{"/xx/", 404, ""},
	}
	for _, tt := range tests {
		status, body, _ := get(t, s, tt.path)
		if status != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("%s: status %d (want %d), contains %q: %v", tt.path, status, tt.status, tt.want, strings.Contains(body, tt.want))
		}
		if strings.Contains(body, "<script>alert(1)") {
			t.Errorf("%s: user input reached the page unescaped", tt.path)
		}
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ")
}
