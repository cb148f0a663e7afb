package analytics

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // registers the "sqlite" database/sql driver
)

// Store keeps events and answers reports. Both implementations (SQLite and
// PostgreSQL) run the same SQL and pass the same tests.
type Store interface {
	// Write stores a batch of events in one transaction.
	Write(ctx context.Context, events []Event) error
	// Report summarises the events of a period.
	Report(ctx context.Context, f Filter) (*Report, error)
	// Purge deletes the events older than before and returns how many.
	Purge(ctx context.Context, before time.Time) (int64, error)
	// Close releases the database.
	Close() error
}

// SQLiteFile is the name of the embedded database in the data dir.
const SQLiteFile = "analytics.db"

// OpenStore opens the store a DSN names and applies the embedded schema
// migrations: a postgres:// or postgresql:// URL selects PostgreSQL; an empty
// DSN selects the SQLite file analytics.db in dataDir.
func OpenStore(ctx context.Context, dsn, dataDir string) (Store, error) {
	var (
		s   *sqlStore
		err error
	)
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		s, err = openPostgres(dsn)
	case dsn == "":
		if dataDir == "" {
			return nil, errors.New("analytics: no DSN and no data dir for the SQLite file")
		}
		s, err = openSQLite(filepath.Join(dataDir, SQLiteFile))
	default:
		return nil, fmt.Errorf("analytics: DSN must be empty (SQLite in the data dir) or a postgres:// URL")
	}
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

// sqlStore is a Store over database/sql; the dialect holds what differs.
type sqlStore struct {
	db      *sql.DB
	dialect dialect
}

type dialect struct {
	name string // "sqlite" or "postgres": also the migrations folder
	// positional turns ? placeholders into $1, $2… (PostgreSQL).
	positional bool
	// lock serialises migrations of replicas starting together; "" = none needed.
	lock string
}

func openSQLite(path string) (*sqlStore, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("analytics: %w", err)
	}
	// WAL lets `spravka report` read while the server writes; the busy
	// timeout covers the moments two writers meet.
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("analytics: open %s: %w", path, err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("analytics: open %s: %w", path, err)
	}
	return &sqlStore{db: db, dialect: dialect{name: "sqlite"}}, nil
}

func openPostgres(dsn string) (*sqlStore, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("analytics: open PostgreSQL: %w", err)
	}
	db.SetMaxOpenConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("analytics: connect to PostgreSQL: %w", err)
	}
	return &sqlStore{db: db, dialect: dialect{name: "postgres", positional: true,
		lock: "SELECT pg_advisory_xact_lock(7283541)"}}, nil
}

// q adapts a query written with ? placeholders to the dialect.
func (s *sqlStore) q(query string) string {
	if !s.dialect.positional {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (s *sqlStore) Close() error { return s.db.Close() }

// Purge deletes events older than before from every table.
func (s *sqlStore) Purge(ctx context.Context, before time.Time) (int64, error) {
	var total int64
	for _, table := range []string{"searches", "clicks", "votes", "suggest_requests", "suggest_hits", "suggest_feedback"} {
		res, err := s.db.ExecContext(ctx, s.q("DELETE FROM "+table+" WHERE ts < ?"), before.UnixMilli())
		if err != nil {
			return total, fmt.Errorf("analytics: purge %s: %w", table, err)
		}
		n, _ := res.RowsAffected()
		total += n
	}
	return total, nil
}
