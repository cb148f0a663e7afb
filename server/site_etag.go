package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
)

// bufferedResponse holds a page until its handler returns, so that a
// successful page gets an ETag of its bytes and a conditional request with
// that ETag gets 304 without a body.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newBufferedResponse() *bufferedResponse {
	return &bufferedResponse{header: http.Header{}, status: http.StatusOK}
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) Write(p []byte) (int, error) { return b.body.Write(p) }

func (b *bufferedResponse) WriteHeader(status int) { b.status = status }

// reset drops what a failed handler had written.
func (b *bufferedResponse) reset() {
	b.header = http.Header{}
	b.status = http.StatusOK
	b.body.Reset()
}

// flush sends the held response to w. A 200 gets a weak ETag (weak,
// because gzip changes the bytes on the wire but not the meaning) and
// Cache-Control: no-cache unless the handler chose one, so browsers and
// proxies revalidate cheaply instead of serving a stale page.
func (b *bufferedResponse) flush(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for k, v := range b.header {
		h[k] = v
	}
	if b.status == http.StatusOK {
		sum := sha256.Sum256(b.body.Bytes())
		etag := `W/"` + hex.EncodeToString(sum[:10]) + `"`
		h.Set("ETag", etag)
		if h.Get("Cache-Control") == "" {
			h.Set("Cache-Control", "no-cache")
		}
		if etagMatches(r.Header.Get("If-None-Match"), etag) {
			h.Del("Content-Length")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.WriteHeader(b.status)
	if r.Method != http.MethodHead {
		_, _ = b.body.WriteTo(w)
	}
}

// etagMatches reports whether an If-None-Match header names etag; the
// comparison is weak, as RFC 9110 requires for If-None-Match.
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	want := strings.TrimPrefix(etag, "W/")
	for _, c := range strings.Split(header, ",") {
		c = strings.TrimSpace(c)
		if c == "*" || strings.TrimPrefix(c, "W/") == want {
			return true
		}
	}
	return false
}
