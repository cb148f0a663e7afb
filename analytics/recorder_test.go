package analytics_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/spravka/spravka/analytics"
)

// testConcurrentRecording sends 10,000 events from 32 goroutines through
// the recorder into a real store: none may be dropped or lost.
func testConcurrentRecording(t *testing.T, s analytics.Store) {
	const total, workers = 10000, 32
	rec := analytics.NewRecorder(s, analytics.RecorderConfig{Logger: slog.New(slog.DiscardHandler)})
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < total; i += workers {
				rec.Record(search(now.Add(-time.Duration(i)*time.Second), "en", fmt.Sprintf("query %d", i%50), i%3))
			}
		}()
	}
	wg.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := rec.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if st := rec.Stats(); st.Accepted != total || st.Written != total || st.Dropped != 0 {
		t.Errorf("stats %+v; want %d accepted and written, none dropped", st, total)
	}
	r := report(t, s, analytics.Filter{Since: now.Add(-24 * time.Hour), Until: now.Add(time.Second)})
	if r.Summary.Searches != total {
		t.Errorf("store holds %d searches, want %d", r.Summary.Searches, total)
	}
}

// stuckStore never finishes a write until released, like a hung database.
type stuckStore struct {
	analytics.Store
	release chan struct{}
}

func (s stuckStore) Write(ctx context.Context, _ []analytics.Event) error {
	select {
	case <-s.release:
		return errors.New("store down")
	case <-ctx.Done():
		return ctx.Err()
	}
}

// A stuck store must not hold up the callers: Record returns at once and
// counts what does not fit in the buffer as dropped.
func TestRecordNeverBlocks(t *testing.T) {
	const total, workers, buffer = 10000, 32, 1000
	store := stuckStore{release: make(chan struct{})}
	rec := analytics.NewRecorder(store, analytics.RecorderConfig{Buffer: buffer, Batch: 10, Logger: slog.New(slog.DiscardHandler)})
	finished := make(chan struct{})
	go func() {
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < total; i += workers {
					rec.Record(search(now, "en", "q", 1))
				}
			}()
		}
		wg.Wait()
		close(finished)
	}()
	select {
	case <-finished:
	case <-time.After(30 * time.Second):
		t.Fatal("Record blocked while the store was stuck")
	}
	st := rec.Stats()
	if st.Accepted+st.Dropped != total || st.Accepted > buffer+10 || st.Dropped == 0 {
		t.Errorf("stats %+v; want accepted ≤ buffer + one batch and the rest counted as dropped", st)
	}
	close(store.release)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := rec.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if st := rec.Stats(); st.Written != 0 || st.Dropped != total {
		t.Errorf("after the store failed: %+v; want all %d counted as dropped", st, total)
	}
	rec.Record(search(now, "en", "late", 1))
	if st := rec.Stats(); st.Dropped != total+1 {
		t.Errorf("a Record after Close must count as dropped: %+v", st)
	}
}
