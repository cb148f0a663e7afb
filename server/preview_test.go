package server_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/check"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
	"github.com/spravka/spravka/server"
	"github.com/spravka/spravka/themes"
)

const previewAdminToken = "test-admin-token"

// previewSite serves a temp content folder in preview mode through a
// running watcher, as `spravka serve --preview` does.
type previewSite struct {
	url string
	dir string
	eng *search.Engine
}

func startPreview(t *testing.T) *previewSite {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"account/login.en.md": "---\ntitle: Sign in\n---\n\nSee [plans](../billing/plans.en.md#no-such-anchor).\n",
		"account/draft.en.md": "---\ntitle: Unfinished\ndraft: true\n---\n\nDraft text.\n",
		"billing/plans.en.md": "---\ntitle: Plans\n---\n\n## Prices\n",
	}
	for p, s := range files {
		writeContent(t, dir, p, s)
	}
	quiet := slog.New(slog.DiscardHandler)
	eng, err := search.Open(search.Config{DataDir: t.TempDir(), Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	w, err := indexer.NewWatcher(indexer.WatchConfig{Dir: dir, Engine: eng, Logger: quiet, Debounce: 30 * time.Millisecond, Reconcile: -1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); w.Run(ctx) }()
	feed := check.NewLive(w, os.DirFS(dir), check.Config{})
	go feed.Run(ctx)
	sum := sha256.Sum256([]byte(previewAdminToken))
	srv, err := server.New(server.Config{Theme: themes.Default(), Logger: quiet, Preview: feed, Reindexer: w,
		AdminTokenSHA256: hex.EncodeToString(sum[:]), Agents: testAgents()}, eng)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		hs.CloseClientConnections()
		hs.Close()
		cancel()
		<-done
		eng.Close()
	})
	return &previewSite{url: hs.URL, dir: dir, eng: eng}
}

func writeContent(t *testing.T, dir, p, s string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPreviewEventsOnSave(t *testing.T) {
	p := startPreview(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, p.url+"/api/v1/preview/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type %q", ct)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	waitLine := func(want string) {
		t.Helper()
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("stream ended before %q", want)
				}
				if l == want {
					return
				}
			case <-ctx.Done():
				t.Fatalf("no %q on the stream", want)
			}
		}
	}
	waitLine(": connected")
	writeContent(t, p.dir, "account/login.en.md", "---\ntitle: Sign in, edited\n---\n")
	waitLine("event: change")
	// By the time the event arrives the edit is served.
	a, err := p.eng.Article(context.Background(), "account/login", "en", spravka.Access{Preview: true})
	if err != nil || a.Title != "Sign in, edited" {
		t.Errorf("after the event the article is %+v (%v)", a, err)
	}
}

func TestPreviewPageShowsDraftsAndProblems(t *testing.T) {
	p := startPreview(t)
	var page struct {
		Path     string `json:"path"`
		Draft    bool   `json:"draft"`
		Problems []struct {
			Severity, Text string
		} `json:"problems"`
	}
	getJSON(t, p.url+"/api/v1/preview/page?url=/en/account/login", &page)
	if page.Path != "account/login.en.md" || len(page.Problems) != 1 ||
		page.Problems[0].Text != "account/login.en.md:5:13: error: broken anchor #no-such-anchor in billing/plans.en.md" {
		t.Errorf("login page: %+v", page)
	}
	getJSON(t, p.url+"/api/v1/preview/page?url=/en/account/draft", &page)
	if !page.Draft {
		t.Errorf("draft page not flagged: %+v", page)
	}
	// Preview shows drafts everywhere: the article API and the page.
	resp, err := http.Get(p.url + "/api/v1/articles/account/draft?lang=en")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("draft article API in preview: %d", resp.StatusCode)
	}
	// The page itself carries the banner and the script that fills it.
	resp, err = http.Get(p.url + "/en/account/draft")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `id="spravka-preview"`) {
		t.Errorf("draft page in preview: %d, banner missing", resp.StatusCode)
	}
	if m := regexp.MustCompile(`<script src="(/static/preview[^"]*\.js)"`).FindStringSubmatch(string(body)); m == nil {
		t.Error("preview page does not load preview.js")
	} else if resp, err := http.Get(p.url + m[1]); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %v %v", m[1], resp, err)
	} else {
		resp.Body.Close()
	}
	resp, err = http.Get(p.url + "/api/v1/preview/page?url=nope")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad url: %d, want 400", resp.StatusCode)
	}
}

// TestPreviewSuggest: `serve --preview` answers suggest like any server
// (it used to hide the engine's suggest behind the preview wrapper, and
// POST /api/v1/suggest was a 404), and like the rest of preview it shows
// the writer's drafts.
func TestPreviewSuggest(t *testing.T) {
	p := startPreview(t)
	res := suggest(t, p.url, tokL1, map[string]any{"text": "The customer asks about the unfinished draft text", "lang": "en"})
	found := false
	for _, sg := range res.Suggestions {
		found = found || sg.Article.ID == "account/draft"
	}
	if !found {
		t.Errorf("the draft is not suggested in preview: %+v", res.Suggestions)
	}
}

func TestPreviewEndpointsOffOutsidePreview(t *testing.T) {
	s := openSample(t)
	if status, _, _ := get(t, s, "/api/v1/preview/page?url=/en/"); status != http.StatusNotFound {
		t.Errorf("preview endpoint outside preview: %d", status)
	}
}

func TestAdminReindex(t *testing.T) {
	p := startPreview(t)
	before := p.eng.IndexDir()
	post := func(token string) *http.Response {
		req, _ := http.NewRequest(http.MethodPost, p.url+"/api/v1/admin/reindex", nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if r := post(""); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("without token: %d", r.StatusCode)
	}
	if r := post("wrong"); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", r.StatusCode)
	}
	if r := post(previewAdminToken); r.StatusCode != http.StatusAccepted {
		t.Fatalf("admin: %d", r.StatusCode)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		req, _ := http.NewRequest(http.MethodGet, p.url+"/api/v1/admin/reindex", nil)
		req.Header.Set("Authorization", "Bearer "+previewAdminToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var st struct{ Status, Error string }
		json.NewDecoder(resp.Body).Decode(&st)
		resp.Body.Close()
		if st.Status == "done" {
			break
		}
		if st.Status == "failed" || time.Now().After(deadline) {
			t.Fatalf("reindex status %+v", st)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if after := p.eng.IndexDir(); after == before {
		t.Error("index folder unchanged after reindex")
	}
	if _, err := p.eng.Article(context.Background(), "account/login", "en", spravka.Access{Preview: true}); err != nil {
		t.Errorf("article after reindex: %v", err)
	}
}

// TestPreviewPartial renders the theme's preview partial the way the
// layout includes it: a banner and the external script only in preview.
func TestPreviewPartial(t *testing.T) {
	src, err := fs.ReadFile(themes.Default(), "templates/partials/preview.html")
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.New("p").Funcs(template.FuncMap{"T": func(s string) string { return s }}).Parse(string(src)))
	render := func(on bool) string {
		var b strings.Builder
		if err := tmpl.ExecuteTemplate(&b, "preview", struct{ Preview bool }{on}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	on := render(true)
	if !strings.Contains(on, `id="spravka-preview"`) || !strings.Contains(on, `<script src="/static/preview.js" defer></script>`) {
		t.Errorf("preview partial: %s", on)
	}
	if strings.Count(on, "<script") != 1 {
		t.Error("preview partial must not add inline scripts (CSP script-src 'self')")
	}
	if off := strings.TrimSpace(render(false)); off != "" {
		t.Errorf("partial outside preview: %q", off)
	}
	if _, err := fs.Stat(themes.Default(), "static/preview.js"); err != nil {
		t.Error(err)
	}
}

// getJSON gets url with the given header name, value pairs and decodes the
// 200 answer into v.
func getJSON(t *testing.T, url string, v any, header ...string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}
