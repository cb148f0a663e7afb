package server

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"sync"
	"time"
)

// adminSessions are the browsers logged in to /admin. The cookie holds a
// random session id, never the token: a cookie that leaks (a shared
// machine, a proxy log) is useless after logout or expiry, and the token
// itself never rests in a browser. Sessions are kept by the SHA-256 of the
// id, so map lookups reveal nothing through timing, and each remembers the
// admin token it was opened with: a new token ends them all.
type adminSessions struct {
	mu   sync.Mutex
	byID map[[sha256.Size]byte]adminSession
}

type adminSession struct {
	expires time.Time
	admin   [sha256.Size]byte // hash of the admin token at login
}

const (
	// adminSessionTTL is how long a login lasts, whatever happens in between.
	adminSessionTTL = 8 * time.Hour
	// maxAdminSessions bounds the store; only the admin can add to it, but
	// a script logging in in a loop must not grow it without end.
	maxAdminSessions = 1000
)

func newAdminSessions() *adminSessions {
	return &adminSessions{byID: map[[sha256.Size]byte]adminSession{}}
}

// open starts a session for the holder of the admin token whose hash is
// admin and returns its id.
func (s *adminSessions) open(admin [sha256.Size]byte, now time.Time) string {
	var b [32]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	id := base64.RawURLEncoding.EncodeToString(b[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.byID) >= maxAdminSessions {
		s.prune(now)
	}
	s.byID[sha256.Sum256([]byte(id))] = adminSession{expires: now.Add(adminSessionTTL), admin: admin}
	return id
}

// prune drops expired sessions and, if the store is still full, the one
// that would expire first.
func (s *adminSessions) prune(now time.Time) {
	var oldest [sha256.Size]byte
	var first time.Time
	for k, v := range s.byID {
		if !now.Before(v.expires) {
			delete(s.byID, k)
			continue
		}
		if first.IsZero() || v.expires.Before(first) {
			oldest, first = k, v.expires
		}
	}
	if len(s.byID) >= maxAdminSessions {
		delete(s.byID, oldest)
	}
}

// valid reports whether id is a live session opened with the admin token
// whose hash is admin.
func (s *adminSessions) valid(id string, admin [sha256.Size]byte, now time.Time) bool {
	if id == "" {
		return false
	}
	key := sha256.Sum256([]byte(id))
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.byID[key]
	if ok && !now.Before(v.expires) {
		delete(s.byID, key)
		ok = false
	}
	return ok && v.admin == admin
}

// close ends the session id, if there is one.
func (s *adminSessions) close(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.byID, sha256.Sum256([]byte(id)))
}
