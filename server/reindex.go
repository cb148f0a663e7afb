package server

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/spravka/spravka"
)

// Reindexer rebuilds the index from the content folder without downtime.
type Reindexer interface {
	Reindex(ctx context.Context) error
}

// reindexJob tracks the one reindex that may run at a time.
type reindexJob struct {
	mu       sync.Mutex
	running  bool
	started  time.Time
	finished time.Time
	err      string
}

// reindexStatusJSON is the body of both reindex endpoints.
type reindexStatusJSON struct {
	Status   string     `json:"status"` // idle, running, done or failed
	Started  *time.Time `json:"started,omitempty"`
	Finished *time.Time `json:"finished,omitempty"`
	Error    string     `json:"error,omitempty"`
}

func (j *reindexJob) status() reindexStatusJSON {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := reindexStatusJSON{Status: "idle", Error: j.err}
	if !j.started.IsZero() {
		started := j.started
		out.Started = &started
		switch {
		case j.running:
			out.Status = "running"
		case j.err != "":
			out.Status = "failed"
		default:
			out.Status = "done"
		}
	}
	if !j.finished.IsZero() {
		finished := j.finished
		out.Finished = &finished
	}
	return out
}

// handleReindex starts a full reindex (POST) and answers 202 at once: on a
// large help center it takes minutes, during which search keeps answering
// from the old index. A second POST while one runs gets 202 with the
// running job's status. GET returns the status.
func (s *Server) handleReindex(w http.ResponseWriter, r *http.Request) error {
	if !isAdmin(r) {
		return spravka.Errorf(spravka.ErrUnauthorized, "this endpoint needs the admin token: Authorization: Bearer <token>")
	}
	if s.cfg.Reindexer == nil {
		return spravka.Errorf(spravka.ErrNotFound, "reindexing is not available for embedded content")
	}
	j := &s.reindex
	if r.Method == http.MethodGet {
		writeJSON(w, http.StatusOK, j.status())
		return nil
	}
	j.mu.Lock()
	if !j.running {
		j.running, j.started, j.finished, j.err = true, time.Now().UTC(), time.Time{}, ""
		go s.runReindex()
	}
	j.mu.Unlock()
	writeJSON(w, http.StatusAccepted, j.status())
	return nil
}

func (s *Server) runReindex() {
	err := s.cfg.Reindexer.Reindex(context.Background())
	j := &s.reindex
	j.mu.Lock()
	defer j.mu.Unlock()
	j.running, j.finished = false, time.Now().UTC()
	if err != nil {
		j.err = err.Error()
		s.log.Error("reindex failed", "err", err)
	}
}
