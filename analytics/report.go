package analytics

import (
	"context"
	"time"
)

// Filter selects the events a report covers.
type Filter struct {
	Since time.Time // inclusive
	Until time.Time // exclusive; zero = now
	Lang  string    // only this language; empty = all
	Limit int       // rows per list; zero = DefaultLimit
}

// DefaultLimit is the length of each report list when the filter says nothing.
const DefaultLimit = 20

// Report is what support and product teams read: what customers ask, what
// they do not find, and which articles fail them.
type Report struct {
	Since        time.Time      `json:"since"`
	Until        time.Time      `json:"until"`
	Lang         string         `json:"lang,omitempty"`
	Summary      Summary        `json:"summary"`
	TopQueries   []QueryStat    `json:"top_queries"`
	ZeroResults  []QueryStat    `json:"zero_results"`
	NoClicks     []QueryStat    `json:"no_clicks"`    // site searches with results that nobody clicked
	ContentGaps  []Gap          `json:"content_gaps"` // answers that exist only in another language
	WorstHelpful []ArticleVotes `json:"worst_helpful"`
	Suggest      []SuggestStat  `json:"suggest"`
	Volume       []DayVolume    `json:"volume"`
}

// Summary holds the period's totals.
type Summary struct {
	Searches        int     `json:"searches"`
	ZeroResults     int     `json:"zero_results"`
	ZeroRate        float64 `json:"zero_rate"`
	SiteSearches    int     `json:"site_searches"`
	Clicks          int     `json:"clicks"`
	ClickRate       float64 `json:"click_rate"` // clicks per site search
	Votes           int     `json:"votes"`
	Helpful         int     `json:"helpful"`
	HelpfulRate     float64 `json:"helpful_rate"`
	SuggestCalls    int     `json:"suggest_calls"`
	SuggestFeedback int     `json:"suggest_feedback"`
	SuggestUseful   int     `json:"suggest_useful"`
}

// QueryStat is one normalised query in one language.
type QueryStat struct {
	Query      string    `json:"query"`
	Lang       string    `json:"lang"`
	Searches   int       `json:"searches"`
	Clicks     int       `json:"clicks"`
	AvgResults float64   `json:"avg_results"`
	LastSeen   time.Time `json:"last_seen"`
}

// Gap is an article customers of Lang reached only in ArticleLang: a
// candidate for translation.
type Gap struct {
	Lang        string   `json:"lang"`
	ArticleID   string   `json:"article_id"`
	ArticleLang string   `json:"article_lang"`
	Searches    int      `json:"searches"` // searches answered only by this article's other-language version
	Clicks      int      `json:"clicks"`   // clicks from a Lang search onto the other-language version
	Queries     []string `json:"queries"`  // the most frequent queries, at most MaxGapQueries
}

// MaxGapQueries is how many example queries a content gap lists.
const MaxGapQueries = 3

// ArticleVotes is the helpful votes of one article version.
type ArticleVotes struct {
	ArticleID string    `json:"article_id"`
	Lang      string    `json:"lang"`
	Yes       int       `json:"yes"`
	No        int       `json:"no"`
	Ratio     float64   `json:"ratio"` // yes / (yes + no)
	Comments  []Comment `json:"comments"`
}

// Comment is a visitor's comment on a vote, plain text.
type Comment struct {
	Time    time.Time `json:"time"`
	Helpful bool      `json:"helpful"`
	Text    string    `json:"text"`
}

// MaxComments is how many recent comments the report shows per article.
const MaxComments = 5

// SuggestStat is how agents judged the suggestions of one article.
type SuggestStat struct {
	ArticleID string  `json:"article_id"`
	Suggested int     `json:"suggested"`
	Useful    int     `json:"useful"`
	NotUseful int     `json:"not_useful"`
	Ratio     float64 `json:"ratio"` // useful / (useful + not useful); 0 without feedback
}

// DayVolume is the number of searches of one UTC day.
type DayVolume struct {
	Day         string `json:"day"` // YYYY-MM-DD
	Searches    int    `json:"searches"`
	ZeroResults int    `json:"zero_results"`
}

// Reporter answers reports; a Store is one, and so is Analytics.
type Reporter interface {
	Report(ctx context.Context, f Filter) (*Report, error)
}

// Report runs every section of the report over one period.
func (s *sqlStore) Report(ctx context.Context, f Filter) (*Report, error) {
	if f.Until.IsZero() {
		f.Until = time.Now()
	}
	if f.Limit <= 0 {
		f.Limit = DefaultLimit
	}
	r := &Report{Since: f.Since.UTC(), Until: f.Until.UTC(), Lang: f.Lang}
	steps := []func(context.Context, Filter, *Report) error{
		s.summary, s.topQueries, s.zeroResults, s.noClicks, s.contentGaps, s.worstHelpful, s.suggestStats, s.volume,
	}
	for _, step := range steps {
		if err := step(ctx, f, r); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// ratio is a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
