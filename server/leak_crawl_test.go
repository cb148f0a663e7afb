package server_test

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gorilla/mux"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/server"
)

// crawlLimit bounds the pages the crawl fetches; the sample site has a few
// hundred, so reaching it means the crawl is following a loop.
const crawlLimit = 3000

// crawlRequest is one request of the crawl.
type crawlRequest struct {
	method, target, token string
	body                  any
	seed                  bool // asked on purpose, not found as a link
}

// TestLeakCrawl visits the site as a crawler does, from every entry point
// and following every link of every page, feed, sitemap and API answer,
// and asks every route of the router: the word-suggesting ones (search,
// its page, autocomplete, suggest) with every hidden article's title and
// words, misspelt, typed on the wrong keyboard layout and half typed. No answer may carry anything of a hidden article
// (leakSecrets) or be a 500. A route the crawl never reaches fails the
// test, so a route added later is crawled too, or the test says so.
func TestLeakCrawl(t *testing.T) {
	a := openLeakSample(t)
	publicText := visibleText(a.corpus.Articles, spravka.Public) + uiText(t)
	type secret struct{ key, text string }
	var secrets []secret
	for _, art := range hiddenArticles(a.corpus.Articles) {
		for _, s := range leakSecrets(art, publicText) {
			secrets = append(secrets, secret{art.Key(), s})
		}
	}
	router := server.Router(a.server)
	reached := map[string]bool{}
	var queue []crawlRequest
	seen := map[string]bool{}
	enqueue := func(r crawlRequest) {
		if id := fmt.Sprint(r.method, r.token, r.target, r.body); !seen[id] {
			seen[id] = true
			queue = append(queue, r)
		}
	}
	for _, r := range crawlSeeds(a) {
		r.seed = true
		enqueue(r)
	}
	fetched := 0
	for len(queue) > 0 && fetched < crawlLimit {
		r := queue[0]
		queue = queue[1:]
		fetched++
		reached[routeOf(router, r.method, r.target)] = true
		status, body, hdr := call(t, a.srv.URL, r.method, r.target, r.token, r.body)
		where := r.method + " " + r.target
		if status >= 500 || status == http.StatusTooManyRequests {
			t.Errorf("%s: status %d", where, status) // a 429 would make the crawl see nothing
		}
		// An answer may echo the path, query or body the caller sent.
		asked := normalizeLeak(unescapeTarget(r.target) + " " + fmt.Sprint(r.body))
		norm := normalizeLeak(body)
		for _, s := range secrets {
			if strings.Contains(norm, s.text) && !strings.Contains(asked, s.text) {
				t.Errorf("%s leaks %s (%q)", where, s.key, s.text)
			}
		}
		if !r.seed && isVariant(r.target) {
			continue // its links are more variants
		}
		for _, link := range crawlLinks(a.srv.URL, r.target, body, hdr.Get("Content-Type")) {
			if key := variantKey(link); !seen[key] {
				seen[key] = true
				enqueue(crawlRequest{method: http.MethodGet, target: link})
			}
		}
	}
	if fetched == crawlLimit {
		t.Errorf("the crawl stopped at %d requests; %d were still queued", crawlLimit, len(queue))
	}
	var missed []string
	_ = router.Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		if tpl, err := route.GetPathTemplate(); err == nil && !reached[tpl] {
			missed = append(missed, tpl)
		}
		return nil
	})
	sort.Strings(missed)
	for _, tpl := range missed {
		t.Errorf("the crawl never reaches route %s: add a seed in crawlSeeds", tpl)
	}
	t.Logf("%d requests, %d routes", fetched, len(reached))
}

// crawlSeeds are the entry points: what a crawler finds without links
// (robots.txt, the sitemap, each language's home and feed), each hidden
// article asked for by URL, id and words on every route that answers a
// question, and the routes that only take a POST.
func crawlSeeds(a *leakSample) []crawlRequest {
	get := func(target string) crawlRequest { return crawlRequest{method: http.MethodGet, target: target} }
	out := []crawlRequest{get("/"), get("/robots.txt"), get("/sitemap.xml"), get("/agent"), get("/healthz"),
		get("/readyz"), get("/metrics"), get("/admin"), get("/admin/admin.css"), get("/admin/report.csv"),
		get("/admin/report.json"), get("/api/v1/admin/reindex"), get("/no/such/page"),
		{method: http.MethodPost, target: "/admin/login", body: "token=guess"},
		{method: http.MethodPost, target: "/admin/logout"},
		{method: http.MethodPost, target: "/api/v1/admin/reindex"},
	}
	for _, lang := range spravka.Languages {
		out = append(out, get("/"+lang+"/"), get("/"+lang+"/feed.xml"), get("/"+lang+"/opensearch.xml"),
			get("/api/v1/categories?lang="+lang))
	}
	hidden := hiddenArticles(a.corpus.Articles)
	for _, art := range hidden {
		out = append(out, get(art.URL()), get("/api/v1/articles/"+art.ID+"?lang="+art.Lang),
			get("/"+art.Lang+"/"+art.Category+"/"),
			get("/r?rank=1&lang="+art.Lang+"&q="+url.QueryEscape(art.Title)+"&to="+url.QueryEscape(art.URL())),
			crawlRequest{method: http.MethodPost, target: "/r?rank=1&lang=" + art.Lang + "&to=" + url.QueryEscape(art.URL())},
			crawlRequest{method: http.MethodPost, target: "/api/v1/feedback",
				body: map[string]any{"article_id": art.ID, "lang": art.Lang, "helpful": true}},
			crawlRequest{method: http.MethodPost, target: "/api/v1/suggest/feedback", token: tokBot,
				body: map[string]any{"request_id": "0123456789abcdef01234567", "article_id": art.ID, "useful": true}})
		for _, al := range art.Aliases {
			out = append(out, get(al))
		}
		words := unknownWords(art, a.corpus.Articles, spravka.Public, 6)
		for _, q := range []string{art.Title, strings.Join(words, " "), misspelt(words), wrongLayout(words, art.Lang)} {
			esc := url.QueryEscape(q)
			out = append(out, get("/api/v1/search?lang="+art.Lang+"&q="+esc), get("/api/v1/search?q="+esc),
				get("/"+art.Lang+"/search?q="+esc), get("/api/v1/autocomplete?lang="+art.Lang+"&q="+url.QueryEscape(autocompletePrefix(q))),
				crawlRequest{method: http.MethodPost, target: "/api/v1/suggest", token: tokBot, body: map[string]any{"text": q}})
		}
		for _, w := range words {
			out = append(out, get("/api/v1/autocomplete?lang="+art.Lang+"&q="+url.QueryEscape(autocompletePrefix(w))))
		}
	}
	return append(out, crawlRequest{method: http.MethodPost, target: "/api/v1/suggest", body: map[string]any{"text": "refund"}})
}

var (
	linkAttr = regexp.MustCompile(`(?:href|src|action)="([^"]*)"`)
	xmlLoc   = regexp.MustCompile(`<loc>([^<]*)</loc>`)
	jsonURL  = regexp.MustCompile(`"url":"([^"]*)"`)
)

// crawlLinks returns the same-site targets (path and query) that body
// links to, resolved against the page's own target.
func crawlLinks(base, target, body, contentType string) []string {
	var raw []string
	for _, re := range []*regexp.Regexp{linkAttr, xmlLoc, jsonURL} {
		for _, m := range re.FindAllStringSubmatch(body, -1) {
			raw = append(raw, html.UnescapeString(m[1]))
		}
	}
	if strings.Contains(contentType, "json") {
		for i, r := range raw {
			raw[i] = strings.ReplaceAll(r, `\u0026`, "&")
		}
	}
	page, err := url.Parse(base + target)
	if err != nil {
		return nil
	}
	var out []string
	for _, r := range raw {
		u, err := page.Parse(r)
		if err != nil || u.Host != page.Host || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		u.Fragment = ""
		out = append(out, u.RequestURI())
	}
	return out
}

// variantKey names what a link asks, so that the crawl follows one link per
// kind of variant: the facet links of a result page combine every
// category, product and tag with the question and the page number, which
// a crawler does not need all of to see what each kind shows. A link with
// at most one parameter and no question (an article, a tag's list) is its
// own key; a variant is a leaf (isVariant), whose links are more variants.
func variantKey(target string) string {
	u, err := url.Parse(target)
	if err != nil || !isVariant(target) {
		return "link " + target
	}
	v := u.Query()
	names := make([]string, 0, len(v))
	for name := range v {
		names = append(names, name)
	}
	sort.Strings(names)
	return "variant " + u.Path + "?" + strings.Join(names, "&") + " " + v.Get("q")
}

// isVariant reports whether target is a question or a combination of
// filters (see variantKey).
func isVariant(target string) bool {
	u, err := url.Parse(target)
	return err == nil && (u.Query().Get("q") != "" || len(u.Query()) > 1)
}

// routeOf returns the template of the route that serves the request, or
// "" when none does.
func routeOf(router *mux.Router, method, target string) string {
	var m mux.RouteMatch
	if !router.Match(httptest.NewRequest(method, target, nil), &m) || m.Route == nil {
		return ""
	}
	tpl, _ := m.Route.GetPathTemplate()
	return tpl
}

func unescapeTarget(target string) string {
	if s, err := url.QueryUnescape(target); err == nil {
		return s
	}
	return target
}
