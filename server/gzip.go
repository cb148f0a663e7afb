package server

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"sync"
)

// compressible are the content types worth compressing; images other than
// SVG are compressed already.
var compressible = []string{"text/", "application/json", "application/xml", "application/atom+xml",
	"application/opensearchdescription+xml", "application/ld+json", "image/svg+xml", "application/javascript"}

// gzipResponses compresses responses of compressible types when the client
// accepts gzip. The decision waits for the status and headers, so redirects,
// 304s and already-encoded bodies pass through untouched.
func gzipResponses(next http.Handler) http.Handler {
	// Compressors are reused: a gzip.Writer allocates about 800 KB.
	pool := &sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		if !acceptsGzip(r.Header.Get("Accept-Encoding")) || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		gw := &gzipWriter{ResponseWriter: w, pool: pool}
		defer gw.close()
		next.ServeHTTP(gw, r)
	})
}

func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(part, ";")
		if strings.TrimSpace(fields[0]) != "gzip" {
			continue
		}
		for _, f := range fields[1:] {
			if v, ok := strings.CutPrefix(strings.TrimSpace(f), "q="); ok && strings.Trim(v, "0.") == "" {
				return false // q=0 refuses it
			}
		}
		return true
	}
	return false
}

// gzipWriter compresses the body when, at WriteHeader, the response turns
// out to be compressible.
type gzipWriter struct {
	http.ResponseWriter
	pool        *sync.Pool
	gz          *gzip.Writer
	wroteHeader bool
}

func (g *gzipWriter) WriteHeader(status int) {
	if g.wroteHeader {
		return
	}
	g.wroteHeader = true
	h := g.Header()
	if status == http.StatusOK && h.Get("Content-Encoding") == "" && isCompressible(h.Get("Content-Type")) {
		h.Del("Content-Length")
		h.Set("Content-Encoding", "gzip")
		g.gz = g.pool.Get().(*gzip.Writer)
		g.gz.Reset(g.ResponseWriter)
	}
	g.ResponseWriter.WriteHeader(status)
}

func (g *gzipWriter) Write(p []byte) (int, error) {
	if !g.wroteHeader {
		if g.Header().Get("Content-Type") == "" {
			g.Header().Set("Content-Type", http.DetectContentType(p))
		}
		g.WriteHeader(http.StatusOK)
	}
	if g.gz != nil {
		return g.gz.Write(p)
	}
	return g.ResponseWriter.Write(p)
}

// Flush lets streaming handlers push what they have.
func (g *gzipWriter) Flush() {
	if g.gz != nil {
		_ = g.gz.Flush()
	}
	if f, ok := g.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the underlying writer.
func (g *gzipWriter) Unwrap() http.ResponseWriter { return g.ResponseWriter }

func (g *gzipWriter) close() {
	if g.gz == nil {
		return
	}
	_ = g.gz.Close()
	g.gz.Reset(io.Discard)
	g.pool.Put(g.gz)
	g.gz = nil
}

func isCompressible(ctype string) bool {
	if strings.HasPrefix(ctype, "text/event-stream") {
		return false // streamed events must reach the client as they happen
	}
	for _, c := range compressible {
		if strings.HasPrefix(ctype, c) {
			return true
		}
	}
	return false
}
