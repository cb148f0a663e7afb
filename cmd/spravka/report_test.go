package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spravka/spravka/analytics"
)

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	store, err := analytics.OpenStore(context.Background(), "", dir)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	err = store.Write(context.Background(), []analytics.Event{
		analytics.Search{Time: now.Add(-time.Hour), Source: analytics.SourceSite, Lang: "uk", Query: "Повернення коштів",
			Total: 1, Fallback: true, TopArticle: "billing/refunds", TopLang: "ru"},
		analytics.Search{Time: now.Add(-2 * time.Hour), Source: analytics.SourceSite, Lang: "en", Query: "teleport", Total: 0},
		analytics.Search{Time: now.AddDate(0, 0, -40), Source: analytics.SourceSite, Lang: "en", Query: "ancient", Total: 0},
	})
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	report := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(context.Background(), append([]string{"report", "--data", dir}, args...), &out, io.Discard)
		return out.String(), err
	}
	for _, tc := range []struct {
		args    []string
		want    []string
		notWant string
	}{
		{[]string{"--format", "csv"}, []string{"content_gaps,uk,billing/refunds,ru,1", "zero_results,en,teleport"}, "ancient"},
		{[]string{"--since", "60d"}, []string{"ancient", "ru → uk  billing/refunds"}, ""},
		{[]string{"--lang", "uk"}, []string{"повернення коштів", ", uk\n"}, "teleport"},
		{[]string{"--format", "json", "--limit", "1"}, []string{`"content_gaps": [`, `"article_lang": "ru"`}, ""},
	} {
		out, err := report(tc.args...)
		if err != nil {
			t.Fatalf("report %v: %v", tc.args, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("report %v lacks %q:\n%s", tc.args, w, out)
			}
		}
		if tc.notWant != "" && strings.Contains(out, tc.notWant) {
			t.Errorf("report %v shows %q from outside the period", tc.args, tc.notWant)
		}
	}
	for _, bad := range [][]string{{"--since", "forever"}, {"--format", "xml"}, {"--lang", "xx"}, {"--limit", "0"},
		{"--analytics-dsn", "mysql://x"}} {
		if _, err := report(bad...); err == nil {
			t.Errorf("report %v succeeded", bad)
		}
	}
}

func TestAnalyticsSettingsPrecedence(t *testing.T) {
	file := filepath.Join(t.TempDir(), "spravka.yaml")
	if err := os.WriteFile(file, []byte("analytics_dsn: postgres://file/db\nanalytics_retention_days: 30\nanalytics_salt: from-the-config-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	resolve := func(args ...string) (config, error) {
		fs := newFlagSet("serve", "serve", io.Discard)
		s := newSettings(fs, "data", "analytics")
		if err := fs.Parse(append([]string{"--config", file}, args...)); err != nil {
			t.Fatal(err)
		}
		return s.resolve()
	}
	c, err := resolve()
	if err != nil || c.AnalyticsDSN != "postgres://file/db" || c.AnalyticsRetentionDays != 30 || c.AnalyticsSalt != "from-the-config-file" {
		t.Errorf("file: %+v %v", c, err)
	}
	t.Setenv("SPRAVKA_ANALYTICS_DSN", "postgres://env/db")
	t.Setenv("SPRAVKA_ANALYTICS_RETENTION_DAYS", "90")
	if c, err = resolve(); err != nil || c.AnalyticsDSN != "postgres://env/db" || c.AnalyticsRetentionDays != 90 {
		t.Errorf("env over file: %+v %v", c, err)
	}
	if c, err = resolve("--analytics-dsn", "postgres://flag/db"); err != nil || c.AnalyticsDSN != "postgres://flag/db" {
		t.Errorf("flag over env: %+v %v", c, err)
	}
	t.Setenv("SPRAVKA_ANALYTICS_RETENTION_DAYS", "half a year")
	if _, err = resolve(); err == nil {
		t.Error("a non-numeric retention was accepted")
	}
	t.Setenv("SPRAVKA_ANALYTICS_RETENTION_DAYS", "-1")
	if _, err = resolve(); err == nil {
		t.Error("a negative retention was accepted")
	}
}
