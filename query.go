package spravka

import (
	"context"
	"time"
)

// Limits on what callers may ask for; the server rejects larger values with 400.
const (
	MaxQueryRunes  = 2000
	DefaultPerPage = 10
	MaxPerPage     = 100
)

// Query is a search request in the engine's terms. Text is user text: it is
// tokenised and never parsed as query syntax.
type Query struct {
	Text     string
	Lang     string // preferred language; empty means any
	Category string
	Tag      string
	Product  string
	Page     int // 1-based
	PerPage  int
	Access   Access
	Exclude  []string // article ids to leave out (suggest)
	// PreferLangs are the caller's languages, best first (a visitor's
	// Accept-Language). Without Lang they order the languages that the
	// text could be in, after the site's default language.
	PreferLangs []string
	// NoFallback keeps results in Lang even when it has no hits (eval).
	NoFallback bool
	// Bare skips sections and snippets, for callers that only rank (eval).
	Bare bool
	// Facets asks for the category, tag and product counts of the hits;
	// they cost as much as the ranking, so only pages that show them ask.
	Facets bool
}

// Result is one page of search results.
type Result struct {
	Query      string             `json:"query"`
	Lang       string             `json:"lang"`
	Total      int                `json:"total"`
	Took       time.Duration      `json:"-"`
	TookMS     float64            `json:"took_ms"`
	Hits       []Hit              `json:"hits"`
	Facets     map[string][]Facet `json:"facets"`
	Corrected  string             `json:"corrected,omitempty"`  // the query actually run, when corrected
	Correction string             `json:"correction,omitempty"` // "layout" or "spelling"
	DidYouMean string             `json:"did_you_mean,omitempty"`
	Fallback   bool               `json:"fallback,omitempty"` // hits are from other languages
}

// Hit is one article in a result, pointing at its best-matching section.
type Hit struct {
	ID           string      `json:"id"`
	Title        string      `json:"title"`
	URL          string      `json:"url"`
	Lang         string      `json:"lang"`
	Category     string      `json:"category"`
	Audience     []string    `json:"audience,omitempty"`
	Section      *SectionRef `json:"section"`
	Snippet      string      `json:"snippet"` // HTML-escaped, matches in <mark>
	Score        float64     `json:"score"`
	MatchedTerms []string    `json:"-"`
}

// SectionRef names a section of an article in a hit.
type SectionRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url,omitempty"`
}

// Facet is a value of a facet field with the number of hits that have it.
type Facet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Searcher answers queries. The server depends on this, not on bleve.
type Searcher interface {
	Search(ctx context.Context, q Query) (*Result, error)
}

// Library gives read access to the articles currently served.
type Library interface {
	// Article returns the article id in lang if access may see it, else ErrNotFound.
	Article(ctx context.Context, id, lang string, access Access) (*Article, error)
	// Translations returns the other language versions of art that access may see.
	Translations(ctx context.Context, art *Article, access Access) []*Article
	// Categories lists the categories of lang with counts of visible articles.
	Categories(ctx context.Context, lang string, access Access) ([]Category, error)
	// Articles lists the visible articles of lang, of one category when not empty.
	Articles(ctx context.Context, lang, category string, access Access) []*Article
	// Alias resolves an old path from some article's aliases.
	Alias(path string, access Access) (*Article, bool)
}

// MaxCompletions is how many titles autocomplete returns at most.
const MaxCompletions = 10

// Completion is an article title offered while the user types.
type Completion struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// Completer offers titles for a partly typed query. It reads q's Text (not
// trimmed: a trailing space ends the last word), Lang, PreferLangs and
// Access.
type Completer interface {
	Autocomplete(ctx context.Context, q Query) ([]Completion, error)
}
