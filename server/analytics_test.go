package server_test

import (
	"encoding/json"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/spravka/spravka/analytics"
	"github.com/spravka/spravka/server"
)

const (
	jsonType = "application/json"
	formType = "application/x-www-form-urlencoded"
)

func TestVoteValidation(t *testing.T) {
	site := newAnalyticsSite(t, nil)
	long := strings.Repeat("я", analytics.MaxCommentRunes+1)
	for _, tc := range []struct {
		name, ctype, body string
		status            int
		code              string
	}{
		{"valid", jsonType, `{"article_id":"account/reset-password","lang":"en","helpful":true}`, 202, ""},
		{"comment at the limit", jsonType, `{"article_id":"account/reset-password","lang":"en","helpful":false,"comment":"` +
			strings.Repeat("я", analytics.MaxCommentRunes) + `"}`, 202, ""},
		{"unknown article", jsonType, `{"article_id":"nope/nothing","lang":"en","helpful":true}`, 404, "not_found"},
		{"article in another language only", jsonType, `{"article_id":"billing/refunds","lang":"en","helpful":true}`, 404, "not_found"},
		{"internal article", jsonType, `{"article_id":"agents/macros","lang":"en","helpful":true}`, 404, "not_found"},
		{"bad JSON", jsonType, `{"article_id":`, 400, "bad_request"},
		{"two objects", jsonType, `{} {}`, 400, "bad_request"},
		{"comment too long", jsonType, `{"article_id":"account/reset-password","lang":"en","helpful":false,"comment":"` + long + `"}`, 400, "bad_request"},
		{"helpful missing", jsonType, `{"article_id":"account/reset-password","lang":"en"}`, 400, "bad_request"},
		{"unknown lang", jsonType, `{"article_id":"account/reset-password","lang":"xx","helpful":true}`, 400, "bad_request"},
		{"body too large", jsonType, `{"comment":"` + strings.Repeat("x", 20000) + `"}`, 413, "too_large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := site.do(t, "POST", "/api/v1/feedback", tc.ctype, tc.body)
			if status != tc.status || (tc.code != "" && !strings.Contains(body, `"code":"`+tc.code+`"`)) {
				t.Errorf("status %d body %s; want %d %s", status, body, tc.status, tc.code)
			}
		})
	}
	if status, _, _ := site.do(t, "GET", "/api/v1/feedback", "", ""); status != 405 {
		t.Errorf("GET /api/v1/feedback = %d, want 405", status)
	}
}

// The form works without JavaScript: post, redirect back to the article.
func TestVoteFormWithoutJS(t *testing.T) {
	site := newAnalyticsSite(t, nil)
	form := url.Values{"article_id": {"account/reset-password"}, "lang": {"uk"}, "helpful": {"no"},
		"comment": {"<script>alert(1)</script> кнопки немає"}}
	status, _, h := site.do(t, "POST", "/api/v1/feedback", formType, form.Encode())
	if status != 303 || h.Get("Location") != "/uk/account/reset-password?feedback=thanks#feedback" {
		t.Fatalf("form vote: %d to %q; want 303 back to the article", status, h.Get("Location"))
	}
	// A form post from another site is refused, and errors are pages, not JSON.
	status, body, h := site.do(t, "POST", "/api/v1/feedback", formType, form.Encode(), "Origin", "https://evil.example")
	if status != 400 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Errorf("cross-site form: %d %s %.80s; want a 400 page", status, h.Get("Content-Type"), body)
	}
	form.Set("helpful", "maybe")
	if status, _, _ := site.do(t, "POST", "/api/v1/feedback", formType, form.Encode()); status != 400 {
		t.Errorf("helpful=maybe: %d, want 400", status)
	}
	r := site.report(t, "uk")
	if r.Summary.Votes != 1 || len(r.WorstHelpful) != 1 || r.WorstHelpful[0].Comments[0].Text != "<script>alert(1)</script> кнопки немає" {
		t.Errorf("report after a form vote: %+v %+v", r.Summary, r.WorstHelpful)
	}
}

// One vote per visitor, article and day: the visitor is the salted hash of
// IP and user agent, so a second browser on the same IP votes separately.
func TestVoteDeduplication(t *testing.T) {
	site := newAnalyticsSite(t, nil)
	vote := func(helpful, ua string) {
		status, body, _ := site.do(t, "POST", "/api/v1/feedback", jsonType,
			`{"article_id":"account/reset-password","lang":"en","helpful":`+helpful+`}`, "User-Agent", ua)
		if status != 202 {
			t.Fatalf("vote: %d %s", status, body)
		}
	}
	vote("true", "Firefox")
	vote("false", "Firefox") // changes the first vote
	vote("false", "Firefox")
	vote("true", "Chrome")
	r := site.report(t, "en")
	if r.Summary.Votes != 2 || r.Summary.Helpful != 1 {
		t.Errorf("votes %d helpful %d; want 2 votes (one per browser), 1 helpful", r.Summary.Votes, r.Summary.Helpful)
	}
}

func TestSearchesAndClicksAreRecorded(t *testing.T) {
	site := newAnalyticsSite(t, nil)
	for _, p := range []string{
		"/api/v1/search?q=reset+password&lang=en",
		"/api/v1/search?q=reset+password&lang=en&page=2", // later pages are not new searches
		"/en/search?q=Reset+Password",
		"/en/search?q=reset+password!",
		"/en/search?q=quantum+teleport",
		"/uk/search?q=refund+money", // answered only in Russian
		"/uk/search?q=refund+money",
		"/en/search", // no query: nothing to record
	} {
		if status, body, _ := site.do(t, "GET", p, "", ""); status != 200 {
			t.Fatalf("GET %s: %d %.200s", p, status, body)
		}
	}
	// The site's as-you-type search (a same-origin fetch) records nothing,
	// unless it says analytics=true; analytics=false silences any client.
	site.do(t, "GET", "/api/v1/search?q=res&lang=en", "", "", "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Dest", "empty")
	site.do(t, "GET", "/api/v1/search?q=rese&lang=en&analytics=false", "", "")
	site.do(t, "GET", "/api/v1/search?q=reset+password&lang=en&analytics=true", "", "",
		"Sec-Fetch-Site", "same-origin", "Sec-Fetch-Dest", "empty")
	// Crawlers on the search page and result links are not customers.
	site.do(t, "GET", "/en/search?q=crawler+query", "", "", "User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)")
	site.do(t, "GET", "/r?to=/en/&q=crawler+query&rank=1", "", "", "User-Agent", "Mozilla/5.0 (compatible; bingbot/2.0)")
	status, _, h := site.do(t, "GET", "/r?"+url.Values{"to": {"/en/account/reset-password#steps"}, "q": {"reset password"},
		"lang": {"en"}, "pos": {"1"}, "page": {"2"}}.Encode(), "", "")
	if status != 302 || h.Get("Location") != "/en/account/reset-password#steps" {
		t.Fatalf("click: %d → %q", status, h.Get("Location"))
	}
	// A beacon (POST, as navigator.sendBeacon sends) records without redirecting.
	status, _, h = site.do(t, "POST", "/r?"+url.Values{"to": {"/uk/billing/refunds"}, "q": {"refund money"},
		"lang": {"uk"}, "rank": {"1"}}.Encode(), "text/plain", "")
	if status != 204 || h.Get("Location") != "" {
		t.Fatalf("beacon click: %d → %q; want 204", status, h.Get("Location"))
	}
	r := site.report(t, "")
	if r.Summary.Searches != 7 || r.Summary.SiteSearches != 5 || r.Summary.ZeroResults != 1 || r.Summary.Clicks != 2 {
		t.Errorf("summary %+v; want 7 searches (5 site), 1 with no results, 2 clicks", r.Summary)
	}
	if len(r.TopQueries) == 0 || r.TopQueries[0].Query != "reset password" || r.TopQueries[0].Searches != 4 || r.TopQueries[0].Clicks != 1 {
		t.Errorf("top queries %+v; want reset password ×4 with its click first", r.TopQueries)
	}
	if len(r.ZeroResults) != 1 || r.ZeroResults[0].Query != "quantum teleport" {
		t.Errorf("zero results %+v", r.ZeroResults)
	}
	if len(r.ContentGaps) != 1 || r.ContentGaps[0].Lang != "uk" || r.ContentGaps[0].ArticleID != "billing/refunds" ||
		r.ContentGaps[0].ArticleLang != "ru" || r.ContentGaps[0].Searches != 2 {
		t.Errorf("content gaps %+v; want billing/refunds ru → uk ×2", r.ContentGaps)
	}
	if len(r.NoClicks) != 0 {
		t.Errorf("no-click queries %+v; want none: every query with results got a click (one by beacon)", r.NoClicks)
	}
}

func TestClickRedirectStaysLocal(t *testing.T) {
	site := newAnalyticsSite(t, nil)
	for _, tc := range []struct {
		to       string
		status   int
		location string
	}{
		{"/en/account/reset-password", 302, "/en/account/reset-password"},
		{"/en/../uk/account/reset-password?x=1#a", 302, "/uk/account/reset-password?x=1#a"},
		{"/%2F%2Fevil.example", 302, "/evil.example"},
		{"//evil.example/x", 400, ""},
		{"https://evil.example/", 400, ""},
		{"/\\evil.example", 400, ""},
		{"evil.example", 400, ""},
		{"", 400, ""},
	} {
		status, _, h := site.do(t, "GET", "/r?to="+url.QueryEscape(tc.to)+"&q=x&rank=1", "", "")
		if status != tc.status || h.Get("Location") != tc.location {
			t.Errorf("to=%q: %d → %q; want %d → %q", tc.to, status, h.Get("Location"), tc.status, tc.location)
		}
	}
	// A mangled position (a link cut short, a hand-edited URL) is ignored:
	// the visitor still gets the article.
	for _, q := range []string{"rank=0", "rank=abc", "rank=-3", "rank=99999999999999999999", "pos=x", "pos=1&page=0", "pos=1&per_page=abc"} {
		status, _, h := site.do(t, "GET", "/r?to=/en/account/reset-password&q=x&"+q, "", "")
		if status != 302 || h.Get("Location") != "/en/account/reset-password" {
			t.Errorf("%s: %d → %q; want 302 → /en/account/reset-password", q, status, h.Get("Location"))
		}
	}
}

func TestSuggestFeedback(t *testing.T) {
	const otherToken = "other-agent-token"
	site := newAnalyticsSite(t, func(c *server.Config) {
		c.Agents = append(c.Agents, server.Agent{Name: "other", TokenSHA256: sha(otherToken)})
	})
	auth := []string{"Authorization", "Bearer " + agentToken}
	status, body, _ := site.do(t, "POST", "/api/v1/suggest", jsonType, `{"text":"password","lang":"en"}`, auth...)
	var answer struct {
		RequestID string `json:"request_id"`
	}
	if err := json.Unmarshal([]byte(body), &answer); status != 200 || err != nil || answer.RequestID == "" {
		t.Fatalf("suggest: %d %s", status, body)
	}
	id := answer.RequestID
	status, body, _ = site.do(t, "POST", "/api/v1/suggest/feedback", jsonType,
		`{"request_id":"`+id+`","article_id":"account/reset-password","useful":false}`, auth...)
	if status != 202 {
		t.Fatalf("feedback on the suggest answer: %d %s", status, body)
	}
	// The same id with one character changed, and an id of the right shape
	// that this server never issued.
	tampered := id[:len(id)-1] + map[bool]string{true: "B", false: "A"}[strings.HasSuffix(id, "A")]
	forged := strings.Repeat("A", len(id))
	for _, tc := range []struct {
		name, body string
		header     []string
		status     int
	}{
		{"no token", `{"request_id":"` + id + `","article_id":"billing/refunds","useful":true}`, nil, 401},
		{"valid", `{"request_id":"` + id + `","article_id":"billing/refunds","useful":true}`, auth, 202},
		{"unknown request id", `{"request_id":"abc","article_id":"billing/refunds","useful":true}`, auth, 404},
		{"tampered request id", `{"request_id":"` + tampered + `","article_id":"billing/refunds","useful":true}`, auth, 404},
		{"forged request id", `{"request_id":"` + forged + `","article_id":"billing/refunds","useful":true}`, auth, 404},
		{"another agent's request id", `{"request_id":"` + id + `","article_id":"billing/refunds","useful":true}`,
			[]string{"Authorization", "Bearer " + otherToken}, 404},
		{"unknown article", `{"request_id":"` + id + `","article_id":"nope/x","useful":true}`, auth, 404},
		{"bad JSON", `{"request_id":`, auth, 400},
		{"useful missing", `{"request_id":"` + id + `","article_id":"billing/refunds"}`, auth, 400},
		{"bad request id", `{"request_id":"<b>","article_id":"billing/refunds","useful":true}`, auth, 400},
	} {
		status, body, _ := site.do(t, "POST", "/api/v1/suggest/feedback", jsonType, tc.body, tc.header...)
		if status != tc.status {
			t.Errorf("%s: %d %s; want %d", tc.name, status, body, tc.status)
		}
	}
	r := site.report(t, "")
	want := []analytics.SuggestStat{
		{ArticleID: "account/reset-password", Suggested: 1, NotUseful: 1},
		{ArticleID: "billing/refunds", Useful: 1, Ratio: 1},
	}
	if r.Summary.SuggestCalls != 1 || r.Summary.SuggestFeedback != 2 || !reflect.DeepEqual(r.Suggest, want) {
		t.Errorf("suggest report %+v\n%+v\nwant %+v", r.Summary, r.Suggest, want)
	}
	en := site.report(t, "en")
	if en.Summary.SuggestCalls != 1 || en.Summary.SuggestFeedback != 2 {
		t.Errorf("en report: %+v; want the call and both feedbacks on it", en.Summary)
	}
}
