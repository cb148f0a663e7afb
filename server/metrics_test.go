package server_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
	"github.com/spravka/spravka/server"
)

func TestMetrics(t *testing.T) {
	site := newAnalyticsSite(t, nil)
	site.do(t, "GET", "/api/v1/search?q=password&lang=en", "", "")
	site.do(t, "GET", "/api/v1/search?q=nothing&lang=en", "", "")
	site.do(t, "GET", "/en/search?q=nothing", "", "")
	site.do(t, "GET", "/en/account/reset-password", "", "")
	site.do(t, "GET", "/uk/account/reset-password", "", "")
	site.do(t, "BREW", "/en/account/reset-password", "", "")
	if status, _, _ := site.do(t, "GET", "/metrics", "", ""); status != 401 {
		t.Errorf("/metrics without the admin token: %d, want 401", status)
	}
	status, body, _ := site.do(t, "GET", "/metrics", "", "", "Authorization", "Bearer "+adminToken)
	if status != 200 {
		t.Fatalf("/metrics: %d", status)
	}
	for _, want := range []string{
		`spravka_http_requests_total{code="200",method="GET",route="/api/v1/search"} 2`,
		`spravka_http_requests_total{code="200",method="GET",route="/{lang:[a-z]{2}}/{category}/{slug}"} 2`,
		`spravka_http_request_duration_seconds_count{method="GET",route="/api/v1/search"} 2`,
		`spravka_searches_total{source="api"} 2`,
		`spravka_search_zero_results_total{source="api"} 1`,
		`spravka_search_zero_results_total{source="site"} 1`,
		`spravka_index_articles{lang="en"} 1`,
		`spravka_index_size_bytes 4096`,
		`spravka_analytics_events_dropped_total 0`,
		`spravka_http_requests_total{code="405",method="OTHER",route="unmatched"} 1`,
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

func TestMetricsOpenWithoutAdminToken(t *testing.T) {
	site := newAnalyticsSite(t, func(c *server.Config) { c.AdminTokenSHA256 = "" })
	if status, _, _ := site.do(t, "GET", "/metrics", "", ""); status != 200 {
		t.Errorf("/metrics with no admin token configured: %d, want 200", status)
	}
}

// hungStore is a store whose writes never finish, like a database that
// stopped answering.
type hungStore struct {
	analytics.Store
	release chan struct{}
}

func (h hungStore) Write(ctx context.Context, _ []analytics.Event) error {
	select {
	case <-h.release:
	case <-ctx.Done():
	}
	return errors.New("store down")
}

// Requests must not wait for analytics: with the store hung and the buffer
// full, searches still answer and the lost events are counted.
func TestRequestsDoNotWaitForAHungStore(t *testing.T) {
	store := hungStore{release: make(chan struct{})}
	rec := analytics.NewRecorder(store, analytics.RecorderConfig{Buffer: 8, Batch: 4, Logger: slog.New(slog.DiscardHandler)})
	defer func() {
		close(store.release)
		rec.Close(context.Background())
	}()
	site := newAnalyticsSite(t, func(c *server.Config) { c.Analytics, c.AdminTokenSHA256 = rec, "" })
	done := make(chan struct{})
	go func() {
		defer close(done)
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 25 {
					if status, _, _ := site.do(t, "GET", "/api/v1/search?q=password&lang=en", "", ""); status != 200 {
						t.Errorf("search while the store hangs: %d", status)
					}
				}
			}()
		}
		wg.Wait()
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("searches blocked on the hung analytics store")
	}
	st := rec.Stats()
	if st.Accepted+st.Dropped != 200 || st.Dropped < 200-8-4 {
		t.Errorf("stats %+v; want 200 events, all but the buffer dropped", st)
	}
	_, body, _ := site.do(t, "GET", "/metrics", "", "")
	if !strings.Contains(body, "spravka_analytics_events_dropped_total ") || strings.Contains(body, "spravka_analytics_events_dropped_total 0\n") {
		t.Errorf("dropped events not in /metrics")
	}
}

// gradingSuggester grades a message by its text ("good", "weak", "none";
// anything else is ungraded) and is confident only of "good".
type gradingSuggester struct{ *fakeEngine }

func (g gradingSuggester) Suggest(_ context.Context, r spravka.SuggestRequest) (*spravka.Suggestions, error) {
	res := &spravka.Suggestions{Lang: r.Lang, Confident: r.Text == "good"}
	switch r.Text {
	case "good", "weak", "none":
		res.Match = spravka.MatchGrade(r.Text)
	}
	if r.Text != "none" {
		res.Suggestions = []spravka.Suggestion{cannedSuggestion("account/reset-password", "Reset your password", "en")}
	}
	return res, nil
}

// TestSuggestMetrics: /metrics counts suggest answers, their match grades,
// the confident ones (their share is confident / requests) and the
// agents' feedback.
func TestSuggestMetrics(t *testing.T) {
	site := newAnalyticsSiteOver(t, gradingSuggester{newFakeEngine()}, nil)
	auth := []string{"Authorization", "Bearer " + agentToken}
	ids := map[string]string{}
	for _, text := range []string{"good", "good", "weak", "none", "ungraded"} {
		status, body, h := site.do(t, "POST", "/api/v1/suggest", jsonType, `{"text":"`+text+`","lang":"en"}`, auth...)
		if status != 200 {
			t.Fatalf("suggest %s: %d %s", text, status, body)
		}
		ids[text] = h.Get("X-Request-ID")
	}
	for _, fb := range []struct {
		text, useful string
	}{{"good", "true"}, {"good", "true"}, {"weak", "false"}} {
		status, body, _ := site.do(t, "POST", "/api/v1/suggest/feedback", jsonType,
			`{"request_id":"`+ids[fb.text]+`","article_id":"account/reset-password","useful":`+fb.useful+`}`, auth...)
		if status != 202 {
			t.Fatalf("feedback: %d %s", status, body)
		}
	}
	// Refused calls are not answers: a bad body, and feedback on an id
	// this server never gave.
	site.do(t, "POST", "/api/v1/suggest", jsonType, `{"text":""}`, auth...)
	site.do(t, "POST", "/api/v1/suggest/feedback", jsonType, `{"request_id":"abc","article_id":"account/reset-password","useful":true}`, auth...)

	_, body, _ := site.do(t, "GET", "/metrics", "", "", "Authorization", "Bearer "+adminToken)
	for _, want := range []string{
		`spravka_suggest_requests_total 5`,
		`spravka_suggest_match_total{grade="good"} 2`,
		`spravka_suggest_match_total{grade="weak"} 1`,
		`spravka_suggest_match_total{grade="none"} 1`,
		`spravka_suggest_match_total{grade="ungraded"} 1`,
		`spravka_suggest_confident_total 2`,
		`spravka_suggest_feedback_total{useful="yes"} 2`,
		`spravka_suggest_feedback_total{useful="no"} 1`,
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
