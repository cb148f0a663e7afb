package server_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
	"github.com/spravka/spravka/server"
	"github.com/spravka/spravka/themes"
)

// fakeEngine is a tiny library for the analytics tests: a few articles,
// and searches that find "password" in every language, "refund" only in
// Russian (a fallback for other languages), and nothing else.
type fakeEngine struct{ arts []*spravka.Article }

func newFakeEngine() *fakeEngine {
	mk := func(lang, cat, slug, title string) *spravka.Article {
		return &spravka.Article{ID: cat + "/" + slug, Lang: lang, Category: cat, Slug: slug, Title: title,
			Translation: cat + "/" + slug, Audience: []string{spravka.AudiencePublic}}
	}
	internal := mk("en", "agents", "macros", "Macros")
	internal.Audience = []string{spravka.AudienceInternal}
	return &fakeEngine{arts: []*spravka.Article{
		mk("en", "account", "reset-password", "Reset your password"),
		mk("uk", "account", "reset-password", "Скинути пароль"),
		mk("ru", "billing", "refunds", "Возврат средств"),
		internal,
	}}
}

func (f *fakeEngine) Search(_ context.Context, q spravka.Query) (*spravka.Result, error) {
	res := &spravka.Result{Query: q.Text, Lang: q.Lang, Hits: []spravka.Hit{}}
	want, anyLang := "", false
	text := strings.ToLower(q.Text)
	switch {
	case strings.Contains(text, "password"):
		want = "account/reset-password"
	case strings.Contains(text, "refund"):
		want, anyLang = "billing/refunds", true
	}
	for _, a := range f.arts {
		if a.ID == want && (a.Lang == q.Lang || anyLang) {
			res.Hits = append(res.Hits, spravka.Hit{ID: a.ID, Title: a.Title, URL: a.URL(), Lang: a.Lang})
		}
	}
	res.Total = len(res.Hits)
	res.Fallback = anyLang && res.Total > 0 && res.Hits[0].Lang != q.Lang
	return res, nil
}

func (f *fakeEngine) Autocomplete(context.Context, spravka.Query) ([]spravka.Completion, error) {
	return nil, nil
}

func (f *fakeEngine) Article(_ context.Context, id, lang string, access spravka.Access) (*spravka.Article, error) {
	for _, a := range f.arts {
		if a.ID == id && a.Lang == lang && access.CanSee(a) {
			return a, nil
		}
	}
	return nil, spravka.Errorf(spravka.ErrNotFound, "article %q not found", id)
}

func (f *fakeEngine) Translations(context.Context, *spravka.Article, spravka.Access) []*spravka.Article {
	return nil
}

func (f *fakeEngine) Categories(context.Context, string, spravka.Access) ([]spravka.Category, error) {
	return nil, nil
}

func (f *fakeEngine) Articles(_ context.Context, lang, category string, access spravka.Access) []*spravka.Article {
	var out []*spravka.Article
	for _, a := range f.arts {
		if a.Lang == lang && (category == "" || a.Category == category) && access.CanSee(a) {
			out = append(out, a)
		}
	}
	return out
}

func (f *fakeEngine) Alias(string, spravka.Access) (*spravka.Article, bool) { return nil, false }

func (f *fakeEngine) Ready() bool { return true }

const (
	adminToken = "admin-secret-token"
	agentToken = "agent-secret-token"
)

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// analyticsSite is a server over the fake engine with real analytics in
// a SQLite file, an admin token and one agent.
type analyticsSite struct {
	srv *httptest.Server
	app *server.Server
	an  *analytics.Analytics
	reg *prometheus.Registry
}

func newAnalyticsSite(t *testing.T, mutate func(*server.Config)) *analyticsSite {
	t.Helper()
	return newAnalyticsSiteOver(t, newFakeEngine(), mutate)
}

// newAnalyticsSiteOver is newAnalyticsSite over another engine.
func newAnalyticsSiteOver(t *testing.T, engine server.Engine, mutate func(*server.Config)) *analyticsSite {
	t.Helper()
	quiet := slog.New(slog.DiscardHandler)
	an, err := analytics.Open(context.Background(), analytics.Config{DataDir: t.TempDir(), Logger: quiet,
		Recorder: analytics.RecorderConfig{FlushInterval: 10 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { an.Close(context.Background()) })
	reg := prometheus.NewRegistry()
	cfg := server.Config{Theme: themes.Default(), Logger: quiet, AdminTokenSHA256: sha(adminToken),
		Agents:    []server.Agent{{Name: "helpdesk", TokenSHA256: sha(agentToken)}},
		Analytics: an, Reports: an, VisitorSalt: []byte("test-salt-0123456789"), Metrics: reg,
		IndexBytes: func() int64 { return 4096 }}
	if mutate != nil {
		mutate(&cfg)
	}
	srv, err := server.New(cfg, engine)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &analyticsSite{srv: ts, app: srv, an: an, reg: reg}
}

// do sends a request and returns status, body and headers; it never
// follows redirects, so tests see them.
func (a *analyticsSite) do(t *testing.T, method, path, ctype, body string, header ...string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, a.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// report waits until the recorder has written every accepted event and
// returns the report of the last day.
func (a *analyticsSite) report(t *testing.T, lang string) *analytics.Report {
	t.Helper()
	waitWritten(t, a.an)
	r, err := a.an.Report(context.Background(), analytics.Filter{Since: time.Now().Add(-24 * time.Hour), Until: time.Now().Add(time.Minute), Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// waitWritten waits until analytics stored every event it accepted.
func waitWritten(t *testing.T, an *analytics.Analytics) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if st := an.Stats(); st.Written+st.Dropped == st.Accepted {
			return
		}
	}
	t.Fatalf("analytics events not written: %+v", an.Stats())
}

// Suggest offers the articles whose title shares a word with the message.
func (f *fakeEngine) Suggest(_ context.Context, r spravka.SuggestRequest) (*spravka.Suggestions, error) {
	out := &spravka.Suggestions{Lang: r.Lang, DetectedLang: r.Lang}
	for _, a := range f.arts {
		if a.Lang == r.Lang && r.Access.CanSee(a) && strings.Contains(strings.ToLower(a.Title), strings.ToLower(r.Text)) {
			out.Suggestions = append(out.Suggestions, spravka.Suggestion{Article: spravka.SuggestedArticle{ID: a.ID,
				Title: a.Title, URL: a.URL(), Lang: a.Lang, Audience: a.Audience}})
		}
	}
	return out, nil
}
