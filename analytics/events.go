// Package analytics records what customers search for, click and vote on,
// and what agents find useful in suggestions, and turns that log into the
// reports support teams act on: what is asked and not found, per language.
//
// Events go through a Recorder that never blocks the request that produced
// them; a Store (embedded SQLite by default, PostgreSQL for several
// replicas) keeps them for a retention period and answers reports.
package analytics

import (
	"time"
)

// Event is one thing worth remembering. The concrete types are Search,
// Click, Vote, Suggest and SuggestFeedback.
type Event interface {
	// At is when the event happened.
	At() time.Time
	event()
}

// Sources of a search.
const (
	SourceSite = "site" // the public search page
	SourceAPI  = "api"  // GET /api/v1/search
)

// Search is one query a customer or a client ran.
type Search struct {
	Time       time.Time
	Source     string // SourceSite or SourceAPI
	Agent      string // agent name for token-authenticated API calls; empty for visitors
	Lang       string // language searched in
	Query      string // as typed; the store keeps only its Normalize form
	Total      int    // number of results
	Correction string // "layout" or "spelling" when the engine corrected the query
	Fallback   bool   // results came only from other languages
	TopArticle string // id of the first hit, if any
	TopLang    string // language of the first hit
	TookMS     float64
}

// Click is a visitor following a search result.
type Click struct {
	Time        time.Time
	Lang        string // language of the search
	Query       string
	Target      string // local path of the result, without fragment: /uk/billing/refund
	Rank        int    // 1-based position in the result list; 0 when the link did not say
	ArticleID   string // the article at Target; empty when Target is not an article
	ArticleLang string
}

// Vote is an answer to "Was this helpful?" on an article page.
type Vote struct {
	Time      time.Time
	ArticleID string
	Lang      string
	Helpful   bool
	Comment   string // optional, plain text, at most MaxCommentRunes
	// Visitor is a salted hash of the visitor for the day (see VisitorHash);
	// it lets the store keep one vote per visitor, article and day.
	Visitor string
}

// Suggest is one call of the agent suggest API.
type Suggest struct {
	Time         time.Time
	RequestID    string
	Agent        string
	Lang         string   // language searched in
	DetectedLang string   // language detection's reading of the message
	ArticleIDs   []string // suggested article ids, best first
	TookMS       float64
}

// SuggestFeedback is an agent's verdict on one suggested article.
type SuggestFeedback struct {
	Time      time.Time
	RequestID string
	ArticleID string
	Agent     string
	Useful    bool
}

// MaxCommentRunes is the longest vote comment accepted.
const MaxCommentRunes = 1000

// At implements Event.
func (e Search) At() time.Time { return e.Time }

// At implements Event.
func (e Click) At() time.Time { return e.Time }

// At implements Event.
func (e Vote) At() time.Time { return e.Time }

// At implements Event.
func (e Suggest) At() time.Time { return e.Time }

// At implements Event.
func (e SuggestFeedback) At() time.Time { return e.Time }

func (Search) event()          {}
func (Click) event()           {}
func (Vote) event()            {}
func (Suggest) event()         {}
func (SuggestFeedback) event() {}

// Recorder accepts events without ever blocking the caller. Implementations
// drop (and count) what they cannot keep.
type Recorder interface {
	Record(e Event)
}

// Nop is a Recorder that keeps nothing, for servers without analytics.
type Nop struct{}

// Record implements Recorder.
func (Nop) Record(Event) {}
