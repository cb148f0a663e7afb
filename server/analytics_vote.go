package server

import (
	"encoding/json"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
)

// maxFeedbackBody bounds feedback bodies: a comment of 1,000 characters
// of Cyrillic, form-encoded, is about 6 KB.
const maxFeedbackBody = 16 << 10

// voteRequest is the body of POST /api/v1/feedback, as JSON or as the
// fields of the article page's form.
type voteRequest struct {
	ArticleID string `json:"article_id"`
	Lang      string `json:"lang"`
	Helpful   *bool  `json:"helpful"`
	Comment   string `json:"comment"`
}

// handleVote records "Was this helpful?". A form post (no JavaScript) is
// answered with a redirect back to the article, which then thanks the
// visitor; a JSON post with 202 and a small JSON body.
func (s *Server) handleVote(w http.ResponseWriter, r *http.Request) error {
	form := isFormPost(r)
	if form && !sameOrigin(r) {
		return errCrossSite
	}
	if _, err := readBody(w, r, maxFeedbackBody); err != nil {
		return err
	}
	req, err := readVote(r, form)
	if err != nil {
		return err
	}
	if req.ArticleID == "" || !spravka.IsLanguage(req.Lang) {
		return spravka.Errorf(spravka.ErrBadQuery, "article_id and lang (one of %s) are required", strings.Join(spravka.Languages, ", "))
	}
	if req.Helpful == nil {
		return spravka.Errorf(spravka.ErrBadQuery, "helpful is required: true or false")
	}
	if !utf8.ValidString(req.Comment) {
		return spravka.Errorf(spravka.ErrBadQuery, "comment must be valid UTF-8")
	}
	req.Comment = strings.TrimSpace(req.Comment)
	if n := utf8.RuneCountInString(req.Comment); n > analytics.MaxCommentRunes {
		return spravka.Errorf(spravka.ErrBadQuery, "comment is %d characters long; the limit is %d", n, analytics.MaxCommentRunes)
	}
	a, err := s.engine.Article(r.Context(), req.ArticleID, req.Lang, spravka.Public)
	if err != nil {
		return spravka.Errorf(spravka.ErrNotFound, "no article %q in %s", req.ArticleID, req.Lang)
	}
	now := time.Now()
	s.analytics.Record(analytics.Vote{Time: now, ArticleID: a.ID, Lang: a.Lang, Helpful: *req.Helpful, Comment: req.Comment,
		Visitor: analytics.VisitorHash(s.visitorSalt, now, analytics.ClientIP(r.RemoteAddr, r.Header.Get("X-Forwarded-For")),
			r.UserAgent())})
	if form {
		// The article's own URL, never one from the request: no open redirect.
		http.Redirect(w, r, a.URL()+"?feedback=thanks#feedback", http.StatusSeeOther)
		return nil
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"status": "recorded", "article_id": a.ID, "lang": a.Lang,
		"helpful": *req.Helpful})
	return nil
}

func readVote(r *http.Request, form bool) (voteRequest, error) {
	var req voteRequest
	if form {
		if err := r.ParseForm(); err != nil {
			return req, bodyError(err)
		}
		req.ArticleID, req.Lang, req.Comment = r.PostForm.Get("article_id"), r.PostForm.Get("lang"), r.PostForm.Get("comment")
		if v := r.PostForm.Get("helpful"); v != "" {
			b, ok := map[string]bool{"yes": true, "true": true, "1": true, "no": false, "false": false, "0": false}[v]
			if !ok {
				return req, spravka.Errorf(spravka.ErrBadQuery, "helpful must be yes or no")
			}
			req.Helpful = &b
		}
		return req, nil
	}
	if err := readJSONBody(r, &req); err != nil {
		return req, err
	}
	return req, nil
}

// readJSONBody decodes one JSON object from a body that readBody has read;
// anything else is the caller's mistake (400).
func readJSONBody(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(v); err != nil {
		return bodyError(err)
	}
	if dec.More() {
		return spravka.Errorf(spravka.ErrBadQuery, "the body must hold one JSON object")
	}
	return nil
}

// bodyError reports a body that was read but does not parse.
func bodyError(err error) error {
	return spravka.Errorf(spravka.ErrBadQuery, "the body is not valid: %v", err)
}

func isFormPost(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "application/x-www-form-urlencoded" || mt == "multipart/form-data"
}
