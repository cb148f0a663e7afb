package server_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/spravka/spravka"
)

// viewer is a caller of the leak test: anonymous or an agent's token.
type viewer struct {
	name, token string
	access      spravka.Access
}

func leakViewers() []viewer {
	return []viewer{
		{"anonymous", "", spravka.Public},
		{"bot", tokBot, spravka.Access{Agent: "helpdesk-bot"}},
		{"l1", tokL1, spravka.Access{Agent: "l1-team", Tiers: []string{"l1"}}},
		{"l2", tokL2, spravka.Access{Agent: "l2-team", Tiers: []string{"l2"}}},
		{"l3", tokL3, spravka.Access{Agent: "l3-team", Tiers: []string{"l3"}}},
	}
}

// TestNoInternalLeaks asks for every internal article of the sample in its
// own distinctive words, on every public endpoint and page and on the
// agent endpoints with each token whose tiers may not see it, and checks
// that no response carries its id, URL, title or any of its sentences.
// The control at the end proves the same questions do find each article
// for a caller who may see it, so the test cannot pass by asking badly.
func TestNoInternalLeaks(t *testing.T) {
	a := openAgentSample(t)
	var internal []*spravka.Article
	for _, art := range a.corpus.Articles {
		if !art.IsPublic() {
			internal = append(internal, art)
		}
	}
	if len(internal) < 14 {
		t.Fatalf("the sample has %d internal article versions, want the 7 articles in ru and en", len(internal))
	}
	// What each viewer may read anyway: an internal article's title quoted
	// in another article the viewer may see is no leak.
	visible := map[string]string{}
	for _, v := range leakViewers() {
		var b strings.Builder
		for _, art := range a.corpus.Articles {
			if v.access.CanSee(art) {
				b.WriteString(normalizeLeak(articleText(art)) + "\n")
			}
		}
		visible[v.name] = b.String()
	}
	publicText := visible["anonymous"]
	pages := publicPages(t, a)
	for _, art := range internal {
		queries := []string{art.Title, distinctiveWords(art, publicText, 6)}
		if len(art.Questions) > 0 {
			queries = append(queries, art.Questions[0])
		}
		var secrets []string
		check := func(where, query, body string) {
			t.Helper()
			norm := normalizeLeak(body)
			for _, s := range secrets {
				if query != "" && strings.Contains(normalizeLeak(query), s) {
					continue // the response echoes the question
				}
				if strings.Contains(norm, s) {
					t.Errorf("%s leaks %s (%q)", where, art.Key(), s)
				}
			}
		}
		secrets = secretsOf(art, publicText)
		for path, body := range pages {
			check("page "+path, "", body)
		}
		for _, v := range leakViewers() {
			if v.access.CanSee(art) {
				continue
			}
			secrets = secretsOf(art, visible[v.name])
			for _, q := range queries {
				paths := []string{
					"/api/v1/search?per_page=100&lang=" + art.Lang + "&q=" + url.QueryEscape(q),
					"/api/v1/autocomplete?lang=" + art.Lang + "&q=" + url.QueryEscape(autocompletePrefix(q)),
				}
				if v.token == "" {
					// Pages ignore tokens (TestAuthRefusals), so they are
					// asked once, anonymously; so is language detection.
					paths = append(paths, "/api/v1/search?per_page=100&q="+url.QueryEscape(q),
						"/"+art.Lang+"/search?q="+url.QueryEscape(q))
				}
				for _, path := range paths {
					_, body, _ := call(t, a.srv.URL, http.MethodGet, path, v.token, nil)
					check(v.name+" GET "+path, q, body)
				}
				if v.token != "" {
					_, body, _ := call(t, a.srv.URL, http.MethodPost, "/api/v1/suggest", v.token,
						map[string]any{"text": q, "limit": 20})
					check(v.name+" suggest", q, body)
				}
			}
			for _, path := range []string{
				"/api/v1/articles/" + art.ID + "?lang=" + art.Lang,
				"/api/v1/articles/" + art.ID,
				"/api/v1/categories?lang=" + art.Lang,
				art.URL(),
				"/" + art.Lang + "/" + art.Category + "/",
			} {
				status, body, _ := call(t, a.srv.URL, http.MethodGet, path, v.token, nil)
				if strings.HasPrefix(path, "/api/v1/articles/") && status != http.StatusNotFound {
					t.Errorf("%s GET %s: status %d, want 404", v.name, path, status)
				}
				// A 404 may name the id the caller asked for, as it does
				// for articles that do not exist.
				check(v.name+" GET "+path, path, body)
			}
		}
		// Control: the admin asks the same questions and finds the article.
		found := false
		for _, q := range queries {
			_, body, _ := call(t, a.srv.URL, http.MethodGet, "/api/v1/search?per_page=100&lang="+art.Lang+"&q="+url.QueryEscape(q), tokAdmin, nil)
			found = found || strings.Contains(body, `"id":"`+art.ID+`"`)
		}
		if !found {
			t.Errorf("control: the admin does not find %s with %q; the leak queries prove nothing", art.Key(), queries)
		}
		if secrets = secretsOf(art, publicText); len(secrets) < 4 {
			t.Errorf("%s: only %d secrets to look for", art.Key(), len(secrets))
		}
	}
}

// publicPages fetches every public page that lists or describes articles,
// including sitemap and feeds when the site has them.
func publicPages(t *testing.T, a *agentSample) map[string]string {
	t.Helper()
	out := map[string]string{}
	paths := []string{"/agent", "/sitemap.xml", "/feed.xml", "/index.xml", "/rss.xml", "/robots.txt"}
	for _, lang := range spravka.Languages {
		paths = append(paths, "/"+lang+"/", "/"+lang+"/feed.xml", "/"+lang+"/index.xml", "/"+lang+"/sitemap.xml",
			"/api/v1/categories?lang="+lang)
		cats, err := a.eng.Categories(t.Context(), lang, spravka.Access{Preview: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cats {
			paths = append(paths, c.URL, "/"+lang+"/"+c.ID+"/feed.xml", "/"+lang+"/"+c.ID+"/index.xml")
		}
	}
	for _, p := range paths {
		status, body, _ := call(t, a.srv.URL, http.MethodGet, p, "", nil)
		if status == http.StatusOK {
			out[p] = body
		}
	}
	return out
}

func articleText(a *spravka.Article) string {
	parts := []string{a.Title, a.Summary, a.Lead, strings.Join(a.Questions, "\n")}
	for _, s := range a.Sections {
		parts = append(parts, s.Title, s.Text)
	}
	return strings.Join(parts, "\n")
}

var sentenceEnd = regexp.MustCompile(`[.!?…:;\n\t]+`)

// secretsOf returns what must never be shown to a caller who may not see
// the article: its id, URL and title, and its sentences of 30 characters
// or more that no public article shares.
func secretsOf(a *spravka.Article, publicText string) []string {
	out := []string{normalizeLeak(a.ID), normalizeLeak(a.URL())}
	if t := normalizeLeak(a.Title); !strings.Contains(publicText, t) {
		out = append(out, t)
	}
	for _, s := range sentenceEnd.Split(articleText(a), -1) {
		s = normalizeLeak(s)
		if utf8.RuneCountInString(s) >= 30 && !strings.Contains(publicText, s) {
			out = append(out, s)
		}
	}
	return out
}

// distinctiveWords returns up to n words of the article (5 letters or
// more) that no public article uses: the words that would find it.
func distinctiveWords(a *spravka.Article, publicText string, n int) string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(articleText(a), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		lw := strings.ToLower(w)
		if utf8.RuneCountInString(w) < 5 || seen[lw] || strings.Contains(publicText, lw) {
			continue
		}
		seen[lw] = true
		out = append(out, w)
		if len(out) == n {
			break
		}
	}
	return strings.Join(out, " ")
}

// autocompletePrefix is the question as typed so far: all but the end of
// its last word.
func autocompletePrefix(q string) string {
	r := []rune(q)
	return string(r[:max(2, len(r)-2)])
}

var tags = regexp.MustCompile(`<[^>]*>`)

// normalizeLeak reduces a response or a secret to comparable text: markup
// and JSON escapes removed, entities decoded, spaces collapsed, lower case.
func normalizeLeak(s string) string {
	s = strings.NewReplacer(`\"`, `"`, `\n`, " ", `\t`, " ", `\\`, `\`, `\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(s)
	s = html.UnescapeString(tags.ReplaceAllString(s, ""))
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
