package server_test

import (
	"encoding/json"
	"html"
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/search"
	"github.com/spravka/spravka/search/analysis"
	"github.com/spravka/spravka/search/layout"
	"github.com/spravka/spravka/themes"
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

// TestNoInternalLeaks asks for every hidden article of the sample (the
// internal ones and leakDrafts) in its own distinctive words, on every
// public endpoint and page and on the agent endpoints with each token
// whose tiers may not see it, and checks that no response carries its id,
// URL, title, any of its sentences or any word that only hidden articles
// use. The word-suggesting features are asked too: the distinctive words
// misspelt (did_you_mean), typed on the wrong keyboard layout (layout
// correction) and half typed (autocomplete). The controls at the end prove
// the same questions find each article, and its words, for a caller who
// may see it, so the test cannot pass by asking badly.
func TestNoInternalLeaks(t *testing.T) {
	a := openLeakSample(t)
	hidden := hiddenArticles(a.corpus.Articles)
	if len(hidden) < 14+len(leakDrafts) {
		t.Fatalf("the sample has %d hidden article versions, want the 7 internal articles in ru and en and the drafts", len(hidden))
	}
	// What each viewer may read anyway: an internal article's title quoted
	// in another article the viewer may see is no leak.
	visible := map[string]string{}
	ui := uiText(t)
	for _, v := range leakViewers() {
		visible[v.name] = visibleText(a.corpus.Articles, v.access) + ui
	}
	publicText := visible["anonymous"]
	pages := publicPages(t, a.eng, a.srv.URL)
	for _, art := range hidden {
		queries := []string{art.Title, strings.Join(distinctiveWords(art, publicText, 6), " ")}
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
		secrets = leakSecrets(art, publicText)
		for path, body := range pages {
			check("page "+path, "", body)
		}
		for _, v := range leakViewers() {
			if v.access.CanSee(art) {
				continue
			}
			secrets = leakSecrets(art, visible[v.name])
			words := unknownWords(art, a.corpus.Articles, v.access, 6)
			typo, typed := misspelt(words), wrongLayout(words, art.Lang)
			for _, q := range append(append([]string{}, queries...), typo, typed) {
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
			// Converting the keystrokes back would only echo the caller's
			// words, but deciding to convert says they are known.
			if c := corrections(t, a.srv.URL, typed, art.Lang, v.token); c.Corrected != "" {
				t.Errorf("%s asks %q: corrected to %q, words only %s has", v.name, typed, c.Corrected, art.Key())
			}
			for _, w := range words {
				path := "/api/v1/autocomplete?lang=" + art.Lang + "&q=" + url.QueryEscape(autocompletePrefix(w))
				_, body, _ := call(t, a.srv.URL, http.MethodGet, path, v.token, nil)
				check(v.name+" GET "+path, autocompletePrefix(w), body)
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
		// Control: the admin is offered the article's words back.
		words := unknownWords(art, a.corpus.Articles, spravka.Public, 6)
		if len(words) < 3 {
			t.Errorf("%s: only %d words no public article has, %q", art.Key(), len(words), words)
		}
		for _, q := range []string{misspelt(words), wrongLayout(words, art.Lang)} {
			c := corrections(t, a.srv.URL, q, art.Lang, tokAdmin)
			if offered := normalizeLeak(c.DidYouMean + " " + c.Corrected); !containsAny(offered, words) {
				t.Errorf("control: the admin asks %q and is offered %q, none of %q; the correction queries prove nothing", q, offered, words)
			}
		}
		if secrets = leakSecrets(art, publicText); len(secrets) < 4 {
			t.Errorf("%s: only %d secrets to look for", art.Key(), len(secrets))
		}
	}
}

// hiddenArticles returns the article versions anonymous visitors may not see.
func hiddenArticles(arts []*spravka.Article) []*spravka.Article {
	var out []*spravka.Article
	for _, art := range arts {
		if !art.IsPublic() {
			out = append(out, art)
		}
	}
	return out
}

// visibleText is everything of the articles access may see, normalised:
// what the viewer may read anyway, so no leak when a response shows it.
func visibleText(arts []*spravka.Article, access spravka.Access) string {
	var b strings.Builder
	for _, art := range arts {
		if access.CanSee(art) {
			b.WriteString(normalizeLeak(articleText(art)+"\n"+strings.Join(append(append([]string{art.ID, art.Category}, art.Tags...), art.Products...), "\n")) + "\n")
		}
	}
	return b.String()
}

// publicPages fetches every public page that lists or describes articles,
// including sitemap and feeds when the site has them.
func publicPages(t *testing.T, eng *search.Engine, base string) map[string]string {
	t.Helper()
	out := map[string]string{}
	paths := []string{"/agent", "/sitemap.xml", "/feed.xml", "/index.xml", "/rss.xml", "/robots.txt"}
	for _, lang := range spravka.Languages {
		paths = append(paths, "/"+lang+"/", "/"+lang+"/feed.xml", "/"+lang+"/index.xml", "/"+lang+"/sitemap.xml",
			"/api/v1/categories?lang="+lang)
		cats, err := eng.Categories(t.Context(), lang, spravka.Access{Preview: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cats {
			paths = append(paths, c.URL, "/"+lang+"/"+c.ID+"/feed.xml", "/"+lang+"/"+c.ID+"/index.xml")
		}
	}
	for _, p := range paths {
		status, body, _ := call(t, base, http.MethodGet, p, "", nil)
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

// leakSecrets returns what must never be shown to a caller who may not
// see the article: its id, URL and title, its sentences of 30 characters
// or more that no visible article shares, and its words that no visible
// article uses.
func leakSecrets(a *spravka.Article, visibleText string) []string {
	out := []string{normalizeLeak(a.ID), normalizeLeak(a.URL())}
	if t := normalizeLeak(a.Title); !strings.Contains(visibleText, t) {
		out = append(out, t)
	}
	for _, s := range sentenceEnd.Split(articleText(a), -1) {
		s = normalizeLeak(s)
		if utf8.RuneCountInString(s) >= 30 && !strings.Contains(visibleText, s) {
			out = append(out, s)
		}
	}
	for _, w := range distinctiveWords(a, visibleText, 0) {
		out = append(out, normalizeLeak(w))
	}
	return out
}

// distinctiveWords returns up to n words (all when n is 0) of the article,
// 5 letters or more, that no visible article uses: the words that would
// find it, and that a correction must never offer.
func distinctiveWords(a *spravka.Article, visibleText string, n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(articleText(a), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		lw := strings.ToLower(w)
		if utf8.RuneCountInString(w) < 5 || seen[lw] || strings.Contains(visibleText, lw) {
			continue
		}
		seen[lw] = true
		out = append(out, w)
		if len(out) == n {
			break
		}
	}
	return out
}

// unknownWords returns up to n words of the article, 5 letters or more,
// whose stem no article access may see has: the words a correction must
// treat as unknown to that caller.
func unknownWords(a *spravka.Article, arts []*spravka.Article, access spravka.Access, n int) []string {
	known := map[string]bool{}
	for _, other := range arts {
		if access.CanSee(other) {
			for _, w := range letterWords(articleText(other)) {
				known[analysis.Stem(a.Lang, w)] = true
			}
		}
	}
	var out []string
	for _, w := range letterWords(articleText(a)) {
		if st := analysis.Stem(a.Lang, w); utf8.RuneCountInString(w) >= 5 && !known[st] && len(out) < n {
			known[st] = true
			out = append(out, w)
		}
	}
	return out
}

func letterWords(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
}

// corrections asks the search API and returns its corrections.
func corrections(t *testing.T, base, q, lang, token string) (res struct {
	DidYouMean string `json:"did_you_mean"`
	Corrected  string `json:"corrected"`
}) {
	t.Helper()
	_, body, _ := call(t, base, http.MethodGet, "/api/v1/search?lang="+lang+"&q="+url.QueryEscape(q), token, nil)
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatalf("%q: %v: %s", q, err, body)
	}
	return res
}

// uiText is the text of the theme (templates, UI strings, scripts) and the
// API's own words: a response may show it to anyone.
func uiText(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(spravka.AudiencePublic + " " + spravka.AudienceInternal + "\n")
	err := fs.WalkDir(themes.Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(themes.Default(), p)
		b.WriteString(normalizeLeak(string(data)) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// misspelt returns the words with a letter in the middle of each replaced,
// as someone asking for them with a typo would type them.
func misspelt(words []string) string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		r := []rune(strings.ToLower(w))
		i := len(r) / 2
		switch {
		case unicode.Is(unicode.Cyrillic, r[i]):
			r[i] = map[bool]rune{true: 'а', false: 'о'}[r[i] == 'о']
		case unicode.IsLetter(r[i]):
			r[i] = map[bool]rune{true: 'a', false: 'o'}[r[i] == 'o']
		}
		out = append(out, string(r))
	}
	return strings.Join(out, " ")
}

// wrongLayout returns the words as typed with the other keyboard layout
// active: Latin keys for a Cyrillic article, Cyrillic ones for English.
func wrongLayout(words []string, lang string) string {
	text := strings.ToLower(strings.Join(words, " "))
	switch lang {
	case "en":
		return layout.ToCyrillic(text, layout.Russian)
	case "uk":
		return layout.ToLatin(text, layout.Ukrainian)
	case "bg":
		return layout.ToLatin(text, layout.Bulgarian)
	}
	return layout.ToLatin(text, layout.Russian)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, normalizeLeak(w)) {
			return true
		}
	}
	return false
}

// autocompletePrefix is the question as typed so far: all but the end of
// its last word.
func autocompletePrefix(q string) string {
	r := []rune(q)
	return string(r[:max(2, len(r)-2)])
}

var (
	tags       = regexp.MustCompile(`<[^>]*>`)
	inlineTags = regexp.MustCompile(`^</?(mark|b|i|em|strong|code)\b`)
)

// normalizeLeak reduces a response or a secret to comparable text: markup
// and JSON escapes removed, entities decoded, spaces collapsed, lower case.
// Tags between blocks become spaces, so that the last word of one link and
// the first of the next do not make a third; highlights inside text vanish.
func normalizeLeak(s string) string {
	s = strings.NewReplacer(`\"`, `"`, `\n`, " ", `\t`, " ", `\\`, `\`, `\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(s)
	s = html.UnescapeString(tags.ReplaceAllStringFunc(s, func(tag string) string {
		if inlineTags.MatchString(tag) {
			return ""
		}
		return " "
	}))
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
