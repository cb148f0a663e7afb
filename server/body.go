package server

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/spravka/spravka"
)

// bodyStall is how long a request body may pause between two reads. The
// bodies spravka takes are small and every client sends them at once; a
// pause this long is a client that stopped sending (a chunked body without
// its last chunk), and waiting for the server's 30 s read timeout would
// only hold a connection and a goroutine for nothing.
const bodyStall = 3 * time.Second

// errMalformedBody is every failure to read a body other than its size: a
// broken chunked encoding, a stall, a reset connection. The details, with
// the server's socket addresses, are nobody's business but the server's.
var errMalformedBody = spravka.Errorf(spravka.ErrBadQuery, "malformed request body")

// stallGuard is a request body whose every read must make progress within
// bodyStall; the middleware puts it on every request.
type stallGuard struct {
	io.ReadCloser
	rc *http.ResponseController
}

func (g stallGuard) Read(p []byte) (int, error) {
	// Not supported by test recorders, whose bodies never stall.
	_ = g.rc.SetReadDeadline(time.Now().Add(bodyStall))
	n, err := g.ReadCloser.Read(p)
	if err == io.EOF {
		// The body is in; the idle connection is the server's to watch
		// again, and a deadline left behind would cut a long handler off.
		_ = g.rc.SetReadDeadline(time.Time{})
	}
	return n, err
}

// readBody reads the whole body, at most limit bytes, before anything
// parses it, so that a parser's error is about the content and a
// transport's error says only errMalformedBody. The body is put back in
// memory for the handler's parser (r.ParseForm, readJSONBody).
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, spravka.Errorf(spravka.ErrTooLarge, "the body is larger than %d bytes", limit)
	case err != nil:
		return nil, errMalformedBody
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	return raw, nil
}
