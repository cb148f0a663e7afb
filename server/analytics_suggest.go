package server

import (
	"net/http"
	"regexp"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
)

// suggestFeedbackRequest is the body of POST /api/v1/suggest/feedback: an
// agent's verdict on one article of one suggest answer.
type suggestFeedbackRequest struct {
	RequestID string `json:"request_id"`
	ArticleID string `json:"article_id"`
	Useful    *bool  `json:"useful"`
}

// requestIDPattern accepts the ids the suggest API hands out and nothing
// that could smuggle text into reports.
var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// handleSuggestFeedback records whether a suggested article helped the
// agent. Only agents may call it; the request id must be one this server
// gave that agent (else 404, like an unknown article), and the article one
// the agent can see in some language.
func (s *Server) handleSuggestFeedback(w http.ResponseWriter, r *http.Request) error {
	if err := requireAgent(r); err != nil {
		return err
	}
	if _, err := readBody(w, r, 4<<10); err != nil {
		return err
	}
	var req suggestFeedbackRequest
	if err := readJSONBody(r, &req); err != nil {
		return err
	}
	switch {
	case !requestIDPattern.MatchString(req.RequestID):
		return spravka.Errorf(spravka.ErrBadQuery, "request_id is required: the request_id of the suggest answer")
	case req.ArticleID == "":
		return spravka.Errorf(spravka.ErrBadQuery, "article_id is required")
	case req.Useful == nil:
		return spravka.Errorf(spravka.ErrBadQuery, "useful is required: true or false")
	}
	access := accessOf(r)
	if !s.requestIDs.known(req.RequestID, access.Agent, time.Now()) {
		return spravka.Errorf(spravka.ErrNotFound, "no suggest answer %q was given to this agent in the last 7 days", req.RequestID)
	}
	if !s.articleExists(r, req.ArticleID, access) {
		return spravka.Errorf(spravka.ErrNotFound, "no article %q", req.ArticleID)
	}
	s.metrics.suggest.judged(*req.Useful)
	s.analytics.Record(analytics.SuggestFeedback{Time: time.Now(), RequestID: req.RequestID, ArticleID: req.ArticleID,
		Agent: access.Agent, Useful: *req.Useful})
	writeJSON(w, http.StatusAccepted, map[string]any{"status": "recorded", "request_id": req.RequestID,
		"article_id": req.ArticleID, "useful": *req.Useful})
	return nil
}

// articleExists reports whether access sees article id in any language.
func (s *Server) articleExists(r *http.Request, id string, access spravka.Access) bool {
	for _, lang := range spravka.Languages {
		if _, err := s.engine.Article(r.Context(), id, lang, access); err == nil {
			return true
		}
	}
	return false
}
