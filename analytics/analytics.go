package analytics

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// Config configures Open.
type Config struct {
	DSN           string // postgres://… for PostgreSQL; empty = SQLite in DataDir
	DataDir       string
	RetentionDays int // events older than this are purged daily; default 180
	Recorder      RecorderConfig
	Logger        *slog.Logger
}

// DefaultRetentionDays is how long events are kept unless configured.
const DefaultRetentionDays = 180

// Analytics is the running analytics of a server: a store, the recorder
// that feeds it and the daily retention purge.
type Analytics struct {
	Store
	*AsyncRecorder
	retention time.Duration
	log       *slog.Logger
	stop      context.CancelFunc
	wg        sync.WaitGroup
}

// Open opens the store, applies migrations, starts the recorder and runs
// the retention purge now and then daily.
func Open(ctx context.Context, cfg Config) (*Analytics, error) {
	if cfg.RetentionDays < 0 {
		return nil, errors.New("analytics: retention days must not be negative")
	}
	if cfg.RetentionDays == 0 {
		cfg.RetentionDays = DefaultRetentionDays
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Recorder.Logger == nil {
		cfg.Recorder.Logger = cfg.Logger
	}
	store, err := OpenStore(ctx, cfg.DSN, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	a := &Analytics{Store: store, AsyncRecorder: NewRecorder(store, cfg.Recorder),
		retention: time.Duration(cfg.RetentionDays) * 24 * time.Hour, log: cfg.Logger}
	loopCtx, stop := context.WithCancel(context.Background())
	a.stop = stop
	a.wg.Add(1)
	go a.purgeDaily(loopCtx)
	return a, nil
}

// purgeDaily deletes expired events at start and every 24 hours after.
func (a *Analytics) purgeDaily(ctx context.Context) {
	defer a.wg.Done()
	t := time.NewTicker(24 * time.Hour)
	defer t.Stop()
	for {
		if _, err := a.PurgeExpired(ctx, time.Now()); err != nil && ctx.Err() == nil {
			a.log.Warn("analytics retention purge failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// PurgeExpired deletes the events older than the retention period at now.
func (a *Analytics) PurgeExpired(ctx context.Context, now time.Time) (int64, error) {
	n, err := a.Purge(ctx, now.Add(-a.retention))
	if err != nil {
		return n, err
	}
	if n > 0 {
		a.log.Info("analytics retention purge", "deleted", n, "retention_days", int(a.retention.Hours()/24))
	}
	return n, nil
}

// Close flushes queued events, stops the purge loop and closes the store.
func (a *Analytics) Close(ctx context.Context) error {
	a.stop()
	a.wg.Wait()
	errRec := a.AsyncRecorder.Close(ctx)
	errStore := a.Store.Close()
	if errRec != nil {
		return fmt.Errorf("analytics: flush: %w", errRec)
	}
	return errStore
}
