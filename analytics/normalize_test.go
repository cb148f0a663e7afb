package analytics_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spravka/spravka/analytics"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  Reset   PASSWORD?! ", "reset password"},
		{"Ёлка «счёт»", "елка счет"},
		{"write to ivan.petrov@mail.example.com please", "write to <email> please"},
		{"order 123-456-789 missing", "order <number> missing"},
		{"+380 (44) 123 45 67", "<number>"},
		{"error 2024 on login", "error 2024 on login"}, // short numbers are not personal
		{"c++ and c#", "c++ and c#"},
		{"bell\x1b[31mred\x07", "bell 31mred"},
		{strings.Repeat("я", 300), strings.Repeat("я", analytics.MaxQueryRunes)},
	} {
		if got := analytics.Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestVisitorHash(t *testing.T) {
	day := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	salt := []byte("0123456789abcdef")
	h := analytics.VisitorHash(salt, day, "203.0.113.7", "Firefox")
	for _, tc := range []struct {
		name  string
		other string
		same  bool
	}{
		{"same day later", analytics.VisitorHash(salt, day.Add(13*time.Hour), "203.0.113.7", "Firefox"), true},
		{"next day", analytics.VisitorHash(salt, day.Add(24*time.Hour), "203.0.113.7", "Firefox"), false},
		{"other ip", analytics.VisitorHash(salt, day, "203.0.113.8", "Firefox"), false},
		{"other agent", analytics.VisitorHash(salt, day, "203.0.113.7", "Chrome"), false},
		{"other salt", analytics.VisitorHash([]byte("fedcba9876543210"), day, "203.0.113.7", "Firefox"), false},
	} {
		if (tc.other == h) != tc.same {
			t.Errorf("%s: equal = %v, want %v", tc.name, tc.other == h, tc.same)
		}
	}
	if strings.Contains(h, "203") || len(h) != 32 {
		t.Errorf("hash %q must be 32 hex digits revealing nothing", h)
	}
}

func TestClientIP(t *testing.T) {
	for _, tc := range []struct{ remote, xff, want string }{
		{"203.0.113.7:5000", "", "203.0.113.7"},
		{"203.0.113.7:5000", "198.51.100.1", "203.0.113.7"}, // a public peer cannot claim another address
		{"127.0.0.1:5000", "198.51.100.1, 10.0.0.1", "198.51.100.1"},
		{"10.1.2.3:80", "not-an-ip", "10.1.2.3"},
		{"[::1]:80", "2001:db8::1", "2001:db8::1"},
	} {
		if got := analytics.ClientIP(tc.remote, tc.xff); got != tc.want {
			t.Errorf("ClientIP(%q, %q) = %q, want %q", tc.remote, tc.xff, got, tc.want)
		}
	}
}

func TestLoadSaltIsKeptInDataDir(t *testing.T) {
	dir := t.TempDir()
	first, err := analytics.LoadSalt("", dir)
	if err != nil {
		t.Fatal(err)
	}
	second, err := analytics.LoadSalt("", dir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) || len(first) != 32 {
		t.Errorf("salt changed between loads or is short: %x / %x", first, second)
	}
	if st, err := os.Stat(filepath.Join(dir, analytics.SaltFile)); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("salt file: %v, mode %v; want 0600", err, st.Mode())
	}
	if got, err := analytics.LoadSalt("configured-salt-value", dir); err != nil || string(got) != "configured-salt-value" {
		t.Errorf("configured salt: %q, %v", got, err)
	}
	if _, err := analytics.LoadSalt("short", dir); err == nil {
		t.Error("a short configured salt must be refused")
	}
}

func TestMigrationsRunOnce(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, "", dir)
	write(t, s, search(now, "en", "kept", 1))
	s.Close()
	again := openStore(t, "", dir) // a second start must not re-create tables
	r := report(t, again, analytics.Filter{Since: now.Add(-time.Hour), Until: now.Add(time.Hour)})
	if r.Summary.Searches != 1 {
		t.Errorf("after reopening: %d searches, want 1", r.Summary.Searches)
	}
	if _, err := analytics.OpenStore(context.Background(), "mysql://x", dir); err == nil {
		t.Error("an unknown DSN scheme must be refused")
	}
}

func TestCSVKeepsFormulasInert(t *testing.T) {
	r := &analytics.Report{TopQueries: []analytics.QueryStat{{Query: "=HYPERLINK(\"http://evil\")", Lang: "en", Searches: 1}}}
	var buf bytes.Buffer
	if err := analytics.Write(&buf, r, "csv"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `'=HYPERLINK`) {
		t.Errorf("formula not neutralised:\n%s", buf.String())
	}
	if err := analytics.Write(&buf, r, "xml"); err == nil {
		t.Error("unknown format must fail")
	}
}
