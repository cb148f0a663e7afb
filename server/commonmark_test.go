package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"golang.org/x/net/html"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/internal/htmlcheck"
	"github.com/spravka/spravka/search"
	"github.com/spravka/spravka/server"
	"github.com/spravka/spravka/themes"
)

// specExample is one example of the CommonMark spec, as goldmark ships the
// spec's examples for its own tests.
type specExample struct {
	Markdown string `json:"markdown"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// commonMarkSpec reads the spec examples from goldmark's module (they are
// CC-BY-SA text, so they are read from the module cache rather than copied
// into this repository). Without the module, the test is skipped, except
// under CI, where it fails.
func commonMarkSpec(t *testing.T) []specExample {
	t.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", "github.com/yuin/goldmark").Output()
	var mod struct{ Dir, Error string }
	if err == nil {
		err = json.Unmarshal(out, &mod)
	}
	var b []byte
	if err == nil {
		b, err = os.ReadFile(filepath.Join(mod.Dir, "_test", "spec.json"))
	}
	var spec []specExample
	if err == nil {
		err = json.Unmarshal(b, &spec)
	}
	if err != nil || len(spec) == 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must have goldmark's CommonMark examples: %v %s", err, mod.Error)
		}
		t.Skipf("goldmark's CommonMark examples are not available: %v %s", err, mod.Error)
	}
	return spec
}

// TestCommonMarkSpec indexes every example of the CommonMark spec as an
// article (a quarter in each language, raw HTML off and on) and fetches
// every page and API answer about each: nothing may fail with a 5xx or
// run a script, and every example is served or skipped with a reason.
// Under -short every tenth example is used.
func TestCommonMarkSpec(t *testing.T) {
	spec := commonMarkSpec(t)
	if len(spec) != 652 {
		t.Errorf("goldmark ships %d CommonMark examples, the spec has 652", len(spec))
	}
	step := 1
	if testing.Short() {
		step = 10
	}
	for _, unsafe := range []bool{false, true} {
		t.Run(fmt.Sprintf("unsafe_html=%v", unsafe), func(t *testing.T) {
			site := newSpecSite(t, spec, step, unsafe)
			site.checkExamples(t)
			site.checkLists(t)
		})
	}
}

const specToken = "commonmark-agent-token"

// specSite is a server over the examples written as a content tree.
type specSite struct {
	h        http.Handler
	paths    map[string]specExample // content path → example
	articles map[string]*spravka.Article
	problems map[string][]spravka.Problem
	cats     map[string]bool // /lang/category/
}

func newSpecSite(t *testing.T, spec []specExample, step int, unsafe bool) *specSite {
	t.Helper()
	s := &specSite{paths: map[string]specExample{}, articles: map[string]*spravka.Article{},
		problems: map[string][]spravka.Problem{}, cats: map[string]bool{}}
	fsys := fstest.MapFS{}
	for i := 0; i < len(spec); i += step {
		ex := spec[i]
		lang := spravka.Languages[ex.Example%len(spravka.Languages)]
		p := fmt.Sprintf("%s/example-%03d.%s.md", sectionSlug(ex.Section), ex.Example, lang)
		s.paths[p] = ex
		fm := fmt.Sprintf("---\ntitle: %q\ntags: [commonmark]\n---\n", fmt.Sprintf("Example %d: %s", ex.Example, ex.Section))
		fsys[p] = &fstest.MapFile{Data: []byte(fm + ex.Markdown)}
	}
	quiet := slog.New(slog.DiscardHandler)
	eng, err := search.Open(search.Config{DataDir: t.TempDir(), DefaultLang: "en", Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	corpus, err := indexer.Build(context.Background(), eng, fsys, indexer.Options{UnsafeHTML: unsafe}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range corpus.Articles {
		s.articles[a.Path] = a
		s.cats["/"+a.Lang+"/"+a.Category+"/"] = true
	}
	for _, p := range corpus.Problems {
		s.problems[p.Path] = append(s.problems[p.Path], p)
	}
	srv, err := server.New(server.Config{Theme: themes.Default(), Logger: quiet,
		Agents: []server.Agent{{Name: "spec-bot", TokenSHA256: hashOf(specToken)}}}, eng)
	if err != nil {
		t.Fatal(err)
	}
	s.h = srv.Handler()
	return s
}

// sectionSlug turns a spec section ("Link reference definitions") into a
// category folder name.
func sectionSlug(section string) string {
	return strings.Trim(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(section), "-"), "-")
}

// do answers one request; a 5xx fails the test, naming the example.
func (s *specSite) do(t *testing.T, what, method, target string, body any) (int, string) {
	t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	r := httptest.NewRequest(method, target, rd)
	if body != nil {
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Authorization", "Bearer "+specToken)
	}
	w := httptest.NewRecorder()
	s.h.ServeHTTP(w, r)
	if w.Code >= 500 {
		t.Errorf("%s: %s %s: %d %.300s", what, method, target, w.Code, w.Body)
	}
	return w.Code, w.Body.String()
}

func (s *specSite) checkExamples(t *testing.T) {
	served := 0
	for p, ex := range s.paths {
		what := fmt.Sprintf("example %d (%s) %q", ex.Example, ex.Section, ex.Markdown)
		for _, pr := range s.problems[p] {
			if strings.Contains(pr.Message, "internal error") {
				t.Errorf("%s: the indexer failed: %s", what, pr)
			}
		}
		a := s.articles[p]
		if a == nil {
			if len(s.problems[p]) == 0 {
				t.Errorf("%s: neither served nor reported", what)
			} else {
				t.Logf("%s: skipped: %s", what, s.problems[p][0])
			}
			continue
		}
		served++
		if code, page := s.do(t, what, http.MethodGet, a.URL(), nil); code != http.StatusOK {
			t.Errorf("%s: article page %s: %d", what, a.URL(), code)
		} else if bad := htmlcheck.Active(page, ownScripts); bad != "" {
			t.Errorf("%s: article page runs %s", what, bad)
		}
		if code, body := s.do(t, what, http.MethodGet, "/api/v1/articles/"+a.ID+"?lang="+a.Lang, nil); code != http.StatusOK {
			t.Errorf("%s: article API: %d", what, code)
		} else {
			var art struct{ HTML string }
			if err := json.Unmarshal([]byte(body), &art); err != nil {
				t.Errorf("%s: article API: %v", what, err)
			} else if bad := htmlcheck.Active(art.HTML, htmlcheck.NoScripts); bad != "" {
				t.Errorf("%s: article API html runs %s", what, bad)
			}
		}
		q := url.QueryEscape(wordOf(a))
		if code, page := s.do(t, what, http.MethodGet, "/"+a.Lang+"/search?q="+q, nil); code == http.StatusOK {
			if bad := htmlcheck.Active(page, ownScripts); bad != "" {
				t.Errorf("%s: search page runs %s", what, bad)
			}
		}
		s.do(t, what, http.MethodGet, "/api/v1/search?lang="+a.Lang+"&q="+q, nil)
		s.do(t, what, http.MethodGet, "/api/v1/autocomplete?lang="+a.Lang+"&q="+q, nil)
		s.do(t, what, http.MethodPost, "/api/v1/suggest", map[string]any{"text": ex.Markdown, "lang": a.Lang})
	}
	t.Logf("%d of %d examples served", served, len(s.paths))
	if served < len(s.paths)*9/10 {
		t.Errorf("only %d of %d examples served", served, len(s.paths))
	}
}

// checkLists fetches the pages that list many examples at once.
func (s *specSite) checkLists(t *testing.T) {
	pages := []string{"/sitemap.xml", "/robots.txt"}
	for _, lang := range spravka.Languages {
		pages = append(pages, "/"+lang+"/", "/"+lang+"/feed.xml", "/"+lang+"/search?tag=commonmark",
			"/api/v1/categories?lang="+lang)
	}
	for c := range s.cats {
		pages = append(pages, c)
	}
	for _, p := range pages {
		if code, page := s.do(t, "list", http.MethodGet, p, nil); code != http.StatusOK {
			t.Errorf("%s: %d", p, code)
		} else if strings.HasSuffix(p, "/") {
			if bad := htmlcheck.Active(page, ownScripts); bad != "" {
				t.Errorf("%s runs %s", p, bad)
			}
		}
	}
}

// ownScripts allows the site's scripts: its static files and JSON-LD data.
func ownScripts(attrs []html.Attribute) bool {
	for _, a := range attrs {
		if (a.Key == "src" && strings.HasPrefix(a.Val, "/static/")) || (a.Key == "type" && a.Val == "application/ld+json") {
			return true
		}
	}
	return false
}

// wordOf picks a word of the article to search for: the first of three or
// more letters in its text, else from its title.
func wordOf(a *spravka.Article) string {
	text := a.Lead
	for _, s := range a.Sections {
		text += " " + s.Title + " " + s.Text
	}
	for _, w := range strings.FieldsFunc(text+" "+a.Title, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 3 {
			return w
		}
	}
	return a.Title
}
