package server

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/spravka/spravka"
)

// handlerFunc is an HTTP handler that returns its error instead of writing
// it, so that one adapter decides status codes and the error body.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// errorBody is the JSON shape of every API error.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// statusOf maps an error to its HTTP status and a stable machine code.
func statusOf(err error) (int, string) {
	switch {
	case errors.Is(err, spravka.ErrBadQuery):
		return http.StatusBadRequest, "bad_request"
	case errors.Is(err, spravka.ErrNotFound):
		return http.StatusNotFound, "not_found"
	case errors.Is(err, spravka.ErrTooLarge):
		return http.StatusRequestEntityTooLarge, "too_large"
	case errors.Is(err, spravka.ErrUnauthorized):
		return http.StatusUnauthorized, "unauthorized"
	case errors.Is(err, spravka.ErrRateLimited):
		return http.StatusTooManyRequests, "rate_limited"
	case errors.Is(err, spravka.ErrNotReady):
		return http.StatusServiceUnavailable, "not_ready"
	case errors.Is(err, errMethod):
		return http.StatusMethodNotAllowed, "method_not_allowed"
	}
	return http.StatusInternalServerError, "internal"
}

var errMethod = errors.New("method not allowed")

// api adapts a JSON handler: errors become {"error":{"code","message"}}.
func (s *Server) api(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeAPIError(w, r, err)
		}
	})
}

func (s *Server) writeAPIError(w http.ResponseWriter, r *http.Request, err error) {
	status, code := statusOf(err)
	msg := spravka.ErrorMessage(err)
	if status == http.StatusInternalServerError {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="spravka"`)
	}
	setRetryAfter(w, err)
	writeJSON(w, status, errorBody{Error: errorDetail{Code: code, Message: msg}})
}

// writeJSON writes v with status; encoding errors are logged by the caller's
// logger only through the returned status, as the header is already sent.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		slog.Debug("write json", "err", err)
	}
}
