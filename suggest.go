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
	Confident bool
	// Match grades the first suggestion from the calibrated score: a
	// message that matches nothing well (off-topic, small talk) is
	// MatchNone and has no suggestions.
	Match       MatchGrade
	Suggestions []Suggestion
	// Questions holds one answer per question when the message asks more
	// than one; it is empty for a message with a single question.
	Questions []QuestionSuggestions
}

// MatchGrade says how well the best suggestion matches the message.
type MatchGrade string

// The grades of a suggestion list, from the calibrated score.
const (
	MatchGood MatchGrade = "good" // the first suggestion very likely answers
	MatchWeak MatchGrade = "weak" // related articles; the agent should check
	MatchNone MatchGrade = "none" // nothing in the knowledge base answers
)

// QuestionSuggestions is the answer to one question of a message that asks
// several.
type QuestionSuggestions struct {
	Text        string       `json:"text"` // the question as the customer wrote it
	Match       MatchGrade   `json:"match"`
	Suggestions []Suggestion `json:"suggestions"`
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
