package server

import (
	"crypto/sha256"
	"testing"
	"time"
)

func TestAdminSessions(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	admin, other := sha256.Sum256([]byte("admin")), sha256.Sum256([]byte("new admin"))
	s := newAdminSessions()
	id := s.open(admin, now)
	tests := []struct {
		name  string
		id    string
		admin [sha256.Size]byte
		at    time.Time
		want  bool
	}{
		{"fresh", id, admin, now, true},
		{"an hour before expiry", id, admin, now.Add(adminSessionTTL - time.Hour), true},
		{"the admin token changed", id, other, now, false},
		{"empty id", "", admin, now, false},
		{"unknown id", id + "x", admin, now, false},
		{"expired", id, admin, now.Add(adminSessionTTL), false},
		{"expired sessions do not come back", id, admin, now, false},
	}
	for _, tt := range tests {
		if got := s.valid(tt.id, tt.admin, tt.at); got != tt.want {
			t.Errorf("%s: valid = %v, want %v", tt.name, got, tt.want)
		}
	}
	closed := s.open(admin, now)
	s.close(closed)
	if s.valid(closed, admin, now) {
		t.Error("a closed session is still valid")
	}

	// A full store makes room by dropping the session closest to expiry.
	first := s.open(admin, now)
	for i := range maxAdminSessions + 10 {
		s.open(admin, now.Add(time.Duration(i+1)*time.Second))
	}
	if n := len(s.byID); n > maxAdminSessions {
		t.Errorf("%d sessions kept, limit %d", n, maxAdminSessions)
	}
	if s.valid(first, admin, now) {
		t.Error("the oldest session survived a full store")
	}
	last := s.open(admin, now.Add(time.Hour))
	if !s.valid(last, admin, now.Add(time.Hour)) {
		t.Error("the newest session was dropped")
	}
}
