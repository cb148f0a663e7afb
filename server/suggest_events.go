package server

import (
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/spravka/spravka"
)

// SuggestEvent is what one suggest answer tells analytics: which agent
// asked, what was offered and how sure the engine was. The agent's later
// feedback refers to it by RequestID. The message text itself is not kept:
// it is the customer's, and may hold personal data.
type SuggestEvent struct {
	RequestID string
	At        time.Time
	Agent     string
	Lang      string
	// DetectedLang is language detection's reading of the message.
	DetectedLang string
	TextRunes    int
	Confident    bool
	ArticleIDs   []string // in the order offered, then those only one question got
	TookMS       float64
}

// recordSuggest hands the answer to analytics (server/analytics.go), where
// the agent's feedback on it will find it by request id.
func (s *Server) recordSuggest(r *http.Request, req spravka.SuggestRequest, out *suggestResponse) {
	ev := SuggestEvent{RequestID: out.RequestID, At: time.Now(), Agent: accessOf(r).Agent, Lang: out.Lang,
		DetectedLang: out.DetectedLang, TextRunes: utf8.RuneCountInString(req.Text), Confident: out.Confident, TookMS: out.TookMS}
	// The answers to single questions are offered too, and the agent may
	// judge them: they count as suggested, once each.
	seen := map[string]bool{}
	offer := func(list []suggestionJSON) {
		for _, sg := range list {
			if !seen[sg.Article.ID] {
				seen[sg.Article.ID] = true
				ev.ArticleIDs = append(ev.ArticleIDs, sg.Article.ID)
			}
		}
	}
	offer(out.Suggestions)
	for _, q := range out.Questions {
		offer(q.Suggestions)
	}
	s.log.Debug("suggest", "request_id", ev.RequestID, "agent", ev.Agent, "lang", ev.Lang,
		"confident", ev.Confident, "articles", ev.ArticleIDs, "ms", ev.TookMS)
	s.recordSuggestEvent(ev)
}
