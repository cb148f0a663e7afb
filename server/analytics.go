package server

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
)

// requestInfo travels in the context of every request so that code far
// from the handler (the search recorder, the metrics) knows which request
// it serves. The metrics middleware creates it; the router names the route.
type requestInfo struct {
	method string
	path   string
	route  string // the matched route template; "" when nothing matched
	robot  bool   // a crawler or monitor: its page searches and clicks are not a customer's
	// asYouType marks the site's own script searching while the visitor
	// types: a same-origin fetch, or ?analytics=false; ?analytics=true
	// overrides. Recording every prefix ("ска", "скас", …) would bury the
	// queries people finish.
	asYouType bool
}

// asYouType reads the request's analytics intent (see requestInfo).
func asYouType(r *http.Request) bool {
	if r.URL.Path != "/api/v1/search" {
		return false
	}
	switch r.URL.Query().Get("analytics") {
	case "false":
		return true
	case "true":
		return false
	}
	return r.Header.Get("Sec-Fetch-Site") == "same-origin" && r.Header.Get("Sec-Fetch-Dest") == "empty"
}

// robotWords mark the user agents of crawlers, link checkers and uptime
// monitors, whose visits to the search page would swamp what customers ask.
var robotWords = []string{"bot", "crawl", "spider", "slurp", "monitor", "preview", "headless", "curl/", "wget/", "python-requests"}

func isRobot(userAgent string) bool {
	ua := strings.ToLower(userAgent)
	if ua == "" {
		return true
	}
	for _, w := range robotWords {
		if strings.Contains(ua, w) {
			return true
		}
	}
	return false
}

const requestInfoKey ctxKey = 100 // distinct from auth.go's keys

func infoOf(ctx context.Context) *requestInfo {
	info, _ := ctx.Value(requestInfoKey).(*requestInfo)
	return info
}

// sitePathPattern is the path of the public search page.
var searchPagePattern = regexp.MustCompile(`^/[a-z]{2}/search$`)

// searchSource says whether a search made while serving ctx is one a
// customer or client asked for, and from where: the search API or the
// search page. Searches made on the way to something else (suggest,
// pages that list related articles) are not recorded.
func searchSource(ctx context.Context) string {
	info := infoOf(ctx)
	if info == nil || info.method != http.MethodGet {
		return ""
	}
	switch {
	case info.path == "/api/v1/search" && !info.asYouType:
		return analytics.SourceAPI // programs by nature: their user agent says nothing
	case searchPagePattern.MatchString(info.path) && !info.robot:
		return analytics.SourceSite
	}
	return ""
}

// recordingEngine is the engine with every customer search recorded, so
// that neither the API nor the page handler needs to remember to do it.
type recordingEngine struct {
	Engine
	s *Server
}

// recordSearches wraps engine so that customer searches are recorded.
func recordSearches(engine Engine, s *Server) Engine {
	return recordingEngine{Engine: engine, s: s}
}

// Search runs q and records it when it is a first-page customer search.
func (e recordingEngine) Search(ctx context.Context, q spravka.Query) (*spravka.Result, error) {
	res, err := e.Engine.Search(ctx, q)
	if err != nil || q.Page > 1 || q.Text == "" {
		return res, err
	}
	source := searchSource(ctx)
	if source == "" {
		return res, err
	}
	e.s.metrics.searched(source, res.Total)
	ev := analytics.Search{Time: time.Now(), Source: source, Agent: q.Access.Agent, Lang: res.Lang, Query: q.Text,
		Total: res.Total, Correction: res.Correction, Fallback: res.Fallback, TookMS: res.TookMS}
	if ev.Lang == "" {
		ev.Lang = q.Lang
	}
	if len(res.Hits) > 0 {
		ev.TopArticle, ev.TopLang = res.Hits[0].ID, res.Hits[0].Lang
	}
	e.s.analytics.Record(ev)
	return res, err
}

// recordSuggestEvent hands a suggest answer to analytics; suggest_events.go
// calls it with the event it builds.
func (s *Server) recordSuggestEvent(ev SuggestEvent) {
	s.analytics.Record(analytics.Suggest{Time: ev.At, RequestID: ev.RequestID, Agent: ev.Agent, Lang: ev.Lang,
		DetectedLang: ev.DetectedLang, ArticleIDs: ev.ArticleIDs, TookMS: ev.TookMS})
}
