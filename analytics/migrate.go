package analytics

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

// migrations holds the schema of each dialect as numbered SQL files
// (001_init.sql, 002_….sql); they are applied in order, once each.
//
//go:embed migrations
var migrations embed.FS

// migrate applies the migrations the database has not seen, each in its own
// transaction together with its row in schema_migrations.
func (s *sqlStore) migrate(ctx context.Context) error {
	dir := "migrations/" + s.dialect.name
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return fmt.Errorf("analytics: %w", err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sql") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		version, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("analytics: migration %s: name must start with a number", name)
		}
		body, err := fs.ReadFile(migrations, dir+"/"+name)
		if err != nil {
			return fmt.Errorf("analytics: %w", err)
		}
		if err := s.applyMigration(ctx, version, name, string(body)); err != nil {
			return err
		}
	}
	return nil
}

func (s *sqlStore) applyMigration(ctx context.Context, version int, name, body string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("analytics: migration %s: %w", name, err)
	}
	defer tx.Rollback()
	if s.dialect.lock != "" {
		// Replicas starting at once wait here; the loser then sees the
		// version applied and skips it.
		if _, err := tx.ExecContext(ctx, s.dialect.lock); err != nil {
			return fmt.Errorf("analytics: migration lock: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("analytics: migrations table: %w", err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM schema_migrations WHERE version = ?"), version).Scan(&n); err != nil {
		return fmt.Errorf("analytics: migration %s: %w", name, err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return fmt.Errorf("analytics: migration %s: %w", name, err)
	}
	if _, err := tx.ExecContext(ctx, s.q("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
		version, name, time.Now().UnixMilli()); err != nil {
		return fmt.Errorf("analytics: migration %s: %w", name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("analytics: migration %s: %w", name, err)
	}
	return nil
}
