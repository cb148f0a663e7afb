package server

import (
	"fmt"
	"net/http"
	"time"
)

// sseHeartbeat keeps idle connections open through proxies that close
// silent ones.
const sseHeartbeat = 20 * time.Second

// handlePreviewEvents is a Server-Sent Events stream: one "change" event
// after every content change the server applied, which makes preview.js
// reload the page. It ignores the server's write timeout, which would
// otherwise cut the stream after a minute.
func (s *Server) handlePreviewEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no") // nginx: do not buffer the stream
	changes, stop := s.cfg.Preview.Subscribe()
	defer stop()
	w.WriteHeader(http.StatusOK)
	// The retry hint makes the browser reconnect quickly after a restart
	// of `spravka serve --preview`.
	fmt.Fprint(w, "retry: 1000\n: connected\n\n")
	if err := rc.Flush(); err != nil {
		s.log.Warn("preview events: streaming not supported", "err", err)
		return
	}
	heartbeat := time.NewTicker(sseHeartbeat)
	defer heartbeat.Stop()
	for n := 1; ; {
		select {
		case <-r.Context().Done():
			return
		case _, ok := <-changes:
			if !ok {
				return
			}
			fmt.Fprintf(w, "id: %d\nevent: change\ndata: {}\n\n", n)
			n++
		case <-heartbeat.C:
			fmt.Fprint(w, ": ping\n\n")
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}
