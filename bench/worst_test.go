package bench

import (
	"context"
	"testing"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/internal/worst"
)

// BenchmarkWorstInputs20k sends each worst input (internal/worst: one
// 20,000-letter word, 20,000 one-letter words, 2,000 distinct rare words)
// to search (no language, so that detection, the layout correction and the
// fallback to every language run), suggest and autocomplete on the
// generated 20,000-article corpus, one call per op. The bound is 50 ms and
// 10 MB per request (README, Security); B/op is what the call allocates.
func BenchmarkWorstInputs20k(b *testing.B) {
	eng, _ := engine20k(b)
	ctx := context.Background()
	agent := spravka.Access{Agent: "bench", Tiers: []string{"l1"}}
	for _, in := range worst.Inputs() {
		calls := []struct {
			name string
			fn   func() error
		}{
			{"search", func() error { _, err := eng.Search(ctx, spravka.Query{Text: in.Text}); return err }},
			{"suggest", func() error {
				_, err := eng.Suggest(ctx, spravka.SuggestRequest{Text: in.Text, Access: agent})
				return err
			}},
			{"autocomplete", func() error { _, err := eng.Autocomplete(ctx, spravka.Query{Text: in.Text}); return err }},
		}
		for _, c := range calls {
			b.Run(c.name+"/"+in.Name, func(b *testing.B) {
				if err := c.fn(); err != nil { // warm, as a running server is
					b.Fatal(err)
				}
				b.ReportAllocs()
				b.ResetTimer()
				start := time.Now()
				for i := 0; i < b.N; i++ {
					if err := c.fn(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/op")
			})
		}
	}
}
