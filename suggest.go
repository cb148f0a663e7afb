package spravka

import (
	"context"
	"time"
)

// Limits of the suggest API; the server rejects larger values.
const (
	MaxSuggestRunes    = 20000 // a whole customer message with quoted history
	DefaultSuggestions = 5
	MaxSuggestions     = 20
	MaxPassageRunes    = 600 // a passage an agent pastes into a reply
)

// SuggestRequest asks for the articles that answer a customer's message.
// Text is user text: it is tokenised, never parsed as query syntax.
type SuggestRequest struct {
	Text     string
	Lang     string // language of the answer; empty = detect from Text
	Limit    int    // 1..MaxSuggestions; 0 means DefaultSuggestions
	Product  string
	Category string
	Exclude  []string // article ids already offered
	Access   Access
}

// Suggestions is the engine's answer to a SuggestRequest.
type Suggestions struct {
	Lang         string        // language the suggestions were searched in
	DetectedLang string        // what language detection read from Text ("" when unsure)
	Took         time.Duration // time spent in the engine
	// Confident is true only when the first suggestion is clearly right, so
	// that a bot may answer with it unattended. The rule is calibrated on the
	// shared evaluation sets (README "Agents and suggest").
	Confident   bool
	Suggestions []Suggestion
}

// Suggestion is one article with the passage that answers the message.
type Suggestion struct {
	Article      SuggestedArticle `json:"article"`
	Section      *SectionRef      `json:"section"`
	Passage      string           `json:"passage"`      // plain text, ≤ MaxPassageRunes, whole sentences
	PassageHTML  string           `json:"passage_html"` // the passage HTML-escaped, matches in <mark>
	Score        float64          `json:"score"`
	MatchedTerms []string         `json:"matched_terms"`
}

// SuggestedArticle names the article of a suggestion.
type SuggestedArticle struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	URL      string   `json:"url"`
	Lang     string   `json:"lang"`
	Audience []string `json:"audience"`
}

// Suggester proposes articles and passages for a customer's message.
type Suggester interface {
	Suggest(ctx context.Context, r SuggestRequest) (*Suggestions, error)
}
