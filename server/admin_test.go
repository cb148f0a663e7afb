package server_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/spravka/spravka/server"
)

func TestAdminNeedsTheToken(t *testing.T) {
	site := newAnalyticsSite(t, nil)
	status, body, _ := site.do(t, "GET", "/admin", "", "")
	if status != 401 || !strings.Contains(body, `action="/admin/login"`) {
		t.Fatalf("anonymous /admin: %d; want 401 with the login form", status)
	}
	status, _, h := site.do(t, "POST", "/admin/login", formType, url.Values{"token": {"wrong"}}.Encode())
	if status != 401 || h.Get("Set-Cookie") != "" {
		t.Errorf("wrong token: %d, cookie %q; want 401 and no cookie", status, h.Get("Set-Cookie"))
	}
	status, _, h = site.do(t, "POST", "/admin/login", formType, url.Values{"token": {adminToken}}.Encode(),
		"Origin", "https://evil.example")
	if status != 400 || h.Get("Set-Cookie") != "" {
		t.Errorf("cross-site login: %d; want 400", status)
	}
	status, _, h = site.do(t, "POST", "/admin/login", formType, url.Values{"token": {adminToken}}.Encode())
	cookie := h.Get("Set-Cookie")
	if status != 303 || !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Strict") ||
		!strings.Contains(cookie, "Path=/admin") {
		t.Fatalf("login: %d, cookie %q; want 303 and an HttpOnly, SameSite=Strict cookie for /admin", status, cookie)
	}
	if status, body, _ := site.do(t, "GET", "/admin", "", "", "Cookie", strings.Split(cookie, ";")[0]); status != 200 ||
		!strings.Contains(body, "Top queries") {
		t.Errorf("with the cookie: %d %.200s", status, body)
	}
	if status, _, _ := site.do(t, "GET", "/admin", "", "", "Authorization", "Bearer "+agentToken); status != 401 {
		t.Errorf("an agent token is not the admin token: %d", status)
	}
	if status, _, _ := site.do(t, "GET", "/admin/report.csv", "", ""); status != 401 {
		t.Errorf("anonymous export: %d, want 401", status)
	}
}

func TestAdminDisabledWithoutToken(t *testing.T) {
	site := newAnalyticsSite(t, func(c *server.Config) { c.AdminTokenSHA256 = "" })
	for _, p := range []string{"/admin", "/admin/report.json"} {
		if status, _, _ := site.do(t, "GET", p, "", ""); status != 404 {
			t.Errorf("%s without an admin token configured: %d, want 404", p, status)
		}
	}
}

// What visitors do shows up on the dashboard, their text escaped.
func TestAdminShowsTheReport(t *testing.T) {
	site := newAnalyticsSite(t, nil)
	bearer := []string{"Authorization", "Bearer " + adminToken}
	site.do(t, "GET", "/en/search?q=quantum+teleport", "", "")
	site.do(t, "GET", "/uk/search?q=refund", "", "")
	site.do(t, "POST", "/api/v1/feedback", jsonType,
		`{"article_id":"account/reset-password","lang":"en","helpful":false,"comment":"<img src=x onerror=alert(1)>"}`)
	site.report(t, "") // wait for the writes
	status, body, h := site.do(t, "GET", "/admin?since=7d", "", "", bearer...)
	if status != 200 || h.Get("Cache-Control") != "no-store" {
		t.Fatalf("/admin: %d, Cache-Control %q", status, h.Get("Cache-Control"))
	}
	for _, want := range []string{
		"quantum teleport",                           // zero-result query
		`href="/ru/billing/refunds">billing/refunds`, // content gap, linked to the article that answered
		"&lt;img src=x onerror=alert(1)&gt;",         // the comment, escaped
		"<svg class=\"chart\"",                       // volume chart, inline SVG
		`<option value="7d" selected>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/admin lacks %q", want)
		}
	}
	if strings.Contains(body, "<img src=x") || strings.Contains(body, "<script") {
		t.Error("/admin rendered visitor text as HTML")
	}
	status, body, h = site.do(t, "GET", "/admin/report.csv?since=30d&lang=en", "", "", bearer...)
	if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") || !strings.Contains(body, "zero_results,en,quantum teleport") {
		t.Errorf("CSV export: %d %s\n%s", status, h.Get("Content-Type"), body)
	}
	if status, _, _ := site.do(t, "GET", "/admin?since=forever", "", "", bearer...); status != 400 {
		t.Errorf("since=forever: %d, want 400", status)
	}
}

// loginCookie logs in at base with client and returns the session cookie
// as sent back ("name=value"), failing the test unless login worked.
func loginCookie(t *testing.T, client *http.Client, base string) *http.Cookie {
	t.Helper()
	req, err := http.NewRequest("POST", base+"/admin/login", strings.NewReader(url.Values{"token": {adminToken}}.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", formType)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "spravka_admin" && resp.StatusCode == http.StatusSeeOther {
			return c
		}
	}
	t.Fatalf("login: %d without a session cookie", resp.StatusCode)
	return nil
}

// TestAdminSession: the admin cookie is a random server-side session, not
// the token; it dies with logout; it is Secure when the site is on HTTPS.
func TestAdminSession(t *testing.T) {
	site := newAnalyticsSite(t, nil)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	admin := func(cookie string) int {
		status, _, _ := site.do(t, "GET", "/admin", "", "", "Cookie", cookie)
		return status
	}
	c := loginCookie(t, noRedirect, site.srv.URL)
	if strings.Contains(c.Value, adminToken) || strings.Contains(c.Value, sha(adminToken)) || len(c.Value) < 32 {
		t.Errorf("cookie value %q: want a random session id, not the token or its hash", c.Value)
	}
	if c.Secure {
		t.Error("Secure cookie on plain HTTP without an https base_url: the browser would never send it back")
	}
	if other := loginCookie(t, noRedirect, site.srv.URL); other.Value == c.Value {
		t.Error("two logins got the same session id")
	}
	if status := admin(c.Name + "=" + c.Value); status != 200 {
		t.Fatalf("with the session cookie: %d", status)
	}
	if status := admin("spravka_admin=" + adminToken); status != 401 {
		t.Errorf("the raw token as a cookie: %d, want 401", status)
	}
	if status := admin("spravka_admin=" + strings.Repeat("A", len(c.Value))); status != 401 {
		t.Errorf("a made-up session id: %d, want 401", status)
	}
	status, _, h := site.do(t, "POST", "/admin/logout", formType, "", "Cookie", c.Name+"="+c.Value)
	if status != 303 || !strings.Contains(h.Get("Set-Cookie"), "Max-Age=0") {
		t.Errorf("logout: %d, Set-Cookie %q", status, h.Get("Set-Cookie"))
	}
	if status := admin(c.Name + "=" + c.Value); status != 401 {
		t.Errorf("the session still works after logout: %d", status)
	}

	// HTTPS: over TLS, or behind a proxy when base_url says https.
	tlsSite := httptest.NewTLSServer(site.app.Handler())
	defer tlsSite.Close()
	tlsClient := tlsSite.Client()
	tlsClient.CheckRedirect = noRedirect.CheckRedirect
	if c := loginCookie(t, tlsClient, tlsSite.URL); !c.Secure {
		t.Error("over TLS the cookie is not Secure")
	}
	behindProxy := newAnalyticsSite(t, func(c *server.Config) { c.BaseURL = "https://help.example.com" })
	if c := loginCookie(t, noRedirect, behindProxy.srv.URL); !c.Secure {
		t.Error("with an https base_url the cookie is not Secure")
	}
}

// TestSetAuth: a reloaded config takes effect at once: a removed agent
// token is refused, a new admin token ends the sessions of the old one,
// and an invalid config changes nothing.
func TestSetAuth(t *testing.T) {
	site := newAnalyticsSite(t, nil)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	session := loginCookie(t, noRedirect, site.srv.URL)
	status := func(path string, header ...string) int {
		s, _, _ := site.do(t, "GET", path, "", "", header...)
		return s
	}
	agent := []string{"Authorization", "Bearer " + agentToken}
	cookie := []string{"Cookie", session.Name + "=" + session.Value}

	if err := site.app.SetAuth([]server.Agent{{Name: "helpdesk", TokenSHA256: "not-a-hash"}}, sha("new-admin"), server.RateLimit{}); err == nil {
		t.Error("SetAuth took an agent without a valid hash")
	}
	if s := status("/api/v1/search?q=password", agent...); s != 200 {
		t.Errorf("after a refused config the agent gets %d, want 200", s)
	}
	if s := status("/admin", cookie...); s != 200 {
		t.Errorf("after a refused config the session gets %d, want 200", s)
	}

	if err := site.app.SetAuth(nil, sha("new-admin"), server.RateLimit{}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		header []string
		path   string
		want   int
	}{
		{"removed agent token", agent, "/api/v1/search?q=password", 401},
		{"session of the old admin token", cookie, "/admin", 401},
		{"old admin token", []string{"Authorization", "Bearer " + adminToken}, "/admin", 401},
		{"new admin token", []string{"Authorization", "Bearer new-admin"}, "/admin", 200},
	} {
		if s := status(tc.path, tc.header...); s != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, s, tc.want)
		}
	}
	if err := site.app.SetAuth(nil, "", server.RateLimit{}); err != nil {
		t.Fatal(err)
	}
	if s := status("/admin", "Authorization", "Bearer new-admin"); s != 404 {
		t.Errorf("admin token removed: /admin %d, want 404", s)
	}
}
