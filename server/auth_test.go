package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/spravka/spravka/server"
)

var refundText = map[string]any{"text": "Refund procedure: who approves refunds over 500 euros, refund limit without approval", "lang": "en"}

// TestAuthRefusals: the agent API needs a known token; a presented but
// unknown token is refused everywhere under /api/, not served as anonymous.
func TestAuthRefusals(t *testing.T) {
	a := openAgentSample(t)
	// The l2 agent's token, revoked: the same site without it in the config.
	revoked := a.serve(t, server.Config{Agents: testAgents()[:2]})
	// A config that holds the hash of the empty string still admits nobody.
	emptyHash := a.serve(t, server.Config{Agents: []server.Agent{{Name: "empty", TokenSHA256: hashOf(""), Tiers: []string{"l1"}}}})
	tests := []struct {
		name, base, method, path, auth string
		body                           any
		want                           int
	}{
		{"no token", a.srv.URL, http.MethodPost, "/api/v1/suggest", "", refundText, http.StatusUnauthorized},
		{"wrong token", a.srv.URL, http.MethodPost, "/api/v1/suggest", "Bearer not-a-token", refundText, http.StatusUnauthorized},
		{"empty bearer", a.srv.URL, http.MethodPost, "/api/v1/suggest", "Bearer ", refundText, http.StatusUnauthorized},
		// An empty token is a broken client, not an anonymous visitor.
		{"empty bearer on search", a.srv.URL, http.MethodGet, "/api/v1/search?q=refund", "Bearer", nil, http.StatusUnauthorized},
		{"empty bearer, empty hash configured", emptyHash.URL, http.MethodPost, "/api/v1/suggest", "Bearer ", refundText, http.StatusUnauthorized},
		{"blank bearer on article", a.srv.URL, http.MethodGet, "/api/v1/articles/billing/refund-policy?lang=en", "Bearer    ", nil, http.StatusUnauthorized},
		{"hash instead of token", a.srv.URL, http.MethodPost, "/api/v1/suggest", "Bearer " + hashOf(tokL2), refundText, http.StatusUnauthorized},
		{"token with a suffix", a.srv.URL, http.MethodPost, "/api/v1/suggest", "Bearer " + tokL2 + "x", refundText, http.StatusUnauthorized},
		{"revoked token", revoked.URL, http.MethodPost, "/api/v1/suggest", "Bearer " + tokL2, refundText, http.StatusUnauthorized},
		{"revoked token on search", revoked.URL, http.MethodGet, "/api/v1/search?q=refund", "Bearer " + tokL2, nil, http.StatusUnauthorized},
		{"wrong token on search", a.srv.URL, http.MethodGet, "/api/v1/search?q=refund", "Bearer nope", nil, http.StatusUnauthorized},
		{"wrong token on article", a.srv.URL, http.MethodGet, "/api/v1/articles/billing/refund-policy?lang=en", "Bearer nope", nil, http.StatusUnauthorized},
		{"basic auth is not ours: anonymous search", a.srv.URL, http.MethodGet, "/api/v1/search?q=refund", "Basic dXNlcjpwYXNz", nil, http.StatusOK},
		{"basic auth cannot call suggest", a.srv.URL, http.MethodPost, "/api/v1/suggest", "Basic dXNlcjpwYXNz", refundText, http.StatusUnauthorized},
		{"scheme is case-insensitive", a.srv.URL, http.MethodPost, "/api/v1/suggest", "bearer " + tokL1, refundText, http.StatusOK},
		{"still valid on the revoking site", revoked.URL, http.MethodPost, "/api/v1/suggest", "Bearer " + tokL1, refundText, http.StatusOK},
		{"pages ignore tokens", a.srv.URL, http.MethodGet, "/en/", "Bearer nope", nil, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, h := callHeader(t, tt.base, tt.method, tt.path, tt.auth, tt.body)
			if status != tt.want {
				t.Fatalf("status %d, want %d: %s", status, tt.want, body)
			}
			if status != http.StatusUnauthorized {
				return
			}
			if !strings.HasPrefix(h.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("WWW-Authenticate %q, want Bearer", h.Get("WWW-Authenticate"))
			}
			var e struct {
				Error struct{ Code, Message string }
			}
			if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code != "unauthorized" || e.Error.Message == "" {
				t.Errorf("401 body is not the JSON error: %s", body)
			}
		})
	}
}

// TestTierEscalation: nothing a caller puts in the URL or the body widens
// what its token may see.
func TestTierEscalation(t *testing.T) {
	a := openAgentSample(t)
	q := url.QueryEscape("refund procedure approval limits downtime calculator")
	for _, path := range []string{
		"/api/v1/search?lang=en&q=" + q + "&audience=l2",
		"/api/v1/search?lang=en&q=" + q + "&audience=internal&tiers=l2&preview=1",
		"/api/v1/search?lang=en&q=" + q + "&access=l2,l3",
		"/api/v1/articles/billing/refund-procedure?lang=en&audience=l2",
		"/api/v1/autocomplete?lang=en&q=refund+pro&audience=l2",
	} {
		for _, tok := range []string{"", tokBot, tokL1} {
			status, body, _ := call(t, a.srv.URL, http.MethodGet, path, tok, nil)
			if strings.Contains(body, `"id":"billing/refund-procedure"`) || strings.Contains(body, "Refund procedure (L2)") ||
				strings.Contains(body, "Downtime calculator") {
				t.Errorf("%s with token %q (status %d) shows the L2 article: %.300s", path, tok, status, body)
			}
		}
	}
	for _, body := range []map[string]any{
		{"text": "refund procedure approval limits", "audience": "l2"},
		{"text": "refund procedure approval limits", "tiers": []string{"l2"}},
		{"text": "refund procedure approval limits", "access": map[string]any{"tiers": []string{"l2"}}},
		{"text": "refund procedure approval limits", "preview": true},
	} {
		status, raw, _ := call(t, a.srv.URL, http.MethodPost, "/api/v1/suggest", tokL1, body)
		if status != http.StatusBadRequest || strings.Contains(raw, "refund-procedure") {
			t.Errorf("suggest with %v: status %d, want 400 for the unknown field: %.300s", body, status, raw)
		}
	}
	// The control: the same words do find it for a tier that may see it.
	status, body, _ := call(t, a.srv.URL, http.MethodGet, "/api/v1/search?lang=en&q="+q, tokL2, nil)
	if status != http.StatusOK || !strings.Contains(body, "refund-procedure") {
		t.Fatalf("l2 agent does not find its article (status %d): %.300s", status, body)
	}
}

func TestAuthConfigValidation(t *testing.T) {
	a := openAgentSample(t)
	good := hashOf("x")
	for _, tt := range []struct {
		name string
		cfg  server.Config
	}{
		{"hash not hex", server.Config{Agents: []server.Agent{{Name: "a", TokenSHA256: "zz"}}}},
		{"hash too short", server.Config{Agents: []server.Agent{{Name: "a", TokenSHA256: good[:40]}}}},
		{"no name", server.Config{Agents: []server.Agent{{TokenSHA256: good}}}},
		{"name twice", server.Config{Agents: []server.Agent{{Name: "a", TokenSHA256: good}, {Name: "a", TokenSHA256: hashOf("y")}}}},
		{"shared token", server.Config{Agents: []server.Agent{{Name: "a", TokenSHA256: good}, {Name: "b", TokenSHA256: good}}}},
		{"admin shares a token", server.Config{Agents: []server.Agent{{Name: "a", TokenSHA256: good}}, AdminTokenSHA256: good}},
		{"tier public", server.Config{Agents: []server.Agent{{Name: "a", TokenSHA256: good, Tiers: []string{"public"}}}}},
		{"tier internal", server.Config{Agents: []server.Agent{{Name: "a", TokenSHA256: good, Tiers: []string{"internal"}}}}},
		{"tier with spaces", server.Config{Agents: []server.Agent{{Name: "a", TokenSHA256: good, Tiers: []string{"l 2"}}}}},
		{"negative rate", server.Config{RateLimit: server.RateLimit{PerSecond: -1}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.Theme, tt.cfg.Logger = a.themeAndLogger()
			if _, err := server.New(tt.cfg, a.eng); err == nil {
				t.Error("config accepted")
			}
		})
	}
}
