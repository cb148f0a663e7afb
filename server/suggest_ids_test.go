package server

import (
	"testing"
	"time"
)

func TestRequestIDs(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	ids := newRequestIDs([]byte("salt-0123456789abcdef"))
	id := ids.issue("l1-team", now)
	tests := []struct {
		name  string
		ids   requestIDs
		id    string
		agent string
		at    time.Time
		want  bool
	}{
		{"just issued", ids, id, "l1-team", now, true},
		{"six days later", ids, id, "l1-team", now.Add(6 * 24 * time.Hour), true},
		{"a replica with the same salt", newRequestIDs([]byte("salt-0123456789abcdef")), id, "l1-team", now, true},
		{"replica clock a little behind", ids, id, "l1-team", now.Add(-30 * time.Second), true},
		{"eight days later", ids, id, "l1-team", now.Add(8 * 24 * time.Hour), false},
		{"issued in the future", ids, id, "l1-team", now.Add(-time.Hour), false},
		{"another agent", ids, id, "l2-team", now, false},
		{"another salt", newRequestIDs([]byte("another-salt-0123456789")), id, "l1-team", now, false},
		{"no salt: a random key", newRequestIDs(nil), id, "l1-team", now, false},
		{"not base64", ids, "<b>", "l1-team", now, false},
		{"too short", ids, id[:len(id)-2], "l1-team", now, false},
		{"random text", ids, "abc", "l1-team", now, false},
	}
	for _, tt := range tests {
		if got := tt.ids.known(tt.id, tt.agent, tt.at); got != tt.want {
			t.Errorf("%s: known = %v, want %v", tt.name, got, tt.want)
		}
	}
	if again := ids.issue("l1-team", now); again == id || len(again) != len(id) || !requestIDPattern.MatchString(id) {
		t.Errorf("ids %q and %q: want distinct ids of one length the feedback API accepts", id, again)
	}
}
