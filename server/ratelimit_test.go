package server_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/spravka/spravka/server"
)

// TestRateLimitPerToken: a token's burst is served, the next request gets
// 429 with Retry-After, and other tokens are not affected.
func TestRateLimitPerToken(t *testing.T) {
	a := openAgentSample(t)
	// One request per minute after the burst: the refill cannot race the test.
	ts := a.serve(t, server.Config{Agents: testAgents(), RateLimit: server.RateLimit{PerSecond: 1.0 / 60, Burst: 3}})
	body := map[string]any{"text": "reset password", "lang": "en"}
	for i := 0; i < 3; i++ {
		if status, b, _ := call(t, ts.URL, http.MethodPost, "/api/v1/suggest", tokL1, body); status != http.StatusOK {
			t.Fatalf("request %d of the burst: %d %s", i+1, status, b)
		}
	}
	for _, path := range []string{"/api/v1/suggest", "/api/v1/search?q=password"} {
		method := http.MethodPost
		if path != "/api/v1/suggest" {
			method = http.MethodGet
		}
		status, b, h := call(t, ts.URL, method, path, tokL1, body)
		if status != http.StatusTooManyRequests {
			t.Fatalf("%s after the burst: %d, want 429", path, status)
		}
		if s, err := strconv.Atoi(h.Get("Retry-After")); err != nil || s < 1 || s > 60 {
			t.Errorf("Retry-After %q", h.Get("Retry-After"))
		}
		var e struct{ Error struct{ Code string } }
		if json.Unmarshal([]byte(b), &e); e.Error.Code != "rate_limited" {
			t.Errorf("429 body: %s", b)
		}
	}
	if status, b, _ := call(t, ts.URL, http.MethodPost, "/api/v1/suggest", tokL2, body); status != http.StatusOK {
		t.Errorf("another token was limited too: %d %s", status, b)
	}
	// Anonymous public search is not counted against any token.
	if status, _, _ := call(t, ts.URL, http.MethodGet, "/api/v1/search?q=password", "", nil); status != http.StatusOK {
		t.Errorf("anonymous search: %d", status)
	}
}
