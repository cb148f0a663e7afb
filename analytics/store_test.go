package analytics_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spravka/spravka/analytics"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The same suite runs against SQLite and a real PostgreSQL server; its
// subtests (storeSuite) hold the assertions: a golden report, vote
// de-duplication, retention and concurrent recording.
func TestSQLiteStore(t *testing.T) {
	storeSuite(t, func(t *testing.T) analytics.Store { return openStore(t, "", t.TempDir()) })
}

func TestPostgresStore(t *testing.T) {
	pg := postgres(t)
	storeSuite(t, func(t *testing.T) analytics.Store { return openStore(t, pg.newDatabase(t), "") })
}

func openStore(t *testing.T, dsn, dir string) analytics.Store {
	t.Helper()
	s, err := analytics.OpenStore(context.Background(), dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func storeSuite(t *testing.T, open func(*testing.T) analytics.Store) {
	t.Run("report golden", func(t *testing.T) { testReportGolden(t, open(t)) })
	t.Run("vote de-duplication", func(t *testing.T) { testVoteDedup(t, open(t)) })
	t.Run("retention purge", func(t *testing.T) { testPurge(t, open(t)) })
	t.Run("10k events from 32 goroutines", func(t *testing.T) { testConcurrentRecording(t, open(t)) })
}

func write(t *testing.T, s analytics.Store, events ...analytics.Event) {
	t.Helper()
	if err := s.Write(context.Background(), events); err != nil {
		t.Fatal(err)
	}
}

func report(t *testing.T, s analytics.Store, f analytics.Filter) *analytics.Report {
	t.Helper()
	r, err := s.Report(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func testReportGolden(t *testing.T, s analytics.Store) {
	write(t, s, seed()...)
	window := analytics.Filter{Since: now.AddDate(0, 0, -30), Until: now}
	uk := window
	uk.Lang = "uk"
	for _, tc := range []struct {
		golden, format string
		filter         analytics.Filter
	}{
		{"report.txt", "text", window},
		{"report.csv", "csv", window},
		{"report.json", "json", window},
		{"report_uk.txt", "text", uk},
	} {
		var buf bytes.Buffer
		if err := analytics.Write(&buf, report(t, s, tc.filter), tc.format); err != nil {
			t.Fatal(err)
		}
		golden(t, tc.golden, buf.Bytes())
	}
}

// golden compares got with testdata/name; -update rewrites the file.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func testVoteDedup(t *testing.T, s analytics.Store) {
	day := now.Truncate(24 * time.Hour)
	vote := func(at time.Time, visitor string, helpful bool, comment string) analytics.Vote {
		return analytics.Vote{Time: at, ArticleID: "billing/refunds", Lang: "ru", Visitor: visitor, Helpful: helpful, Comment: comment}
	}
	write(t, s,
		vote(day.Add(1*time.Hour), "a", true, ""),
		vote(day.Add(2*time.Hour), "a", false, "устарело"), // same visitor, same day: replaces the first
		vote(day.Add(3*time.Hour), "a", false, ""),         // and an empty comment keeps the earlier one
		vote(day.Add(25*time.Hour), "a", true, ""),         // next day: a new vote
		vote(day.Add(4*time.Hour), "b", true, ""),          // another visitor
	)
	r := report(t, s, analytics.Filter{Since: day, Until: day.Add(48 * time.Hour)})
	if r.Summary.Votes != 3 || r.Summary.Helpful != 2 {
		t.Errorf("votes = %d, helpful = %d; want 3 votes, 2 helpful", r.Summary.Votes, r.Summary.Helpful)
	}
	if len(r.WorstHelpful) != 1 || r.WorstHelpful[0].No != 1 || len(r.WorstHelpful[0].Comments) != 1 ||
		r.WorstHelpful[0].Comments[0].Text != "устарело" {
		t.Errorf("worst helpful = %+v; want one No with the comment kept", r.WorstHelpful)
	}
}

func testPurge(t *testing.T, s analytics.Store) {
	old, recent := now.AddDate(0, 0, -200), now.AddDate(0, 0, -10)
	write(t, s,
		search(old, "en", "old", 1), search(recent, "en", "recent", 1),
		analytics.Click{Time: old, Lang: "en", Query: "old", Target: "/en/a/b", Rank: 1},
		analytics.Vote{Time: old, ArticleID: "a/b", Lang: "en", Visitor: "x", Helpful: true},
		analytics.Suggest{Time: old, RequestID: "old", Agent: "a", Lang: "en", ArticleIDs: []string{"a/b", "c/d"}},
		analytics.SuggestFeedback{Time: old, RequestID: "old", ArticleID: "a/b", Agent: "a", Useful: true},
		analytics.Vote{Time: recent, ArticleID: "a/b", Lang: "en", Visitor: "x", Helpful: true},
	)
	n, err := s.Purge(context.Background(), now.AddDate(0, 0, -180))
	if err != nil {
		t.Fatal(err)
	}
	if n != 7 { // search, click, vote, suggest request, two suggest hits, feedback
		t.Errorf("purged %d rows, want 7", n)
	}
	r := report(t, s, analytics.Filter{Until: now})
	if r.Summary.Searches != 1 || r.Summary.Votes != 1 || r.Summary.Clicks != 0 || r.Summary.SuggestCalls != 0 ||
		r.Summary.SuggestFeedback != 0 || len(r.Suggest) != 0 {
		t.Errorf("after purge: %+v, suggest %v; want only the recent search and vote", r.Summary, r.Suggest)
	}
}
