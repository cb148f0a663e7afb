package analytics_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spravka/spravka/analytics"
)

func TestParseSince(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"30d", now.AddDate(0, 0, -30), true},
		{"2w", now.AddDate(0, 0, -14), true},
		{"12h", now.Add(-12 * time.Hour), true},
		{"2025-03-01", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), true},
		{"0d", time.Time{}, false},
		{"-5d", time.Time{}, false},
		{"30", time.Time{}, false},
		{"forever", time.Time{}, false},
		{"", time.Time{}, false},
	} {
		got, err := analytics.ParseSince(tc.in, now)
		if (err == nil) != tc.ok || !got.Equal(tc.want) {
			t.Errorf("ParseSince(%q) = %v, %v; want %v, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// The SQLite store runs in WAL mode, so that reports read while the
// server writes: the -wal file exists while the store is open.
func TestSQLiteIsInWALMode(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, "", dir)
	write(t, s, search(now, "en", "q", 1))
	if _, err := os.Stat(filepath.Join(dir, analytics.SQLiteFile+"-wal")); err != nil {
		t.Errorf("no write-ahead log next to the database: %v", err)
	}
}
