package analytics

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// RecorderConfig tunes the asynchronous writer; zero values pick defaults.
type RecorderConfig struct {
	Buffer        int           // events waiting for the writer; default 16384
	Batch         int           // events per transaction; default 256
	FlushInterval time.Duration // longest an event waits for its batch; default 1s
	WriteTimeout  time.Duration // a batch that takes longer is dropped; default 10s
	Logger        *slog.Logger
}

// AsyncRecorder hands events to a Store from one background goroutine.
// Record never waits on the store: when the buffer is full, or the store
// fails, events are dropped and counted instead.
type AsyncRecorder struct {
	cfg   RecorderConfig
	store Store
	log   *slog.Logger

	mu     sync.RWMutex // guards closed against Record sending on a closed channel
	closed bool
	ch     chan Event
	done   chan struct{}

	accepted, written, dropped atomic.Int64
	lastErrLog                 atomic.Int64 // unix seconds of the last logged write error
}

// Stats counts what happened to recorded events.
type Stats struct {
	Accepted int64 // taken into the buffer
	Written  int64 // stored
	Dropped  int64 // lost: buffer full, store failing, or recorder closed
}

// NewRecorder starts the writer goroutine; Close stops it.
func NewRecorder(store Store, cfg RecorderConfig) *AsyncRecorder {
	if cfg.Buffer <= 0 {
		cfg.Buffer = 16384
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 256
	}
	if cfg.FlushInterval <= 0 {
		cfg.FlushInterval = time.Second
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = 10 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	r := &AsyncRecorder{cfg: cfg, store: store, log: cfg.Logger, ch: make(chan Event, cfg.Buffer), done: make(chan struct{})}
	go r.run()
	return r
}

// Record queues e for writing, or drops it when the buffer is full.
func (r *AsyncRecorder) Record(e Event) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.closed {
		r.dropped.Add(1)
		return
	}
	select {
	case r.ch <- e:
		r.accepted.Add(1)
	default:
		r.dropped.Add(1)
	}
}

// Stats returns the counters so far.
func (r *AsyncRecorder) Stats() Stats {
	return Stats{Accepted: r.accepted.Load(), Written: r.written.Load(), Dropped: r.dropped.Load()}
}

// Close stops accepting events and waits until the queued ones are written
// or ctx ends.
func (r *AsyncRecorder) Close(ctx context.Context) error {
	r.mu.Lock()
	if !r.closed {
		r.closed = true
		close(r.ch)
	}
	r.mu.Unlock()
	select {
	case <-r.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (r *AsyncRecorder) run() {
	defer close(r.done)
	tick := time.NewTicker(r.cfg.FlushInterval)
	defer tick.Stop()
	batch := make([]Event, 0, r.cfg.Batch)
	for {
		select {
		case e, ok := <-r.ch:
			if !ok {
				r.flush(batch)
				return
			}
			batch = append(batch, e)
			if len(batch) >= r.cfg.Batch {
				r.flush(batch)
				batch = batch[:0]
			}
		case <-tick.C:
			r.flush(batch)
			batch = batch[:0]
		}
	}
}

func (r *AsyncRecorder) flush(batch []Event) {
	if len(batch) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), r.cfg.WriteTimeout)
	defer cancel()
	if err := r.store.Write(ctx, batch); err != nil {
		r.dropped.Add(int64(len(batch)))
		// One line a minute is enough to tell an operator the store is down.
		now := time.Now().Unix()
		if last := r.lastErrLog.Load(); now-last >= 60 && r.lastErrLog.CompareAndSwap(last, now) {
			r.log.Warn("analytics events dropped", "events", len(batch), "err", err)
		}
		return
	}
	r.written.Add(int64(len(batch)))
}
