package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spravka/spravka"
)

// suggestBody is the request of POST /api/v1/suggest. Unknown fields are
// refused, so a caller who thinks it can pass "audience" learns it cannot.
type suggestBody struct {
	Text     string   `json:"text"`
	Lang     string   `json:"lang"`
	Limit    *int     `json:"limit"`
	Product  string   `json:"product"`
	Category string   `json:"category"`
	Exclude  []string `json:"exclude"`
}

// suggestResponse is the answer of POST /api/v1/suggest. Match is absent
// only when the engine does not grade; Questions only when the message
// asks one question.
type suggestResponse struct {
	RequestID    string             `json:"request_id"`
	Lang         string             `json:"lang"`
	DetectedLang string             `json:"detected_lang"`
	TookMS       float64            `json:"took_ms"`
	Confident    bool               `json:"confident"`
	Match        spravka.MatchGrade `json:"match,omitempty"`
	Suggestions  []suggestionJSON   `json:"suggestions"`
	Questions    []questionJSON     `json:"questions,omitempty"`
}

// maxSuggestBody bounds the request body: 20,000 characters of text, each
// up to six bytes when JSON-escaped, plus the other fields.
const maxSuggestBody = spravka.MaxSuggestRunes*6 + 16<<10

const maxExclude = 100

func (s *Server) handleSuggest(w http.ResponseWriter, r *http.Request) error {
	if err := requireAgent(r); err != nil {
		return err
	}
	req, err := readSuggest(w, r)
	if err != nil {
		return err
	}
	req.Access = accessOf(r)
	res, err := s.engine.Suggest(r.Context(), req)
	if err != nil {
		return err
	}
	out := suggestResponse{RequestID: s.requestIDs.issue(req.Access.Agent, time.Now()), Lang: res.Lang, DetectedLang: res.DetectedLang,
		TookMS: float64(res.Took.Microseconds()) / 1000, Confident: res.Confident, Match: res.Match,
	}
	replies := s.newReplier(r, req.Access, res.Lang)
	out.Suggestions = replies.list(res.Suggestions)
	for _, q := range res.Questions {
		out.Questions = append(out.Questions, questionJSON{Text: q.Text, Match: q.Match, Suggestions: replies.list(q.Suggestions)})
	}
	w.Header().Set("X-Request-ID", out.RequestID)
	w.Header().Set("Cache-Control", "no-store")
	s.recordSuggest(r, req, &out)
	s.metrics.suggest.answered(res.Match, res.Confident)
	writeJSON(w, http.StatusOK, out)
	return nil
}

// readSuggest decodes and validates the body; every problem is the
// caller's and says which field is wrong.
func readSuggest(w http.ResponseWriter, r *http.Request) (spravka.SuggestRequest, error) {
	var b suggestBody
	raw, err := readBody(w, r, maxSuggestBody)
	if err != nil {
		return spravka.SuggestRequest{}, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return spravka.SuggestRequest{}, spravka.Errorf(spravka.ErrBadQuery, "the body must be a JSON object {\"text\": …}: %v", err)
	}
	if dec.More() {
		return spravka.SuggestRequest{}, spravka.Errorf(spravka.ErrBadQuery, "the body must hold one JSON object")
	}
	if !utf8.ValidString(b.Text) {
		return spravka.SuggestRequest{}, spravka.Errorf(spravka.ErrBadQuery, "text must be valid UTF-8")
	}
	if n := utf8.RuneCountInString(b.Text); n > spravka.MaxSuggestRunes {
		return spravka.SuggestRequest{}, spravka.Errorf(spravka.ErrTooLarge, "text is %d characters long; the limit is %d", n, spravka.MaxSuggestRunes)
	}
	req := spravka.SuggestRequest{Text: strings.TrimSpace(b.Text), Lang: b.Lang, Limit: spravka.DefaultSuggestions,
		Product: b.Product, Category: b.Category, Exclude: b.Exclude}
	if b.Limit != nil {
		req.Limit = *b.Limit
	}
	switch {
	case req.Text == "":
		return req, spravka.Errorf(spravka.ErrBadQuery, "text is required")
	case req.Lang != "" && !spravka.IsLanguage(req.Lang):
		return req, spravka.Errorf(spravka.ErrBadQuery, "unknown lang %q; use one of %s", req.Lang, strings.Join(spravka.Languages, ", "))
	case req.Limit < 1 || req.Limit > spravka.MaxSuggestions:
		return req, spravka.Errorf(spravka.ErrBadQuery, "limit must be between 1 and %d, got %d", spravka.MaxSuggestions, req.Limit)
	}
	if len(req.Exclude) > maxExclude {
		return req, spravka.Errorf(spravka.ErrBadQuery, "exclude lists %d ids; the limit is %d", len(req.Exclude), maxExclude)
	}
	return req, nil
}
