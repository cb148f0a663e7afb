package analytics_test

import (
	"context"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/spravka/spravka/analytics"
)

// BenchmarkRecord is what a request pays to record an event.
func BenchmarkRecord(b *testing.B) {
	store, err := analytics.OpenStore(context.Background(), "", b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	rec := analytics.NewRecorder(store, analytics.RecorderConfig{Buffer: 1 << 20, Logger: slog.New(slog.DiscardHandler)})
	ev := search(now, "en", "reset password", 3)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			rec.Record(ev)
		}
	})
	b.StopTimer()
	rec.Close(context.Background())
}

// BenchmarkSQLiteWrite measures stored events per second in batches of 256.
func BenchmarkSQLiteWrite(b *testing.B) {
	store, err := analytics.OpenStore(context.Background(), "", b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	batch := make([]analytics.Event, 256)
	for i := range batch {
		batch[i] = search(now.Add(-time.Duration(i)*time.Minute), "uk", fmt.Sprintf("запит %d", i%40), i%4)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := store.Write(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(batch))/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkSQLiteReport is one full 30-day report over 100,000 searches.
func BenchmarkSQLiteReport(b *testing.B) {
	store, err := analytics.OpenStore(context.Background(), "", b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	for i := 0; i < 100000; i += 1000 {
		batch := make([]analytics.Event, 0, 1000)
		for j := i; j < i+1000; j++ {
			batch = append(batch, gapSearch(now.Add(-time.Duration(j)*20*time.Second), "uk", fmt.Sprintf("запит %d", j%700), "a/b", "ru"))
		}
		if err := store.Write(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	f := analytics.Filter{Since: now.AddDate(0, 0, -30), Until: now}
	b.ResetTimer()
	for b.Loop() {
		if _, err := store.Report(context.Background(), f); err != nil {
			b.Fatal(err)
		}
	}
}
