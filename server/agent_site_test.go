package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/spravka/spravka/content"
	"github.com/spravka/spravka/indexer"
	"github.com/spravka/spravka/search"
	"github.com/spravka/spravka/server"
	"github.com/spravka/spravka/themes"
)

// Tokens of the agents of the test site, one per tier and an admin.
const (
	tokBot   = "bot-token-public-only"
	tokL1    = "l1-token"
	tokL2    = "l2-token"
	tokL3    = "l3-token"
	tokAdmin = "admin-token"
)

func hashOf(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// testAgents are the agents of the test site.
func testAgents() []server.Agent {
	return []server.Agent{
		{Name: "helpdesk-bot", TokenSHA256: hashOf(tokBot)},
		{Name: "l1-team", TokenSHA256: hashOf(tokL1), Tiers: []string{"l1"}},
		{Name: "l2-team", TokenSHA256: hashOf(tokL2), Tiers: []string{"l2"}},
		{Name: "l3-team", TokenSHA256: hashOf(tokL3), Tiers: []string{"l3"}},
	}
}

// agentSample is the sample help center indexed once, shared by the agent
// tests; each test builds the server config it needs over it.
type agentSample struct {
	eng    *search.Engine
	corpus *indexer.Corpus
	srv    *httptest.Server // agents of every tier, an admin, no practical rate limit
}

var (
	agentOnce sync.Once
	agentSite *agentSample
	agentErr  error
)

func openAgentSample(t *testing.T) *agentSample {
	t.Helper()
	agentOnce.Do(func() {
		eng, corpus, srv, err := buildSample(content.FS())
		if err != nil {
			agentErr = err
			return
		}
		agentSite = &agentSample{eng: eng, corpus: corpus, srv: httptest.NewServer(srv.Handler())}
	})
	if agentErr != nil {
		t.Fatal(agentErr)
	}
	return agentSite
}

// buildSample indexes the content tree fsys in the shared temp dir and
// returns a server over it with agents of every tier, an admin and no
// practical rate limit.
func buildSample(fsys fs.FS) (*search.Engine, *indexer.Corpus, *server.Server, error) {
	dir, err := mkdirTemp()
	if err != nil {
		return nil, nil, nil, err
	}
	quiet := slog.New(slog.DiscardHandler)
	eng, err := search.Open(search.Config{DataDir: dir, DefaultLang: "en", Logger: quiet})
	if err != nil {
		return nil, nil, nil, err
	}
	corpus, err := indexer.Build(context.Background(), eng, fsys, indexer.Options{DefaultLang: "en"}, nil)
	if err != nil {
		return nil, nil, nil, err
	}
	srv, err := server.New(server.Config{Theme: themes.Default(), Logger: quiet, Agents: testAgents(),
		AdminTokenSHA256: hashOf(tokAdmin), RateLimit: server.RateLimit{PerSecond: 1e6, Burst: 1e6}}, eng)
	return eng, corpus, srv, err
}

// serve starts a server with cfg over the sample's engine, for tests that
// need their own agents or limits.
func (a *agentSample) serve(t *testing.T, cfg server.Config) *httptest.Server {
	t.Helper()
	cfg.Theme = themes.Default()
	cfg.Logger = slog.New(slog.DiscardHandler)
	srv, err := server.New(cfg, a.eng)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func (a *agentSample) themeAndLogger() (fs.FS, *slog.Logger) {
	return themes.Default(), slog.New(slog.DiscardHandler)
}

// call makes a request with an optional bearer token and JSON body (a
// string body is sent as is).
func call(t *testing.T, base, method, path, token string, body any) (int, string, http.Header) {
	t.Helper()
	auth := ""
	if token != "" {
		auth = "Bearer " + token
	}
	return callHeader(t, base, method, path, auth, body)
}

// callHeader is call with a raw Authorization header.
func callHeader(t *testing.T, base, method, path, auth string, body any) (int, string, http.Header) {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewReader([]byte(b))
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header
}

// suggestResult is the decoded answer of the suggest API.
type suggestResult struct {
	RequestID    string  `json:"request_id"`
	Lang         string  `json:"lang"`
	DetectedLang string  `json:"detected_lang"`
	TookMS       float64 `json:"took_ms"`
	Confident    bool    `json:"confident"`
	Suggestions  []struct {
		Article struct {
			ID       string   `json:"id"`
			Title    string   `json:"title"`
			URL      string   `json:"url"`
			Lang     string   `json:"lang"`
			Audience []string `json:"audience"`
		} `json:"article"`
		Section *struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			URL   string `json:"url"`
		} `json:"section"`
		Passage      string   `json:"passage"`
		PassageHTML  string   `json:"passage_html"`
		Score        float64  `json:"score"`
		MatchedTerms []string `json:"matched_terms"`
	} `json:"suggestions"`
}

func suggest(t *testing.T, base, token string, body any) suggestResult {
	t.Helper()
	status, raw, _ := call(t, base, http.MethodPost, "/api/v1/suggest", token, body)
	if status != http.StatusOK {
		t.Fatalf("suggest: status %d: %s", status, raw)
	}
	var res suggestResult
	if err := json.Unmarshal([]byte(raw), &res); err != nil {
		t.Fatalf("suggest: %v: %s", err, raw)
	}
	return res
}
