package server

import (
	"net/http"
	"runtime/debug"
	"time"
)

// contentSecurityPolicy allows nothing from other hosts and no inline
// script or style. JSON-LD blocks are not affected: a <script> whose type is
// application/ld+json is a data block the browser never executes.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// middleware wraps every request: panics become a 500 (logged with the
// stack), security headers are set, a body that stops arriving ends the
// request (see stallGuard), responses are gzip-compressed when the client
// accepts it, and each request is logged.
func (s *Server) middleware(next http.Handler) http.Handler {
	next = gzipResponses(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = stallGuard{ReadCloser: r.Body, rc: http.NewResponseController(w)}
		}
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("panic", "path", r.URL.Path, "panic", p, "stack", string(debug.Stack()))
				http.Error(rec, "internal error", http.StatusInternalServerError)
			}
			s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "ms", time.Since(start).Milliseconds())
		}()
		next.ServeHTTP(rec, r)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Flush passes through to the connection, for streaming handlers.
func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the connection, so a streaming
// handler (preview events) can lift the server's write deadline.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
