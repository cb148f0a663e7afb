package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
)

// runReport prints what customers searched for and did not find, the
// content gaps per language, the least helpful articles and how agents
// judged suggestions, from the analytics store the server writes.
func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("report", "report [--since 30d] [--lang uk] [--format text|csv|json] [--limit 20] [--data DIR] [--analytics-dsn URL]", stderr)
	s := newSettings(fs, "data", "analytics")
	since := fs.String("since", "30d", "start of the period: a span (30d, 2w, 12h) or a date (2025-03-01)")
	lang := fs.String("lang", "", "only this language: "+strings.Join(spravka.Languages, ", "))
	format := fs.String("format", "text", "output: "+strings.Join(analytics.Formats, ", "))
	limit := fs.Int("limit", analytics.DefaultLimit, "rows per list")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("report: unexpected argument %q", fs.Arg(0))
	}
	cfg, err := s.resolve()
	if err != nil {
		return err
	}
	now := time.Now()
	start, err := analytics.ParseSince(*since, now)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if *lang != "" && !spravka.IsLanguage(*lang) {
		return fmt.Errorf("report: --lang %q is not one of %s", *lang, strings.Join(spravka.Languages, ", "))
	}
	if !slices.Contains(analytics.Formats, *format) {
		return fmt.Errorf("report: --format %q is not one of %s", *format, strings.Join(analytics.Formats, ", "))
	}
	if *limit < 1 || *limit > 10000 {
		return fmt.Errorf("report: --limit must be between 1 and 10000")
	}
	store, err := analytics.OpenStore(ctx, cfg.AnalyticsDSN, cfg.Data)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := store.Report(ctx, analytics.Filter{Since: start, Until: now, Lang: *lang, Limit: *limit})
	if err != nil {
		return err
	}
	return analytics.Write(stdout, rep, *format)
}
