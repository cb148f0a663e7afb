package server_test

import (
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
