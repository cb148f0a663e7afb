package server_test

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/spravka/spravka/server"
	"github.com/spravka/spravka/themes"
)

// clientSite is a server over the fake engine whose handler is called
// directly, so that each request can come from a chosen peer address.
type clientSite struct{ h http.Handler }

// A limit of one request per minute after the burst: the bucket cannot
// refill while the test runs.
const slowRate = 1.0 / 60

func newClientSite(t *testing.T, lim server.ClientLimit) clientSite {
	t.Helper()
	srv, err := server.New(server.Config{Theme: themes.Default(), Logger: slog.New(slog.DiscardHandler),
		Agents: []server.Agent{{Name: "helpdesk", TokenSHA256: sha(agentToken)}}, AdminTokenSHA256: sha(adminToken),
		ClientLimit: lim, Metrics: prometheus.NewRegistry()}, newFakeEngine())
	if err != nil {
		t.Fatal(err)
	}
	return clientSite{h: srv.Handler()}
}

// get requests path from peer; header holds name, value pairs.
func (c clientSite) get(peer, path string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	r.RemoteAddr = peer
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	c.h.ServeHTTP(w, r)
	return w
}

// spend makes n requests that must all be served.
func (c clientSite) spend(t *testing.T, n int, peer, path string, header ...string) {
	t.Helper()
	for i := range n {
		if w := c.get(peer, path, header...); w.Code != http.StatusOK {
			t.Fatalf("request %d of the burst from %s %v: %d %s", i+1, peer, header, w.Code, w.Body)
		}
	}
}

// wantLimited checks a 429 with a Retry-After that a client can act on.
func wantLimited(t *testing.T, w *httptest.ResponseRecorder, what string) {
	t.Helper()
	if w.Code != http.StatusTooManyRequests {
		t.Fatalf("%s: %d, want 429", what, w.Code)
	}
	if s, err := strconv.Atoi(w.Header().Get("Retry-After")); err != nil || s < 1 || s > 60 {
		t.Errorf("%s: Retry-After %q, want whole seconds 1–60", what, w.Header().Get("Retry-After"))
	}
}

func TestClientLimitBurstThen429(t *testing.T) {
	site := newClientSite(t, server.ClientLimit{Enabled: true, PerSecond: slowRate, Burst: 3})
	const peer = "203.0.113.5:4000"
	// The API and the search page share one bucket.
	site.spend(t, 2, peer, "/api/v1/search?q=password&lang=en")
	site.spend(t, 1, peer, "/en/search?q=password")

	w := site.get(peer, "/api/v1/search?q=password&lang=en")
	wantLimited(t, w, "API search after the burst")
	var e struct{ Error struct{ Code string } }
	if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error.Code != "rate_limited" {
		t.Errorf("API 429 body is not the JSON error: %s", w.Body)
	}
	w = site.get(peer, "/en/search?q=password")
	wantLimited(t, w, "search page after the burst")
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") || !strings.Contains(w.Body.String(), "<html") {
		t.Errorf("search page 429 is not the site's error page: %s %.200s", ct, w.Body)
	}
	if w := site.get(peer, "/ru/search?q=пароль"); !strings.Contains(w.Body.String(), "Слишком много запросов") {
		t.Errorf("the Russian 429 page does not say what happened: %s", w.Body)
	}
	for _, path := range []string{"/api/v1/autocomplete?q=pa&lang=en", "/api/v1/articles/account/reset-password?lang=en",
		"/api/v1/categories?lang=en"} {
		wantLimited(t, site.get(peer, path), path)
	}

	// What a browser or crawler fetches besides searches stays open.
	for _, path := range []string{"/healthz", "/readyz", "/static/style.css", "/en/", "/en/account/reset-password",
		"/sitemap.xml", "/robots.txt"} {
		if w := site.get(peer, path); w.Code != http.StatusOK {
			t.Errorf("%s for a limited client: %d, want 200", path, w.Code)
		}
	}
	// Agents have their own per-token limit instead.
	if w := site.get(peer, "/api/v1/search?q=password&lang=en", "Authorization", "Bearer "+agentToken); w.Code != http.StatusOK {
		t.Errorf("agent token from a limited address: %d, want 200", w.Code)
	}
	// A forged token is still refused as such, not served as an agent.
	if w := site.get(peer, "/api/v1/search?q=password&lang=en", "Authorization", "Bearer forged"); w.Code != http.StatusUnauthorized {
		t.Errorf("unknown token: %d, want 401", w.Code)
	}
	// Another client is not affected.
	site.spend(t, 3, "203.0.113.6:4000", "/api/v1/search?q=password&lang=en")

	mw := site.get(peer, "/metrics", "Authorization", "Bearer "+adminToken)
	if want := `spravka_rate_limited_total{limit="client"} 6`; !strings.Contains(mw.Body.String(), want+"\n") {
		t.Errorf("/metrics lacks %q", want)
	}
}

func TestClientLimitForwardedFor(t *testing.T) {
	proxies := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("fd00::/8")}
	tests := []struct {
		name string
		// burst from peer with X-Forwarded-For xff; then the same with
		// next and nextXFF, which must be answered with wantNext.
		peer, xff     string
		next, nextXFF string
		wantNext      int
	}{
		{"untrusted peer cannot pose as others", "203.0.113.7:1", "198.51.100.1", "203.0.113.7:1", "198.51.100.2", 429},
		{"trusted proxy: clients counted apart", "10.0.0.1:1", "198.51.100.1", "10.0.0.1:1", "198.51.100.2", 200},
		{"trusted proxy: same client limited", "10.0.0.1:1", "198.51.100.1", "10.0.0.2:1", "198.51.100.1", 429},
		{"client cannot prepend a fake address", "10.0.0.1:1", "198.51.100.1", "10.0.0.1:1", "192.0.2.9, 198.51.100.1", 429},
		{"chain of trusted proxies", "10.0.0.1:1", "198.51.100.1, 10.0.0.5", "10.0.0.1:1", "198.51.100.1", 429},
		{"IPv6 clients share their /64", "[fd00::1]:1", "2001:db8::1", "[fd00::1]:1", "2001:db8::ffff", 429},
		{"other IPv6 networks are apart", "[fd00::1]:1", "2001:db8::1", "[fd00::1]:1", "2001:db8:0:1::1", 200},
		{"no header from a trusted proxy: the proxy is the client", "10.0.0.1:1", "", "10.0.0.1:1", "", 429},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := newClientSite(t, server.ClientLimit{Enabled: true, PerSecond: slowRate, Burst: 2, TrustedProxies: proxies})
			site.spend(t, 2, tt.peer, "/api/v1/search?q=password", "X-Forwarded-For", tt.xff)
			if w := site.get(tt.next, "/api/v1/search?q=password", "X-Forwarded-For", tt.nextXFF); w.Code != tt.wantNext {
				t.Errorf("from %s for %q: %d, want %d", tt.next, tt.nextXFF, w.Code, tt.wantNext)
			}
		})
	}
}

// TestClientLimitOff: the off switch (the zero value, which every other
// test's server uses) lets any number of requests through — 100 requests
// from one client on a burst of 1 all answer 200. spend fails the test on
// the first that does not, as the 2nd would if the switch were ignored.
func TestClientLimitOff(t *testing.T) {
	site := newClientSite(t, server.ClientLimit{Enabled: false, PerSecond: slowRate, Burst: 1})
	site.spend(t, 100, "203.0.113.5:4000", "/api/v1/search?q=password&lang=en")
	site.spend(t, 100, "203.0.113.5:4000", "/en/search?q=password")
}

func TestClientLimitConfigValidation(t *testing.T) {
	for name, lim := range map[string]server.ClientLimit{
		"negative rate":        {Enabled: true, PerSecond: -1},
		"negative burst":       {Enabled: true, Burst: -1},
		"negative max clients": {Enabled: true, MaxClients: -1},
		"invalid proxy prefix": {Enabled: true, TrustedProxies: []netip.Prefix{{}}},
	} {
		_, err := server.New(server.Config{Theme: themes.Default(), ClientLimit: lim}, newFakeEngine())
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
