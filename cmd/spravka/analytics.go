package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spravka/spravka/analytics"
)

// analyticsEnv applies the SPRAVKA_ANALYTICS_* variables, which sit
// between the config file and the flags like every other setting.
func (c *config) analyticsEnv() error {
	if v, ok := os.LookupEnv("SPRAVKA_ANALYTICS_DSN"); ok {
		c.AnalyticsDSN = v
	}
	if v, ok := os.LookupEnv("SPRAVKA_ANALYTICS_SALT"); ok {
		c.AnalyticsSalt = v
	}
	if v, ok := os.LookupEnv("SPRAVKA_ANALYTICS_RETENTION_DAYS"); ok {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("config: SPRAVKA_ANALYTICS_RETENTION_DAYS=%q is not a number of days", v)
		}
		c.AnalyticsRetentionDays = n
	}
	if c.AnalyticsRetentionDays < 0 {
		return fmt.Errorf("config: analytics_retention_days must not be negative")
	}
	return nil
}

// openAnalytics opens the analytics store the config names and the salt of
// visitor hashes.
func openAnalytics(ctx context.Context, cfg config, log *slog.Logger) (*analytics.Analytics, []byte, error) {
	salt, err := analytics.LoadSalt(cfg.AnalyticsSalt, cfg.Data)
	if err != nil {
		return nil, nil, err
	}
	an, err := analytics.Open(ctx, analytics.Config{DSN: cfg.AnalyticsDSN, DataDir: cfg.Data,
		RetentionDays: cfg.AnalyticsRetentionDays, Logger: log})
	if err != nil {
		return nil, nil, err
	}
	where := filepath.Join(cfg.Data, analytics.SQLiteFile)
	if cfg.AnalyticsDSN != "" {
		where = "PostgreSQL"
	}
	days := cfg.AnalyticsRetentionDays
	if days == 0 {
		days = analytics.DefaultRetentionDays
	}
	log.Info("analytics on", "store", where, "retention_days", days)
	return an, salt, nil
}

// closeAnalytics writes the events still queued; a stuck store gets ten
// seconds, then shutdown goes on without it.
func closeAnalytics(an *analytics.Analytics, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := an.Close(ctx); err != nil {
		log.Warn("analytics close", "err", err)
	}
	if st := an.Stats(); st.Dropped > 0 {
		log.Warn("analytics events dropped while running", "dropped", st.Dropped, "written", st.Written)
	}
}

// indexBytes measures the data dir without the analytics files, for the
// spravka_index_size_bytes metric.
func indexBytes(dataDir string) func() int64 {
	return func() int64 {
		var n int64
		_ = filepath.WalkDir(dataDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), "analytics.") {
				return nil
			}
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
			return nil
		})
		return n
	}
}
